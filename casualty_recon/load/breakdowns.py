"""Whether the parts of a whole marked `complete: true` can add up to it (SOURCES_FORMAT.md,
"Additions": `complete: true` says its parts add up to it, so shares are exact).

Parts may overlap in general (civilians and children), so only the parts that split the whole
along one dimension are added: those of the whole's window that differ from it on one of
population, outcome, perpetrators or area, each narrower than the whole there. A part inside
another such part (children among civilians, a town in its province) is not added; two parts of
one value count once. Figures are intervals: the parts certainly add up to more than the whole
when their low ends do, and only when no two of them overlap; they certainly add up to less when
their high ends do (an open floor never does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from casualty_recon.grammar.parties import perpetrator_relation
from casualty_recon.grammar.places import area_relation
from casualty_recon.grammar.scope_words import outcome_relation, population_relation
from casualty_recon.model.claims import Claim, Relation

_RELATIONS: dict[str, Callable[[Claim, Claim], Relation]] = {
    "population": lambda x, y: population_relation(x.population, y.population),
    "outcome": lambda x, y: outcome_relation(x.outcome, y.outcome),
    "perpetrators": lambda x, y: perpetrator_relation(x.perpetrators, y.perpetrators),
    "area": lambda x, y: area_relation(x.area.places, y.area.places),
}


class Mismatch(NamedTuple):
    """Parts of a complete whole that certainly add up to more (`over`) or less than it."""

    whole: Claim
    dimension: str
    parts: tuple[Claim, ...]
    over: bool
    total: int


def mismatches(whole: Claim, parts: list[Claim]) -> Iterator[Mismatch]:
    """Each dimension along which the parts of `whole` (which says `complete: true`) certainly
    do not add up to it."""
    for dimension, relation in _RELATIONS.items():
        split = [
            part
            for part in parts
            if part.as_of[:2] == whole.as_of[:2]
            and relation(part, whole) == "narrower"
            and all(
                other(part, whole) == "same"
                for name, other in _RELATIONS.items()
                if name != dimension
            )
        ]
        # the outermost parts, one per value: a part inside another is already counted in it
        top = [p for p in split if not any(relation(q, p) == "wider" for q in split)]
        values: list[list[Claim]] = []
        for part in top:
            same = next((v for v in values if relation(part, v[0]) == "same"), None)
            if same is None:
                values.append([part])
            else:
                same.append(part)
        if not values:
            continue
        lows = sum(min(p.figure.low for p in value) for value in values)
        disjoint = all(
            relation(x[0], y[0]) == "disjoint"
            for i, x in enumerate(values)
            for y in values[i + 1 :]
        )
        members = tuple(p for value in values for p in value)
        if disjoint and whole.figure.high is not None and lows > whole.figure.high:
            yield Mismatch(whole, dimension, members, True, lows)
            continue
        highs = [max_high(value) for value in values]
        if all(high is not None for high in highs):
            total = sum(high for high in highs if high is not None)
            if total < whole.figure.low:
                yield Mismatch(whole, dimension, members, False, total)


def max_high(claims: list[Claim]) -> int | None:
    """The largest high end of these figures, None when one is open."""
    highs = [claim.figure.high for claim in claims]
    return None if any(high is None for high in highs) else max(h for h in highs if h is not None)
