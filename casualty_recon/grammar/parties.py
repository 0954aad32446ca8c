"""Parties: who a figure says did the killing (`perpetrators`), and the relation of two such sets.

Grammar of `perpetrators` (SOURCES_FORMAT.md):

| written                                   | means                                       |
|-------------------------------------------|---------------------------------------------|
| `any` (alone)                             | every party: `Perpetrators(parties=None)`   |
| a party name (`Syrian regime`, `ISIS`)    | its canonical name (`Syrian government`)    |
| a key of `parties` (`pro-government`)     | its members, expanded recursively           |
| a built-in group (`Syrian-Russian alliance`) | its members                              |
| a list of those                           | the union                                   |

Names are matched without regard to case, hyphens or spacing. A name we do not know is taken as a
party as written (spacing normalised): parties are open-ended, places are not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    "Hayat Tahrir al-Sham": ("Hayat Tahrir al-Sham", "HTS", "Hay'at Tahrir al-Sham"),
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
    ),
    "non-state armed groups": ("non-state armed groups", "NSAG", "NSAGs", "armed groups"),
    "Turkish forces": ("Turkish forces", "Turkish military", "Turkish armed forces", "Turkey"),
    "Israeli forces": (
        "Israeli forces",
        "Israeli military",
        "Israel Defense Forces",
        "IDF",
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

# Built-in groups: name (matched like an alias) -> canonical members.
PARTY_GROUPS: dict[str, tuple[str, ...]] = {
    "Syrian-Russian alliance": ("Syrian government", "Russian forces"),
    "Syrian and Russian forces": ("Syrian government", "Russian forces"),
    "Syrian government and Russian forces": ("Syrian government", "Russian forces"),
}


def _key(name: str) -> str:
    return " ".join(name.replace("-", " ").replace("‐", " ").casefold().split())


_ALIAS_INDEX: dict[str, str] = {
    _key(alias): party for party, aliases in PARTY_ALIASES.items() for alias in aliases
}
_GROUP_INDEX: dict[str, tuple[str, ...]] = {_key(name): m for name, m in PARTY_GROUPS.items()}


def canonical_party(name: str) -> str:
    """The canonical name of one party (not a group): the alias table's, else as written."""
    return _ALIAS_INDEX.get(_key(name), " ".join(name.split()))


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


def perpetrator_relation(a: Perpetrators, b: Perpetrators) -> Relation:
    """Relation of a's set of parties to b's (`any` is wider than every set)."""
    if a.parties is None:
        return "same" if b.parties is None else "wider"
    if b.parties is None:
        return "narrower"
    if a.parties == b.parties:
        return "same"
    if a.parties < b.parties:
        return "narrower"
    if a.parties > b.parties:
        return "wider"
    if a.parties.isdisjoint(b.parties):
        return "disjoint"
    return "overlapping"
