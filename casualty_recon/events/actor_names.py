"""Dataset actor names -> the project's canonical party names (`parties.canonical_party`).

Datasets name states in their own ways: GED `Government of Russia (Soviet Union)`, ACLED
`Military Forces of Syria (2000-)`, Airwars `Russian Military`. Those forms are brought to the
names claims use (`Russian forces`, `Syrian government`); anything else goes through the party
catalogue (`parties.PARTY_ALIASES`, with and without a bracketed note; a `Group - Faction` name
as the faction, else the group), and is kept as written if that does not know it (the
cross-check names such actors in its notes). Only distinct names are resolved.
"""

from __future__ import annotations

import re

from casualty_recon.grammar.parties import PARTY_ALIASES, is_unidentified, state_party

_BRACKETS = re.compile(r"\s*\([^)]*\)\s*")


def _key(name: str) -> str:
    return " ".join(name.replace("-", " ").casefold().split())


# Every name the party table knows (canonical names and aliases) -> canonical name.
_KNOWN: dict[str, str] = {
    _key(alias): party for party, aliases in PARTY_ALIASES.items() for alias in (party, *aliases)
}
_HTS = re.compile(r"hay'?at tahrir al[- ]sham", re.IGNORECASE)


def party_of(name: str) -> str | None:
    """The canonical party for one actor name; None when the name says nobody is known."""
    text = " ".join(name.split())
    if not text or is_unidentified(text):
        return None
    bare = _BRACKETS.sub(" ", text).strip()
    state = state_party(bare)
    if state is not None:
        return state
    if _HTS.search(bare):
        return "Hayat Tahrir al-Sham"
    # ACLED names a faction after its group: `Boko Haram - Wilayat Gharb Ifriqiyyah`; and a
    # group by its initials then its name: `JNIM: Group for Support of Islam and Muslims`.
    group, dash, faction = bare.partition(" - ")
    initials, colon, full = bare.partition(": ")
    for candidate in (
        text,
        bare,
        *((faction, group) if dash else ()),
        *((initials, full) if colon else ()),
    ):
        if _key(candidate) in _KNOWN:
            return _KNOWN[_key(candidate)]
    # Unknown to the alias table: kept as written, so a claim naming it the same way matches.
    return text


def parties_in(cell: str, separator: str | None) -> frozenset[str]:
    """Every canonical party a cell names (a list when the dataset separates several)."""
    pieces = cell.split(separator) if separator else [cell]
    found = {party_of(piece) for piece in pieces}
    return frozenset(party for party in found if party is not None)
