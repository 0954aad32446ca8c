"""The figure grammar (casualty_recon.grammar.figures), one test row per grammar row and error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty_recon.grammar.figures import VAGUE_FIGURES, parse_figure, render_figure
from casualty_recon.model.claims import QUALIFIERS, Figure
from casualty_recon.model.errors import ERROR_KINDS, GrammarError

ROWS: list[tuple[object, str, int, int | None]] = [
    # bare numbers
    (730, "exact", 730, 730),
    (0, "exact", 0, 0),
    (730.0, "exact", 730, 730),
    ("730", "exact", 730, 730),
    ("1,089", "exact", 1089, 1089),
    ("1 089", "exact", 1089, 1089),
    ("1\u202f089", "exact", 1089, 1089),
    ("2.7 million", "exact", 2_700_000, 2_700_000),
    ("1.5m", "exact", 1_500_000, 1_500_000),
    ("seven", "exact", 7, 7),
    ("twenty-one", "exact", 21, 21),
    ("a dozen", "exact", 12, 12),
    ("one hundred and five", "exact", 105, 105),
    # floors
    ("more than 730", "more_than", 731, None),
    ("over 730", "more_than", 731, None),
    ("730+", "more_than", 731, None),
    (">730", "more_than", 731, None),
    ("more than seven hundred", "more_than", 701, None),
    ("over 2.7 million", "more_than", 2_700_001, None),
    ("at least 730", "at_least", 730, None),
    ("no fewer than 730", "at_least", 730, None),
    (">=730", "at_least", 730, None),
    ("a minimum of 730", "at_least", 730, None),
    ("at least a dozen", "at_least", 12, None),
    # approximations
    ("nearly 500", "nearly", 450, 499),
    ("almost 500", "nearly", 450, 499),
    ("just under 500", "nearly", 450, 499),
    ("nearly 1", "nearly", 0, 0),
    ("about 500", "about", 450, 550),
    ("around 500", "about", 450, 550),
    ("some 500", "about", 450, 550),
    ("approximately 500", "about", 450, 550),
    ("~500", "about", 450, 550),
    ("~ 500", "about", 450, 550),
    ("roughly 500", "about", 450, 550),
    ("about 15", "about", 13, 17),  # floor and ceil: 13.5 -> 13, 16.5 -> 17
    ("about a hundred", "about", 90, 110),
    # ceilings
    ("up to 300", "up_to", 0, 300),
    ("as many as 300", "up_to", 0, 300),
    ("at most 300", "up_to", 0, 300),
    ("fewer than 300", "fewer_than", 0, 299),
    ("less than 300", "fewer_than", 0, 299),
    ("under 300", "fewer_than", 0, 299),
    # ranges
    ("between 160 and 300", "range", 160, 300),
    ("160-300", "range", 160, 300),
    ("160 - 300", "range", 160, 300),
    ("160–300", "range", 160, 300),
    ("160 to 300", "range", 160, 300),
    ("between one hundred and five and two hundred", "range", 105, 200),
    ("twenty-thirty", "range", 20, 30),
    ("between 5 and 5", "range", 5, 5),
    # vague words
    ("dozens", "vague", 24, 99),
    ("scores", "vague", 40, 99),
    ("hundreds", "vague", 200, 999),
    ("thousands", "vague", 2_000, 9_999),
    ("tens of thousands", "vague", 20_000, 99_999),
    ("hundreds of thousands", "vague", 200_000, 999_999),
    ("millions", "vague", 2_000_000, 9_999_999),
    # mapping form, as a mapping and as its text
    ({"low": 160, "high": 300}, "range", 160, 300),
    ({"low": 730}, "at_least", 730, None),
    ({"low": 730, "high": None}, "at_least", 730, None),
    ({"low": 5, "high": 5}, "exact", 5, 5),
    ({"low": "1,000", "high": "two thousand"}, "range", 1000, 2000),
    ("{low: 160, high: 300}", "range", 160, 300),
    ("{low: 730}", "at_least", 730, None),
    ("{high: 300, low: 160}", "range", 160, 300),
    # case and space
    ("  More Than 730 ", "more_than", 731, None),
    ("ABOUT  500", "about", 450, 550),
    ("Dozens", "vague", 24, 99),
]


@pytest.mark.parametrize(("value", "qualifier", "low", "high"), ROWS)
def test_grammar_row(value: object, qualifier: str, low: int, high: int | None) -> None:
    figure = parse_figure(value)
    assert (figure.qualifier, figure.low, figure.high) == (qualifier, low, high)
    assert figure.qualifier in QUALIFIERS


def test_text_is_verbatim() -> None:
    assert parse_figure("  More Than 730 ").text == "More Than 730"
    assert parse_figure(730).text == "730"
    assert parse_figure({"high": 300, "low": 160}).text == "{low: 160, high: 300}"
    assert parse_figure({"low": 730}).text == "{low: 730}"


def test_about_tolerance() -> None:
    assert (parse_figure("about 500", 0.2).low, parse_figure("about 500", 0.2).high) == (400, 600)
    assert (parse_figure("nearly 500", 0.2).low, parse_figure("nearly 500", 0.2).high) == (400, 499)
    assert (parse_figure("about 500", 0).low, parse_figure("about 500", 0).high) == (500, 500)
    # Exact arithmetic: 0.3 * 10 is 3, not 2.9999999999999996.
    assert parse_figure("about 10", 0.3).low == 7
    assert parse_figure("nearly 1", 0.0).low == 0  # never above high


ERRORS: list[tuple[object, str, str]] = [
    ("lots", "bad-figure", 'cannot read figure "lots"'),
    ("", "bad-figure", 'cannot read figure ""'),
    ("seven days", "bad-figure", 'cannot read figure "seven days"'),
    ("2.5", "bad-figure", 'cannot read figure "2.5"'),
    (2.5, "bad-figure", 'cannot read figure "2.5"'),
    (True, "bad-figure", 'cannot read figure "true"'),
    (False, "bad-figure", 'cannot read figure "false"'),
    (None, "bad-figure", 'cannot read figure "None"'),
    ([1, 2], "bad-figure", 'cannot read figure "[1, 2]"'),
    ("300-160", "bad-figure", 'cannot read figure "300-160"'),
    ("between 300 and 160", "bad-figure", 'cannot read figure "between 300 and 160"'),
    ("fewer than 0", "bad-figure", 'cannot read figure "fewer than 0"'),
    ("nearly 0", "bad-figure", 'cannot read figure "nearly 0"'),
    ("1,08,9", "bad-figure", 'cannot read figure "1,08,9"'),
    ("more than lots", "bad-figure", 'cannot read figure "more than lots"'),
    ("{low: 1, x: 2}", "bad-figure", 'cannot read figure "{low: 1, x: 2}"'),
    ({"low": 1, "x": 2}, "bad-figure", 'unknown key "x"'),
    ({"high": 3}, "bad-figure", "low is missing"),
    ({"low": 300, "high": 160}, "bad-figure", "low 300 is above high 160"),
    ({"low": True}, "bad-figure", "true/false"),
    ({"low": [1]}, "bad-figure", 'cannot read figure "{low: [1]}"'),
    ("x" * 500, "bad-figure", "too long"),
    (-5, "negative-figure", 'figure "-5" is below zero'),
    (-5.0, "negative-figure", 'figure "-5.0" is below zero'),
    ("-5", "negative-figure", 'figure "-5" is below zero'),
    ("more than -5", "negative-figure", 'figure "more than -5" is below zero'),
    ({"low": -1}, "negative-figure", 'figure "{low: -1}" is below zero'),
    ({"low": 0, "high": -1}, "negative-figure", "below zero"),
    ("{low: -1}", "negative-figure", 'figure "{low: -1}" is below zero'),
]


@pytest.mark.parametrize(("value", "code", "message"), ERRORS)
def test_error(value: object, code: str, message: str) -> None:
    with pytest.raises(GrammarError) as info:
        parse_figure(value)
    assert info.value.code == code
    assert code in ERROR_KINDS
    assert message in info.value.message
    assert info.value.hint


def test_bad_figure_hint_lists_the_forms() -> None:
    with pytest.raises(GrammarError) as info:
        parse_figure("lots")
    hint = info.value.hint or ""
    for form in ("more than 730", "about 500", "between 160 and 300", "dozens", "{low: 160"):
        assert form in hint


@pytest.mark.parametrize("tolerance", [-0.1, 1.0, float("nan"), float("inf")])
def test_bad_tolerance_is_a_grammar_error(tolerance: float) -> None:
    with pytest.raises(GrammarError) as info:
        parse_figure("about 500", tolerance)
    assert info.value.code == "bad-setting"


RENDERED: list[tuple[object, str]] = [
    ("730", "730"),
    ("1,089", "1089"),
    ("over 730", "more than 730"),
    (">=730", "at least 730"),
    ("~500", "about 500"),
    ("just under 500", "nearly 500"),
    ("as many as 300", "up to 300"),
    ("under 300", "fewer than 300"),
    ("160–300", "between 160 and 300"),
    ("Dozens", "dozens"),
    ({"low": 730}, "at least 730"),
]


@pytest.mark.parametrize(("value", "text"), RENDERED)
def test_render(value: object, text: str) -> None:
    assert render_figure(parse_figure(value)) == text


def test_render_falls_back_to_the_mapping_form() -> None:
    # "about 500" read with a 20% tolerance is not what "about 500" means by default.
    assert render_figure(parse_figure("about 500", 0.2)) == "{low: 400, high: 600}"
    assert render_figure(Figure(450, 550, "about", "lots")) == "{low: 450, high: 550}"
    assert render_figure(Figure(3, 9, "exact", "3")) == "{low: 3, high: 9}"
    assert render_figure(Figure(0, None, "more_than", "?")) == "{low: 0}"


# --- properties --------------------------------------------------------------------------------

_ANY_VALUE = st.one_of(
    st.text(max_size=40),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dictionaries(
        st.sampled_from(["low", "high", "x"]),
        st.one_of(st.integers(-10, 10**6), st.text(max_size=10), st.none(), st.booleans()),
    ),
)


@settings(max_examples=300)
@given(_ANY_VALUE)
def test_any_value_is_a_figure_or_a_grammar_error(value: object) -> None:
    try:
        figure = parse_figure(value)
    except GrammarError as error:
        assert error.code in ("bad-figure", "negative-figure")
        return
    assert figure.low >= 0
    assert figure.high is None or figure.high >= figure.low
    assert figure.qualifier in QUALIFIERS


_PHRASES = st.sampled_from(
    [
        "{n}",
        "more than {n}",
        "{n}+",
        "at least {n}",
        "nearly {n}",
        "about {n}",
        "~{n}",
        "up to {n}",
        "fewer than {n}",
        "between {n} and {m}",
        "{n}-{m}",
        "{low: {n}, high: {m}}",
        "{low: {n}}",
    ]
)


@settings(max_examples=300)
@given(_PHRASES, st.integers(1, 10**9), st.integers(0, 10**6))
def test_written_figures_round_trip(phrase: str, n: int, extra: int) -> None:
    # The mapping form's text takes plain digits (a comma there separates the keys).
    style = "" if phrase.startswith("{") else ","
    text = phrase.replace("{n}", f"{n:{style}}").replace("{m}", f"{n + extra:{style}}")
    figure = parse_figure(text)
    again = parse_figure(render_figure(figure))
    assert (again.low, again.high, again.qualifier) == (figure.low, figure.high, figure.qualifier)


@st.composite
def _figures(draw: st.DrawFn) -> Figure:
    qualifier = draw(st.sampled_from(QUALIFIERS))
    low = draw(st.integers(0, 10**9))
    high = draw(st.one_of(st.none(), st.integers(low, low + 10**6)))
    if qualifier == "vague" and draw(st.booleans()):
        low, high = draw(st.sampled_from(list(VAGUE_FIGURES.values())))
    text = draw(st.one_of(st.text(max_size=20), st.just(f"about {low}")))
    return Figure(low, high, qualifier, text)


@settings(max_examples=300)
@given(_figures())
def test_any_figure_round_trips(figure: Figure) -> None:
    text = render_figure(figure)
    again = parse_figure(text)
    assert (again.low, again.high) == (figure.low, figure.high)
    if not text.startswith("{"):
        assert again.qualifier == figure.qualifier


def test_grammar_table_matches_sources_format() -> None:
    """Every `written` example of SOURCES_FORMAT.md's figure table parses to its interval."""
    doc = Path(__file__).resolve().parents[1] / ".." / "shared" / "docs" / "SOURCES_FORMAT.md"
    if not doc.exists():
        pytest.skip("../shared/docs is not here (fresh clone)")
    section = doc.read_text(encoding="utf-8").split("## Figure grammar", 1)[1].split("##", 1)[0]
    checked = 0
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        examples = re.findall(r"`([^`]+)`", cells[0])
        interval = re.fullmatch(r"\[(\d+), (\d+|open)\)?\]?", cells[1])
        first = parse_figure(examples[0])
        for example in examples:
            figure = parse_figure(example)
            if interval:
                # Rows give the interval of their first example; the others are synonyms.
                high = None if interval[2] == "open" else int(interval[2])
                assert (first.low, first.high) == (int(interval[1]), high), examples[0]
                assert figure.qualifier == first.qualifier, example
            checked += 1
    assert checked >= 30
