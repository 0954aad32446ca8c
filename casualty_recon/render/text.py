"""Plain-text and Markdown renderings of a report, built from one list of blocks.

Every report reads in the same order: the overview (one row per compared pair: gap, residual,
verdict and the one difference that matters most), then each pair in full, then the claims,
event-data references, timelines, stale relays and the assumptions used. With `--pair` or
`--against` the claims are only those involved: the compared claims and the evidence they use.

Plain text is what a pipe gets: no colour, no box-drawing characters, at most 100 columns (but
for a URL or a single word longer than that), words and ids never broken (`render.layout`).
Markdown is the same content as tables, for pasting into notes and pull requests. Text that came
from input files is untrusted: control characters are stripped before printing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from casualty_recon.analysis.engine import PairResult, claim_label
from casualty_recon.analysis.kinds import KINDS
from casualty_recon.analysis.report import Report, evidence_list, summary_note
from casualty_recon.grammar.wording import figure_words, fmt_signed_span, fmt_span, label, plural
from casualty_recon.model.claims import Claim
from casualty_recon.model.spans import Span
from casualty_recon.render.claims import (
    CLAIM_COLUMNS,
    READING_CLAIM_COLUMNS,
    claim_cells,
    clean,
    markdown_cell,
    markdown_table,
    markdown_text,
    reading_claim_cells,
)
from casualty_recon.render.layout import PLAIN_WIDTH, Block, Heading, Para, Table, lay_out
from casualty_recon.render.timelines import series_names

DIFFERENCE_COLUMNS = ("kind", "a", "b", "relation", "pushes a-b", "agrees", "effect on b")
# A pair in which the engine finds no difference at all (same scope, window, basis and bounds).
NO_DIFFERENCES = "none (the two claims count the same scope over the same window)"
WATERFALL_COLUMNS = ("step", "effect", "b after", "evidence")
OVERVIEW_COLUMNS = ("#", "pair (a vs b)", "gap", "residual", "verdict", "matters most")
REFERENCE_HEADER = ("claim", "dataset", "reference", "events", "claim figure", "comparison")


# --- what the report says, for every renderer -------------------------------------------------


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


def pair_heading(pair: PairResult) -> str:
    return f"{clean(claim_label(pair.a))} vs {clean(claim_label(pair.b))}: {label(pair.verdict)}"


def _size(span: Span) -> float:
    return max(abs(span.low), abs(span.high))


def _is_cause(kind: str) -> bool:
    """Whether a kind can be why two figures differ (`Kind.cause`; a kind not registered can)."""
    entry = KINDS.get(kind)
    return entry is None or entry.cause


def key_difference(pair: PairResult) -> str:
    """The one difference that matters most, in a few words.

    Where the quantified effects leave a gap that an unsized difference could close (partly
    explained), that difference; otherwise the quantified effect of largest size; otherwise an
    unsized difference pointing the way of the gap; otherwise "none sized".
    """
    unsized = [
        d
        for d in pair.differences
        if d.effect is None and _is_cause(d.kind) and d.agrees is not False
    ]
    sized = [d for d in pair.differences if d.effect is not None]
    if pair.verdict == "partly_explained" and unsized:
        return f"{unsized[0].kind} (unsized)"
    if sized:
        top = max(sized, key=lambda d: _size(d.effect) if d.effect is not None else 0.0)
        assert top.effect is not None
        return f"{top.kind} {fmt_signed_span(top.effect)}"
    if unsized:
        return f"{unsized[0].kind} (unsized)"
    return "none sized"


def overview_rows(report: Report, pairs: list[PairResult] | None = None) -> list[list[str]]:
    """One row per pair: number, `a vs b`, gap, residual, verdict, what matters most. Pairs
    listed only (a summary's other contradictions and shortfalls) have no number."""
    numbered = pairs is None
    return [
        [
            str(number) if numbered else "",
            f"{clean(pair.a.id)} vs {clean(pair.b.id)}",
            fmt_span(pair.gap),
            fmt_span(pair.residual),
            label(pair.verdict),
            key_difference(pair),
        ]
        for number, pair in enumerate(report.pairs if pairs is None else pairs, start=1)
    ]


def verdict_summary(report: Report) -> str:
    counts = report.verdicts()
    summary = ", ".join(f"{counts[v]} {label(v)}" for v in sorted(counts))
    return f"{plural(report.pair_count, 'pair')}: {summary or 'none'}"


def pair_evidence(pair: PairResult) -> list[str]:
    """Every claim id a pair rests on: its two claims, then the evidence its differences use,
    and the evidence a sentence names as set aside (the pair's own count)."""
    ids = [pair.a.id, pair.b.id, *pair.evidence_used]
    for d in pair.differences:
        ids += d.evidence
        ids += d.set_aside
    for step in pair.steps:
        ids += step.evidence
    return list(dict.fromkeys(ids))


def focus_ids(report: Report) -> frozenset[str]:
    """The claims involved in the report's pairs (what `--pair` and `--against` show)."""
    return frozenset(i for pair in report.pairs for i in pair_evidence(pair))


def shown_claims(report: Report, focus: frozenset[str] | None) -> list[Claim]:
    if focus is None:
        return list(report.claims)
    return [claim for claim in report.claims if claim.id in focus]


def timeline_lines(report: Report, focus: frozenset[str] | None = None) -> list[str]:
    """One line per series of two or more dates: the cumulative series the time effects are
    sized from (full tables: `casualty-recon timeline`)."""
    lines = []
    listed = [series for series in report.timelines if len(series.points) >= 2]
    for series, name in zip(listed, series_names(listed), strict=True):
        if focus is not None and not any(p.claim.id in focus for p in series.points):
            continue
        rates = [segment.rate for segment in series.segments]
        low = min(rate.low for rate in rates)
        high = max(rate.high for rate in rates)
        first, last = series.points[0], series.points[-1]
        lines.append(
            f"{name}: {len(series.points)} dates, {first.latest.isoformat()} "
            f"({clean(figure_words(first.claim.figure.text))}) to {last.latest.isoformat()} "
            f"({clean(figure_words(last.claim.figure.text))}); {fmt_span(Span(low, high))} a day"
        )
    return sorted(lines)


def _mentions(line: str, focus: frozenset[str]) -> bool:
    words = {word.strip(",.;:()") for word in line.split()}
    return bool(words & focus)


def notes_sections(
    report: Report, focus: frozenset[str] | None = None
) -> list[tuple[str, list[str]]]:
    """The sections after the claims, for every renderer: the timelines the time effects come
    from, then stale relays and revisions (with a focus, those that mention its claims)."""
    flags = report.flags()
    if focus is not None:
        flags = [line for line in flags if _mentions(line, focus)]
    sections = [
        ("Series used to size the time differences", timeline_lines(report, focus)),
        ("Stale relays and revisions", flags),
    ]
    return [(heading, lines) for heading, lines in sections if lines]


def shown_references(report: Report, focus: frozenset[str] | None) -> list[Any]:
    return [ref for ref in report.references if focus is None or ref.claim_id in focus]


def reference_cells(report: Report, focus: frozenset[str] | None = None) -> list[list[str]]:
    """The event-data references as rows beside the claims."""
    rows = []
    for ref in shown_references(report, focus):
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
                comparison_cell(ref),
            ]
        )
    return rows


def comparison_cell(ref: Any) -> str:
    """The comparison as the sentence words it: a floor under the range is `below (a floor)`,
    which a floor allows, not `inside` (the code the CSV keeps: a floor overlaps every range
    that reaches it); a range reaching past either end `overlaps`."""
    bounds = ref.reference_range
    if ref.comparison != "inside" or bounds is None:
        return ref.comparison or ""
    if ref.claim_high is None:
        return "below (a floor)" if ref.claim_low < bounds[0] else "inside"
    if ref.claim_low < bounds[0] or ref.claim_high > bounds[1]:
        return "overlaps"
    return "inside"


def assumption_lines(report: Report) -> list[str]:
    return [
        f"assumption:{a.index} ({a.applies_to}): {clean(a.reason)}"
        for a in report.assumptions_used()
    ]


def _as_written(text: str) -> str:
    return text


# --- the blocks --------------------------------------------------------------------------------


def report_blocks(
    report: Report, focus: frozenset[str] | None = None, *, markdown: bool = False
) -> list[Block]:
    """The whole report as blocks, overview first. `markdown` keeps every claim column (a
    Markdown table has no width), joins evidence into the difference bullets and escapes the
    file's text in paragraphs (headings and tables are escaped by `report_markdown`)."""
    md = markdown_text if markdown else _as_written
    blocks: list[Block] = [Heading(1, clean(report.sources.title or "Casualty figures"))]
    blocks += [
        Heading(2, f"Overview ({plural(report.pair_count, 'pair')})"),
        Para(verdict_summary(report), gap=True),
    ]
    if report.summarised:
        blocks.append(Para(md(summary_note(report)), gap=True))
    if report.pairs:
        blocks.append(Table(OVERVIEW_COLUMNS, overview_rows(report)))
    if report.listed:
        blocks.append(
            Heading(
                2, f"Other contradictions and shortfalls ({len(report.listed):,}, one line each)"
            )
        )
        blocks.append(Table(OVERVIEW_COLUMNS, overview_rows(report, report.listed)))
    blocks.append(Heading(2, f"Pairs ({len(report.pairs)})"))
    for number, pair in enumerate(report.pairs, start=1):
        blocks += pair_blocks(number, pair, report.event_sentence(pair), markdown=markdown)
    if focus is None and report.summarised:
        # A summarised report shows the claims of the pairs it shows in full, not thousands.
        focus = focus_ids(report)
    claims = shown_claims(report, focus)
    involved = "involved, " if focus is not None else ""
    blocks.append(
        Heading(
            2,
            f"Claims ({len(claims)} {involved}from {plural(len(report.sources.sources), 'source')}"
            f" in the file)"
            if focus is not None
            else f"Claims ({len(claims)}, from {plural(len(report.sources.sources), 'source')})",
        )
    )
    if markdown:
        blocks.append(Table(CLAIM_COLUMNS, [claim_cells(c) for c in claims]))
    else:
        blocks.append(Table(READING_CLAIM_COLUMNS, [reading_claim_cells(c) for c in claims]))
    if report.references or report.event_notes:
        blocks.append(Heading(2, "Event-data references"))
        # How the event file was read (two-digit years, layout notes), as `events` says it.
        notes = report.event_notes
        blocks += [
            Para(f"- note: {md(clean(note))}", hang=2, gap=i == len(notes) - 1)
            for i, note in enumerate(notes)
        ]
    if report.references:
        blocks.append(Table(REFERENCE_HEADER, reference_cells(report, focus)))
        blocks += [
            Para(f"- {md(clean(ref.claim_id))}: {md(clean(ref.sentence))}", hang=2)
            for ref in shown_references(report, focus)
        ]
    for heading, lines in notes_sections(report, focus):
        blocks.append(Heading(2, heading))
        blocks += [Para(f"- {md(line)}", hang=2) for line in lines]
    used = assumption_lines(report)
    if used:
        blocks.append(Heading(2, "Assumptions used"))
        blocks += [Para(f"- {md(line)}", hang=2) for line in used]
    return blocks


def pair_blocks(
    number: int, pair: PairResult, events: str | None = None, *, markdown: bool = False
) -> list[Block]:
    """One pair in full: its claims and gap, the differences, the waterfall and the verdict."""
    md = markdown_text if markdown else _as_written
    indent = 0 if markdown else 3
    blocks: list[Block] = [Heading(3, f"{number}. {pair_heading(pair)}", pair.verdict)]
    ids = f"a: {pair.a.id}, b: {pair.b.id}" if markdown else f"a: {pair.a.id}   b: {pair.b.id}"
    facts = [ids, f"gap (a - b): {fmt_span(pair.gap)}"]
    if pair.verdict != "contradiction":
        facts.append(f"common floor: at least {pair.common_floor:,} {clean(pair.common_scope)}")
    if markdown:
        blocks.append(Para(md(". ".join(facts) + "."), gap=True))
    else:
        blocks += [Para(fact, indent, hang=2) for fact in facts]
        blocks.append(Para(""))
    if pair.differences:
        blocks.append(Table(DIFFERENCE_COLUMNS, _difference_rows(pair), indent, frozenset({6})))
    else:  # a table of no rows would be a header alone
        blocks.append(Para(md(f"differences: {NO_DIFFERENCES}"), indent, hang=2))
    for d in pair.differences:
        if markdown:
            line = f"- **{d.kind}**: {md(clean(d.sentence))}"
            if d.evidence:
                line += f" Evidence: {md(clean(evidence_list(d.evidence)))}."
            if d.break_even:
                line += f" Break-even: {md(clean(d.break_even))} would close the gap alone."
            blocks.append(Para(line))
            continue
        blocks.append(Para(f"- {d.kind}: {clean(d.sentence)}", indent, hang=2))
        if d.evidence:
            blocks.append(
                Para(f"evidence: {clean(evidence_list(d.evidence))}", indent + 2, 2, "dim")
            )
        if d.break_even:
            blocks.append(
                Para(f"break-even: {clean(d.break_even)} would close the gap alone", indent + 2, 2)
            )
    blocks.append(Para(""))
    blocks.append(Table(WATERFALL_COLUMNS, waterfall_rows(pair), indent, frozenset({1, 2})))
    verdict = (
        f"**Verdict: {label(pair.verdict)}.** {md(clean(pair.reason))}"
        if markdown
        else f"verdict: {label(pair.verdict)} - {clean(pair.reason)}"
    )
    blocks.append(Para(verdict, indent, hang=2, style=pair.verdict, gap=markdown))
    if events:
        blocks.append(Para(md(clean(events)), indent, hang=2, gap=markdown))
    for assumption in pair.assumptions_used:
        prefix = "- " if markdown else ""
        blocks.append(
            Para(
                f"{prefix}assumption {assumption.index}: {md(clean(assumption.reason))}", indent, 2
            )
        )
    if pair.evidence_used:
        used = clean(evidence_list(pair.evidence_used))
        blocks.append(
            Para(f"Evidence used: {md(used)}.", gap=True)
            if markdown
            else Para(f"evidence used: {used}", indent, 2, "dim")
        )
    blocks.append(Para(""))
    return blocks


# --- the formats -------------------------------------------------------------------------------


def report_plain(report: Report, focus: frozenset[str] | None = None) -> str:
    lines = lay_out(report_blocks(report, focus), PLAIN_WIDTH)
    return "\n".join(line.text for line in lines) + "\n"


def report_markdown(
    report: Report, focus: frozenset[str] | None = None, chart: str | None = None
) -> str:
    """Markdown; `chart`, when given, the name of the chart file drawn beside it (linked)."""
    out: list[str] = []
    for block in report_blocks(report, focus, markdown=True):
        if isinstance(block, Heading):
            if out and out[-1]:
                out.append("")
            out += [f"{'#' * block.level} {markdown_cell(block.text)}", ""]
            if block.level == 1 and chart:
                # Percent-encoded: a space or bracket in the name would end the link.
                out += [f"![Chart of the report]({quote(chart, safe='/')})", ""]
        elif isinstance(block, Para):
            out.append(block.text)
            if block.gap:
                out.append("")
        else:
            out += markdown_table(block.header, block.rows)
            out.append("")
    while out and not out[-1]:
        out.pop()
    return _squeeze(out) + "\n"


def _squeeze(lines: Iterable[str]) -> str:
    """Lines joined, runs of blank lines made one."""
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out)


def report_json(report: Report, focus: frozenset[str] | None = None) -> str:
    data = report.to_dict()
    if focus is not None:
        data["claims"] = [claim for claim in data["claims"] if claim["id"] in focus]
        if "references" in data:
            data["references"] = [ref for ref in data["references"] if ref["claim"] in focus]
    import json  # only the JSON output needs it

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
