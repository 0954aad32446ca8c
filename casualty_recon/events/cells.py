"""Where a cell of an event file stands, for an error message: one scan of the file, on an error
path only (the tables are read by pyarrow, which keeps no line numbers).

A row may span lines (a quoted cell with a line break), so a row's first line and a cell's own
line can differ; both are given.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import NamedTuple

from casualty_recon.events.detect import Header
from casualty_recon.events.source import open_events
from casualty_recon.model.errors import InputError

__all__ = ["Cell", "first_cell"]


class Cell(NamedTuple):
    row_line: int  # the first line of the cell's row
    line: int  # the line the cell starts on
    column: int  # 1-based, in characters
    text: str  # stripped


def first_cell(header: Header, column: str, test: Callable[[str], bool]) -> Cell | None:
    """The first data cell of `column` (a header name) for which `test` holds; None when there
    is none, or the file cannot be read again."""
    try:
        index = header.names.index(column)
        for line, text, row in _records(header):
            if len(row) > index and test(row[index]):
                offset, at = _cell_start(text, index, header.delimiter)
                return Cell(line, line + offset, at, row[index].strip())
    except (OSError, ValueError, csv.Error, InputError):
        pass
    return None


def _records(header: Header) -> Iterator[tuple[int, str, list[str]]]:
    """Each data row of the file: its first line, its text as written, its cells (a scan)."""
    stream = open_events(header.data, header.path, header.limit)
    with io.TextIOWrapper(stream, header.encoding, errors="replace", newline="") as file:
        consumed: list[str] = []

        def lines() -> Iterator[str]:
            for line in file:
                consumed.append(line)
                yield line

        reader = csv.reader(lines(), delimiter=header.delimiter)
        line = 1
        for row in reader:
            text = "".join(consumed)
            consumed.clear()
            if reader.line_num > header.rows_before_data:
                yield line, text, row
            line = reader.line_num + 1


def _cell_start(text: str, index: int, delimiter: str) -> tuple[int, int]:
    """The line (0-based, within the row) and column (1-based) where cell `index` starts."""
    line, column, cell, quoted = 0, 1, 0, False
    for char in text:
        if cell == index:
            return line, column
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cell += 1
        if char == "\n":
            line, column = line + 1, 1
        else:
            column += 1
    return line, column
