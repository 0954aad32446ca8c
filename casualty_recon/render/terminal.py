"""The terminal rendering (rich): the same content as `render.text`, laid out to the terminal's
width, with colour.

Only the CLI imports this module; the library never needs rich.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from casualty_recon.analysis.report import Report
from casualty_recon.model.claims import Sources
from casualty_recon.render.claims import claim_cells, window_cell
from casualty_recon.render.layout import lay_out
from casualty_recon.render.text import report_blocks

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


# How each kind of laid-out line looks (roles from `render.layout`; verdicts from pair headings).
ROLE_STYLE = {
    "h1": "bold underline",
    "h2": "bold",
    "h3": "bold",
    "header": "bold",
    "rule": "dim",
    "dim": "dim",
    "field": "bold",
    **VERDICT_STYLE,
}


def print_report(console: Console, report: Report, focus: frozenset[str] | None = None) -> None:
    """The report laid out to the console's width (words and ids never broken), each line
    written with its style: no panels, no tables for rich to measure, so a terminal costs
    little more than a pipe."""
    from rich.console import COLOR_SYSTEMS
    from rich.style import Style

    name = console.color_system
    colours = COLOR_SYSTEMS.get(name) if name and not console.no_color else None
    styles = {role: Style.parse(style) for role, style in ROLE_STYLE.items()}
    out: list[str] = []
    for line in lay_out(report_blocks(report, focus), console.width):
        text = line.text
        role = line.role
        if role == "rule" and set(text.strip()) <= {"-", "=", " "}:
            text = text.replace("-", "\u2500").replace("=", "\u2550")
        style = styles.get(role)
        out.append(style.render(text, color_system=colours) if style and colours else text)
    console.file.write("\n".join(out) + "\n")
    console.file.flush()
