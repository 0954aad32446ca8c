"""Who a toll statement says did the killing, as canonical party names.

Only what the sentence says: "by government or Russian forces", "in regime bombing", "Russian
air strikes", "U.S.-led coalition raids". A sentence that names no party leaves the claim's
perpetrators as `any`.
"""

from __future__ import annotations

import re

from casualty_recon.extract.numerals import is_number_word
from casualty_recon.grammar.demonyms import country_of_demonym
from casualty_recon.grammar.gazetteer import fold, lookup
from casualty_recon.grammar.parties import (
    PARTY_ALIASES,
    canonical_party,
    country_code,
    country_forces,
)

_ATTACK = (
    r"(?:forces|troops|army|soldiers|aircraft|warplanes|war planes|jets|planes|helicopters?|"
    r"air ?strikes?|air raids?|raids?|bombing|bombs|bombardment|shelling|shells|artillery|"
    r"barrel bombs?|missiles?|rockets?|offensive|attacks?|strikes?|militias?|air force|"
    r"aviation|fire|assault|military|drones?|gunfire|snipers?|shelling|mortars?)"
)
# Canonical names as `casualty_recon.grammar.parties` spells them.
_PARTIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        (
            "Syrian government",
            rf"\b(?:(?:Syrian |Assad )(?:government|regime)|Syrian|Assad|loyalist)(?:'s)? "
            rf"(?:(?:and|or) Russian )?{_ATTACK}\b|"
            r"\bby (?:the )?Syrian (?:government|regime)\b|"
            r"\bSyrian (?:army|air force)\b|\b(?:government|regime) (?:or|and) Russian\b",
        ),
        (
            "Russian forces",
            rf"\bRussian?(?:'s)? (?:(?:and|or) (?:Syrian |regime |government )?)?{_ATTACK}\b|"
            r"\b(?:government|regime|Syrian) (?:or|and) Russian\b|\bby Russia\b",
        ),
        (
            "US-led coalition",
            r"\b(?:U\.?S\.?-led|American-led|international|Western|anti-IS|anti-ISIS|"
            rf"anti-Daesh) coalition\b|\b(?:U\.?S\.?|American) {_ATTACK}\b",
        ),
        (
            "Islamic State",
            r"\bby (?:the )?(?:Islamic State|ISIS|ISIL|IS|Daesh)\b|"
            r"\b(?:Islamic State|ISIS|ISIL|IS|Daesh)"
            r"(?: group| terrorists?| militants?| jihadists?)?"
            r" (?:suicide|car bomb|attack|bombing|shelling|militants|fighters|killed|executed|"
            r"beheaded|claimed|kills|executes)",
        ),
        ("Turkish forces", rf"\bTurk(?:ish|ey's|eys) {_ATTACK}\b|\bby Turkey\b"),
        ("Israeli forces", rf"\bIsraeli {_ATTACK}\b|\bby Israel\b"),
        (
            "armed opposition groups",
            rf"\b(?:rebel|opposition|insurgent|terrorist|militant)s?(?:'s)? {_ATTACK}\b|"
            r"\bby (?:the )?(?:rebels|opposition|terrorists|insurgents|militants)\b",
        ),
        ("Syrian Democratic Forces", r"\b(?:Syrian Democratic Forces|SDF|YPG)\b"),
        ("Hayat Tahrir al-Sham", r"\b(?:Hayat Tahrir al-Sham|HTS|Nusra Front|al-Nusra)\b"),
    )
)
_PARTY_ORDER = {name: index for index, (name, _) in enumerate(_PARTIES)}
# Party words that name the counter, not the killer ("the Syrian Observatory").
_NOT_A_PARTY = re.compile(r"\bSyrian (?:Observatory|Network|Arab|Civil|American|Coalition)\b")


# A government, named by its country ("Ethiopian government air strikes") or bare ("government
# forces", "by the regime"): a bare one is the article's (`article_government`).
_GOVERNMENT = re.compile(
    r"(?:\b(?P<country>[A-Z][\w'-]*)\s+)?(?i:\b(?:pro-)?(?:government|regime)(?:'s)? "
    rf"(?:(?:and|or) Russian )?{_ATTACK}\b)|"
    r"(?i:\bby (?:the )?)(?:(?P<by_country>[A-Z][\w'-]*)\s+)?(?i:(?:government|regime))\b"
)
_NAMED_GOVERNMENT = re.compile(
    r"\b(?P<country>[A-Z][\w'-]*)\s+(?i:government|regime)\b|"
    r"(?i:\bgovernment of )(?:the )?(?P<of>[A-Z][\w'-]*)"
)
# Where a bare government is Syria's: the article is about Syria.
_SYRIA_CONTEXT = re.compile(r"\b(?:Syria|Syrian|Assad|Damascus)\b")
# A country's weapons by its demonym, anywhere in the sentence: "Azerbaijani shelling", "in
# Pakistani air strikes", "Sudanese army air strikes". Not its men ("Armenian soldiers" are as
# often the dead as the killers: the subject of an active clause names those).
_NATION_WEAPONS = re.compile(
    r"\b(?P<nation>[A-Z][a-z]+)\s+(?:(?!(?:and|or|of|the|to|from|against|on|in|with|by|were|was|"
    r"who|had|have|has)\b)[a-z][a-z-]*\s+)?(?i:(?:(?:army|military|air force|naval|navy)\s+)?"
    r"(?:air ?strikes?|air raids?|(?:drone|missile|rocket|artillery) (?:strikes?|attacks?|fire)|"
    r"strikes|shelling|shells|artillery|bombing|bombs|bombardment|barrel bombs?|warplanes|"
    r"war planes|jets|helicopters?|drones?|missiles?|rockets?|mortars?|gunfire|fire)\b)"
)
# A country's attack by its name: "in Azerbaijan's military offensive", "by Pakistan's
# shelling", "in Burkina Faso's drone strikes": that country's forces (a name that is no
# country, "Hamas's attack", is left to the other rules).
_COUNTRY_WEAPONS = re.compile(
    r"\b(?P<country>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})['’]s?\s+"
    r"(?i:(?:(?:army|military|air force|armed forces|naval|navy)\s+)?(?:"
    r"(?:military |ground |air |aerial )?(?:offensive|bombardment|campaign|assault|operation)s?|"
    r"air ?strikes?|air raids?|(?:drone|missile|rocket|artillery) (?:strikes?|attacks?|fire)|"
    r"strikes|shelling|bombing|bombs|barrel bombs?|missiles?|rockets?|drones?|raids?|"
    r"attacks?)\b)"
)
# A coalition named by its leader: "Saudi-led coalition", "U.S.-led coalition".
_LED_COALITION = re.compile(r"\b(?P<leader>[A-Z][\w.]*(?:-[A-Z][\w.]*)?)-led coalition\b")
_US = re.compile(r"^(?:U\.?S\.?|US|American|United States)$")
# A coalition not named: "coalition air raids", "by the coalition".
_BARE_COALITION = re.compile(
    rf"(?<!-led )(?<!international )(?<!Western )\bcoalition(?:'s)?(?:-led)? {_ATTACK}\b|"
    r"\bby (?:the )?coalition\b",
    re.I,
)
# Where a bare "coalition" is the US-led one: the war against Islamic State in Iraq and Syria.
_US_COALITION_CONTEXT = re.compile(
    r"\b(?:Syria|Syrian|Iraq|Iraqi|Islamic State|ISIS|ISIL|Daesh|Raqqa|Mosul|Deir ez-Zor|"
    r"Deir al-Zor)\b"
)
BARE_COALITION = "coalition"
SYRIAN_GOVERNMENT = "Syrian government"
# A party named by its own capitalised name after "by": "by the Rapid Support Forces".
_NAMED_FORCE = re.compile(
    r"\bby (?:the )?(?P<party>(?:[A-Z][\w'-]*\s+){1,4}(?:Forces|Army|Front|Brigades?|"
    r"Movement|Militias?|Guards?|Corps))\b"
)


# The subject of an active clause that kills: "Algerian soldiers shot dead two Islamists",
# "Boko Haram militants attacked Kalori, killing 12", "Israel's offensive has killed 34,844".
# At the sentence's start (or after a dateline's dash), a capitalised name, then the armed men
# or the attack, then a verb of attack or killing. A nationality names that country's forces
# ("Algerian soldiers": Algerian forces); any other name is the party ("Boko Haram").
_KILLING_VERB = (
    r"(?:(?:has|have|had)\s+)?(?:attacked|killed|kill|kills|shot dead|shot|gunned down|stormed|"
    r"ambushed|opened fire|shelled|bombed|raided|struck|executed|massacred|slaughtered|"
    r"abducted|fired|hit|targeted|overran|seized|besieged|burned|torched)\b"
)
_ARMED = (
    r"(?:soldiers|troops|forces|army|military|militants|fighters|rebels|insurgents|jihadists|"
    r"Islamists|gunmen|militiamen|militia|militias|police|policemen|guerrillas|separatists|"
    r"commandos|paramilitaries|warplanes|jets|aircraft|drones|artillery|mercenaries)"
)
# A force's own name ends in one of these: "the Rapid Support Forces", "the Arakan Army".
_FORCE_NOUN = r"(?:Forces|Army|Front|Brigades?|Movement|Militias?|Guards?|Corps)"
# Armed men named by a capitalised name, as the subject: "Malian troops", "the Rapid Support
# Forces"; a second may be joined by "and" ("Malian troops and Russian mercenaries killed").
_ARMED_SUBJECT = (
    r"(?:[Tt]he\s+)?(?P<{n}>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,3}}?)"
    r"(?:'s?\s+(?:offensive|war|bombardment|campaign|attacks?|strikes?|air strikes?|"
    r"shelling|assault)|\s+(?:-led\s+)?(?P<{n}_armed>"
    + _ARMED.replace("{", "{{").replace("}", "}}")
    + "|"
    + _FORCE_NOUN
    + "))"
)
_SUBJECT = re.compile(
    r"(?:^|\s-\s|\b(?:when|after|as|while|where|before|because|said|says|that)\s+)"
    + _ARMED_SUBJECT.format(n="name")
    + r"(?:\s+and\s+"
    + _ARMED_SUBJECT.format(n="second")
    + r")?"
    r"(?:\s+(?:in|on|from|near)\s+(?P<where>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}))?\s+"
    + _KILLING_VERB
)
# Armed men no state fields: "Colombian guerrillas" are not Colombia's forces.
_NOT_STATE_ARMED = re.compile(
    r"militants|fighters|rebels|insurgents|jihadists|Islamists|gunmen|militiamen|militias?|"
    r"guerrillas|separatists|mercenaries",
    re.I,
)
# Words before the armed men that qualify or count them, not name them.
_NOT_A_NAME = frozenset(
    {"A", "An", "Some", "Many", "Several", "Unidentified", "Unknown", "Suspected", "Alleged",
     "Presumed", "Apparent", "Armed", "Masked", "Local", "Rival", "Other", "Security",
     "Government", "Regime", "State", "Federal", "Special", "Elite", "Pro-government",
     # what the armed men are, not whose: "Separatist fighters", "Jihadist militants"
     "Separatist", "Jihadist", "Islamist", "Rebel", "Militant", "Insurgent", "Extremist",
     "Terrorist", "Dissident", "Tribal", "Ethnic", "Gang", "Criminal", "Heavily", "Hooded",
     "Paramilitary", "Militia", "Guerrilla", "Vigilante", "Renegade", "Irregular",
     # whose, unnamed: "Military jets bombed" (the article's forces, `state_subject`)
     "Military", "Army", "Navy", "Air"}
)  # fmt: skip
_DEMONYM = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|an|ese|i|ish|ic)|Thai|Turkish|French|Dutch|Philippine|Argentine|"
    r"Greek|Swiss|Filipino|Burkinabe|Malagasy)$"
)


# The armed men of a force named by its own name, as the subject of a verb of attack or
# killing: "Fighters of the Rapid Support Forces (RSF) killed", "rebels from the Allied Democratic
# Forces attacked" (not "three soldiers of the National Army were killed": the victims).
_FORCE_MEN = re.compile(
    r"\b(?i:soldiers|troops|fighters|militants|rebels|gunmen|militiamen|members|units|elements) "
    r"(?:of|from) (?:the )?(?P<party>(?:[A-Z][\w'-]*\s+){1,4}(?:Forces|Army|Front|Brigades?|"
    r"Movement|Militias?|Guards?|Corps))(?:\s*\([^)]{1,12}\))?\s+" + _KILLING_VERB
)


# An attack a party claimed or carried out: "an attack claimed by Jama'at Nusrat al-Islam
# wal-Muslimin (JNIM)", "a bombing carried out by Al-Shabaab".
_CLAIMED_BY = re.compile(
    r"\b(?:claimed|carried out|perpetrated) by (?:the )?(?P<party>[A-Z][\w'.-]*"
    r"(?:\s+(?:[A-Z][\w'.-]*|(?:al|el|wal|ad|ash|as|at|ul)-[\w'-]+|of|for|the)){0,6})"
    r"(?:\s*\((?P<acronym>[A-Z][\w-]{1,9})\))?"
)


# After a name, what makes it a modifier: "Russian warplanes", "US-led coalition", "Assad's".
_MODIFIED = re.compile(rf"(?:'s?\b|-led\b|\s+(?i:{_ATTACK}|{_ARMED}|coalition|fighter)\b)")


def subject_parties(sentence: str) -> tuple[str, ...]:
    """The parties an active clause at the start of the sentence (or of a clause opened by
    "when", "after", ...) names as those who attacked or killed: one, or two joined by "and";
    else the catalogue's generic party of armed men named by what they are ("Jihadists")."""
    match = _SUBJECT.search(sentence)
    found = []
    if match is not None:
        found.append(_subject_name(match, "name"))
        if match.group("second"):
            found.append(_subject_name(match, "second"))
    named = tuple(dict.fromkeys(p for p in found if p is not None))
    return named or _generic_subject(sentence)


# Armed men no state fields named by what they are, as the subject of a killing: "Jihadists
# killed", "Islamist militants attacked", "Suspected jihadists stormed".
_GENERIC_SUBJECT = re.compile(
    r"(?:^|\s-\s|\b(?:when|after|as|while|where|before|because|said|says|that)\s+)"
    r"(?:(?i:the|suspected|alleged|presumed|armed|heavily|unidentified|some|several)\s+)*"
    r"(?:(?P<kind>[A-Za-z][a-z-]+)\s+)?(?P<armed>(?i:" + _NOT_STATE_ARMED.pattern + r"))"
    r"(?:\s+(?:in|on|from|near)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?\s+" + _KILLING_VERB
)


def _generic_subject(sentence: str) -> tuple[str, ...]:
    """The catalogue's generic party ("jihadist groups") of armed men named as the subject by
    what they are ("Jihadists", "Islamist militants"), if the catalogue has one; else none
    ("Gunmen": nobody named). Never a state's forces."""
    match = _GENERIC_SUBJECT.search(sentence)
    if match is None:
        return ()
    armed, kind = match.group("armed"), match.group("kind")
    written = (f"{kind} {armed}", f"{kind} armed groups", armed) if kind else (armed,)
    for phrase in written:
        party = canonical_party(phrase)
        if party in PARTY_ALIASES and not _is_country(party.split()[0]):
            return (party,)
    if armed.lower() in _REBELS and (kind is None or kind.lower() in _REBEL_KINDS):
        return (_REBELS[armed.lower()],)  # "Rebels killed": as "by the rebels" reads
    return ()


# Rebels, unnamed: the catalogue's generic party, as "by the rebels" and "the rebels said they
# had killed" read (`named_speakers.non_state_claim`). Not "Insurgents killed", which stays
# `any` (tests/extract_articles/cabodelgado-palma: insurgents are as often jihadists).
_REBELS = {"rebels": "armed opposition groups"}
_REBEL_KINDS = frozenset({"armed", "local", "suspected", "alleged"})


def _subject_name(match: re.Match[str], group: str) -> str | None:
    """The party one armed subject names: "Algerian soldiers" Algerian forces, "Boko Haram
    militants" Boko Haram, "the Rapid Support Forces" itself, "Russian mercenaries" as written."""
    armed = match.group(f"{group}_armed") or ""
    if armed[:1].isupper():  # "the Rapid Support Forces": the name ends in the force's noun
        return canonical_party(f"{match.group(group)} {armed}")
    words = match.group(group).split()
    while words and (words[0] in _NOT_A_NAME or is_number_word(words[0])):
        words.pop(0)  # "Suspected Boko Haram militants", "Five gunmen": the hedge, the count
    if not words:  # "Security forces in Myanmar killed": the forces of the country they are in
        where = match.group("where")
        return _state_forces(where) if where and _is_country(where) else None
    name = re.sub(r"'s?$", "", " ".join(words))  # "Myanmar's military": Myanmar
    if _NOT_STATE_ARMED.fullmatch(armed) and country_of_demonym(name):  # "Colombian guerrillas"
        return canonical_party(f"{name} {armed}")  # not the state's forces: as written
    if _DEMONYM.match(name):
        return _state_forces(name) or canonical_party(f"{name} forces")
    party = canonical_party(name)  # "Israel's offensive", "Boko Haram militants"
    if party == name and _is_country(name):  # "Mali's army": the state's forces
        return _state_forces(name) or f"{name} forces"
    return party


def _is_country(name: str) -> bool:
    """Whether a name is a country's (as the gazetteer writes them): "Mali", "DR Congo"."""
    return any(p.is_country for entry in lookup(fold(name), towns=False) for p in entry)


# A state's armed men, unnamed, as the subject of a killing: "Police killed at least 18", "Troops
# shot dead three men", "residents said soldiers killed 12": the article's forces.
_STATE_SUBJECT = re.compile(
    r"(?:^|\s-\s|\b(?:when|after|as|while|where|said|says|that)\s+)(?:[Tt]he\s+)?"
    r"(?i:police|policemen|troops|soldiers|army|military|security forces|government forces)\s+"
    + _KILLING_VERB
    # the agent of a passive: "were killed by the military", "shot dead by soldiers"
    + r"|(?i:\b(?:killed|shot|gunned down|executed|massacred|slaughtered|beaten to death) by "
    r"(?:the )?(?:police|policemen|troops|soldiers|army|military|security forces|"
    r"government forces|armed forces)\b)"
)


# A state's weapons, its country unnamed: "a military air strike", "in army shelling", or
# opening the sentence ("Military air strikes killed 16").
_STATE_WEAPONS = re.compile(
    r"(?:^|\s-\s|[,;]\s+|\b(?:an?|the|in|by|when|after|as|while|where)\s+)"
    r"(?:army|military|air force|government)\s+"
    r"(?:air ?strikes?|air raids?|"
    r"(?:drone|missile|rocket|artillery) (?:strikes?|attacks?)|shelling|bombardment|bombing|"
    r"artillery|helicopters?|jets|warplanes)\b",
    re.I,
)


def state_subject(sentence: str) -> bool:
    """Whether a state's armed men or weapons, unnamed, are the subject of a killing in the
    sentence ("Police killed 18", "a military air strike ... killed", "in army shelling")."""
    return _STATE_SUBJECT.search(sentence) is not None or bool(_STATE_WEAPONS.search(sentence))


# The other side of a clash the dead were killed in: "in clashes with the army", "fighting
# against the Rapid Support Forces (RSF)", "a gunfight with Malian troops".
_CLASH_WITH = re.compile(
    r"\b(?i:clash(?:es)?|fighting|fights?|battles?|gun ?battles?|gunfights?|firefights?|"
    r"exchanges? of fire|combat)\s+(?i:with|against)\s+(?i:the\s+)?(?:"
    r"(?P<state>(?i:army|military|troops|soldiers|security forces|government forces|"
    r"armed forces|police|(?:the )?government))\b|"
    r"(?P<named>[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|al-[\w'-]+|of|the)){0,5})"
    r"(?:\s*\((?P<acronym>[A-Z][\w-]{1,9})\))?(?:\s+(?P<armed>" + _ARMED + r"))?)"
)


def clash_party(sentence: str, forces: str | None) -> str | None:
    """The party a sentence says the dead fought ("in clashes with the army": `forces`, the
    article's; "fighting with the Rapid Support Forces": that force), else None. Only for the
    dead of the other side: fighters killed in clashes with it."""
    match = _CLASH_WITH.search(sentence)
    if match is None:
        return None
    if match.group("state"):
        return forces
    named = re.sub(
        r"(?:\s+(?:of|the))+$", "", re.sub(r"(?<=[a-z]{2})\.$", "", match.group("named"))
    )
    party = canonical_party(match.group("acronym") or named)
    if named in _NOT_A_NAME or is_number_word(named.lower()):
        return None
    if " " not in named and named.endswith("s") and party not in PARTY_ALIASES:
        return None  # "with Islamists", "with Palestinians": who, not which party
    armed = match.group("armed") or ""
    if _NOT_STATE_ARMED.fullmatch(armed) and country_of_demonym(named):
        return canonical_party(f"{named} {armed}")  # "with Colombian guerrillas": as written
    if armed and (_is_demonym_of_a_state(named) or _is_country(named)):
        return _state_forces(named)  # "with Malian troops": Mali's forces
    return None if _DEMONYM.match(named) else party


def article_coalition(text: str) -> str:
    """The coalition a bare "coalition" means in this article: the first one it names by its
    leader, else the US-led one where the article is about Iraq or Syria, else "coalition"."""
    for match in _LED_COALITION.finditer(text):
        return _coalition_name(match.group("leader"))
    if _US_COALITION_CONTEXT.search(text):
        return "US-led coalition"
    return BARE_COALITION


def article_government(text: str) -> str | None:
    """The party a bare "government" means in this article: Syria's where the article is about
    Syria, else that of the first government it names by its country; None when it names none."""
    if _SYRIA_CONTEXT.search(text):
        return SYRIAN_GOVERNMENT
    for match in _NAMED_GOVERNMENT.finditer(text):
        party = _state_forces(match.group("country") or match.group("of"))
        if party is not None:
            return party
    return None


def article_forces(speaker: str, country: str | None, government: str | None) -> str | None:
    """The forces a state's army, police or defence ministry speaking of its own killings are:
    the country its name gives ("Israeli military", "Kenya's police"), else the article's country
    (a gazetteer code), else the article's government (`article_government`)."""
    for word in re.findall(r"\b[A-Z][\w-]*", speaker):
        word = re.sub(r"'s?$", "", word)
        if _is_demonym_of_a_state(word) or _is_country(word):
            return _state_forces(word)
    if country is not None:
        forces = country_forces(country)
        if forces is not None:
            return forces
    return government


def _state_forces(name: str) -> str | None:
    """A country's forces from its demonym or name ("Ethiopian", "Sudan"), else None: every
    rule names a state's forces through `parties.country_forces`, in one form ("Malian forces"
    for "Mali", "Malian" and "Mali's")."""
    code = country_code(re.sub(r"'s?$", "", name))
    return country_forces(code) if code is not None else None


def _is_demonym_of_a_state(word: str) -> bool:
    """Whether a word shaped like a demonym names a country's people ("Azerbaijani", "Indian",
    "Sudanese", "Ukrainian") or a known party ("Houthi"), not a faith or a doctrine
    ("Catholic", "Islamic"): its stem, with the usual endings undone, is a country's name."""
    if not _DEMONYM.match(word):
        return False
    if country_of_demonym(word) is not None:
        return True
    return canonical_party(f"{word} forces") != f"{word} forces"


def _coalition_name(leader: str) -> str:
    return "US-led coalition" if _US.match(leader) else f"{leader}-led coalition"


def find_perpetrators(
    sentence: str, coalition: str = BARE_COALITION, government: str | None = None
) -> tuple[str, ...]:
    """The canonical parties a sentence blames, in a fixed order; empty for none.

    `coalition` is what a bare "coalition" means in the article (`article_coalition`),
    `government` what a bare "government" means (`article_government`; None: no party).
    """
    text = _NOT_A_PARTY.sub("", sentence)
    found = [name for name, pattern in _PARTIES if pattern.search(text)]
    for match in _GOVERNMENT.finditer(text):
        named = match.group("country") or match.group("by_country")
        party = _state_forces(named) if named else None
        if party is None:
            party = government  # a bare government ("the government's"): the article's
        if party is not None and party not in found:
            found.append(party)
    for match in _NATION_WEAPONS.finditer(text):
        nation = match.group("nation")
        party = _state_forces(nation) if _is_demonym_of_a_state(nation) else None
        if (
            party is not None
            and party not in found
            and not any(pattern.search(match.group()) for _, pattern in _PARTIES)
        ):
            found.append(party)
    for match in _COUNTRY_WEAPONS.finditer(text):
        party = _state_forces(match.group("country"))
        if party is not None and party not in found:
            found.append(party)
    found.sort(key=lambda name: _PARTY_ORDER.get(name, len(_PARTY_ORDER)))  # stable: others after
    for match in _LED_COALITION.finditer(text):
        found.append(_coalition_name(match.group("leader")))
    if _BARE_COALITION.search(text):
        found.append(coalition)
    for match in _NAMED_FORCE.finditer(sentence):
        party = canonical_party(match.group("party"))
        if party not in found and not any(pattern.search(match.group()) for _, pattern in _PARTIES):
            found.append(party)
    for match in _FORCE_MEN.finditer(sentence):
        party = canonical_party(match.group("party"))
        if party not in found:
            found.append(party)
    for match in _CLAIMED_BY.finditer(sentence) if not found else ():
        written = match.group("party").rstrip(".")
        party = canonical_party(match.group("acronym") or written)
        if (  # "carried out by Russian warplanes", "by the US-led coalition": a modifier
            _MODIFIED.match(sentence, match.end("party"))
            or _DEMONYM.match(written)
            or (party not in PARTY_ALIASES and not match.group().startswith("claimed"))
            or _NOT_A_NAME.intersection(written.split()[:1])
        ):
            continue
        found.append(party)
    if not found:
        found.extend(subject_parties(text))
    return tuple(dict.fromkeys(found))
