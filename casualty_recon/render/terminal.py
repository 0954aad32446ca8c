"""The terminal rendering (rich): the same content as `render.text`, laid out to the terminal's
width, with colour.

Only the CLI imports this module; the library never needs rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casualty_recon.grammar.wording import plural
from casualty_recon.render.claims import READING_CLAIM_COLUMNS, load_summary, reading_claim_cells
from casualty_recon.render.layout import Block, Heading, Line, Para, Table, lay_out

if TYPE_CHECKING:
    from rich.console import Console

    from casualty_recon.analysis.report import Report
    from casualty_recon.model.claims import Sources

VERDICT_STYLE = {
    "explained": "green",
    "partly_explained": "yellow",
    "unexplained": "red",
    "contradiction": "bold red",
}


def print_claims(console: Console, sources: Sources) -> None:
    """`validate` on a terminal: what was loaded, then the claims laid out to the width."""
    title = f"Claims ({len(sources.claims)}, from {plural(len(sources.sources), 'source')})"
    blocks: list[Block] = [
        Para(load_summary(sources), gap=True),
        Heading(2, title),
        Table(READING_CLAIM_COLUMNS, [reading_claim_cells(c) for c in sources.claims]),
    ]
    _write(console, lay_out(blocks, console.width))


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
    from casualty_recon.render.text import report_blocks

    _write(console, lay_out(report_blocks(report, focus), console.width))


def _write(console: Console, lines: list[Line]) -> None:
    """Lines with their styles, in one write of bytes: a terminal's text stream is
    line-buffered, and a flush per line to a pty costs as much as the whole layout."""
    from rich.console import COLOR_SYSTEMS
    from rich.style import Style

    name = console.color_system
    colours = COLOR_SYSTEMS.get(name) if name and not console.no_color else None
    styles = {role: Style.parse(style) for role, style in ROLE_STYLE.items()} if colours else {}
    out: list[str] = []
    for line in lines:
        text = line.text
        if line.role == "rule" and set(text.strip()) <= {"-", "=", " "}:
            text = text.replace("-", "\u2500").replace("=", "\u2550")
        style = styles.get(line.role)
        out.append(style.render(text, color_system=colours) if style else text)
    data = "\n".join(out) + "\n"
    stream = console.file
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(data.encode(getattr(stream, "encoding", None) or "utf-8", "replace"))
        buffer.flush()
    else:
        stream.write(data)
        stream.flush()
