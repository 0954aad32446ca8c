"""How the project writes things for people: days, numbers, intervals, labels and lists.

One place for wording, below analysis and render, so every sentence and table cell writes a day
or an interval the same way. Nothing here parses; everything takes typed values and returns text.

Days:
- `iso_day_text(range)`: `2019-08-20`, or `late April (2019-04-21..2019-04-30)` for a range,
  `?` for none (tables).
- `human_day(day)`: `20 August 2019`; `human_range(range)`: the same for one day, else the range
  as written (sentences).
- `short_day(day)`: `20 Aug 2019` (event references).

Numbers and intervals:
- `fmt(value)`: `1,089`, `18.8`, `open` for infinity.
- `fmt_span(span)`: `225.5 to 336`, `731 or more`; `fmt_brief_span(span)`: `731+` for an open
  end (table cells); `fmt_signed_span(span)`: `+225.5 to +336`.

Lists and labels:
- `and_list(items)`: `a, b and c`; `plural(count, noun)`: `1 pair`, `1,200 pairs`;
  `label(value)`: `no_overlap` as `no overlap`.

Sentences:
- `figure_words(text)`: a figure as written with its long numbers grouped (`9770` as `9,770`),
  the mapping form in words (`{low: 160, high: 300}` as `between 160 and 300`).
- `area_words(area)`: `southern Idlib, northern Hama and western Aleppo` (a table cell keeps the
  commas of `Area.label`).
- `party_words(perpetrators)`: `any party`, `Russian forces`, a group by its members and name
  (`Russian forces and Syrian government (pro-government)`): a noun phrase after `by`.
- `people_words(population, outcome)`: `civilians killed`, `people who died` (`died` is no
  participle that can follow a noun); `outcome_words(outcome)`: the outcome alone as it reads
  after a noun (`who died`); `people_by(population, outcome, parties)`: with `by ...`,
  set off by commas after a clause (`civilians who died, by any party`). Every sentence, label
  and cell that puts an outcome after a population says it this way.
- `possessive(name)`: `OCHA's`, `Airwars'`; `with_article(word)`: `an estimated`, `a verified`;
  `in_brackets(text)`: a user's sentence (an assumption's reason) as a clause inside brackets,
  without its own full stop (`(assumption 1: from another war)`, not `(... war.).`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from casualty_recon.grammar.patterns import on_first_use
from casualty_recon.model.claims import Area, DayRange, Perpetrators
from casualty_recon.model.spans import Span

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

__all__ = [
    "MONTHS",
    "and_list",
    "fmt",
    "fmt_brief_span",
    "fmt_signed_span",
    "fmt_span",
    "human_day",
    "human_range",
    "in_brackets",
    "iso_day_text",
    "label",
    "or_list",
    "outcome_words",
    "people_by",
    "people_words",
    "plural",
    "possessive",
    "printable",
    "short_day",
    "span_words",
    "with_article",
]


# Terminal control sequences and control characters (C0 but tab and line feed, DEL, C1), which
# untrusted text (ids, names, quotes from a file) must not carry into what is printed.
_CONTROL = on_first_use(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\x1b\[[0-9;?]*[ -/]*[@-~]")


def printable(text: str) -> str:
    """`text` without terminal control sequences and control characters."""
    if text.isprintable():  # no control character, so no sequence either: the common case
        return text
    return _CONTROL().sub("", text)


# --- days --------------------------------------------------------------------------------------


def human_day(day: dt.date) -> str:
    """`20 August 2019`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_day(day: dt.date) -> str:
    """`20 Aug 2019`."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def human_range(days: DayRange) -> str:
    """One day as `20 August 2019`; a range as written (`late April`)."""
    if days.earliest == days.latest:
        return human_day(days.earliest)
    return days.text


def iso_day_text(days: DayRange | None) -> str:
    """One day as `2019-08-20`; a range as written with its ISO bounds; `?` for none."""
    if days is None:
        return "?"
    if days.earliest == days.latest:
        return days.earliest.isoformat()
    return f"{days.text} ({days.earliest.isoformat()}..{days.latest.isoformat()})"


# --- numbers and intervals ---------------------------------------------------------------------


def fmt(value: float) -> str:
    """A number for people: thousands separators, at most one decimal, `open` for infinity."""
    if math.isinf(value):
        return "open" if value > 0 else "-open"
    rounded = round(value, 1)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.1f}"


def fmt_span(span: Span) -> str:
    """`225.5 to 336`, `731 or more`, or one number."""
    return " ".join(span_words(span))


def fmt_brief_span(span: Span) -> str:
    """As `fmt_span`, but an open end is written `731+` (for table cells)."""
    if not span.is_point and math.isinf(span.high):
        return f"{fmt(span.low)}+"
    return fmt_span(span)


def fmt_signed_span(span: Span) -> str:
    """`+225.5 to +336`, `-44.6 to -38.7`, or one signed number."""
    return " ".join(span_words(span, signed=True))


def span_words(span: Span, signed: bool = False) -> tuple[str, ...]:
    """A span in the pieces `fmt_span` (or, `signed`, `fmt_signed_span`) joins with a space:
    (`12`,), (`731 or more`,) or (`225.5`, `to 336`); a chart may put them on two lines."""
    number = _signed if signed else fmt
    if span.is_point:
        return (number(span.low),)
    if not signed and math.isinf(span.high):
        return (f"{fmt(span.low)} or more",)
    low, high = number(span.low), number(span.high)
    if low == high:  # ends that round alike: `0.9`, not `0.9 to 0.9`
        return (low,)
    return (low, f"to {high}")


def _signed(value: float) -> str:
    text = fmt(value)
    return text if text.startswith("-") else f"+{text}"


# --- lists and labels --------------------------------------------------------------------------


def and_list(items: Iterable[str]) -> str:
    """`a`, `a and b`, `a, b and c` (empty for none)."""
    return _joined(list(items), "and")


def or_list(items: Iterable[str]) -> str:
    """`a`, `a or b`, `a, b or c` (empty for none)."""
    return _joined(list(items), "or")


def _joined(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def plural(count: int, noun: str) -> str:
    """`1 pair`, `2 pairs`, `0 pairs` (regular nouns only)."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def label(value: str) -> str:
    """A catalogue value (`no_overlap`, `not_comparable`) as words."""
    return value.replace("_", " ")


def figure_words(text: str) -> str:
    """A figure as written, for a sentence, with its long numbers grouped: `9770` (a YAML number)
    as `9,770`, `more than 10022` as `more than 10,022`; `2.7 million` and `1,600` unchanged; the
    mapping form as the range or floor it is: `{low: 160, high: 300}` as `between 160 and 300`."""
    mapping = _MAPPING.fullmatch(text.strip())
    if mapping is not None:  # `{low: 15000, high: 20000}`, the mapping form, said in words
        low, high = mapping.group("low"), mapping.group("high")
        if high is None:
            return f"at least {int(low):,}"
        if int(low) == int(high):
            return f"{int(low):,}"
        return f"between {int(low):,} and {int(high):,}"
    return _LONG_NUMBER.sub(lambda m: f"{int(m.group()):,}", text)


_MAPPING = re.compile(r"\{\s*low:\s*(?P<low>\d+)\s*(?:,\s*high:\s*(?P<high>\d+)\s*)?\}")


# A run of 4+ digits not part of a longer number: `1,600` and `2.5` are left as written, while a
# comma or full stop after it that starts no digits (`15000, then 20000.`) ends it.
_LONG_NUMBER = re.compile(r"(?<![\d.,])\d{4,}(?!\d|[.,]\d)")


def area_words(area: Area) -> str:
    """An area as written, for a sentence: `southern Idlib, northern Hama and western Aleppo`."""
    return and_list(area.text)


# A party group of more members than this is named by its label and size, not member by member.
_MEMBERS_SHOWN = 4


def party_words(perpetrators: Perpetrators) -> str:
    """Perpetrators as a noun phrase after `by`: `any party`, `Russian forces`, and a group by its
    members with its name (`Russian forces and Syrian government (pro-government)`), since a
    group's name may be an adjective (`by pro-government` needs a noun). Every sentence and label
    that names perpetrators says them this way."""
    parties = perpetrators.parties
    if parties is None:
        return "any party"
    written = perpetrators.label()
    if len(parties) > _MEMBERS_SHOWN:
        return f"the {len(parties)} parties of {written}"
    members = and_list(sorted(parties))
    if set(perpetrators.text) == parties:  # every party by its own name, in any order
        return members
    return f"{members} ({written})"


# Outcomes (`model.OUTCOMES`) that are no participle and read after a noun as a clause.
_CLAUSES = {"died": "who died"}


def people_words(population: str, *outcomes: str) -> str:
    """A population and its outcome(s) as a noun phrase: `civilians killed`, `people injured`,
    `people missing`, `people who died`; two outcomes joined: `civilians killed or injured, or
    who died`."""
    participles = [o for o in outcomes if o not in _CLAUSES]  # `killed`, `missing`...
    clauses = [_CLAUSES[o] for o in outcomes if o in _CLAUSES]
    words = " or ".join(participles)
    if clauses:
        words = f"{words}, or {' or '.join(clauses)}" if words else " or ".join(clauses)
    return f"{population} {words}"


def outcome_words(outcome: str) -> str:
    """An outcome as it reads after a noun: `killed`, `missing`, `who died`."""
    return _CLAUSES.get(outcome, outcome)


def people_by(population: str, outcomes: tuple[str, ...], parties: str, more: bool = False) -> str:
    """`civilians killed by any party`; after a clause the `by` is set off by commas, `civilians
    who died, by any party` (`more`: a comma after it too, as more of the sentence follows)."""
    words = people_words(population, *outcomes)
    if not any(o in _CLAUSES for o in outcomes):
        return f"{words} by {parties}"
    return f"{words}, by {parties}" + ("," if more else "")


# --- sentences ---------------------------------------------------------------------------------

# Words spelt with a vowel that sound a consonant (`a unique`, `a one-off`), and with a consonant
# that sound a vowel (`an hour`); the first letters decide the rest.
_CONSONANT_SOUND = on_first_use(r"(?:uni|use|usu|uti|ure|eu|ewe|one\b|once\b|u\b)", re.I)
_VOWEL_SOUND = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)


def possessive(name: str) -> str:
    """`OCHA's`, `Airwars'`, `local sources'`: a name ending in s takes the apostrophe alone."""
    return f"{name}'" if name[-1:].lower() == "s" else f"{name}'s"


def with_article(phrase: str) -> str:
    """`a verified ...`, `an estimated ...`, `a unique ...`, `an hour ...`, `an NGO`, `an 8`:
    by the first sound."""
    word = phrase.lstrip()
    first = word.split(" ", 1)[0]
    if re.fullmatch(r"[A-Z]{2,}\W*", first):  # read as letters: an NGO, a UN
        vowel = first[0] in "AEFHILMNORSX"
    elif word[:1].isdigit():  # an 8-day, an 11, an 18,000, a 110
        vowel = bool(re.match(r"8|1[18](?:[,\s-]|\d{3}\b|$)", word))
    else:
        vowel = bool(_VOWEL_SOUND.match(word)) or (
            word[:1].lower() in "aeiou" and not _CONSONANT_SOUND().match(word)
        )
    return f"{'an' if vowel else 'a'} {phrase}"


def in_brackets(text: str) -> str:
    """A user's sentence as a clause inside brackets within another sentence: without the full
    stop (or `!`, `?`) that ends it, so that `(assumption 1: from another war)` is followed by
    the outer sentence's own punctuation; an ellipsis stays (`and so on...`)."""
    text = text.rstrip()
    if text.endswith((".", "!", "?")) and not text.endswith(".."):
        return text[:-1].rstrip()
    return text
