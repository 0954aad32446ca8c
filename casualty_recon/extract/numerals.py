"""Number phrases as they appear in running news text.

The figure grammar (`casualty_recon.grammar.figures`) parses a figure someone already
isolated. Here the problem is the other one: find, in a sentence, every stretch of text that
states a count ("1,089", "2.7 million", "twenty-one", "a dozen", "hundreds of thousands")
and say what it is worth, so the statement finder can look at the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Vague quantities of the figure grammar: (low, high) and the canonical text.
VAGUE: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
}

_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(_TENS)
_W2 = rf"(?:(?:{_TEN})(?:[- ](?:{_UNIT}))?|(?:{_UNIT}))"
_W3 = rf"(?:(?:{_W2}|a|one) hundred(?:(?: and)? {_W2})?|{_W2})"
_WORDS = rf"(?:{_W3}(?: thousand(?:(?: and)? {_W3})?)?)"  # not `W3 thousand...|W3`: one pass
_DOZEN = r"(?:(?:a|one|two|three|half a) dozen)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
_MULTIPLIER = r"(?:\s?(?:million|thousand|m\b|k\b))"
_VAGUE = r"(?:hundreds of thousands|tens of thousands|dozens|scores|hundreds|thousands)"

# Every alternative starts with a digit or the first letter of one of its words ("a hundred",
# "half a dozen"): a word start that is neither is passed over at once, not tried against each
# number word (2.5 times faster on news text).
_INITIALS = "".join(sorted({word[0] for word in (*_UNITS, *_TENS, *VAGUE, "a", "half")}))
_FIRST = rf"(?=[\d{_INITIALS}])"

NUMBER = re.compile(
    rf"(?<![\w.,:/-]){_FIRST}(?:(?P<digits>{_DIGITS}){_MULTIPLIER}?|(?P<vague>{_VAGUE})"
    rf"|(?P<dozen>{_DOZEN})|(?P<words>{_WORDS})(?: million)?)(?![\w]|[:/]\d)",
    re.IGNORECASE,
)


# The upper end of a range written with a hyphen, "20-30", which NUMBER passes over (a number
# after a hyphen is otherwise part of a word or a date): not a date's middle ("2023-10-07"), nor
# a span of years ("2014-15"), whose second number is the smaller.
_RANGE_UPPER = re.compile(r"-(?P<upper>\d{1,3}(?:,\d{3})*)(?![\w:/-]|[.,]\d)")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A count found in text: where it is, what it says, and what it is worth.

    `low`/`high` give the interval (equal for a plain number); `vague` marks "dozens" and the
    like, whose canonical figure text is the phrase itself.
    """

    start: int
    end: int
    text: str
    low: int
    high: int
    vague: bool = False
    words: bool = False

    @property
    def value(self) -> int:
        return self.low


NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | {"hundred", "thousand", "million", "dozen"}


def is_number_word(token: str) -> bool:
    """True for "twenty", "twenty-one", "hundred": words that are part of a number."""
    return all(part in NUMBER_WORDS for part in token.lower().split("-"))


def words_value(text: str) -> int | None:
    """The value of an English number phrase ("twenty-one", "one hundred and five")."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "one") and not seen:
            current = 1
            seen = True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "million":
            total = (total + max(current, 1)) * 1_000_000
            current = 0
        elif word == "dozen":
            current = max(current, 1) * 12
            seen = True
        elif word == "half":
            current = 0
        else:
            return None
    if "half a dozen" in text.lower():
        return 6
    return total + current if seen or total else None


def digits_value(text: str) -> int | None:
    """The value of "1,089", "2.7 million", "1.5m", "3 thousand"."""
    match = re.fullmatch(
        r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(million|thousand|m|k)?", text.strip(), re.I
    )
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    multiplier = {"million": 1_000_000, "m": 1_000_000, "thousand": 1000, "k": 1000}.get(
        (match.group(2) or "").lower(), 1
    )
    value = number * multiplier
    if value != int(value):
        return None
    return int(value)


def find_numerals(text: str) -> list[Numeral]:
    """Every count stated in `text`, in order."""
    found: list[Numeral] = []
    for match in NUMBER.finditer(text):
        phrase = match.group()
        if match.group("vague"):
            low, high = VAGUE[phrase.lower()]
            found.append(Numeral(match.start(), match.end(), phrase, low, high, vague=True))
            continue
        if match.group("digits"):
            value = digits_value(phrase)
            is_words = False
        else:
            value = words_value(phrase)
            is_words = True
        if value is not None:
            found.append(Numeral(match.start(), match.end(), phrase, value, value, words=is_words))
            upper = _RANGE_UPPER.match(text, match.end()) if not is_words else None
            upper_value = digits_value(upper.group("upper")) if upper is not None else None
            if upper is not None and upper_value is not None and upper_value > value:
                found.append(
                    Numeral(upper.start("upper"), upper.end(), upper.group("upper"), upper_value,
                            upper_value)
                )  # fmt: skip
    return found
