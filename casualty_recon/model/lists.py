"""Named-victim lists named in `sources.yaml` (issue 14): where a list is and how to read it.

A list is a file of records, one per person (CSV, JSON or Excel), with a source, the day it runs
to and a mapping from the fields this tool knows to the file's own column names. Claims that say
`list: KEY` are backed by the list: their figure should be its count. Plain data, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The fields a list's columns can be mapped to, in the order reports show them.
LIST_FIELDS = ("id", "name", "name_alt", "sex", "age", "dob", "dod", "place")
LIST_FIELD_TITLES = {
    "id": "ID",
    "name": "name",
    "name_alt": "name in another script",
    "sex": "sex",
    "age": "age",
    "dob": "date of birth",
    "dod": "date of death",
    "place": "place",
}
LIST_FORMATS = ("csv", "json", "excel")


@dataclass(frozen=True, slots=True)
class ListSpec:
    """One entry of the `lists:` section."""

    key: str
    path: str  # as resolved against the directory of sources.yaml
    source: str
    format: str  # csv, json or excel
    columns: dict[str, str]  # field of LIST_FIELDS -> the file's column name
    as_of: dt.date | None = None
    free: tuple[str, ...] = ()  # other columns kept as they are
    sheet: str | None = None  # Excel: the sheet to read (the first by default)
    claims: tuple[str, ...] = ()  # ids of the claims that say `list: KEY`
    line: int = 0  # where the entry is written in sources.yaml
    column: int = 0
