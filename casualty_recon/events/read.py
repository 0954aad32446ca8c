"""Read the columns a layout needs from an event CSV, in pyarrow, and convert them.

Only the needed columns are converted (`include_columns`), in parallel, never row by row in
Python. The first attempt reads dates as `date32` and figures as `float64`, which is fast; when a
value does not convert (a date like `21/04/2019`, a figure like `n/a`), the file is read again
with those columns as dictionary-encoded text, and each *distinct* value is parsed once. Either
way the result is the same `Raw`.

Values may hold quoted line breaks (GED's source texts do). pyarrow reads such files correctly only
with `newlines_in_values`, which makes it find block ends by lexing every byte in one thread, the
slowest part of reading a large file. A large UTF-8 file is therefore first read through
`RowAligned`, which hands pyarrow blocks that each end on a line break outside quotes (found by
counting quote characters in numpy), so the fast block splitter, which cuts at a block's last line
break, always cuts between rows. If that read meets anything unexpected (a row of the wrong width,
a parse error, a block with no line break outside quotes), the file is read again the careful way,
so the result never depends on the shortcut.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from casualty_recon.events import numbers
from casualty_recon.events.cells import first_cell
from casualty_recon.events.dates import DATE_FORMATS
from casualty_recon.events.detect import (
    WINDOWS_1252,
    Header,
    event_file_error,
    first_invalid_utf8,
)
from casualty_recon.events.layout import MISSING_DAY, BoolArray, FloatArray, IntArray, Layout, Text
from casualty_recon.events.source import EVENTS_MAX_BYTES, open_events
from casualty_recon.grammar.wording import human_day
from casualty_recon.model.claims import Location
from casualty_recon.model.errors import InputError, Problem, Template
from casualty_recon.model.file_errors import (
    EVENTS_DATE_AMBIGUOUS,
    EVENTS_DATE_ORDERS_MIXED,
    EVENTS_FIGURE_NOT_WHOLE,
    EVENTS_FIGURE_NOT_WHOLE_COMMA,
    EVENTS_MIXED_ENCODING,
    EVENTS_NOT_CSV,
)

_DICT = pa.dictionary(pa.int32(), pa.string())
_QUOTE = ord('"')
# Below this size the careful reader is as fast as it matters; above it, blocks are row-aligned.
ALIGNED_MIN_BYTES = 8 << 20
BLOCK_BYTES = 1 << 20
_EPOCH = dt.date(1970, 1, 1)
WRONG_WIDTH = "row with the wrong number of columns"
# Numeric dates with the day and month in either order: see events.dates (DATE_FORMATS).
# The year may have two digits (Python's rule: 00-68 are 2000-2068, 69-99 are 1969-1999); the
# day or month does not start inside a longer number (a bad ISO date is not read as one).
_NUMERIC_DATE = r"\s*(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)\s*"
TWO_DIGIT_YEARS = (
    "{count} date(s) in {column} are written with two-digit years (e.g. {example}): 00-68 are "
    "read as 2000-2068, 69-99 as 1969-1999."
)
# No event has more deaths than this; larger values (and inf) are unreadable figures.
MAX_EVENT_FIGURE = 1e9


@dataclass
class Raw:
    """The columns read for one layout, by role, with converters to numpy."""

    layout: Layout
    header: Header
    table: pa.Table
    roles: dict[str, str]
    bad_values: Counter[str] = field(default_factory=Counter)
    bad_rows: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    # "dmy" or "mdy" when declared (--date-format); else taken from the file, once.
    date_order: str | None = None
    # What the reading assumed, for the file's notes (two-digit years).
    notes: list[str] = field(default_factory=list)
    _order_known: bool = False
    _decimal_comma: bool | None = None

    @property
    def rows(self) -> int:
        return int(self.table.num_rows)

    @property
    def hxl(self) -> bool:
        return self.header.hxl

    def has(self, role: str) -> bool:
        return role in self.roles

    def column_name(self, role: str) -> str:
        return self.roles[role]

    def _chunked(self, role: str) -> pa.ChunkedArray:
        return self.table.column(self.roles[role])

    def text(self, role: str) -> Text:
        """Distinct values (stripped; empty ones become -1) and a code per row."""
        column = self._chunked(role)
        if not pa.types.is_dictionary(column.type):
            column = pc.cast(column, pa.string()) if not pa.types.is_string(column.type) else column
            column = pc.dictionary_encode(column)
        array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if not isinstance(array, pa.DictionaryArray):  # pragma: no cover - defensive
            array = pc.dictionary_encode(array)
        raw_values = [
            ("" if value is None else str(value)).strip() for value in array.dictionary.to_pylist()
        ]
        if self.header.encoding == "latin-1":
            raw_values = [value.translate(WINDOWS_1252) for value in raw_values]
        # Several raw spellings may strip to the same value: merge them.
        values: list[str] = []
        position: dict[str, int] = {}
        remap = np.empty(len(raw_values) + 1, dtype=np.int32)
        for index, value in enumerate(raw_values):
            if not value:
                remap[index] = -1
                continue
            if value not in position:
                position[value] = len(values)
                values.append(value)
            remap[index] = position[value]
        remap[-1] = -1
        indices = array.indices.fill_null(-1) if array.indices.null_count else array.indices
        codes = remap[np.asarray(indices.to_numpy(zero_copy_only=False), dtype=np.int64)]
        return Text(codes.astype(np.int32, copy=False), values)

    def labels(self, role: str) -> pa.ChunkedArray:
        """An identifier column as it was read (text), for naming rows in messages."""
        return self._chunked(role)

    def numbers(self, role: str) -> FloatArray:
        """Figures as float64, NaN where empty; unreadable or negative values become NaN and
        are counted under 'unreadable figure in COLUMN'."""
        column = self._chunked(role)
        comma = self.decimal_comma()  # decided (and noted) once, whichever way it was read
        if pa.types.is_floating(column.type) or pa.types.is_integer(column.type):
            # One contiguous array first: ChunkedArray.to_numpy is much slower per chunk.
            single = column.combine_chunks()
            values = np.asarray(single.to_numpy(zero_copy_only=False), dtype=np.float64)
        else:
            text = self.text(role)
            parsed = numbers.parse(text.values, comma)
            lookup = np.append(parsed, np.nan)
            values = lookup[text.codes]
            unreadable = np.isnan(parsed)
            if unreadable.any():
                counts = np.bincount(text.codes[text.codes >= 0], minlength=len(text.values))
                count = int(counts[unreadable].sum())
                reason = f"unreadable figure in {self.roles[role]}"
                self.bad_values[reason] += count
                shown = [repr(text.values[i]) for i in np.flatnonzero(unreadable)[:3]]
                self.examples.setdefault(reason, shown)
        if numbers.fractional(values).any():
            raise self._not_whole(role)
        huge = np.isinf(values) | (values > MAX_EVENT_FIGURE)
        if huge.any():
            values = values.copy()
            reason = f"figure out of range in {self.roles[role]} (over {MAX_EVENT_FIGURE:,.0f})"
            self.bad_values[reason] += int(huge.sum())
            self.examples.setdefault(reason, [f"{v:g}" for v in values[huge][:3]])
            values[huge] = np.nan
        negative = values < 0
        if negative.any():
            values = values.copy()
            values[negative] = np.nan
            self.bad_values[f"negative figure in {self.roles[role]}"] += int(negative.sum())
        return values

    def decimal_comma(self) -> bool:
        """Whether the file writes figures with a decimal comma: separated by semicolons, or a
        figure like 1.234,5 in its figure columns (decided once, noted in the file's notes)."""
        if self._decimal_comma is None:
            self._decimal_comma = self.header.delimiter == ";"
            if self._decimal_comma:
                self.notes.append(numbers.SEMICOLONS_NOTE)
            for column in self.layout.columns:
                if self._decimal_comma or column.type != "number" or column.role not in self.roles:
                    continue
                if pa.types.is_dictionary(self._chunked(column.role).type):
                    shown = numbers.shows_decimal_comma(self.text(column.role).values)
                    if shown is not None:
                        self._decimal_comma = True
                        self.notes.append(numbers.SHOWN_NOTE.format(example=f'"{shown}"'))
        return self._decimal_comma

    def _not_whole(self, role: str) -> InputError:
        """The error for the first figure of `role` with a fraction, located at its cell."""
        comma = self.decimal_comma()

        def bad(cell: str) -> bool:
            return bool(numbers.fractional(numbers.parse([cell], comma)).any())

        found = first_cell(self.header, self.roles[role], bad)
        line, column, text = (found.line, found.column, found.text) if found else (1, 1, "")
        value = float(numbers.parse([text], comma)[0]) if text else float("nan")
        template = EVENTS_FIGURE_NOT_WHOLE_COMMA if comma else EVENTS_FIGURE_NOT_WHOLE
        where = Location(self.header.path, line, column)
        return InputError(
            [Problem.of(template, where, column=self.roles[role], text=text, value=value)]
        )

    def days(self, role: str) -> tuple[IntArray, BoolArray]:
        """Days since 1970-01-01 (MISSING_DAY where empty or unreadable) and a mask of the
        rows whose non-empty text is not a date."""
        column = self._chunked(role)
        if pa.types.is_date32(column.type):
            days = column.combine_chunks().cast(pa.int32()).fill_null(MISSING_DAY)
            as_days = np.asarray(days.to_numpy(zero_copy_only=False), dtype=np.int32)
            return as_days, np.zeros(len(as_days), dtype=np.bool_)
        if pa.types.is_timestamp(column.type):
            cast = pc.cast(pc.cast(column, pa.date32()), pa.int32()).fill_null(MISSING_DAY)
            return np.asarray(cast.to_numpy(), dtype=np.int32), np.zeros(len(cast), np.bool_)
        text = self.text(role)
        parsed = parse_days(text.values, self.layout.date_formats, self.day_order())
        lookup = np.append(parsed, MISSING_DAY).astype(np.int32)
        days = lookup[text.codes]
        self._note_two_digit_years(role, text, parsed)
        bad_values = parsed == MISSING_DAY
        bad = bad_values[text.codes] & (text.codes >= 0) if bad_values.any() else None
        if bad is None:
            return days, np.zeros(len(days), dtype=np.bool_)
        return days, bad

    def _note_two_digit_years(self, role: str, text: Text, parsed: IntArray) -> None:
        """Note how many rows' dates were read with a two-digit year, and the rule used."""
        short = [
            index
            for index, value in enumerate(text.values)
            if parsed[index] != MISSING_DAY
            and (match := re.fullmatch(_NUMERIC_DATE, value)) is not None
            and len(match[3]) == 2
        ]
        if not short:
            return
        count = int(np.isin(text.codes, short).sum())
        example = text.values[short[0]].strip()
        note = TWO_DIGIT_YEARS.format(count=count, column=self.roles[role], example=example)
        if note not in self.notes:
            self.notes.append(note)

    def day_order(self) -> str | None:
        """The order of numeric dates: declared, else the one the file shows (a day over 12).

        Raises a located `bad-date` error when the file has a date like 05/07/2019 and shows no
        order, or shows both orders, and none was declared."""
        if self.date_order is not None or self._order_known:
            return self.date_order
        found: dict[str, tuple[str, str]] = {}
        for column in self.layout.columns:
            if column.type != "date" or column.role not in self.roles:
                continue
            if pa.types.is_date32(self._chunked(column.role).type):
                continue
            for value in self.text(column.role).values:
                match = re.fullmatch(_NUMERIC_DATE, value)
                if match is None:
                    continue
                first, second = int(match[1]), int(match[2])
                kind = (
                    "dmy"
                    if first > 12 >= second
                    else "mdy"
                    if second > 12 >= first
                    else "ambiguous"
                    if first != second and max(first, second) <= 12
                    else None
                )
                if kind is not None:
                    found.setdefault(kind, (value, self.roles[column.role]))
        if "dmy" in found and "mdy" in found:
            value, name = found["mdy"]
            raise self._date_error(
                EVENTS_DATE_ORDERS_MIXED,
                (name, value),
                day_first=found["dmy"][0],
                month_first=value,
            )
        order = "dmy" if "dmy" in found else "mdy" if "mdy" in found else None
        if order is None and "ambiguous" in found:
            value, name = found["ambiguous"]
            match = re.fullmatch(_NUMERIC_DATE, value)
            assert match is not None
            first, second, year = int(match[1]), int(match[2]), _full_year(match[3])
            raise self._date_error(
                EVENTS_DATE_AMBIGUOUS,
                (name, value),
                text=value,
                column=name,
                day_first=human_day(dt.date(int(year), second, first)),
                month_first=human_day(dt.date(int(year), first, second)),
            )
        self.date_order, self._order_known = order, True
        return order

    def _date_error(
        self, template: Template, where: tuple[str, str], **values: object
    ) -> InputError:
        """The error for a date (`where`: its column and text), located at its first row."""
        column, value = where
        found = first_cell(self.header, column, lambda cell: cell.strip() == value)
        line = found.row_line if found else 1
        return InputError([Problem.of(template, Location(self.header.path, line, 1), **values)])


def _full_year(text: str) -> int:
    """A year as written, two digits by Python's rule (00-68: 2000s, 69-99: 1900s)."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= 68 else 1900
    return year


def parse_days(values: list[str], formats: tuple[str, ...], order: str | None = None) -> IntArray:
    """Each distinct date text as days since 1970-01-01, MISSING_DAY if no format fits.
    ISO 8601 first (with or without a time), then numeric day/month dates in `order` ("dmy",
    "mdy"; with none they stay unread), then `formats` in order on the rest."""
    series = pd.Series(values, dtype=object)
    result = pd.to_datetime(series.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    parts = series.str.extract(_NUMERIC_DATE)
    numeric = parts[0].notna() & result.isna()
    if order is not None and numeric.any():
        day, month = (parts[0], parts[1]) if order == "dmy" else (parts[1], parts[0])
        year = parts[2].where(parts[2].str.len() != 2, _two_digit_centuries(parts[2]))
        iso = year + "-" + month.str.zfill(2) + "-" + day.str.zfill(2)
        result[numeric] = pd.to_datetime(iso[numeric], format="%Y-%m-%d", errors="coerce")
    for fmt in formats:
        todo = result.isna() & ~numeric
        if not todo.any():
            break
        result[todo] = pd.to_datetime(series[todo], format=fmt, errors="coerce")
    out = np.full(len(values), MISSING_DAY, dtype=np.int32)
    known = result.notna().to_numpy()
    if known.any():
        stamps = result[known].to_numpy(dtype="datetime64[D]")
        out[known] = stamps.astype(np.int64).astype(np.int32)
    return out


def _two_digit_centuries(years: pd.Series) -> pd.Series:
    """Two-digit years with their century by Python's rule; other cells as they are."""
    number = pd.to_numeric(years, errors="coerce")
    return pd.Series(np.where(number <= 68, "20", "19"), index=years.index) + years


class Unaligned(Exception):
    """A block of the file has no line break outside quotes: read it the careful way."""


class RowAligned:
    """A binary file whose reads end just after a line break outside quotes.

    Every read starts at a row boundary, so a line break is outside quotes exactly when the
    number of quote characters (`"`, doubled when escaped) before it in the block is even. The
    bytes after the last such break are kept for the next read."""

    def __init__(self, path: str, limit: int = EVENTS_MAX_BYTES, shown: str | None = None) -> None:
        # Closed by pyarrow through close(); read within `limit` (see events.source).
        self._file = open_events(path, shown or path, limit)
        self._carry = b""
        self.closed = False

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return False

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            data, self._carry = self._carry + self._file.read(), b""
            return data
        data = self._carry + self._file.read(max(size - len(self._carry), 0))
        self._carry = b""
        if len(data) < size:  # the end of the file
            return data
        cut = len(data)
        view = np.frombuffer(data, dtype=np.uint8)
        while True:
            newline = data.rfind(b"\n", 0, cut)
            if newline < 0:
                raise Unaligned("no line break outside quotes in a block")
            if not np.count_nonzero(view[:newline] == _QUOTE) & 1:
                break
            cut = newline
        self._carry = data[newline + 1 :]
        return data[: newline + 1]

    def close(self) -> None:
        self.closed = True
        self._file.close()

    def __enter__(self) -> RowAligned:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_columns(header: Header, layout: Layout, date_format: str | None = None) -> Raw:
    """Read the layout's columns from the file of `header`; `date_format` is a key of
    DATE_FORMATS, the order of numeric dates when declared."""
    present = header.lookup()
    roles: dict[str, str] = {}
    types: dict[str, str] = {}
    for column in layout.columns:
        for name in column.names:
            if name in present:
                roles[column.role] = present[name]
                types[present[name]] = column.type
                break
    wrong_width: Counter[str] = Counter()
    multiline: list[str] = []  # the text of skipped rows that span lines, the first few

    def skip_row(row: pacsv.InvalidRow) -> str:
        # Rows with too few or too many cells are counted, never silently dropped.
        wrong_width[WRONG_WIDTH] += 1
        if len(multiline) < 10 and ("\n" in row.text or "\r" in row.text):
            multiline.append(row.text)
        return "skip"

    wanted = list(dict.fromkeys(roles.values()))
    try:
        size = os.path.getsize(header.data)
    except OSError:
        size = 0
    aligned = header.encoding == "utf-8" and size >= ALIGNED_MIN_BYTES

    def attempt(typed: bool, row_aligned: bool) -> pa.Table:
        column_types: dict[str, pa.DataType] = {}
        for name, kind in types.items():
            if typed and kind == "date":
                column_types[name] = pa.date32()
            elif typed and kind == "number":
                column_types[name] = pa.float64()
            elif kind == "label":
                column_types[name] = pa.string()
            else:
                column_types[name] = _DICT
        convert = pacsv.ConvertOptions(
            include_columns=wanted,
            column_types=column_types,
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            # A file separated by semicolons writes 1,5 for one and a half (events.numbers).
            decimal_point="," if header.delimiter == ";" else ".",
        )
        read_options = pacsv.ReadOptions(
            column_names=list(header.names),
            skip_rows=header.rows_before_data,
            encoding=header.encoding,
            block_size=BLOCK_BYTES,
        )
        parse_options = pacsv.ParseOptions(
            delimiter=header.delimiter,
            newlines_in_values=not row_aligned,
            invalid_row_handler=skip_row,
        )
        wrong_width.clear()
        multiline.clear()
        source = (
            RowAligned(header.data, header.limit, header.path)
            if row_aligned
            else open_events(header.data, header.path, header.limit)
        )
        with source:
            return pacsv.read_csv(
                source,
                read_options=read_options,
                parse_options=parse_options,
                convert_options=convert,
            )

    def read(typed: bool) -> pa.Table:
        if aligned:
            try:
                table = attempt(typed, row_aligned=True)
            except (Unaligned, pa.ArrowException) as err:
                if _conversion_error(err):
                    raise
            else:
                if not wrong_width:
                    return table
        # Quoted line breaks anywhere, found by pyarrow itself: the careful way.
        return attempt(typed, row_aligned=False)

    try:
        try:
            table = read(typed=True)
        except pa.ArrowException as err:
            if not _conversion_error(err):
                raise
            table = read(typed=False)
    except (pa.ArrowException, OSError) as err:
        if header.encoding == "utf-8" and "invalid UTF8" in str(err):
            return _read_not_utf8(header, layout, date_format)
        raise event_file_error(header.path, EVENTS_NOT_CSV, reason=err) from err
    raw = Raw(layout, header, table, roles)
    raw.date_order = DATE_FORMATS[date_format] if date_format else None
    raw.bad_rows.update(wrong_width)
    for text in multiline:
        found = runaway_quote(text, len(header.names), header.delimiter)
        if found is not None:
            offset, rows, closes = found
            line = _line_of_text(header, text)
            at = f"line {line + offset}" if line else "a row"
            end = f"closes {rows} line(s) later" if closes else "never closes"
            raw.bad_rows[f"rows inside a quote that opens on {at} and {end}"] += rows
    return raw


def _read_not_utf8(header: Header, layout: Layout, date_format: str | None) -> Raw:
    """A file told UTF-8 from its first bytes that is not further on: Latin-1 (Windows-1252)
    throughout if no UTF-8 came before the first bad byte, else refused where it turns."""
    found = first_invalid_utf8(header)
    if found is None or not found[2]:
        return read_columns(dataclasses.replace(header, encoding="latin-1"), layout, date_format)
    line, column, _ = found
    with open_events(header.data, header.path, header.limit) as file:
        byte = _byte_at(file, line, column)
    problem = Problem.of(EVENTS_MIXED_ENCODING, Location(header.path, line, column), byte=byte)
    raise InputError([problem])


def _byte_at(file: io.BufferedIOBase, line: int, column: int) -> int:
    """The first byte of the character at `line`, `column` (both 1-based) of a UTF-8 file
    whose text before that point is valid."""
    for _ in range(line - 1):
        file.readline()
    head = file.readline()
    prefix = head.decode("utf-8", errors="ignore")[: column - 1].encode("utf-8")
    return head[len(prefix)] if len(head) > len(prefix) else 0


def runaway_quote(text: str, columns: int, delimiter: str = ",") -> tuple[int, int, bool] | None:
    """In the text of a skipped row: a quoted cell that runs over lines holding rows of their
    own (an unterminated quote swallowing the rows after it). Returns the line (counted from the
    row's first, 0-based) where its quote opens, how many rows it swallowed, and whether it
    closes before the row ends; None when no cell looks like that."""
    line, index, size = 0, 0, len(text)
    at_cell_start = True
    while index < size:
        char = text[index]
        if char == '"' and at_cell_start:
            close = index + 1
            while True:
                close = text.find('"', close)
                if close < 0 or not text.startswith('""', close):
                    break
                close += 2
            span = text[index + 1 : close if close >= 0 else size]
            inner = span.replace("\r\n", "\n").replace("\r", "\n").split("\n")[1:]
            rows = [part for part in inner if part.count(delimiter) >= max(1, columns // 2)]
            if rows:
                return line, len([part for part in inner if part.strip()]), close >= 0
            line += span.count("\n")
            if close < 0:
                return None
            index = close + 1
            at_cell_start = False
            continue
        if char == delimiter:
            at_cell_start = True
        elif char == "\n":
            line += 1
            at_cell_start = True
        else:
            at_cell_start = False
        index += 1
    return None


def _line_of_text(header: Header, text: str) -> int | None:
    """The line of the file where the row whose text starts `text` starts (1-based), or None.
    Reads the file in chunks (an error path: the file is scanned once)."""
    needle = text[:512].encode(header.encoding, errors="replace")
    if not needle:
        return None
    newlines = 0
    tail = b""
    try:
        with open_events(header.data, header.path, header.limit) as file:
            while chunk := file.read(BLOCK_BYTES):
                data = tail + chunk
                found = data.find(needle)
                if found >= 0:
                    return newlines + data.count(b"\n", 0, found) + 1
                keep = len(needle) - 1
                cut = max(len(data) - keep, 0)
                newlines += data.count(b"\n", 0, cut)
                tail = data[cut:]
    except (OSError, InputError):
        return None
    return None


def _conversion_error(err: Exception) -> bool:
    """A value that does not convert to the column's type (not a malformed file). Arrow's
    threaded reader sometimes reports it, when another column finishes first, as a chunk that
    "failed converting for an unknown reason" (an ArrowException, not an ArrowInvalid): seen
    once in a test under heavy load, on a file whose dates are not ISO."""
    text = str(err)
    if isinstance(err, pa.ArrowException) and "a chunk failed converting" in text:
        return True
    return isinstance(err, pa.ArrowInvalid) and (
        "CSV conversion error" in text or "In CSV column" in text
    )
