"""Cells of a claims CSV as a spreadsheet saves them: the delimiter sniffed, records split
with the row and column of every cell, HXL rows, neutralised formulas undone, and the day/month
order of numeric dates read from the file itself."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ALIASES = {"figure": "figure_text"}
_DATE_FIELDS = ("start", "as_of", "published")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    line: int
    column: int

    @property
    def at(self) -> tuple[int, int]:
        return (self.line, self.column)


# --- reading the CSV ---------------------------------------------------------------------------


def _sniff(text: str) -> str:
    header = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _records(text: str, delimiter: str) -> list[list[_Cell]]:
    """RFC 4180 records with the line and column where each cell starts (1-based).

    Lenient like a spreadsheet: a quote inside an unquoted cell is kept as text, and text after
    a closing quote is appended to the cell.
    """
    records: list[list[_Cell]] = []
    record: list[_Cell] = []
    value: list[str] = []
    line, column = 1, 1
    cell_at = (1, 1)
    quoted = False
    at_cell_start = True
    i, size = 0, len(text)

    def end_cell() -> None:
        record.append(_Cell("".join(value), *cell_at))
        value.clear()

    while i < size:
        char = text[i]
        if quoted:
            if char == '"':
                if i + 1 < size and text[i + 1] == '"':
                    value.append('"')
                    i += 2
                    column += 2
                    continue
                quoted = False
            else:
                value.append(char)
                if char == "\n" or (char == "\r" and text[i + 1 : i + 2] != "\n"):
                    line, column = line + 1, 0
            i += 1
            column += 1
            continue
        if char == '"' and at_cell_start:
            quoted = True
            at_cell_start = False
        elif char == delimiter:
            end_cell()
            cell_at = (line, column + 1)
            at_cell_start = True
        elif char in "\r\n":
            end_cell()
            records.append(record)
            record = []
            if char == "\r" and text[i + 1 : i + 2] == "\n":
                i += 1
            line, column = line + 1, 0
            cell_at = (line, 1)
            at_cell_start = True
        else:
            value.append(char)
            at_cell_start = False
        i += 1
        column += 1
    if value or record or not at_cell_start:
        end_cell()
        records.append(record)
    return records


def _normalise_name(name: str) -> str:
    key = "_".join(name.strip().lower().split())
    return _ALIASES.get(key, key)


def _is_hxl_row(record: list[_Cell]) -> bool:
    cells = [cell.text.strip() for cell in record if cell.text.strip()]
    return bool(cells) and all(cell.startswith("#") for cell in cells)


def _unneutralise(text: str) -> str:
    return text[1:] if _NEUTRALISED.match(text) else text


# --- spreadsheet dates -------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_YEAR_FIRST_DATE = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DATE_COLUMNS = tuple(
    name for field in _DATE_FIELDS for name in (field, f"{field}_earliest", f"{field}_latest")
)


def _date_order(rows: list[dict[str, _Cell]]) -> str | None:
    """`dmy` or `mdy` when some rewritten date shows the order, else None."""
    day_first = month_first = False
    for row in rows:
        for name in _DATE_COLUMNS:
            cell = row.get(name)
            match = _NUMERIC_DATE.fullmatch(cell.text.strip()) if cell else None
            if match:
                first, second = int(match.group(1)), int(match.group(2))
                day_first |= first > 12
                month_first |= second > 12
    if day_first == month_first:
        return None
    return "dmy" if day_first else "mdy"


def _iso_date(text: str, order: str | None) -> str | None:
    """A date a spreadsheet rewrote, as ISO; None when it is not one or the order is unknown."""
    if match := _YEAR_FIRST_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif (match := _NUMERIC_DATE.fullmatch(text)) and order:
        first, second, year = (int(part) for part in match.groups())
        day, month = (first, second) if order == "dmy" else (second, first)
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
