"""Which event dataset a CSV holds, read from its header, and where its columns are.

Only the first bytes of the file are read here: the header row (any case, any order, blank
trailing columns allowed), whether an HXL hashtag row follows it (the HDX variant of UCDP GED),
the text encoding (UTF-8 with or without BOM, else Windows-1252 or Latin-1 as older ACLED files
and Windows Excel write them; UTF-16 was transcoded to UTF-8 before, see events.source) and the
delimiter (a comma, or the semicolon, tab or bar that splits the header into more columns:
European Excel saves "CSV" with semicolons). The dataset
kind is the one whose required columns are all present.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from casualty_recon.events.layout import Layout
from casualty_recon.events.source import EVENTS_MAX_BYTES, open_events
from casualty_recon.model.claims import Location
from casualty_recon.model.errors import InputError, Problem, Template, UsageError
from casualty_recon.model.file_errors import (
    EVENTS_EMPTY,
    EVENTS_HEADER_FIELD_TOO_LONG,
    EVENTS_HEADER_NOT_CSV,
    EVENTS_NOT_TEXT,
    EVENTS_NOT_THE_LAYOUT,
    EVENTS_UNKNOWN_LAYOUT,
    EVENTS_UNREADABLE,
)
from casualty_recon.model.usage import (
    EVENT_KIND_AMBIGUOUS,
    EVENT_KIND_UNKNOWN,
    EVENT_KIND_UNKNOWN_CLOSE,
)

SNIFF_BYTES = 1 << 20
# A file that is not UTF-8 is read as Latin-1, then its bytes 0x80-0x9F (control characters in
# Latin-1, never text) are read as Windows-1252 reads them: curly quotes, dashes, the euro sign.
WINDOWS_1252 = str.maketrans(
    {
        chr(byte): bytes([byte]).decode("cp1252")
        for byte in range(0x80, 0xA0)
        if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # undefined in Windows-1252
    }
)
# Delimiters tried on the header row, the comma first (it wins a tie).
DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True, slots=True)
class Header:
    """The header of an event CSV: names as written, made unique (blank ones named
    `_blank_N`), and what the reader must skip. `path` names the file in messages; its bytes
    are read from `source` (a temporary copy of a FIFO; `path` when empty), within `limit`."""

    path: str
    names: tuple[str, ...]
    hxl: bool
    encoding: str
    source: str = ""
    limit: int = EVENTS_MAX_BYTES
    delimiter: str = ","
    # Lines above the header: an Excel `sep=;` line.
    preamble: int = 0

    @property
    def data(self) -> str:
        """The path the file's bytes are read from."""
        return self.source or self.path

    @property
    def rows_before_data(self) -> int:
        return self.preamble + (2 if self.hxl else 1)

    def lookup(self) -> dict[str, str]:
        """Lower-cased, stripped column name -> the name as written (first wins); a name
        written as words ('Event Date', 'civilians-killed-min') is also found as its
        snake_case form."""
        found: dict[str, str] = {}
        for name in self.names:
            found.setdefault(name.strip().lower(), name)
        for name in self.names:
            found.setdefault(re.sub(r"[\s.-]+", "_", name.strip().lower()), name)
        return found


def event_file_error(path: str, template: Template, **values: object) -> InputError:
    return InputError([Problem.of(template, Location(path, 1, 1), **values)])


def _refuse(path: str, template: Template, **values: object) -> InputError:
    return InputError([Problem.of(template, Location(path, 1, 1), **values)])


def sniff(path: str | Path, *, source: str | None = None, limit: int = EVENTS_MAX_BYTES) -> Header:
    """Read the header (and the HXL row, if any) of an event CSV (its bytes from `source`
    when given, see `events.source`)."""
    name = str(path)
    try:
        with open_events(source or name, name, limit) as file:
            head = file.read(SNIFF_BYTES)
    except OSError as err:
        raise event_file_error(name, EVENTS_UNREADABLE, reason=err.strerror or err) from err
    if not head.strip():
        raise event_file_error(name, EVENTS_EMPTY)
    if b"\x00" in head:
        raise _refuse(name, EVENTS_NOT_TEXT)
    encoding = "utf-8"
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        text = decoder.decode(head, final=len(head) < SNIFF_BYTES)
    except UnicodeDecodeError:
        encoding = "latin-1"
        text = head.decode("latin-1").translate(WINDOWS_1252)
    lines = io.StringIO(text, newline=None)
    # Excel's `sep=;` line names the delimiter above the header.
    excel = re.fullmatch(r"sep=(.)\n?", next(iter(lines), ""), re.IGNORECASE)
    if excel is None:
        lines.seek(0)
    delimiter = excel[1] if excel else _delimiter(text)
    # Universal line ends, as pyarrow reads them: a bare CR ends a row too.
    rows = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(rows, [])
        second = next(rows, [])
    except csv.Error as err:
        if "field limit" in str(err):
            raise _refuse(
                name, EVENTS_HEADER_FIELD_TOO_LONG, limit=csv.field_size_limit()
            ) from None
        raise _refuse(name, EVENTS_HEADER_NOT_CSV, reason=str(err)) from None
    names: list[str] = []
    for index, raw in enumerate(header):
        cell = raw.strip()
        names.append(cell if cell and cell not in names else f"_blank_{index + 1}")
    filled = [cell.strip() for cell in second if cell.strip()]
    hxl = bool(filled) and all(cell.startswith("#") for cell in filled)
    preamble = 1 if excel else 0
    return Header(name, tuple(names), hxl, encoding, source or "", limit, delimiter, preamble)


def first_invalid_utf8(header: Header) -> tuple[int, int, bool] | None:
    """Where the file's bytes stop being UTF-8: the line and column (in characters) of the first
    byte that is not, and whether any non-ASCII UTF-8 came before it; None if all are UTF-8.
    Reads the file in blocks (a path taken once, after pyarrow met invalid UTF-8)."""
    line, column, seen, carry = 1, 1, False, b""
    with open_events(header.data, header.path, header.limit) as file:
        while block := file.read(SNIFF_BYTES):
            data = carry + block
            try:
                good, carry, bad = data.decode("utf-8"), b"", -1
            except UnicodeDecodeError as err:
                good = data[: err.start].decode("utf-8")
                truncated = err.reason == "unexpected end of data" and err.end == len(data)
                carry, bad = (data[err.start :], -1) if truncated else (b"", err.start)
            seen = seen or not good.isascii()
            newline = good.rfind("\n")
            line += good.count("\n")
            column = len(good) - newline if newline >= 0 else column + len(good)
            if bad >= 0:
                return line, column, seen
    return (line, column, seen) if carry else None


def _delimiter(text: str) -> str:
    """The delimiter that splits the header row into the most columns (a comma on a tie)."""
    line = next(iter(io.StringIO(text, newline=None)), "")
    widths: dict[str, int] = {}
    for delimiter in DELIMITERS:
        try:
            widths[delimiter] = len(next(csv.reader([line], delimiter=delimiter), []))
        except csv.Error:
            widths[delimiter] = 0
    return max(DELIMITERS, key=lambda delimiter: widths[delimiter])


def _article(title: str) -> str:
    return "an" if title[:1] in "AEIO" else "a"


def detect(header: Header, layouts: dict[str, Layout], kind: str | None = None) -> Layout:
    """The layout for this header: `kind` if given (checked), else the one whose required
    columns are all present."""
    if kind is not None:
        wanted = kind.strip().lower()
        if wanted not in layouts:
            close = difflib.get_close_matches(wanted, list(layouts), n=1)
            raise UsageError.of(
                EVENT_KIND_UNKNOWN_CLOSE if close else EVENT_KIND_UNKNOWN,
                kind=kind,
                close=close[0] if close else "",
                kinds=", ".join(layouts),
            )
        layout = layouts[wanted]
        missing = layout.missing(header.lookup())
        if missing:
            raise event_file_error(
                header.path,
                EVENTS_NOT_THE_LAYOUT,
                article=_article(layout.title),
                title=layout.title,
                missing=", ".join(missing),
                required=", ".join(layout.needed_names()),
            )
        return layout
    present = header.lookup()
    matches = [layout for layout in layouts.values() if not layout.missing(present)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:  # pragma: no cover - the required sets are disjoint
        raise UsageError.of(
            EVENT_KIND_AMBIGUOUS,
            path=header.path,
            kinds=", ".join(layout.kind for layout in matches),
        )
    # Name the layout the header is closest to, and what it lacks.
    nearest = min(layouts.values(), key=lambda layout: len(layout.missing(present)))
    expected = "; ".join(
        f"{layout.title}: {', '.join(layout.needed_names())}" for layout in layouts.values()
    )
    shown = ", ".join(header.names[:12]) + (", ..." if len(header.names) > 12 else "")
    raise event_file_error(
        header.path,
        EVENTS_UNKNOWN_LAYOUT,
        shown=shown,
        nearest=nearest.title,
        missing=", ".join(nearest.missing(present)),
        expected=expected,
    )
