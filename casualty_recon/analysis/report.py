"""The report object: which pairs are compared, and everything the renderers show.

`compare(sources)` is the library's entry point; `Report.to_dict()` is the JSON the CLI prints
(README, "As a library").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from casualty_recon.analysis.engine import Engine, PairResult
from casualty_recon.analysis.pairs import disjoint_reason, same_measure, select_pairs
from casualty_recon.analysis.ranges import relation_text
from casualty_recon.analysis.timeline import Series, build_timelines, flag_sentences
from casualty_recon.grammar.wording import possessive
from casualty_recon.model.claims import Claim, Sources
from casualty_recon.model.errors import UsageError
from casualty_recon.model.spans import number
from casualty_recon.model.usage import (
    AGAINST_NO_OVERLAP,
    CLAIM_ID_UNKNOWN,
    PAIR_DISJOINT,
    PAIR_SAME,
    SOURCE_NOT_IN_FILE,
)

if TYPE_CHECKING:
    from casualty_recon.analysis.records import RecordLinks

# Above this many pairs a report carries a summary and shows in full only the focus pairs,
# every contradiction and coverage shortfall, and the largest residuals (unless `show_all`).
SUMMARY_ABOVE = 300
LARGEST_RESIDUALS = 20
FULL_SHORTFALLS = 30
# Evidence lists are printed with at most this many ids, then a count.
EVIDENCE_SHOWN = 8


class Report:
    """What `compare` found (a plain class, not a dataclass: `model.claims.Sources` says why)."""

    __slots__ = (
        "compared",
        "event_notes",
        "listed",
        "pairs",
        "references",
        "skipped",
        "sources",
        "timelines",
        "verdict_counts",
    )

    def __init__(
        self,
        sources: Sources,
        pairs: list[PairResult],
        timelines: list[Series] | None = None,
        references: list[Any] | None = None,
        event_notes: tuple[str, ...] = (),
        compared: int | None = None,
        verdict_counts: dict[str, int] | None = None,
        skipped: list[str] | None = None,
        listed: list[PairResult] | None = None,
    ) -> None:
        self.sources = sources
        self.pairs = pairs
        self.timelines: list[Series] = [] if timelines is None else timelines
        self.references: list[Any] = [] if references is None else references
        # The event file's notes (how it was read: two-digit years, layout notes), with
        # `references`.
        self.event_notes = event_notes
        # How many pairs were compared and their verdicts, when `pairs` holds only a summary's.
        self.compared = compared
        self.verdict_counts = verdict_counts
        # Claims `--against` left out because their scope and the reference's are disjoint.
        self.skipped: list[str] = [] if skipped is None else skipped
        # In a summary: contradictions and shortfalls beyond those shown in full, reported in
        # one line each (README, "Which pairs are compared": every one is reported; thousands
        # are not printed in full).
        self.listed: list[PairResult] = [] if listed is None else listed

    @property
    def pair_count(self) -> int:
        """How many pairs were compared (more than `pairs` holds when summarised)."""
        return len(self.pairs) if self.compared is None else self.compared

    @property
    def summarised(self) -> bool:
        return self.compared is not None

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
        if self.verdict_counts is not None:
            return dict(self.verdict_counts)
        counts: dict[str, int] = defaultdict(int)
        for pair in self.pairs:
            counts[pair.verdict] += 1
        return dict(counts)

    def flags(self) -> list[str]:
        """Stale relays, old relays and revisions found in the timelines: the things a reader
        of any pair should know, whichever pairs were compared."""
        lines: list[str] = []
        for series in self.timelines:
            lines += flag_sentences(series)
        return sorted(dict.fromkeys(lines))

    def event_sentence(self, pair: PairResult) -> str | None:
        """One sentence setting both claims of a pair against their event-data references."""
        if not self.references:
            return None
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
                target=f"{possessive(ref.dataset)} {span} ({ref.events:,} events)",
            )
            parts.append(f"for {side}, {relation}")
        return "Event data: " + "; ".join(parts) + "." if parts else None

    def summary_dict(self) -> dict[str, Any] | None:
        """When summarised: how many pairs were compared, their verdicts, and how many are
        shown (focus pairs, every contradiction and shortfall, the largest residuals)."""
        if self.compared is None:
            return None
        return {
            "pairs_compared": self.compared,
            "pairs_shown": len(self.pairs),
            "verdicts": dict(sorted(self.verdicts().items())),
            "shortfalls": [[p.a.id, p.b.id] for p in self.pairs if is_shortfall(p)],
            "also_reported": [
                {
                    "a": p.a.id,
                    "b": p.b.id,
                    "verdict": p.verdict,
                    "residual_low": number(p.residual.low),
                    "residual_high": number(p.residual.high),
                }
                for p in self.listed
            ],
        }

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.sources.title,
            "claims": [claim_dict(claim, self.sources) for claim in self.claims],
            "pairs": [pair.to_dict() for pair in self.pairs],
            "summary": self.summary_dict(),
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
        if self.skipped:
            data["skipped"] = list(self.skipped)
        if self.event_notes:
            data["event_notes"] = list(self.event_notes)
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
    show_all: bool = False,
    record_links: RecordLinks | None = None,
) -> Report:
    """Compare the claims of a loaded file: the selected pairs (README, "Which pairs are
    compared"), all `against` one claim, or one `pair`. Above `SUMMARY_ABOVE` pairs the report
    holds a summary and only the pairs that matter most, unless `show_all`. `record_links` links
    the lists behind claims that say `list:` (the `records` difference; `analysis/records.py`)."""
    known = {claim.id: claim for claim in sources.claims}
    for claim_id in (*(pair or ()), *((against,) if against else ())):
        if claim_id not in known:
            raise UsageError.of(
                CLAIM_ID_UNKNOWN,
                claim_id=claim_id,
                ids=", ".join(sorted(known)[:12]) + (" ..." if len(known) > 12 else ""),
            )
    relays = {claim.relayed_by for claim in sources.claims if claim.relayed_by}
    for source in only_sources:
        if source not in sources.sources and source not in relays:
            raise UsageError.of(SOURCE_NOT_IN_FILE, name=source, sources=", ".join(sources.sources))
    timelines = build_timelines(sources.claims, sources.about_tolerance)
    engine = Engine(sources, timelines, record_links)
    skipped: list[str] = []
    focus_count = 0
    if pair is not None:
        if pair[0] == pair[1]:
            raise UsageError.of(PAIR_SAME)
        first, second = known[pair[0]], known[pair[1]]
        reason = disjoint_reason(first, second)
        if reason is not None:
            raise UsageError.of(PAIR_DISJOINT, a=first.id, b=second.id, reason=reason)
        chosen = [(first, second)]
    elif against is not None:
        reference = known[against]
        chosen = []
        for claim in sources.claims:
            if claim.id == against:
                continue
            if disjoint_reason(claim, reference) is not None:
                skipped.append(claim.id)
            else:
                chosen.append((claim, reference))
        if not chosen:
            raise UsageError.of(AGAINST_NO_OVERLAP, against=against)
    else:
        focus = [(known[x], known[y]) for x, y in sources.compare]
        teller = None
        if only_sources:
            # A relay named in --source stands for the claims it relayed.
            wanted_tellers = set(only_sources)

            def teller(c: Claim) -> str | None:
                return c.relayed_by if c.relayed_by in wanted_tellers else c.source

        selection = select_pairs(sources.claims, focus, teller)
        chosen = selection.pairs
        focus_count = selection.focus
    if only_sources:
        wanted = set(only_sources)
        kept = [
            (x, y) for x, y in chosen if {x.source, y.source, x.relayed_by, y.relayed_by} & wanted
        ]
        focus_count = sum(1 for p in chosen[:focus_count] if p in kept)
        chosen = kept
    results = [engine.explain(x, y) for x, y in chosen]
    lead, rest = results[:focus_count], results[focus_count:]
    # The comparisons a reader would make lead: the same population and outcome.
    rest.sort(key=lambda r: (not same_measure((r.a, r.b)), r.a.id, r.b.id))
    report = Report(sources, lead + rest, timelines, skipped=skipped)
    if len(results) > SUMMARY_ABOVE and not show_all:
        report.compared = len(results)
        report.verdict_counts = report.verdicts()
        full, report.listed = highlights(rest)
        report.pairs = lead + full
    return report


def evidence_list(ids: Sequence[str], shown: int = EVIDENCE_SHOWN) -> str:
    """Claim ids for printing: all of a short list; the first `shown` and a count of a long one
    (a series can rest on hundreds of claims). A list only a few longer is shown whole."""
    if len(ids) <= shown + 4:
        return ", ".join(ids)
    return f"{', '.join(ids[:shown])} and {len(ids) - shown:,} more ({len(ids):,} in all)"


def summary_note(report: Report) -> str:
    """What a summarised report shows in full, and how to see the rest."""
    return (
        f"Shown in full: {len(report.pairs):,} of {report.pair_count:,} pairs (the file's focus "
        f"pairs, the {LARGEST_RESIDUALS} largest residuals and the {FULL_SHORTFALLS} largest "
        "contradictions and coverage shortfalls)"
        + (
            f"; the other {len(report.listed):,} contradictions and shortfalls are listed one "
            "line each"
            if report.listed
            else ""
        )
        + "; --all shows every pair, and `export` writes them all."
    )


def is_shortfall(pair: PairResult) -> bool:
    """A contradiction, or a coverage shortfall (a narrower count above a wider one): a
    difference that measures one (`Difference.shortfall`), whatever its kind."""
    return pair.verdict == "contradiction" or any(d.shortfall is not None for d in pair.differences)


def residual_size(pair: PairResult) -> float:
    """How far the residual is from 0 (0 when it contains 0)."""
    if pair.residual.contains(0):
        return 0.0
    return min(abs(pair.residual.low), abs(pair.residual.high))


def highlights(results: list[PairResult]) -> tuple[list[PairResult], list[PairResult]]:
    """The pairs a summary shows in full (the largest residuals and the largest contradictions
    and shortfalls), and the other contradictions and shortfalls, each in the report's order."""

    def by_size(pairs: Iterable[PairResult]) -> list[PairResult]:
        return sorted(pairs, key=lambda r: (-residual_size(r), r.a.id, r.b.id))

    shortfalls = by_size(r for r in results if is_shortfall(r))
    keep = {id(r) for r in shortfalls[:FULL_SHORTFALLS]}
    keep.update(
        id(r) for r in by_size(r for r in results if residual_size(r) > 0)[:LARGEST_RESIDUALS]
    )
    full = [r for r in results if id(r) in keep]
    listed = [r for r in results if is_shortfall(r) and id(r) not in keep]
    return full, listed
