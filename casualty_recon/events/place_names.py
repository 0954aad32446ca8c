"""Dataset place names -> ISO codes, through the project's gazetteer.

Only distinct (country, place) pairs are resolved, never rows. A place is first resolved in its
country (`Shan State, Myanmar (Burma)`); a part modifier (`eastern Hama`) is dropped, since an
event in part of a subdivision is in the subdivision. When the dataset has no country column
(Airwars), the country is the resolved place's, or else the one most of the file's places
resolve to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from casualty_recon.grammar.gazetteer import town_parent
from casualty_recon.model.claims import Place
from casualty_recon.model.errors import GrammarError

COUNTRY_ONLY = "place known only to the country"


class PlaceResolver(Protocol):
    def resolve(self, text: str) -> frozenset[Place]: ...


def default_resolver() -> PlaceResolver:
    from casualty_recon.grammar.places import Gazetteer

    return Gazetteer()


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where a (country, place) pair of the dataset lies: ISO country code ('' unknown), ISO
    subdivision code ('' when only the country is known), and why not, if not."""

    country: str
    place: str
    reason: str | None


def _try(resolver: PlaceResolver, text: str) -> frozenset[Place] | None:
    try:
        return resolver.resolve(text)
    except GrammarError:
        return None


def resolve_country(resolver: PlaceResolver, text: str) -> str:
    if not text:
        return ""
    found = _try(resolver, text)
    if found and len(found) == 1:
        (only,) = found
        if only.is_country:
            return only.code
    return ""


def resolve_place(resolver: PlaceResolver, country: str, country_text: str, text: str) -> Resolved:
    if not text:
        return Resolved(country, "", COUNTRY_ONLY)
    candidates: list[str] = [f"{text}, {country_text}"] if country_text and country else []
    candidates.append(text)
    for candidate in candidates:
        found = _try(resolver, candidate)
        if not found:
            continue
        codes = {p.code for p in found}
        countries = {p.country for p in found}
        if country and countries != {country}:
            continue
        if len(codes) != 1:
            return Resolved(country, "", f"place '{text}' spans several subdivisions")
        (code,) = codes
        (place_country,) = countries
        code = town_parent(code) or code  # a town's events are its subdivision's
        if "-" not in code:
            return Resolved(place_country, "", COUNTRY_ONLY)
        return Resolved(place_country, code, None)
    return Resolved(country, "", f"place not recognised: '{text}'")


def resolve_pairs(
    resolver: PlaceResolver, pairs: list[tuple[str, str]], has_country: bool
) -> tuple[list[Resolved], str | None]:
    """Resolve each distinct (country text, place text) pair. Without a country column, rows
    whose place does not resolve take the country most places resolve to (returned, for a
    note)."""
    country_of: dict[str, str] = {}
    out: list[Resolved] = []
    for country_text, text in pairs:
        if has_country:
            if country_text not in country_of:
                country_of[country_text] = resolve_country(resolver, country_text)
            code = country_of[country_text]
            if not code:
                reason = (
                    f"country not recognised: '{country_text}'" if country_text else "no country"
                )
                out.append(Resolved("", "", reason))
                continue
            out.append(resolve_place(resolver, code, country_text, text))
        else:
            out.append(resolve_place(resolver, "", "", text))
    if has_country:
        return out, None
    tally = Counter(r.country for r in out if r.country)
    if not tally:
        return out, None
    main = tally.most_common(1)[0][0]
    return [r if r.country else Resolved(main, "", r.reason) for r in out], main
