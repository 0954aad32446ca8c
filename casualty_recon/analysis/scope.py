"""Scope relations: how what one claim counts relates to what another counts (README, "Concepts").

Each dimension gives one of the relations of `model.RELATIONS`, read as "a is ... than b":

- population: people > civilians > children, women, men, health workers, journalists,
  aid workers; people > combatants. Children, women and men are disjoint; the civilian branch and
  combatants are disjoint; a named group (health workers) overlaps children, women, men and the
  other named groups.
- outcome: killed or injured > killed, injured; died (direct and indirect) > killed; killed and
  injured are disjoint; died overlaps killed or injured; missing, detained and displaced are
  disjoint from each other and from the rest.
- perpetrators (`parties.perpetrator_relation`) and area (`places.area_relation`).
- window: [start, as_of], each end an interval of days.

This module is pure: no I/O, no state.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from casualty_recon.grammar.parties import perpetrator_relation
from casualty_recon.grammar.places import area_relation, mirror
from casualty_recon.grammar.scope_words import outcome_relation as outcome_relation
from casualty_recon.grammar.scope_words import population_relation as population_relation
from casualty_recon.model.claims import Claim, DayRange, Relation


def day_relation(a: DayRange, b: DayRange) -> str:
    """`same`, `earlier` (a certainly before b), `later` (a certainly after b) or `overlapping`."""
    if a.earliest == b.earliest and a.latest == b.latest:
        return "same"
    if a.latest < b.earliest:
        return "earlier"
    if a.earliest > b.latest:
        return "later"
    return "overlapping"


def window_relation(
    a_start: DayRange | None,
    a_as_of: DayRange,
    b_start: DayRange | None,
    b_as_of: DayRange,
) -> Relation:
    """Relation of window [a_start, a_as_of] to [b_start, b_as_of].

    A missing start is unknown, so the relation is `unknown` unless one window certainly ends
    before the other starts. `narrower`: a certainly starts no earlier and ends no later than b,
    one of them strictly (a.start.earliest >= b.start.latest, a.as_of.latest <= b.as_of.earliest);
    ends written as the same range count as equal.
    """
    if (b_start is not None and a_as_of.latest < b_start.earliest) or (
        a_start is not None and b_as_of.latest < a_start.earliest
    ):
        return "disjoint"
    if a_start is None or b_start is None:
        return "unknown"
    if day_relation(a_start, b_start) == "same" and day_relation(a_as_of, b_as_of) == "same":
        return "same"
    if _inside(a_start, a_as_of, b_start, b_as_of):
        return "narrower"
    if _inside(b_start, b_as_of, a_start, a_as_of):
        return "wider"
    return "overlapping"


def _inside(
    inner_start: DayRange, inner_end: DayRange, outer_start: DayRange, outer_end: DayRange
) -> bool:
    """Whether the inner window is certainly inside the outer one, and certainly not equal.

    Two ends written as the same range of days (both "late April") count as the same day, as
    they do for `same`: otherwise two counts from "late April" could never nest.
    """
    same_start = day_relation(inner_start, outer_start) == "same"
    same_end = day_relation(inner_end, outer_end) == "same"
    starts_inside = same_start or inner_start.earliest >= outer_start.latest
    ends_inside = same_end or inner_end.latest <= outer_end.earliest
    strict = (not same_start and inner_start.earliest > outer_start.latest) or (
        not same_end and inner_end.latest < outer_end.earliest
    )
    return starts_inside and ends_inside and strict


def combine(relations: Iterable[Relation]) -> Relation:
    """The relation of two scopes from the relations of their dimensions."""
    found = set(relations)
    if found <= {"same"}:
        return "same"
    if "disjoint" in found:
        return "disjoint"
    if "unknown" in found:
        return "unknown"
    if found <= {"same", "narrower"}:
        return "narrower"
    if found <= {"same", "wider"}:
        return "wider"
    return "overlapping"


class ScopeRelations(NamedTuple):
    """The relation of claim a's scope to claim b's, per dimension and overall."""

    population: Relation
    outcome: Relation
    perpetrators: Relation
    area: Relation
    window: Relation
    overall: Relation

    def mirrored(self) -> ScopeRelations:
        """The relations of b to a."""
        return ScopeRelations(
            mirror(self.population),
            mirror(self.outcome),
            mirror(self.perpetrators),
            mirror(self.area),
            mirror(self.window),
            mirror(self.overall),
        )


def scope_relations(a: Claim, b: Claim) -> ScopeRelations:
    """How claim a's scope relates to claim b's on every dimension."""
    population = population_relation(a.population, b.population)
    outcome = outcome_relation(a.outcome, b.outcome)
    perpetrators = perpetrator_relation(a.perpetrators, b.perpetrators)
    area = area_relation(a.area.places, b.area.places)
    window = window_relation(a.start, a.as_of, b.start, b.as_of)
    overall = combine((population, outcome, perpetrators, area, window))
    return ScopeRelations(population, outcome, perpetrators, area, window, overall)
