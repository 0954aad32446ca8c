"""Plain-text and Markdown renderings of a report and of a loaded file.

Plain text is what a pipe gets: no colour, no box-drawing characters, stable line by line so it
diffs well. Markdown is the same content as tables, for pasting into notes and pull requests.
Text that came from input files is untrusted: control characters are stripped before printing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from .explain import PairResult, claim_label, literal
from .intervals import fmt_signed_span, fmt_span
from .model import Claim, DayRange, Sources
from .report import Report

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\x1b\[[0-9;?]*[ -/]*[@-~]")

CLAIM_COLUMNS = (
    "id",
    "source",
    "figure",
    "interval",
    "population",
    "outcome",
    "perpetrators",
    "area",
    "window",
    "as of",
    "published",
    "basis",
    "relayed by",
)


def clean(text: str) -> str:
    """Strip terminal control sequences and control characters from untrusted text."""
    return _CONTROL.sub("", text)


def day_text(days: DayRange | None) -> str:
    if days is None:
        return "?"
    if days.earliest == days.latest:
        return days.earliest.isoformat()
    return f"{days.text} ({days.earliest.isoformat()}..{days.latest.isoformat()})"


def claim_cells(claim: Claim) -> list[str]:
    start = "?" if claim.start is None else claim.start.text
    return [
        clean(claim.id),
        clean(claim.source),
        clean(claim.figure.text),
        fmt_span(literal(claim)).replace(" or more", "+"),
        claim.population,
        claim.outcome,
        clean(claim.perpetrators.label()),
        clean(claim.area.label()),
        clean(f"{start} to {claim.as_of.text}"),
        day_text(claim.as_of),
        day_text(claim.published),
        claim.basis,
        clean(claim.relayed_by or ""),
    ]


def _plain_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(header)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return lines


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def claims_plain(sources: Sources) -> str:
    rows = [claim_cells(c) for c in sources.claims]
    return "\n".join(_plain_table(CLAIM_COLUMNS, rows)) + "\n"


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
    from .intervals import Span

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
    return (
        f"{clean(claim_label(pair.a))} vs {clean(claim_label(pair.b))}: "
        f"{pair.verdict.replace('_', ' ')}"
    )


def report_plain(report: Report) -> str:
    out: list[str] = []
    title = report.sources.title or "Casualty figures"
    out += [clean(title), "=" * len(clean(title)), ""]
    out.append(f"Claims ({len(report.claims)}, from {len(report.sources.sources)} sources)")
    out.append("")
    out += _plain_table(CLAIM_COLUMNS, [claim_cells(c) for c in report.claims])
    if report.references:
        out += ["", "Event-data references", ""]
        out += [clean(ref.sentence) for ref in report.references]
    out += ["", f"Pairs ({len(report.pairs)})", ""]
    for number, pair in enumerate(report.pairs, start=1):
        out += _pair_plain(number, pair)
    out += _summary_lines(report)
    return "\n".join(out).rstrip() + "\n"


def _pair_plain(number: int, pair: PairResult) -> list[str]:
    out = [f"{number}. {pair_heading(pair)}", ""]
    out.append(f"   a: {pair.a.id}   b: {pair.b.id}")
    out.append(f"   gap (a - b): {fmt_span(pair.gap)}")
    out.append(f"   common floor: at least {pair.common_floor:,} {clean(pair.common_scope)}")
    out.append("")
    out += ["   " + line for line in _plain_table(DIFFERENCE_COLUMNS, _difference_rows(pair))]
    out.append("")
    for d in pair.differences:
        out.append(f"   - {d.kind}: {clean(d.sentence)}")
        if d.evidence:
            out.append(f"     evidence: {clean(', '.join(d.evidence))}")
        if d.break_even:
            out.append(f"     break-even: {clean(d.break_even)} would close the gap alone")
    out.append("")
    out += [
        "   " + line
        for line in _plain_table(("step", "effect", "b after", "evidence"), waterfall_rows(pair))
    ]
    out.append("")
    out.append(f"   verdict: {pair.verdict} - {clean(pair.reason)}")
    if pair.assumptions_used:
        for assumption in pair.assumptions_used:
            out.append(f"   assumption {assumption.index}: {clean(assumption.reason)}")
    if pair.evidence_used:
        out.append(f"   evidence used: {clean(', '.join(pair.evidence_used))}")
    out.append("")
    return out


def _summary_lines(report: Report) -> list[str]:
    counts = report.verdicts()
    summary = ", ".join(f"{counts[v]} {v.replace('_', ' ')}" for v in sorted(counts))
    out = ["Summary", "", f"{len(report.pairs)} pairs: {summary or 'none'}"]
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
    out += _md_table(CLAIM_COLUMNS, [claim_cells(c) for c in report.claims])
    if report.references:
        out += ["", "## Event-data references", ""]
        out += [f"- {clean(ref.sentence)}" for ref in report.references]
    out += ["", f"## Pairs ({len(report.pairs)})", ""]
    for number, pair in enumerate(report.pairs, start=1):
        out += [f"### {number}. {_md_cell(pair_heading(pair))}", ""]
        out.append(
            f"Gap (a - b): **{fmt_span(pair.gap)}**. Common floor: at least "
            f"{pair.common_floor:,} {clean(pair.common_scope)}."
        )
        out.append("")
        out += _md_table(DIFFERENCE_COLUMNS, _difference_rows(pair))
        out.append("")
        for d in pair.differences:
            line = f"- **{d.kind}**: {clean(d.sentence)}"
            if d.evidence:
                line += f" Evidence: {clean(', '.join(d.evidence))}."
            if d.break_even:
                line += f" Break-even: {clean(d.break_even)} would close the gap alone."
            out.append(line)
        out.append("")
        out += _md_table(("step", "effect", "b after", "evidence"), waterfall_rows(pair))
        out += ["", f"**Verdict: {pair.verdict}.** {clean(pair.reason)}", ""]
        for assumption in pair.assumptions_used:
            out.append(f"- assumption {assumption.index}: {clean(assumption.reason)}")
        if pair.evidence_used:
            out += [f"Evidence used: {clean(', '.join(pair.evidence_used))}.", ""]
    out += ["## Summary", ""]
    out += _summary_lines(report)[2:]
    return "\n".join(out).rstrip() + "\n"


def report_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
