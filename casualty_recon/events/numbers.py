"""Figures of an event file as text: the decimal mark, whole counts, and where a bad one is.

A file separated by semicolons was written by a European Excel (or for one), which writes
numbers with a decimal comma: `1,5` is one and a half and `1.234` is one thousand two hundred and
thirty-four. So are files whose figures show that convention outright (`1.234,5`). In such a file
a comma between digits is the decimal mark and a dot (or a space) groups thousands; elsewhere a
comma groups thousands (`1,234`) and a dot is the decimal mark. A figure that reads neither way
is left to the caller to count as unreadable. Counts of people are whole numbers: a figure with a
fraction is an error located at its cell (`not_whole_at`), never rounded.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd

from casualty_recon.events.detect import Header
from casualty_recon.events.layout import BoolArray, FloatArray
from casualty_recon.events.source import open_events
from casualty_recon.model.errors import InputError

# A number written with a decimal comma and dots grouping thousands: 1.234,5 (or 12.345.678,9).
EUROPEAN = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+,\d+")
_GROUPED_DOTS = re.compile(r"[-+]?(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)(?:,\d+)?")
_SPACES = str.maketrans("", "", "\u00a0\u202f ")

SEMICOLONS_NOTE = (
    "The file is separated by semicolons, as a European Excel writes it, so its figures are read "
    "with a decimal comma: a comma between digits is the decimal mark and a dot groups thousands "
    '("1,5" is 1.5, "1.234" is 1234).'
)
SHOWN_NOTE = (
    "The file writes figures with a decimal comma ({example}), so they are read so: a comma "
    'between digits is the decimal mark and a dot groups thousands ("1,5" is 1.5, "1.234" is '
    "1234)."
)


def shows_decimal_comma(values: list[str]) -> str | None:
    """The first value written with a decimal comma and grouped thousands (`1.234,5`), if any."""
    for value in values:
        if EUROPEAN.fullmatch(value.strip()):
            return value.strip()
    return None


def parse(values: list[str], decimal_comma: bool) -> FloatArray:
    """Each text as a number (NaN where it reads as none) by the file's decimal mark."""
    series = pd.Series(values, dtype=object)
    if decimal_comma:
        stripped = series.str.strip()
        grouped = stripped.str.fullmatch(_GROUPED_DOTS.pattern).fillna(False).astype(bool)
        cleaned = stripped.str.translate(_SPACES).str.replace(".", "", regex=False)
        text = cleaned.str.replace(",", ".", regex=False).where(grouped, "")
        # Written without a decimal mark or grouping (`1e3`, `12`): as it is.
        plain = ~grouped & ~stripped.str.contains(r"[.,]", regex=True).fillna(False).astype(bool)
        text = text.where(~plain, stripped)
    else:
        text = series.str.replace(",", "", regex=False)
    parsed: FloatArray = pd.to_numeric(text, errors="coerce").to_numpy(dtype=np.float64)
    return parsed


def fractional(values: FloatArray) -> BoolArray:
    """The finite values that are not whole numbers."""
    with np.errstate(invalid="ignore"):
        found: BoolArray = np.isfinite(values) & (values != np.floor(values))
    return found


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


def not_whole_at(header: Header, column: str, bad: Callable[[str], bool]) -> tuple[int, int, str]:
    """The line, column and text of the first cell of `column` for which `bad` holds (an error
    path: the file is scanned once); (1, 1, "") when none is found."""
    try:
        index = header.names.index(column)
        for line, text, row in _records(header):
            if len(row) > index and bad(row[index]):
                offset, at = _cell_start(text, index, header.delimiter)
                return line + offset, at, row[index].strip()
    except (OSError, ValueError, csv.Error, InputError):
        pass
    return 1, 1, ""
