"""Who said it: the organisation a toll statement is attributed to.

A statement is attributed by a verb of saying near an organisation's name ("UOSSM ... says",
"the Observatory said", "according to the UN"). Organisations come from a table of the usual
counters (with their acronyms and the short names articles use on second mention) and from the
article itself: "Union of Medical Care and Relief Organizations (UOSSM)" defines UOSSM for the
rest of the article. A statement with no attribution is the outlet's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .text import Sentence


@dataclass(frozen=True, slots=True)
class Organisation:
    """A counter: source key (its acronym where it has one), full name and source kind."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


# The usual counters. Aliases are matched case-sensitively as whole words.
KNOWN: tuple[Organisation, ...] = (
    Organisation(
        "SOHR",
        "Syrian Observatory for Human Rights",
        "monitor",
        (
            "Syrian Observatory for Human Rights",
            "Syrian Observatory",
            "SOHR",
            "the Observatory",
            "The Observatory",
            "Observatory for Human Rights",
            "British-based Observatory",
            "Britain-based Observatory",
            "UK-based Observatory",
            "the observatory",
        ),
    ),
    Organisation(
        "SNHR",
        "Syrian Network for Human Rights",
        "monitor",
        ("Syrian Network for Human Rights", "SNHR"),
    ),
    Organisation(
        "VDC",
        "Violations Documentation Center",
        "monitor",
        ("Violations Documentation Center", "Violations Documentation Centre", "VDC"),
    ),
    Organisation(
        "LCC",
        "Local Coordination Committees",
        "monitor",
        ("Local Coordination Committees", "LCC", "LCCs"),
    ),
    Organisation(
        "OCHA",
        "UN Office for the Coordination of Humanitarian Affairs",
        "un",
        ("Office for the Coordination of Humanitarian Affairs", "OCHA"),
    ),
    Organisation(
        "OHCHR",
        "UN Office of the High Commissioner for Human Rights",
        "un",
        (
            "Office of the High Commissioner for Human Rights",
            "OHCHR",
            "UN human rights office",
            "U.N. human rights office",
            "UN High Commissioner for Human Rights",
        ),
    ),
    Organisation(
        "UNICEF", "UNICEF", "un", ("UNICEF", "United Nations Children's Fund", "UN Children's Fund")
    ),
    Organisation(
        "UNHCR",
        "UN High Commissioner for Refugees",
        "un",
        ("UNHCR", "UN refugee agency", "U.N. refugee agency", "High Commissioner for Refugees"),
    ),
    Organisation(
        "WHO",
        "World Health Organization",
        "un",
        ("World Health Organization", "World Health Organisation", "WHO"),
    ),
    Organisation(
        "UOSSM",
        "Union of Medical Care and Relief Organizations",
        "ngo",
        (
            "Union of Medical Care and Relief Organizations",
            "UOSSM",
            "Union of Syrian Medical Relief Organisations",
        ),
    ),
    Organisation(
        "SAMS",
        "Syrian American Medical Society",
        "ngo",
        ("Syrian American Medical Society", "SAMS"),
    ),
    Organisation(
        "MSF",
        "Medecins Sans Frontieres",
        "ngo",
        ("Medecins Sans Frontieres", "Médecins Sans Frontières", "Doctors Without Borders", "MSF"),
    ),
    Organisation(
        "White Helmets",
        "Syria Civil Defence (White Helmets)",
        "ngo",
        (
            "White Helmets",
            "Syria Civil Defence",
            "Syrian Civil Defence",
            "Civil Defence",
            "civil defence",
            "Civil Defense",
            "civil defense",
        ),
    ),
    Organisation("SARC", "Syrian Arab Red Crescent", "ngo", ("Syrian Arab Red Crescent", "SARC")),
    Organisation(
        "ICRC",
        "International Committee of the Red Cross",
        "ngo",
        ("International Committee of the Red Cross", "ICRC"),
    ),
    Organisation("Save the Children", "Save the Children", "ngo", ("Save the Children",)),
    Organisation(
        "Amnesty International",
        "Amnesty International",
        "ngo",
        ("Amnesty International", "Amnesty"),
    ),
    Organisation("HRW", "Human Rights Watch", "ngo", ("Human Rights Watch", "HRW")),
    Organisation("Airwars", "Airwars", "monitor", ("Airwars",)),
    Organisation("SANA", "Syrian Arab News Agency", "media", ("Syrian Arab News Agency", "SANA")),
    Organisation("UN", "United Nations", "un", ("United Nations", "U.N.", "UN")),
)

# Words that make a capitalised phrase an organisation rather than a person.
_ORGANISATION_WORDS = (
    r"Committees?|Organi[sz]ations?|Office|Network|Observatory|Council|Coalition|Agency|"
    r"Ministry|Command|Commission|Defen[cs]e|Crescent|Cent(?:re|er)|Society|Foundation|Union|"
    r"Federation|Authority|Department|Institute|Watch|Helmets|Programme|Program|Fund|Group|"
    r"Association|Directorate|Movement|Front|Brigade"
)
_DEFINED = re.compile(
    r"(?P<name>(?:[A-Z][\w'.-]*\s+)(?:(?:[A-Z][\w'.-]*|of|for|and|the|on|in|de|des|sans)\s+){0,9}"
    r"[A-Z][\w'.-]*)\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)"
)
_CAPITALISED_ORG = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w'-]*\s+){0,6}(?:" + _ORGANISATION_WORDS + r")"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w'-]*){1,4}){0,2})"
)
_SAYS = re.compile(
    r"\b(?:said|says|say|saying|reported|reports|told|stated|announced|added|estimated|"
    r"documented|recorded|counted|confirmed|put the (?:death )?toll|has said|had said)\b",
    re.I,
)
_ACCORDING = re.compile(r"\b(?:according to|citing|cited by|quoted by)\b", re.I)
_GENERIC_MONITOR = re.compile(
    r"\b(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:monitor|monitoring group|war monitor|observatory)\b",
    re.I,
)
_PRONOUN_SAYS = re.compile(
    r"\b(?:it|the group|the organi[sz]ation|the agency)\s+(?:said|says|added|reported)\b", re.I
)


@dataclass(frozen=True, slots=True)
class Attribution:
    organisation: Organisation
    how: str


class Attributor:
    """Finds who each statement of one article is attributed to."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._organisations: list[Organisation] = list(KNOWN)
        known_keys = {o.key for o in KNOWN}
        for match in _DEFINED.finditer(text):
            acronym = match.group("acronym")
            name = " ".join(match.group("name").split())
            name = re.sub(r"^(?:The|A|An)\s+", "", name)
            name = re.sub(r"^(?:[A-Z][\w.]*-based)\s+", "", name)
            if acronym in known_keys:
                continue
            known_keys.add(acronym)
            self._organisations.insert(
                0, Organisation(acronym, name, _kind_of(name), (name, acronym))
            )
        self._patterns = [
            (
                org,
                re.compile(
                    r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in org.aliases) + r")(?![\w])"
                ),
            )
            for org in self._organisations
        ]
        self._sohr_named = "Observatory" in text or "SOHR" in text

    def mentions(self, sentence: str) -> list[tuple[int, Organisation]]:
        """Organisations named in a sentence, by position."""
        found: list[tuple[int, int, Organisation]] = []
        for org, pattern in self._patterns:
            for match in pattern.finditer(sentence):
                found.append((match.start(), match.end(), org))
        for match in _CAPITALISED_ORG.finditer(sentence):
            name = " ".join(match.group("name").split())
            if any(s < match.end() and match.start("name") < e for s, e, _ in found):
                continue
            if len(name.split()) < 2:
                continue
            key = "".join(w[0] for w in name.split() if w[0].isupper())
            found.append(
                (match.start("name"), match.end(), Organisation(key, name, _kind_of(name), (name,)))
            )
        if self._sohr_named:
            for match in _GENERIC_MONITOR.finditer(sentence):
                if not any(s <= match.start() < e for s, e, _ in found):
                    found.append((match.start(), match.end(), KNOWN[0]))
        found.sort(key=lambda f: f[0])
        # drop mentions inside longer ones
        kept: list[tuple[int, int, Organisation]] = []
        for item in found:
            if kept and item[0] < kept[-1][1]:
                continue
            kept.append(item)
        return [(start, org) for start, _, org in kept]

    def attribute(
        self, sentence: Sentence, position: int, previous: Sequence[Sentence]
    ) -> Attribution | None:
        """The organisation the statement at `position` in `sentence` is attributed to."""
        text = sentence.text
        mentions = self.mentions(text)
        says = [m.start() for m in _SAYS.finditer(text)]
        according = [m.end() for m in _ACCORDING.finditer(text)]
        if mentions and (says or according):
            best: tuple[int, Organisation] | None = None
            for start, org in mentions:
                distance = min([abs(start - s) for s in says] + [abs(start - a) for a in according])
                if best is None or distance < best[0]:
                    best = (distance, org)
            if best is not None and best[0] <= 160:
                return Attribution(best[1], "named in the sentence with a verb of saying")
        if says and (_PRONOUN_SAYS.search(text) or not mentions):
            for earlier in reversed(previous[-3:]):
                earlier_mentions = self.mentions(earlier.text)
                if earlier_mentions:
                    return Attribution(earlier_mentions[-1][1], "named in an earlier sentence")
        return None


def _kind_of(name: str) -> str:
    if re.search(r"\b(?:UN|U\.N\.|United Nations)\b", name):
        return "un"
    if re.search(r"\b(?:Observatory|Network|Documentation|Monitor)\b", name):
        return "monitor"
    if re.search(r"\b(?:Ministry|Government|Command|Army|Police)\b", name):
        return "government"
    if re.search(r"\b(?:News|Agency|TV|Television|Radio|Press)\b", name):
        return "media"
    if re.search(r"\b(?:University|Institute|Academy)\b", name):
        return "academic"
    if re.search(
        r"\b(?:Organi[sz]ations?|Society|Foundation|Union|Committee|Crescent|Cross|"
        r"Defen[cs]e|Helmets|Watch|Association)\b",
        name,
    ):
        return "ngo"
    return "other"
