"""The date and period grammar: a date as written, and the interval of days it can mean.

Layer 2 (README, "Layout of the code"). Mirrors the README, "Input format", Dates. `Month` is
a month name (`April`), its three-letter form (`Apr`, `Sept`), with or without a full stop.

| written | resolves to |
|---|---|
| `2019-04-29` (or a YAML date) | that day |
| `2019-04`, `April 2019`, `Apr 2019`, `Sept 2019` | 2019-04-01 .. 2019-04-30 |
| `2019` (or a YAML int) | 2019-01-01 .. 2019-12-31 |
| `early April 2019`, `mid April 2019`, `mid-April 2019`, `late April 2019` | days 1-10, 11-20, |
| | 21-end |
| `beginning of May 2019`, `start of May 2019` | days 1-7 |
| `end of April 2019` | the last 7 days |
| `the start of 2019`, `beginning of 2019`, `start of 2019` | 2019-01-01 .. 2019-01-07 |
| `end of 2019` | 2019-12-25 .. 2019-12-31 |
| `29 April 2019`, `29th April 2019`, `29 Apr 2019`, `April 29, 2019`, `April 29th 2019` | day |
| `2019-04-21..2019-04-30` (each end a day, month or year in digits) | the interval |

Matching ignores case, surrounding space and a leading `the`. A phrase without a year
(`late April`, `29 April`, `April`) takes `default_year` and sets `year_inferred`; without a
default year it is an error. Anything else, and days that do not exist (`31 April 2019`), is a
`bad-date` GrammarError that quotes the text and lists the accepted forms.
"""

from __future__ import annotations

import datetime as dt
import re

from casualty_recon.grammar.patterns import on_first_use
from casualty_recon.grammar.wording import MONTHS
from casualty_recon.model.claims import DayRange
from casualty_recon.model.errors import (
    ACCEPTED_PERIODS,
    PERIOD_BAD,
    PERIOD_EMPTY,
    PERIOD_INTERVAL_BACKWARDS,
    PERIOD_INTERVAL_END,
    PERIOD_NO_SUCH_DAY,
    PERIOD_NO_SUCH_MONTH,
    PERIOD_NO_SUCH_YEAR,
    PERIOD_NO_YEAR,
    PERIOD_NOT_TEXT,
    PERIOD_TOO_LONG,
    PERIOD_YEAR_OUT_OF_RANGE,
    GrammarError,
    Template,
)

__all__ = ["ACCEPTED_PERIODS", "parse_period", "render_period"]

# The house's month names (wording.MONTHS, not calendar.month_name, which follows the locale).
_MONTHS: dict[str, int] = {name.lower(): number for number, name in enumerate(MONTHS, 1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>[0-9]{4})"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_PART = r"(?P<part>early|mid|late|beginning of|start of|end of)"

_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_ISO_YEAR = re.compile(r"[0-9]{4}")
_MONTH_YEAR = re.compile(_MONTH + r"(?:,? " + _YEAR + ")?")
_PART_MONTH = re.compile(_PART + r"[ -]" + _MONTH + r"(?:,? " + _YEAR + ")?")
_PART_YEAR = re.compile(r"(?P<part>beginning of|start of|end of) " + _YEAR)
_DAY_MONTH = on_first_use(_DAY + r" (?:of )?" + _MONTH + r"(?:,? " + _YEAR + ")?")
_MONTH_DAY = on_first_use(_MONTH + " " + _DAY + r"(?:,? " + _YEAR + ")?")
_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_MAX_TEXT = 100


def _bad(text: str, template: Template = PERIOD_BAD, **values: object) -> GrammarError:
    return GrammarError.of(template, text=text, **values)


def _day(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _bad(text, PERIOD_NO_SUCH_DAY, year=year, month=month, day=day) from None


def _last_day(year: int, month: int) -> int:
    """The month's last day (without importing `calendar`, a start-up cost)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def _month(year: int, month: int, text: str) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12:
        raise _bad(text, PERIOD_NO_SUCH_MONTH, month=month)
    start = _day(year, month, 1, text)
    return start, start.replace(day=_last_day(year, month))


def _year(year: int, text: str) -> tuple[dt.date, dt.date]:
    if year < 1:
        raise _bad(text, PERIOD_NO_SUCH_YEAR, year=0)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _iso(s: str, text: str) -> tuple[dt.date, dt.date] | None:
    """A day, month or year written in digits, or None if `s` is none of them."""
    match = _ISO_DAY.fullmatch(s)
    if match:
        day = _day(int(match[1]), int(match[2]), int(match[3]), text)
        return day, day
    match = _ISO_MONTH.fullmatch(s)
    if match:
        return _month(int(match[1]), int(match[2]), text)
    if _ISO_YEAR.fullmatch(s):
        return _year(int(s), text)
    return None


def _part_of_month(part: str, year: int, month: int, text: str) -> tuple[dt.date, dt.date]:
    start, end = _month(year, month, text)
    if part == "early":
        return start, start.replace(day=10)
    if part == "mid":
        return start.replace(day=11), start.replace(day=20)
    if part == "late":
        return start.replace(day=21), end
    if part == "end of":
        return end - dt.timedelta(days=6), end
    return start, start.replace(day=7)  # beginning of, start of


def _resolve(s: str, text: str, default_year: int | None) -> tuple[dt.date, dt.date, bool]:
    """Earliest, latest and whether the year was inferred, for normalised text `s`."""
    iso = _iso(s, text)
    if iso is not None:
        return iso[0], iso[1], False
    if ".." in s:
        head, _, tail = s.partition("..")
        first = _iso(head.strip(), text)
        last = _iso(tail.strip(), text)
        if first is None or last is None:
            raise _bad(text, PERIOD_INTERVAL_END)
        if first[0] > last[1]:
            raise _bad(text, PERIOD_INTERVAL_BACKWARDS)
        return first[0], last[1], False
    match = _PART_YEAR.fullmatch(s)
    if match:
        year = int(match["year"])
        if year < 1:
            raise _bad(text, PERIOD_NO_SUCH_YEAR, year=0)
        if match["part"] == "end of":
            return dt.date(year, 12, 25), dt.date(year, 12, 31), False
        return dt.date(year, 1, 1), dt.date(year, 1, 7), False
    for pattern in (_MONTH_YEAR, _PART_MONTH, _DAY_MONTH(), _MONTH_DAY()):
        match = pattern.fullmatch(s)
        if match:
            break
    else:
        raise _bad(text)
    month = _MONTHS[match["month"]]
    inferred = match["year"] is None
    if inferred:
        if default_year is None:
            raise GrammarError.of(PERIOD_NO_YEAR, text=text)
        year = default_year
    else:
        year = int(match["year"])
    if not 1 <= year <= 9999:
        raise _bad(text, PERIOD_NO_SUCH_YEAR, year=year)
    groups = match.groupdict()
    if groups.get("day") is not None:
        day = _day(year, month, int(groups["day"]), text)
        return day, day, inferred
    if groups.get("part") is not None:
        start, end = _part_of_month(groups["part"], year, month, text)
        return start, end, inferred
    start, end = _month(year, month, text)
    return start, end, inferred


def parse_period(value: object, default_year: int | None = None) -> DayRange:
    """Read a date or period phrase (or a YAML date or year) into the days it can mean.

    Raises GrammarError (`bad-date`) and nothing else.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DayRange(value, value, value.isoformat())
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 9999:
            raise _bad(str(value), PERIOD_YEAR_OUT_OF_RANGE)
        earliest, latest = _year(value, str(value))
        return DayRange(earliest, latest, str(value))
    if not isinstance(value, str):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise _bad(shown[:_MAX_TEXT], PERIOD_NOT_TEXT)
    text = value.strip()
    if len(text) > _MAX_TEXT:
        raise _bad(text[:_MAX_TEXT] + "...", PERIOD_TOO_LONG)
    if not text:
        raise _bad(text, PERIOD_EMPTY)
    s = _SPACE.sub(" ", text.lower())
    if s.startswith("the "):
        s = s[4:]
    earliest, latest, inferred = _resolve(s, text, default_year)
    return DayRange(earliest, latest, text, inferred)


def render_period(days: DayRange) -> str:
    """Canonical text that parses back to the same days: a day, month, year or interval."""
    first, last = days.earliest, days.latest
    if first == last:
        return first.isoformat()
    if first.day == 1 and last == first.replace(day=_last_day(first.year, first.month)):
        return f"{first.year:04d}-{first.month:02d}"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"{first.year:04d}"
    return f"{first.isoformat()}..{last.isoformat()}"
