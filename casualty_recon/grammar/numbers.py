"""Numbers as written in sources and news text: numerals and English number words.

Layer 2 (README, "Layout of the code"). Strict and fast: a whole fragment is a number or it is not;
"seven days" is not a number. Nothing here raises; the callers decide what an absent number means.

| written | value |
|---|---|
| `730`, `1,089`, `1 089` (also no-break and narrow no-break space) | 730, 1089 |
| `2.7 million`, `1.5m`, `3 hundred`, `3 thousand`, `3k`, `2.5bn`, `1 billion` | exact |
| `2.5`, `1.000` (a fraction without multiplier) | a float (never an integer count) |
| `seven`, `twenty-one`, `twenty one`, `one hundred and five`, `two thousand three hundred` | int |
| `a hundred`, `a million`, `a dozen`, `dozen`, `two dozen`, `half a dozen`, `a score` | int |

Grouping must be regular (`1,08,9` and `1,0890` are not numerals) and one separator is used
throughout a numeral. A leading zero (`017`) is refused: YAML 1.1 reads it as octal.
"""

from __future__ import annotations

import re

from casualty_recon.grammar.patterns import on_first_use

__all__ = ["parse_number", "parse_number_words", "parse_numeral"]

# Longer fragments are not numbers anyone publishes; the cap also keeps int() below its
# 4,300-digit limit.
_MAX_NUMERAL = 40
_MAX_WORDS = 200

_MULTIPLIERS: dict[str, int] = {
    "hundred": 100,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}

_NUMERAL = re.compile(
    r"""
    (?P<int>
        (?:[1-9][0-9]{0,2}(?P<sep>[,\ \u00a0\u202f])[0-9]{3}(?:(?P=sep)[0-9]{3})*)  # grouped
        | [1-9][0-9]* | 0                                                            # plain
    )
    (?:\.(?P<frac>[0-9]+))?
    (?:\ ?(?P<mult>k|hundred|thousand|mn|m|million|bn|billion))?
    """,
    re.VERBOSE,
)
_WS = re.compile(r"[\s\u00a0\u202f]+")


def parse_numeral(text: str) -> int | float | None:
    """A numeral in digits, with optional grouping, decimals and multiplier; None otherwise.

    An int when the value is whole and was written without a decimal fraction, or with a
    multiplier (`2.7 million`); a float when a fraction remains (`2.5`, `1.2345k`) or when a
    decimal is written without a multiplier (`1.000` might be a European thousand).
    """
    if not isinstance(text, str) or len(text) > _MAX_NUMERAL:
        return None
    # Any run of spaces becomes one: "1\u00a0089" and "2.7  million" read like "1 089".
    stripped = _WS.sub(" ", text.strip().lower())
    match = _NUMERAL.fullmatch(stripped)
    if match is None:
        return None
    digits = match["int"]
    if match["sep"]:
        digits = digits.replace(match["sep"], "")
    frac = match["frac"]
    mult = match["mult"]
    if frac is None:
        value = int(digits)
        return value * _MULTIPLIERS[mult] if mult else value
    from fractions import Fraction  # only for decimals ("2.7 million"): keeps start-up light

    exact = Fraction(f"{digits}.{frac}")
    if mult:
        exact *= _MULTIPLIERS[mult]
        if exact.denominator == 1:
            return int(exact)
    return float(exact)


# --- number words ------------------------------------------------------------------------------

_UNITS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        [
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
    )
}
_TENS: dict[str, int] = {
    word: 10 * n
    for n, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
_SCALES: dict[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_GROUPS: dict[str, int] = {"dozen": 12, "score": 20}
_ARTICLES = frozenset({"a", "an"})
_WORDS = re.compile(r"[a-z]+(?:(?:[ \t\u00a0\u202f]+|-)[a-z]+)*")
_SPLIT = on_first_use(r"[ \t\u00a0\u202f-]+")


def _below_hundred(tokens: list[str], i: int) -> tuple[int, int] | None:
    """`seven`, `twenty`, `twenty one` at tokens[i]; (value, next index) or None."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    if word in _UNITS:
        return _UNITS[word], i + 1
    if word in _TENS:
        value = _TENS[word]
        if i + 1 < len(tokens):
            unit = _UNITS.get(tokens[i + 1])
            if unit is not None and 1 <= unit <= 9:
                return value + unit, i + 2
        return value, i + 1
    return None


def _below_thousand(tokens: list[str], i: int) -> tuple[int, int] | None:
    """`one hundred and five`, `a hundred`, `twenty`, or a bare `a` before a scale word."""
    n = len(tokens)
    if i >= n:
        return None
    if tokens[i] in _ARTICLES:
        if not (i + 1 < n and (tokens[i + 1] == "hundred" or tokens[i + 1] in _SCALES)):
            return None
        value, j = 1, i + 1
    else:
        head = _below_hundred(tokens, i)
        if head is None:
            return None
        value, j = head
    if j < n and tokens[j] == "hundred":
        if not 1 <= value <= 9:
            return None
        value *= 100
        j += 1
        if j < n and tokens[j] == "and":
            rest = _below_hundred(tokens, j + 1)
            if rest is None or rest[0] == 0:
                return None
            return value + rest[0], rest[1]
        rest = _below_hundred(tokens, j)
        if rest is not None:
            if rest[0] == 0:
                return None
            return value + rest[0], rest[1]
        return value, j
    if tokens[i] in _ARTICLES and not (j < n and tokens[j] in _SCALES):
        return None
    return value, j


def _cardinal(tokens: list[str]) -> int | None:
    """A cardinal from `seven` to `two billion three hundred million and five`."""
    n = len(tokens)
    total = 0
    last_scale = 0  # 0: no scale seen yet
    i = 0
    while i < n:
        chunk = _below_thousand(tokens, i)
        if chunk is None:
            return None
        value, i = chunk
        if i < n and tokens[i] in _SCALES:
            scale = _SCALES[tokens[i]]
            if (last_scale and scale >= last_scale) or value == 0:
                return None
            total += value * scale
            last_scale = scale
            i += 1
            if i < n and tokens[i] == "and":
                # "a thousand and one": only a number below a hundred may follow.
                rest = _below_hundred(tokens, i + 1)
                if rest is None or rest[1] != n or rest[0] == 0:
                    return None
                return total + rest[0]
            continue
        if i != n:
            return None
        if last_scale and value == 0:
            return None
        return total + value
    return total if last_scale else None


def parse_number_words(text: str) -> int | None:
    """English number words (`twenty-one`, `a dozen`, `one hundred and five`); None otherwise."""
    if not isinstance(text, str) or len(text) > _MAX_WORDS:
        return None
    stripped = text.strip().lower()
    if not _WORDS.fullmatch(stripped):
        return None
    tokens = _SPLIT().split(stripped)
    last = tokens[-1]
    if last in _GROUPS:
        group = _GROUPS[last]
        head = tokens[:-1]
        if not head:
            return group
        if head in (["a"], ["an"]):
            return group
        if head == ["half", "a"] and last == "dozen":
            return group // 2
        count = _below_hundred(head, 0)
        if count is None or count[1] != len(head) or count[0] == 0:
            return None
        return count[0] * group
    return _cardinal(tokens)


def parse_number(text: str) -> int | None:
    """A whole number in digits or words (`2.7 million` is 2700000); None otherwise."""
    value = parse_numeral(text)
    if value is None:
        return parse_number_words(text)
    return value if isinstance(value, int) else None
