"""The report object: which pairs are compared, and everything the renderers show.

`compare(sources)` is the library's entry point; `Report.to_dict()` is the JSON the CLI prints
(DESIGN.md section 6).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from casualty_recon.analysis.engine import Engine, PairResult
from casualty_recon.analysis.scope import scope_relations
from casualty_recon.analysis.timeline import Series, build_timelines
from casualty_recon.model.claims import Claim, Sources
from casualty_recon.model.errors import UsageError

# Outcomes that can be compared with one another; the others only with themselves.
_OUTCOME_FAMILY = {
    "killed": "deaths",
    "died": "deaths",
    "injured": "deaths",
    "killed or injured": "deaths",
}


@dataclass(slots=True)
class Report:
    sources: Sources
    pairs: list[PairResult]
    timelines: list[Series] = field(default_factory=list)
    references: list[Any] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return self.sources.claims

    def assumptions_used(self) -> list[Any]:
        used: dict[int, Any] = {}
        for pair in self.pairs:
            for assumption in pair.assumptions_used:
                used[assumption.index] = assumption
        return [used[i] for i in sorted(used)]

    def verdicts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for pair in self.pairs:
            counts[pair.verdict] += 1
        return dict(counts)

    def flags(self) -> list[str]:
        """Stale relays, old relays and revisions found in the timelines: the things a reader
        of any pair should know, whichever pairs were compared."""
        from casualty_recon.render.timelines import (
            old_relay_sentence,
            old_relays,
            revision_sentence,
            stale_sentence,
        )

        lines: list[str] = []
        for series in self.timelines:
            lines += [revision_sentence(r.older, r.newer) for r in series.revisions]
            lines += [stale_sentence(stale) for stale in series.stale_relays]
            lines += [old_relay_sentence(claim) for claim in old_relays(series)]
        return sorted(dict.fromkeys(lines))

    def event_sentence(self, pair: PairResult) -> str | None:
        """One sentence setting both claims of a pair against their event-data references."""
        if not self.references:
            return None
        from casualty_recon.events.reference import relation_text

        by_claim = {ref.claim_id: ref for ref in self.references}
        parts = []
        for side, claim in (("a", pair.a), ("b", pair.b)):
            ref = by_claim.get(claim.id)
            if ref is None or ref.comparison is None or ref.reference_range is None:
                continue
            low, high = ref.reference_range
            span = f"{low:,}" if low == high else f"{low:,} to {high:,}"
            relation = relation_text(
                claim.figure.low,
                claim.figure.high,
                claim.figure.qualifier,
                claim.figure.text,
                ref.reference_range,
            ).replace("this range", f"{ref.dataset}'s {span} ({ref.events:,} events)")
            parts.append(f"for {side}, {relation}")
        return "Event data: " + "; ".join(parts) + "." if parts else None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.sources.title,
            "claims": [claim_dict(claim, self.sources) for claim in self.claims],
            "pairs": [pair.to_dict() for pair in self.pairs],
            "flags": self.flags(),
            "timelines": [
                {
                    "source": series.source,
                    "label": series.label,
                    "points": [
                        {"claim": point.claim.id, "as_of": point.claim.as_of.to_dict()}
                        for point in series.points
                    ],
                    "rates": [
                        {
                            "from": segment.first.claim.id,
                            "to": segment.second.claim.id,
                            "rate_low": round(segment.rate.low, 3),
                            "rate_high": round(segment.rate.high, 3),
                        }
                        for segment in series.segments
                    ],
                }
                for series in self.timelines
                if len(series.points) > 1
            ],
            "assumptions_used": [
                {
                    "id": a.ref,
                    "applies_to": a.applies_to,
                    "from": a.from_value,
                    "to": a.to_value,
                    "ratio": list(a.ratio) if a.ratio else None,
                    "rate": list(a.rate) if a.rate else None,
                    "source": a.source,
                    "reason": a.reason,
                }
                for a in self.assumptions_used()
            ],
        }
        if self.references:
            data["references"] = [ref.to_dict() for ref in self.references]
            for pair, pair_data in zip(self.pairs, data["pairs"], strict=True):
                pair_data["events"] = self.event_sentence(pair)
        return data


def claim_dict(claim: Claim, sources: Sources) -> dict[str, Any]:
    return {
        "id": claim.id,
        "source": claim.source,
        "figure_low": claim.figure.low,
        "figure_high": claim.figure.high,
        "qualifier": claim.figure.qualifier,
        "figure_text": claim.figure.text,
        "population": claim.population,
        "outcome": claim.outcome,
        "perpetrators": list(claim.perpetrators.text),
        "area": list(claim.area.text),
        "start": None if claim.start is None else claim.start.to_dict(),
        "as_of": claim.as_of.to_dict(),
        "published": claim.published.to_dict(),
        "basis": claim.basis,
        "relayed_by": claim.relayed_by,
        "url": claim.url,
        "quote": claim.quote,
        "breakdown_of": claim.breakdown_of,
    }


def compare(
    sources: Sources,
    *,
    pair: tuple[str, str] | None = None,
    against: str | None = None,
    only_sources: Sequence[str] = (),
) -> Report:
    """Compare the claims of a loaded file: default pairs, all `against` one claim, or a `pair`."""
    known = {claim.id: claim for claim in sources.claims}
    for claim_id in (*(pair or ()), *((against,) if against else ())):
        if claim_id not in known:
            raise UsageError(
                f"no claim with id {claim_id!r}",
                "ids in this file: "
                + ", ".join(sorted(known)[:12])
                + (" ..." if len(known) > 12 else ""),
            )
    relays = {claim.relayed_by for claim in sources.claims if claim.relayed_by}
    for source in only_sources:
        if source not in sources.sources and source not in relays:
            raise UsageError(
                f"no source {source!r}", "sources in this file: " + ", ".join(sources.sources)
            )
    timelines = build_timelines(sources.claims)
    engine = Engine(sources, timelines)
    if pair is not None:
        if pair[0] == pair[1]:
            raise UsageError("--pair needs two different claims")
        chosen = [(known[pair[0]], known[pair[1]])]
    elif against is not None:
        reference = known[against]
        chosen = [(claim, reference) for claim in sources.claims if claim.id != against]
    elif only_sources:
        # A relay named in --source stands for the claims it relayed.
        focus = set(only_sources)
        chosen = default_pairs(
            sources.claims,
            teller=lambda c: c.relayed_by if c.relayed_by in focus else c.source,
        )
    else:
        chosen = default_pairs(sources.claims)
    if only_sources:
        wanted = set(only_sources)
        chosen = [
            (x, y) for x, y in chosen if {x.source, y.source, x.relayed_by, y.relayed_by} & wanted
        ]
    results = [engine.explain(x, y) for x, y in chosen]
    results.sort(key=lambda r: (r.a.id, r.b.id))
    return Report(sources, results, timelines)


def default_pairs(
    claims: Iterable[Claim], teller: Callable[[Claim], str | None] | None = None
) -> list[tuple[Claim, Claim]]:
    """Within each group of claims whose scopes overlap, the latest claim of each source against
    the latest of every other (DESIGN.md section 3). Breakdowns are evidence, not contenders.

    Groups are found without comparing every claim with every other: claims can only overlap
    when they share a country and an outcome family, and, within those, when their windows meet
    (a sweep over start dates).
    """
    contenders = [c for c in claims if c.breakdown_of is None]
    buckets: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in contenders:
        family = _OUTCOME_FAMILY.get(claim.outcome, claim.outcome)
        countries = sorted({place.country for place in claim.area.places}) or ["?"]
        buckets[(family, countries[0])].append(claim)
    pairs: dict[tuple[str, str], tuple[Claim, Claim]] = {}
    for key in sorted(buckets):
        for group in _window_groups(buckets[key]):
            latest: dict[str, Claim] = {}
            for claim in group:
                who = (teller(claim) if teller else None) or claim.source
                best = latest.get(who)
                if best is None or _recency(claim) > _recency(best):
                    latest[who] = claim
            chosen = sorted(latest.values(), key=lambda c: c.id)
            for i, first in enumerate(chosen):
                for second in chosen[i + 1 :]:
                    if scope_relations(first, second).overall == "disjoint":
                        continue
                    pair_key = (first.id, second.id)
                    pairs.setdefault(pair_key, (first, second))
    return [pairs[key] for key in sorted(pairs)]


def _recency(claim: Claim) -> tuple[dt.date, dt.date, str]:
    return (claim.as_of.latest, claim.published.latest, claim.id)


def _window_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Split claims into groups whose windows chain together (unknown starts reach back)."""

    def start(claim: Claim) -> dt.date:
        return claim.start.earliest if claim.start is not None else dt.date.min

    ordered = sorted(claims, key=lambda c: (start(c), c.as_of.latest, c.id))
    groups: list[list[Claim]] = []
    reach: dt.date | None = None
    for claim in ordered:
        if reach is None or start(claim) > reach:
            groups.append([])
            reach = claim.as_of.latest
        groups[-1].append(claim)
        reach = max(reach, claim.as_of.latest)
    return groups
