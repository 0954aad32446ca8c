"""Numerals and number words (casualty_recon.grammar.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty_recon.grammar.numbers import parse_number, parse_number_words, parse_numeral

NUMERALS: list[tuple[str, int | float | None]] = [
    ("730", 730),
    ("0", 0),
    ("1,089", 1089),
    ("1 089", 1089),
    ("1\u00a0089", 1089),
    ("1\u202f089", 1089),
    ("12,345,678", 12_345_678),
    ("  730 ", 730),
    ("2.7 million", 2_700_000),
    ("2.7 Million", 2_700_000),
    ("1.5m", 1_500_000),
    ("3 thousand", 3_000),
    ("3 hundred", 300),
    ("3k", 3_000),
    ("2.5bn", 2_500_000_000),
    ("1 billion", 1_000_000_000),
    ("2.5", 2.5),
    ("1,089.5", 1089.5),
    ("1.2345k", 1234.5),
    ("1.000", 1.0),  # maybe a European thousand: never an int
    # not numerals
    ("1,08,9", None),
    ("1,0890", None),
    ("10,89", None),
    ("1,089 000", None),
    ("017", None),
    ("-5", None),
    ("seven", None),
    ("730 killed", None),
    ("", None),
    ("1.5 metres", None),
    ("٣", None),
    ("9" * 50, None),
]

WORDS: list[tuple[str, int | None]] = [
    ("seven", 7),
    ("Seven", 7),
    ("zero", 0),
    ("nineteen", 19),
    ("twenty", 20),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("ninety-nine", 99),
    ("a dozen", 12),
    ("dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("a score", 20),
    ("three score", 60),
    ("a hundred", 100),
    ("one hundred", 100),
    ("one hundred and five", 105),
    ("one hundred five", 105),
    ("seven hundred", 700),
    ("two thousand three hundred", 2300),
    ("a thousand and one", 1001),
    ("one hundred thousand", 100_000),
    ("a million", 1_000_000),
    ("two million three hundred thousand and five", 2_300_005),
    # not number words
    ("seven days", None),
    ("hundred", None),
    ("a", None),
    ("one two", None),
    ("twenty one hundred", None),
    ("one hundred and", None),
    ("thousand million", None),
    ("one thousand one thousand", None),
    ("half a score", None),
    ("dozens", None),
    ("zero thousand", None),
    ("", None),
    ("730", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMERALS)
def test_parse_numeral(text: str, expected: int | float | None) -> None:
    value = parse_numeral(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_parse_number_words(text: str, expected: int | None) -> None:
    assert parse_number_words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,089", 1089),
        ("2.7 million", 2_700_000),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("2.5", None),
        ("1.000", None),
        ("seven days", None),
        ("lots", None),
    ],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 10**12, written independently of the parser."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    if n < 1000:
        rest = "" if n % 100 == 0 else " and " + _words(n % 100)
        return _UNITS[n // 100] + " hundred" + rest
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= scale:
            rest = "" if n % scale == 0 else " " + _words(n % scale)
            return _words(n // scale) + " " + name + rest
    raise AssertionError(n)


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([",", " ", "\u00a0", ""]))
def test_digits_round_trip(n: int, separator: str) -> None:
    text = f"{n:,}".replace(",", separator)
    assert parse_numeral(text) == n
    assert parse_number(text) == n


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_words_round_trip(n: int) -> None:
    assert parse_number_words(_words(n)) == n
    assert parse_number(_words(n).upper()) == n


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_any_text_is_a_number_or_none(text: str) -> None:
    for parse in (parse_numeral, parse_number_words, parse_number):
        value = parse(text)
        assert value is None or isinstance(value, int | float)
    assert parse_number(text) is None or isinstance(parse_number(text), int)


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["days", "killed", "%"]))
def test_no_partial_matches(n: int, word: str) -> None:
    assert parse_number(f"{n} {word}") is None
    assert parse_number(f"{_words(n)} {word}") is None
