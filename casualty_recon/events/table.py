"""`EventTable`: an event dataset read into columns, its unusable rows counted by reason, and
an index from (country, subdivision) to its rows.

`load_events` is the entry point. Rows are never dropped silently: a row that cannot be placed
in time (no date, an unreadable date, the 1970-01-01 placeholder, an end before its start, a
wrong number of cells) is left out and counted in `unreadable`; a figure that cannot be read is
treated as missing and counted in `bad_values` (the cross-check then counts the row under "no
figure for ..." for the claims it would belong to).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from casualty_recon.events.actor_names import parties_in
from casualty_recon.events.detect import detect, sniff
from casualty_recon.events.layout import (
    MISSING_DAY,
    BoolArray,
    FloatArray,
    IntArray,
    Layout,
    Prepared,
    Text,
)
from casualty_recon.events.layouts import layouts
from casualty_recon.events.place_names import PlaceResolver, default_resolver, resolve_pairs
from casualty_recon.events.read import Raw, read_columns
from casualty_recon.events.source import event_source, events_limit
from casualty_recon.grammar.gazetteer import display_name
from casualty_recon.grammar.wording import plural

LAYOUTS: dict[str, Layout] = layouts()

EPOCH_DATE = "date 1970-01-01 (an empty date stored as zero)"
NO_DATE = "no date"
END_BEFORE_START = "end date before start date"
EXAMPLES = 3


def day(value: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(value))


def day_number(value: dt.date) -> int:
    return (value - dt.date(1970, 1, 1)).days


@dataclass(slots=True)
class Actors:
    """One actor column: a code per row, and the canonical parties of each distinct cell."""

    column: str
    codes: IntArray
    parties: list[frozenset[str]]


@dataclass
class EventTable:
    """An event dataset ready for cross-checking. Arrays hold the usable rows only."""

    kind: str
    title: str
    variant: str
    path: str
    layout: Layout
    rows_read: int
    unreadable: dict[str, int]
    bad_values: dict[str, int]
    examples: dict[str, list[str]]
    notes: list[str]
    first_day: IntArray
    last_day: IntArray
    date_prec: np.ndarray
    where_prec: np.ndarray
    countries: list[str]
    country: IntArray
    places: list[str]
    place: IntArray
    # Why an unresolved place is unresolved, per row code into `place_reasons`.
    place_reasons: list[str]
    place_reason: IntArray
    # Rows whose country is not recognised (they match no claim), by reason.
    unplaced: dict[str, int]
    actors: tuple[Actors, ...]
    grade: Text | None
    figures: dict[str, FloatArray]
    flags: dict[str, BoolArray]
    # Rows grouped by (country, place): `order[start:end]` are the rows of a bucket.
    order: npt.NDArray[np.int64] = field(repr=False)
    # first_day and last_day in that order, so a bucket's dates are a contiguous slice.
    bucket_first: IntArray = field(repr=False)
    bucket_last: IntArray = field(repr=False)
    buckets: dict[tuple[str, str], tuple[int, int]] = field(repr=False)

    @property
    def parties(self) -> frozenset[str]:
        """Every canonical party some event of the file is attributed to."""
        found: set[str] = set()
        for actors in self.actors:
            for parties in actors.parties:
                found |= parties
        return frozenset(found)

    @property
    def rows(self) -> int:
        return len(self.first_day)

    @property
    def first_date(self) -> dt.date | None:
        return day(int(self.first_day.min())) if self.rows else None

    @property
    def last_date(self) -> dt.date | None:
        return day(int(self.last_day.max())) if self.rows else None

    def summary(self) -> str:
        """One line: what was read."""
        span = ""
        if self.rows:
            span = f", {self.first_date} to {self.last_date}"
        skipped = sum(self.unreadable.values())
        left = f"; {skipped} unreadable row(s) left out" if skipped else ""
        counted = plural(self.rows, self.layout.event_noun)
        return f"{self.variant}: {self.path}, {counted}{span}{left}"


def _unreadable_rows(
    prepared: Prepared,
) -> tuple[BoolArray, dict[str, int], dict[str, list[str]]]:
    """Each row's first reason for being unusable, counted; the mask of usable rows."""
    first, last = prepared.first_day, prepared.last_day
    reasons: dict[str, BoolArray] = {}
    bad_text = np.zeros(len(first), dtype=np.bool_)
    for mask in prepared.unreadable.values():
        bad_text |= mask
    reasons["unreadable date"] = bad_text
    reasons[NO_DATE] = (first == MISSING_DAY) | (last == MISSING_DAY)
    reasons[EPOCH_DATE] = (first == 0) | (last == 0)
    reasons[END_BEFORE_START] = last < first
    taken = np.zeros(len(first), dtype=np.bool_)
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    ident = prepared.ident
    for reason, mask in reasons.items():
        mine = mask & ~taken
        count = int(mine.sum())
        if count:
            counts[reason] = count
            rows = np.flatnonzero(mine)[:EXAMPLES]
            if ident is not None:
                labels = [str(ident[int(r)].as_py() or f"row {r + 1}") for r in rows]
            else:
                labels = [f"row {r + 1}" for r in rows]
            examples[reason] = labels
        taken |= mine
    return ~taken, counts, examples


def _take_text(text: Text, keep: BoolArray | None) -> Text:
    return text if keep is None else Text(text.codes[keep], text.values)


@dataclass(slots=True)
class _Where:
    """Each row's resolved country and place (codes into `countries` and `places`), why an
    unresolved place is unresolved, and the rows in no recognised country, by reason."""

    countries: list[str]
    places: list[str]
    reasons: list[str]
    country: IntArray
    place: IntArray
    reason: IntArray
    unplaced: dict[str, int]
    notes: list[str]


def _place_rows(resolver: PlaceResolver, place_text: Text, country_text: Text | None) -> _Where:
    """Resolve each distinct (country, place) pair once, then map the rows to the result."""
    # Distinct (country, place) pairs, as codes into the two value lists.
    n_places = len(place_text.values) + 1
    country_codes = (
        country_text.codes if country_text is not None else np.full(len(place_text), -1, np.int32)
    )
    pair_key = (country_codes.astype(np.int64) + 1) * n_places + (place_text.codes + 1)
    n_pairs = (len(country_text.values) + 1 if country_text is not None else 1) * n_places
    if n_pairs <= 1 << 22:
        # Small key space: count instead of sorting.
        pair_values = np.flatnonzero(np.bincount(pair_key, minlength=n_pairs))
        pair_slot = np.full(n_pairs, -1, dtype=np.int32)
        pair_slot[pair_values] = np.arange(len(pair_values), dtype=np.int32)
        pair_index = pair_slot[pair_key]
    else:
        pair_values, pair_index = np.unique(pair_key, return_inverse=True)
    pairs: list[tuple[str, str]] = []
    for value in pair_values.tolist():
        c, p = divmod(int(value), n_places)
        country_value = country_text.values[c - 1] if country_text is not None and c > 0 else ""
        pairs.append((country_value, place_text.values[p - 1] if p > 0 else ""))
    resolved, main_country = resolve_pairs(resolver, pairs, country_text is not None)
    notes: list[str] = []
    if main_country is not None:
        notes.append(
            f"The file has no country column; places that do not resolve are taken to be in "
            f"{display_name(main_country)}, where most of its places are."
        )
    countries = sorted({r.country for r in resolved})
    places_list = sorted({r.place for r in resolved})
    reasons = sorted({r.reason or "" for r in resolved})
    country_lut = np.array([countries.index(r.country) for r in resolved], dtype=np.int32)
    place_lut = np.array([places_list.index(r.place) for r in resolved], dtype=np.int32)
    reason_lut = np.array([reasons.index(r.reason or "") for r in resolved], dtype=np.int32)
    row_country = country_lut[pair_index]
    row_reason = reason_lut[pair_index]
    # Rows in no recognised country can match no claim: say so, with the names.
    unplaced: dict[str, int] = {}
    if "" in countries:
        per_reason = np.bincount(
            row_reason[row_country == countries.index("")], minlength=len(reasons)
        )
        unplaced = {reasons[i]: int(per_reason[i]) for i in np.flatnonzero(per_reason)}
        listed = "; ".join(f"{reason}: {count}" for reason, count in unplaced.items())
        notes.append(
            f"{sum(unplaced.values())} row(s) match no claim because of their country ({listed})."
        )
    return _Where(
        countries,
        places_list,
        reasons,
        row_country,
        place_lut[pair_index],
        row_reason,
        unplaced,
        notes,
    )


def _buckets(
    row_country: IntArray, row_place: IntArray, n_countries: int, n_places: int
) -> tuple[npt.NDArray[np.int64], dict[tuple[int, int], tuple[int, int]]]:
    """Rows grouped by (country, place): the order, and each bucket's slice of it."""
    # A 16-bit key sorts by radix, in one pass.
    bucket_key = row_country.astype(np.int64) * n_places + row_place
    n_buckets = n_countries * n_places
    key_type = np.int16 if n_buckets < np.iinfo(np.int16).max else np.int64
    order = np.argsort(bucket_key.astype(key_type), kind="stable").astype(np.int64)
    counts = np.bincount(bucket_key, minlength=n_buckets)
    ends = np.cumsum(counts)
    buckets: dict[tuple[int, int], tuple[int, int]] = {}
    for index in np.flatnonzero(counts).tolist():
        buckets[divmod(index, n_places)] = (int(ends[index] - counts[index]), int(ends[index]))
    return order, buckets


def load_events(
    path: str | Path,
    kind: str | None = None,
    *,
    places: PlaceResolver | None = None,
    date_format: str | None = None,
    limit: int | None = None,
) -> EventTable:
    """Read an event dataset (UCDP GED, ACLED or Airwars CSV; `kind` overrides detection).

    Raises `errors.InputError` when the file cannot be read, is over `limit` bytes (default:
    `events.source.events_limit()`, 2 GiB or $CASUALTY_RECON_EVENTS_MAX_BYTES) or lacks a needed
    column (the message names the columns expected), `errors.UsageError` for an unknown `kind`.
    `date_format` (`dd/mm/yyyy` or `mm/dd/yyyy`) is the order of numeric dates; without it the
    file must show its order (a day over 12) wherever a date like 05/07/2019 could be read both
    ways.
    """
    limit = events_limit() if limit is None else limit
    with event_source(str(path), limit) as source:
        header = sniff(path, source=source if source != str(path) else None, limit=limit)
        layout = detect(header, LAYOUTS, kind)
        raw = read_columns(header, layout, date_format)
        return _table(path, layout, raw, places)


def _table(path: str | Path, layout: Layout, raw: Raw, places: PlaceResolver | None) -> EventTable:
    """The event table of the columns read (`raw`): unusable rows counted, places resolved."""
    prepared = layout.prepare(raw)
    usable, unreadable, examples = _unreadable_rows(prepared)
    for reason, count in raw.bad_rows.items():
        unreadable[reason] = unreadable.get(reason, 0) + count
    for reason, shown in raw.examples.items():
        examples.setdefault(reason, shown)
    keep: BoolArray | None = None if usable.all() else usable

    def take(array: np.ndarray) -> np.ndarray:
        return array if keep is None else array[keep]

    resolver = places if places is not None else default_resolver()
    where = _place_rows(
        resolver,
        _take_text(prepared.place, keep),
        _take_text(prepared.country, keep) if prepared.country is not None else None,
    )
    notes = list(layout.notes) + raw.notes + prepared.notes + where.notes
    countries, places_list = where.countries, where.places
    row_country, row_place, row_reason = where.country, where.place, where.reason
    unplaced, reasons = where.unplaced, where.reasons
    actors = tuple(
        Actors(
            layout.actor_text or "",
            text.codes if keep is None else text.codes[keep],
            [parties_in(value, layout.separator) for value in text.values],
        )
        for text in prepared.actors
    )
    order, spans = _buckets(row_country, row_place, len(countries), len(places_list))
    buckets = {(countries[c], places_list[p]): span for (c, p), span in spans.items()}

    first_day = take(prepared.first_day)
    last_day = take(prepared.last_day)
    return EventTable(
        kind=layout.kind,
        title=layout.title,
        variant=prepared.variant or layout.title,
        path=str(path),
        layout=layout,
        rows_read=raw.rows + sum(raw.bad_rows.values()),
        unreadable=unreadable,
        bad_values=dict(raw.bad_values),
        examples=examples,
        notes=notes,
        first_day=first_day,
        last_day=last_day,
        date_prec=take(prepared.date_prec),
        where_prec=take(prepared.where_prec),
        countries=countries,
        country=row_country,
        places=places_list,
        place=row_place,
        place_reasons=reasons,
        place_reason=row_reason,
        unplaced=unplaced,
        actors=actors,
        grade=_take_text(prepared.grade, keep) if prepared.grade is not None else None,
        figures={name: take(values) for name, values in prepared.figures.items()},
        flags={name: take(values) for name, values in prepared.flags.items()},
        order=order,
        bucket_first=first_day[order],
        bucket_last=last_day[order],
        buckets=buckets,
    )


def frame(table: EventTable) -> pd.DataFrame:
    """The usable rows as a DataFrame (for inspection and tests; the cross-check uses arrays)."""
    data: dict[str, object] = {
        "first_day": pd.to_datetime(table.first_day, unit="D"),
        "last_day": pd.to_datetime(table.last_day, unit="D"),
        "country": np.array(table.countries, dtype=object)[table.country],
        "place": np.array(table.places, dtype=object)[table.place],
        "date_prec": table.date_prec,
        "where_prec": table.where_prec,
    }
    data.update(table.figures)
    data.update(table.flags)
    return pd.DataFrame(data)
