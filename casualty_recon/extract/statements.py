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
| displacement | "forced hundreds of thousands of people to flee" |

Numbers that are not tolls are refused on sight: years, dates, ages and durations
("eight-year-long"), percentages, distances, money, and counts of things that are not people
(towns, strikes, buildings), which never have a population word beside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from casualty_recon.extract.numerals import Numeral, find_numerals, is_number_word
from casualty_recon.extract.text import Sentence

# --- vocabularies -----------------------------------------------------------------------------

# Population nouns (singular and plural) and the population they count.
_POPULATION_NOUNS: dict[str, str] = {}
for _population, _nouns in {
    "civilians": "civilians civilian citizens citizen residents resident villagers villager "
    "inhabitants worshippers worshipers passengers passenger students student pupils shoppers "
    "farmers farmer workers worker refugees refugee displaced relatives mourners "
    "protesters protestors demonstrators pilgrims rescuers volunteers patients patient "
    "teachers",
    "people": "people persons person individuals individual syrians others lives bodies "
    "victims martyrs martyr deaths fatalities",
    "children": "children child kids kid babies baby infants infant boys boy girls girl "
    "minors minor toddlers schoolchildren",
    "women": "women woman",
    "men": "men man",
    "combatants": "fighters fighter rebels rebel soldiers soldier troops militants militant "
    "jihadists jihadist insurgents insurgent gunmen gunman militiamen militiaman terrorists "
    "terrorist servicemen serviceman officers officer guards guard policemen policeman "
    "commanders commander combatants combatant recruits mercenaries elements operatives "
    "extremists extremist members member personnel loyalists loyalist gunmen troopers "
    "attackers attacker bombers militias militia forces",
    "health workers": "doctors doctor medics medic nurses nurse paramedics paramedic",
    "journalists": "journalists journalist reporters reporter photographers",
    "aid workers": "staff staffers",
}.items():
    for _noun in _nouns.split():
        _POPULATION_NOUNS[_noun] = _population
# Nouns that state the outcome themselves: "51 martyrs", "12 bodies", "30 deaths".
_KILLED_NOUNS = frozenset({"martyrs", "martyr", "bodies", "deaths", "fatalities", "lives"})

# Two-word population nouns, tried before single words.
_POPULATION_PHRASES: dict[str, str] = {
    "health workers": "health workers",
    "medical workers": "health workers",
    "medical staff": "health workers",
    "aid workers": "aid workers",
    "humanitarian workers": "aid workers",
    "relief workers": "aid workers",
    "rescue workers": "civilians",
    "family members": "civilians",
    "security forces": "combatants",
    "media activists": "journalists",
}

# Words that may sit between a number and its population noun ("22 Syrian civilians").
_MODIFIER_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "of",
        "and",
        "or",
        "to",
        "from",
        "by",
        "for",
        "with",
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "be",
        "are",
        "is",
        "who",
        "that",
        "which",
        "killed",
        "dead",
        "died",
        "wounded",
        "injured",
        "since",
        "after",
        "before",
        "during",
        "when",
        "where",
        "while",
        "as",
        "than",
        "said",
        "says",
        "the",
        "their",
        "his",
        "her",
        "its",
        "into",
        "over",
        "under",
        "more",
        "less",
        "about",
        "between",
        "among",
        "including",
        "they",
        "it",
        "he",
        "she",
        "we",
        "this",
        "these",
        "those",
        "them",
        "whom",
        "not",
        "no",
    ]
)

# Qualifiers before a number, longest first, and the figure-grammar phrase each becomes.
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("no fewer than", "at least"),
    ("no less than", "at least"),
    ("not less than", "at least"),
    ("a minimum of", "at least"),
    ("at least", "at least"),
    ("more than", "more than"),
    ("upwards of", "more than"),
    ("in excess of", "more than"),
    ("over", "more than"),
    ("just under", "nearly"),
    ("close to", "nearly"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("roughly", "about"),
    ("around", "about"),
    ("about", "about"),
    ("some", "about"),
    ("as many as", "up to"),
    ("up to", "up to"),
    ("at most", "up to"),
    ("fewer than", "fewer than"),
    ("less than", "fewer than"),
)
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=\W))(" + "|".join(re.escape(q) for q, _ in _QUALIFIERS) + r")\s+$", re.I
)
_QUALIFIER_OF = dict(_QUALIFIERS)

# Outcome words after the population ("were killed") and the outcome they state.
_OUTCOME_AFTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), outcome)
    for pattern, outcome in (
        (
            r"(?:killed|dead|died)\s*(?:or|and|&|and/or)\s*(?:wounded|injured|hurt)|casualties",
            "killed or injured",
        ),
        (
            r"killed|dead|died|die|perished|slain|massacred|executed|murdered|martyred|"
            r"slaughtered|lost their lives|deaths|fatalities|death toll|bodies|lifeless|"
            r"burned to death|beheaded|shot dead|suffocated",
            "killed",
        ),
        (r"wounded|injured|hurt|injuries|wounds|injuring|wounding", "injured"),
        (
            r"displaced|fled|flee|fleeing|uprooted|homeless|forced (?:out|from)|"
            r"driven (?:out|from)",
            "displaced",
        ),
        (r"missing|unaccounted for", "missing"),
        (r"detained|arrested|abducted|kidnapped|captured|taken hostage|imprisoned", "detained"),
    )
)
_OUTCOME_AFTER_RE = re.compile(
    r"\b(" + "|".join(p.pattern for p, _ in _OUTCOME_AFTER) + r")\b", re.I
)

# Active verbs right before the number ("killed 13 civilians", "leaving 27 people dead").
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>killed|kills|kill|killing|claimed the lives of|claiming the lives of|"
    r"claimed|claiming|took the lives of|taking the lives of|executed|executing|massacred|"
    r"murdered|slaughtered|shot dead|gunned down|deaths? of|killings? of|bodies of|"
    r"lives of|wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|displaced|"
    r"displacing|displaces|forced|forcing|forces|uprooted|driven|arrested|detained|"
    r"detaining|arresting|abducted|abducting|kidnapped|kidnapping|left|leaving|leaves|"
    r"martyred|martyrdom of)"
    r"(?:\s+(?:another|a further|an additional|at least|more than|some|about|around|nearly|"
    r"almost|over|up to|as many as|roughly|approximately|no fewer than|the))*\s+$",
    re.I,
)
_VERB_OUTCOME: tuple[tuple[str, str], ...] = (
    ("kill", "killed"),
    ("claim", "killed"),
    ("took", "killed"),
    ("taking", "killed"),
    ("execut", "killed"),
    ("massacr", "killed"),
    ("murder", "killed"),
    ("slaughter", "killed"),
    ("shot", "killed"),
    ("gunned", "killed"),
    ("death", "killed"),
    ("bodies", "killed"),
    ("lives", "killed"),
    ("martyr", "killed"),
    ("wound", "injured"),
    ("injur", "injured"),
    ("hurt", "injured"),
    ("displac", "displaced"),
    ("uproot", "displaced"),
    ("forc", "displaced"),
    ("driven", "displaced"),
    ("arrest", "detained"),
    ("detain", "detained"),
    ("abduct", "detained"),
    ("kidnap", "detained"),
)

# A toll named before its number: "the death toll ... reached at least 112".
_TOLL_BEFORE = re.compile(
    r"\b(?:death toll|toll|number of (?:the )?(?:dead|deaths|victims|fatalities|people killed|"
    r"those killed|martyrs))\b(?P<between>[^.;:]{0,120}?)\b(?:rose|risen|rises|rising|climbed|"
    r"climbs|reached|reaches|jumped|increased|stood|stands|hit|hits|to|at|of|is|was|has|had|"
    r"from)\s+(?:(?:at least|more than|over|some|about|around|nearly|almost|to|at)\s+)*$",
    re.I,
)
# Parts of a toll stated before: "including 11 children", "among them five women".
_PART_BEFORE = re.compile(
    r"(?:\bincluding|\bincluded|\bamong them|\bamong whom|\bamong those|\bamong the (?:dead|"
    r"victims|killed|wounded|injured)(?: (?:were|are|was))?|\bof whom|\bof them|\bmost of them|"
    r"\bwhile|\band|,|-|\()\s*(?:(?:at least|more than|some|about|nearly|around|the)\s+)*$",
    re.I,
)
# Part markers that make a number a subset of the one before ("among them 26 minors"), as
# against a list ("50 militants and eight civilians").
_SUB_PART_BEFORE = re.compile(
    r"(?:\bincluding|\bincluded|\bamong them|\bamong whom|\bof whom|\bof them|\bmost of them)"
    r"\s*(?:(?:at least|more than|some|about|nearly|around|the)\s+)*$",
    re.I,
)
_AMONG_DEAD = re.compile(
    r"\bamong (?:the )?(?:dead|killed|victims|fatalities|those killed)\b", re.I
)
_AMONG_WOUNDED = re.compile(r"\bamong (?:the )?(?:wounded|injured)\b", re.I)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_NOT_A_TOLL_AFTER = re.compile(
    r"^(?:\s*-\s*|\s+)?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs|minutes?|seconds?|"
    r"decades?|centur(?:y|ies)|km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|"
    r"percent|per cent|pc|st|nd|rd|th|am|pm|a\.m|p\.m|o'clock|dollars?|euros?|pounds?|"
    r"lira|liras|tons?|tonnes?|kg|kilograms?|times|rounds?|mm|millimet|bn|billion|"
    rf"GMT|local time|{_MONTHS})\b|^\s*%",
    re.I,
)
_NOT_A_TOLL_BEFORE = re.compile(
    rf"(?:\b(?:{_MONTHS})\.?|\baged|\bage of|\bages of|\bages|\bresolution|\bno\.|\bnumber|"
    r"\bvs\.?|\bpage|\broute|\bhighway|\bbrigade|\bdivision|\bunit|\bregiment|\bcorps|\bpoint|"
    r"\bgrade|\bclass|\bchapter|\barticle|\bcode|\bversion|\bphase|\bround|\bsection|\bterm|"
    r"[$€£#]|\bUS\$|\bUSD|\bmore than \d+ of|\bout of)\s*$",
    re.I,
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")

_CLAUSE_END = re.compile(
    r"[;:]|\s-\s|\b(?:said|says|say|told|according|reported|added|while|whereas|but|although|"
    r"because|however|where|when|after|before|as|since|amid|which|saying)\b",
    re.I,
)


_RELATED = re.compile(r"\bRelated\b(?! to)")
# "47 people, most of them civilians"
_MOSTLY = re.compile(
    r"\s*,?\s*(?:most|mostly|many|all|the majority)(?: of (?:them|whom))?(?: were| are)?\s+"
    r"(?:\w+\s+){0,3}?(civilians|fighters|rebels|soldiers|militants|members|jihadists|troops)\b",
    re.I,
)
# "23 civilians - including nine children - dead", "(including 11 children)"
_PARENTHESIS = re.compile(r"\s-\s[^-]{0,60}?\s-\s|\s*\([^)]{0,60}\)|,\s+including[^,]{0,40},")


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

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.figure, self.population, self.outcome)


def article_statements(sentences: Sequence[Sentence]) -> list[Statement]:
    """Every toll statement of an article, with populations left implicit filled in.

    A headline says "Islamic State killed 270"; the lead says "killed 270 soldiers". A number
    whose population was only implied takes the population named beside the same number, with
    the same outcome, elsewhere in the article.
    """
    statements = [s for sentence in sentences for s in find_statements(sentence)]
    named = {(s.stated, s.outcome): s.population for s in reversed(statements) if not s.implied}
    return [
        replace(s, population=named[(s.stated, s.outcome)], implied=False)
        if s.implied and (s.stated, s.outcome) in named
        else s
        for s in statements
    ]


def find_statements(sentence: Sentence) -> list[Statement]:
    """Every toll statement in one sentence, in order."""
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
        statement = _statement_at(sentence, numeral, upper, end, statements)
        if statement is not None and statements:
            statements[-1] = _coordinated(text, statements[-1], statement)
        if statement is not None:
            statements.append(statement)
            skip_until = end
    return statements


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


def _statement_at(
    sentence: Sentence,
    numeral: Numeral,
    upper: Numeral | None,
    end: int,
    earlier: list[Statement],
) -> Statement | None:
    text = sentence.text
    before = text[: numeral.start]
    qualifier_match = _QUALIFIER_RE.search(before)
    qualifier = _QUALIFIER_OF[qualifier_match.group(1).lower()] if qualifier_match else ""
    if upper is not None:
        qualifier = "between"
    elif end == numeral.end + 1 and text.startswith("+", numeral.end):
        qualifier = "more than"
    head = qualifier_match.start() if qualifier_match else numeral.start
    if _RELATED.search(text[:head]):
        return None  # a list of links to other stories, not this article's text
    clause_before = _clause_before(text[:head])
    found = _population_after(text, end, numeral)
    population, after_population = found.population, found.end
    implied = population is None
    shape = ""
    outcome = ""

    verb = _VERB_BEFORE.search(text[:head])
    if verb:
        verb_text = verb.group("verb").lower()
        if verb_text.startswith(("left", "leav")):
            outcome = _outcome_in_window(text, after_population) if population else ""
            shape = "result"
        elif verb_text.startswith("forc"):
            if population and re.match(
                r"\s+(?:to )?(?:flee|leave|evacuate)", text[after_population:], re.I
            ):
                outcome, shape = "displaced", "displacement"
        else:
            outcome = next(o for stem, o in _VERB_OUTCOME if verb_text.startswith(stem))
            shape = "active"
        if outcome and not population:
            population = _elided_population(text, end, earlier)
    if shape == "active" and population:
        listed = _outcome_right_after(text, after_population)
        verb_of_next = re.match(  # "killed 30 people, injured 90": a verb, not a list
            r"\s*\w+\s+(?:\d|(?:at least|more than|another|some|about|nearly|over|"
            r"dozens|scores|hundreds|a|an)\b)",
            text[after_population:],
            re.I,
        )
        if listed and listed != outcome and not verb_of_next:
            outcome, shape = listed, "passive"  # "A child killed, 7 people injured"
    if not outcome and population and found.noun in _KILLED_NOUNS:
        outcome, shape = "killed", "noun"
    if not outcome and population is None and _AMONG_DEAD.search(clause_before):
        population = _elided_population(text, end, earlier)
    if not outcome and population:
        outcome = _outcome_in_window(text, after_population)
        shape = "passive" if outcome else ""
    if not outcome and population and _AMONG_DEAD.search(clause_before):
        outcome, shape = "killed", "part"
    if not outcome and population and _AMONG_WOUNDED.search(clause_before):
        outcome, shape = "injured", "part"
    if (
        not outcome
        and _TOLL_BEFORE.search(text[:head])
        and population in (None, "people", "civilians", "children", "women", "men")
    ):
        outcome, shape = "killed", "toll"
        if population is None:
            population = earlier[-1].population if earlier else "people"
    if not outcome and population is None:
        bare = _outcome_right_after(text, end)
        if bare and bare != "displaced":
            outcome, shape, population = bare, "headline", "people"
    part = bool(earlier) and bool(_PART_BEFORE.search(text[:head]))
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
        and _SUB_PART_BEFORE.search(text[:head])
    ):
        population = "combatants"  # "287 IS fighters, among them 26 minors"
    mostly = _MOSTLY.match(text[after_population : after_population + 60])
    if mostly and population == "people":
        word = mostly.group(1).lower()
        population = _POPULATION_NOUNS.get(word, population)
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
    if _NOT_A_TOLL_AFTER.match(after) or _NOT_A_TOLL_BEFORE.search(before):
        return True
    if re.match(r"-(?:year|month|week|day|hour|strong|member|story|point|page)", after, re.I):
        return True
    # "since 2014", "April 4, 2017", "24 2016": a year, unless people are counted beside it
    if _YEAR.match(numeral.text) and (
        re.search(r"\d,?\s*$", before)
        or not _population_after(text, numeral.end, numeral).population
    ):
        return True
    # "one of the", "one day": "one" as a pronoun or article, not a count
    return numeral.text.lower() == "one" and bool(
        re.match(r"\s+(?:of|another|day|time|side|way)\b", after, re.I)
    )


def _single_people(text: str) -> list[Numeral]:
    """ "a child", "a woman" counted as one where they are part of a toll ("including a child")."""
    found = []
    for match in re.finditer(
        r"\b(?:including|among them|among the dead (?:was|were)|killing|killed|and) "
        r"(?P<one>an?) (?:child|boy|girl|baby|infant|woman|man|civilian|doctor|nurse|"
        r"journalist|paramedic|medic|soldier|fighter)\b",
        text,
        re.I,
    ):
        start, end = match.span("one")
        found.append(Numeral(start, end, match.group("one"), 1, 1, words=True))
    for match in _ONE_KILLED.finditer(text):
        start, end = match.span("one")
        if not any(n.start == start for n in found):
            found.append(Numeral(start, end, match.group("one"), 1, 1, words=True))
    return found


# "A child killed in ...", "a woman was killed": one person, where the sentence says so.
_ONE_KILLED = re.compile(
    r"(?:^|(?<=[\s,;]))(?P<one>[Aa]n?) (?:child|boy|girl|baby|infant|woman|man|civilian|"
    r"doctor|nurse|journalist|paramedic|medic)\b(?= (?:was |has been |had been )?"
    r"(?:killed|died|dies|dead|shot dead)\b)"
)


def _range_upper(text: str, numeral: Numeral, following: list[Numeral]) -> Numeral | None:
    """The upper end of "between 160 and 300", "160-300", "160 to 300"."""
    if not following or numeral.vague:
        return None
    upper = following[0]
    gap = text[numeral.end : upper.start]
    if upper.vague or upper.value <= numeral.value:
        return None
    if re.fullmatch(r"\s*(?:-|to)\s*", gap):
        return upper
    if re.fullmatch(r"\s+and\s+", gap) and re.search(r"\bbetween\s+$", text[: numeral.start], re.I):
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
    rest = text[end : end + 80]
    offset = 0
    lead = None
    if numeral.vague or "dozen" in numeral.text.lower():
        lead = re.match(r"\s+of\s+(?:the\s+)?", rest)
    if lead:
        offset = lead.end()
    elif re.match(r"\s+others\b", rest, re.I):
        return "people", end + rest.lower().index("others") + 6, "others"
    year_like = bool(_YEAR.match(numeral.text))
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
        if pair in _POPULATION_PHRASES:
            return _POPULATION_PHRASES[pair], end + offset + words[count + 1].end(), pair
        if token in _POPULATION_NOUNS:
            population: str | None = _POPULATION_NOUNS[token]
            noun_end = end + offset + word.end()
            if token in ("members", "member", "families", "relatives"):
                population = _members(text, noun_end, _POPULATION_NOUNS[token])
            elif token in ("workers", "worker") and count > 0:
                population = "civilians"
            elif token == "forces" and count == 0:
                population = None
            return population, noun_end, token
        if token in _MODIFIER_STOP and not (word.group().isupper() and len(word.group()) > 1):
            break  # "IS fighters": an acronym, not the verb
        position = offset + word.end()
    return None, end, ""


def _members(text: str, noun_end: int, population: str) -> str:
    if re.match(
        r"\s+of\s+(?:a|one|the same|his|her|their|a single)\s+(?:\w+\s+)?family",
        text[noun_end:],
        re.I,
    ):
        return "civilians"
    if population == "civilians":
        return "civilians"
    return "combatants"


def _outcome_right_after(text: str, end: int) -> str:
    """The outcome word directly after a number or noun ("22 dead", "left 11 people dead")."""
    match = re.match(
        r"\s*(?:(?:were|was|have been|had been|are|have|had|being)\s+)?"
        r"(killed\s*(?:or|and|&)\s*(?:wounded|injured)|dead|killed|died|wounded|injured|hurt|homeless|"
        r"missing|displaced)\b",
        text[end:],
        re.I,
    )
    if not match:
        return ""
    word = match.group(1).lower()
    if word in ("dead", "killed", "died"):
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
    window = _PARENTHESIS.sub(" ", text[start : start + 160])[:110]
    boundary = _CLAUSE_END.search(window)
    if boundary:
        window = window[: boundary.start()]
    words = window.split()
    window = " ".join(words[:12])
    match = _OUTCOME_AFTER_RE.search(window)
    if not match:
        return ""
    # "civilians who fled", "people living in": an outcome after a verb of something else
    between = window[: match.start()]
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
    for pattern, outcome in _OUTCOME_AFTER:
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
