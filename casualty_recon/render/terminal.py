"""The terminal rendering (rich): the same content as `render_text`, in tables with colour.

Only the CLI imports this module; the library never needs rich.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from casualty_recon.analysis.engine import PairResult
from casualty_recon.analysis.report import Report, evidence_list, summary_note
from casualty_recon.grammar.wording import fmt_signed_span, fmt_span, label, plural
from casualty_recon.model.claims import Sources
from casualty_recon.render.claims import claim_cells, clean, window_cell
from casualty_recon.render.text import (
    DIFFERENCE_COLUMNS,
    REFERENCE_HEADER,
    notes_sections,
    pair_heading,
    reference_cells,
    waterfall_rows,
)

VERDICT_STYLE = {
    "explained": "green",
    "partly_explained": "yellow",
    "unexplained": "red",
    "contradiction": "bold red",
}
DIRECTION_STYLE = {"up": "cyan", "down": "magenta", "either": "dim", "none": "dim"}


def claims_table(sources: Sources, title: str | None = None) -> Table:
    """The claims side by side, compact enough for a terminal: one row per claim."""
    table = Table(title=title, box=box.SIMPLE_HEAVY, show_lines=False, expand=False)
    # Fold, never truncate: a cut-off figure ("13,0…") would be misread.
    table.add_column("id", style="bold", overflow="fold")
    for name in ("source", "figure", "counts", "window", "published", "basis", "relayed by"):
        table.add_column(name, overflow="fold")
    for claim in sources.claims:
        cells = claim_cells(claim)
        table.add_row(
            Text(cells[0]),
            Text(cells[1]),
            Text(f"{cells[2]}\n[{cells[3]}]"),
            Text(f"{cells[4]} {cells[5]}\nby {cells[6]}\nin {cells[7]}"),
            Text(window_cell(claim, separator="\nto ")),
            Text(claim.published.text),
            Text(cells[11]),
            Text(cells[12]),
        )
    return table


def pair_panel(number: int, pair: PairResult, events: str | None = None) -> Panel:
    style = VERDICT_STYLE.get(pair.verdict, "")
    facts = Text()
    facts.append(f"a: {pair.a.id}   b: {pair.b.id}\n")
    facts.append(f"gap (a - b): {fmt_span(pair.gap)}\n")
    if pair.verdict != "contradiction":
        facts.append(f"common floor: at least {pair.common_floor:,} {clean(pair.common_scope)}")
    differences = Table(box=box.SIMPLE, expand=False)
    for column in DIFFERENCE_COLUMNS:
        differences.add_column(column, overflow="fold", min_width=4)
    for d in pair.differences:
        agrees = {True: Text("yes", "green"), False: Text("no", "red"), None: Text("")}[d.agrees]
        differences.add_row(
            Text(d.kind, "bold"),
            Text(clean(d.a_value)),
            Text(clean(d.b_value)),
            Text(d.relation),
            Text(d.direction, DIRECTION_STYLE.get(d.direction, "")),
            agrees,
            Text("" if d.effect is None else fmt_signed_span(d.effect)),
        )
    sentences = Text()
    for d in pair.differences:
        sentences.append(f"{d.kind}: ", "bold")
        sentences.append(clean(d.sentence))
        if d.evidence:
            sentences.append(f"\n  evidence: {clean(evidence_list(d.evidence))}", "dim")
        if d.break_even:
            sentences.append(f"\n  break-even: {clean(d.break_even)} would close the gap alone")
        sentences.append("\n")
    waterfall = Table(box=box.SIMPLE, expand=False, title="waterfall", title_justify="left")
    for column in ("step", "effect", "b after", "evidence"):
        waterfall.add_column(column, overflow="fold")
    for row in waterfall_rows(pair):
        waterfall.add_row(*(Text(cell) for cell in row))
    verdict = Text()
    verdict.append(f"verdict: {pair.verdict}", style)
    verdict.append(f"  {clean(pair.reason)}")
    parts: list[RenderableType] = [facts, differences, sentences, waterfall, verdict]
    if pair.assumptions_used:
        used = Text()
        for assumption in pair.assumptions_used:
            used.append(f"assumption {assumption.index}: {clean(assumption.reason)}\n", "italic")
        parts.append(used)
    if pair.evidence_used:
        parts.append(Text(f"evidence used: {clean(evidence_list(pair.evidence_used))}", "dim"))
    if events:
        parts.append(Text(clean(events), "cyan"))
    return Panel(
        Group(*parts),
        title=Text(f"{number}. {pair_heading(pair)}", style),
        title_align="left",
        border_style=style,
    )


def print_report(console: Console, report: Report) -> None:
    title = report.sources.title or "Casualty figures"
    console.print(Text(clean(title), "bold underline"))
    console.print(
        claims_table(
            report.sources,
            f"Claims ({len(report.claims)}, from {len(report.sources.sources)} sources)",
        )
    )
    if report.references:
        references = Table(title="Event-data references", box=box.SIMPLE_HEAVY)
        for column in REFERENCE_HEADER:
            references.add_column(column)
        for row in reference_cells(report):
            references.add_row(*(Text(cell) for cell in row))
        console.print(references)
        for ref in report.references:
            console.print(Text(f"{clean(ref.claim_id)}: {clean(ref.sentence)}"))
    for heading, lines in notes_sections(report):
        console.print(Text(heading, "bold"))
        for line in lines:
            console.print(Text(f"- {line}"))
    console.print(Text(f"Pairs ({len(report.pairs)})", "bold"))
    for number, pair in enumerate(report.pairs, start=1):
        console.print(pair_panel(number, pair, report.event_sentence(pair)))
    counts = report.verdicts()
    summary = Text(f"{plural(report.pair_count, 'pair')}: ")
    for i, verdict in enumerate(sorted(counts)):
        if i:
            summary.append(", ")
        summary.append(f"{counts[verdict]} {label(verdict)}", VERDICT_STYLE[verdict])
    console.print(summary)
    if report.summarised:
        console.print(Text(summary_note(report)))
    for assumption in report.assumptions_used():
        console.print(
            Text(
                f"assumption:{assumption.index} ({assumption.applies_to}): "
                f"{clean(assumption.reason)}",
                "italic",
            )
        )
