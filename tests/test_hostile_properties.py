"""Property tests of the readers of hostile input (issue 16): whatever the bytes, `loads`, the
claims CSV importer and the events reader either read them or raise the project's own errors
(`CasualtyReconError`: located input errors, usage errors), never anything else.

Inputs are random bytes and text assembled from the fragments each format is made of (keys,
figures, dates, quotes, delimiters, line ends, control characters, huge numbers), so the examples
reach past the first line. The whole file runs in a few seconds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casualty_recon.events import cross_check, load_events
from casualty_recon.grammar.figures import parse_figure
from casualty_recon.grammar.parties import resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.load.loader import loads, loads_csv
from casualty_recon.model.claims import Area, Claim, DayRange
from casualty_recon.model.errors import CasualtyReconError
from casualty_recon.render.claims import clean

FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
SLOWER = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

NASTY = [
    "\x00", "\x1b]0;x\x07", "\x1b[2J", "\r", "\r\n", "\n", "\t", "\ufeff", "\u202e", "\x85",
    '"', "'", "\\", "#", "&a", "*a", "!!binary", "---", "...", "{", "}", "[", "]", ",", ";",
    ": ", "- ", "? ", "|", ">", "~", "null", "yes", "no", "0x1F", "017", "1e400", "inf", "nan",
    "-1", "1" * 320, "9" * 40, "2019-02-30", "9999-12-31", "0001-01-01", "05/07/2019",
    "unknown", "é", "中文",
]  # fmt: skip
YAML_PIECES = [
    "version: 1\n", "sources:\n", "  A: {name: A, kind: un}\n", "claims:\n", "  - id: a1\n",
    "    source: A\n", "    figure: ", "    population: civilians\n", "    outcome: killed\n",
    "    area: ", "    as_of: ", "    start: ", "    published: ", "    perpetrators: ",
    "    breakdown_of: a1\n", "areas:\n", "  x: [x]\n", "  y: [Idlib, x]\n", "parties:\n",
    "  p: [p]\n", "assumptions:\n", "  - applies_to: basis\n", "    ratio: ", "settings:\n",
    "  about_tolerance: ", "more than 730", "about 500", "{low: 1, high: 0}", "Idlib",
    "northern Idlib", "2019-08-01", "late April 2019", "Russian forces", "any", "\n", "  ",
]  # fmt: skip
CSV_PIECES = [
    "id", "source", "figure_text", "figure_low", "figure_high", "population", "outcome", "area",
    "area_places", "perpetrators", "perpetrator_parties", "as_of", "start", "published",
    "as_of_earliest", "as_of_latest", "#hxl", "a1", "A", "730", "more than 730", "civilians",
    "killed", "Idlib", "SY-ID", "2019-08-01", "20/08/2019", "8/20/2019", "'=1+1", "any",
]  # fmt: skip
GED_HEADER = (
    "id,date_start,date_end,date_prec,where_prec,country,adm_1,side_a,deaths_civilians,"
    "low,best,high"
)
GED_CELLS = [
    "1", "0", "2019-05-01", "2019-05-31", "1970-01-01", "9999-12-31", "05/07/2019",
    "25/07/2019", "Syria", "Idlib", "Idlib governorate", "Government of Syria", "4", "-3",
    "n/a", "", '"', '""', '"Idlib', "a,b",
]  # fmt: skip

pieces = st.sampled_from(NASTY + YAML_PIECES) | st.text(max_size=8)
yaml_like = st.lists(pieces, max_size=40).map("".join)
csv_cell = st.sampled_from(NASTY + CSV_PIECES) | st.text(max_size=6)
csv_delimiter = st.sampled_from([",", ";", "\t", '"', ",,"])
csv_line_end = st.sampled_from(["\n", "\r\n", "\r", ""])
ged_cell = st.sampled_from(NASTY + GED_CELLS) | st.text(max_size=6)


@st.composite
def csv_text(draw: st.DrawFn, cell: st.SearchStrategy[str], header: str | None = None) -> str:
    rows = [header] if header is not None else []
    for _ in range(draw(st.integers(0 if header else 1, 6))):
        cells = draw(st.lists(cell, max_size=14))
        rows.append(draw(csv_delimiter).join(cells))
    end = draw(csv_line_end)
    return (end or "\n").join(rows) + end


def only_our_errors(read: Callable[..., object], *args: object) -> None:
    with contextlib.suppress(CasualtyReconError):
        read(*args)


@FAST
@given(st.binary(max_size=400))
def test_loads_random_bytes(data: bytes) -> None:
    only_our_errors(loads, data, "f.yaml")


@FAST
@given(yaml_like)
def test_loads_yaml_like_text(text: str) -> None:
    only_our_errors(loads, text, "f.yaml")
    only_our_errors(loads, text.encode("utf-8", "surrogatepass"), "f.yaml")


@FAST
@given(csv_text(csv_cell))
def test_claims_csv_random_text(text: str) -> None:
    only_our_errors(loads_csv, text.encode("utf-8", "surrogatepass"), "c.csv")


@FAST
@given(st.binary(max_size=400))
def test_claims_csv_random_bytes(data: bytes) -> None:
    only_our_errors(loads_csv, b"id,source,figure_text\n" + data, "c.csv")


_GAZETTEER = Gazetteer()
_IDLIB = frozenset(_GAZETTEER.resolve("Idlib"))
_MAY = DayRange(dt.date(2019, 5, 1), dt.date(2019, 5, 31), "May 2019")
CLAIM = Claim(
    id="c",
    source="test",
    figure=parse_figure("more than 10"),
    population="civilians",
    outcome="killed",
    perpetrators=resolve_perpetrators("any", {}),
    area=Area(("Idlib",), _IDLIB),
    start=DayRange(dt.date(2019, 5, 1), dt.date(2019, 5, 1), "2019-05-01"),
    as_of=_MAY,
    published=_MAY,
)


def read_events(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.csv"
        path.write_bytes(data)
        try:
            table = load_events(path)
        except CasualtyReconError:
            return
        list(cross_check(table, [CLAIM]))


@SLOWER
@given(csv_text(ged_cell, GED_HEADER))
def test_events_reader_random_rows(text: str) -> None:
    read_events(text.encode("utf-8", "surrogatepass"))


@SLOWER
@given(st.binary(max_size=300), st.booleans())
def test_events_reader_random_bytes(data: bytes, with_header: bool) -> None:
    read_events((GED_HEADER.encode() + b"\n" if with_header else b"") + data)


_TERMINAL = st.sampled_from(["\x1b[31m", "\x1b]0;title\x07", "\x07", "\x00", "\x9b", "\u202e"])


@FAST
@given(st.lists(st.one_of(st.text(max_size=8), _TERMINAL), max_size=6).map("".join))
def test_clean_text_keeps_no_control_character_and_leaves_printable_text_alone(text: str) -> None:
    cleaned = clean(text)
    # Tab and line feed stay (a renderer folds them); every other control character goes.
    assert not any(unicodedata.category(c) == "Cc" and c not in "\t\n" for c in cleaned)
    if text.isprintable():
        assert cleaned == text
    assert clean(cleaned) == cleaned
