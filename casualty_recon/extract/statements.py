"""Toll statements: which numbers in a sentence count people killed, injured or displaced.

A statement is a number with a population ("civilians", "people", "children"), an outcome
("killed", "wounded", "forced to flee") and a qualifier ("more than", "at least"). The finder is
rules over the words around each number, in the shapes news text uses:

| shape | example |
|---|---|
| passive | "more than 730 civilians had been killed", "22 people killed in raids" |
| active | "air strikes killed at least 13 civilians", "killing 18 people" |
| result | "leaving 23 civilians dead", "left 11 people dead" |
| toll | "the death toll reached at least 112", "putting the death toll at 70" |
| headline | "22 dead in U.S. raids", "Four killed in gas attack" |
| part | "including 11 children", "among them five women", "Among the dead were five children" |
| part | "Thirteen of them were children" after a count: a part of that count |
| displacement | "forced hundreds of thousands of people to flee" |

Numbers that are not tolls are refused on sight: years, dates, ages and durations
("eight-year-long"), percentages, distances, money, and counts of things that are not people
(towns, strikes, buildings), which never have a population word beside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from casualty_recon.extract.named_speakers import opens_with_breakdown
from casualty_recon.extract.numerals import Numeral, find_numerals, is_number_word
from casualty_recon.extract.statement_words import (
    AMONG_DEAD,
    AMONG_WOUNDED,
    CLAUSE_END,
    KILLED_NOUNS,
    MODIFIER_STOP,
    MOSTLY,
    NOT_A_TOLL_AFTER,
    NOT_A_TOLL_BEFORE,
    OUTCOME_AFTER,
    OUTCOME_AFTER_RE,
    PARENTHESIS,
    PART_BEFORE,
    POPULATION_NOUNS,
    POPULATION_PHRASES,
    QUALIFIER_OF,
    QUALIFIER_RE,
    RELATED,
    SUB_PART_BEFORE,
    TOLL_BEFORE,
    TOLL_PASSED,
    TOTAL_BROUGHT,
    VERB_BEFORE,
    VERB_OUTCOME,
    YEAR,
    toll_of,
)
from casualty_recon.extract.text import Sentence

# The vocabularies are in statement_words.


@dataclass(frozen=True, slots=True)
class Statement:
    """One toll stated in one sentence.

    `figure` is the canonical text in the figure grammar ("more than 730"); `stated` is the
    number as written (730), the value annotators record. `shape` names the rule that matched.
    """

    sentence: Sentence
    start: int
    end: int
    figure: str
    stated: int
    low: int
    high: int | None
    population: str
    outcome: str
    shape: str
    wording: str
    implied: bool = False
    vague: bool = False
    # The count of an earlier sentence this one breaks down ("Thirteen of them were children"):
    # its window, area and perpetrators are that count's.
    part_of: Statement | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.figure, self.population, self.outcome)


def article_statements(sentences: Sequence[Sentence]) -> list[Statement]:
    """Every toll statement of an article, with populations left implicit filled in.

    A headline says "Islamic State killed 270"; the lead says "killed 270 soldiers". A number
    whose population was only implied takes the population named beside the same number, with
    the same outcome, elsewhere in the article.
    """
    statements: list[Statement] = []
    before: Statement | None = None  # the last count of the sentence before
    for sentence in sentences:
        found = find_statements(sentence, before)
        statements.extend(found)
        before = found[-1] if found else None
    named = {(s.stated, s.outcome): s.population for s in reversed(statements) if not s.implied}
    return [
        replace(s, population=named[(s.stated, s.outcome)], implied=False)
        if s.implied and (s.stated, s.outcome) in named
        else s
        for s in statements
    ]


def find_statements(sentence: Sentence, before: Statement | None = None) -> list[Statement]:
    """Every toll statement in one sentence, in order; `before` is the last count of the
    sentence before, which one opening "Thirteen of them were children" breaks down."""
    text = sentence.text
    numerals = [n for n in find_numerals(text) if not _is_not_a_toll(text, n)]
    numerals.extend(_single_people(text))
    numerals.sort(key=lambda n: n.start)
    statements: list[Statement] = []
    skip_until = -1
    for index, numeral in enumerate(numerals):
        if numeral.start < skip_until:
            continue
        upper = _range_upper(text, numeral, numerals[index + 1 : index + 2])
        end = upper.end if upper else numeral.end
        if upper is None and not numeral.vague and text.startswith("+", end):
            end += 1  # "2,000+ people": more than 2,000
        # A sentence breaking down the count before ("The dead included four children") reads
        # its first number as a part of that count, as "including" reads one in a sentence.
        breakdown = not statements and before is not None and opens_with_breakdown(text)
        earlier = [before] if breakdown and before is not None else statements
        statement = _statement_at(sentence, numeral, upper, end, earlier)
        if statement is None and not statements and before is not None:
            statement = _part_of_before(sentence, numeral, end, before)
        elif statement is not None and before and opens_with_breakdown(text):
            statement = replace(statement, part_of=before)  # "Among the dead were four children"
        if statement is not None and statements:
            statements[-1] = _coordinated(text, statements[-1], statement)
        if statement is not None:
            statements.append(statement)
            skip_until = end
    return statements


# A breakdown of the count before, opening its sentence: "Thirteen of them were children".
_OF_THEM = re.compile(
    r"\s+of\s+(?:them|those|whom|the dead|the victims)\s+(?:were|was|are)\s+(?:also\s+)?", re.I
)


def _part_of_before(
    sentence: Sentence, numeral: Numeral, end: int, before: Statement
) -> Statement | None:
    """ "Thirteen of them were children" after a count: a part of it, of the population it
    names, with its outcome; None unless the sentence opens so and names a population."""
    text = sentence.text
    lead = _OF_THEM.match(text, end)
    if lead is None or numeral.vague or text[: numeral.start].strip(" \"'\u201c"):
        return None
    found = _population_after(text, lead.end() - 1, numeral)
    if found.population is None or found.population == before.population:
        return None
    figure, low, high = _figure("", numeral, None)
    return Statement(
        sentence=sentence,
        start=numeral.start,
        end=end,
        figure=figure,
        stated=numeral.value,
        low=low,
        high=high,
        population=found.population,
        outcome=before.outcome,
        shape="part",
        wording=text[numeral.start : end],
        part_of=before,
    )


def _coordinated(text: str, previous: Statement, statement: Statement) -> Statement:
    """ "killed 28 and wounded 30 militants": the first number takes the second's population."""
    if (
        previous.implied
        and not statement.implied
        and re.fullmatch(r"\s+and\s+(?:\w+\s+)?", text[previous.end : statement.start])
    ):
        return replace(previous, population=statement.population, implied=False)
    return previous


# --- one number ------------------------------------------------------------------------------

# How far the rules look before and after a number. Every pattern before a number is anchored at
# it and spans a few words (the longest, a toll phrase, about 200 characters), every one after it
# a few words too, so a statement costs the same in a 100 KB sentence as in a short one.
LOOK_BEFORE = 300
LOOK_AFTER = 200


def _before(text: str, end: int) -> str:
    """The text before `end`, at most LOOK_BEFORE characters, starting at a word."""
    start = end - LOOK_BEFORE
    if start <= 0:
        return text[:end]
    space = text.find(" ", start, end)
    return text[space if space >= 0 else start : end]


def _after(text: str, start: int) -> str:
    return text[start : start + LOOK_AFTER]


def _statement_at(
    sentence: Sentence,
    numeral: Numeral,
    upper: Numeral | None,
    end: int,
    earlier: list[Statement],
) -> Statement | None:
    text = sentence.text
    before = _before(text, numeral.start)
    qualifier_match = QUALIFIER_RE.search(before)
    qualifier = QUALIFIER_OF[qualifier_match.group(1).lower()] if qualifier_match else ""
    passed = not qualifier and TOLL_PASSED.search(before)
    if passed:
        qualifier = "more than"
    if upper is not None:
        qualifier = "between"
    elif end == numeral.end + 1 and text.startswith("+", numeral.end):
        qualifier = "more than"
    head = (
        numeral.start - len(before) + qualifier_match.start() if qualifier_match else numeral.start
    )
    related = text.find("Related", 0, head)
    if related >= 0 and RELATED.search(text, related, head):
        return None  # a list of links to other stories, not this article's text
    prefix = _before(text, head)
    clause_before = _clause_before(prefix)
    found = _population_after(text, end, numeral)
    population, after_population = found.population, found.end
    implied = population is None
    shape = ""
    outcome = ""

    verb = VERB_BEFORE.search(prefix)
    if verb:
        verb_text = verb.group("verb").lower()
        if verb_text.startswith(("left", "leav")):
            outcome = _outcome_in_window(text, after_population)
            shape = "result"
            if outcome and not population:  # "leaves 5, including an official, dead"
                population = "people" if outcome == "killed" else None
        elif verb_text.startswith("forc"):
            if population and re.match(
                r"\s+(?:to )?(?:flee|leave|evacuate)", _after(text, after_population), re.I
            ):
                outcome, shape = "displaced", "displacement"
        else:
            outcome = next(o for stem, o in VERB_OUTCOME if verb_text.startswith(stem))
            shape = "active"
        if outcome and not population:
            population = _elided_population(text, end, earlier)
    if shape == "active" and population:
        listed = _outcome_right_after(text, after_population)
        verb_of_next = re.match(  # "killed 30 people, injured 90": a verb, not a list
            r"\s*\w+\s+(?:\d|(?:at least|more than|another|some|about|nearly|over|"
            r"dozens|scores|hundreds|a|an)\b)",
            _after(text, after_population),
            re.I,
        )
        if listed and listed != outcome and not verb_of_next:
            outcome, shape = listed, "passive"  # "A child killed, 7 people injured"
    if not outcome and population and found.noun in KILLED_NOUNS:
        outcome, shape = "killed", "noun"
    if not outcome and population is None and AMONG_DEAD.search(clause_before):
        population = _elided_population(text, end, earlier)
    if not outcome and population:
        outcome = _outcome_in_window(text, after_population)
        shape = "passive" if outcome else ""
    if not outcome and population and AMONG_DEAD.search(clause_before):
        outcome, shape = "killed", "part"
    if not outcome and population and AMONG_WOUNDED.search(clause_before):
        outcome, shape = "injured", "part"
    if (
        not outcome
        and (passed or toll_of(prefix, text, end) or _brought_total(prefix, population, earlier))
        and population in (None, "people", "civilians", "children", "women", "men")
    ):
        outcome, shape = _toll_outcome(prefix, passed, earlier), "toll"
        if population is None:
            population = earlier[-1].population if earlier else "people"
    if not outcome and population is None:
        bare, how = _bare_outcome(text, end)
        if bare and bare != "displaced":
            outcome, shape, population = bare, how, "people"
    part = bool(earlier) and bool(PART_BEFORE.search(prefix))
    if not outcome and population and part:
        outcome, shape = earlier[-1].outcome, "part"
    if not outcome or not population:
        return None
    if population == "people" and _is_other(text, end) and earlier:
        population = earlier[-1].population
        implied = True
    if (
        part
        and earlier
        and earlier[-1].population == "combatants"
        and population in ("children", "women", "men", "people")
        and SUB_PART_BEFORE.search(prefix)
    ):
        population = "combatants"  # "287 IS fighters, among them 26 minors"
    mostly = MOSTLY.match(text[after_population : after_population + 60])
    if mostly and population == "people":
        word = mostly.group(1).lower()
        population = POPULATION_NOUNS.get(word, population)
    figure, low, high = _figure(qualifier, numeral, upper)
    return Statement(
        sentence=sentence,
        start=head,
        end=end,
        figure=figure,
        stated=numeral.value,
        low=low,
        high=high,
        population=population,
        outcome=outcome,
        shape=shape,
        wording=text[head:end],
        implied=implied,
        vague=numeral.vague,
    )


def _brought_total(prefix: str, population: str | None, earlier: list[Statement]) -> bool:
    """ "two more bodies were found, bringing the total to 14": a total after a count."""
    return population is None and bool(earlier) and bool(TOTAL_BROUGHT.search(prefix))


def _toll_outcome(prefix: str, passed: object, earlier: list[Statement]) -> str:
    """A death toll's outcome is killed; a total brought to a number has its count's."""
    if passed or TOLL_BEFORE.search(prefix) or not earlier:
        return "killed"
    return earlier[-1].outcome


def _figure(qualifier: str, numeral: Numeral, upper: Numeral | None) -> tuple[str, int, int | None]:
    """The canonical figure text and its interval."""
    if upper is not None:
        return f"between {numeral.value} and {upper.value}", numeral.value, upper.value
    if numeral.vague:
        return numeral.text.lower(), numeral.low, numeral.high
    value = numeral.value
    if qualifier == "more than":
        return f"more than {value}", value + 1, None
    if qualifier == "at least":
        return f"at least {value}", value, None
    if qualifier == "nearly":
        return f"nearly {value}", value - max(1, round(value * 0.1)), value - 1
    if qualifier == "about":
        spread = round(value * 0.1)
        return f"about {value}", value - spread, value + spread
    if qualifier == "up to":
        return f"up to {value}", 0, value
    if qualifier == "fewer than":
        return f"fewer than {value}", 0, value - 1
    return str(value), value, value


def _is_not_a_toll(text: str, numeral: Numeral) -> bool:
    after = text[numeral.end : numeral.end + 24]
    before = text[max(0, numeral.start - 24) : numeral.start]
    if NOT_A_TOLL_AFTER.match(after) or NOT_A_TOLL_BEFORE.search(before):
        return True
    if re.match(r"-(?:year|month|week|day|hour|strong|member|story|point|page)", after, re.I):
        return True
    # "since 2014", "April 4, 2017", "24 2016": a year, unless people are counted beside it
    if YEAR.match(numeral.text) and (
        re.search(r"\d,?\s*$", before)
        or not _population_after(text, numeral.end, numeral).population
    ):
        return True
    # "one of the", "one day": "one" as a pronoun or article, not a count; "no one was
    # killed", "not one died": nobody
    return numeral.text.lower() == "one" and bool(
        re.match(r"\s+(?:of|another|day|time|side|way)\b", after, re.I)
        or re.search(r"\b(?:no|not)\s*-?\s*$", before, re.I)
    )


def _single_people(text: str) -> list[Numeral]:
    """ "a child", "a woman" counted as one where they are part of a toll ("including a child")."""
    found = []
    for match in re.finditer(
        r"\b(?:including|among them|among the dead (?:was|were)|killing|killed|and|body of) "
        rf"(?P<one>an?) {_ONE_NOUN}\b"  # not a speaker: "residents and a local official said"
        r"(?!,?\s+(?:(?:also|later|have|has|had)\s+)?(?:said|says|say|told|tells|reported|added|"
        r"confirmed|stated|announced)\b)",
        text,
        re.I,
    ):
        start, end = match.span("one")
        found.append(Numeral(start, end, match.group("one"), 1, 1, words=True))
    for match in _ONE_BY_AGE.finditer(text):
        if not (match.group("lead") or match.group("tail")):
            continue
        start, end = match.span("one")
        article = re.search(r"\b(?:an?)\s+$", match.group("lead") or "", re.I)
        if article:  # "killing a 70-year-old woman": the count is "a 70-year-old"
            start -= len(article.group())
        found.append(Numeral(start, end, match.group("one"), 1, 1, words=True))
    for match in _ONE_IN_HEADLINE.finditer(text):
        start = match.start()
        first = match.group().split()[0]  # "Local journalist": the noun after is the population
        if not any(n.start == start for n in found):
            found.append(Numeral(start, start + len(first), first, 1, 1, words=True))
    for match in _ONE_KILLED.finditer(text):
        start, end = match.span("one")
        if not any(n.start == start for n in found):
            found.append(Numeral(start, end, match.group("one"), 1, 1, words=True))
    return found


# One person named by age where the sentence kills them: "8-year-old boy killed", "killing a
# 70-year-old woman", "a 19-year-old shot and killed".
_AGE_NOUN = r"(?:\s+(?:boy|girl|child|baby|man|woman|student|farmer|villager|civilian))?"
_ONE_BY_AGE = re.compile(
    r"(?P<lead>\b(?:killing|killed)\s+(?:an?\s+)?)?\b(?P<one>\d{1,3}-year-old)"
    + _AGE_NOUN
    + r"(?P<tail>\s+(?:(?:was|has been|is)\s+)?(?:killed|shot dead|shot and killed|died|dies)\b)?",
    re.I,
)
# One person named by a singular noun of POPULATION_NOUNS, with up to two modifiers.
_PERSON = (
    r"(?:child|boy|girl|baby|infant|woman|man|civilian|doctor|nurse|"
    r"journalist|paramedic|medic|soldier|fighter|villager|farmer|student|teacher|resident|"
    r"trader|driver|miner|herder|teenager|worker|policeman|police officer|officer|guard|"
    r"militant|rebel|insurgent|militiaman|commander|official|leader|councillor|councilor|"
    r"mayor|chief|priest|pastor|imam|cleric|monk|elder|bandit|gendarme|peacekeeper|"
    r"catechist|activist|humanitarian worker|aid worker|health worker|protester|protestor|"
    r"demonstrator|passenger|refugee|migrant|worshipper|pilgrim|hostage)"
)
_ONE_NOUN = rf"(?:[\w-]+ ){{0,2}}?{_PERSON}"
# Victims who do not kill in news prose: "A child killed 7 people injured" is a headline.
_VICTIM_NOUN = (
    r"(?:child|boy|girl|baby|infant|woman|man|civilian|doctor|nurse|journalist|paramedic|medic)"
)
# "A child killed in ...", "a police officer was shot dead": one person, where the sentence
# says so. Without an auxiliary, the verb after anyone but a victim must end its clause: "a
# gunman killed 12" is no toll of one.
_ONE_KILLED = re.compile(
    rf"(?:^|(?<=[\s,;]))(?P<one>[Aa]n?) (?:{_VICTIM_NOUN}(?= (?:was |has been |had been )?"
    r"(?:also |later |reportedly )?"
    r"(?:killed|died|dies|dead|shot dead)\b)|"
    rf"{_ONE_NOUN}\b(?= (?:(?:was|has been|had been|"
    r"and (?:[\w-]+ ){1,3}(?:were|have been|had been))(?: also| later| reportedly)? "
    r"(?:killed|shot dead|shot and killed|murdered|gunned down|beheaded|lynched)|"
    r"(?:killed|died|dies|dead|shot dead)(?=\s+(?:in|on|at|by|near|during|after|when|as|while|"
    r"and|overnight|yesterday|today)\b|\s*[,.;:]|\s*$))\b))"
)

# Headlines drop the article: "Villager killed by border guards", "Local journalist shot dead in
# Veracruz" (at the start, or after "Report:" or " - "): one person, the verb as in _ONE_KILLED.
_ONE_IN_HEADLINE = re.compile(
    r"(?:^|(?<=: )|(?<= - ))(?=[A-Z])"
    r"(?!(?:another|the|this|that|one|each|every|no|his|her|their|its)\b)(?:[\w'-]+ ){0,2}?"
    rf"{_PERSON}"
    r"(?= (?:was )?(?:killed|shot dead|shot and killed|gunned down|beheaded|lynched|dies|died)"
    r"(?=\s+(?:in|on|at|by|near|during|after|when|as|while|and|overnight)\b|\s*[,.;:]|\s*$))",
    re.I,
)


def _range_upper(text: str, numeral: Numeral, following: list[Numeral]) -> Numeral | None:
    """The upper end of "between 160 and 300", "160-300", "160 to 300"."""
    if not following or numeral.vague:
        return None
    upper = following[0]
    gap = text[numeral.end : upper.start]
    if upper.vague or upper.value <= numeral.value:
        return None
    if re.fullmatch(r"\s*(?:-|\u2013|to)\s*", gap):
        return upper
    if re.fullmatch(r"\s+and\s+", gap) and re.search(
        r"\bbetween\s+$", _before(text, numeral.start), re.I
    ):
        return upper
    return None


@dataclass(frozen=True, slots=True)
class _Population:
    population: str | None
    end: int
    noun: str = ""


def _population_after(text: str, end: int, numeral: Numeral) -> _Population:
    """The population named right after a number, where its noun ends, and the noun."""
    population, noun_end, noun = _population_noun(text, end, numeral)
    return _Population(population, noun_end, noun)


def _population_noun(text: str, end: int, numeral: Numeral) -> tuple[str | None, int, str]:
    own = numeral.text.lower()
    if own in POPULATION_NOUNS:  # "Villager killed by ...": the headline's noun is the count
        return POPULATION_NOUNS[own], end, own
    rest = text[end : end + 80]
    offset = 0
    lead = None
    if numeral.vague or "dozen" in numeral.text.lower():
        lead = re.match(r"\s+of\s+(?:the\s+)?", rest)
    else:  # "12 of its fighters", "eight of their members": a group counting its own
        lead = re.match(r"\s+of\s+(?:its|their|our)\s+(?:own\s+)?", rest, re.I)
    if lead:
        offset = lead.end()
    elif re.match(r"\s+others\b", rest, re.I):
        return "people", end + rest.lower().index("others") + 6, "others"
    dead = _OF_THE_DEAD.match(rest)
    if dead and not numeral.vague:  # "24,686 of the dead": a part of a death toll
        return "people", end + dead.end(), "deaths"
    year_like = bool(YEAR.match(numeral.text))
    shouting = rest == rest.upper()  # a headline in capitals: no word is an acronym
    words = list(re.finditer(r"[A-Za-z][A-Za-z'.-]*", rest[offset:]))
    position = offset
    for count, word in enumerate(words[:5]):
        gap = rest[position : offset + word.start()]
        if not re.fullmatch(r"\s+|\s*-\s*" if count else r"[\"']?\s+", gap) and not (
            count == 0 and offset
        ):
            break
        token = word.group().lower().rstrip(".")
        if is_number_word(token) or (count > 0 and year_like):
            break
        pair = (
            f"{token} {words[count + 1].group().lower().rstrip('.')}"
            if count + 1 < len(words)
            else ""
        )
        if pair in POPULATION_PHRASES:
            return POPULATION_PHRASES[pair], end + offset + words[count + 1].end(), pair
        if token in POPULATION_NOUNS:
            population: str | None = POPULATION_NOUNS[token]
            noun_end = end + offset + word.end()
            if token in ("members", "member", "families", "relatives"):
                population = _members(text, noun_end, POPULATION_NOUNS[token])
            elif token in ("workers", "worker") and count > 0:
                population = "civilians"
            elif token == "forces" and count == 0:
                population = None
            return population, noun_end, token
        if count == 0 and token == "more" and not re.match(r"\s*than\b", rest[word.end() :]):
            position = offset + word.end()  # "six more villagers killed": an increment
            continue
        if token in MODIFIER_STOP and not (
            word.group().isupper() and len(word.group()) > 1 and not shouting
        ):
            break  # "IS fighters": an acronym, not the verb (unless all the text is capitals)
        if (
            count == 0
            and _DEMONYM_PLURAL.match(word.group())
            and not (count + 1 < len(words) and pair.split(" ")[-1] in POPULATION_NOUNS)
        ):  # "four Arakanese", "20 Thais"; not "6 Lebanese martyrs", where it is a modifier
            return "people", end + offset + word.end(), token
        position = offset + word.end()
    return None, end, ""


# A people named by a capitalised plural: "Arakanese", "Iranians", "Iraqis" (people, as for the
# nationalities listed in statement_words).
_DEMONYM_PLURAL = re.compile(r"^[A-Z][a-z]{2,}(?:ese|ians|eans|ans|is)$")
_OF_THE_DEAD = re.compile(
    r"\s+of\s+(?:the|those)\s+(?:dead|killed|victims|fatalities|deceased)\b", re.I
)


def _members(text: str, noun_end: int, population: str) -> str:
    if re.match(
        r"\s+of\s+(?:a|one|the same|his|her|their|a single)\s+(?:\w+\s+)?family",
        _after(text, noun_end),
        re.I,
    ):
        return "civilians"
    if population == "civilians":
        return "civilians"
    return "combatants"


# An increment whose noun is left out, in a passive clause: "two hundred more were wounded",
# "40 more have been killed" (people: the sentence names no one).
_MORE_PASSIVE = re.compile(r"\s+more\s+(?=(?:were|was|have been|had been|are)\s)", re.I)


def _bare_outcome(text: str, end: int) -> tuple[str, str]:
    """The outcome right after a number with no noun and the rule that read it: a headline's
    ("22 dead"), else an increment's whose noun is left out ("two hundred more were wounded")."""
    bare = _outcome_right_after(text, end)
    if bare:
        return bare, "headline"
    more = _MORE_PASSIVE.match(text, end)
    return (_outcome_right_after(text, more.end()), "passive") if more is not None else ("", "")


def _outcome_right_after(text: str, end: int) -> str:
    """The outcome word directly after a number or noun ("22 dead", "left 11 people dead")."""
    match = re.match(
        r"\s*(?:(?:were|was|have been|had been|are|have|had|being|reported|reportedly|"
        r"confirmed|feared|now|more)\s+)?"
        r"(killed\s*(?:or|and|&)\s*(?:wounded|injured)|shot (?:dead|and killed)|dead|killed|died|"
        r"dies|die|wounded|injured|"
        r"hurt|homeless|missing|displaced)\b",
        _after(text, end),
        re.I,
    )
    if not match:
        return ""
    word = match.group(1).lower()
    if word in ("dead", "killed", "died", "dies", "die") or word.startswith("shot"):
        return "killed"
    if word in ("wounded", "injured", "hurt"):
        return "injured"
    if word == "homeless":
        return "displaced"
    if word.startswith("killed") and word != "killed":
        return "killed or injured"
    return word


def _outcome_in_window(text: str, start: int) -> str:
    """The outcome stated after a population, within the same clause."""
    window = PARENTHESIS.sub(" ", text[start : start + 160])[:110]
    boundary = CLAUSE_END.search(window)
    if boundary:
        window = window[: boundary.start()]
    words = window.split()
    window = " ".join(words[:12])
    match = OUTCOME_AFTER_RE.search(window)
    if not match:
        return ""
    # "civilians who fled", "people living in": an outcome after a verb of something else;
    # "may have been killed" is an estimate of deaths, "could be killed" a warning
    between = re.sub(r"\b(?:may|might|could) have been\s*$", "", window[: match.start()])
    if match.group(1).lower() == "missing":  # "9,000 people remain missing": still missing
        between = re.sub(r"\b(?:remain|remains|remained)\s+(?:still\s+)?$", "", between)
    if re.search(
        r"\b(?:live|living|lived|reside|residing|trapped|besieged|need|needing|"
        r"remain|remaining|stay|staying|threat|risk|could|would|may|might|fear|"
        r"feared|to be|return|returned|returning|treated|treating|rescued|"
        r"evacuated|receive|received|help|helped|saved|hosting|host)\b",
        between,
        re.I,
    ):
        return ""
    word = match.group(1)
    for pattern, outcome in OUTCOME_AFTER:
        if pattern.fullmatch(word):
            return outcome
    return ""


def _elided_population(text: str, end: int, earlier: list[Statement]) -> str | None:
    """The population of "killed 6 people and wounded 10": the one stated just before."""
    rest = text[end : end + 30]
    if re.match(
        r"\s*(?:[,.;)\-]|and\b|in\b|on\b|at\b|near\b|when\b|after\b|$|others?\b|"
        r"more\b|people\b|persons\b|wounded\b|injured\b|dead\b|killed\b|the\b|"
        r"during\b|since\b|across\b|including\b|as\b)",
        rest,
        re.I,
    ):
        if earlier:
            return earlier[-1].population
        return "people"
    return None


def _is_other(text: str, end: int) -> bool:
    return bool(re.match(r"\s+others\b", text[end : end + 10], re.I))


def _clause_before(text: str) -> str:
    """The part of `text` after its last clause boundary."""
    cut = max(text.rfind(";"), text.rfind(":"), text.rfind(" - "))
    return text[cut + 1 :] if cut >= 0 else text
