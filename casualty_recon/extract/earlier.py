"""Figures a sentence dates from another figure's day: "rose to 61 on Monday, up from 45 a day
earlier", "up from last week's toll of 45", "from 45 two days earlier".

The clause's window (`window.window`) is the day of its main figure; a figure that the words
right beside it date relative to that day ("a day earlier", "the day before", "two days earlier",
"a week earlier", "last week's toll of", "Friday's toll of") runs to the day so counted back;
an earlier toll ("revising its earlier toll of 80") to some day before it, the day unknown.
Only a few words either side of the figure are read, so the cost does not grow with the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from casualty_recon.extract.window import Window
from casualty_recon.grammar.numbers import parse_number_words
from casualty_recon.grammar.periods import parse_period, render_period
from casualty_recon.model.errors import GrammarError

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_REACH = 80  # characters read either side of a figure
# After the figure, up to two words ("45 people", "45 deaths"), then the days counted back.
_AFTER = re.compile(
    r"(?:\s+(?!(?:on|in|at|since|by|from|to|and|or|but)\b)[a-z]+){0,2},?\s+"
    r"(?P<phrase>(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+(?:earlier|before|previously)|"
    r"the (?P<unit_before>day|week) before|the previous (?P<unit_previous>day|week))\b",
    re.I,
)
# Before the figure: the toll of a day or week named from the later figure's ("last week's
# toll of", "the previous day's toll of", "Friday's toll of").
_BEFORE = re.compile(
    r"(?P<phrase>(?P<earlier>(?:its|their|his|her|an?|the)\s+(?:own\s+)?(?:earlier|previous|"
    r"prior|initial|first|preliminary)\s+(?:death\s+)?(?:toll|tally|count|figure|total|estimate))|"
    r"(?:(?P<week>last week|the previous week|the week before)|"
    r"(?P<day>the previous day|the day before)|(?P<weekday>"
    + "|".join(w.capitalize() for w in _WEEKDAYS)
    + r"))['\u2019]s?\s+(?:death\s+)?(?:toll|tally|count|figure|total))\s+(?:of|at|was)\s+"
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost)\s+)?$",
    re.I,
)


def earlier_window(clause: str, start: int, end: int, span: Window) -> Window | None:
    """The window of the figure at `start`..`end` of `clause` when the words beside it date it
    from the clause's day (`span.as_of`), else None (the clause's window is the figure's)."""
    days = _days(span.as_of)
    if days is None:
        return None
    after = _AFTER.match(clause[end : end + _REACH])
    if after is not None:
        phrase = after.group("phrase")
        if (after.group("unit_before") or after.group("unit_previous") or "").lower() == "week":
            return _week_before(span, days[1], phrase)  # "the week before": the calendar week
        unit, count = after.group("unit") or "day", after.group("count") or "1"
        back = int(count) if count.isdigit() else parse_number_words(count) or 1  # "a": 1
        back *= 7 if unit.lower().startswith("week") else 1
        first, last = days[0] - dt.timedelta(days=back), days[1] - dt.timedelta(days=back)
        return _dated(span, first, last, phrase, True)
    before = _BEFORE.search(clause[max(0, start - _REACH) : start])
    if before is None:
        return None
    day = days[1]
    if before.group("earlier"):
        return _before_day(span, days[0], before.group("phrase"))
    if before.group("week"):
        return _week_before(span, day, before.group("phrase"))
    if before.group("day"):
        back = 1
    else:  # "Friday's toll": the last Friday before the later figure's day
        back = (day.weekday() - _WEEKDAYS.index(before.group("weekday").lower())) % 7 or 7
    first = day - dt.timedelta(days=back)
    return _dated(span, first, first, before.group("phrase"), True)


def _before_day(span: Window, day: dt.date, phrase: str) -> Window:
    """An earlier toll, its day unknown: up to the day before the later figure's, from the
    count's start where the clause states one, else from the start of the year before (a toll
    revised is seldom older; the interval says the day is not known)."""
    last = day - dt.timedelta(days=1)
    first = dt.date(last.year - 1, 1, 1)
    how = f"the start of {first.year}"
    stated = _days(span.start)
    if stated is not None and stated[0] <= last:
        first, how = stated[0], "the count's start"
    window = _dated(span, first, last, phrase, False)
    note = f"as_of: '{phrase}' read as {window.as_of}, some day before {span.as_of}, from {how}"
    return dataclasses.replace(window, notes=(*window.notes[:-1], note))


def _week_before(span: Window, day: dt.date, phrase: str) -> Window:
    """Monday to Sunday of the week before the later figure's day."""
    monday = day - dt.timedelta(days=day.weekday() + 7)
    return _dated(span, monday, monday + dt.timedelta(days=6), phrase, False)


def _days(written: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a window's end can mean; None where it has none or is unknown."""
    if written is None:
        return None
    try:
        days = parse_period(written)
    except GrammarError:  # "unknown": nothing to count back from
        return None
    return days.earliest, days.latest


def _dated(span: Window, first: dt.date, last: dt.date, phrase: str, one_day: bool) -> Window:
    """The clause's window with as_of counted back, its start kept only where it still comes
    first, and a note saying from which day."""
    days = parse_period(f"{first.isoformat()}..{last.isoformat()}")
    as_of = render_period(days)
    stated = _days(span.start)
    start = span.start if stated is not None and stated[0] <= first else None
    notes = [note for note in span.notes if not note.startswith("as_of")]
    notes.append(f"as_of: '{phrase}' read as {as_of}, counted back from {span.as_of}")
    return dataclasses.replace(
        span, start=start, as_of=as_of, notes=tuple(notes), event_day=one_day and first == last
    )
