"""The claims side by side as plain text: what `validate` prints when piped, and the first
table of every report. Kept apart from the report renderers so `validate` does not load the
explanation engine.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from casualty_recon.grammar.patterns import on_first_use
from casualty_recon.grammar.wording import (
    fmt_brief_span,
    iso_day_text,
    party_words,
    people_by,
    plural,
    printable,
)
from casualty_recon.model.claims import Claim, DayRange, Sources
from casualty_recon.model.spans import INF, Span

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
# The claims as a reading table (plain text, terminal, HTML): fewer, wider columns.
READING_CLAIM_COLUMNS = ("id", "source", "figure", "counts", "area", "window", "basis")


# Untrusted text as the renderers print it: `grammar.wording.printable`.
clean = printable


def ltr_lines(text: str) -> str:
    """Text for a chart, each line led by a left-to-right mark when it holds right-to-left
    letters: a line that begins with an Arabic or Hebrew name is then laid out left to right,
    like every label around it (the name itself still reads right to left). Without the mark a
    wrapped name came out with its parts in the wrong order."""
    if not any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return text
    return "\n".join("\u200e" + line for line in text.split("\n"))


def day_cell(days: DayRange | None) -> str:
    """A day (or range, as written, with its ISO bounds) for a table cell or a flag line."""
    return clean(iso_day_text(days))


def window_cell(claim: Claim, separator: str = " to ") -> str:
    """The claim's window as written: `late April to 20 August` (`?` for an unknown start)."""
    start = "?" if claim.start is None else claim.start.text
    return clean(f"{start}{separator}{claim.as_of.text}")


def claim_cells(claim: Claim) -> list[str]:
    """One cell per `CLAIM_COLUMNS` entry, untrusted text cleaned."""
    return [
        clean(claim.id),
        clean(claim.source),
        clean(claim.figure.text),
        fmt_brief_span(_literal(claim)),
        claim.population,
        claim.outcome,
        clean(claim.perpetrators.label()),
        clean(claim.area.label()),
        window_cell(claim),
        day_cell(claim.as_of),
        day_cell(claim.published),
        claim.basis,
        clean(claim.relayed_by or ""),
    ]


def reading_claim_cells(claim: Claim) -> list[str]:
    """One cell per `READING_CLAIM_COLUMNS` entry."""
    cells = claim_cells(claim)
    via = f" via {cells[12]}" if cells[12] else ""
    return [
        cells[0],
        cells[1] + via,
        f"{cells[2]} [{cells[3]}]",
        people_by(cells[4], (claim.outcome,), clean(party_words(claim.perpetrators))),
        cells[7],
        cells[8] if cells[10] == cells[9] else f"{cells[8]} (published {cells[10]})",
        cells[11],
    ]


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(header)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return lines


# What GitHub's Markdown would read as markup in text from the file: emphasis (`*`, `_` at a
# word's edge), code, HTML and autolinks, strikethrough, math, table cells, escapes; a `]` that
# would close a link (`](`, `][`) and a `[` that would open a task box; `&` only where it begins
# an entity (`&amp;`). A `_` inside a word (`as_of`) and a bracket that can close no link
# (`[731 or more]`) are left as they are.
_MARKDOWN_SPECIAL = on_first_use(r"[\\`*<~$|]|(?<![^\W_])_|_(?![^\W_])|\](?=[(\[])|^\[|&(?=#?\w+;)")


def markdown_text(text: str) -> str:
    """Untrusted text as Markdown that shows it as written (names, quotes, sentences)."""
    return _MARKDOWN_SPECIAL().sub(lambda m: "\\" + m.group(0), text)


def markdown_cell(text: str) -> str:
    return markdown_text(text).replace("\n", " ")


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return lines


def load_summary(sources: Sources) -> str:
    """`validate`'s first line: what was loaded, and that it is valid."""
    return (
        f"{sources.path}: {plural(len(sources.claims), 'claim')} from "
        f"{plural(len(sources.sources), 'source')}, {plural(len(sources.areas), 'area')}, "
        f"{plural(len(sources.parties), 'party group')}, "
        f"{plural(len(sources.assumptions), 'assumption')}: valid"
    )


def claims_plain(sources: Sources) -> str:
    rows = [claim_cells(c) for c in sources.claims]
    return "\n".join(plain_table(CLAIM_COLUMNS, rows)) + "\n"


def _literal(claim: Claim) -> Span:
    high = claim.figure.high
    return Span(claim.figure.low, INF if high is None else high)


def claims_markdown(sources: Sources) -> str:
    rows = [claim_cells(c) for c in sources.claims]
    return "\n".join(markdown_table(CLAIM_COLUMNS, rows)) + "\n"
