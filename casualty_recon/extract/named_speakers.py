"""Speakers named in two shapes the roles and capitalised names of `attribution` do not read.

An organisation named after what it is: "the human rights group Indepaz", "the Italian charity
Emergency" (the name is the speaker, not "human rights group"). A party by its capitalised name
claiming a killing itself: "Islamic State West Africa Province said it had killed 40 soldiers"
(the speaker, and the killer). Both give plain spans; `attribution` makes them speakers.
Also the source kind of a role (`role_kind`) and the opening of a breakdown of the count before
(`opens_with_breakdown`), which `attribution` reads.
"""

from __future__ import annotations

import functools
import re

from casualty_recon.grammar.gazetteer import display_name
from casualty_recon.grammar.parties import country_code

# An organisation named after what it is: "the human rights group Indepaz", "the Italian charity
# Emergency", "the monitoring group Sahelwatch". The name is the speaker (not "human rights
# group"); an office's holder ("police spokesman Adamu Bello") is not such a name.
_DESCRIBED_ORG = re.compile(
    r"(?<![\w-])(?P<descriptor>charity|NGO|(?:non-governmental|aid|humanitarian|relief|"
    r"rights|advocacy|medical|monitoring|watchdog|research|armed|militant|jihadist|rebel|"
    r"insurgent|extremist|terrorist|separatist)\s+(?:group|organi[sz]ation)|"
    r"watchdog|think[ -]tank)\s+"
    r"(?P<name>(?-i:[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|of|for|and|the|de|del|sans)){0,5}))",
    re.I,
)
# The words before a descriptor that qualify it ("the Colombian human rights group"), up to three.
_DESCRIPTOR_LEAD = re.compile(
    r"(?<![\w'-])(?:(?!(?:the|an?|and|or|said|says|that|to|of|by|in|on|at|run|from|with|"
    r"according)\s)[\w'-]+\s+){1,3}$",
    re.I,
)
_WHEN_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b.*"
)
_DESCRIPTOR_KIND = (
    (re.compile(r"monitor|watchdog|tracker", re.I), "monitor"),
    (re.compile(r"armed|militant|jihadist|rebel|insurgent|extremist|terrorist|separatist", re.I),
     "other"),
    (re.compile(r"charity|NGO|aid|humanitarian|relief|rights|advocacy|medical|foundation|"
                r"association|organi[sz]ation", re.I), "ngo"),
)  # fmt: skip
# A speaker saying it did the killing, after its name: "said it had killed", "said they shot
# dead", "said its strikes killed", "claimed responsibility for the attack".
_OWN_KILLING = (
    r"\s+(?:(?:has|had|have|also|later)\s+)?"
    r"(?:said|says|claimed|claims|announced|announces|stated)\s+(?:that\s+)?(?:(?:it|they|"
    r"(?:its|their) (?:fighters|men|militants|forces|troops|units|soldiers|officers|strikes|"
    r"air ?strikes|raids|operations?|jets|drones|aircraft|artillery))\s+"
    r"(?:(?:had|has|have|were|was)\s+)?(?:killed|shot dead|executed|ambushed|attacked|"
    r"slaughtered|downed)|(?:responsibility for|to have)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
    r"(?:killing|killed|kill|attack|ambush|bombing)s?)\b"
)
_SAYS_IT_KILLED = re.compile(_OWN_KILLING, re.I)
# A party by its capitalised name claiming a killing itself: "Islamic State West Africa Province
# said it had killed 40 soldiers", "the Northern Front claimed responsibility for killing 12".
_CLAIMANT = re.compile(
    r"(?<![\w'-])(?P<name>(?-i:[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|al-[\w'-]+|of|for|the|and)){0,7}"
    r"))(?:\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\))?" + _OWN_KILLING,
    re.I,
)
# A state's armed forces named by a role ("the army", "police", "the ministry of defence"): one
# that says it killed is the article's forces (`claims.article_forces`).
_STATE_FORCE_ROLE = re.compile(r"army|military|police|.*\bdefen[cs]e\b.*", re.I)
ARTICLE_FORCES = "the article's forces"


_PRONOUN = re.compile(
    r"(?:He|She|It|They|We|I|You|This|That|These|Those|There|His|Her|Its|Their|Our|One)\b"
)
_PRONOUN = re.compile(
    r"(?:He|She|It|They|We|I|You|This|That|These|Those|There|His|Her|Its|Their|Our|One)\b"
)


def described_names(sentence: str) -> list[tuple[int, int, str, str | None]]:
    """Start, end, name and kind (None: from the name) of each organisation named after a
    descriptor. The span takes in the descriptor and the words qualifying it, so that a role
    ("human rights group") found inside it is not another speaker."""
    found: list[tuple[int, int, str, str | None]] = []
    for match in _DESCRIBED_ORG.finditer(sentence):
        name = re.sub(r"(?:\s+(?:of|for|and|the|de|del|sans))+$", "", match.group("name"))
        descriptor = match.group("descriptor")
        kind = next((k for p, k in _DESCRIPTOR_KIND if p.search(descriptor)), None)
        lead = _DESCRIPTOR_LEAD.search(sentence, max(0, match.start() - 60), match.start())
        start = lead.start() if lead else match.start()
        if not re.search(r"\b(?:the|an?)\s+$", sentence[max(0, start - 6) : start], re.I):
            continue  # "says monitoring group AFP Friday": a headline run on, not a name
        name = _WHEN_WORDS.split(name)[0].strip()
        if not name:
            continue
        found.append((start, match.start("name") + len(name), name, kind))
    return found


def claimant_names(sentence: str) -> list[tuple[int, int, str, str]]:
    """Start, end, name and acronym ("" if none) of each party that says it did the killing
    ("said it had killed", "claimed responsibility for the attack"); no pronoun ("He said")."""
    found = []
    for match in _CLAIMANT.finditer(sentence):
        name = re.sub(r"^(?:The|A|An)\s+", "", match.group("name"))
        name = re.sub(r"(?:\s+(?:of|for|the|and))+$", "", name)
        if not name or _PRONOUN.match(name):
            continue
        start = match.start("name") + match.group("name").index(name)
        end = match.end("acronym") + 1 if match.group("acronym") else start + len(name)
        found.append((start, end, name, match.group("acronym") or ""))
    return found


# The source kind a word of a capitalised organisation name suggests, the first that matches.
_NAME_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b"), kind)
    for words, kind in (
        (r"UN|U\.N\.|United Nations", "un"),
        (r"Observatory|Network|Documentation|Monitor|Project|Tracker", "monitor"),
        (r"Ministry|Government|Command|Army|Police|Service|Military|Forces|Governor|"
         r"Presidency|Prosecutor|Emergenc\w+|Interior|Defen[cs]e Ministry", "government"),
        (r"News|Agency|TV|Television|Radio|Press", "media"),
        (r"University|Institute|Academy", "academic"),
        (r"Organi[sz]ations?|Society|Foundation|Union|Committee|Crescent|Cross|"
         r"Defen[cs]e|Helmets|Watch|Association", "ngo"),
    )
)  # fmt: skip


def kind_of(name: str) -> str:
    """The source kind a capitalised organisation name suggests (`other` when none)."""
    return next((kind for words, kind in _NAME_KINDS if words.search(name)), "other")


def state_force_claim(name: str, head: str, sentence: str, end: int) -> str:
    """ARTICLE_FORCES when a state's forces named by a role ("the army", "police", "the defence
    ministry") say they did the killing right after their name ("said it had killed 30"), else
    "" (a toll they report is not theirs: "the army said 30 militants were killed")."""
    if _STATE_FORCE_ROLE.fullmatch(head) or _STATE_FORCE_ROLE.fullmatch(name):
        return ARTICLE_FORCES if _SAYS_IT_KILLED.match(sentence, end) else ""
    return ""


# Armed men no state fields, named by a role ("the rebels said they had killed 12"): the
# catalogue's generic party, as `perpetrators` reads "by the rebels".
_NON_STATE_ROLES = {"rebels": "armed opposition groups", "insurgents": "armed opposition groups"}


def non_state_claim(head: str, sentence: str, end: int) -> str:
    """The generic party of rebels or insurgents named by a role who say they did the killing
    right after their name ("the rebels said they had killed 12 soldiers"), else ""."""
    party = _NON_STATE_ROLES.get(head, "")
    return party if party and _SAYS_IT_KILLED.match(sentence, end) else ""


# Lower-case words between "the" and an office's head: part of its name ("the disaster agency",
# "the prison service", "the country's migration agency"); not a determiner ("the same agency").
_DESCRIPTOR_WORDS = (
    r"(?:(?:country|nation|state|region|province|city)'s\s+)?"
    r"(?P<words>(?:(?!(?:same|other|said|new|first|last|next|only|whole|entire|various|"
    r"several|many|most|few|two|three|four|five|six|seven|eight|nine|ten|latter|former|"
    r"above|following|very|relevant|main|two|both|all|such|the|an?|and|or|of|in|on|at|by|"
    r"for|with|from|to|as|since|said|says|told|that|which)\b)[a-z][a-z-]+\s+){1,2})$"
)
_LOWER_DESCRIPTOR = re.compile(
    r"(?<![\w'-])(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+" + _DESCRIPTOR_WORDS
)


# The same words with no article, after a clause's start: ", disaster agency officials said",
# "according to national prison agency officials" (tried for a body's officials only).
_BARE_DESCRIPTOR = re.compile(
    r"(?:^|[,;:(]\s*|(?<![\w'-])(?:said|says|told|to|by|from|and)\s+)" + _DESCRIPTOR_WORDS
)
# A body's name as the first modifier of an office: "agency officials", "ministry spokesman".
_BODY_FIRST = re.compile(
    r"(?:agency|ministry|department|office|service|authority|commission|council|directorate)\b"
)


def descriptor_start(sentence: str, start: int, modifiers: str = "") -> int:
    """Where lower-case words describing the office whose name begins at `start` begin ("the
    disaster agency": at "disaster"), else `start`. An office whose `modifiers` open with a
    body ("agency officials") takes them without an article too ("disaster agency officials")."""
    if modifiers and not _BODY_FIRST.match(modifiers):
        return start
    match = _LOWER_DESCRIPTOR.search(sentence, max(0, start - 60), start)
    if match is None and modifiers:
        match = _BARE_DESCRIPTOR.search(sentence, max(0, start - 60), start)
    return match.start("words") if match else start


def describes(descriptor: str, name: str) -> bool:
    """Whether an office named in lower case ("disaster agency", "health ministry") describes a
    named body ("National Disaster Management Agency", "Ministry of Health"): every word of the
    descriptor, two at least, is a word of the name (plural or not)."""
    wanted = _words(descriptor) - {"the"}
    return len(wanted) >= 2 and wanted <= _words(name)


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """The lower-case words of a name or descriptor, singular ("agencies" as "agencie")."""
    return frozenset(w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()))


def overlaps(taken: bytearray, start: int, end: int) -> bool:
    """Whether `start`..`end` overlaps a speaker already found (marked in `taken`)."""
    return 1 in taken[start:end]


def take(taken: bytearray, start: int, end: int) -> None:
    """Mark `start`..`end` as a speaker found."""
    taken[start:end] = b"\x01" * (end - start)


# A sentence that breaks down the count of the sentence before, at its opening, with no verb of
# saying: "Among the dead were four civilians", "Of those killed, six were children", "The dead
# included two nurses", "Thirteen of them were children". Its speaker is that count's.
_BREAKDOWN = re.compile(
    r"[\"'\u201c]?(?:among (?:them|those|whom|the (?:dead|victims|killed|casualties))|"
    r"of (?:them|those|whom|the (?:dead|victims))\b|"
    r"(?:the (?:dead|victims)|those killed|they) included\b|"
    r"(?:[\w-]+\s+){1,3}of (?:them|those|whom|the (?:dead|victims))\s+(?:were|was|are)\b)",
    re.I,
)


def opens_with_breakdown(sentence: str) -> bool:
    """Whether a sentence opens by breaking down the count before ("Among the dead were")."""
    return _BREAKDOWN.match(sentence) is not None


_GOVERNMENT_HEADS = frozenset(
    {"governor", "ministry", "minister", "official", "officials", "service", "police",
     "authorities", "department", "mayor", "army", "military", "commander", "council",
     "administration", "prosecutor", "prosecutors", "coroner", "authority", "office", "spokesman",
     "spokeswoman", "spokesperson", "director", "chief", "presidency", "government", "forces",
     "envoy", "ambassador", "president"}
)  # fmt: skip
_MONITOR_HEADS = frozenset({"monitor", "observer", "observers", "project", "tracker"})
_MEDIA_HEADS = frozenset({"media", "television", "news agency"})
_ACADEMIC_HEADS = frozenset({"historians", "researchers", "scholars"})
# What a group or an organisation named in lower case is: "a local rights group", "an aid
# group", "the medical charity" (ngo); "a monitoring group" (monitor). `role_kind`.
_GROUP_HEADS = frozenset({"group", "organisation", "organization", "charity", "body"})
_DESCRIBED_KINDS = (
    (re.compile(r"\b(?:monitoring|monitor|watchdog)\b"), "monitor"),
    (re.compile(r"\b(?:rights|aid|humanitarian|relief|medical|charity|advocacy)\b"), "ngo"),
)


def role_kind(head: str, name: str) -> str:
    """The source kind of a role by its head ("ministry": government), else by its name."""
    if head in _GOVERNMENT_HEADS:
        return "government"
    if head in _MONITOR_HEADS:
        return "monitor"
    if head in _MEDIA_HEADS:
        return "media"
    if head in _ACADEMIC_HEADS:
        return "academic"
    if head in _GROUP_HEADS:
        lower = name.lower()
        found = next((kind for words, kind in _DESCRIBED_KINDS if words.search(lower)), None)
        if found is not None and kind_of(name) == "other":  # a capitalised name decides first
            return found
    return kind_of(name)


# A body named as the one who counted: "a tally by the newspaper El Vigia", "figures compiled by
# the rights group Paz Ciudadana", "a count by Datos Abiertos", "El Vigia's tally". The name is
# the speaker, whatever verb the sentence has ("El Vigia's tally shows"); what it is (the words
# before its name) gives its kind.
_BODY = (
    r"newspaper|daily|paper|outlet|broadcaster|magazine|website|news (?:agency|site|outlet)|"
    r"agency|monitor|observatory|watchdog|tracker|project|database|group|organi[sz]ation|"
    r"charity|NGO|think[ -]tank|institute|foundation|network|platform|initiative|office"
)
_COUNTED = r"tally|tallies|count|counts|figures|data|records|estimates?|database"
_NAME = (
    r"(?P<name>(?-i:[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|of|for|and|de|del|en|la|el|do|da)){0,5}))"
)
_TALLY_BY = re.compile(
    rf"\b(?:{_COUNTED})\s+(?:(?:compiled|kept|collected|gathered|maintained|published|"
    r"released|issued|provided)\s+)?(?:by\s+(?:the\s+)?(?:(?P<descriptor>(?:[\w'-]+\s+){0,3}?"
    rf"(?:{_BODY}))\s+)?|from\s+(?:the\s+)?(?P<from>(?:[\w'-]+\s+){{0,3}}?(?:{_BODY}))\s+)" + _NAME,
    re.I,
)
_TALLY_OF = re.compile(
    r"(?<![\w'-])(?P<name>(?-i:[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|de|del|en|la|el)){0,4}))"
    r"['\u2019]s?\s+(?:(?:own|latest|running|updated|daily|weekly|monthly)\s+)?"
    r"(?:tally|count|database)\b"
)
_TALLY_KINDS = (
    (re.compile(r"newspaper|daily|paper|outlet|broadcaster|magazine|website|news", re.I), "media"),
    (re.compile(r"monitor|observatory|watchdog|tracker|project|database", re.I), "monitor"),
    (re.compile(r"think[ -]tank|institute", re.I), "academic"),
    (re.compile(r"rights|aid|charity|NGO|humanitarian|relief|foundation|group|organi[sz]ation|"
                r"network|initiative", re.I), "ngo"),
)  # fmt: skip
_NOT_A_COUNTER = re.compile(
    r"(?:The|This|That|Its|Their|His|Her|Our|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|Yesterday|Today|Last|Week|Month|Year)$|" + _WHEN_WORDS.pattern
)


def tallied_names(sentence: str) -> list[tuple[int, int, str, str]]:
    """Start, end, name and kind of each body a sentence names as the one who counted."""
    found = []
    for match in _TALLY_BY.finditer(sentence):
        descriptor = match.group("descriptor") or match.group("from") or ""
        name = _WHEN_WORDS.split(match.group("name"))[0].strip()
        name = re.sub(r"(?<=[a-z]{2})\.$", "", name)  # the sentence's full stop
        name = re.sub(r"(?:\s+(?:of|for|and|de|del|en|la|el|do|da))+$", "", name)
        if not name or (match.group("from") is None and _NOT_A_COUNTER.match(name)):
            continue
        kind = next((k for p, k in _TALLY_KINDS if p.search(descriptor)), None) or kind_of(name)
        start = match.start("descriptor") if descriptor else match.start("name")
        if match.group("from") is not None:
            start = match.start("from")
        found.append((start, match.start("name") + len(name), name, kind))
    for match in _TALLY_OF.finditer(sentence):
        name = re.sub(r"^(?:The|A|An)\s+", "", match.group("name"))
        if _NOT_A_COUNTER.match(name) or _is_a_country(name):
            continue
        start = match.start("name") + match.group("name").index(name)
        found.append((start, start + len(name), name, kind_of(name)))
    return found


def _is_a_country(name: str) -> bool:
    """Whether a name is a country's ("Mexico's tally" is no counter)."""
    return country_code(name) is not None


# A person named by a title and a name: "President Gustavo Rojas", "Defence Minister Pedro Ruiz",
# "Colombian President Gustavo Rojas". Other people are named by their office ("police
# spokesman Adamu Bello" is the police spokesman), an office that stays the source whoever holds
# it; an office with no country ("President") names no office, so the person is the source,
# unless the title says whose it is ("Colombian President": Colombia's president).
_TITLE = (
    r"President|Vice[- ]President|Prime Minister|Governor|Mayor|Minister|Secretary|Senator|"
    r"General|Gen\.|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|Lieutenant|Lt\.|Commander|"
    r"Commissioner|Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|Chief|Director|Prosecutor"
)
_TITLED = re.compile(
    r"(?<![\w'.-])(?P<lead>(?:[A-Z][\w'\u2019-]*\s+){0,3}?)(?P<title>" + _TITLE + r")\s+"
    r"(?P<person>[A-Z][a-z][\w'-]*(?:\s+(?:[A-Z][a-z][\w'-]*|(?:al|el|ad|bin|ibn|de|da|dos|van|"
    r"von)(?:-[\w'-]+)?)){1,3})\b"
)


def titled_people(sentence: str) -> list[tuple[int, int, str, str]]:
    """Start, end, key and name of each person named by a title and a name; the key is the
    title with its country where the title says it ("Colombia president"), else the person."""
    found = []
    for match in _TITLED.finditer(sentence):
        person = _WHEN_WORDS.split(match.group("person"))[0].strip()
        person = re.sub(r"['\u2019]s?$", "", person)  # "President Bashar al-Assad's forces"
        if len(person.split()) < 2:  # "President Rojas Monday": no full name
            continue
        lead = match.group("lead").split()
        codes = [country_code(re.sub(r"['\u2019]s?$", "", word)) for word in lead]
        country = next((code for code in codes if code), None)
        # The title's words from its country on ("Damascus British Foreign Secretary": from
        # "British"); without a country, its office words but an article.
        lead = lead[codes.index(country) :] if country else lead
        while lead and lead[0] in ("The", "A", "An"):
            lead.pop(0)
        start = match.start("title") - len(" ".join(lead)) - (1 if lead else 0)
        name = " ".join([*lead, match.group("title"), person])
        key = person
        if country is not None:
            rest = [word.lower() for word in lead[1:]]
            key = " ".join([display_name(country), *rest, match.group("title").lower()])
        found.append((start, match.start("person") + len(person), key, name))
    return found
