"""The explanation engine: for a pair of claims, every difference, its direction and (where the
file gives evidence) its size, the residual, the verdict and the break-even values.

DESIGN.md section 3 is the specification. In a pair, `a` is the claim with the larger floor (ties
by id), so the gap reads as a positive number. Effects are applied to b in a fixed order (time,
area, population, outcome, perpetrators, basis) with interval arithmetic, to read b under a's
definitions; the residual is a minus adjusted b.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from casualty_recon.analysis.catalogue import DIFFERENCE_KINDS, VERDICTS
from casualty_recon.analysis.scope import outcome_relation, population_relation, scope_relations
from casualty_recon.analysis.timeline import (
    Series,
    build_timelines,
    is_old_relay,
    is_revision,
    relay_age,
)
from casualty_recon.grammar.parties import perpetrator_relation, resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer, area_relation
from casualty_recon.grammar.wording import fmt, fmt_signed_span, fmt_span
from casualty_recon.model.claims import BASES, Assumption, Claim, Sources
from casualty_recon.model.spans import INF, Span, number

ORDER = ("as_of", "start", "area", "population", "outcome", "perpetrators", "basis")
SHARE_KINDS = ("area", "population", "outcome", "perpetrators")
CLOSING_KINDS = frozenset(ORDER)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def human_day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def human_range(text: str, earliest: dt.date, latest: dt.date) -> str:
    if earliest == latest:
        return human_day(earliest)
    return text


def claim_label(claim: Claim) -> str:
    via = f" via {claim.relayed_by}" if claim.relayed_by else ""
    return f"{claim.source}{via} ({claim.figure.text})"


def shape(claim: Claim) -> tuple[str, str]:
    """(code, words) for the shape of a figure."""
    q = claim.figure.qualifier
    if claim.figure.high is None:
        return "floor", "a floor"
    if q in {"up_to", "fewer_than"}:
        return "ceiling", "a ceiling"
    if q in {"about", "nearly"}:
        return "approximation", "an approximation"
    if q == "vague":
        return "vague", "a vague quantity"
    if q == "range":
        return "range", "a range"
    return "point", "an exact figure"


def stated(claim: Claim) -> Span:
    low, high = claim.figure.stated
    return Span(low, high)


def literal(claim: Claim) -> Span:
    high = claim.figure.high
    return Span(claim.figure.low, INF if high is None else high)


class Difference(NamedTuple):
    kind: str
    a_value: str
    b_value: str
    relation: str
    direction: str
    agrees: bool | None
    sentence: str
    effect: Span | None = None
    evidence: tuple[str, ...] = ()
    break_even: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "a": self.a_value,
            "b": self.b_value,
            "relation": self.relation,
            "direction": self.direction,
            "agrees": self.agrees,
            "effect_low": None if self.effect is None else number(self.effect.low),
            "effect_high": None if self.effect is None else number(self.effect.high),
            "evidence": list(self.evidence),
            "break_even": self.break_even,
            "sentence": self.sentence,
        }


class Step(NamedTuple):
    """One row of the waterfall: an effect applied to b and where b stands after it."""

    kind: str
    effect: Span
    after: Span
    evidence: tuple[str, ...]


@dataclass(slots=True)
class PairResult:
    a: Claim
    b: Claim
    gap: Span
    differences: list[Difference]
    steps: list[Step]
    adjusted_b: Span
    residual: Span
    verdict: str
    reason: str
    common_floor: int
    common_scope: str
    assumptions_used: list[Assumption] = field(default_factory=list)
    evidence_used: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.id,
            "b": self.b.id,
            "gap_low": number(self.gap.low),
            "gap_high": number(self.gap.high),
            "adjusted_b_low": number(self.adjusted_b.low),
            "adjusted_b_high": number(self.adjusted_b.high),
            "residual_low": number(self.residual.low),
            "residual_high": number(self.residual.high),
            "verdict": self.verdict,
            "reason": self.reason,
            "common_floor": self.common_floor,
            "common_scope": self.common_scope,
            "differences": [d.to_dict() for d in self.differences],
            "steps": [
                {
                    "kind": s.kind,
                    "effect_low": number(s.effect.low),
                    "effect_high": number(s.effect.high),
                    "after_low": number(s.after.low),
                    "after_high": number(s.after.high),
                    "evidence": list(s.evidence),
                }
                for s in self.steps
            ],
            "assumptions_used": [a.ref for a in self.assumptions_used],
            "evidence_used": self.evidence_used,
        }


class _Quantity(NamedTuple):
    """A quantified effect before it is applied: additive (time) or a ratio (shares, basis)."""

    span: Span
    evidence: tuple[str, ...]
    note: str
    multiplicative: bool
    assumption: Assumption | None = None


class Engine:
    """Explains pairs of claims of one loaded file. Build once, call `explain` per pair."""

    def __init__(self, sources: Sources, timelines: list[Series] | None = None) -> None:
        self.sources = sources
        self.timelines = timelines if timelines is not None else build_timelines(sources.claims)
        self._series_of: dict[str, Series] = {}
        for series in self.timelines:
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
        for series in self.timelines:
            if len(series.points) > 1:
                sample = series.points[0].claim
                scope = (sample.population, sample.outcome, sample.perpetrators.parties)
                self._series_by_scope[scope].append(series)
        self._breakdown_cache: dict[str, list[tuple[str, str, Span, Span, tuple[str, ...]]]] = {}
        self._gazetteer: Gazetteer | None = None

    # --- public ----------------------------------------------------------------------------

    def explain(self, first: Claim, second: Claim) -> PairResult:
        a, b = order_pair(first, second)
        gap = stated(a) - stated(b)
        differences: list[Difference] = []
        quantities: dict[str, _Quantity] = {}
        relations = scope_relations(a, b)

        differences += self._bounds(a, b)
        for kind, method in (("as_of", self._as_of), ("start", self._start)):
            found = method(a, b, gap)
            if found is not None:
                differences.append(found[0])
                if found[1] is not None:
                    quantities[kind] = found[1]
        share_relations = {
            "area": relations.area,
            "population": relations.population,
            "outcome": relations.outcome,
            "perpetrators": relations.perpetrators,
        }
        for kind in SHARE_KINDS:
            relation = share_relations[kind]
            if relation == "same":
                continue
            quantity = self._share(kind, a, b, relation)
            differences.append(self._share_difference(kind, a, b, relation, gap, quantity))
            if quantity is not None:
                quantities[kind] = quantity
        basis = self._basis(a, b, gap)
        if basis is not None:
            differences.append(basis[0])
            if basis[1] is not None:
                quantities["basis"] = basis[1]
        differences += self._relays(a, b, gap)
        revision = self._revision(a, b)
        if revision is not None:
            differences.append(revision)

        # Apply the quantified effects to b, in the fixed order.
        adjusted = stated(b)
        steps: list[Step] = []
        effects: dict[str, Span] = {}
        assumptions: list[Assumption] = []
        for kind in ORDER:
            quantity = quantities.get(kind)
            if quantity is None:
                continue
            if quantity.multiplicative:
                after = adjusted * quantity.span
                effect = Span(after.low - adjusted.low, after.high - adjusted.high)
                if effect.low > effect.high:
                    effect = Span(effect.high, effect.low)
            else:
                effect = quantity.span
                after = adjusted + effect
            adjusted = after.clamp_low(0)
            effects[kind] = effect
            steps.append(Step(kind, effect, adjusted, quantity.evidence))
            if quantity.assumption is not None:
                assumptions.append(quantity.assumption)
        residual = stated(a) - adjusted

        verdict, reason, wants = self._verdict(a, b, relations.overall, residual, effects)
        if verdict == "pending":
            closers = [
                d.kind
                for d in differences
                if d.kind in CLOSING_KINDS
                and d.kind not in effects
                and d.direction in (wants, "either")
            ]
            if closers:
                verdict = "partly_explained"
                reason = VERDICTS["partly_explained"].template.format(
                    residual=f"A residual of {fmt_span(residual)}",
                    kinds=_and_list(list(dict.fromkeys(closers))),
                )
            else:
                verdict = "unexplained"
                reason = VERDICTS["unexplained"].template.format(
                    residual=f"A residual of {fmt_span(residual)}"
                )
                if a.figure.high is None and b.figure.high is None:
                    reason += " Both are floors, so they do not contradict each other."
        final: list[Difference] = []
        for difference in differences:
            quantity = quantities.get(difference.kind)
            if quantity is not None and difference.kind in effects:
                effect = effects[difference.kind]
                difference = _with(
                    difference,
                    effect=effect,
                    evidence=quantity.evidence,
                    sentence=difference.sentence.replace(
                        "{effect}", f"{fmt_signed_span(effect)} ({quantity.note})"
                    ),
                )
            elif (
                wants
                and difference.kind in CLOSING_KINDS
                and difference.direction in (wants, "either")
            ):
                difference = _with(
                    difference, break_even=self._break_even(difference, a, b, adjusted)
                )
            final.append(difference)
        evidence_used = sorted(
            {e for step in steps for e in step.evidence if not e.startswith("assumption:")}
        )
        return PairResult(
            a=a,
            b=b,
            gap=gap,
            differences=final,
            steps=steps,
            adjusted_b=adjusted,
            residual=residual,
            verdict=verdict,
            reason=reason,
            common_floor=a.figure.low,
            common_scope=self._common_scope(a, b),
            assumptions_used=assumptions,
            evidence_used=evidence_used,
        )

    # --- differences ---------------------------------------------------------------------------

    def _bounds(self, a: Claim, b: Claim) -> list[Difference]:
        if a.figure.is_point and b.figure.is_point:
            return []
        a_code, a_words = shape(a)
        b_code, b_words = shape(b)
        scope = self._common_scope(a, b)
        if a.figure.high is None and b.figure.high is None:
            consequence = (
                "Two floors never contradict each other. Together they establish at least "
                f"{a.figure.low:,} {scope}, the wider of the two scopes; taken literally, the "
                "true counts may differ by any amount."
            )
        else:
            consequence = (
                f"Read literally, a is {fmt_span(literal(a))} and b is {fmt_span(literal(b))}; "
                f"the gap is measured between the stated bounds, and {a.figure.low:,} is a "
                f"floor for the wider scope ({scope})."
            )
        sentence = DIFFERENCE_KINDS["bounds"].template.format(
            a_label=claim_label(a),
            a_shape=a_words,
            b_label=claim_label(b),
            b_shape=b_words,
            consequence=consequence,
        )
        return [
            Difference(
                "bounds",
                _figure_value(a),
                _figure_value(b),
                f"{a_code}-{b_code}",
                "either",
                None,
                sentence,
            )
        ]

    def _time(
        self, kind: str, a: Claim, b: Claim, gap: Span
    ) -> tuple[Difference, _Quantity | None] | None:
        a_day = a.as_of if kind == "as_of" else a.start
        b_day = b.as_of if kind == "as_of" else b.start
        template = DIFFERENCE_KINDS[kind].template
        if kind == "start" and a_day is None and b_day is None:
            sentence = (
                "Neither claim says when its count starts, so their windows cannot be compared: "
                "one may cover more time than the other."
            )
            return Difference(kind, "", "", "unknown", "either", None, sentence), None
        if a_day is None or b_day is None:
            if kind == "start" and (a_day is not None or b_day is not None):
                missing = a if a_day is None else b
                other = b if a_day is None else a
                other_day = b_day if a_day is None else a_day
                assert other_day is not None
                sentence = (
                    f"{claim_label(missing)} does not say when its count starts; "
                    f"{claim_label(other)} counts from "
                    f"{human_range(other_day.text, other_day.earliest, other_day.latest)}. "
                    "The difference cannot be sized."
                )
                return (
                    Difference(
                        kind,
                        "" if a_day is None else a_day.text,
                        "" if b_day is None else b_day.text,
                        "unknown",
                        "either",
                        None,
                        sentence,
                    ),
                    None,
                )
            return None
        if (a_day.earliest, a_day.latest) == (b_day.earliest, b_day.latest):
            return None
        if kind == "as_of":
            days = Span((a_day.earliest - b_day.latest).days, (a_day.latest - b_day.earliest).days)
        else:  # a starting earlier adds days to a's window
            days = Span((b_day.earliest - a_day.latest).days, (b_day.latest - a_day.earliest).days)
        if days.low >= 0 and days.high > 0:  # never earlier, possibly later
            relation, direction = "wider", "up"
        elif days.high <= 0 and days.low < 0:
            relation, direction = "narrower", "down"
        else:
            relation, direction = "overlapping", "either"
        if kind == "as_of":
            days_text = "a runs " + _days_text(days, "later", "earlier")
        else:
            days_text = "a starts " + _days_text(days, "earlier", "later")
        rate = self._rate(kind, a, b)
        quantity = None
        if rate is not None:
            quantity = _Quantity(rate.span * days, rate.evidence, rate.note, False, rate.assumption)
            effect_text = (
                f"At {fmt_span(rate.span)} a day, b would change by {{effect}} over those days."
            )
        else:
            effect_text = "No rate is known for b, so the effect is not sized."
        sentence = template.format(
            a_label=claim_label(a),
            b_label=claim_label(b),
            a_value=human_range(a_day.text, a_day.earliest, a_day.latest),
            b_value=human_range(b_day.text, b_day.earliest, b_day.latest),
            days_text=days_text,
            effect_text=effect_text,
        )
        difference = Difference(
            kind,
            a_day.text,
            b_day.text,
            relation,
            direction,
            _agrees(direction, gap),
            sentence,
            note=_span_days(days),
        )
        return difference, quantity

    def _as_of(self, a: Claim, b: Claim, gap: Span) -> tuple[Difference, _Quantity | None] | None:
        return self._time("as_of", a, b, gap)

    def _start(self, a: Claim, b: Claim, gap: Span) -> tuple[Difference, _Quantity | None] | None:
        return self._time("start", a, b, gap)

    def _rate(self, kind: str, a: Claim, b: Claim) -> _Quantity | None:
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
                return _Quantity(found.rate, found.claim_ids, note, False)
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
                    return _Quantity(found.rate, found.claim_ids, note, False)
        for assumption in self.sources.assumptions:
            if (
                assumption.applies_to == kind
                and assumption.rate is not None
                and assumption.source in (None, a.source, b.source)
            ):
                return _Quantity(
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
            return _Quantity(rate, ("own-rate",), f"{b.source}'s own average rate", False)
        return None

    def _breakdowns(self, kind: str) -> list[tuple[str, str, Span, Span, tuple[str, ...]]]:
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
                groups[_dimension_key(kind, part)].append(part)
            for part_key, members in groups.items():
                if not _partitions(kind, members, whole):
                    continue
                part_value = Span(0, 0)
                for member in members:
                    part_value = part_value + stated(member)
                ids = (*(m.id for m in members), whole.id)
                found.append(
                    (part_key, _dimension_key(kind, whole), part_value, stated(whole), ids)
                )
        self._breakdown_cache[kind] = found
        return found

    def _share(self, kind: str, a: Claim, b: Claim, relation: str) -> _Quantity | None:
        """A ratio that turns b's count into one under a's definition on this dimension."""
        ratios: list[Span] = []
        evidence: list[str] = []
        a_key, b_key = _dimension_key(kind, a), _dimension_key(kind, b)
        for part_key, whole_key, part_value, whole_value, ids in self._breakdowns(kind):
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
            return _Quantity(
                Span.hull(ratios),
                tuple(dict.fromkeys(evidence)),
                "share from the breakdown " + ", ".join(dict.fromkeys(evidence)),
                True,
            )
        return self._assumed_ratio(kind, a, b)

    def _assumed_ratio(self, kind: str, a: Claim, b: Claim) -> _Quantity | None:
        for assumption in self.sources.assumptions:
            if assumption.applies_to != kind or assumption.ratio is None:
                continue
            if assumption.source not in (None, a.source, b.source):
                continue
            ratio = Span(*assumption.ratio)
            if self._matches(kind, assumption.from_value, b) and self._matches(
                kind, assumption.to_value, a
            ):
                chosen: Span | None = ratio
            elif self._matches(kind, assumption.from_value, a) and self._matches(
                kind, assumption.to_value, b
            ):
                chosen = Span.point(1).divide(ratio)
            else:
                continue
            if chosen is not None:
                return _Quantity(
                    chosen,
                    (assumption.ref,),
                    f"assumption {assumption.index}: {assumption.reason}",
                    True,
                    assumption,
                )
        return None

    def _matches(self, kind: str, value: str | None, claim: Claim) -> bool:
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

    def _share_difference(
        self, kind: str, a: Claim, b: Claim, relation: str, gap: Span, quantity: _Quantity | None
    ) -> Difference:
        direction = {"wider": "up", "narrower": "down"}.get(relation, "either")
        values = {
            "area": (a.area.label(), b.area.label()),
            "population": (a.population, b.population),
            "outcome": (a.outcome, b.outcome),
            "perpetrators": (a.perpetrators.label(), b.perpetrators.label()),
        }[kind]
        relation_text = _relation_text(kind, relation, gap)
        if quantity is not None:
            effect_text = f"Scaling b by {_ratio_text(quantity.span)} changes it by {{effect}}."
        else:
            effect_text = "No breakdown or assumption in the file sizes it."
        sentence = DIFFERENCE_KINDS[kind].template.format(
            a_label=claim_label(a),
            b_label=claim_label(b),
            a_value=values[0],
            b_value=values[1],
            relation_text=relation_text,
            effect_text=effect_text,
        )
        return Difference(
            kind, values[0], values[1], relation, direction, _agrees(direction, gap), sentence
        )

    def _basis(self, a: Claim, b: Claim, gap: Span) -> tuple[Difference, _Quantity | None] | None:
        if a.basis == b.basis:
            return None
        a_rank, b_rank = BASES.index(a.basis), BASES.index(b.basis)
        relation = "wider" if a_rank > b_rank else "narrower"
        direction = "up" if a_rank > b_rank else "down"
        quantity = self._basis_ratio(a, b)
        if quantity is None:
            quantity = self._assumed_ratio("basis", a, b)
        more, less = (a, b) if a_rank > b_rank else (b, a)
        relation_text = f"a {more.basis} count is expected to capture more than a {less.basis} one"
        if direction == "up":
            relation_text += ", which points the way of the gap" if gap.low > 0 else ""
        else:
            relation_text += (
                "; a counts on the stricter basis and still says more" if gap.low > 0 else ""
            )
        if quantity is not None:
            effect_text = (
                f"Read on a's basis ({_ratio_text(quantity.span)}), b changes by {{effect}}."
            )
        else:
            effect_text = "No paired claims or assumption in the file size it."
        sentence = DIFFERENCE_KINDS["basis"].template.format(
            a_label=claim_label(a),
            b_label=claim_label(b),
            a_value=a.basis,
            b_value=b.basis,
            relation_text=relation_text,
            effect_text=effect_text,
        )
        difference = Difference(
            "basis", a.basis, b.basis, relation, direction, _agrees(direction, gap), sentence
        )
        return difference, quantity

    def _basis_ratio(self, a: Claim, b: Claim) -> _Quantity | None:
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
        return _Quantity(
            Span.hull(ratios), ids, "ratio of " + " to ".join(ids[:2]) + " on the same day", True
        )

    def _relays(self, a: Claim, b: Claim, gap: Span) -> list[Difference]:
        out: list[Difference] = []
        for claim, direction in ((b, "up"), (a, "down")):
            if not is_old_relay(claim):
                continue
            newer = self._newer_figure(claim)
            newer_text = ""
            if newer is not None:
                newer_text = (
                    f"; by then {claim.source} had already published {newer.figure.text} "
                    f"(to {human_day(newer.as_of.latest)}, {newer.id})"
                )
            age = relay_age(claim)
            sentence = DIFFERENCE_KINDS["relay"].template.format(
                stale_label=claim_label(claim),
                published=human_range(
                    claim.published.text, claim.published.earliest, claim.published.latest
                ),
                relay=claim.relayed_by,
                as_of=human_range(claim.as_of.text, claim.as_of.earliest, claim.as_of.latest),
                age=f"{age} days",
                newer=newer_text,
            )
            a_value = f"published {a.published.text}, counted to {a.as_of.text}"
            b_value = f"published {b.published.text}, counted to {b.as_of.text}"
            out.append(
                Difference(
                    "relay",
                    a_value,
                    b_value,
                    "stale",
                    direction,
                    _agrees(direction, gap),
                    sentence + " The as_of difference carries its effect.",
                )
            )
        return out

    def _newer_figure(self, claim: Claim) -> Claim | None:
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

    def _revision(self, a: Claim, b: Claim) -> Difference | None:
        if a.source != b.source or self._series_of.get(a.id) is not self._series_of.get(b.id):
            return None
        older, newer = sorted((a, b), key=lambda c: (c.as_of.latest, c.id))
        if not is_revision(older, newer):
            return None
        sentence = DIFFERENCE_KINDS["revision"].template.format(
            source=a.source,
            old=older.figure.text,
            old_date=human_day(older.as_of.latest),
            new=newer.figure.text,
            new_date=human_day(newer.as_of.latest),
        )
        return Difference(
            "revision",
            older.id if older is a else newer.id,
            older.id if older is b else newer.id,
            "revised",
            "none",
            None,
            sentence,
        )

    # --- verdict -------------------------------------------------------------------------------

    def _verdict(
        self,
        a: Claim,
        b: Claim,
        overall: str,
        residual: Span,
        effects: dict[str, Span],
    ) -> tuple[str, str, str | None]:
        """(verdict, reason, the direction a closing difference must push, or None)."""
        for part, whole in ((a, b), (b, a)):
            if part.breakdown_of == whole.id:
                reason = (
                    f"{part.id} is a breakdown of {whole.id}: part of its figure "
                    f"({part.figure.text} of {whole.figure.text})."
                )
                return "explained", reason, None
        if a.source == b.source and self._revision(a, b) is not None:
            older, newer = sorted((a, b), key=lambda c: (c.as_of.latest, c.id))
            reason = (
                f"{a.source} revised its figure: {newer.id} supersedes {older.id}; a revision is "
                "the source's correction, not a contradiction between sources."
            )
            return "explained", reason, None
        if a.basis == b.basis:
            for wide, narrow, contains in ((a, b, ("same", "wider")), (b, a, ("same", "narrower"))):
                ceiling = wide.figure.high
                if overall in contains and ceiling is not None and ceiling < narrow.figure.low:
                    reason = VERDICTS["contradiction"].template.format(
                        wide_label=claim_label(wide),
                        narrow_label=claim_label(narrow),
                        ceiling=f"{ceiling:,}",
                        floor=f"{narrow.figure.low:,}",
                    )
                    return "contradiction", reason, None
        quantified = [k for k in ORDER if k in effects]
        if residual.contains(0):
            detail = (
                f"the quantified effects ({', '.join(quantified)}) bring b to "
                f"{fmt_span(_adjusted(a, residual))}, which meets a"
                if quantified
                else "the stated bounds already overlap"
            )
            return "explained", VERDICTS["explained"].template.format(detail=detail), None
        if residual.high < 0 and a.figure.high is None:
            detail = (
                f"the quantified effects ({', '.join(quantified) or 'none'}) put b at or above "
                f"a's floor of {a.figure.low:,}, which a floor allows"
            )
            return "explained", VERDICTS["explained"].template.format(detail=detail), None
        return "pending", "", "up" if residual.low > 0 else "down"

    def _break_even(self, difference: Difference, a: Claim, b: Claim, adjusted: Span) -> str | None:
        residual = stated(a) - adjusted
        need = residual.low if residual.low > 0 else residual.high
        if difference.kind in {"as_of", "start"}:
            days = _parse_days(difference.note)
            if days is not None and days != 0:
                unit = "day" if abs(days) == 1 else "days"
                return f"a rate of {fmt(abs(need) / abs(days))} a day over the {abs(days)} {unit}"
            rate = self._any_rate(a, b)
            if rate is None or rate < 0.05:  # no meaningful rate: no break-even
                return None
            lag = abs(need) / rate
            if difference.kind == "start":
                later = "after" if need > 0 else "before"
                return f"b's count starting {fmt(lag)} days {later} a's, at {fmt(rate)} a day"
            return f"an as-of lag of {fmt(lag)} days at {fmt(rate)} a day"
        target = stated(a)
        if residual.low > 0:
            multiplier = target.low / adjusted.high if adjusted.high > 0 else INF
        else:
            multiplier = target.high / adjusted.low if adjusted.low > 0 else 0.0
        if math.isinf(multiplier) or multiplier <= 0:
            return None
        if difference.kind == "basis":
            if multiplier >= 1:
                return f"{b.basis} counts at or below {1 / multiplier:.0%} of {a.basis} ones"
            return f"{a.basis} counts at or below {multiplier:.0%} of {b.basis} ones"
        if multiplier >= 1:
            return (
                f"a count over {difference.a_value} at least {multiplier:.2f} times the one "
                f"over {difference.b_value}"
            )
        return (
            f"a count over {difference.a_value} at most {multiplier:.0%} of the one over "
            f"{difference.b_value}"
        )

    def _any_rate(self, a: Claim, b: Claim) -> float | None:
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

    def _common_scope(self, a: Claim, b: Claim) -> str:
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


# --- helpers -------------------------------------------------------------------------------------


def order_pair(first: Claim, second: Claim) -> tuple[Claim, Claim]:
    """a is the claim with the larger floor, ties by id."""
    key_first = (-first.figure.low, first.id)
    key_second = (-second.figure.low, second.id)
    return (first, second) if key_first <= key_second else (second, first)


def _with(difference: Difference, **changes: Any) -> Difference:
    return difference._replace(**changes)


def _agrees(direction: str, gap: Span) -> bool | None:
    if direction not in {"up", "down"}:
        return None
    if gap.low > 0:
        return direction == "up"
    if gap.high < 0:
        return direction == "down"
    return None


def _adjusted(a: Claim, residual: Span) -> Span:
    value = stated(a)
    return Span(value.low - residual.high, value.high - residual.low)


def _figure_value(claim: Claim) -> str:
    return f"{claim.figure.text} [{fmt_span(literal(claim))}]"


def _days_text(days: Span, later: str, earlier: str) -> str:
    if days.is_point:
        count = abs(int(days.low))
        unit = "day" if count == 1 else "days"
        return f"{count} {unit} {later if days.low > 0 else earlier}"
    if days.low > 0:
        return f"{int(days.low)} to {int(days.high)} days {later}"
    if days.high < 0:
        return f"{int(-days.high)} to {int(-days.low)} days {earlier}"
    return f"between {int(-days.low)} days {earlier} and {int(days.high)} days {later}"


def _span_days(days: Span) -> str:
    return f"{int(days.low)}..{int(days.high)}"


def _parse_days(note: str | None) -> int | None:
    if not note:
        return None
    low, _, high = note.partition("..")
    try:
        values = (int(low), int(high))
    except ValueError:
        return None
    return values[0] if abs(values[0]) <= abs(values[1]) else values[1]


def _relation_text(kind: str, relation: str, gap: Span) -> str:
    noun = {
        "area": "area",
        "population": "population",
        "outcome": "outcome",
        "perpetrators": "set of perpetrators",
    }[kind]
    if relation == "wider":
        text = f"a's {noun} is wider"
        return text + ", which points the way of the gap" if gap.low > 0 else text
    if relation == "narrower":
        text = f"a's {noun} is narrower"
        if gap.low > 0:
            text += ", so it works against the gap: a counts less and still says more"
        return text
    if relation == "disjoint":
        return f"the two count different {noun}s that do not overlap"
    if relation == "overlapping":
        return f"the {noun}s overlap without one containing the other"
    return f"how the {noun}s relate is unknown"


def _ratio_text(span: Span) -> str:
    if span.is_point:
        return f"{span.low:.3g}"
    return f"{span.low:.3g} to {span.high:.3g}"


def _dimension_key(kind: str, claim: Claim) -> str:
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
    return _dimension_key(kind, x) == _dimension_key(kind, y)


def _partitions(kind: str, parts: list[Claim], whole: Claim) -> bool:
    """Whether parts that share a value on `kind` add up to the whole's scope on every other
    dimension: one part equal to the whole elsewhere, or parts that differ from one another on
    one other dimension only (288 civilians by pro-government forces + 22 by jihadists)."""
    others = [k for k in SHARE_KINDS if k != kind]
    if len(parts) == 1:
        return all(_same_on(k, parts[0], whole) for k in others)
    varying = [k for k in others if len({_dimension_key(k, p) for p in parts}) > 1]
    if len(varying) != 1:
        return False
    steady = [k for k in others if k not in varying]
    return all(_same_on(k, p, whole) for k in steady for p in parts)


def _scope_key(claim: Claim) -> tuple[str, ...]:
    return tuple(_dimension_key(kind, claim) for kind in SHARE_KINDS)


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _join(a: str, b: str, relation: str, top: str) -> str:
    """The wider of two scope values, or `top` when neither contains the other."""
    if relation in {"same", "wider"}:
        return a
    if relation == "narrower":
        return b
    return top
