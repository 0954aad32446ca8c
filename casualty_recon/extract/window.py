"""The window of a toll statement: when its count starts and the day it runs to.

Articles date their figures relative to the day they were published: "since late April",
"on Thursday", "in the past ten days", "yesterday". Each phrase is resolved against the
publication date (from `--published`, or a date found in the article) into text of the period
grammar, and the resolution is said in words for the claim's `notes`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from casualty_recon.extract.text import covering
from casualty_recon.grammar.periods import parse_period, render_period
from casualty_recon.model.errors import GrammarError

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Only an abbreviation takes a dot: "Oct. 7", but the full stop after "March." ends the sentence.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
# A day is tried before its month: "since Oct. 7" is the day, not October.
_PERIOD = (
    rf"\d{{1,2}} {_MONTH}(?:,? (?:19|20)\d\d)?|{_MONTH} \d{{1,2}}\b(?:,? (?:19|20)\d\d)?|"
    rf"(?:(?:early|mid|late|the (?:beginning|start|end) of|(?:beginning|start|end) of)[ -])?"
    rf"{_MONTH}(?:,? (?:19|20)\d\d)?|(?:the (?:beginning|start) of )?(?:19|20)\d\d"
)
# "since the February 2021 coup", "since the Oct. 7 attack": an event named after its date.
_SINCE = re.compile(
    rf"\bsince (?:(?:the|its|their) (?=(?:{_PERIOD})(?:'s)? [a-z]))?(?P<period>{_PERIOD})\b", re.I
)
# Since an event on a stated day: "since the coup on Feb. 1, 2021", "since the war began in April
# 2023", "since the raid on Tuesday". The day starts the count; it is not the day it runs to.
_SINCE_EVENT = re.compile(
    r"\bsince (?:the |its |their |a |an )?(?:[\w'-]+ ){1,4}?(?:on|in) (?:(?P<period>"
    + _PERIOD
    + r")|(?P<weekday>"
    + "|".join(_WEEKDAYS)
    + r"))(?![\w-])",
    re.I,
)
# Since a weekday: "since Monday", "since last Tuesday", "since Friday's attack". The day starts
# the count; the count runs to the article's day (or the day it was said), not to that weekday.
_SINCE_WEEKDAY = re.compile(
    r"\bsince (?:last )?(?P<day>" + "|".join(_WEEKDAYS) + r")(?![\w-])"
    r"(?P<last_week>,? (?:of )?last week\b)?",
    re.I,
)
_SINCE_YEAR_START = re.compile(
    r"\bsince the (?:start|beginning) of (?:the|this) year\b|\bso far (?:this|in the) year\b|"
    r"\b(?:in )?the year to date\b",
    re.I,
)
_SINCE_MONTH_START = re.compile(
    r"\bsince the (?:start|beginning) of (?:the|this) month\b|\bso far this month\b", re.I
)
_MONTH_DATES_ELSE = re.compile(
    r"\b(?:since|began|begun|begin|started|start|erupted|broke out|outbreak|beginning)\b", re.I
)
_PAST = re.compile(
    r"\b(?:in|over|during|within) the (?:past|last|previous) (?P<count>\d+|[a-z]+(?:-[a-z]+)?)?"
    r" ?(?P<unit>days?|weeks?|fortnights?|months?|hours?)\b",
    re.I,
)
_ON_WEEKDAY = re.compile(
    r"\b(?:on|late|early|last|overnight|said|says|told \w+|reported|announced) (?P<day>"
    + "|".join(_WEEKDAYS)
    + r")\b",
    re.I,
)
_YESTERDAY = re.compile(r"\byesterday\b", re.I)
_TODAY = re.compile(r"\b(?:today|this morning|tonight|this evening)\b", re.I)
_ON_DATE = re.compile(
    rf"\bon (?:\w+day,? )?(?P<date>\d{{1,2}} {_MONTH}(?:,? (?:19|20)\d\d)?|"
    rf"{_MONTH} \d{{1,2}}(?:,? (?:19|20)\d\d)?)\b",
    re.I,
)
_DAY_DATE = (
    rf"\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}(?:,? (?:19|20)\d\d)?|"
    rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d)?"
)
# The day a count runs to, stated: "as of 1 March", "by March 5", "up to 12 June 2023".
_AS_OF_DATE = re.compile(
    rf"\b(?:as of|as at|by|until|till|up to|up until|through|to date,? as of)\s+"
    rf"(?:the )?(?:\w+day,? )?(?P<date>{_DAY_DATE}|(?:(?:end|beginning|start) of |"
    rf"(?:mid|late|early)[ -])?{_MONTH}(?: (?:19|20)\d\d)?)(?![\w-])",
    re.I,
)
_AS_OF_WEEKDAY = re.compile(
    r"\b(?:as of|as at|by|until|up to) (?P<day>" + "|".join(_WEEKDAYS) + r")\b", re.I
)
# A count between two stated days: "between 1 and 20 March", "from 3 May to 9 June".
_BETWEEN_DATES = re.compile(
    rf"\b(?:between|from) (?P<first>{_DAY_DATE}|{_MONTH}(?: (?:19|20)\d\d)?|\d{{1,2}})"
    rf"(?:,? and|,? to|\s*-)\s*(?P<second>{_DAY_DATE}|{_MONTH}(?: (?:19|20)\d\d)?)(?![\w-])",
    re.I,
)
# A count between two years: "between 1981 and 1990", "from 2014 to 2021" (not "between 1900
# and 2000 people": a lower-case word after the second, but for a preposition, makes it a count).
_BETWEEN_YEARS = re.compile(
    r"\b(?:between|from) (?P<first>(?:19|20)\d\d)(?:,? and|,? to|\s*-)\s*(?P<second>(?:19|20)\d\d)"
    r"(?![\w-])(?!\s+(?!(?:in|on|at|during|when|according|as|while|across|throughout)\b)[a-z])",
    re.I,
)
# The first months of a year: "in the first six months of 2021", "the first half of the year",
# "the first quarter of this year".
_FIRST_MONTHS = re.compile(
    r"\bthe first (?:(?P<count>\d{1,2}|[a-z]+) months|(?P<part>half|quarter)) of "
    r"(?:(?P<year>(?:19|20)\d\d)|the year|this year)\b",
    re.I,
)
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# A count between two moments on stated days: "between 4 a.m. on Feb. 24 and midnight on
# Tuesday", "from midnight on March 1 to noon on Friday".
_DAY_OR_WEEKDAY = rf"{_DAY_DATE}|" + "|".join(_WEEKDAYS)
_BETWEEN_MOMENTS = re.compile(
    rf"\b(?:between|from) (?:[\w.:]+(?: [ap]\.?m\.?)? )?on (?P<first>{_DAY_OR_WEEKDAY})"
    rf"(?:,? and|,? to|,? until) (?:[\w.:]+(?: [ap]\.?m\.?)? )?on (?P<second>{_DAY_OR_WEEKDAY})"
    r"(?![\w-])",
    re.I,
)
# Two named days: "on Sunday and Monday", "on Saturday night and Sunday".
_TWO_WEEKDAYS = re.compile(
    r"\bon (?P<first>" + "|".join(_WEEKDAYS) + r")(?: (?:night|morning|evening))?,? and (?:on )?"
    r"(?P<second>" + "|".join(_WEEKDAYS) + r")\b",
    re.I,
)
# A count in a month, the month after its outcome in the same clause: "killed around 500 people
# over five days in March", "were killed in late January" (not "the war, which began in March
# 2011, has killed": the month there dates something else). Case-sensitive: "in may" is no month.
_IN_MONTH = re.compile(
    r"\b(?:killed|died|dead|wounded|injured|displaced|lost their lives|shot dead|missing)\b"
    r"[^.;:]{0,80}?\b(?P<phrase>(?:in|during|throughout) (?P<period>(?:(?:early|mid|late)[ -])?"
    + _MONTH
    + r"(?: (?:19|20)\d\d)?)(?:\s*(?:and|to|through|-|\u2013)\s*"
    r"(?P<until>(?:(?:early|mid|late)[ -])?"
    + _MONTH
    + r"(?: (?:19|20)\d\d)?))?)(?![\w-])(?!\s+[A-Z][a-z])"
)
# A calendar period named from the day of publication: "last week" (Monday to Sunday of the week
# before), "last month", "last year", "over the weekend" (the last Saturday and Sunday up to
# publication) and a year after the outcome ("killed 48 children in 2022"). "in the last week"
# is a span counted back (_PAST), not the calendar week.
_OUTCOME = (
    r"\b(?:killed|died|dead|deaths|wounded|injured|displaced|lost their lives|shot dead|missing|"
    r"(?:death )?toll)\b"
)
_CALENDAR = re.compile(
    r"(?<!\bthe )\b(?:last|previous) (?P<unit>week|month|year)\b(?![\w'\u2019-])|"
    r"\b(?:over|at|during|on) the weekend\b|\b(?:last|this) weekend\b|"
    + _OUTCOME
    + r"[^.;:]{0,80}?\b(?P<in_year>(?:in|during|throughout) (?P<year>(?:19|20)\d\d))(?![\w-])",
    re.I,
)
# A word every _CALENDAR match holds, searched first (cheaper than the whole pattern).
_CALENDAR_WORDS = re.compile(r"last|previous|weekend|(?:19|20)\d\d", re.I)
# "killed 32 people this year", "This year, 32 people were killed": the count starts with the year.
_THIS_YEAR = re.compile(
    _OUTCOME + r"[^.;:]{0,80}?\b(?P<phrase>this year)\b|^(?P<lead>this year)\b", re.I
)
# What a calendar phrase must not follow: the saying ("said last week that ..."), a date ("on 1
# March this year"), the start of something else ("since 2014", "began in 2014").
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told(?: \w+){1,2}?|reported|announced|added|stated)\s+$", re.I
)
_DATE_BEFORE = re.compile(rf"(?:{_MONTH}|\d)\s+$", re.I)
_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "twenty-four": 24, "forty-eight": 48, "few": 3, "": 1,
}  # fmt: skip
# A dateline or byline date near the top of an article.
_ARTICLE_DATE = re.compile(
    rf"\b(?P<a>\d{{1,2}}) (?P<am>{_MONTH}),? (?P<ay>(?:19|20)\d\d)\b|"
    rf"\b(?P<bm>{_MONTH}) (?P<b>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<by>(?:19|20)\d\d)\b|"
    r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b",
    re.I,
)


# Words before a date that make it a bound of a count, not the day of the article.
_COUNTED_FROM = re.compile(
    r"\b(?:since|from|until|till|to|between|and|before|after|through|by|as of|as at|of|in)\s+$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Window:
    """Period-grammar text for `start` (or None) and `as_of`, and how each was read."""

    start: str | None
    as_of: str
    notes: tuple[str, ...]
    # as_of is the day of what happened ("on Tuesday", "yesterday", "on 3 May"), not a day a
    # count runs to ("as of", "by") nor the publication date taken for want of one.
    event_day: bool = False


def article_date(text: str) -> dt.date | None:
    """The first full date in the first 400 characters of an article (its dateline), except a
    date that a sentence counts from or to ("since February 24, 2022", "from 1 January 2023")."""
    for match in _ARTICLE_DATE.finditer(text[:400]):
        if _COUNTED_FROM.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        written = match.group()
        try:
            days = parse_period(written.replace(",", ""))
        except GrammarError:
            continue
        if days.earliest == days.latest:
            return days.earliest
    return None


def window(sentence: str, published: dt.date | None) -> Window:
    """Resolve the time phrases of one sentence against the publication date.

    Without a publication date only what the sentence dates by itself is kept ("on 3 March
    2019", "since 2011"): each phrase is resolved against two far-apart reference days, and
    what comes out the same from both does not depend on the missing date. The rest is
    unknown: as_of is `unknown`, start is left out."""
    if published is None:
        return _undated(sentence)
    notes: list[str] = []
    as_of_notes: list[str] = []
    as_of = _as_of(sentence, published, as_of_notes)
    start = _start(sentence, published, notes, _single_date(as_of) or published)
    notes.extend(as_of_notes)
    event_day = notes[-1].lower().startswith(_EVENT_DAY_NOTES) and not _dates_the_saying(
        sentence, notes[-1]
    )
    return Window(start, as_of, tuple(notes), event_day)


def _dates_the_saying(sentence: str, note: str) -> bool:
    """Whether the day as_of was read from (quoted in its note) is the day of the saying ("the
    agency said on Sunday"), not the event's ("killed 12 on Saturday, ... said on Sunday")."""
    quoted = re.match(r"as_of: '([^']+)'", note)
    said = [m.group() for m in _SAID_ON_DAY.finditer(sentence)]
    if quoted is None:
        return bool(said)
    return any(quoted.group(1).lower() in phrase.lower() for phrase in said)


# Two reference days far apart, in different years, months and weekdays.
_REFERENCES = (dt.date(2500, 6, 15), dt.date(2611, 11, 2))


def _undated(sentence: str) -> Window:
    first, second = (window(sentence, day) for day in _REFERENCES)
    start = first.start if first.start == second.start else None
    if first.as_of == second.as_of:
        as_of = first.as_of
        note = f"as_of: {as_of}, a date the sentence states in full"
    else:
        as_of = "unknown"
        note = "as_of: unknown, the article has no date and the sentence states none in full"
    notes = [note]
    if start is not None:
        notes.append(f"start: {start}, a date the sentence states in full")
    return Window(start, as_of, tuple(notes), first.event_day and as_of != "unknown")


def _single_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _start(sentence: str, published: dt.date, notes: list[str], until: dt.date) -> str | None:
    """The start a sentence states; `until` is the day its count runs to (a past span counts
    back from it: "over the past 24 hours, the ministry said on Saturday")."""
    between = _between(sentence, published)
    if between is not None:
        notes.append(f"start: '{between[2]}' read as from {between[0]}")
        return _single_day(between[0]) or between[0]
    months = _first_months(sentence, published) or _part_of_month(sentence, published)
    if months is not None:
        notes.append(f"start: '{months[2]}' read as from {months[0]}")
        return months[0]
    overnight = _OVERNIGHT.search(sentence)
    if overnight and _free(sentence, overnight.start()):
        night = until - dt.timedelta(days=1)
        notes.append(f"start: '{overnight.group()}' read as the night from {night} to {until}")
        return night.isoformat()
    since = _SINCE.search(sentence)
    if since:
        written = since.group("period")
        days = _period_before(written, published)
        if days is not None:
            notes.append(f"start: '{since.group()}' read as {days}")
            return days
    event = _SINCE_EVENT.search(sentence)
    if event:
        written = event.group("period") or event.group("weekday")
        day = _day_or_weekday(written, published) or _period_before(_clean(written), published)
        if day is not None:
            notes.append(f"start: '{event.group()}' read as {day}")
            return day
    since_day = _SINCE_WEEKDAY.search(sentence)
    if since_day:
        first_day = _last_weekday(since_day.group("day"), until)
        how = f"the last such day up to {until}"
        if since_day.group("last_week"):  # "since Tuesday last week": that day of the week before
            monday = until - dt.timedelta(days=until.weekday() + 7)
            first_day = monday + dt.timedelta(days=_WEEKDAYS.index(since_day.group("day").lower()))
            how = f"that day of the week before {until}'s"
        notes.append(f"start: '{since_day.group()}' read as {first_day}, {how}")
        return first_day.isoformat()
    year_start = _SINCE_YEAR_START.search(sentence)
    if year_start:
        text = f"start of {published.year}"
        notes.append(f"start: '{year_start.group()}' read as {text}")
        return text
    month_start = _SINCE_MONTH_START.search(sentence)
    if month_start:
        month_first = published.replace(day=1).isoformat()
        notes.append(f"start: '{month_start.group()}' read as {month_first}")
        return month_first
    past = _PAST.search(sentence)
    if past:
        count = past.group("count") or ""
        amount = int(count) if count.isdigit() else _SMALL.get(count.lower())
        if amount is not None:
            unit = past.group("unit").lower().rstrip("s")
            back = {
                "day": amount, "week": 7 * amount, "fortnight": 14 * amount, "month": 30 * amount
            }.get(unit, max(0, (amount - 1) // 24))  # fmt: skip
            first = until - dt.timedelta(days=back)
            notes.append(f"start: '{past.group()}' counted back from {until} to {first}")
            return first.isoformat()
    month = _in_month(sentence, published)
    if month is not None:
        notes.append(f"start: '{month[2]}' read as from {month[0]}")
        return month[0]
    calendar = _calendar(sentence, published)
    if calendar is not None:
        notes.append(f"start: '{calendar[2]}' read as from {calendar[0]}")
        return calendar[0]
    this_year = _THIS_YEAR.search(sentence)
    if this_year and _free(sentence, this_year.start("phrase") if this_year.group("phrase") else 0):
        text = f"start of {published.year}"
        notes.append(f"start: 'this year' read as {text}")
        return text
    return None


# Parts of a month named from the day of publication: "earlier this month" (its first day to the
# day before), "late last month" (the month's part), "in the first week of May" (days 1-7; the
# last week: the last 7 days).
_EARLIER_THIS_MONTH = re.compile(r"\bearlier (?:this|in the) month\b", re.I)
_PART_OF_LAST_MONTH = re.compile(
    r"\b(?P<part>early|mid|late)[ -](?:last|previous) month\b|"
    r"\b(?P<end>(?:the )?(?:beginning|start|end)) of (?:last|the previous) month\b",
    re.I,
)
_WEEK_OF = re.compile(
    rf"\b(?:the )?(?P<nth>first|second|third|fourth|last|final) week of (?P<month>{_MONTH}"
    r"(?:,? (?:19|20)\d\d)?|last month|the previous month)(?![\w-])",
    re.I,
)
_NTH_WEEK = {"first": 0, "second": 7, "third": 14, "fourth": 21}
# "overnight": the night before the day given (not "overnight Saturday", read as that day).
_OVERNIGHT = re.compile(
    r"\bovernight\b(?!,? (?:on |into |to )?(?:" + "|".join(_WEEKDAYS) + r")\b)", re.I
)


def _part_of_month(sentence: str, published: dt.date) -> tuple[str, str, str] | None:
    """First and last day (period-grammar text) and wording of a part of a month named from
    the day of publication; None when the sentence names none or it dates the saying."""
    last_month = published.replace(day=1) - dt.timedelta(days=1)
    last_name = f"{_MONTH_NAMES[last_month.month - 1]} {last_month.year}"
    earlier = _EARLIER_THIS_MONTH.search(sentence)
    if earlier and published.day > 1 and _free(sentence, earlier.start()):
        before = (published - dt.timedelta(days=1)).isoformat()
        return published.replace(day=1).isoformat(), before, earlier.group()
    part = _PART_OF_LAST_MONTH.search(sentence)
    if part and _free(sentence, part.start()):
        written = part.group("part") or part.group("end").lower().removeprefix("the ") + " of"
        period = f"{written.lower()} {last_name}"
        return period, period, part.group()
    week = _WEEK_OF.search(sentence)
    if week and _free(sentence, week.start()):
        month = week.group("month")
        written = last_name if month.lower().endswith("month") else _clean(month)
        found = _period_before(written, published)
        if found is None:
            return None
        days = parse_period(found)
        nth = week.group("nth").lower()
        if nth in _NTH_WEEK:
            first = days.earliest + dt.timedelta(days=_NTH_WEEK[nth])
        else:
            first = days.latest - dt.timedelta(days=6)
        end = min(first + dt.timedelta(days=6), days.latest)
        if end > published:
            return None
        return first.isoformat(), end.isoformat(), week.group()
    return None


def _free(sentence: str, start: int) -> bool:
    """Whether a calendar phrase at `start` is the count's, not the saying's nor part of a date."""
    before = sentence[max(0, start - 40) : start]
    return not (_SAID_BEFORE.search(before) or _DATE_BEFORE.search(before))


def _calendar(sentence: str, published: dt.date) -> tuple[str, str, str] | None:
    """First and last day (period-grammar text) and wording of a calendar period named from
    the day of publication: "last week", "last month", "last year", "over the weekend", "in
    2022"."""
    if not _CALENDAR_WORDS.search(sentence):  # most sentences: no calendar word at all
        return None
    for match in _CALENDAR.finditer(sentence):
        phrase_start = match.start("in_year") if match.group("in_year") else match.start()
        if not _free(sentence, phrase_start):
            continue
        if match.group("year"):
            if _MONTH_DATES_ELSE.search(sentence, match.start(), phrase_start):
                continue  # "killed 400 since the war began in 2014"
            year = int(match.group("year"))
            if year > published.year:
                continue
            last = str(year) if year < published.year else published.isoformat()
            return str(year), last, match.group("in_year")
        unit = (match.group("unit") or "").lower()
        if unit == "week":
            monday = published - dt.timedelta(days=published.weekday() + 7)
            first, end = monday, monday + dt.timedelta(days=6)
        elif unit == "month":
            end_of_last = published.replace(day=1) - dt.timedelta(days=1)
            month = f"{_MONTH_NAMES[end_of_last.month - 1]} {end_of_last.year}"
            return month, month, match.group()
        elif unit == "year":
            return str(published.year - 1), str(published.year - 1), match.group()
        else:  # the weekend: the last Saturday up to publication and the Sunday after it
            first = _last_weekday("saturday", published)
            end = min(first + dt.timedelta(days=1), published)
        return first.isoformat(), end.isoformat(), match.group()
    return None


def _in_month(sentence: str, published: dt.date) -> tuple[str, str, str] | None:
    """The months a count is in ("killed ... in March", "in March and April"), in the period
    grammar (the first, the last), and its wording."""
    match = _IN_MONTH.search(sentence)
    if match is None or _MONTH_DATES_ELSE.search(sentence, match.start(), match.start("period")):
        return None  # "killed more than 220,000 since the war began in March 2011"
    until = match.group("until")
    if until and not re.search(r"(?:19|20)\d\d", match.group("period")):
        year = re.search(r"(?:19|20)\d\d", until)  # "March and April 2023": 2023 for both
        first_written = match.group("period") + (f" {year.group()}" if year else "")
    else:
        first_written = match.group("period")
    first = _period_before(_clean(first_written), published)
    last = _period_before(_clean(until), published) if until else first
    if first is None or last is None:
        return None
    try:
        if parse_period(first).earliest > parse_period(last).latest:
            return None
    except GrammarError:
        return None
    return first, last, match.group("phrase")


def _period_before(written: str, published: dt.date) -> str | None:
    """A period phrase without a year takes the latest year that puts it before publication."""
    cleaned = re.sub(r"\s+", " ", written.replace(",", "")).strip()
    try:
        days = parse_period(cleaned, default_year=published.year)
        if days.year_inferred and days.earliest > published:
            days = parse_period(cleaned, default_year=published.year - 1)
    except GrammarError:
        return None
    if days.earliest > published:
        return None
    if days.year_inferred:
        return (
            f"{cleaned} {days.earliest.year}"
            if _MONTH_ONLY.fullmatch(cleaned)
            else (render_period(days))
        )
    return cleaned if _canonical_ok(cleaned) else str(render_period(days))


_MONTH_ONLY = re.compile(rf"(?:(?:early|mid|late)[ -])?{_MONTH}", re.I)


def _canonical_ok(text: str) -> bool:
    try:
        parse_period(text)
    except GrammarError:
        return False
    return True


def _between(sentence: str, published: dt.date) -> tuple[str, str, str] | None:
    """Start, end and wording of "between 1 and 20 March"; None when it states no two days."""
    moments = _BETWEEN_MOMENTS.search(sentence)
    if moments is not None:
        ends = [_day_or_weekday(moments.group(g), published) for g in ("first", "second")]
        if ends[0] and ends[1] and ends[0] <= ends[1]:
            return ends[0], ends[1], moments.group()
    days = _TWO_WEEKDAYS.search(sentence)
    if days is not None:
        one, other = (_last_weekday(days.group(g), published) for g in ("first", "second"))
        if one < other:
            return one.isoformat(), other.isoformat(), days.group()
    match = _BETWEEN_DATES.search(sentence)
    if match is None:
        years = _BETWEEN_YEARS.search(sentence)
        if years is None or not years["first"] < years["second"] <= str(published.year):
            return None
        last = years["second"] if years["second"] < str(published.year) else published.isoformat()
        return years["first"], last, years.group()
    second_written = _clean(match.group("second"))
    first_written = _clean(match.group("first"))
    if first_written.isdigit():  # "between 1 and 20 March": the month is the second's
        month = re.search(_MONTH, second_written, re.I)
        year = re.search(r"(?:19|20)\d\d", second_written)
        if month is None:
            return None
        first_written = f"{first_written} {month.group()}"
    if not re.search(r"(?:19|20)\d\d", first_written):
        year = re.search(r"(?:19|20)\d\d", second_written)
        first_written += f" {year.group()}" if year else ""
    second = _period_before(second_written, published)
    first = _period_before(first_written, published)
    if first is None or second is None:
        return None
    try:
        if parse_period(first).earliest > parse_period(second).latest:
            return None
    except GrammarError:
        return None
    return first, second, match.group()


def _first_months(sentence: str, published: dt.date) -> tuple[str, str, str] | None:
    """Start, end and wording of "the first six months of 2021"; None when it says no such."""
    match = _FIRST_MONTHS.search(sentence)
    if match is None:
        return None
    count_text = match.group("count") or ""
    months = (
        {"half": 6, "quarter": 3}[match.group("part").lower()]
        if match.group("part")
        else int(count_text)
        if count_text.isdigit()
        else _SMALL.get(count_text.lower())
    )
    year = int(match.group("year")) if match.group("year") else published.year
    if months is None or not 1 <= months <= 12 or dt.date(year, months, 1) > published:
        return None  # a span that would end after publication is not read
    return f"January {year}", f"{_MONTH_NAMES[months - 1]} {year}", match.group()


def _day_or_weekday(written: str, published: dt.date) -> str | None:
    """ISO text of a stated day or of the last such weekday up to publication."""
    if written.lower() in _WEEKDAYS:
        return _last_weekday(written, published).isoformat()
    days = _period_before(_clean(written), published)
    return _single_day(days) if days else None


def _clean(written: str) -> str:
    return re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", written)


def _as_of(sentence: str, published: dt.date, notes: list[str]) -> str:
    for since in (_SINCE_EVENT, _SINCE_WEEKDAY):
        event = since.search(sentence)
        if event:  # "since the coup on 1 February", "since Monday": the start, blanked out here
            sentence = (
                sentence[: event.start()] + " " * len(event.group()) + sentence[event.end() :]
            )
    between = _between(sentence, published)
    if between is not None:
        notes.append(f"as_of: '{between[2]}' read as up to {between[1]}")
        return _single_day(between[1]) or between[1]
    months = _first_months(sentence, published) or _part_of_month(sentence, published)
    if months is not None:
        notes.append(f"as_of: '{months[2]}' read as up to {months[1]}")
        return _single_day(months[1]) or months[1]
    stated = _AS_OF_DATE.search(sentence)
    if stated:
        days = _period_before(_clean(stated.group("date")), published)
        if days is not None:
            notes.append(f"as_of: '{stated.group()}' read as {days}")
            return _single_day(days) or days
    weekday = _AS_OF_WEEKDAY.search(sentence)
    if weekday:
        day = _last_weekday(weekday.group("day"), published)
        notes.append(
            f"as_of: '{weekday.group()}' read as {day}, the last such day up to {published}"
        )
        return day.isoformat()
    on_date = _ON_DATE.search(sentence)
    if on_date:
        days = _period_before(on_date.group("date"), published)
        if days is not None:
            try:
                resolved = parse_period(days)
            except GrammarError:
                resolved = None
            if resolved is not None and resolved.earliest == resolved.latest:
                notes.append(f"as_of: '{on_date.group()}' read as {resolved.earliest}")
                return resolved.earliest.isoformat()
    month = _in_month(sentence, published)
    if month is not None:
        notes.append(f"as_of: '{month[2]}' read as up to the end of {month[1]}")
        return month[1]
    calendar = _calendar(sentence, published)
    if calendar is not None:
        notes.append(f"as_of: '{calendar[2]}' read as up to {calendar[1]}")
        return calendar[1]
    weekday = _event_weekday(sentence)
    if weekday:
        index = _WEEKDAYS.index(weekday.group("day").lower())
        back = (published.weekday() - index) % 7
        day = published - dt.timedelta(days=back)
        notes.append(
            f"as_of: '{weekday.group()}' read as {day}, the last such day up to {published}"
        )
        return day.isoformat()
    if _YESTERDAY.search(sentence):
        day = published - dt.timedelta(days=1)
        notes.append(f"as_of: 'yesterday' read as {day}")
        return day.isoformat()
    if _TODAY.search(sentence):
        notes.append(f"as_of: read as the publication date {published}")
        return published.isoformat()
    notes.append(f"as_of: the sentence gives no date; taken as the publication date {published}")
    return published.isoformat()


def _event_weekday(sentence: str) -> re.Match[str] | None:
    """The first weekday of the sentence that does not date the saying ("told reporters on
    Thursday that gunmen killed 12 on Wednesday": Wednesday), else the first (the saying's day is
    the day a running toll was given)."""
    found = list(_ON_WEEKDAY.finditer(sentence))
    if len(found) < 2:
        return found[0] if found else None
    saying = covering(m.span() for m in _SAID_ON_DAY.finditer(sentence))
    return next((m for m in found if not saying(m.start("day"))), found[0])


# A day that dates the saying, not the event: "the agency said on Sunday", "told AFP yesterday",
# "said in a statement on Sunday", "said on Telegram on Sunday", "Speaking on Sunday".
_SAID_ON_DAY = re.compile(
    r"\b(?:said|says|told(?: \w+){1,2}?|reported|announced|added|stated|speaking|spoke)\s+"
    r"(?:in (?:a|an|its|their|his|her) (?:[\w-]+ )?(?:statement|report|post|briefing|update|"
    r"interview|message)\s+|on (?:Telegram|X|Twitter|Facebook|social media|television)\s+)?"
    r"(?:on\s+|late\s+|early\s+)?(?:"
    + "|".join(_WEEKDAYS)
    + r"|yesterday|today|\d{1,2} "
    + _MONTH
    + r"|"
    + _MONTH
    + r" \d{1,2})\b",
    re.I,
)
# The notes _as_of writes when as_of is the day of an event.
_EVENT_DAY_NOTES = (
    "as_of: 'on ",
    "as_of: 'yesterday'",
    "as_of: read as the publication date",
    "as_of: 'late ",
    "as_of: 'early ",
    "as_of: 'last ",
    "as_of: 'overnight ",
)


def _single_day(text: str) -> str | None:
    """ISO text of a period that is one day, else None."""
    try:
        days = parse_period(text)
    except GrammarError:
        return None
    return days.earliest.isoformat() if days.earliest == days.latest else None


def _last_weekday(name: str, published: dt.date) -> dt.date:
    back = (published.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return published - dt.timedelta(days=back)
