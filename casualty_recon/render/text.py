"""Plain-text and Markdown renderings of a report and of a loaded file.

Plain text is what a pipe gets: no colour, no box-drawing characters, stable line by line so it
diffs well. Markdown is the same content as tables, for pasting into notes and pull requests.
Text that came from input files is untrusted: control characters are stripped before printing.
"""

from __future__ import annotations

import json

from casualty_recon.analysis.engine import PairResult, claim_label
from casualty_recon.analysis.report import Report, evidence_list, summary_note
from casualty_recon.grammar.wording import fmt_signed_span, fmt_span, label, plural
from casualty_recon.model.spans import Span
from casualty_recon.render.claims import (
    CLAIM_COLUMNS,
    claim_cells,
    clean,
    markdown_cell,
    markdown_table,
    plain_table,
)


def waterfall_rows(pair: PairResult) -> list[list[str]]:
    """Waterfall rows (step, effect, b after, evidence): b, each effect, adjusted b, a, residual."""
    b_low, b_high = pair.b.figure.stated
    rows = [["b: " + clean(claim_label(pair.b)), "", fmt_span_pair(b_low, b_high), ""]]
    for step in pair.steps:
        rows.append(
            [
                f"+ {step.kind}",
                fmt_signed_span(step.effect),
                fmt_span(step.after),
                clean(", ".join(step.evidence)),
            ]
        )
    rows.append(["= b adjusted to a's definitions", "", fmt_span(pair.adjusted_b), ""])
    a_low, a_high = pair.a.figure.stated
    rows.append(["a: " + clean(claim_label(pair.a)), "", fmt_span_pair(a_low, a_high), ""])
    rows.append(["residual (a - adjusted b)", "", fmt_span(pair.residual), ""])
    return rows


def fmt_span_pair(low: float, high: float) -> str:
    return fmt_span(Span(low, high))


def _difference_rows(pair: PairResult) -> list[list[str]]:
    rows = []
    for d in pair.differences:
        effect = "" if d.effect is None else fmt_signed_span(d.effect)
        agrees = {True: "yes", False: "no", None: ""}[d.agrees]
        rows.append(
            [d.kind, clean(d.a_value), clean(d.b_value), d.relation, d.direction, agrees, effect]
        )
    return rows


DIFFERENCE_COLUMNS = ("kind", "a", "b", "relation", "pushes a-b", "agrees", "effect on b")


def pair_heading(pair: PairResult) -> str:
    return f"{clean(claim_label(pair.a))} vs {clean(claim_label(pair.b))}: {label(pair.verdict)}"


def timeline_lines(report: Report) -> list[str]:
    """One line per series of two or more dates: the cumulative series the time effects are
    sized from (full tables: `casualty-recon timeline`)."""
    lines = []
    for series in report.timelines:
        if len(series.points) < 2:
            continue
        rates = [segment.rate for segment in series.segments]
        low = min(rate.low for rate in rates)
        high = max(rate.high for rate in rates)
        first, last = series.points[0], series.points[-1]
        lines.append(
            f"{clean(series.label)}: {len(series.points)} dates, {first.latest.isoformat()} "
            f"({clean(first.claim.figure.text)}) to {last.latest.isoformat()} "
            f"({clean(last.claim.figure.text)}); {fmt_span(Span(low, high))} a day"
        )
    return sorted(lines)


def notes_sections(report: Report) -> list[tuple[str, list[str]]]:
    """The sections between the claims and the pairs, for every renderer: the timelines the
    time effects come from, then stale relays and revisions."""
    sections = [
        ("Timelines (the series time effects are sized from)", timeline_lines(report)),
        ("Stale relays and revisions", report.flags()),
    ]
    return [(heading, lines) for heading, lines in sections if lines]


REFERENCE_HEADER = ("claim", "dataset", "reference", "events", "claim figure", "comparison")


def reference_cells(report: Report) -> list[list[str]]:
    """The event-data references as rows beside the claims."""
    rows = []
    for ref in report.references:
        bounds = ref.reference_range
        if bounds is None:
            span = ""
        elif bounds[0] == bounds[1]:
            span = f"{bounds[0]:,}"
        else:
            span = f"{bounds[0]:,} to {bounds[1]:,}"
        rows.append(
            [
                clean(ref.claim_id),
                clean(ref.dataset),
                span,
                f"{ref.events:,}",
                clean(ref.claim_text),
                ref.comparison or "",
            ]
        )
    return rows


def report_plain(report: Report) -> str:
    out: list[str] = []
    title = report.sources.title or "Casualty figures"
    out += [clean(title), "=" * len(clean(title)), ""]
    out.append(f"Claims ({len(report.claims)}, from {len(report.sources.sources)} sources)")
    out.append("")
    out += plain_table(CLAIM_COLUMNS, [claim_cells(c) for c in report.claims])
    if report.references:
        out += ["", "Event-data references", ""]
        out += plain_table(REFERENCE_HEADER, reference_cells(report))
        out.append("")
        out += [f"{clean(ref.claim_id)}: {clean(ref.sentence)}" for ref in report.references]
    for heading, lines in notes_sections(report):
        out += ["", heading, ""]
        out += [f"- {line}" for line in lines]
    out += ["", f"Pairs ({len(report.pairs)})", ""]
    for number, pair in enumerate(report.pairs, start=1):
        out += _pair_plain(number, pair, report.event_sentence(pair))
    out += _summary_lines(report)
    return "\n".join(out).rstrip() + "\n"


def _pair_plain(number: int, pair: PairResult, events: str | None = None) -> list[str]:
    out = [f"{number}. {pair_heading(pair)}", ""]
    out.append(f"   a: {pair.a.id}   b: {pair.b.id}")
    out.append(f"   gap (a - b): {fmt_span(pair.gap)}")
    if pair.verdict != "contradiction":
        out.append(f"   common floor: at least {pair.common_floor:,} {clean(pair.common_scope)}")
    out.append("")
    out += ["   " + line for line in plain_table(DIFFERENCE_COLUMNS, _difference_rows(pair))]
    out.append("")
    for d in pair.differences:
        out.append(f"   - {d.kind}: {clean(d.sentence)}")
        if d.evidence:
            out.append(f"     evidence: {clean(evidence_list(d.evidence))}")
        if d.break_even:
            out.append(f"     break-even: {clean(d.break_even)} would close the gap alone")
    out.append("")
    out += [
        "   " + line
        for line in plain_table(("step", "effect", "b after", "evidence"), waterfall_rows(pair))
    ]
    out.append("")
    out.append(f"   verdict: {pair.verdict} - {clean(pair.reason)}")
    if events:
        out.append(f"   {clean(events)}")
    if pair.assumptions_used:
        for assumption in pair.assumptions_used:
            out.append(f"   assumption {assumption.index}: {clean(assumption.reason)}")
    if pair.evidence_used:
        out.append(f"   evidence used: {clean(evidence_list(pair.evidence_used))}")
    out.append("")
    return out


def _summary_lines(report: Report) -> list[str]:
    counts = report.verdicts()
    summary = ", ".join(f"{counts[v]} {label(v)}" for v in sorted(counts))
    out = ["Summary", "", f"{plural(report.pair_count, 'pair')}: {summary or 'none'}"]
    if report.summarised:
        out.append(summary_note(report))
    used = report.assumptions_used()
    if used:
        out += ["", "Assumptions used"]
        for assumption in used:
            out.append(
                f"- assumption:{assumption.index} ({assumption.applies_to}): "
                f"{clean(assumption.reason)}"
            )
    return out


def report_markdown(report: Report) -> str:
    out: list[str] = []
    out += [f"# {clean(report.sources.title or 'Casualty figures')}", ""]
    out += [f"## Claims ({len(report.claims)}, from {len(report.sources.sources)} sources)", ""]
    out += markdown_table(CLAIM_COLUMNS, [claim_cells(c) for c in report.claims])
    if report.references:
        out += ["", "## Event-data references", ""]
        out += markdown_table(REFERENCE_HEADER, reference_cells(report))
        out.append("")
        out += [f"- {clean(ref.claim_id)}: {clean(ref.sentence)}" for ref in report.references]
    for heading, lines in notes_sections(report):
        out += ["", f"## {heading}", ""]
        out += [f"- {line}" for line in lines]
    out += ["", f"## Pairs ({len(report.pairs)})", ""]
    for number, pair in enumerate(report.pairs, start=1):
        out += [f"### {number}. {markdown_cell(pair_heading(pair))}", ""]
        floor = (
            f" Common floor: at least {pair.common_floor:,} {clean(pair.common_scope)}."
            if pair.verdict != "contradiction"
            else ""
        )
        out.append(f"Gap (a - b): **{fmt_span(pair.gap)}**.{floor}")
        out.append("")
        out += markdown_table(DIFFERENCE_COLUMNS, _difference_rows(pair))
        out.append("")
        for d in pair.differences:
            line = f"- **{d.kind}**: {clean(d.sentence)}"
            if d.evidence:
                line += f" Evidence: {clean(evidence_list(d.evidence))}."
            if d.break_even:
                line += f" Break-even: {clean(d.break_even)} would close the gap alone."
            out.append(line)
        out.append("")
        out += markdown_table(("step", "effect", "b after", "evidence"), waterfall_rows(pair))
        out += ["", f"**Verdict: {pair.verdict}.** {clean(pair.reason)}", ""]
        events = report.event_sentence(pair)
        if events:
            out += [clean(events), ""]
        for assumption in pair.assumptions_used:
            out.append(f"- assumption {assumption.index}: {clean(assumption.reason)}")
        if pair.evidence_used:
            out += [f"Evidence used: {clean(evidence_list(pair.evidence_used))}.", ""]
    out += ["## Summary", ""]
    out += _summary_lines(report)[2:]
    return "\n".join(out).rstrip() + "\n"


def report_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
