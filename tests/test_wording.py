"""The wording module: one way to write days, intervals and lists."""

import datetime as dt

from casualty_recon.grammar.wording import (
    and_list,
    fmt,
    fmt_brief_span,
    fmt_signed_span,
    fmt_span,
    human_day,
    human_range,
    iso_day_text,
    label,
    or_list,
    plural,
    short_day,
)
from casualty_recon.model.claims import DayRange
from casualty_recon.model.spans import INF, Span


def test_days() -> None:
    day = dt.date(2019, 8, 20)
    assert human_day(day) == "20 August 2019"
    assert short_day(day) == "20 Aug 2019"
    one = DayRange(day, day, "20 August")
    late = DayRange(dt.date(2019, 4, 21), dt.date(2019, 4, 30), "late April")
    assert human_range(one) == "20 August 2019"
    assert human_range(late) == "late April"
    assert iso_day_text(one) == "2019-08-20"
    assert iso_day_text(late) == "late April (2019-04-21..2019-04-30)"
    assert iso_day_text(None) == "?"


def test_numbers_and_spans() -> None:
    assert fmt(1089) == "1,089"
    assert fmt(18.84) == "18.8"
    assert fmt(INF) == "open"
    assert fmt_span(Span(225.5, 336)) == "225.5 to 336"
    assert fmt_span(Span(731, INF)) == "731 or more"
    assert fmt_span(Span.point(500)) == "500"
    assert fmt_brief_span(Span(731, INF)) == "731+"
    assert fmt_brief_span(Span(5, 9)) == "5 to 9"
    assert fmt_signed_span(Span(-44.6, -38.7)) == "-44.6 to -38.7"
    assert fmt_signed_span(Span.point(12)) == "+12"


def test_lists_and_labels() -> None:
    assert and_list([]) == ""
    assert and_list(["a"]) == "a"
    assert and_list(["a", "b"]) == "a and b"
    assert and_list(iter(["a", "b", "c"])) == "a, b and c"
    assert or_list(["as_of"]) == "as_of"
    assert or_list(iter(["as_of", "start", "pace"])) == "as_of, start or pace"
    assert plural(1, "pair") == "1 pair"
    assert plural(0, "pair") == "0 pairs"
    assert plural(1200, "pair") == "1,200 pairs"
    assert label("partly_explained") == "partly explained"
