"""The figure grammar: how a published toll is written, and the interval it means.

Layer 2 (README, "Layout of the code"). Mirrors README, "Input format", Figures. `n` is any
number that `numbers.parse_number` reads: digits (`730`, `1,089`, `1 089`), multipliers (`2.7
million`, `1.5m`) or words (`seven hundred`, `a dozen`). `tol` is the `about_tolerance` setting
(0.1).

| written | qualifier | interval |
|---|---|---|
| `730`, `1,089`, `1 089`, `seven`, `2.7 million` (a YAML int too) | exact | [n, n] |
| `more than n`, `over n`, `n+`, `>n` | more_than | [n+1, open) |
| `at least n`, `no fewer than n`, `>=n`, `≥n`, `a minimum of n` | at_least | [n, open) |
| `nearly n`, `almost n`, `just under n` | nearly | [floor(n(1-tol)), n-1] |
| `about n`, `around n`, `some n`, `approximately n`, `~n`, `roughly n` | about | [lo, hi] |
| `up to n`, `as many as n`, `at most n` | up_to | [0, n] |
| `fewer than n`, `less than n`, `under n` | fewer_than | [0, n-1] |
| `between a and b`, `a-b`, `a–b`, `a to b` | range | [a, b] |
| `dozens` | vague | [24, 99] |
| `scores` | vague | [40, 99] |
| `hundreds` | vague | [200, 999] |
| `thousands` | vague | [2000, 9999] |
| `tens of thousands` | vague | [20000, 99999] |
| `hundreds of thousands` | vague | [200000, 999999] |
| `millions` | vague | [2000000, 9999999] |
| `{low: a, high: b}` (a mapping or its text) | range, or exact when a = b | [a, b] |
| `{low: a}` | at_least | [a, open) |

For `about`, lo = floor(n(1-tol)) and hi = ceil(n(1+tol)): `about 500` is [450, 550].
Matching ignores case and surrounding space; `Figure.text` is the text as written, stripped.
Anything else is a `bad-figure` GrammarError that quotes the text and lists the accepted forms;
a number below zero is a `negative-figure`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from casualty_recon.grammar.numbers import parse_number
from casualty_recon.grammar.patterns import on_first_use
from casualty_recon.model.claims import Figure
from casualty_recon.model.errors import (
    ACCEPTED_FIGURES,
    FIGURE_BAD,
    FIGURE_BLANK,
    FIGURE_BOUND_BOOLEAN,
    FIGURE_FEWER_THAN_ZERO,
    FIGURE_LOW_ABOVE_HIGH,
    FIGURE_NEARLY_ZERO,
    FIGURE_NEGATIVE,
    FIGURE_NO_LOW,
    FIGURE_NOT_WHOLE,
    FIGURE_OVER_MAX,
    FIGURE_RANGE_BACKWARDS,
    FIGURE_TOO_LONG,
    FIGURE_TRUE_FALSE,
    FIGURE_UNKNOWN_KEY,
    TOLERANCE_NOT_NUMBER,
    TOLERANCE_OUT_OF_RANGE,
    GrammarError,
    Template,
)

__all__ = ["ACCEPTED_FIGURES", "VAGUE_FIGURES", "parse_figure", "render_figure"]


VAGUE_FIGURES: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}
_VAGUE_BY_INTERVAL: dict[tuple[int, int], str] = {v: k for k, v in VAGUE_FIGURES.items()}

# Phrase before the number -> qualifier. Words need a space after them; symbols do not.
_PREFIXES: dict[str, str] = {
    "more than": "more_than",
    "over": "more_than",
    ">": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "a minimum of": "at_least",
    ">=": "at_least",
    "≥": "at_least",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "~": "about",
    "up to": "up_to",
    "as many as": "up_to",
    "at most": "up_to",
    "fewer than": "fewer_than",
    "less than": "fewer_than",
    "under": "fewer_than",
}
_WORD_PREFIXES = sorted((p for p in _PREFIXES if p[0].isalpha()), key=len, reverse=True)
_SYMBOL_PREFIXES = sorted((p for p in _PREFIXES if not p[0].isalpha()), key=len, reverse=True)
_PREFIX = re.compile(
    "(?:(?P<word>"
    + "|".join(re.escape(p) for p in _WORD_PREFIXES)
    + r") |(?P<symbol>"
    + "|".join(re.escape(p) for p in _SYMBOL_PREFIXES)
    + r") ?)(?P<n>.+)"
)
_PLUS = re.compile(r"(?P<n>.+?) ?\+")
_BETWEEN = re.compile(r"between (?P<rest>.+)")
_SEPARATORS = re.compile(r" and | to | ?[-–—] ?")
_MAPPING = on_first_use(
    r"\{ ?low ?: ?(?P<low>[^,{}]+?) ?(?:, ?high ?: ?(?P<high>[^,{}]+?) ?)?\}"
    r"|\{ ?high ?: ?(?P<high2>[^,{}]+?) ?, ?low ?: ?(?P<low2>[^,{}]+?) ?\}"
)
_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_MINUS = ("-", "−", "–")
_MAX_TEXT = 200
# No count of people comes near this; larger numbers (a 310-digit integer overflows a float)
# are refused here, before any arithmetic or wording sees them.
MAX_FIGURE = 10**15


def _bad(text: str, template: Template = FIGURE_BAD, **values: object) -> GrammarError:
    return GrammarError.of(template, text=text, **values)


def _negative(text: str) -> GrammarError:
    return GrammarError.of(FIGURE_NEGATIVE, text=text)


Tolerance = tuple[int, int]  # an exact fraction: (numerator, denominator)


def _exact(value: float) -> Tolerance:
    """The decimal a user wrote (0.1) as an exact fraction, without the float's binary error
    (and without importing `fractions`, which costs start-up time)."""
    text = str(value)
    if "e" in text or "E" in text or "inf" in text or "nan" in text:
        from fractions import Fraction  # exotic spellings only

        exact = Fraction(text)
        return exact.numerator, exact.denominator
    whole, _, decimals = text.partition(".")
    negative = whole.startswith("-")
    numerator = int((whole.lstrip("-") or "0") + decimals) * (-1 if negative else 1)
    return numerator, 10 ** len(decimals)


def _tolerance(about_tolerance: float) -> Tolerance:
    try:
        numerator, denominator = _exact(about_tolerance)
    except (ValueError, ZeroDivisionError, TypeError) as exc:
        raise GrammarError.of(TOLERANCE_NOT_NUMBER, value=about_tolerance) from exc
    if isinstance(about_tolerance, bool) or not 0 <= numerator < denominator:
        raise GrammarError.of(TOLERANCE_OUT_OF_RANGE, value=about_tolerance)
    return numerator, denominator


def _below(n: int, tol: Tolerance) -> int:
    """floor(n * (1 - tol)), exactly."""
    return (n * (tol[1] - tol[0])) // tol[1]


def _above(n: int, tol: Tolerance) -> int:
    """ceil(n * (1 + tol)), exactly."""
    return -((-n * (tol[1] + tol[0])) // tol[1])


def _number(slot: str, text: str) -> int:
    """The number in one slot of a phrase, or an error about the whole `text`."""
    value = parse_number(slot)
    if value is not None:
        return value
    if slot.startswith(_MINUS) and parse_number(slot[1:]) is not None:
        raise _negative(text)
    raise _bad(text)


def _qualified(qualifier: str, n: int, text: str, tol: Tolerance) -> Figure:
    if qualifier == "more_than":
        return Figure(n + 1, None, qualifier, text)
    if qualifier == "at_least":
        return Figure(n, None, qualifier, text)
    if qualifier == "up_to":
        return Figure(0, n, qualifier, text)
    if qualifier == "fewer_than":
        if n < 1:
            raise _bad(text, FIGURE_FEWER_THAN_ZERO)
        return Figure(0, n - 1, qualifier, text)
    if qualifier == "nearly":
        if n < 1:
            raise _bad(text, FIGURE_NEARLY_ZERO)
        high = n - 1
        return Figure(min(_below(n, tol), high), high, qualifier, text)
    # about
    return Figure(max(0, _below(n, tol)), _above(n, tol), qualifier, text)


def _from_bounds(low: int, high: int | None, text: str) -> Figure:
    if low < 0 or (high is not None and high < 0):
        raise _negative(text)
    if high is None:
        return Figure(low, None, "at_least", text)
    if high < low:
        raise _bad(text, FIGURE_LOW_ABOVE_HIGH, low=low, high=high)
    return Figure(low, high, "exact" if low == high else "range", text)


def _shown_int(value: int) -> str:
    """A huge integer, shortened (`str` refuses more than 4,300 digits)."""
    try:
        return _shown_number(str(value))
    except ValueError:
        return f"a number of more than {4300:,} digits"


def _mapping_text(low: int, high: int | None) -> str:
    return f"{{low: {low}}}" if high is None else f"{{low: {low}, high: {high}}}"


def _bound(value: object, text: str) -> int:
    """One bound of the mapping form: an int, or text that reads as a whole number."""
    if isinstance(value, bool):
        raise _bad(text, FIGURE_BOUND_BOOLEAN)
    if isinstance(value, int):
        if abs(value) > MAX_FIGURE:
            raise _bad(_shown_int(value), FIGURE_OVER_MAX, limit=MAX_FIGURE)
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return _number(value.strip(), text)
    raise _bad(text)


def _parse_mapping(value: Mapping[object, object]) -> Figure:
    shown = "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    if len(shown) > _MAX_TEXT:
        shown = shown[:_MAX_TEXT] + "..."
    extra = [k for k in value if k not in ("low", "high")]
    if extra:
        raise GrammarError.of(FIGURE_UNKNOWN_KEY, text=shown, key=extra[0])
    if "low" not in value:
        raise GrammarError.of(FIGURE_NO_LOW, text=shown)
    low = _bound(value["low"], shown)
    raw_high = value.get("high")
    high = None if raw_high is None else _bound(raw_high, shown)
    figure = _from_bounds(low, high, shown)
    return Figure(figure.low, figure.high, figure.qualifier, _mapping_text(low, high))


def _parse_text(text: str, tol: Tolerance) -> tuple[Figure, int | None]:
    """The figure and, for `about`/`nearly`, the stated number `n`."""
    text = text.strip()
    if len(text) > _MAX_TEXT:
        raise _bad(text[:_MAX_TEXT] + "...", FIGURE_TOO_LONG)
    s = _SPACE.sub(" ", text.lower())
    if not s:
        raise _bad(text, FIGURE_BLANK)
    exact = parse_number(s)
    if exact is not None:
        return Figure(exact, exact, "exact", text), None
    if s.startswith(_MINUS) and parse_number(s[1:].lstrip()) is not None:
        raise _negative(text)
    vague = VAGUE_FIGURES.get(s)
    if vague is not None:
        return Figure(vague[0], vague[1], "vague", text), None
    if s.startswith("{"):
        match = _MAPPING().fullmatch(s)
        if match is None:
            raise _bad(text)
        low = _number(match["low"] or match["low2"], text)
        high_slot = match["high"] or match["high2"]
        high = None if high_slot is None else _number(high_slot, text)
        return _from_bounds(low, high, text), None
    match = _PREFIX.fullmatch(s)
    if match is not None:
        qualifier = _PREFIXES[match["word"] or match["symbol"]]
        n = _number(match["n"], text)
        return _qualified(qualifier, n, text, tol), n
    match = _PLUS.fullmatch(s)
    if match is not None:
        return Figure(_number(match["n"], text) + 1, None, "more_than", text), None
    between = _BETWEEN.fullmatch(s)
    rest = between["rest"] if between else s
    for sep in _SEPARATORS.finditer(rest):
        if between is not None and sep.group().strip() != "and":
            continue
        if between is None and sep.group().strip() == "and":
            continue
        first = parse_number(rest[: sep.start()])
        last = parse_number(rest[sep.end() :])
        if first is not None and last is not None:
            if first > last:
                raise _bad(text, FIGURE_RANGE_BACKWARDS, first=first, last=last)
            return Figure(first, last, "range", text), None
    raise _bad(text)


def parse_figure(value: object, about_tolerance: float = 0.1) -> Figure:
    """Read a figure: a YAML int, a string in the figure grammar, or a {low, high} mapping.

    Raises GrammarError (`bad-figure`, `negative-figure`; `bad-setting` for a tolerance outside
    [0, 1)) and nothing else. A bound over `MAX_FIGURE` is a `bad-figure`.
    """
    figure = _parse_any(value, about_tolerance)
    for bound in (figure.low, figure.high):
        if bound is not None and bound > MAX_FIGURE:
            raise _bad(_shown_number(figure.text), FIGURE_OVER_MAX, limit=MAX_FIGURE)
    return figure


def _shown_number(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"


def _parse_any(value: object, about_tolerance: float) -> Figure:
    if isinstance(value, bool):
        raise _bad(str(value).lower(), FIGURE_TRUE_FALSE)
    if isinstance(value, int):
        if abs(value) > MAX_FIGURE:
            raise _bad(_shown_int(value), FIGURE_OVER_MAX, limit=MAX_FIGURE)
        if value < 0:
            raise _negative(str(value))
        return Figure(value, value, "exact", str(value))
    if isinstance(value, float):
        if not value.is_integer():
            raise _bad(str(value), FIGURE_NOT_WHOLE)
        if value < 0:
            raise _negative(str(value))
        return Figure(int(value), int(value), "exact", str(int(value)))
    if isinstance(value, str):
        tol = _tolerance(about_tolerance)
        return _parse_text(value, tol)[0]
    if isinstance(value, Mapping):
        return _parse_mapping(value)
    shown = repr(value)
    raise _bad(shown if len(shown) <= _MAX_TEXT else shown[:_MAX_TEXT] + "...")


def render_figure(figure: Figure) -> str:
    """Canonical text that parses back to the same interval (with the default tolerance).

    `about`/`nearly` keep their wording when `figure.text` reads back to the same interval with
    the default tolerance; otherwise, and for any figure whose interval does not fit its
    qualifier, the mapping form `{low: 450, high: 550}` is written.
    """
    low, high, qualifier = figure.low, figure.high, figure.qualifier
    if qualifier == "exact" and high == low:
        return str(low)
    if qualifier == "more_than" and high is None and low >= 1:
        return f"more than {low - 1}"
    if qualifier == "at_least" and high is None:
        return f"at least {low}"
    if qualifier == "up_to" and low == 0 and high is not None:
        return f"up to {high}"
    if qualifier == "fewer_than" and low == 0 and high is not None:
        return f"fewer than {high + 1}"
    if qualifier == "range" and high is not None and low <= high:
        return f"between {low} and {high}"
    if qualifier == "vague" and high is not None and (low, high) in _VAGUE_BY_INTERVAL:
        return _VAGUE_BY_INTERVAL[(low, high)]
    if qualifier in ("about", "nearly") and high is not None:
        try:
            again, n = _parse_text(figure.text, (1, 10))
        except GrammarError:
            again, n = None, None
        if (
            again is not None
            and n is not None
            and (again.qualifier, again.low, again.high) == (qualifier, low, high)
        ):
            return f"{'about' if qualifier == 'about' else 'nearly'} {n}"
    return _mapping_text(low, high)
