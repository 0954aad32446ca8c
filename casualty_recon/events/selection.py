"""Which events of a table a claim's scope selects (country, places, window, parties, grade,
precision), with the rows left out counted by reason and the rule that was applied."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import numpy.typing as npt

from casualty_recon.events.layout import BoolArray, Measure
from casualty_recon.events.table import EventTable

RowArray = npt.NDArray[np.int64]
STRADDLES = "straddles the window"
PERPETRATOR_UNKNOWN = "perpetrator not identified"


class _Scan:
    """What every claim of one cross-check shares: the file's buckets indexed by country, the
    grade rule, the precision thresholds, and the selections already made (claims with the same
    places, window, parties and measure reuse them)."""

    def __init__(
        self,
        events: EventTable,
        grade_reasons: list[str] | None,
        date_prec: int | None,
        where_prec: int | None,
    ) -> None:
        self.events = events
        self.grade_reasons = grade_reasons
        self.date_prec = date_prec
        self.where_prec = where_prec
        self.by_country: dict[str, list[tuple[str, int, int]]] = {}
        for (country, place), (start, end) in events.buckets.items():
            self.by_country.setdefault(country, []).append((place, start, end))
        self._done: dict[object, tuple[RowArray, dict[str, int]]] = {}

    def select(
        self,
        measure: Measure,
        wanted: dict[str, set[str] | None],
        parties: frozenset[str] | None,
        window: tuple[int, int],
    ) -> tuple[RowArray, dict[str, int]]:
        key = (
            measure,
            tuple(sorted((c, None if p is None else frozenset(p)) for c, p in wanted.items())),
            parties,
            window,
        )
        if key not in self._done:
            self._done[key] = _select(self, measure, wanted, parties, window)
        rows, excluded = self._done[key]
        return rows, dict(excluded)


def _rows_of(
    scan: _Scan, wanted: dict[str, set[str] | None], window: tuple[int, int]
) -> tuple[RowArray, BoolArray]:
    """Rows whose dates overlap the window, in the claim's places or of unknown place in its
    countries, and a mask of those in its places. Works on each bucket's contiguous slice of
    the bucket-ordered dates, gathering only the overlapping rows."""
    events = scan.events
    w0, w1 = window
    pieces: list[RowArray] = []
    in_place: list[BoolArray] = []
    buckets = [
        (country, place, start, end)
        for country in sorted(wanted)
        for place, start, end in scan.by_country.get(country, ())
    ]
    for country, place, start, end in buckets:
        codes = wanted[country]
        if codes is None or place in codes:
            inside = True
        elif place == "":
            inside = False
        else:
            continue
        overlaps = (events.bucket_last[start:end] >= w0) & (events.bucket_first[start:end] <= w1)
        rows = events.order[start:end][overlaps]
        pieces.append(rows)
        in_place.append(np.full(len(rows), inside, dtype=np.bool_))
    if not pieces:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.bool_)
    return np.concatenate(pieces), np.concatenate(in_place)


def _select(
    scan: _Scan,
    measure: Measure,
    wanted: dict[str, set[str] | None],
    parties: frozenset[str] | None,
    window: tuple[int, int],
) -> tuple[RowArray, dict[str, int]]:
    """The rows to sum, and the rows left out by reason."""
    events = scan.events
    grade_reasons, date_prec, where_prec = scan.grade_reasons, scan.date_prec, scan.where_prec
    w0, w1 = window
    rows, in_place = _rows_of(scan, wanted, window)
    first, last = events.first_day[rows], events.last_day[rows]

    # Perpetrators: known and matching, or unknown (a reason), else out of scope.
    if parties is None:
        matches = np.ones(len(rows), dtype=np.bool_)
        unknown = np.zeros(len(rows), dtype=np.bool_)
    else:
        matches = np.zeros(len(rows), dtype=np.bool_)
        unknown = np.ones(len(rows), dtype=np.bool_)
        for actors in events.actors:
            hit = np.array([bool(p & parties) for p in actors.parties] + [False])
            named = np.array([bool(p) for p in actors.parties] + [False])
            codes = actors.codes[rows]
            matches |= hit[codes]
            unknown &= ~named[codes]
    candidate = matches | unknown
    if measure.rows is not None:
        candidate &= events.flags[measure.rows][rows]
    rows, in_place, matches = rows[candidate], in_place[candidate], matches[candidate]
    first, last = first[candidate], last[candidate]

    # Each candidate's first reason to be left out, as an index into `names` (0: summed).
    names: list[str] = [""]
    number_of: dict[str, int] = {"": 0}
    reasons = np.zeros(len(rows), dtype=np.int32)

    def code_of(reason: str) -> int:
        if reason not in number_of:
            number_of[reason] = len(names)
            names.append(reason)
        return number_of[reason]

    def mark(mask: BoolArray, reason: str) -> None:
        reasons[mask & (reasons == 0)] = code_of(reason)

    def mark_each(codes: npt.NDArray[np.int32], texts: list[str]) -> None:
        # Row reason texts[code]; an empty text is no reason.
        lookup = np.array([code_of(text) for text in texts], dtype=np.int32)
        todo = reasons == 0
        reasons[todo] = lookup[codes[todo]]

    mark((first < w0) | (last > w1), STRADDLES)
    if not in_place.all():
        # Rows in the claim's places have no place reason.
        place_codes = np.where(in_place, -1, events.place_reason[rows]).astype(np.int32)
        mark_each(place_codes, [*events.place_reasons, ""])
    if date_prec is not None:
        mark(events.date_prec[rows] > date_prec, f"date precision coarser than {date_prec}")
    if where_prec is not None:
        mark(events.where_prec[rows] > where_prec, f"place precision coarser than {where_prec}")
    mark(~matches, PERPETRATOR_UNKNOWN)
    if grade_reasons is not None and events.grade is not None:
        # Grade code -1 (no grade) picks the last entry.
        mark_each(events.grade.codes[rows], grade_reasons)
    missing = np.zeros(len(rows), dtype=np.bool_)
    for column in measure.columns:
        missing |= np.isnan(events.figures[column][rows])
    mark(missing, f"no figure for {measure.label}")
    counts = np.bincount(reasons, minlength=len(names))
    left_out: Counter[str] = Counter()
    for index in np.flatnonzero(counts[1:]) + 1:
        left_out[names[index]] += int(counts[index])
    kept = rows[reasons == 0]
    return kept, {reason: left_out[reason] for reason in sorted(left_out, key=_reason_order)}


_ORDER = (
    STRADDLES,
    "place",
    "date precision",
    "place precision",
    PERPETRATOR_UNKNOWN,
    "graded",
    "no grade",
    "no figure",
)


def _reason_order(reason: str) -> tuple[int, str]:
    for index, prefix in enumerate(_ORDER):
        if reason.startswith(prefix):
            return index, reason
    return len(_ORDER), reason


def _rule_text(
    events: EventTable,
    measure: Measure | None,
    window_start: dt.date | None,
    window_end: dt.date | None,
    grades: tuple[str, ...] | None,
    date_prec: int | None,
    where_prec: int | None,
) -> str:
    """The matching rule; without a window, worded for any claim (its window is in its
    sentence), so that claims share one rule."""
    layout = events.layout
    start = window_start.isoformat() if window_start else "?"
    window = (
        f"{start} to {window_end.isoformat()} (the earliest start to the latest as_of the claim "
        "allows)"
        if window_end is not None
        else "the claim's window (from the earliest day its start can mean to the latest day its "
        "as_of can mean)"
    )
    parts = [
        f"Events count when their whole date span lies within {window}; "
        "events straddling either end are left out and counted.",
        "Places: an event counts when its subdivision is one of the claim's places (or the "
        "claim names its country); in a sub-national claim, events known only to the country "
        "or with an unrecognised place are left out and counted.",
    ]
    if measure is not None:
        only = " (only civilian-targeting events)" if measure.rows else ""
        parts.append(f"Summed: {measure.described}{only}.")
    if layout.actor_text:
        parts.append(f"Perpetrators are matched on {layout.actor_text}.")
    if layout.grades:
        if grades is None:
            dropped = ", ".join(layout.default_excluded_grades) or "none"
            parts.append(f"Grades: all but {dropped}.")
        else:
            parts.append(f"Grades: {', '.join(grades)} only.")
    if date_prec is not None and layout.date_prec_scale:
        parts.append(f"Date precision {date_prec} or finer ({layout.date_prec_scale}).")
    elif date_prec is not None:
        parts.append(f"{layout.title} has no date precision; --date-prec does not apply.")
    if where_prec is not None and layout.where_prec_scale:
        parts.append(f"Place precision {where_prec} or finer ({layout.where_prec_scale}).")
    elif where_prec is not None:
        parts.append(f"{layout.title} has no place precision; --where-prec does not apply.")
    return " ".join(parts)
