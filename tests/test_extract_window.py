"""The window of a statement: stated days win over the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract.window import article_date, window
from casualty_recon.grammar.periods import parse_period

PUBLISHED = dt.date(2022, 3, 3)  # a Thursday

WINDOWS = [
    # as of / by / until a day
    ("The UN had recorded 227 civilian deaths as of 1 March.", None, "2022-03-01"),
    ("As of March 1st, 227 civilians had been killed.", None, "2022-03-01"),
    ("By 2 March, 300 people had died.", None, "2022-03-02"),
    ("Until 28 February 2022, 100 people had died.", None, "2022-02-28"),
    ("The toll as of Monday stood at 40.", None, "2022-02-28"),
    ("By the end of February 100 people had died.", None, "2022-02-22..2022-02-28"),
    # between two days, from one day to another
    ("Between 24 February and 2 March, 400 civilians were killed.", "2022-02-24", "2022-03-02"),
    ("Between 1 and 2 March, 20 people died.", "2022-03-01", "2022-03-02"),
    ("From 3 May to 9 June 2021, 10 people died.", "2021-05-03", "2021-06-09"),
    # a month that ends the sentence keeps its full stop out of the date
    ("150 civilians were killed between January and February.", "January 2022", "February 2022"),
    ("40 people had died by February.", None, "February 2022"),
    ("Nine soldiers died between 1 and 2 March.", "2022-03-01", "2022-03-02"),
    # since a day: start, and the publication date as as_of
    ("Since 24 February, 2,000 civilians have died.", "2022-02-24", "2022-03-03"),
    ("Since late April 300 civilians had been killed.", "late April 2021", "2022-03-03"),
    # the year so far
    ("Attacks have killed 600 civilians so far this year.", "start of 2022", "2022-03-03"),
    ("So far this year, 600 civilians were killed.", "start of 2022", "2022-03-03"),
    ("600 civilians were killed in the year to date.", "start of 2022", "2022-03-03"),
    # the first months of a year
    ("1,659 civilians were killed in the first six months of 2021.", "January 2021", "June 2021"),
    (
        "Gang violence killed 2,500 people in the first two months of the year.",
        "January 2022",
        "February 2022",
    ),
    ("In the first half of 2021, 300 people died.", "January 2021", "June 2021"),
    ("In the first quarter of this year, 30 people died.", "January 2022", "March 2022"),
    # since an event on a stated day: that day starts the count, it does not end it
    (
        "2,940 people were killed since the coup on Feb. 1, 2021, AAPP said.",
        "2021-02-01",
        "2022-03-03",
    ),
    ("Since the war began in April 2021, 14,000 people have died.", "April 2021", "2022-03-03"),
    ("400 people died since the truce collapsed on 12 January.", "2022-01-12", "2022-03-03"),
    ("30 died since the raid on Tuesday, the group said.", "2022-03-01", "2022-03-03"),
    # since a weekday: that day starts the count; as_of is the article's day or the saying's
    ("40 civilians have been killed in Donetsk oblast since Monday.", "2022-02-28", "2022-03-03"),
    ("20 people have died since Friday's attack.", "2022-02-25", "2022-03-03"),
    ("Shelling has killed 12 people since last Tuesday.", "2022-03-01", "2022-03-03"),
    ("9 died since Monday, officials said on Wednesday.", "2022-02-28", "2022-03-02"),
    ("Since Sunday night, 30 civilians have died.", "2022-02-27", "2022-03-03"),
    ("Shelling has killed 12 people since Thursday last week.", "2022-02-24", "2022-03-03"),
    ("17 were killed since the start of the month.", "2022-03-01", "2022-03-03"),
    # a calendar period named relative to publication: the whole period
    (
        "Armed groups killed 15 civilians last month, officials said on Monday.",
        "February 2022",
        "February 2022",
    ),
    ("Jihadists killed 29 soldiers in Tillaberi last week.", "2022-02-21", "2022-02-27"),
    ("Attacks killed 150 civilians in Somalia last year.", "2021", "2021"),
    ("Explosive remnants killed 48 children in Iraq in 2021, UNICEF said.", "2021", "2021"),
    (
        "Raiders have killed 32 people in Jonglei this year, officials said.",
        "start of 2022",
        "2022-03-03",
    ),
    # ... but not a year that dates something else, nor the day of the saying
    ("The war, which began in 2014, has killed 14,000 people.", None, "2022-03-03"),
    ("The ministry said last week that 40 people had been killed.", None, "2022-03-03"),
    ("Five people were killed on 1 March this year.", None, "2022-03-01"),
    # the weekend, two named days
    ("Gang attacks killed 22 people over the weekend.", "2022-02-26", "2022-02-27"),
    ("Shelling killed 3 civilians on Tuesday and Wednesday.", "2022-03-01", "2022-03-02"),
    # a past span counts back from the day the count was given, not from publication
    (
        "Strikes killed 42 people over the past 24 hours, the ministry said on Monday.",
        "2022-02-28",
        "2022-02-28",
    ),
    ("In the past three days 15 died, the agency said on Tuesday.", "2022-02-26", "2022-03-01"),
    ("Strikes killed 42 people over the past 24 hours.", "2022-03-03", "2022-03-03"),
    # the stated count day wins over the day it was said
    ("The OHCHR said on Thursday it had recorded 227 deaths as of 1 March.", None, "2022-03-01"),
    # no date: not a day phrase
    ("Between 8,000 and 13,000 civilians have died.", None, "2022-03-03"),
    ("Up to 300 people were killed by 2,000 shells.", None, "2022-03-03"),
    ("The group said 12 people were killed by the army.", None, "2022-03-03"),
]


@pytest.mark.parametrize(("sentence", "start", "as_of"), WINDOWS)
def test_stated_days(sentence: str, start: str | None, as_of: str) -> None:
    span = window(sentence, PUBLISHED)
    assert (span.start, span.as_of) == (start, as_of)
    parse_period(span.as_of)  # always period-grammar text
    if span.start is not None:
        parse_period(span.start)
    if as_of != PUBLISHED.isoformat():
        assert any(note.startswith("as_of: '") for note in span.notes)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a date a sentence counts from or to is not the day the article was published
        ("KYIV (Reuters) - Strikes have killed 9,000 civilians since February 24, 2022.", None),
        ("The toll from 1 January 2023 to 5 March 2023 stood at 40.", None),
        (
            "KYIV (Reuters) - 9 died in the week before March 3, 2022. Posted 9 March 2022",
            "2022-03-09",
        ),
        # the dateline's or the article's own date line
        ("JERUSALEM, Oct. 9, 2023 (AP) - 20 died since Oct. 7, 2023.", "2023-10-09"),
        ("Mon 11 Jul 2016 Aleppo - 20 killed in raids", "2016-07-11"),
        ("Publication date 5 April 2017. 20 killed in raids on 4 April 2017.", "2017-04-05"),
    ],
)
def test_the_article_date_is_not_a_date_of_its_sentences(text: str, day: str | None) -> None:
    found = article_date(text)
    assert (found.isoformat() if found else None) == day


# Periods named from the day of publication (2022-03-03, a Thursday) that were read as the day
# of publication with no start.
NAMED_PERIODS = [
    ("Fighting killed 40 people earlier this month, officials said.", "2022-03-01", "2022-03-02"),
    ("Earlier this month, gunmen killed 8 villagers.", "2022-03-01", "2022-03-02"),
    ("Clashes killed 12 people late last month.", "late February 2022", "late February 2022"),
    ("Clashes killed 12 people early last month.", "early February 2022", "early February 2022"),
    ("Floods killed 30 people in the first week of February.", "2022-02-01", "2022-02-07"),
    ("Attacks killed 9 people in the last week of January.", "2022-01-25", "2022-01-31"),
    # overnight: the night before the day given
    ("Air strikes overnight killed 40 people, officials said on Tuesday.", "2022-02-28",
     "2022-03-01"),
    ("Shelling killed 6 civilians overnight.", "2022-03-02", "2022-03-03"),
    ("Fighting has killed 40 people in the past fortnight.", "2022-02-17", "2022-03-03"),
    ("Fighting has killed 40 people over the past three days.", "2022-02-28", "2022-03-03"),
    ("Fighting has killed 40 people since the beginning of the year.", "start of 2022",
     "2022-03-03"),
    # ... not when the phrase dates the saying
    ("The ministry said earlier this month that 40 people had been killed.", None, "2022-03-03"),
    ("Officials said overnight that 40 people had been killed.", None, "2022-03-03"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "start", "as_of"), NAMED_PERIODS)
def test_periods_named_from_publication(sentence: str, start: str | None, as_of: str) -> None:
    span = window(sentence, PUBLISHED)
    assert (span.start, span.as_of) == (start, as_of)
    parse_period(span.as_of)
    if span.start is not None:
        parse_period(span.start)


# Two years: the count runs from the first to the end of the second (published 2022-03-03).
BETWEEN_YEARS = [
    ("About 30,000 people were killed in the war between 1981 and 1990, historians say.",
     "1981", "1990"),
    ("The conflict killed 13,000 people from 2014 to 2021.", "2014", "2021"),
    ("Between 2015 and 2019, 400 civilians died in the region.", "2015", "2019"),
    ("Gangs killed 900 people between 2020 and 2022.", "2020", "2022-03-03"),
    # ... not a figure that reads like two years, nor years the wrong way round or to come
    ("Between 1900 and 2000 people were killed.", None, "2022-03-03"),
    ("The war killed 500 people between 2019 and 2016.", None, "2022-03-03"),
    ("Floods killed 40 people between 2020 and 2030.", None, "2022-03-03"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "start", "as_of"), BETWEEN_YEARS)
def test_a_count_between_two_years(sentence: str, start: str | None, as_of: str) -> None:
    span = window(sentence, PUBLISHED)
    assert (span.start, span.as_of) == (start, as_of)
