"""The date and period grammar (`grammar.periods`): one test row per grammar row and error."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty_recon.grammar.periods import parse_period, render_period
from casualty_recon.model.claims import DayRange
from casualty_recon.model.errors import GrammarError

D = dt.date

ROWS: list[tuple[object, dt.date, dt.date]] = [
    ("2019-04-29", D(2019, 4, 29), D(2019, 4, 29)),
    (D(2019, 4, 29), D(2019, 4, 29), D(2019, 4, 29)),
    (dt.datetime(2019, 4, 29, 13, 5), D(2019, 4, 29), D(2019, 4, 29)),
    ("2019-04", D(2019, 4, 1), D(2019, 4, 30)),
    ("2020-02", D(2020, 2, 1), D(2020, 2, 29)),
    ("April 2019", D(2019, 4, 1), D(2019, 4, 30)),
    ("Apr 2019", D(2019, 4, 1), D(2019, 4, 30)),
    ("Apr. 2019", D(2019, 4, 1), D(2019, 4, 30)),
    ("Sept 2019", D(2019, 9, 1), D(2019, 9, 30)),
    ("September, 2019", D(2019, 9, 1), D(2019, 9, 30)),
    ("2019", D(2019, 1, 1), D(2019, 12, 31)),
    (2019, D(2019, 1, 1), D(2019, 12, 31)),
    ("early April 2019", D(2019, 4, 1), D(2019, 4, 10)),
    ("mid April 2019", D(2019, 4, 11), D(2019, 4, 20)),
    ("mid-April 2019", D(2019, 4, 11), D(2019, 4, 20)),
    ("late April 2019", D(2019, 4, 21), D(2019, 4, 30)),
    ("late February 2019", D(2019, 2, 21), D(2019, 2, 28)),
    ("late February 2020", D(2020, 2, 21), D(2020, 2, 29)),
    ("beginning of May 2019", D(2019, 5, 1), D(2019, 5, 7)),
    ("start of May 2019", D(2019, 5, 1), D(2019, 5, 7)),
    ("the start of May 2019", D(2019, 5, 1), D(2019, 5, 7)),
    ("end of April 2019", D(2019, 4, 24), D(2019, 4, 30)),
    ("the end of April 2019", D(2019, 4, 24), D(2019, 4, 30)),
    ("the start of 2019", D(2019, 1, 1), D(2019, 1, 7)),
    ("beginning of 2019", D(2019, 1, 1), D(2019, 1, 7)),
    ("start of 2019", D(2019, 1, 1), D(2019, 1, 7)),
    ("end of 2019", D(2019, 12, 25), D(2019, 12, 31)),
    ("29 April 2019", D(2019, 4, 29), D(2019, 4, 29)),
    ("April 29, 2019", D(2019, 4, 29), D(2019, 4, 29)),
    ("April 29 2019", D(2019, 4, 29), D(2019, 4, 29)),
    ("29 Apr 2019", D(2019, 4, 29), D(2019, 4, 29)),
    ("29th April 2019", D(2019, 4, 29), D(2019, 4, 29)),
    ("1st May 2019", D(2019, 5, 1), D(2019, 5, 1)),
    ("April 29th, 2019", D(2019, 4, 29), D(2019, 4, 29)),
    ("29 February 2020", D(2020, 2, 29), D(2020, 2, 29)),
    ("2019-04-21..2019-04-30", D(2019, 4, 21), D(2019, 4, 30)),
    ("2019-04-21 .. 2019-04-30", D(2019, 4, 21), D(2019, 4, 30)),
    ("2019-04..2019-06", D(2019, 4, 1), D(2019, 6, 30)),
    ("2019-04-29..2019-04-29", D(2019, 4, 29), D(2019, 4, 29)),
    # case, space, a leading "the"
    ("  LATE  april 2019 ", D(2019, 4, 21), D(2019, 4, 30)),
    ("The end of April 2019", D(2019, 4, 24), D(2019, 4, 30)),
]


@pytest.mark.parametrize(("value", "earliest", "latest"), ROWS)
def test_grammar_row(value: object, earliest: dt.date, latest: dt.date) -> None:
    days = parse_period(value)
    assert (days.earliest, days.latest) == (earliest, latest)
    assert days.year_inferred is False


def test_text_is_verbatim() -> None:
    assert parse_period("  Late April 2019 ").text == "Late April 2019"
    assert parse_period(D(2019, 4, 29)).text == "2019-04-29"
    assert parse_period(2019).text == "2019"


YEARLESS: list[tuple[str, dt.date, dt.date]] = [
    ("late April", D(2020, 4, 21), D(2020, 4, 30)),
    ("mid-April", D(2020, 4, 11), D(2020, 4, 20)),
    ("the end of April", D(2020, 4, 24), D(2020, 4, 30)),
    ("start of May", D(2020, 5, 1), D(2020, 5, 7)),
    ("29 April", D(2020, 4, 29), D(2020, 4, 29)),
    ("April 29", D(2020, 4, 29), D(2020, 4, 29)),
    ("April 29th", D(2020, 4, 29), D(2020, 4, 29)),
    ("April", D(2020, 4, 1), D(2020, 4, 30)),
    ("29 February", D(2020, 2, 29), D(2020, 2, 29)),
]


@pytest.mark.parametrize(("text", "earliest", "latest"), YEARLESS)
def test_a_phrase_without_a_year_takes_the_default(
    text: str, earliest: dt.date, latest: dt.date
) -> None:
    days = parse_period(text, default_year=2020)
    assert (days.earliest, days.latest, days.year_inferred) == (earliest, latest, True)
    assert days.text == text


@pytest.mark.parametrize(("text", "earliest", "latest"), YEARLESS)
def test_a_phrase_without_a_year_needs_one(text: str, earliest: dt.date, latest: dt.date) -> None:
    with pytest.raises(GrammarError) as info:
        parse_period(text)
    assert info.value.code == "bad-date"
    assert f'"{text}"' in info.value.message
    assert "add the year" in (info.value.hint or "")


def test_a_written_year_wins_over_the_default() -> None:
    days = parse_period("late April 2019", default_year=2020)
    assert (days.earliest.year, days.year_inferred) == (2019, False)


ERRORS: list[tuple[object, str]] = [
    ("yesterday", 'cannot read date "yesterday"'),
    ("", 'cannot read date ""'),
    ("31 April 2019", "there is no day 2019-04-31"),
    ("2019-02-30", "there is no day 2019-02-30"),
    ("29 February 2019", "there is no day 2019-02-29"),
    ("29 February", "there is no day 2019-02-29"),  # with default_year 2019 below
    ("2019-13", "there is no month 13"),
    ("0000", "there is no year 0"),
    ("2019-04-30..2019-04-21", "the interval ends before it starts"),
    ("late April..2019-05-01", "each end of an interval"),
    ("early 2019", 'cannot read date "early 2019"'),
    ("2019-4-29", 'cannot read date "2019-4-29"'),
    ("29/04/2019", 'cannot read date "29/04/2019"'),
    ("Aprill 2019", 'cannot read date "Aprill 2019"'),
    (True, 'cannot read date "true"'),
    (None, 'cannot read date "None"'),
    (2019.5, 'cannot read date "2019.5"'),
    (0, 'cannot read date "0"'),
    ("x" * 500, "too long"),
]


@pytest.mark.parametrize(("value", "message"), ERRORS)
def test_error(value: object, message: str) -> None:
    with pytest.raises(GrammarError) as info:
        parse_period(value, default_year=2019)
    assert info.value.code == "bad-date"
    assert message in info.value.message
    assert "2019-04-29" in (info.value.hint or "")


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("29 April 2019", "2019-04-29"),
        ("April 2019", "2019-04"),
        ("2019", "2019"),
        ("late April 2019", "2019-04-21..2019-04-30"),
        ("2019-01..2019-12", "2019"),
    ],
)
def test_render(text: str, rendered: str) -> None:
    assert render_period(parse_period(text)) == rendered


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=40), st.dates(), st.integers(), st.none(), st.booleans()))
def test_any_value_is_days_or_a_grammar_error(value: object) -> None:
    try:
        days = parse_period(value, default_year=2019)
    except GrammarError as error:
        assert error.code == "bad-date"
        return
    assert days.earliest <= days.latest


@settings(max_examples=300)
@given(st.dates(), st.dates(), st.booleans())
def test_any_day_range_round_trips(one: dt.date, other: dt.date, single: bool) -> None:
    earliest, latest = (one, one) if single else (min(one, other), max(one, other))
    days = DayRange(earliest, latest, "anything")
    again = parse_period(render_period(days))
    assert (again.earliest, again.latest) == (earliest, latest)


@settings(max_examples=300)
@given(
    st.dates(min_value=D(1000, 1, 1)),
    st.sampled_from(["{d} {M} {y}", "{M} {d}, {y}", "{y}-{m}-{dd}", "{d}th {M} {y}"]),
)
def test_written_days_parse_to_that_day(day: dt.date, pattern: str) -> None:
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    months += ["September", "October", "November", "December"]
    text = pattern.format(
        d=day.day, dd=f"{day.day:02d}", M=months[day.month - 1], m=f"{day.month:02d}", y=day.year
    )
    days = parse_period(text)
    assert (days.earliest, days.latest) == (day, day)


def test_grammar_table_matches_sources_format() -> None:
    """Every `written` example of SOURCES_FORMAT.md's date table parses and spans its days."""
    doc = Path(__file__).resolve().parents[1] / ".." / "shared" / "docs" / "SOURCES_FORMAT.md"
    if not doc.exists():
        pytest.skip("../shared/docs is not here (fresh clone)")
    text = doc.read_text(encoding="utf-8")
    section = text.split("## Date and period grammar", 1)[1].split("\n## ", 1)[0]
    checked = 0
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        for example in re.findall(r"`([^`]+)`", cells[0]):
            days = parse_period(example, default_year=2019)
            interval = re.fullmatch(r"(\d{4}-\d\d-\d\d) \.\. (\d{4}-\d\d-\d\d)", cells[1])
            if interval:
                assert days.earliest.isoformat() == interval[1], example
                assert days.latest.isoformat() == interval[2], example
            checked += 1
    assert checked >= 14
