"""The evidence a file holds for sizing differences, indexed once per engine: series (daily
rates), breakdowns (shares), claims giving two bases for one scope and day (basis ratios) and the
user's assumptions. Difference kinds ask this object; none rescans the claims per pair.
"""

from __future__ import annotations

from collections import defaultdict

from casualty_recon.analysis.results import Quantity, human_day, stated
from casualty_recon.analysis.scope import outcome_relation, population_relation
from casualty_recon.analysis.timeline import Series
from casualty_recon.grammar.parties import perpetrator_relation, resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer, area_relation
from casualty_recon.model.claims import Claim, Sources
from casualty_recon.model.spans import Span

# The dimensions a breakdown can split a figure on (and a share can scale it by).
DIMENSIONS = ("area", "population", "outcome", "perpetrators")
Breakdown = tuple[str, str, Span, Span, tuple[str, ...]]


class Evidence:
    """Everything in one file that can size an effect, indexed once."""

    def __init__(self, sources: Sources, timelines: list[Series]) -> None:
        self.sources = sources
        self.timelines = timelines
        self._series_of: dict[str, Series] = {}
        for series in timelines:
            for claim_id in series.claim_ids:
                self._series_of[claim_id] = series
        self._by_id = {claim.id: claim for claim in sources.claims}
        self._parts: dict[str, list[Claim]] = defaultdict(list)
        for claim in sources.claims:
            if claim.breakdown_of is not None and claim.breakdown_of in self._by_id:
                self._parts[claim.breakdown_of].append(claim)
        # Claims that give two bases for one scope and day, grouped once: (day, scope) -> basis.
        by_scope_day: dict[tuple[object, ...], dict[str, list[Claim]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for claim in sources.claims:
            key = (claim.as_of.earliest, claim.as_of.latest, _scope_key(claim))
            by_scope_day[key][claim.basis].append(claim)
        self._paired_bases = [group for group in by_scope_day.values() if len(group) > 1]
        self._basis_cache: dict[tuple[str, str], list[tuple[Span, Claim, Claim]]] = {}
        # Series by scope, for "another source's timeline for the same scope".
        self._series_by_scope: dict[tuple[object, ...], list[Series]] = defaultdict(list)
        for series in timelines:
            if len(series.points) > 1:
                sample = series.points[0].claim
                scope = (sample.population, sample.outcome, sample.perpetrators.parties)
                self._series_by_scope[scope].append(series)
        self._breakdown_cache: dict[str, list[Breakdown]] = {}
        self._gazetteer: Gazetteer | None = None

    def series_of(self, claim: Claim) -> Series | None:
        return self._series_of.get(claim.id)

    def revision(self, a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
        """(older, newer) when one of a and b revises the other down, in one series."""
        if a.source != b.source or self._series_of.get(a.id) is not self._series_of.get(b.id):
            return None
        older, newer = sorted((a, b), key=lambda c: (c.as_of.latest, c.id))
        if older.as_of.latest >= newer.as_of.earliest:
            return None
        if stated(newer).high >= stated(older).low:
            return None
        return older, newer

    def rate(self, kind: str, a: Claim, b: Claim) -> Quantity | None:
        """b's daily rate over the days in question, best evidence first."""
        if kind == "as_of":
            first, second = b.as_of.latest, a.as_of.latest
        else:
            assert a.start is not None and b.start is not None
            first, second = a.start.earliest, b.start.earliest
        own = self._series_of.get(b.id)
        if own is not None and len(own.points) > 1:
            found = own.rate_between(first, second)
            if found is not None and found.rate.high > 0:  # a revision gives no rate
                note = f"{b.source}'s own series"
                if found.extrapolated:
                    note += ", extrapolated"
                return Quantity(found.rate, found.claim_ids, note, False)
        scope = (b.population, b.outcome, b.perpetrators.parties)
        for series in self._series_by_scope.get(scope, ()):
            if series is own or series.source == b.source:
                continue
            sample = series.points[0].claim
            if (
                area_relation(sample.area.places, b.area.places) != "disjoint"
                and series.points[0].earliest <= min(first, second)
                and series.points[-1].latest >= max(first, second)
            ):
                found = series.rate_between(first, second)
                if found is not None and found.rate.high > 0:
                    note = f"{series.source}'s series for the same scope"
                    return Quantity(found.rate, found.claim_ids, note, False)
        for assumption in self.sources.assumptions:
            if (
                assumption.applies_to == kind
                and assumption.rate is not None
                and assumption.source in (None, a.source, b.source)
            ):
                return Quantity(
                    Span(*assumption.rate),
                    (assumption.ref,),
                    f"assumption {assumption.index}: {assumption.reason}",
                    False,
                    assumption,
                )
        if b.start is not None:
            days = Span(
                max(1, (b.as_of.earliest - b.start.latest).days + 1),
                max(1, (b.as_of.latest - b.start.earliest).days + 1),
            )
            value = stated(b)
            rate = Span(value.low / days.high, value.high / days.low)
            return Quantity(rate, ("own-rate",), f"{b.source}'s own average rate", False)
        return None

    def breakdowns(self, kind: str) -> list[Breakdown]:
        """Every breakdown usable on one dimension, found once per file: (part value, whole
        value, part figure, whole figure, claim ids: the parts, then the whole)."""
        found = self._breakdown_cache.get(kind)
        if found is not None:
            return found
        found = []
        for whole_id, parts in self._parts.items():
            whole = self._by_id[whole_id]
            groups: dict[str, list[Claim]] = defaultdict(list)
            for part in parts:
                groups[dimension_key(kind, part)].append(part)
            for part_key, members in groups.items():
                if not _partitions(kind, members, whole):
                    continue
                part_value = Span(0, 0)
                for member in members:
                    part_value = part_value + stated(member)
                ids = (*(m.id for m in members), whole.id)
                found.append((part_key, dimension_key(kind, whole), part_value, stated(whole), ids))
        self._breakdown_cache[kind] = found
        return found

    def share(self, kind: str, a: Claim, b: Claim, relation: str) -> Quantity | None:
        """A ratio that turns b's count into one under a's definition on this dimension."""
        ratios: list[Span] = []
        evidence: list[str] = []
        a_key, b_key = dimension_key(kind, a), dimension_key(kind, b)
        for part_key, whole_key, part_value, whole_value, ids in self.breakdowns(kind):
            if a.id in ids and b.id in ids:
                continue  # never explain a pair by itself
            if part_key == a_key and whole_key == b_key:
                ratio = part_value.divide(whole_value)
            elif part_key == b_key and whole_key == a_key:
                ratio = whole_value.divide(part_value)
            else:
                continue
            if ratio is not None:
                ratios.append(ratio)
                evidence += ids
        if ratios:
            return Quantity(
                Span.hull(ratios),
                tuple(dict.fromkeys(evidence)),
                "share from the breakdown " + ", ".join(dict.fromkeys(evidence)),
                True,
            )
        return self.assumed_ratio(kind, a, b)

    def assumed_ratio(self, kind: str, a: Claim, b: Claim) -> Quantity | None:
        for assumption in self.sources.assumptions:
            if assumption.applies_to != kind or assumption.ratio is None:
                continue
            if assumption.source not in (None, a.source, b.source):
                continue
            ratio = Span(*assumption.ratio)
            if self.matches(kind, assumption.from_value, b) and self.matches(
                kind, assumption.to_value, a
            ):
                chosen: Span | None = ratio
            elif self.matches(kind, assumption.from_value, a) and self.matches(
                kind, assumption.to_value, b
            ):
                chosen = Span.point(1).divide(ratio)
            else:
                continue
            if chosen is not None:
                return Quantity(
                    chosen,
                    (assumption.ref,),
                    f"assumption {assumption.index}: {assumption.reason}",
                    True,
                    assumption,
                )
        return None

    def matches(self, kind: str, value: str | None, claim: Claim) -> bool:
        if value is None:
            return False
        if kind == "basis":
            return claim.basis == value
        if kind == "population":
            return claim.population == value
        if kind == "outcome":
            return claim.outcome == value
        if kind == "perpetrators":
            wanted = resolve_perpetrators(value, self.sources.parties)
            return wanted.parties == claim.perpetrators.parties
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self.sources.areas)
        return self._gazetteer.resolve(value) == claim.area.places

    def basis_ratio(self, a: Claim, b: Claim) -> Quantity | None:
        """A ratio from two claims giving two bases for the same scope and date."""
        candidates = self._basis_cache.get((b.basis, a.basis))
        if candidates is None:
            candidates = []
            seen: set[tuple[object, ...]] = set()
            for group in self._paired_bases:
                for low in group.get(b.basis, ()):
                    for high in group.get(a.basis, ()):
                        key = (low.source, low.figure.stated, high.source, high.figure.stated)
                        if key in seen:
                            continue  # a relay repeating the same pair adds nothing
                        ratio = stated(high).divide(stated(low))
                        if ratio is not None:
                            seen.add(key)
                            candidates.append((ratio, high, low))
            self._basis_cache[(b.basis, a.basis)] = candidates
        ratios: list[Span] = []
        evidence: list[str] = []
        for ratio, high, low in candidates:
            if {low.id, high.id} == {a.id, b.id}:
                continue  # never explain a pair by itself
            ratios.append(ratio)
            evidence += [high.id, low.id]
        if not ratios:
            return None
        ids = tuple(dict.fromkeys(evidence))
        return Quantity(
            Span.hull(ratios), ids, "ratio of " + " to ".join(ids[:2]) + " on the same day", True
        )

    def newer_figure(self, claim: Claim) -> Claim | None:
        series = self._series_of.get(claim.id)
        if series is None:
            return None
        newer = [
            point.claim
            for point in series.points
            if point.claim.as_of.earliest > claim.as_of.latest
            and point.claim.published.latest <= claim.published.earliest
        ]
        return max(newer, key=lambda c: (c.as_of.latest, c.id)) if newer else None

    def any_rate(self, a: Claim, b: Claim) -> float | None:
        """A daily rate to size a time difference whose length is unknown: b's own series
        around its as_of, else the average over whichever claim says when it starts."""
        series = self._series_of.get(b.id)
        if series is not None and len(series.points) > 1:
            found = series.rate_between(b.as_of.earliest, b.as_of.latest)
            if found is not None:
                return found.rate.mid
        for claim in (b, a):
            if claim.start is not None:
                days = max(1, (claim.as_of.latest - claim.start.earliest).days + 1)
                return stated(claim).mid / days
        return None

    def common_scope(self, a: Claim, b: Claim) -> str:
        population = _join(
            a.population, b.population, population_relation(a.population, b.population), "people"
        )
        outcome = _join(a.outcome, b.outcome, outcome_relation(a.outcome, b.outcome), "killed")
        if a.outcome != b.outcome and outcome_relation(a.outcome, b.outcome) in {
            "overlapping",
            "disjoint",
            "unknown",
        }:
            outcome = f"{a.outcome} or {b.outcome}"
        if a.perpetrators.is_any or b.perpetrators.is_any:
            perpetrators = "any party"
        else:
            first, second = a.perpetrators.label(), b.perpetrators.label()
            perpetrators = _join(
                first,
                second,
                perpetrator_relation(a.perpetrators, b.perpetrators),
                f"{first} or {second}",
            )
        first, second = a.area.label(), b.area.label()
        area = _join(
            first, second, area_relation(a.area.places, b.area.places), f"{first} and {second}"
        )
        until = max(a.as_of.latest, b.as_of.latest)
        return f"{population} {outcome} by {perpetrators} in {area} to {human_day(until)}"


def dimension_key(kind: str, claim: Claim) -> str:
    """The value of a claim on one share dimension, as a comparable string."""
    if kind == "population":
        return claim.population
    if kind == "outcome":
        return claim.outcome
    if kind == "perpetrators":
        parties = claim.perpetrators.parties
        return "any" if parties is None else "|".join(sorted(parties))
    return "|".join(sorted(p.code + (p.part or "") for p in claim.area.places))


def _same_on(kind: str, x: Claim, y: Claim) -> bool:
    return dimension_key(kind, x) == dimension_key(kind, y)


def _partitions(kind: str, parts: list[Claim], whole: Claim) -> bool:
    """Whether parts that share a value on `kind` add up to the whole's scope on every other
    dimension: one part equal to the whole elsewhere, or parts that differ from one another on
    one other dimension only (288 civilians by pro-government forces + 22 by jihadists)."""
    others = [k for k in DIMENSIONS if k != kind]
    if len(parts) == 1:
        return all(_same_on(k, parts[0], whole) for k in others)
    varying = [k for k in others if len({dimension_key(k, p) for p in parts}) > 1]
    if len(varying) != 1:
        return False
    steady = [k for k in others if k not in varying]
    return all(_same_on(k, p, whole) for k in steady for p in parts)


def _scope_key(claim: Claim) -> tuple[str, ...]:
    return tuple(dimension_key(kind, claim) for kind in DIMENSIONS)


def _join(a: str, b: str, relation: str, top: str) -> str:
    """The wider of two scope values, or `top` when neither contains the other."""
    if relation in {"same", "wider"}:
        return a
    if relation == "narrower":
        return b
    return top
