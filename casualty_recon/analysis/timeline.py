"""Timelines: one source's claims for one scope, ordered by `as_of`, read as a cumulative series.

From a series come the daily rate of each segment, interpolated (or, with a warning,
extrapolated) values for any day, revisions (a later figure below an earlier one) and stale
relays (a relayed claim printed after the source had already published a newer figure).
Figures enter at their stated values (a floor at its bound), as gaps do (README, "Concepts").
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from casualty_recon.analysis.results import approximate_high
from casualty_recon.analysis.scope import outcome_relation, population_relation
from casualty_recon.grammar.parties import perpetrator_relation
from casualty_recon.grammar.places import area_relation
from casualty_recon.grammar.wording import (
    figure_words,
    fmt_span,
    iso_day_text,
    party_words,
    people_words,
    plural,
    printable,
)
from casualty_recon.model.claims import ABOUT_TOLERANCE, Claim
from casualty_recon.model.spans import INF, Span

STALE_AFTER_DAYS = 7
START_CLUSTER_DAYS = 14


def _mid(earliest: dt.date, latest: dt.date) -> dt.date:
    return earliest + (latest - earliest) / 2


class Point(NamedTuple):
    """One date of a series: the claim first published with that figure, and its repeats."""

    claim: Claim
    repeats: tuple[Claim, ...] = ()

    @property
    def value(self) -> Span:
        low, high = self.claim.figure.stated
        return Span(low, high)

    @property
    def earliest(self) -> dt.date:
        return self.claim.as_of.earliest

    @property
    def latest(self) -> dt.date:
        return self.claim.as_of.latest

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.claim.id, *(c.id for c in self.repeats))


class Segment(NamedTuple):
    first: Point
    second: Point
    days: Span
    change: Span
    rate: Span
    revision: bool


class Revision(NamedTuple):
    older: Claim
    newer: Claim


class StaleRelay(NamedTuple):
    claim: Claim
    newer: Claim | None
    age_days: int


class RateEvidence(NamedTuple):
    rate: Span
    claim_ids: tuple[str, ...]
    extrapolated: bool


class Estimate(NamedTuple):
    value: Span
    claim_ids: tuple[str, ...]
    extrapolated: bool


class Series:
    """One source's count of one scope over time (a plain class, not a dataclass:
    `model.claims.Sources` says why)."""

    __slots__ = (
        "_index",
        "_ordered",
        "basis",
        "by",
        "outcome",
        "perpetrators",
        "points",
        "population",
        "revisions",
        "segments",
        "source",
        "stale_relays",
    )

    def __init__(
        self,
        source: str,
        population: str,
        outcome: str,
        perpetrators: str,
        basis: str,
        by: str = "",
        points: list[Point] | None = None,
    ) -> None:
        self.source = source
        self.population = population
        self.outcome = outcome
        self.perpetrators = perpetrators
        self.basis = basis
        # The perpetrators as a noun phrase (`grammar.wording.party_words`); the label says
        # them so.
        self.by = by
        self.points: list[Point] = [] if points is None else points
        self.segments: list[Segment] = []
        self.revisions: list[Revision] = []
        self.stale_relays: list[StaleRelay] = []
        # Lookups for `rate_between`, built on first use (the points are final by then): each
        # pair asks a series for a rate, and a file's long series must not be rescanned for
        # every pair.
        self._index: tuple[list[dt.date], list[dt.date], dict[str, int]] | None = None
        self._ordered: bool | None = None  # `_in_order`

    def _lookups(self) -> tuple[list[dt.date], list[dt.date], dict[str, int]]:
        if self._index is None:
            self._index = (
                [p.latest for p in self.points],
                [p.earliest for p in self.points],
                {point.claim.id: i for i, point in enumerate(self.points)},
            )
        return self._index

    @property
    def label(self) -> str:
        people = people_words(self.population, self.outcome)
        return f"{self.source}: {people}, by {self._by}, {self.basis}"

    @property
    def panel_label(self) -> str:
        """The label without the population and outcome (a chart panel's axis says them)."""
        return f"{self.source}: by {self._by}, {self.basis}"

    @property
    def _by(self) -> str:
        return self.by or ("any party" if self.perpetrators == "any" else self.perpetrators)

    @property
    def claim_ids(self) -> set[str]:
        return {claim_id for point in self.points for claim_id in point.ids}

    def rate_between(self, first: dt.date, second: dt.date) -> RateEvidence | None:
        """The daily rate over [first, second] (in either order), with the claims it rests on.

        Inside the series: the hull of the rates of the segments the period overlaps and of the
        wider segment from the point before it to the point after it. Outside: the last (or
        first) two segments, flagged as an extrapolation.
        """
        if len(self.points) < 2 or not self.segments:
            return None
        low_day, high_day = min(first, second), max(first, second)
        latest, earliest, position = self._lookups()
        if low_day < self.points[0].earliest or high_day > self.points[-1].latest:
            edge = self.segments[-2:] if high_day > self.points[-1].latest else self.segments[:2]
            rate = Span.hull([s.rate for s in edge])
            edge_ids = tuple(dict.fromkeys(i for s in edge for i in (*s.first.ids, *s.second.ids)))
            return RateEvidence(rate, edge_ids, True)
        # The last point on or before the period's first day, the first on or after its last
        # (the days of points are in order: bisect, not a scan).
        before = max(bisect.bisect_right(latest, low_day) - 1, 0)
        after = bisect.bisect_left(earliest, high_day)
        if after >= len(self.points):
            after = len(self.points) - 1
        if after <= before:
            after = min(before + 1, len(self.points) - 1)
            before = after - 1
        used = self.segments[before:after]

        def order(claim_id: str) -> int:
            return position.get(claim_id, 0)

        rates = [s.rate for s in used]
        ids: list[str] = [i for s in used for i in (s.first.claim.id, s.second.claim.id)]
        # The neighbouring segments widen the rate: from the point before to the point after.
        wide_first, wide_last = max(before - 1, 0), min(after + 1, len(self.points) - 1)
        for first_i, last_i in ((wide_first, after), (before, wide_last)):
            if (first_i, last_i) != (before, after):
                rates.append(_segment(self.points[first_i], self.points[last_i]).rate)
                ids += [self.points[first_i].claim.id, self.points[last_i].claim.id]
        return RateEvidence(Span.hull(rates), tuple(dict.fromkeys(sorted(ids, key=order))), False)

    def _in_order(self) -> bool:
        """Whether no point is below the one before it (no revision), worked out once."""
        if self._ordered is None:
            values = [p.value for p in self.points]
            self._ordered = not any(
                later.high < earlier.low for earlier, later in itertools.pairwise(values)
            )
        return self._ordered

    def growth_between(self, first: dt.date, second: dt.date) -> Estimate | None:
        """How much the count grew from `first` to `second` (negative if `second` comes first),
        read between the series' own points: a cumulative count lies between the points on
        either side of a day, whatever its rate in between (deaths cluster). None outside the
        series (an extrapolation needs a rate) or where a revision breaks the order of points."""
        if len(self.points) < 2:
            return None
        low_day, high_day = min(first, second), max(first, second)
        if low_day < self.points[0].earliest or high_day > self.points[-1].latest:
            return None
        if not self._in_order():
            return None  # a revision: the points do not bracket the count
        ids: list[str] = []

        points = self.points
        latest, earliest, _ = self._lookups()  # the days of points are in order: bisect

        def bracket(day: dt.date) -> Span:
            at = bisect.bisect_left(latest, day)  # the first point not over before `day`
            if points[at].earliest <= day:  # a point on that day
                ids.append(points[at].claim.id)
                return points[at].value
            previous = points[bisect.bisect_left(latest, latest[at - 1])]
            following = points[bisect.bisect_right(earliest, day)]
            ids.extend((previous.claim.id, following.claim.id))
            return Span(previous.value.low, following.value.high)

        start, end = bracket(low_day), bracket(high_day)
        growth = Span(max(0, end.low - start.high), max(0, end.high - start.low))
        if second < first:
            growth = Span(-growth.high, -growth.low)
        return Estimate(growth, tuple(dict.fromkeys(ids)), False)

    def value_at(self, day: dt.date) -> Estimate | None:
        """The series' value on `day`, as an interval; extrapolated past either end."""
        if not self.points:
            return None
        for point in self.points:
            if point.earliest <= day <= point.latest:
                return Estimate(point.value, point.ids, False)
        if len(self.points) < 2:
            return None
        if day > self.points[-1].latest:
            last = self.points[-1]
            evidence = self.rate_between(last.latest, day)
            if evidence is None:
                return None
            days = Span((day - last.latest).days, (day - last.earliest).days)
            return Estimate(last.value + evidence.rate * days, evidence.claim_ids, True)
        if day < self.points[0].earliest:
            first = self.points[0]
            evidence = self.rate_between(day, first.earliest)
            if evidence is None:
                return None
            days = Span((first.earliest - day).days, (first.latest - day).days)
            value = (first.value - evidence.rate * days).clamp_low(0)
            return Estimate(value, evidence.claim_ids, True)
        previous = max((p for p in self.points if p.latest < day), key=lambda p: p.latest)
        following = min((p for p in self.points if p.earliest > day), key=lambda p: p.earliest)
        evidence = self.rate_between(previous.latest, following.earliest)
        assert evidence is not None
        days = Span((day - previous.latest).days, (day - previous.earliest).days)
        value = previous.value + evidence.rate * days
        # A cumulative count lies between its neighbours.
        value = Span(max(value.low, previous.value.low), min(value.high, following.value.high))
        if value.low > value.high:  # across a revision the neighbours cross
            value = Span(
                min(previous.value.low, following.value.low),
                max(previous.value.high, following.value.high),
            )
        ids = tuple(dict.fromkeys((*previous.ids, *following.ids, *evidence.claim_ids)))
        return Estimate(value, ids, False)


def _segment(first: Point, second: Point, tolerance: float = ABOUT_TOLERANCE) -> Segment:
    days = Span(
        max(1, (second.earliest - first.latest).days),
        max(1, (second.latest - first.earliest).days),
    )
    change = second.value - first.value
    rate_low = max(change.low, 0.0) / days.high
    rate_high = max(change.high, 0.0) / days.low
    return Segment(
        first,
        second,
        days,
        change,
        Span(rate_low, rate_high),
        is_revision(first.claim, second.claim, tolerance),
    )


def floor_of(claim: Claim) -> int | None:
    """The floor of the truth a figure states: its low end, except for a ceiling ("up to 300"
    bounds the truth from above only)."""
    if claim.figure.qualifier in ("up_to", "fewer_than"):
        return None
    return claim.figure.low


def is_revision(older: Claim, newer: Claim, tolerance: float = ABOUT_TOLERANCE) -> bool:
    """Whether `newer` revises `older` down (README, Series): the same source, counted to
    a later day, with a figure certainly below the earlier floor. Never for one day's figures,
    never for a figure inside an earlier ceiling or range, never for a narrower scope (area,
    population, outcome, perpetrators) or a later start than the earlier claim's. The caller
    says whether the two are one series."""
    if older.source != newer.source or newer.as_of.earliest <= older.as_of.latest:
        return False
    floor = floor_of(older)
    if floor is None or newer.figure.high is None or approximate_high(newer, tolerance) >= floor:
        return False
    if (
        older.start is not None
        and newer.start is not None
        and newer.start.earliest > older.start.latest
    ):
        return False
    relations = (
        area_relation(newer.area.places, older.area.places),
        population_relation(newer.population, older.population),
        outcome_relation(newer.outcome, older.outcome),
        perpetrator_relation(newer.perpetrators, older.perpetrators),
    )
    return all(relation == "same" or relation == "wider" for relation in relations)


def series_key(claim: Claim, *, basis: bool = True) -> tuple[object, ...]:
    """What makes claims one series: one source's count of one scope on one basis (population,
    outcome, perpetrators, area and basis all the same), or the file's `series: NAME`, which
    joins differently worded claims that are one count in substance (README, Series). With
    `basis=False`, the same key whatever the basis (a relay's peers: `_peer_key`).

    A city count is never in a national series: the area is compared exactly, not by country.
    """
    if claim.series is not None:
        return (claim.source, "series", claim.series)
    parties = claim.perpetrators.parties
    return (
        claim.source,
        claim.population,
        claim.outcome,
        None if parties is None else tuple(sorted(parties)),
        claim.basis if basis else None,
        area_key(claim),
    )


def area_key(claim: Claim) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((place.code, place.part or "") for place in claim.area.places))


def build_timelines(claims: Iterable[Claim], tolerance: float = ABOUT_TOLERANCE) -> list[Series]:
    """Every series of two or more dates, plus single-date series (which carry relays);
    `tolerance` is the file's `about_tolerance` (how far a "nearly" figure reaches)."""
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    peers: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[series_key(claim)].append(claim)
        peers[_peer_key(claim)].append(claim)
    out: list[Series] = []
    for key in sorted(groups, key=repr):
        members = groups[key]
        if members[0].series is not None:
            out.append(_build_series(members, tolerance, peers))  # declared one count: never split
            continue
        for cluster in _start_clusters(members):
            out.append(_build_series(cluster, tolerance, peers))
    return out


def _peer_key(claim: Claim) -> tuple[object, ...]:
    """A series' key without the basis: a relay repeats its source's count whatever basis the
    file gives it (a relay's basis is seldom written, and defaults to reported), so a newer
    figure of the source's verified series makes a relay of the same count stale."""
    return series_key(claim, basis=False)


def _start_clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Split claims whose counts start far apart: they are not one cumulative series."""
    dated = sorted(
        (c for c in claims if c.start is not None),
        key=lambda c: (_mid(c.start.earliest, c.start.latest), c.id),  # type: ignore[union-attr]
    )
    clusters: list[list[Claim]] = []
    last: dt.date | None = None
    for claim in dated:
        assert claim.start is not None
        mid = _mid(claim.start.earliest, claim.start.latest)
        if last is None or (mid - last).days > START_CLUSTER_DAYS:
            clusters.append([])
        clusters[-1].append(claim)
        last = mid
    undated = [c for c in claims if c.start is None]
    if undated:
        if clusters:
            max(clusters, key=len).extend(undated)
        else:
            clusters.append(undated)
    return clusters


def _build_series(
    claims: list[Claim], tolerance: float, peers: dict[tuple[object, ...], list[Claim]]
) -> Series:
    first = claims[0]
    series = Series(
        first.source,
        first.population,
        first.outcome,
        first.perpetrators.label(),
        first.basis,
        party_words(first.perpetrators),
    )
    ordered = sorted(
        claims,
        key=lambda c: (c.as_of.earliest, c.as_of.latest, c.published.earliest, c.id),
    )
    points: list[Point] = []
    for claim in ordered:
        if points:
            last = points[-1]
            same_day = (last.claim.as_of.earliest, last.claim.as_of.latest) == (
                claim.as_of.earliest,
                claim.as_of.latest,
            )
            if same_day and last.claim.figure.stated == claim.figure.stated:
                points[-1] = Point(last.claim, (*last.repeats, claim))
                continue
            if same_day:
                # Two figures for one day measure different things (grades, bases,
                # definitions): never a revision. The source's own figure is the point before a
                # relay's (a relay rounds or repeats it: "more than 4,100" for 4,137), then the
                # later-published one.
                if (claim.relayed_by is None, claim.published.latest, claim.id) >= (
                    last.claim.relayed_by is None,
                    last.claim.published.latest,
                    last.claim.id,
                ):
                    points[-1] = Point(claim, (*last.repeats, last.claim))
                else:
                    points[-1] = Point(last.claim, (*last.repeats, claim))
                continue
        points.append(Point(claim))
    series.points = points
    series.segments = [_segment(a, b, tolerance) for a, b in itertools.pairwise(points)]
    series.revisions = [
        Revision(s.first.claim, s.second.claim) for s in series.segments if s.revision
    ]
    series.stale_relays = _stale_relays(ordered, peers)
    return series


def _stale_relays(
    claims: list[Claim], peers: dict[tuple[object, ...], list[Claim]]
) -> list[StaleRelay]:
    """The relays among `claims` (one series) printed after their source had published a later
    count: of the series, or of the same scope on another basis from a count starting near the
    relay's."""
    out: list[StaleRelay] = []
    members = {id(claim) for claim in claims}
    for claim in claims:
        if claim.relayed_by is None:
            continue
        others = [p for p in peers[_peer_key(claim)] if id(p) not in members]
        newer = [
            other
            for other in (*claims, *(p for p in others if _starts_near(p, claim)))
            if other.as_of.earliest > claim.as_of.latest
            and other.published.latest <= claim.published.earliest
        ]
        if newer:
            latest = max(newer, key=lambda c: (c.as_of.latest, c.id))
            age = (claim.published.earliest - claim.as_of.latest).days
            out.append(StaleRelay(claim, latest, age))
    return out


def _starts_near(one: Claim, other: Claim) -> bool:
    """Whether two counts start within a cluster's reach of each other (or neither says)."""
    if one.start is None or other.start is None:
        return one.start is None and other.start is None
    gap = _mid(one.start.earliest, one.start.latest) - _mid(
        other.start.earliest, other.start.latest
    )
    return abs(gap.days) <= START_CLUSTER_DAYS


def old_relays(series: Series) -> list[Claim]:
    """Relayed claims printed a week or more after their as-of date, not already stale relays."""
    stale = {id(s.claim) for s in series.stale_relays}
    claims = [c for p in series.points for c in (p.claim, *p.repeats)]
    return [c for c in claims if is_old_relay(c) and id(c) not in stale]


# --- flag sentences (plain words; control characters of untrusted text are dropped) ------------


def revision_sentence(older: Claim, newer: Claim) -> str:
    drop = Span(*older.figure.stated) - Span(*newer.figure.stated)
    return printable(
        f"REVISION: {newer.id} ({figure_words(newer.figure.text)} as of "
        f"{iso_day_text(newer.as_of)}) is below {older.id} ({figure_words(older.figure.text)} "
        f"as of {iso_day_text(older.as_of)}), by {fmt_span(drop)}"
    )


def stale_sentence(stale: StaleRelay) -> str:
    claim = stale.claim
    text = (
        f"STALE RELAY: {claim.id}, relayed by {claim.relayed_by or '?'} on "
        f"{iso_day_text(claim.published)}, repeats {figure_words(claim.figure.text)} as of "
        f"{iso_day_text(claim.as_of)} ({plural(stale.age_days, 'day')} old)"
    )
    if stale.newer is not None:
        newer = stale.newer
        text += (
            f"; {newer.source} had already published {figure_words(newer.figure.text)} as of "
            f"{iso_day_text(newer.as_of)} ({newer.id}, published {iso_day_text(newer.published)})"
        )
    return printable(text)


def old_relay_sentence(claim: Claim) -> str:
    return printable(
        f"OLD RELAY: {claim.id}, relayed by {claim.relayed_by or '?'} on "
        f"{iso_day_text(claim.published)}, repeats {figure_words(claim.figure.text)} as of "
        f"{iso_day_text(claim.as_of)} ({relay_age(claim)} days old); no newer figure of "
        f"{claim.source} published by then is in the file"
    )


def flag_sentences(series: Series) -> list[str]:
    """The revisions, stale relays and old relays of one series, as sentences."""
    flags = [revision_sentence(r.older, r.newer) for r in series.revisions]
    flags += [stale_sentence(s) for s in series.stale_relays]
    flags += [old_relay_sentence(c) for c in old_relays(series)]
    return flags


def stated_high(claim: Claim) -> int:
    return claim.figure.stated[1]


def relay_age(claim: Claim) -> int:
    """Days between the end of the count and its publication."""
    return max(0, (claim.published.earliest - claim.as_of.latest).days)


def is_old_relay(claim: Claim) -> bool:
    return claim.relayed_by is not None and relay_age(claim) >= STALE_AFTER_DAYS


def window_days(claim: Claim) -> Span | None:
    """How many days a claim's window spans (shortest and longest reading), None without a
    start."""
    if claim.start is None:
        return None
    return Span(
        max(1, (claim.as_of.earliest - claim.start.latest).days + 1),
        max(1, (claim.as_of.latest - claim.start.earliest).days + 1),
    )


def beyond_reach(a: Claim, b: Claim) -> bool:
    """Whether a's as_of may run further past b's than b's window is long. b's average then
    says nothing of those days: an average is not even the rate of a part of its own window
    (deaths cluster), and a one-day massacre's toll is no daily rate for the weeks after it."""
    days = window_days(b)
    return days is not None and (a.as_of.latest - b.as_of.earliest).days > days.low


__all__ = [
    "INF",
    "Estimate",
    "Point",
    "RateEvidence",
    "Revision",
    "Segment",
    "Series",
    "StaleRelay",
    "beyond_reach",
    "build_timelines",
    "flag_sentences",
    "is_old_relay",
    "is_revision",
    "old_relay_sentence",
    "old_relays",
    "relay_age",
    "revision_sentence",
    "series_key",
    "stale_sentence",
    "window_days",
]
