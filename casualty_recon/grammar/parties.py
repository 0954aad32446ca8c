"""Parties: who a figure says did the killing (`perpetrators`), and the relation of two such sets.

Grammar of `perpetrators` (README, "Input format", Parties):

| written                                   | means                                       |
|-------------------------------------------|---------------------------------------------|
| `any` (alone)                             | every party: `Perpetrators(parties=None)`   |
| a party name (`Syrian regime`, `ISIS`)    | its canonical name (`Syrian government`)    |
| a key of `parties` (`pro-government`)     | its members, expanded recursively           |
| a built-in group (`Syrian-Russian alliance`) | its members                              |
| a list of those                           | the union                                   |

Names are matched without regard to case, hyphens or spacing. A name we do not know is taken as a
party as written (spacing normalised): parties are open-ended, places are not.

The catalogue (`PARTY_ALIASES`) holds major armed actors with their names across datasets and
languages, written from public knowledge of the groups (not copied from a dataset), and
`PARTY_PARENTS` their membership: a faction is part of its group (ISWAP of Boko Haram and of
the Islamic State), a group of a family (HTS of the jihadist groups), an ally of a coalition
(the Wagner Group of `Russian forces and allies`). Sets of parties compare with each party
standing for itself and everything under it (`party_closure`): `Boko Haram` is wider than
`ISWAP`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from casualty_recon.grammar.demonyms import country_of_demonym, demonym
from casualty_recon.grammar.gazetteer import fold, lookup
from casualty_recon.grammar.patterns import on_first_use
from casualty_recon.model.claims import Perpetrators, Relation
from casualty_recon.model.errors import (
    PARTY_ANY_MIXED,
    PARTY_EMPTY_LIST,
    PARTY_EMPTY_NAME,
    PARTY_GROUP_ANY,
    PARTY_GROUP_BAD_MEMBER,
    PARTY_GROUP_CYCLE,
    PARTY_GROUP_EMPTY,
    PARTY_NOT_A_NAME,
    PARTY_NOT_TEXT,
    GrammarError,
)

ANY = "any"

# Canonical party -> the names it is written as (matched case-insensitively).
PARTY_ALIASES: dict[str, tuple[str, ...]] = {
    "Syrian government": (
        "Syrian government",
        "Syrian regime",
        "Assad regime",
        "Syrian government forces",
        "Government of Syria",
        "SARG",
        "regime forces",
        "Syrian regime forces",
        "Syrian army",
        "Syrian Arab Army",
        "SAA",
        "Syrian Regime",
        "GoS",
    ),
    "Russian forces": (
        "Russian forces",
        "Russia",
        "Russian air force",
        "Russian aviation",
        "Russian military",
        "Russian armed forces",
        "Russian troops",
        "GoRF",
    ),
    "US-led coalition": (
        "US-led coalition",
        "U.S.-led coalition",
        "international coalition",
        "international coalition forces",
        "Global Coalition",
    ),
    "Hayat Tahrir al-Sham": (
        "Hayat Tahrir al-Sham",
        "HTS",
        "Hay'at Tahrir al-Sham",
        "Tahrir al-Sham",
        "Jabhat al-Nusra",
        "Nusra Front",
        "al-Nusra Front",
        "Jabhat Fateh al-Sham",
    ),
    "Islamic State": (
        "Islamic State",
        "ISIS",
        "ISIL",
        "IS",
        "Daesh",
        "Da'esh",
        "Islamic State in Iraq and the Levant",
        "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria",
        "Islamic State of Iraq and al-Sham",
        "Dawlat al-Islamiyah",
        "Etat islamique",
        "EI",
    ),
    "ISWAP": (
        "ISWAP",
        "Islamic State West Africa Province",
        "Islamic State West Africa",
        "Islamic State - West Africa Province",
        "Wilayat Gharb Ifriqiyyah",
        "Wilayat Gharb Afriqiya",
        "Boko Haram - Wilayat Gharb Ifriqiyyah",
        "Barnawi faction",
    ),
    "JAS": (
        "JAS",
        "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad",
        "Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "Shekau faction",
    ),
    "Boko Haram": ("Boko Haram",),
    "ISSP": (
        "ISSP",
        "Islamic State Sahel Province",
        "Islamic State in the Greater Sahara",
        "ISGS",
        "Islamic State Sahel",
    ),
    "al-Qaeda": ("al-Qaeda", "Al Qaeda", "al-Qaida", "Al Qaida", "AQ"),
    "Al-Shabaab": (
        "Al-Shabaab",
        "Al Shabaab",
        "al-Shabab",
        "Al Shabab",
        "Shabaab",
        "Harakat al-Shabaab al-Mujahideen",
    ),
    "JNIM": (
        "JNIM",
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Jamaat Nusrat al-Islam wal Muslimin",
        "GSIM",
    ),
    "AQAP": ("AQAP", "al-Qaeda in the Arabian Peninsula", "Al Qaeda in the Arabian Peninsula"),
    "jihadist groups": (
        "jihadist groups",
        "jihadists",
        "jihadi groups",
        "jihadist armed groups",
        "Islamist armed groups",
    ),
    "Rapid Support Forces": ("Rapid Support Forces", "RSF", "Quwat al-Da'm al-Sari'"),
    "Sudanese Armed Forces": (
        "Sudanese Armed Forces",
        "SAF",
        "Sudanese army",
        "Sudanese military",
        "Sudan army",
    ),
    "Myanmar military": (
        "Myanmar military",
        "Tatmadaw",
        "Myanmar army",
        "Myanmar armed forces",
        "Burmese military",
        "Burmese army",
        "Myanmar junta",
        "junta forces",
    ),
    "Wagner Group": ("Wagner Group", "Wagner", "PMC Wagner", "Wagner PMC", "Wagner mercenaries"),
    "Russian forces and allies": (
        "Russian forces and allies",
        "pro-Russian forces",
        "Russia and its allies",
        "Russian and allied forces",
    ),
    "Hamas": ("Hamas", "Hamas Movement", "Harakat al-Muqawama al-Islamiya"),
    "Al-Qassam Brigades": (
        "Al-Qassam Brigades",
        "Qassam Brigades",
        "Izz ad-Din al-Qassam Brigades",
        "Izz al-Din al-Qassam Brigades",
        "Ezzedine al-Qassam Brigades",
    ),
    "Palestinian Islamic Jihad": ("Palestinian Islamic Jihad", "PIJ", "Islamic Jihad"),
    "Hezbollah": ("Hezbollah", "Hizbullah", "Hizballah", "Hizbollah"),
    "Houthis": ("Houthis", "Ansar Allah", "Houthi forces", "Houthi movement", "Ansarallah"),
    "Taliban": ("Taliban", "Islamic Emirate of Afghanistan"),
    "Nigerian forces": ("Nigerian forces", "Nigerian military", "Nigerian army"),
    "Ukrainian forces": ("Ukrainian forces", "Ukrainian military", "Ukrainian army"),
    "Somali government forces": ("Somali government forces", "Somali National Army", "Somali army"),
    "non-state armed groups": ("non-state armed groups", "NSAG", "NSAGs", "armed groups"),
    "Turkish forces": ("Turkish forces", "Turkish military", "Turkish armed forces", "Turkey"),
    "Israeli forces": (
        "Israeli forces",
        "Israeli military",
        "Israel Defense Forces",
        "Israel Defence Forces",
        "Israeli Defense Forces",
        "IDF",
        "Israeli army",
        "Tsahal",
        "Israel",
    ),
    "Iranian forces": ("Iranian forces", "Iranian military", "Iran"),
    "Syrian Democratic Forces": ("Syrian Democratic Forces", "SDF"),
    "armed opposition groups": (
        "armed opposition groups",
        "armed opposition",
        "AOGs",
        "Syrian opposition",
    ),
}

# Membership: party -> the parties it is part of (a faction of its group, a group of its family,
# an ally of a coalition).
PARTY_PARENTS: dict[str, tuple[str, ...]] = {
    "ISWAP": ("Boko Haram", "Islamic State"),
    "JAS": ("Boko Haram",),
    "ISSP": ("Islamic State",),
    "Boko Haram": ("jihadist groups",),
    "Islamic State": ("jihadist groups",),
    "al-Qaeda": ("jihadist groups",),
    "Al-Shabaab": ("al-Qaeda",),
    "JNIM": ("al-Qaeda",),
    "AQAP": ("al-Qaeda",),
    "Hayat Tahrir al-Sham": ("jihadist groups",),
    "Al-Qassam Brigades": ("Hamas",),
    "Russian forces": ("Russian forces and allies",),
    "Wagner Group": ("Russian forces and allies",),
}


# Coalitions stand for their members only; a group (Boko Haram) also for events that name the
# group without a faction.
COALITIONS: frozenset[str] = frozenset({"Russian forces and allies"})


def _children() -> dict[str, set[str]]:
    children: dict[str, set[str]] = {}
    for party, parents in PARTY_PARENTS.items():
        for parent in parents:
            children.setdefault(parent, set()).add(party)
    return children


_CHILDREN = _children()


def party_closure(party: str) -> frozenset[str]:
    """A party and every party under it (`Boko Haram`: itself, ISWAP and JAS); a coalition
    only its members."""
    found = {party}
    todo = [party]
    while todo:
        for child in _CHILDREN.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return frozenset(found - COALITIONS)


def is_catalogued(party: str) -> bool:
    """Whether a canonical party name is one of the catalogue's or a state's forces as
    `country_forces` names them (`Burkinabe forces`, `Malian forces`: every country has one)."""
    return party in PARTY_ALIASES or state_party(party) == party


# Built-in groups: name (matched like an alias) -> canonical members.
PARTY_GROUPS: dict[str, tuple[str, ...]] = {
    "Syrian-Russian alliance": ("Syrian government", "Russian forces"),
    "Syrian and Russian forces": ("Syrian government", "Russian forces"),
    "Syrian government and Russian forces": ("Syrian government", "Russian forces"),
}


# States as perpetrators, by country word, -> canonical party.
STATE_PARTIES: dict[str, str] = {
    "syria": "Syrian government",
    "syrian": "Syrian government",
    "russia": "Russian forces",
    "russian": "Russian forces",
    "turkey": "Turkish forces",
    "turkish": "Turkish forces",
    "israel": "Israeli forces",
    "israeli": "Israeli forces",
    "iran": "Iranian forces",
    "iranian": "Iranian forces",
    "sudan": "Sudanese Armed Forces",
    "sudanese": "Sudanese Armed Forces",
    "myanmar": "Myanmar military",
    "burma": "Myanmar military",
    "nigeria": "Nigerian forces",
    "nigerian": "Nigerian forces",
    "ukraine": "Ukrainian forces",
    "ukrainian": "Ukrainian forces",
    "somalia": "Somali government forces",
    "somali": "Somali government forces",
}
_STATE = on_first_use(
    r"^(?:government|military forces|police forces|armed forces|air force) of (?:the )?(.+)"
    r"|^(.+?)(?:'s?)? (?:military|army|air force|armed forces|regime|forces|troops)$",
    re.IGNORECASE,
)


def country_forces(code: str) -> str | None:
    """The one name of a country's forces, by its code: the catalogue's where it has one
    ("SD": `Sudanese Armed Forces`), else its people's adjective ("ML": `Malian forces`,
    `demonyms.DEMONYMS`); None for a code the table does not know."""
    name = demonym(code)
    if name is None:
        return None
    return STATE_PARTIES.get(name.casefold()) or f"{name} forces"


def country_code(word: str) -> str | None:
    """The country a word names by its people's adjective ("Malian", "Filipino") or its name as
    the gazetteer knows it ("Mali", "DR Congo", "Ivory Coast"), else None."""
    code = country_of_demonym(word)
    if code is not None:
        return code
    for entry in lookup(fold(word), towns=False):
        for place in entry:
            if place.is_country:
                return place.code
    return None


def state_party(name: str) -> str | None:
    """The canonical party of a state's forces as datasets and articles write them (`Military
    Forces of Sudan (2019-)`, `Government of Myanmar (Burma)`, `Russian military`, `Mali
    forces`, `Malian army`): `country_forces`, else None."""
    match = _STATE().match(name)
    if match:
        code = country_code(match.group(1) or match.group(2))
        return country_forces(code) if code is not None else None
    return None


def _key(name: str) -> str:
    return " ".join(name.replace("-", " ").replace("‐", " ").casefold().split())


_ALIAS_INDEX: dict[str, str] = {
    _key(alias): party for party, aliases in PARTY_ALIASES.items() for alias in aliases
}
_GROUP_INDEX: dict[str, tuple[str, ...]] = {_key(name): m for name, m in PARTY_GROUPS.items()}


def canonical_party(name: str) -> str:
    """The canonical name of one party (not a group): the catalogue's, a state's forces as
    datasets write them, else as written."""
    found = _ALIAS_INDEX.get(_key(name))
    if found is not None:
        return found
    return state_party(" ".join(name.split())) or " ".join(name.split())


def resolve_perpetrators(
    value: str | Sequence[str], groups: Mapping[str, Sequence[str]]
) -> Perpetrators:
    """`perpetrators` as written -> `Perpetrators`. Raises GrammarError `bad-party`."""
    if isinstance(value, str):
        items: list[object] = [value]
    elif isinstance(value, Sequence):
        items = list(value)
    else:
        raise GrammarError.of(PARTY_NOT_TEXT, value=value)
    if not items:
        raise GrammarError.of(PARTY_EMPTY_LIST)
    texts: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise GrammarError.of(PARTY_NOT_A_NAME, value=item)
        text = " ".join(item.split())
        if not text:
            raise GrammarError.of(PARTY_EMPTY_NAME)
        texts.append(text)
    if any(_key(text) == ANY for text in texts):
        if len(texts) > 1:
            raise GrammarError.of(PARTY_ANY_MIXED, parties=", ".join(texts))
        return Perpetrators((texts[0],), None)
    group_index = {_key(key): key for key in groups}
    parties: set[str] = set()
    for text in texts:
        parties |= _expand(text, groups, group_index, ())
    return Perpetrators(tuple(texts), frozenset(parties))


def _expand(
    text: str,
    groups: Mapping[str, Sequence[str]],
    group_index: dict[str, str],
    stack: tuple[str, ...],
) -> set[str]:
    key = _key(text)
    if key in group_index:
        group = group_index[key]
        if group in stack:
            chain = " -> ".join((*stack[stack.index(group) :], group))
            raise GrammarError.of(PARTY_GROUP_CYCLE, group=group, chain=chain)
        members = groups[group]
        if isinstance(members, str):
            members = [members]
        parties: set[str] = set()
        for member in members:
            if not isinstance(member, str) or not member.strip():
                raise GrammarError.of(PARTY_GROUP_BAD_MEMBER, group=group, value=member)
            if _key(member) == ANY:
                raise GrammarError.of(PARTY_GROUP_ANY, group=group)
            parties |= _expand(member, groups, group_index, (*stack, group))
        if not parties:
            raise GrammarError.of(PARTY_GROUP_EMPTY, group=group)
        return parties
    if key in _GROUP_INDEX:
        return set(_GROUP_INDEX[key])
    return {canonical_party(text)}


def _closure(parties: frozenset[str]) -> frozenset[str]:
    if not any(party in _CHILDREN for party in parties):
        return parties
    return frozenset().union(*(party_closure(party) for party in parties))


# A perpetrator named as nobody known (`unidentified gunmen`, `unknown assailants`, `unknown`):
# it may be any party, one of the other side's included.
_UNIDENTIFIED = re.compile(
    r"^(?:unknown|unidentified|unnamed|unspecified|unclear)\b|^(?:n/?a|none)$", re.IGNORECASE
)


def is_unidentified(party: str) -> bool:
    """Whether a party name says the perpetrator is not known (`unidentified gunmen`)."""
    return _UNIDENTIFIED.match(party.strip()) is not None


def perpetrator_relation(a: Perpetrators, b: Perpetrators) -> Relation:
    """Relation of a's set of parties to b's (`any` is wider than every set); each party stands
    for itself and the parties under it. A party not identified (`unidentified gunmen`) may be
    any other: two sets neither of which contains the other relate in an unknown way then."""
    if a.parties is None:
        return "same" if b.parties is None else "wider"
    if b.parties is None:
        return "narrower"
    pa, pb = _closure(a.parties), _closure(b.parties)
    if pa == pb:
        return "same"
    if pa < pb:
        return "narrower"
    if pa > pb:
        return "wider"
    if any(is_unidentified(party) for party in pa | pb):
        return "unknown"
    if pa.isdisjoint(pb):
        return "disjoint"
    return "overlapping"
