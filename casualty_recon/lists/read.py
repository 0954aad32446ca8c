"""Read a list file (CSV, JSON or Excel) into a table of the fields this tool knows.

Reads are bounded: a file over `LIST_MAX_BYTES` is refused before it is read, as `load` refuses
a sources.yaml over its limit. Every record keeps its `row` (the line of a CSV or Excel file,
the header being line 1; the position of the record in a JSON array, from 1), so findings and
errors point at it. Values are kept as text here; `prepare` parses them.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casualty_recon.model.claims import Location
from casualty_recon.model.errors import InputError, Problem, Template
from casualty_recon.model.file_errors import (
    LIST_NO_COLUMN,
    LIST_NOT_CSV,
    LIST_NOT_EXCEL,
    LIST_NOT_JSON,
    LIST_NOT_RECORDS,
    LIST_NOT_UTF8,
    LIST_NOT_UTF8_HINTED,
    LIST_QUOTE_OPEN,
    LIST_RECORD_NOT_OBJECT,
    LIST_ROW_TOO_LONG,
    LIST_TOO_LARGE,
    LIST_UNREADABLE,
)
from casualty_recon.model.lists import LIST_FIELDS, ListSpec

if TYPE_CHECKING:
    import pandas as pd

LIST_MAX_BYTES = 1024 * 1024 * 1024  # 1 GiB: several million records


@dataclass(frozen=True)
class ListTable:
    """A list's records: `frame` has `row`, one text column per mapped field, and the free ones."""

    spec: ListSpec
    frame: pd.DataFrame
    header: tuple[str, ...]  # the file's columns in order, for column numbers

    def column_number(self, field: str) -> int:
        """1-based position in the file of the column mapped to `field` (or a free column)."""
        name = self.spec.columns.get(field, field)
        return self.header.index(name) + 1 if name in self.header else 1

    def where(self, row: int, field: str) -> Location:
        return Location(self.spec.path, int(row), self.column_number(field))

    def __len__(self) -> int:
        return len(self.frame)


def _problem(spec: ListSpec, template: Template, **values: object) -> InputError:
    return InputError([Problem.of(template, Location(spec.path, 1, 1), key=spec.key, **values)])


def read_list(spec: ListSpec) -> ListTable:
    """Read the file `spec` names; raise `InputError` (located) when it cannot be read."""
    import os
    import stat

    import pandas as pd

    from casualty_recon.load.reading import read_input

    path = Path(spec.path)
    try:
        info = path.stat()
    except OSError as err:
        raise _problem(spec, LIST_UNREADABLE, reason=err.strerror or err) from None
    if stat.S_ISREG(info.st_mode) and info.st_size > LIST_MAX_BYTES:
        raise _problem(spec, LIST_TOO_LARGE, size=info.st_size, limit=LIST_MAX_BYTES)
    # Read while bounded, as every input is: a device or a directory is refused, a FIFO is
    # read to the limit (or reported when nothing writes to it), never read without end.
    data = read_input(os.fspath(path), limit=LIST_MAX_BYTES)
    if spec.format == "json":
        frame, first_row = _read_json(spec, data), 1
    elif spec.format == "excel":
        frame, first_row = _read_excel(spec, data), 2
    else:
        frame, first_row = _read_csv(spec, data), 2
    header = tuple(str(column) for column in frame.columns)
    missing = [
        (field, column) for field, column in spec.columns.items() if column not in frame.columns
    ]
    missing += [(column, column) for column in spec.free if column not in frame.columns]
    if missing:
        raise InputError(
            [
                Problem.of(
                    LIST_NO_COLUMN,
                    Location(spec.path, 1, 1),
                    key=spec.key,
                    column=column,
                    field=field,
                    columns=", ".join(header[:30]),
                )
                for field, column in missing
            ]
        )
    out = pd.DataFrame({"row": range(first_row, first_row + len(frame))})
    for field in LIST_FIELDS:
        if field in spec.columns:
            out[field] = _text(frame[spec.columns[field]])
    for column in spec.free:
        if column not in out.columns:
            out[column] = _text(frame[column])
    return ListTable(spec, out, header)


def text_dtype() -> Any:
    """Text as Arrow strings, NaN where missing (pandas' own `str` since 3.0): about a third of
    the memory of Python string objects on a million records, and compared like them (plain
    booleans, NaN unequal). Python objects where pandas is older than 2.3."""
    import numpy as np
    import pandas as pd

    try:
        return pd.StringDtype("pyarrow", na_value=np.nan)
    except (TypeError, ImportError):  # pandas < 2.3 or no pyarrow
        return object


def _text(column: pd.Series) -> pd.Series:
    """A column as stripped text, empty where missing."""
    values = column.astype("string").fillna("").str.strip()
    return values.astype(text_dtype())


def _read_json(spec: ListSpec, data: bytes) -> pd.DataFrame:
    import pandas as pd

    try:
        records = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise _problem(spec, LIST_NOT_UTF8, reason=err.reason) from None
    except json.JSONDecodeError as err:
        raise InputError(
            [
                Problem.of(
                    LIST_NOT_JSON,
                    Location(spec.path, err.lineno, err.colno),
                    key=spec.key,
                    reason=err.msg,
                )
            ]
        ) from None
    if isinstance(records, dict):  # {"records": [...]} or similar: the one list inside
        inner = [value for value in records.values() if isinstance(value, list)]
        records = inner[0] if len(inner) == 1 else records
    if isinstance(records, list):
        wrong = next((n for n, r in enumerate(records, start=1) if not isinstance(r, dict)), None)
        if wrong is not None:
            raise InputError(
                [
                    Problem.of(
                        LIST_RECORD_NOT_OBJECT,
                        Location(spec.path, wrong, 1),
                        key=spec.key,
                        number=wrong,
                        kind=type(records[wrong - 1]).__name__,
                    )
                ]
            )
    if not isinstance(records, list):
        raise _problem(spec, LIST_NOT_RECORDS)
    return pd.DataFrame.from_records(records)


def _read_csv(spec: ListSpec, data: bytes) -> pd.DataFrame:
    import io

    import pandas as pd

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _problem(spec, LIST_NOT_UTF8_HINTED, reason=err.reason) from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))
    _check_first_row(spec, text, delimiter)
    try:
        with warnings.catch_warnings():  # empty trailing cells (spreadsheets write them)
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            return pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                dtype=str,
                keep_default_na=False,
                engine="c",
                index_col=False,  # a first row longer than the header is an error, not an index
            )
    except pd.errors.EmptyDataError as err:
        raise _problem(spec, LIST_NOT_CSV, reason=err) from None
    except pd.errors.ParserError as err:
        raise InputError([_csv_problem(spec, text, delimiter, str(err))]) from None


def _check_first_row(spec: ListSpec, text: str, delimiter: str) -> None:
    """pandas reads a first row longer than the header as an index column and later rows
    silently short of it: refuse a non-empty cell under no column in the first row (later rows
    get the parser's own error, located below)."""
    import csv
    import io
    import itertools

    head = list(itertools.islice(csv.reader(io.StringIO(text), delimiter=delimiter), 2))
    if len(head) < 2 or len(head[1]) <= len(head[0]):
        return
    extra = head[1][len(head[0]) :]
    if any(cell.strip() for cell in extra):
        raise InputError(
            [
                _csv_problem(
                    spec,
                    text,
                    delimiter,
                    f"Expected {len(head[0])} fields in line 2, saw {len(head[1])}",
                )
            ]
        )


def _csv_problem(spec: ListSpec, text: str, delimiter: str, error: str) -> Problem:
    """The parser's complaint located at its line and cell: a row with more cells than the
    header (at the first extra cell), or a quote left open (at the cell it opens)."""
    import re

    extra = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", error)
    if extra:
        fields, line, saw = (int(group) for group in extra.groups())
        return Problem.of(
            LIST_ROW_TOO_LONG,
            Location(spec.path, line, fields + 1),
            key=spec.key,
            saw=saw,
            fields=fields,
            delimiter=delimiter,
        )
    quote = re.search(r"EOF inside string starting at row (\d+)", error)
    if quote:
        line = int(quote.group(1)) + 1
        written = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
        column = written[: max(written.find('"'), 0)].count(delimiter) + 1
        return Problem.of(LIST_QUOTE_OPEN, Location(spec.path, line, column), key=spec.key)
    return Problem.of(LIST_NOT_CSV, Location(spec.path, 1, 1), key=spec.key, reason=error)


def _read_excel(spec: ListSpec, data: bytes) -> pd.DataFrame:
    import io

    import pandas as pd

    try:
        sheet: str | int = spec.sheet if spec.sheet is not None else 0
        return pd.read_excel(io.BytesIO(data), sheet_name=sheet, dtype=str, keep_default_na=False)
    except (ValueError, KeyError, OSError) as err:
        raise _problem(spec, LIST_NOT_EXCEL, reason=err) from None
