"""The words of toll statements: population nouns, outcomes, qualifiers and the patterns
around a number that say whether it is a toll (used by `statements`)."""

from __future__ import annotations

import re

from casualty_recon.grammar.wording import MONTHS as MONTH_NAMES

# Population nouns (singular and plural) and the population they count. The rule, for any
# conflict: people named by what they were doing or where they were ("villagers", "worshippers",
# "students", "migrants", "shoppers") are civilians; people named by nationality, ethnicity or
# faith ("Palestinians", "Ukrainians", "Rohingya", "Muslims") are people, since such counts take
# in fighters unless the sentence says otherwise; armed men by any name ("soldiers", "militants",
# "Islamists", "police officers") are combatants.
POPULATION_NOUNS: dict[str, str] = {}
for _population, _nouns in {
    "civilians": "civilians civilian citizens citizen residents resident villagers villager "
    "inhabitants worshippers worshipers passengers passenger students student pupils shoppers "
    "farmers farmer workers worker refugees refugee displaced relatives mourners "
    "protesters protestors demonstrators pilgrims rescuers volunteers patients patient "
    "teachers migrants migrant fishermen herders traders shopkeepers tourists hostages "
    "churchgoers farmworkers labourers laborers miners commuters supporters activists "
    "miner herder trader teacher shopkeeper driver drivers pedestrians bystanders vendors "
    "peasants pastoralists teenagers teenager protester demonstrator worshipper pilgrim "
    "hostage",
    "people": "people persons person individuals individual syrians others lives bodies "
    "victims martyrs martyr deaths fatalities palestinians ukrainians russians israelis "
    "iraqis afghans yemenis somalis sudanese libyans nigerians malians congolese ethiopians "
    "rohingya rohingyas kurds yazidis muslims christians hindus buddhists foreigners "
    # named by an office or a standing, armed or not: people unless the sentence says more
    "officials official leaders leader councillors councillor councilors councilor mayors "
    "mayor chiefs chief priests priest pastors pastor imams imam clerics cleric monks monk "
    "elders elder catechists catechist "
    # held or suspected: the count says nothing of whether they were armed
    "prisoners prisoner inmates inmate detainees detainee suspects convicts",
    "children": "children child kids kid babies baby infants infant boys boy girls girl "
    "minors minor toddlers schoolchildren",
    "women": "women woman",
    "men": "men man",
    "combatants": "fighters fighter rebels rebel soldiers soldier troops militants militant "
    "jihadists jihadist insurgents insurgent gunmen gunman militiamen militiaman terrorists "
    "terrorist servicemen serviceman officers officer guards guard policemen policeman "
    "commanders commander combatants combatant recruits mercenaries elements operatives "
    "extremists extremist members member personnel loyalists loyalist gunmen troopers "
    "attackers attacker bombers militias militia forces islamists islamist guerrillas "
    "guerrilla separatists separatist paramilitaries cadets marines commandos police "
    "bandits bandit robbers robber kidnappers kidnapper gangsters gangster pirates "
    "gendarmes gendarme peacekeepers peacekeeper assailants assailant",
    "health workers": "doctors doctor medics medic nurses nurse paramedics paramedic",
    "journalists": "journalists journalist reporters reporter photographers",
    "aid workers": "staff staffers",
}.items():
    for _noun in _nouns.split():
        POPULATION_NOUNS[_noun] = _population
# Nouns that state the outcome themselves: "51 martyrs", "12 bodies", "30 deaths".
KILLED_NOUNS = frozenset({"martyrs", "martyr", "bodies", "deaths", "fatalities", "lives"})

# Two-word population nouns, tried before single words.
POPULATION_PHRASES: dict[str, str] = {
    "health workers": "health workers",
    "medical workers": "health workers",
    "medical staff": "health workers",
    "aid workers": "aid workers",
    "humanitarian workers": "aid workers",
    "relief workers": "aid workers",
    "rescue workers": "civilians",
    "family members": "civilians",
    "security forces": "combatants",
    "police officers": "combatants",
    "security personnel": "combatants",
    "asylum seekers": "civilians",
    "media activists": "journalists",
}

# Words that may sit between a number and its population noun ("22 Syrian civilians").
MODIFIER_STOP = frozenset(
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
QUALIFIERS: tuple[tuple[str, str], ...] = (
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
QUALIFIER_RE = re.compile(
    r"(?:^|(?<=\W))(" + "|".join(re.escape(q) for q, _ in QUALIFIERS) + r")\s+$", re.I
)
QUALIFIER_OF = dict(QUALIFIERS)

# Outcome words after the population ("were killed") and the outcome they state.
OUTCOME_AFTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), outcome)
    for pattern, outcome in (
        (
            r"(?:killed|dead|died)\s*(?:or|and|&|and/or)\s*(?:wounded|injured|hurt)|casualties",
            "killed or injured",
        ),
        (
            r"killed|dead|died|dies|die|perished|slain|massacred|executed|murdered|martyred|"
            r"slaughtered|lost their lives|deaths|fatalities|death toll|bodies|lifeless|"
            r"burned to death|beheaded|shot dead|suffocated|gunned down|shot and killed|"
            r"hacked to death|stabbed to death|lynched|neutrali[sz]ed",
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
OUTCOME_AFTER_RE = re.compile(r"\b(" + "|".join(p.pattern for p, _ in OUTCOME_AFTER) + r")\b", re.I)

# Active verbs right before the number ("killed 13 civilians", "leaving 27 people dead").
VERB_BEFORE = re.compile(
    r"\b(?P<verb>killed|kills|kill|killing|claimed the lives of|claiming the lives of|"
    r"claimed|claiming|took the lives of|taking the lives of|executed|executing|massacred|"
    r"murdered|slaughtered|shot dead|gunned down|deaths? of|killings? of|bodies of|"
    r"lives of|wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|displaced|"
    r"displacing|displaces|forced|forcing|forces|uprooted|driven|arrested|detained|body of|"
    r"detaining|arresting|abducted|abducting|kidnapped|kidnapping|left|leaving|leaves|"
    r"martyred|martyrdom of|beheaded|beheading|lynched|lynching|neutrali[sz](?:ed|ing)|"
    r"lost|losing)"
    r"(?:\s+(?:another|a further|an additional|at least|more than|some|about|around|nearly|"
    r"almost|over|up to|as many as|roughly|approximately|no fewer than|the|all|between))*\s+$",
    re.I,
)
VERB_OUTCOME: tuple[tuple[str, str], ...] = (
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
    ("body", "killed"),
    ("lives", "killed"),
    ("martyr", "killed"),
    ("behead", "killed"),
    ("lynch", "killed"),
    ("neutrali", "killed"),  # a military word: claims.py notes that it can mean captured
    ("los", "killed"),  # "the army said it had lost 11 soldiers": its own dead
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

# The full stop of an abbreviated month, which ends no clause: "the toll since Oct. 7 rose".
_MONTH_DOT = r"(?<=\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec))\.|(?<=\bsept)\."
# A toll named before its number: "the death toll ... reached at least 112".
TOLL_BEFORE = re.compile(
    r"\b(?:death toll|death tally|toll|number of (?:the )?(?:dead|deaths|victims|fatalities|"
    r"people killed|those killed|martyrs|(?:people )?(?:wounded|injured|displaced)|injuries|"
    r"displaced people))\b"
    r"(?P<between>(?:[^.;:]|" + _MONTH_DOT + r"){0,120}?)\b(?:rose|risen|rises|rising|climbed|"
    r"climbs|reached|reaches|jumped|increased|stood|stands|hit|hits|to|at|of|is|was|has|had|"
    r"from)\s+(?:(?:at least|more than|over|some|about|around|nearly|almost|to|at)\s+)*$",
    re.I,
)
# The toll a number is of, the last named before it: a toll of the wounded ("the toll of
# wounded at 120", "the injury toll rose to", "the number of people injured stood at") is of the
# injured, "the number of displaced" of the displaced; any other ("the death toll", "the toll",
# "the number of dead") of the killed.
_TOLL_NOUN = re.compile(
    r"\b(?:(?:toll|number|count|tally) of (?:the )?(?:people )?(?:(?P<hurt>wounded|injured|"
    r"injuries|hurt)|(?P<displaced>displaced))|(?P<hurt_before>injury|injuries|wounded|injured) "
    r"(?:toll|count|tally)|death toll|toll|number of)\b",
    re.I,
)


def toll_outcome(prefix: str) -> str | None:
    """The outcome of the toll named before a number (`TOLL_BEFORE`): injured for a toll of the
    wounded, else killed; None where no toll is named."""
    match = TOLL_BEFORE.search(prefix)
    if match is None:
        return None
    named = list(_TOLL_NOUN.finditer(prefix, max(0, match.start() - 10), match.end()))
    last = named[-1] if named else None
    if last is not None and last.group("displaced"):
        return "displaced"
    hurt = last is not None and bool(last.group("hurt") or last.group("hurt_before"))
    return "injured" if hurt else "killed"


# An earlier figure of the count before it, right before its number: "raising its previous
# figure of 80", "up from an initial estimate of 80" (its population and outcome are that
# count's; `earlier.earlier_window` dates it).
EARLIER_FIGURE = re.compile(
    r"\b(?:its|their|his|her|an?|the)\s+(?:own\s+)?(?:earlier|previous|prior|initial|first|"
    r"preliminary)\s+(?:figure|count|tally|total|estimate|number)\s+(?:of|at|was)\s+"
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost)\s+)?$",
    re.I,
)


# A toll said to pass a number: "deaths exceed 100", "the death toll topped 1,000" (more than).
TOLL_PASSED = re.compile(
    r"\b(?:deaths|death toll|toll|fatalities)\s+(?:(?:has|have|had|now)\s+)?(?:exceeds?|exceeded|"
    r"tops|topped|passe[sd]|pass|surpass(?:es|ed)?)\s+$",
    re.I,
)
# A running total brought to a number by the count before it in the sentence: "two more bodies
# were found, bringing the total to 14", "taking the tally to 21". Its population and outcome are
# that count's ("five more people were injured, bringing the total to 40": 40 injured).
TOTAL_BROUGHT = re.compile(
    r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|raise|raises|raising|raised|"
    r"push|pushes|pushing|pushed|put|puts|putting)\s+(?:the|its|their)\s+(?:overall\s+|total\s+)?"
    r"(?:total|tally|count|number)\s+(?:to|at)\s+"
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost)\s+)*$",
    re.I,
)
# A toll brought to a number named after it: "brought to 32 the number of people killed",
# "raising to 47 the death toll".
TOLL_NAMED_AFTER = re.compile(
    r"\s+the\s+(?:(?:overall\s+|total\s+)?death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|"
    r"deaths|victims|fatalities|people\s+killed|those\s+killed))\b",
    re.I,
)
_BROUGHT_TO = re.compile(
    r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|raise|raises|raising|raised|"
    r"push|pushes|pushing|pushed)\s+to\s+(?:(?:at least|more than|over|some|about|around|"
    r"nearly|almost)\s+)*$",
    re.I,
)


def toll_of(prefix: str, text: str, end: int) -> bool:
    """Whether the number ending at `end` is a toll named before it ("the death toll rose to
    32") or right after it ("bringing to 32 the number of people killed")."""
    if TOLL_BEFORE.search(prefix):
        return True
    return bool(_BROUGHT_TO.search(prefix)) and TOLL_NAMED_AFTER.match(text, end) is not None


def named_toll(
    prefix: str, text: str, end: int, population: str | None, counted_before: bool
) -> bool:
    """Whether the number ending at `end` is a toll by the words around it: named before or
    after it (`toll_of`); with no population of its own and a count before it in the sentence,
    a total brought to it ("two more bodies were found, bringing the total to 14") or an
    earlier figure of that count ("raising its previous figure of 80")."""
    if toll_of(prefix, text, end):
        return True
    if population is not None or not counted_before:
        return False
    return bool(TOTAL_BROUGHT.search(prefix) or EARLIER_FIGURE.search(prefix))


# Parts of a toll stated before: "including 11 children", "among them five women".
PART_BEFORE = re.compile(
    r"(?:\bincluding|\bincluded|\bamong (?:them|whom|those|the (?:dead|victims|killed|wounded|"
    r"injured))(?: (?:were|are|was))?|\bof whom|\bof them|\bmost of them|"
    r"\bwhile|\band|,|-|\()\s*(?:(?:at least|more than|some|about|nearly|around|the)\s+)*$",
    re.I,
)
# Part markers that make a number a subset of the one before ("among them 26 minors"), as
# against a list ("50 militants and eight civilians").
SUB_PART_BEFORE = re.compile(
    r"(?:\bincluding|\bincluded|\bamong (?:them|whom)(?: (?:were|are|was))?|\bof whom|\bof them|"
    r"\bmost of them)\s*(?:(?:at least|more than|some|about|nearly|around|the)\s+)*$",
    re.I,
)
AMONG_DEAD = re.compile(r"\bamong (?:the )?(?:dead|killed|victims|fatalities|those killed)\b", re.I)
AMONG_WOUNDED = re.compile(r"\bamong (?:the )?(?:wounded|injured)\b", re.I)

# A month, in full or by its first three letters (and `sept`): from the house's month names.
MONTHS = "|".join(
    [f"{name[:3]}(?:{name[3:]})?" if name[3:] else name[:3] for name in map(str.lower, MONTH_NAMES)]
    + ["sept"]
)
NOT_A_TOLL_AFTER = re.compile(
    r"^(?:\s*-\s*|\s+)?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs|minutes?|seconds?|"
    r"decades?|centur(?:y|ies)|km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|"
    r"percent|per cent|pc|st|nd|rd|th|am|pm|a\.m|p\.m|o'clock|dollars?|euros?|pounds?|"
    r"lira|liras|tons?|tonnes?|kg|kilograms?|times|rounds?|mm|millimet|bn|billion|"
    rf"GMT|local time|{MONTHS})\b|^\s*%",
    re.I,
)
NOT_A_TOLL_BEFORE = re.compile(
    rf"(?:\b(?:{MONTHS})\.?|\baged|\bage of|\bages of|\bages|\bresolution|\bno\.|\bnumber|"
    r"\bvs\.?|\bpage|\broute|\bhighway|\bbrigade|\bdivision|\bunit|\bregiment|\bcorps|\bpoint|"
    r"\bgrade|\bclass|\bchapter|\barticle|\bcode|\bversion|\bphase|\bround|\bsection|\bterm|"
    r"[$€£#]|\bUS\$|\bUSD|\bmore than \d+ of|\bout of)\s*$",
    re.I,
)
YEAR = re.compile(r"^(?:19|20)\d\d$")

CLAUSE_END = re.compile(
    r"[;:]|\s-\s|\b(?:said|says|say|told|according|reported|added|while|whereas|but|although|"
    r"because|however|where|when|after|before|as|since|amid|which|saying)\b",
    re.I,
)


RELATED = re.compile(r"\bRelated\b(?! to)")
# "47 people, most of them civilians"
MOSTLY = re.compile(
    r"\s*,?\s*(?:most|mostly|many|all|the majority)(?: of (?:them|whom))?(?: were| are)?\s+"
    r"(?:\w+\s+){0,3}?(civilians|fighters|rebels|soldiers|militants|members|jihadists|troops)\b",
    re.I,
)
# "23 civilians - including nine children - dead", "(including 11 children)"
PARENTHESIS = re.compile(r"\s-\s[^-]{0,60}?\s-\s|\s*\([^)]{0,60}\)|,\s+including[^,]{0,40},")
