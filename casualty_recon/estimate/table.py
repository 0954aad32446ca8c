"""Overlap counts: how many people appear on each pattern of lists, read from a CSV.

Two layouts are read (the files in ../shared/data/estimation/ use both):

- wide: one column per list holding 0 or 1, then `count`
  (`EXH,ABA,OSCE,HRW,count` / `1,0,1,0,228`);
- long: a `pattern` column of 0/1 digits, one per list, and `count`; the list names in a `lists`
  column (`"police,news,chr"`) or, without it, L1, L2...; any other columns name a stratum
  (`city,perpetrator`), and each stratum is estimated on its own.

Every problem is reported at once with its file, line and column: a pattern of the wrong length
or with digits other than 0 and 1, a count that is not a whole number or is negative, a count on
the all-zero pattern (nobody can be observed on no list), fewer than two lists, a pattern given
twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from casualty_recon.model.claims import Location
from casualty_recon.model.errors import InputError, Problem, Template, plural_s
from casualty_recon.model.file_errors import (
    OVERLAPS_COUNT_NEGATIVE,
    OVERLAPS_COUNT_NOT_WHOLE,
    OVERLAPS_EMPTY,
    OVERLAPS_FILE,
    OVERLAPS_LIST_TWICE,
    OVERLAPS_LIST_UNNAMED,
    OVERLAPS_NO_COUNT_COLUMN,
    OVERLAPS_NO_ROWS,
    OVERLAPS_NOT_BINARY,
    OVERLAPS_NOT_UTF8,
    OVERLAPS_PATTERN_BAD,
    OVERLAPS_PATTERN_LENGTH,
    OVERLAPS_PATTERN_TWICE,
    OVERLAPS_ROW_LENGTH,
    OVERLAPS_STRATUM_LISTS,
    OVERLAPS_TOO_FEW_LISTS,
    OVERLAPS_TOO_MANY_LISTS,
    OVERLAPS_ZERO_PATTERN,
)

__all__ = ["OverlapTable", "parse_overlaps", "read_overlaps"]

MAX_LISTS = 20


@dataclass(frozen=True)
class OverlapTable:
    """The counts of one stratum: `patterns[i]` is a tuple of 0/1 per list, seen `counts[i]` times.

    Patterns with a zero count may be present or absent; the all-zero pattern never has a count.
    """

    lists: tuple[str, ...]
    patterns: tuple[tuple[int, ...], ...]
    counts: tuple[int, ...]
    stratum: str = "all"

    @property
    def observed(self) -> int:
        return sum(self.counts)

    @property
    def k(self) -> int:
        return len(self.lists)

    def list_totals(self) -> tuple[int, ...]:
        return tuple(
            sum(c for p, c in zip(self.patterns, self.counts, strict=True) if p[j])
            for j in range(self.k)
        )

    def overlapping(self) -> int:
        """How many records are on two lists or more."""
        return sum(c for p, c in zip(self.patterns, self.counts, strict=True) if sum(p) >= 2)


def read_overlaps(path: str | Path) -> list[OverlapTable]:
    """Read an overlap-count CSV (`-` for standard input, shown as `<stdin>` in errors); one
    table per stratum, in the order they first appear. The read is bounded like every input's
    (`load.reading`): a file or stream over the input limit is refused while it is read."""
    from casualty_recon.load.reading import read_input

    name = str(path)
    data = read_input(name, files=OVERLAPS_FILE)
    if name == "-":
        name = "<stdin>"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError([Problem.of(OVERLAPS_NOT_UTF8, Location(name, line, 1))]) from None
    return parse_overlaps(text, name)


# Delimiters besides the comma (European Excel writes semicolons), read from the header row.
OTHER_DELIMITERS = (";", "\t", "|")


def _delimiter(lines: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """The file's delimiter and its lines without Excel's `sep=;` line: that line's character,
    else a comma when the header row has one, else the first other delimiter it has."""
    first = lines[0][1].strip(" \r\n") if lines else ""  # a tab may be the `sep=` character
    if len(first) == 5 and first.lower().startswith("sep="):
        return first[4], lines[1:]
    if "," in first:
        return ",", lines
    return next((d for d in OTHER_DELIMITERS if d in first), ","), lines


def _fields(line: str, delimiter: str = ",") -> list[tuple[str, int]]:
    """Split one CSV line into (text, 1-based column) pairs; double quotes group delimiters."""
    fields: list[tuple[str, int]] = []
    current: list[str] = []
    start = 1
    quoted = False
    for index, char in enumerate(line, start=1):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            fields.append(("".join(current).strip(), start))
            current = []
            start = index + 1
        else:
            current.append(char)
    fields.append(("".join(current).strip(), start))
    return fields


# A count with its thousands grouped in threes: by a dot or a space in a file separated by
# semicolons (a European Excel's, whose decimal mark is the comma: `1.060` is 1060, `1,5` is not
# a whole number), by a comma (quoted) or a space elsewhere (`"1,060"`; `1.060` is 1.06 there).
_GROUPED = {
    True: re.compile(r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+"),
    False: re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+"),
}


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.decimal_comma = False  # set from the file's delimiter

    def problem(self, line: int, column: int, template: Template, **values: object) -> None:
        self.problems.append(Problem.of(template, Location(self.path, line, column), **values))

    def count(self, text: str, column: int, line: int) -> int | None:
        cleaned = text.replace("_", "")
        if cleaned.startswith("-") and cleaned[1:].isdigit():
            self.problem(line, column, OVERLAPS_COUNT_NEGATIVE, text=text)
            return None
        if _GROUPED[self.decimal_comma].fullmatch(cleaned):
            cleaned = "".join(char for char in cleaned if char.isdigit())
        if not cleaned.isdigit():
            self.problem(line, column, OVERLAPS_COUNT_NOT_WHOLE, text=text)
            return None
        return int(cleaned)


def parse_overlaps(text: str, path: str = "<string>") -> list[OverlapTable]:
    reader = _Reader(path)
    lines = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    delimiter, lines = _delimiter(lines)
    reader.decimal_comma = delimiter == ";"
    rows = [(number, _fields(line, delimiter)) for number, line in lines]
    # A row of empty cells (Excel's `,,` for cleared cells) is a blank line, not a pattern.
    rows = [(number, fields) for number, fields in rows if any(text for text, _ in fields)]
    if not rows:
        raise InputError([Problem.of(OVERLAPS_EMPTY, Location(path, 1, 1))])
    header_line, header = rows[0]
    names = [field.lower() for field, _ in header]
    if "count" not in names:
        raise InputError([Problem.of(OVERLAPS_NO_COUNT_COLUMN, Location(path, header_line, 1))])
    if "pattern" in names:
        tables = _long(reader, header_line, header, rows[1:])
    else:
        tables = _wide(reader, header_line, header, rows[1:])
    if reader.problems:
        raise InputError(reader.problems)
    return tables


def _check_lists(reader: _Reader, lists: list[str], line: int, column: int) -> bool:
    if len(lists) < 2:
        reader.problem(
            line,
            column,
            OVERLAPS_TOO_FEW_LISTS,
            count=len(lists),
            s=plural_s(len(lists)),
        )
        return False
    if len(lists) > MAX_LISTS:
        reader.problem(line, column, OVERLAPS_TOO_MANY_LISTS, count=len(lists), limit=MAX_LISTS)
        return False
    seen: set[str] = set()
    for name in lists:
        if not name:
            reader.problem(line, column, OVERLAPS_LIST_UNNAMED)
            return False
        if name in seen:
            reader.problem(line, column, OVERLAPS_LIST_TWICE, name=name)
            return False
        seen.add(name)
    return True


class _Stratum:
    def __init__(self, name: str, lists: tuple[str, ...]) -> None:
        self.name = name
        self.lists = lists
        self.cells: dict[tuple[int, ...], int] = {}
        self.first_line: dict[tuple[int, ...], int] = {}

    def table(self) -> OverlapTable:
        patterns = tuple(sorted(self.cells))
        return OverlapTable(
            self.lists, patterns, tuple(self.cells[p] for p in patterns), stratum=self.name
        )


def _add(
    reader: _Reader,
    stratum: _Stratum,
    pattern: tuple[int, ...],
    count: int,
    line: int,
    column: int,
    count_column: int,
) -> None:
    if not any(pattern):
        if count:
            reader.problem(line, count_column, OVERLAPS_ZERO_PATTERN, count=count)
        return
    if pattern in stratum.cells:
        reader.problem(
            line,
            column,
            OVERLAPS_PATTERN_TWICE,
            pattern="".join(map(str, pattern)),
            first=stratum.first_line[pattern],
        )
        return
    stratum.cells[pattern] = count
    stratum.first_line[pattern] = line


def _wide(
    reader: _Reader,
    header_line: int,
    header: list[tuple[str, int]],
    rows: list[tuple[int, list[tuple[str, int]]]],
) -> list[OverlapTable]:
    """One 0/1 column per list and `count`; a column of names, none of them 0 or 1 and not all
    digits (`city`: `north`, `south`), names a stratum, as any other column of the long form
    does. A list's column with a wrong value (`2`) stays a list's, and the value an error."""
    names = [field for field, _ in header]
    count_at = [n.lower() for n in names].index("count")
    whole = [fields for _, fields in rows if len(fields) == len(header)]
    strata_at = [
        i
        for i in range(len(names))
        if i != count_at
        and whole
        and all(f[i][0] not in ("0", "1") for f in whole)
        and not all(f[i][0].isdigit() for f in whole)
    ]
    lists = [n for i, n in enumerate(names) if i != count_at and i not in strata_at]
    if not _check_lists(reader, lists, header_line, 1):
        return []
    if not rows:
        reader.problem(header_line, 1, OVERLAPS_NO_ROWS)
        return []
    strata: dict[str, _Stratum] = {}
    for line, fields in rows:
        if len(fields) != len(header):
            reader.problem(
                line,
                1,
                OVERLAPS_PATTERN_LENGTH,
                fields=len(fields),
                columns=len(header),
                lists=len(lists),
            )
            continue
        pattern: list[int] = []
        bad = False
        for i, (value, column) in enumerate(fields):
            if i == count_at or i in strata_at:
                continue
            if value not in ("0", "1"):
                reader.problem(line, column, OVERLAPS_NOT_BINARY, name=names[i], value=value)
                bad = True
            else:
                pattern.append(int(value))
        count = reader.count(*fields[count_at], line)
        if bad or count is None:
            continue
        key = " / ".join(fields[i][0] for i in strata_at) or "all"
        stratum = strata.setdefault(key, _Stratum(key, tuple(lists)))
        _add(reader, stratum, tuple(pattern), count, line, 1, fields[count_at][1])
    return [s.table() for s in strata.values()] or [_Stratum("all", tuple(lists)).table()]


def _long(
    reader: _Reader,
    header_line: int,
    header: list[tuple[str, int]],
    rows: list[tuple[int, list[tuple[str, int]]]],
) -> list[OverlapTable]:
    names = [field.lower() for field, _ in header]
    pattern_at = names.index("pattern")
    count_at = names.index("count")
    lists_at = names.index("lists") if "lists" in names else None
    strata_at = [i for i in range(len(names)) if i not in (pattern_at, count_at, lists_at)]
    strata: dict[str, _Stratum] = {}
    for line, fields in rows:
        if len(fields) != len(header):
            reader.problem(line, 1, OVERLAPS_ROW_LENGTH, fields=len(fields), columns=len(header))
            continue
        text, column = fields[pattern_at]
        if lists_at is not None:
            list_text, list_column = fields[lists_at]
            lists = tuple(name.strip() for name in list_text.split(","))
        else:
            list_column = column
            lists = tuple(f"L{j + 1}" for j in range(len(text)))
        key = " / ".join(fields[i][0] for i in strata_at) or "all"
        stratum = strata.get(key)
        if stratum is None:
            if not _check_lists(reader, list(lists), line, list_column):
                strata[key] = _Stratum(key, ())  # reported once; its rows are not checked
                continue
            stratum = strata[key] = _Stratum(key, lists)
        elif not stratum.lists:
            continue
        elif lists != stratum.lists:
            reader.problem(
                line,
                list_column,
                OVERLAPS_STRATUM_LISTS,
                key=key,
                first=min(stratum.first_line.values(), default=line),
            )
            continue
        count = reader.count(*fields[count_at], line)
        if len(text) != len(stratum.lists) or set(text) - {"0", "1"}:
            reader.problem(
                line,
                column,
                OVERLAPS_PATTERN_BAD,
                text=text,
                count=len(stratum.lists),
                lists=", ".join(stratum.lists),
            )
            continue
        if count is None:
            continue
        _add(reader, stratum, tuple(int(c) for c in text), count, line, column, fields[count_at][1])
    if not strata:
        reader.problem(header_line, 1, OVERLAPS_NO_ROWS)
    return [s.table() for s in strata.values() if s.lists]
