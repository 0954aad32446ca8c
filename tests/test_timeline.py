"""Timelines on hand-built claims (synthetic figures, made up here), and their renderings.

Every expected number below is worked out by hand in the comment beside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from golden_helpers import check_golden
from rich.console import Console

from casualty_recon.analysis.timeline import Series, build_timelines, stale_sentence
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.load.loader import load
from casualty_recon.model.claims import Area, Claim, DayRange, Figure, Perpetrators, Place
from casualty_recon.model.spans import Span
from casualty_recon.render.timelines import (
    ordered_series,
    print_timelines,
    timelines_json,
    timelines_plain,
)

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "sources.yaml"
SYRIA = Area(("Idlib",), frozenset({Place("SY-ID", "Idlib")}))


def day(iso: str, latest: str | None = None, text: str | None = None) -> DayRange:
    earliest = dt.date.fromisoformat(iso)
    return DayRange(earliest, dt.date.fromisoformat(latest or iso), text or iso)


def figure(low: int, high: int | str | None = "same", text: str | None = None) -> Figure:
    top = low if high == "same" else high
    assert top is None or isinstance(top, int)
    if top is None:
        return Figure(low, None, "at_least", text or f"at least {low}")
    if top == low:
        return Figure(low, low, "exact", text or str(low))
    return Figure(low, top, "range", text or f"between {low} and {top}")


def claim(
    claim_id: str,
    fig: Figure,
    as_of: DayRange,
    *,
    source: str = "S",
    published: DayRange | None = None,
    relayed_by: str | None = None,
    population: str = "civilians",
    basis: str = "reported",
    area: Area = SYRIA,
) -> Claim:
    return Claim(
        id=claim_id,
        source=source,
        figure=fig,
        population=population,
        outcome="killed",
        perpetrators=Perpetrators((), None),
        area=area,
        start=day("2024-01-01"),
        as_of=as_of,
        published=published or as_of,
        basis=basis,
        relayed_by=relayed_by,
    )


def only(series: list[Series]) -> Series:
    assert len(series) == 1, [s.label for s in series]
    return series[0]


def three_points() -> Series:
    # 100 on 10 Jan, 160 on 20 Jan, 400 on 19 Feb.
    return only(
        build_timelines(
            [
                claim("c", figure(400), day("2024-02-19")),
                claim("a", figure(100), day("2024-01-10")),
                claim("b", figure(160), day("2024-01-20")),
            ]
        )
    )


# --- the engine --------------------------------------------------------------------------------


def test_points_are_ordered_by_as_of_and_rates_match_hand_calculation() -> None:
    series = three_points()
    assert [p.claim.id for p in series.points] == ["a", "b", "c"]
    first, second = series.segments
    # 160 - 100 = 60 over 10 days = 6 a day; 400 - 160 = 240 over 30 days = 8 a day.
    assert (first.days, first.change, first.rate) == (Span(10, 10), Span(60, 60), Span(6, 6))
    assert (second.days, second.change, second.rate) == (Span(30, 30), Span(240, 240), Span(8, 8))
    assert not series.revisions and not series.stale_relays


def test_range_figures_and_date_periods_widen_the_rate() -> None:
    series = only(
        build_timelines(
            [
                claim("a", figure(100, 120), day("2024-01-01", "2024-01-10", "early January")),
                claim("b", figure(200), day("2024-01-20")),
            ]
        )
    )
    (segment,) = series.segments
    # Days: 20 Jan - 10 Jan = 10 at least, 20 Jan - 1 Jan = 19 at most.
    assert segment.days == Span(10, 19)
    # Change: 200 - [100, 120] = [80, 100]; rate [80 / 19, 100 / 10].
    assert segment.change == Span(80, 100)
    assert segment.rate == Span(80 / 19, 10)


def test_interpolation_inside_one_segment_is_widened_by_the_neighbouring_segment() -> None:
    estimate = three_points().value_at(dt.date(2024, 1, 15))
    assert estimate is not None
    # 100 + [6, 7.5] a day x 5 days: 6 on a -> b, 7.5 across a -> c.
    assert estimate.value == Span(130, 137.5)
    assert not estimate.extrapolated
    assert set(estimate.claim_ids) == {"a", "b", "c"}


def test_interpolation_uses_the_neighbouring_segment_as_uncertainty() -> None:
    estimate = three_points().value_at(dt.date(2024, 2, 1))
    assert estimate is not None
    # Its own segment runs at 8 a day; the wider one from 10 Jan to 19 Feb at 300 / 40 = 7.5.
    # 12 days after 20 Jan: 160 + [7.5, 8] x 12 = [250, 256].
    assert estimate.value == Span(250, 256)
    assert not estimate.extrapolated
    assert set(estimate.claim_ids) == {"a", "b", "c"}


@pytest.mark.parametrize("days_after", range(1, 40, 3))
def test_interpolated_values_lie_between_their_neighbours(days_after: int) -> None:
    series = three_points()
    when = dt.date(2024, 1, 10) + dt.timedelta(days=days_after)
    estimate = series.value_at(when)
    assert estimate is not None
    before = max((p for p in series.points if p.latest < when), key=lambda p: p.latest)
    after = min((p for p in series.points if p.earliest > when), key=lambda p: p.earliest)
    assert before.value.low <= estimate.value.low <= estimate.value.high <= after.value.high


def test_a_point_date_returns_its_own_figure() -> None:
    estimate = three_points().value_at(dt.date(2024, 1, 20))
    assert estimate is not None
    assert estimate.value == Span(160, 160)
    assert estimate.claim_ids == ("b",)


def test_extrapolation_past_either_end_is_flagged() -> None:
    series = three_points()
    after = series.value_at(dt.date(2024, 2, 29))
    assert after is not None and after.extrapolated
    # The last two segments run at 6 and 8 a day: 400 + [6, 8] x 10 days.
    assert after.value == Span(460, 480)
    before = series.value_at(dt.date(2024, 1, 5))
    assert before is not None and before.extrapolated
    # The first two segments: 100 - [6, 8] x 5 days.
    assert before.value == Span(60, 70)
    rate = series.rate_between(dt.date(2024, 1, 15), dt.date(2024, 3, 1))
    assert rate is not None and rate.extrapolated
    inside = series.rate_between(dt.date(2024, 1, 12), dt.date(2024, 1, 18))
    assert inside is not None and not inside.extrapolated and inside.rate == Span(6, 7.5)


def test_extrapolation_before_the_first_date_never_goes_below_zero() -> None:
    estimate = three_points().value_at(dt.date(2023, 6, 1))
    assert estimate is not None and estimate.extrapolated
    assert estimate.value.low == 0


def test_one_date_series_has_no_rate() -> None:
    series = only(build_timelines([claim("a", figure(100), day("2024-01-10"))]))
    assert series.segments == []
    assert series.rate_between(dt.date(2024, 1, 1), dt.date(2024, 1, 9)) is None
    assert series.value_at(dt.date(2024, 1, 20)) is None


def test_a_lower_later_figure_is_a_revision() -> None:
    series = only(
        build_timelines(
            [
                claim("a", figure(100), day("2024-01-10")),
                claim("b", figure(90), day("2024-01-20")),
                claim("c", figure(120), day("2024-01-30")),
            ]
        )
    )
    first, second = series.segments
    assert first.revision and not second.revision
    assert first.rate == Span(0, 0)  # a cumulative count never runs backwards
    assert [(r.older.id, r.newer.id) for r in series.revisions] == [("a", "b")]


def test_overlapping_ranges_are_not_a_revision() -> None:
    series = only(
        build_timelines(
            [
                claim("a", figure(100, 150), day("2024-01-10")),
                claim("b", figure(120, 130), day("2024-01-20")),
            ]
        )
    )
    assert not series.revisions


def test_interpolation_across_a_revision_is_a_valid_interval() -> None:
    series = only(
        build_timelines(
            [
                claim("a", figure(100), day("2024-01-10")),
                claim("b", figure(90), day("2024-01-20")),
            ]
        )
    )
    estimate = series.value_at(dt.date(2024, 1, 15))
    assert estimate is not None
    assert estimate.value.low <= estimate.value.high
    assert Span(90, 100).low <= estimate.value.low and estimate.value.high <= 100


def test_a_relay_printed_after_the_source_moved_on_is_stale() -> None:
    claims = [
        claim("s-10", figure(100), day("2024-01-10")),
        claim("s-20", figure(200), day("2024-01-20"), published=day("2024-01-21")),
        # Relays of the 10 January figure: one before the newer figure was out, one after.
        claim("early", figure(100), day("2024-01-10"), published=day("2024-01-15"), relayed_by="R"),
        claim("late", figure(100), day("2024-01-10"), published=day("2024-01-30"), relayed_by="R"),
    ]
    series = only(build_timelines(claims))
    (stale,) = series.stale_relays
    assert stale.claim.id == "late"
    assert stale.newer is not None and stale.newer.id == "s-20"
    assert stale.age_days == 20  # 30 Jan - 10 Jan


def test_a_relay_is_stale_whatever_basis_it_was_given() -> None:
    # The source counts verified deaths; the relay of its 10 January figure was written without
    # a basis (reported, the default): still the source's count, printed after it moved on.
    claims = [
        claim("s-10", figure(100), day("2024-01-10"), basis="verified"),
        claim(
            "s-20", figure(200), day("2024-01-20"), published=day("2024-01-21"), basis="verified"
        ),
        claim("late", figure(100), day("2024-01-10"), published=day("2024-01-30"), relayed_by="R"),
    ]
    relay_series = next(s for s in build_timelines(claims) if s.basis == "reported")
    (stale,) = relay_series.stale_relays
    assert stale.claim.id == "late"
    assert stale.newer is not None and stale.newer.id == "s-20"
    assert "S had already published 200" in stale_sentence(stale)


def test_a_relay_without_a_start_in_a_dated_series_is_still_stale() -> None:
    # An undated relay joins its source's series; the later figure of that series makes it stale
    # whatever either count's start says.
    undated = dataclasses.replace(
        claim("late", figure(100), day("2024-01-10"), published=day("2024-01-30"), relayed_by="R"),
        start=None,
    )
    claims = [
        claim("s-10", figure(100), day("2024-01-10")),
        claim("s-20", figure(200), day("2024-01-20"), published=day("2024-01-21")),
        undated,
    ]
    (series,) = build_timelines(claims)
    (stale,) = series.stale_relays
    assert (stale.claim.id, stale.newer.id if stale.newer else None) == ("late", "s-20")


def test_repeats_of_one_figure_on_one_day_are_one_point() -> None:
    claims = [
        claim("a", figure(100), day("2024-01-10")),
        claim(
            "a-again", figure(100), day("2024-01-10"), published=day("2024-01-12"), relayed_by="R"
        ),
        claim("b", figure(150), day("2024-01-20")),
    ]
    series = only(build_timelines(claims))
    assert [p.ids for p in series.points] == [("a", "a-again"), ("b",)]
    assert series.claim_ids == {"a", "a-again", "b"}
    assert len(series.segments) == 1


def test_series_are_split_by_source_scope_and_basis() -> None:
    claims = [
        claim("s1", figure(100), day("2024-01-10")),
        claim("s2", figure(200), day("2024-01-20")),
        claim("t1", figure(50), day("2024-01-10"), source="T"),
        claim("v1", figure(80), day("2024-01-10"), basis="verified"),
        claim("c1", figure(30), day("2024-01-10"), population="children"),
    ]
    labels = sorted(s.label for s in build_timelines(claims))
    assert labels == [
        "S: children killed, by any party, reported",
        "S: civilians killed, by any party, reported",
        "S: civilians killed, by any party, verified",
        "T: civilians killed, by any party, reported",
    ]


def test_disjoint_areas_of_one_country_are_separate_series() -> None:
    gazetteer = Gazetteer()
    gaza = Area(("Gaza Strip",), gazetteer.resolve("Gaza Strip"))
    west_bank = Area(("West Bank",), gazetteer.resolve("West Bank"))
    claims = [
        claim("g1", figure(1000), day("2024-01-10"), area=gaza),
        claim("w1", figure(300), day("2024-01-11"), area=west_bank),
        claim("g2", figure(1200), day("2024-01-12"), area=gaza),
    ]
    series = build_timelines(claims)
    assert len(series) == 2
    assert not any(s.revisions for s in series)


# --- renderings --------------------------------------------------------------------------------


def mixed_claims() -> list[Claim]:
    """A revision, a stale relay, a repeat, a floor, a range and one-date series."""
    return [
        claim("s-10", figure(100, None), day("2024-01-10")),
        claim("s-20", figure(90), day("2024-01-20"), published=day("2024-01-21")),
        claim("s-30", figure(150, 170), day("2024-01-30")),
        claim(
            "late",
            figure(100, None),
            day("2024-01-10"),
            published=day("2024-02-05"),
            relayed_by="R",
        ),
        claim("t-10", figure(40), day("2024-01-10"), source="T"),
        claim("t-10b", figure(40), day("2024-01-10"), source="T", relayed_by="News"),
    ]


def test_plain_rendering_shows_points_segments_and_flags() -> None:
    text = timelines_plain(build_timelines(mixed_claims()))
    assert "2 series (1 with two or more dates), 1 revision, 1 stale relay, 0 old relays." in text
    assert "1. S: civilians killed, by any party, reported" in text
    # The 10 January point carries the stale relay as a repeat of the same figure.
    assert "s-10; late (via R, published 2024-02-05, repeat)" in text
    assert "150 to 170" in text and "100+" in text
    # 10 Jan to 20 Jan: 90 - 100 = -10, rate 0; flagged.
    rows = [line.split() for line in text.splitlines()]
    assert ["2024-01-10", "2024-01-20", "10", "-10", "0", "REVISION"] in rows
    # 20 Jan to 30 Jan: [150, 170] - 90 = +60 to +80 over 10 days = 6 to 8 a day.
    assert ["2024-01-20", "2024-01-30", "10", "+60", "to", "+80", "6", "to", "8"] in rows
    assert (
        "REVISION: s-20 (90 as of 2024-01-20) is below s-10 (at least 100 as of 2024-01-10)" in text
    )
    assert (
        "STALE RELAY: late, relayed by R on 2024-02-05, repeats at least 100 as of 2024-01-10 "
        "(26 days old); S had already published between 150 and 170 as of 2024-01-30"
    ) in text
    assert "Series with one date (1): no rate" in text
    assert "t-10; t-10b (via News, repeat)" in text


def test_another_figure_of_the_same_day_is_not_called_a_repeat() -> None:
    """A source's own 4,137 and a relay's 'more than 4,100' of the same day, published later
    (as Gaza's tolls were relayed): the timeline listed the source's figure as '(repeat, written
    '4137')', though it states another count. Synthetic figures."""
    claims = [
        claim("own", figure(4137), day("2024-01-10")),
        claim(
            "relay",
            figure(4101, None, "more than 4,100"),
            day("2024-01-10"),
            published=day("2024-01-15"),
            relayed_by="Wire",
        ),
        claim("same", figure(4101, None, "more than 4100"), day("2024-01-10"), relayed_by="R"),
    ]
    text = timelines_plain(build_timelines(claims))
    assert "repeat, written '4137'" not in text
    # The source's own figure is the day's point, before relays that round it, whenever they
    # were published; the relays are the day's other figures, not repeats of 4,137.
    assert "  4137    4,137     own; " in text
    assert "relay (via Wire, published 2024-01-15, other figure that day: more than 4,100)" in text
    assert "same (via R, other figure that day: more than 4100)" in text


def test_a_pair_of_one_day_takes_the_sources_own_figure_before_a_relay_of_it() -> None:
    """REASONING 4 picks among one source's claims of a day by scope, never by id; where the
    scope ties, the source's own figure (4,137) stands before a relay rounding it ('more than
    4,100', published later), which the tie by figure picked. Synthetic figures."""
    from casualty_recon import compare, loads

    common = "population: people, outcome: killed, area: Gaza Strip, as_of: 2023-10-20"
    text = f"""version: 1
sources:
  MoH: {{kind: government}}
  GMO: {{kind: government}}
claims:
  - {{id: own, source: MoH, figure: 4137, {common}}}
  - {{id: relay, source: MoH, relayed_by: Wire, figure: more than 4100, {common},
     published: 2023-10-25}}
  - {{id: other, source: GMO, figure: 4500, {common}}}
"""
    report = compare(loads(text, "gaza-synthetic.yaml"))
    assert [(p.a.id, p.b.id) for p in report.pairs] == [("other", "own")]


def test_plain_text_has_no_colour_or_box_drawing_and_cleans_input() -> None:
    hostile = claim(
        "x", Figure(5, 5, "exact", "5\x1b[31m\x07"), day("2024-01-10"), source="E\x1b]0;t\x07"
    )
    text = timelines_plain(build_timelines([*mixed_claims(), hostile]))
    assert "\x1b" not in text and "\x07" not in text
    assert not any(0x2500 <= ord(ch) <= 0x257F for ch in text)
    assert text.isascii()


def test_markdown_rendering_uses_tables_and_headings() -> None:
    text = timelines_plain(build_timelines(mixed_claims()), markdown=True)
    assert text.startswith("# Timelines\n")
    assert "## 1. S: civilians killed, by any party, reported" in text
    assert "| as of | figure | interval | claims |" in text
    assert "- REVISION: s-20" in text


def test_json_rendering_is_the_same_content() -> None:
    document = json.loads(timelines_json(build_timelines(mixed_claims())))
    first = document["series"][0]
    assert first["label"] == "S: civilians killed, by any party, reported"
    assert first["points"][0]["figure_high"] is None  # a floor's open end
    assert first["points"][0]["repeats"] == ["late"]
    assert [s["revision"] for s in first["segments"]] == [True, False]
    assert first["segments"][1]["rate_low"] == pytest.approx(60 / 10)  # 150 - 90 over 10 days
    assert first["revisions"][0]["newer"]["id"] == "s-20"
    assert first["stale_relays"][0]["age_days"] == 26
    assert first["stale_relays"][0]["newer"]["id"] == "s-30"
    assert document["series"][1]["points"][0]["repeats"] == ["t-10b"]


def test_renderings_do_not_depend_on_claim_order() -> None:
    claims = mixed_claims()
    expected = timelines_plain(build_timelines(claims))
    shuffled = claims[:]
    random.Random(4).shuffle(shuffled)
    assert timelines_plain(build_timelines(shuffled)) == expected
    assert timelines_json(build_timelines(shuffled)) == timelines_json(build_timelines(claims))


def test_only_series_with_points_are_shown() -> None:
    series = build_timelines(mixed_claims())
    empty = Series("Z", "civilians", "killed", "any", "reported")
    assert ordered_series([*series, empty]) == ordered_series(series)
    assert "Z:" not in timelines_plain([*series, empty])


def test_terminal_rendering_shows_the_same_flags() -> None:
    console = Console(record=True, width=160, color_system=None)
    print_timelines(console, build_timelines(mixed_claims()))
    text = console.export_text()
    assert "1. S: civilians killed, by any party, reported" in text
    assert "REVISION: s-20" in text and "STALE RELAY: late" in text
    assert "Series with one date (1): no rate" in text


def test_renderer_import_does_not_load_rich() -> None:
    code = (
        "import sys, casualty_recon.render.timelines; "
        "assert 'rich' not in sys.modules, 'rich imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- the bundled file --------------------------------------------------------------------------


def test_bundled_timelines_plain_golden() -> None:
    check_golden("timeline/plain.txt", timelines_plain(build_timelines(load(BUNDLED).claims)))


def test_bundled_timelines_markdown_golden() -> None:
    series = build_timelines(load(BUNDLED).claims)
    check_golden("timeline/markdown.md", timelines_plain(series, markdown=True))


def test_bundled_timelines_json_golden() -> None:
    check_golden("timeline/timelines.json", timelines_json(build_timelines(load(BUNDLED).claims)))


def test_bundled_ohchr_series_rates() -> None:
    series = build_timelines(load(BUNDLED).claims)
    (ohchr,) = [s for s in series if s.label == "OHCHR: civilians killed, by any party, verified"]
    # more than 500 on 8 August (as 501) to 1,089 on 29 August: 588 over 21 days = 28 a day.
    last = ohchr.segments[-1]
    assert (last.days, last.change, last.rate) == (Span(21, 21), Span(588, 588), Span(28, 28))
    # OCHA's relay of 20 August repeats the 8 August figure: one point, two claims.
    assert ("ohchr-2019-08-08", "ocha-reuters-2019-08-20") in [p.ids for p in ohchr.points]


def test_the_summary_counts_every_flag_it_lists_under_the_same_name() -> None:
    """The bundled file lists one OLD RELAY: the summary line counts it as an old relay (it
    said "0 stale relays" and then listed an old relay)."""
    from casualty_recon.analysis.timeline import build_timelines
    from casualty_recon.load.loader import load
    from casualty_recon.render.timelines import timelines_plain

    text = timelines_plain(build_timelines(load(ROOT / "sources.yaml").claims))
    listed = text.count("OLD RELAY:")
    assert listed == 1
    assert f"{listed} old relay." in text.splitlines()[3]


def _timeline(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app

    result = CliRunner().invoke(app, ["timeline", str(ROOT / "sources.yaml"), *args])
    return result.exit_code, result.stdout, result.stderr


def test_at_in_json_is_one_json_document_with_the_reading_inside() -> None:
    # `--at` printed its plain-text reading after the JSON document: `jq` and json.loads failed.
    code, out, err = _timeline("--source", "OHCHR", "--at", "2019-08-20", "--format", "json")
    assert code == 0 and err == ""
    document = json.loads(out)
    assert [s["label"] for s in document["series"]] == [
        v["label"] for v in document["at"]["values"]
    ]
    assert document["at"]["day"] == "2019-08-20"
    civilians = next(
        v for v in document["at"]["values"] if "civilians killed, by any" in v["label"]
    )
    assert civilians["claims"] and not civilians["extrapolated"]
    assert 501 < civilians["low"] <= civilians["high"] < 1089  # between 8 and 29 August's counts
    assert "Read on" not in out


def test_at_in_markdown_is_a_section_of_bullets() -> None:
    # The reading's lines ran together into one Markdown paragraph.
    code, out, err = _timeline("--source", "OHCHR", "--at", "2019-08-20", "--format", "markdown")
    assert code == 0 and err == ""
    section = out.split("\n## Read on 2019-08-20\n\n", 1)[1].rstrip("\n").split("\n")
    assert section and all(line.startswith("- OHCHR: ") for line in section), section
