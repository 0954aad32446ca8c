"""Which pairs of claims a report compares (README, "Which pairs are compared").

- A file's focus pairs (`compare:`) come first, in the order written.
- Then the comparisons a reader would make: for every two sources that count the same outcome
  family in a country, the pair of their claims nearest in date whose scopes overlap. A claim
  over several countries takes part in each of them. Among claims of one source on one day the
  one closest in scope to the other side is chosen (same outcome before a wider one, same
  population before a wider one, then area, perpetrators and basis), never by id or file order:
  the choice rests on what the claims say, so renaming ids changes no pair and no verdict.
- Then every pair where a count could fall short of another source's narrower count (a coverage
  shortfall, or a contradiction when the wider side is an upper bound): a cheap pre-filter on
  the figures (the wider side's stated count below the narrower side's floor) and on the
  population and outcome, before the full scope relation; the engine then judges each.

Everything is indexed by outcome family and country, and within those by population and
outcome, so the work grows with the claims of one conflict, not with the square of the file.
Pure: no I/O, no state.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from casualty_recon.analysis.scope import (
    ScopeRelations,
    combine,
    outcome_relation,
    population_relation,
    scope_relations,
    window_relation,
)
from casualty_recon.analysis.timeline import area_key, floor_of, series_key
from casualty_recon.grammar.parties import perpetrator_relation
from casualty_recon.grammar.places import area_relation
from casualty_recon.model.claims import Claim, Perpetrators, Place, Relation

# Outcomes that can be compared with one another; the others only with themselves.
OUTCOME_FAMILY = {
    "killed": "deaths",
    "died": "deaths",
    "injured": "deaths",
    "killed or injured": "deaths",
}
_RANK = {"same": 0, "wider": 1, "narrower": 1, "overlapping": 2, "unknown": 3, "disjoint": 4}

Pair = tuple[Claim, Claim]
Teller = Callable[[Claim], str | None]


class Selection(NamedTuple):
    """The pairs chosen, focus pairs first; `focus` and `flagged` count how many of each."""

    pairs: list[Pair]
    focus: int
    flagged: int


def countries(claim: Claim) -> list[str]:
    """The countries a claim covers (a claim over Iraq and Syria is in both)."""
    return sorted({place.country for place in claim.area.places}) or ["?"]


def disjoint_reason(x: Claim, y: Claim) -> str | None:
    """Why two claims cannot be a pair (their places or perpetrators do not overlap), or None."""
    relations = scope_relations(x, y)
    if relations.area == "disjoint":
        return f"{x.area.label()} and {y.area.label()} are different places"
    if relations.perpetrators == "disjoint":
        return (
            f"{x.perpetrators.label()} and {y.perpetrators.label()} are disjoint sets of "
            "perpetrators"
        )
    return None


def content_key(claim: Claim) -> tuple[object, ...]:
    """A claim's identity by what it says, never by its id or place in the file."""
    return (
        claim.source,
        claim.figure.low,
        -1 if claim.figure.high is None else claim.figure.high,
        claim.figure.text,
        claim.population,
        claim.outcome,
        claim.basis,
        claim.as_of.earliest,
        claim.as_of.latest,
        claim.published.earliest,
        claim.published.latest,
        claim.relayed_by or "",
        area_key(claim),
        tuple(sorted(claim.perpetrators.parties or ())),
    )


def scope_rank(relations: ScopeRelations, x: Claim, y: Claim) -> tuple[int, ...]:
    """How close two scopes are: same outcome before a wider one, then the same population,
    area, perpetrators and basis."""
    return (
        _RANK[relations.outcome],
        _RANK[relations.population],
        _RANK[relations.area],
        _RANK[relations.perpetrators],
        0 if x.basis == y.basis else 1,
    )


def _day(claim: Claim) -> int:
    return (claim.as_of.earliest.toordinal() + claim.as_of.latest.toordinal()) // 2


class _Indexed:
    """One source's claims in one bucket, sorted by their as_of day."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = sorted(claims, key=lambda c: (_day(c), content_key(c)))
        self.days = [_day(c) for c in self.claims]
        heads: dict[tuple[object, ...], Claim] = {}
        for claim in self.claims:  # the latest claim of each series in this bucket
            heads[series_key(claim)] = claim
        self.heads = list(heads.values())

    def nearest(self, day: int, fits: Callable[[Claim], bool]) -> list[Claim]:
        """The claims nearest to `day` that fit, all of them when several share the distance."""
        right = bisect.bisect_left(self.days, day)
        left = right - 1
        found: list[Claim] = []
        best: int | None = None
        while left >= 0 or right < len(self.claims):
            left_gap = day - self.days[left] if left >= 0 else None
            right_gap = self.days[right] - day if right < len(self.claims) else None
            if right_gap is None or (left_gap is not None and left_gap <= right_gap):
                index, gap = left, left_gap
                left -= 1
            else:
                index, gap = right, right_gap
                right += 1
            assert gap is not None
            if best is not None and gap > best:
                break
            claim = self.claims[index]
            if fits(claim):
                best = gap
                found.append(claim)
        return found


class _Relations:
    """Scope relations of claims, each dimension memoised on its values (a file has few
    distinct areas, parties, populations and outcomes, and many claims sharing them)."""

    def __init__(self) -> None:
        self.areas: dict[tuple[frozenset[Place], frozenset[Place]], Relation] = {}
        self.parties: dict[tuple[Perpetrators, Perpetrators], Relation] = {}
        self.measures: dict[tuple[str, str, str, str], tuple[Relation, Relation]] = {}

    def measure(self, x: Claim, y: Claim) -> tuple[Relation, Relation]:
        key = (x.population, y.population, x.outcome, y.outcome)
        found = self.measures.get(key)
        if found is None:
            found = self.measures[key] = (
                population_relation(x.population, y.population),
                outcome_relation(x.outcome, y.outcome),
            )
        return found

    def area(self, x: Claim, y: Claim) -> Relation:
        key = (x.area.places, y.area.places)
        found = self.areas.get(key)
        if found is None:
            found = self.areas[key] = area_relation(*key)
        return found

    def perpetrators(self, x: Claim, y: Claim) -> Relation:
        key = (x.perpetrators, y.perpetrators)
        found = self.parties.get(key)
        if found is None:
            found = self.parties[key] = perpetrator_relation(*key)
        return found

    def __call__(self, x: Claim, y: Claim) -> ScopeRelations:
        population, outcome = self.measure(x, y)
        perpetrators = self.perpetrators(x, y)
        area = self.area(x, y)
        window = window_relation(x.start, x.as_of, y.start, y.as_of)
        overall = combine((population, outcome, perpetrators, area, window))
        return ScopeRelations(population, outcome, perpetrators, area, window, overall)

    def disjoint(self, x: Claim, y: Claim) -> bool:
        """Whether the scopes cannot overlap, checked cheapest dimension first."""
        if "disjoint" in self.measure(x, y):
            return True
        if (y.start is not None and x.as_of.latest < y.start.earliest) or (
            x.start is not None and y.as_of.latest < x.start.earliest
        ):
            return True
        return self.perpetrators(x, y) == "disjoint" or self.area(x, y) == "disjoint"

    def contains(self, wide: Claim, narrow: Claim) -> bool:
        """Whether `wide`'s scope certainly contains `narrow`'s (same or wider everywhere)."""
        if wide.start is None or narrow.start is None:
            return False
        if narrow.as_of.latest > wide.as_of.latest or narrow.start.earliest < wide.start.earliest:
            return False
        if self.perpetrators(wide, narrow) not in _CONTAINS or self.area(wide, narrow) not in (
            _CONTAINS
        ):
            return False
        return window_relation(wide.start, wide.as_of, narrow.start, narrow.as_of) in _CONTAINS


_CONTAINS = ("same", "wider")


def _buckets(claims: Iterable[Claim]) -> dict[tuple[str, str], list[Claim]]:
    buckets: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        family = OUTCOME_FAMILY.get(claim.outcome, claim.outcome)
        for country in countries(claim):
            buckets[(family, country)].append(claim)
    return buckets


def nearest_pairs(claims: Sequence[Claim], teller: Teller | None = None) -> list[Pair]:
    """For every two sources in a bucket, their pair of overlapping claims nearest in date
    (later ones first on a tie), the closest in scope among claims of one day."""
    relations = _Relations()
    chosen: dict[frozenset[int], Pair] = {}
    for _key, members in sorted(_buckets(claims).items()):
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for claim in members:
            by_source[(teller(claim) if teller else None) or claim.source].append(claim)
        indexed = {name: _Indexed(group) for name, group in by_source.items()}
        names = sorted(indexed)
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                best = _best_pair(indexed[first], indexed[second], relations)
                if best is not None:
                    chosen.setdefault(frozenset((id(best[0]), id(best[1]))), best)
    return list(chosen.values())


def _best_pair(left: _Indexed, right: _Indexed, relations: _Relations) -> Pair | None:
    """The pair a reader would make of two sources' claims: the same population and outcome
    where they have it, nearest in date, then the closest in scope, then the latest."""
    for strict in (True, False):
        best: tuple[tuple[object, ...], Pair] | None = None
        for heads, other, flip in ((left.heads, right, False), (right.heads, left, True)):
            for head in heads:

                def fits(claim: Claim, head: Claim = head, strict: bool = strict) -> bool:
                    if strict and (claim.population, claim.outcome) != (
                        head.population,
                        head.outcome,
                    ):
                        return False
                    return not relations.disjoint(head, claim)

                for match in other.nearest(_day(head), fits):
                    x, y = (match, head) if flip else (head, match)
                    scope = scope_rank(relations(x, y), x, y)
                    rank = (scope[:2], abs(_day(x) - _day(y)), scope[2:], -max(_day(x), _day(y)))
                    if best is None or rank < best[0][:4]:
                        best = ((*rank, None), (x, y))
                    elif rank == best[0][:4]:  # a tie: by what the claims say (rarely needed)
                        if best[0][4] is None:
                            best = ((*rank, _content(best[1])), best[1])
                        if (*rank, _content((x, y))) < best[0]:
                            best = ((*rank, _content((x, y))), (x, y))
        if best is not None:
            return best[1]
    return None


def _content(pair: Pair) -> tuple[object, ...]:
    """A tie's order: a source's own figures before relays of them (a relay rounds or repeats
    the source: "more than 4,100" for its 4,137), then by what the claims say."""
    relays = sum(claim.relayed_by is not None for claim in pair)
    return relays, content_key(pair[0]), content_key(pair[1])


def same_measure(pair: Pair) -> bool:
    """Whether a pair counts the same population and outcome (the pairs that lead)."""
    x, y = pair
    return (x.population, x.outcome) == (y.population, y.outcome)


def shortfall_pairs(claims: Sequence[Claim]) -> list[Pair]:
    """Pairs of different sources where the claim whose scope contains the other's states a
    count (or an upper bound) below the other's floor: a coverage shortfall or a contradiction
    for the engine to judge. For each wider claim and each other source, the narrower claim
    with the largest floor."""
    relations = _Relations()
    out: dict[frozenset[int], Pair] = {}
    for _key, members in sorted(_buckets(claims).items()):
        counts = _one_per_count(members)
        # (floor, last day, first day, source, claim) of every claim with a start and a floor,
        # by population and outcome, largest floor first.
        by_scope: dict[tuple[str, str], list[tuple[int, dt.date, dt.date, str, Claim]]] = (
            defaultdict(list)
        )
        for claim in counts:
            floor = floor_of(claim)
            if floor is not None and floor > 0 and claim.start is not None:
                by_scope[(claim.population, claim.outcome)].append(
                    (floor, claim.as_of.latest, claim.start.earliest, claim.source, claim)
                )
        for group in by_scope.values():
            group.sort(key=lambda item: (-item[0], content_key(item[4])))
        floors = {scope: [-item[0] for item in group] for scope, group in by_scope.items()}
        for wide in counts:
            if wide.start is None:
                continue  # a window of unknown start contains no other
            count, last, first = wide.figure.stated[1], wide.as_of.latest, wide.start.earliest
            matched: set[str] = {wide.source}
            for scope, group in by_scope.items():
                if not _contains(wide.population, wide.outcome, scope):
                    continue
                end = bisect.bisect_left(floors[scope], -count)  # floors above the count
                for _floor, narrow_last, narrow_first, source, narrow in group[:end]:
                    if narrow_last > last or narrow_first < first or source in matched:
                        continue
                    if relations.contains(wide, narrow):
                        matched.add(source)
                        out.setdefault(frozenset((id(wide), id(narrow))), (wide, narrow))
    return list(out.values())


def _one_per_count(claims: list[Claim]) -> list[Claim]:
    """One claim per count: relays repeating a source's figure for the same scope and day are
    that one count (the first published stands for them)."""
    ordered = sorted(claims, key=lambda c: (c.published.earliest, content_key(c)))
    seen: dict[tuple[object, ...], Claim] = {}
    for claim in ordered:
        key = (
            claim.source,
            claim.figure.low,
            claim.figure.high,
            claim.as_of,
            series_key(claim),
        )
        seen.setdefault(key, claim)
    return list(seen.values())


def _contains(population: str, outcome: str, scope: tuple[str, str]) -> bool:
    return population_relation(population, scope[0]) in ("same", "wider") and outcome_relation(
        outcome, scope[1]
    ) in ("same", "wider")


def select_pairs(
    claims: Sequence[Claim],
    focus: Sequence[Pair] = (),
    teller: Teller | None = None,
) -> Selection:
    """Focus pairs first, then the nearest pairs of every two sources, then every candidate
    shortfall or contradiction not already chosen. Breakdowns are evidence, not contenders."""
    contenders = [c for c in claims if c.breakdown_of is None]
    seen: set[frozenset[int]] = set()
    out: list[Pair] = []
    for pair in focus:
        key = frozenset((id(pair[0]), id(pair[1])))
        if key not in seen:
            seen.add(key)
            out.append(pair)
    focus_count = len(out)
    rest: list[Pair] = []
    for pair in nearest_pairs(contenders, teller):
        key = frozenset((id(pair[0]), id(pair[1])))
        if key not in seen:
            seen.add(key)
            rest.append(pair)
    flagged = 0
    for pair in shortfall_pairs(contenders):
        key = frozenset((id(pair[0]), id(pair[1])))
        if key not in seen:
            seen.add(key)
            rest.append(pair)
            flagged += 1
    return Selection(out + rest, focus_count, flagged)
