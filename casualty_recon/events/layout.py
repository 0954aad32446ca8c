"""What an event dataset looks like: its columns, by role, and the figures it can give.

Each dataset module (`ged`, `acled`, `airwars`) declares one `Layout`: the columns it reads (a
role, the header names that fill it, and how to convert them), the figures it can sum for a
population and outcome (`Measure`), and a `prepare` function that turns the columns it read into
the common shape (`Prepared`) that `table.EventTable` is built from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import pyarrow as pa

# `label`: an identifier, read as plain text and only looked at for the rows named in messages.
ColumnType = Literal["date", "number", "text", "label"]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Column:
    """A column the layout reads: `role` is how the code calls it, `names` the header names
    that fill it (lower case, first present wins)."""

    role: str
    names: tuple[str, ...]
    type: ColumnType
    required: bool = True
    # Columns sharing a group are needed as a group: at least one of them (e.g. the place).
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """The figure a dataset gives for one population and outcome: the prepared columns that
    hold its low, best and high (None where the dataset has no such bound)."""

    population: str
    outcome: str
    low: str | None
    best: str | None
    high: str | None
    # What is summed, in the dataset's own words, for the rule text.
    described: str
    # A boolean prepared column: only rows where it is true belong to this measure.
    rows: str | None = None

    @property
    def label(self) -> str:
        return f"{self.population} {self.outcome}"

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(name for name in (self.low, self.best, self.high) if name is not None)


@dataclass(slots=True)
class Text:
    """A text column as dictionary codes (-1 where empty) and the distinct values."""

    codes: IntArray
    values: list[str]

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(slots=True)
class Prepared:
    """A dataset's rows in the common shape. Days count from 1970-01-01; a day of
    `MISSING_DAY` means empty or unreadable (the reason is in `unreadable`)."""

    first_day: IntArray
    last_day: IntArray
    date_prec: npt.NDArray[np.int8]
    where_prec: npt.NDArray[np.int8]
    place: Text
    country: Text | None
    actors: tuple[Text, ...]
    grade: Text | None
    ident: pa.ChunkedArray | None
    figures: dict[str, FloatArray]
    flags: dict[str, BoolArray] = field(default_factory=dict)
    # Rows that cannot be used at all: reason -> boolean mask.
    unreadable: dict[str, BoolArray] = field(default_factory=dict)
    # Values that could not be read and were treated as missing: reason -> count.
    bad_values: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    variant: str = ""


MISSING_DAY = np.iinfo(np.int32).min


class Columns(Protocol):
    """The columns read for a layout, by role, as `prepare` sees them (`read.Raw`)."""

    @property
    def rows(self) -> int: ...

    @property
    def hxl(self) -> bool:
        """Whether an HXL hashtag row followed the header."""
        ...

    def has(self, role: str) -> bool: ...

    def column_name(self, role: str) -> str: ...

    def text(self, role: str) -> Text: ...

    def labels(self, role: str) -> pa.ChunkedArray: ...

    def numbers(self, role: str) -> FloatArray: ...

    def days(self, role: str) -> tuple[IntArray, BoolArray]: ...


@dataclass(frozen=True)
class Layout:
    kind: str
    title: str
    columns: tuple[Column, ...]
    measures: tuple[Measure, ...]
    prepare: Callable[[Columns], Prepared]
    # Formats tried, in order, on date text that is not ISO 8601.
    date_formats: tuple[str, ...] = ()
    # What date_prec / where_prec mean in this dataset, for messages.
    date_prec_scale: str | None = None
    where_prec_scale: str | None = None
    # Which columns name the perpetrator, for the rule text.
    actor_text: str | None = None
    # Split multi-valued actor and grade cells on this.
    separator: str | None = None
    # The grades the dataset uses (empty: it has none), and those left out when the caller
    # names no grades (every other row is kept, graded or not).
    grades: tuple[str, ...] = ()
    default_excluded_grades: tuple[str, ...] = ()
    # Parties whose deaths the dataset does not record; a claim that counts them (or any party)
    # gets `coverage_note` (a template: `{parties}` the file names that the dataset monitors,
    # `{uncovered}` the not-covered parties the file names, or "every party's").
    not_covered: frozenset[str] = frozenset()
    coverage_note: str | None = None
    notes: tuple[str, ...] = ()
    # What one row is called in sentences ("in 12 events").
    event_noun: str = "event"

    def _needed(self) -> list[tuple[str, tuple[Column, ...]]]:
        """What a file must have, in column order: each required column, and each group of
        columns of which one will do (named "a, b or c")."""
        needed: list[tuple[str, tuple[Column, ...]]] = []
        groups: set[str] = set()
        for column in self.columns:
            if column.group is not None and column.group not in groups:
                groups.add(column.group)
                members = tuple(c for c in self.columns if c.group == column.group)
                names = [member.names[0] for member in members]
                named = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]
                needed.append((named, members))
            elif column.group is None and column.required:
                needed.append((column.names[0], (column,)))
        return needed

    def missing(self, present: dict[str, str]) -> list[str]:
        """Required columns absent from a header (`present`: lower-cased name -> as written)."""
        return [
            named
            for named, columns in self._needed()
            if not any(name in present for column in columns for name in column.names)
        ]

    def required_names(self) -> list[str]:
        """The fewest columns a file of this layout can have (the first of each group)."""
        return [columns[0].names[0] for _, columns in self._needed()]

    def needed_names(self) -> list[str]:
        """What a file needs, for messages: groups written as "a, b or c"."""
        return [named for named, _ in self._needed()]

    def measure(self, population: str, outcome: str) -> Measure | None:
        for measure in self.measures:
            if measure.population == population and measure.outcome == outcome:
                return measure
        return None
