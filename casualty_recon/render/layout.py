"""Text laid out to a width without ever breaking a word or an id.

A report is built once as a list of blocks (headings, paragraphs, tables) and laid out by each
renderer: plain text at 100 columns, the terminal at its own width, Markdown without a width.
Lines are wrapped only at spaces (never inside a word, never at a hyphen: ids such as
`ohchr-2019-05-07` stay whole). A table that fits is a table; one that fits only with its cells
wrapped gets them wrapped at spaces, with a blank line between rows; one that cannot fit even
then becomes a list of "field: value" lines. A single word longer than the width (a URL) is
left whole on its own line: the only lines allowed past the width.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat, zip_longest
from operator import le
from typing import NamedTuple

__all__ = [
    "PLAIN_WIDTH",
    "Block",
    "Heading",
    "Line",
    "Para",
    "Table",
    "lay_out",
    "table_lines",
    "wrap",
]

PLAIN_WIDTH = 100
GAP = 2  # spaces between table columns


class Heading(NamedTuple):
    """A heading: level 1 (the title), 2 (a section) or 3 (a pair)."""

    level: int
    text: str
    style: str = ""


class Para(NamedTuple):
    """A paragraph, wrapped to the width; `indent` before every line, `hang` more after the
    first (a bullet's text lines up after its `- `)."""

    text: str
    indent: int = 0
    hang: int = 0
    style: str = ""
    gap: bool = False  # a blank line after it


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: list[list[str]]
    indent: int = 0
    nowrap: frozenset[int] = frozenset()  # columns whose cells never wrap (numbers)


Block = Heading | Para | Table


class Line(NamedTuple):
    """One laid-out line and what it is (for the terminal's styles)."""

    text: str
    role: str = ""  # "h1", "h2", "h3", "header", "rule", "field" or a Para's style


def wrap(text: str, width: int, indent: int = 0, hang: int = 0) -> list[str]:
    """`text` wrapped at spaces to `width` columns; words longer than a line stay whole.

    Greedy, like `textwrap.wrap` with `break_long_words` and `break_on_hyphens` off, but several
    times faster (a report wraps thousands of cells: each line is one search for a space);
    runs of spaces inside a line are kept."""
    if "\n" in text or "\t" in text or "\r" in text:
        text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    text = text.strip(" ")
    if not text:
        return [""]
    room = max(width - indent, 1)
    if len(text) <= room:
        return [" " * indent + text]
    lines: list[str] = []
    prefix = " " * indent
    position, end = 0, len(text)
    while position < end:
        if end - position <= room:
            cut = end
        else:  # the last space that leaves at most `room` characters, else the whole word
            cut = text.rfind(" ", position, position + room + 1)
            if cut <= position:
                cut = text.find(" ", position + room)
                cut = end if cut == -1 else cut
        lines.append(prefix + text[position:cut].rstrip(" "))
        position = cut
        while position < end and text[position] == " ":
            position += 1
        prefix = " " * (indent + hang)
        room = max(width - indent - hang, 1)
    return lines


def _longest_word(cells: Sequence[str]) -> int:
    """The longest word of any of the cells: one split of the cells joined by a space (no two
    words join), in C, instead of a split per cell."""
    return max(map(len, " ".join(cells).split()), default=0)


def _natural_widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    """Each column's widest cell, the header's included."""
    return [max(map(len, column)) for column in zip(header, *rows, strict=True)]


def _column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    nowrap: frozenset[int],
    natural: list[int],
) -> list[int] | None:
    """Column widths that fit `width` (each at most its `natural` width), or None when even
    wrapped cells cannot fit."""
    columns = range(len(header))
    available = width - GAP * (len(header) - 1)
    if sum(natural) <= available:
        return natural
    cells = list(zip(header, *rows, strict=True))  # column by column, the header first
    least = [natural[i] if i in nowrap else _longest_word(cells[i]) for i in columns]
    if sum(least) > available:
        return None

    # Share the room max-min fairly: raise a common level until the room is used, each column
    # taking up to its natural width, so short columns get their whole content first.
    def at(level: int) -> list[int]:
        return list(map(min, natural, map(max, least, repeat(level))))

    low, high = 0, max(natural)
    while low < high:  # the highest level that fits
        middle = (low + high + 1) // 2
        if sum(at(middle)) <= available:
            low = middle
        else:
            high = middle - 1
    widths = at(low)
    spare = available - sum(widths)
    for i in columns:  # what is left, one column each, from the left
        if spare and widths[i] < natural[i]:
            widths[i] += 1
            spare -= 1
    return widths


def table_lines(table: Table, width: int) -> list[Line]:
    """A table laid out to `width`: aligned columns, wrapped cells, or "field: value" lines."""
    pad = " " * table.indent
    inner = width - table.indent
    natural = _natural_widths(table.header, table.rows)
    widths = _column_widths(table.header, table.rows, inner, table.nowrap, natural)
    if widths is None:
        return _field_lines(table, width)
    # A column's widest cell is its natural width: some cell wraps where that is cut.
    wrapped = any(n > w for n, w in zip(natural, widths, strict=True))
    out = [Line(pad + line, "header") for line in _row_lines(table.header, widths)]
    out.append(Line(pad + "  ".join("-" * w for w in widths), "rule"))
    if not wrapped:  # every row on one line: one format for all (the common case, and fast)
        one_line = (" " * GAP).join(f"{{:<{w}}}" for w in widths)
        out += [Line(pad + one_line.format(*row).rstrip()) for row in table.rows]
        return out
    for number, row in enumerate(table.rows):
        if number:
            out.append(Line(""))
        out += [Line(pad + line) for line in _row_lines(row, widths)]
    return out


def _row_lines(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    gap = " " * GAP
    if all(map(le, map(len, cells), widths)):  # one line, the common case
        return [gap.join(map(str.ljust, cells, widths)).rstrip()]
    parts = [
        [cell] if len(cell) <= w else wrap(cell, w) for cell, w in zip(cells, widths, strict=True)
    ]
    # Line by line: each cell's nth line, or nothing below its last.
    return [
        gap.join(map(str.ljust, line, widths)).rstrip()
        for line in zip_longest(*parts, fillvalue="")
    ]


def _field_lines(table: Table, width: int) -> list[Line]:
    """Each row as its first cell, then "field: value" for each other non-empty cell."""
    out: list[Line] = []
    indent = table.indent
    for number, row in enumerate(table.rows):
        if number:
            out.append(Line(""))
        first = f"{row[0]}." if table.header[0] == "#" else row[0]
        out += [Line(line, "field") for line in wrap(first, width, indent)]
        for name, cell in zip(table.header[1:], row[1:], strict=True):
            if cell:
                out += [Line(line) for line in wrap(f"{name}: {cell}", width, indent + 2, 2)]
    return out


def lay_out(blocks: Sequence[Block], width: int) -> list[Line]:
    """The blocks as lines of at most `width` columns (but for words longer than a line)."""
    out: list[Line] = []
    for block in blocks:
        if isinstance(block, Heading):
            if out and out[-1].text:
                out.append(Line(""))
            lines = wrap(block.text, width)
            out += [Line(line, block.style or f"h{block.level}") for line in lines]
            if block.level == 1:
                out.append(Line("=" * min(width, max(len(line) for line in lines)), "rule"))
            out.append(Line(""))
        elif isinstance(block, Para):
            role = block.style
            out += [Line(line, role) for line in wrap(block.text, width, block.indent, block.hang)]
            if block.gap:
                out.append(Line(""))
        else:
            out += table_lines(block, width)
            out.append(Line(""))
    while out and not out[-1].text:
        out.pop()
    return out
