"""Read a list file (CSV, JSON or Excel) into a table of the fields this tool knows.

Reads are bounded: a file over `LIST_MAX_BYTES` is refused before it is read, as `load` refuses
a sources.yaml over its limit. Every record keeps its `row` (the line of a CSV or Excel file,
the header being line 1; the position of the record in a JSON array, from 1), so findings and
errors point at it. Values are kept as text here; `prepare` parses them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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
    import pandas as pd

    path = Path(spec.path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise _problem(spec, LIST_UNREADABLE, reason=err.strerror or err) from None
    if size > LIST_MAX_BYTES:
        raise _problem(spec, LIST_TOO_LARGE, size=size, limit=LIST_MAX_BYTES)
    if spec.format == "json":
        frame, first_row = _read_json(spec, path.read_bytes()), 1
    elif spec.format == "excel":
        frame, first_row = _read_excel(spec, path), 2
    else:
        frame, first_row = _read_csv(spec, path.read_bytes()), 2
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


def _text(column: pd.Series) -> pd.Series:
    """A column as stripped text, empty where missing."""
    values = column.astype("string").fillna("").str.strip()
    return values.astype(object)


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
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
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
    try:
        return pd.read_csv(
            io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, engine="c"
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise _problem(spec, LIST_NOT_CSV, reason=err) from None


def _read_excel(spec: ListSpec, path: Path) -> pd.DataFrame:
    import pandas as pd

    try:
        sheet: str | int = spec.sheet if spec.sheet is not None else 0
        return pd.read_excel(path, sheet_name=sheet, dtype=str, keep_default_na=False)
    except (ValueError, KeyError, OSError) as err:
        raise _problem(spec, LIST_NOT_EXCEL, reason=err) from None
