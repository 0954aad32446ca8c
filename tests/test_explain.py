"""The explanation engine on small hand-built files: one pair per difference kind and verdict,
and properties that must hold for any pair. All figures here are made up for the tests."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty_recon import compare, loads
from casualty_recon.analysis.engine import Engine, PairResult
from casualty_recon.model.claims import Sources

HEAD = """\
version: 1
areas:
  northwest Syria: [Idlib, Hama, Aleppo, Latakia]
parties:
  pro-government: [Syrian government, Russian forces]
sources:
  A: {kind: ngo}
  B: {kind: un}
  C: {kind: monitor}
claims:
"""

DEFAULTS = {
    "population": "civilians",
    "outcome": "killed",
    "area": "Idlib",
    "start": "2019-05-01",
    "as_of": "2019-06-01",
    "basis": "reported",
}


def claim(claim_id: str, source: str, figure: str, **fields: str) -> str:
    values = {"id": claim_id, "source": source, "figure": figure, **DEFAULTS, **fields}
    lines = [f"{key}: {value}" for key, value in values.items() if value != ""]
    return "  - " + "\n    ".join(lines) + "\n"


def build(*claims: str, tail: str = "") -> Sources:
    return loads(HEAD + "".join(claims) + textwrap.dedent(tail), "test.yaml")


def explain(sources: Sources, first: str, second: str) -> PairResult:
    return compare(sources, pair=(first, second)).pairs[0]


def kinds(pair: PairResult) -> dict[str, object]:
    return {d.kind: d for d in pair.differences}


def test_a_is_the_claim_with_the_larger_floor_and_the_gap_is_positive() -> None:
    sources = build(claim("x", "A", "100"), claim("y", "B", "150"))
    pair = explain(sources, "x", "y")
    assert (pair.a.id, pair.b.id) == ("y", "x")
    assert (pair.gap.low, pair.gap.high) == (50, 50)


def test_same_scope_same_basis_points_that_differ_are_floors_not_a_contradiction() -> None:
    # README, "Concepts": a bare count is exact as the source's count and a floor of the truth;
    # two floors never contradict. Nothing in the file sizes the gap: unexplained.
    sources = build(claim("x", "A", "100"), claim("y", "B", "150"))
    pair = explain(sources, "x", "y")
    assert pair.verdict == "unexplained"
    assert "contradict" in pair.reason


def test_same_scope_points_against_an_estimate_below_them_are_a_contradiction() -> None:
    sources = build(claim("x", "A", "100", basis="estimated"), claim("y", "B", "150"))
    pair = explain(sources, "x", "y")
    assert pair.verdict == "contradiction"
    assert "bounds the truth from above at 100" in pair.reason


def test_a_wider_count_below_a_narrower_floor_is_a_contradiction() -> None:
    sources = build(
        claim("wide", "A", "up to 80", area="northwest Syria"),
        claim("narrow", "B", "at least 120", area="Idlib"),
    )
    assert explain(sources, "wide", "narrow").verdict == "contradiction"


def test_two_floors_never_contradict_and_name_the_common_floor() -> None:
    sources = build(
        claim("x", "A", "more than 730", area="northwest Syria"),
        claim("y", "B", "more than 500", area="Idlib"),
    )
    pair = explain(sources, "x", "y")
    assert pair.verdict != "contradiction"
    bounds = kinds(pair)["bounds"]
    assert bounds.relation == "floor-floor"  # type: ignore[attr-defined]
    assert "at least 731 civilians killed by any party in northwest Syria" in bounds.sentence  # type: ignore[attr-defined]
    assert pair.common_floor == 731
    assert (pair.gap.low, pair.gap.high) == (230, 230)


def test_a_belligerent_admission_against_a_monitor_range_is_not_a_contradiction() -> None:
    sources = build(
        claim("admitted", "A", "1,417", basis="verified", area="Syria"),
        claim("monitor", "C", "between 8000 and 13000", basis="reported", area="Syria"),
    )
    pair = explain(sources, "admitted", "monitor")
    assert pair.verdict != "contradiction"
    assert kinds(pair)["basis"].direction == "up"  # type: ignore[attr-defined]


def test_as_of_difference_is_quantified_from_the_own_rate() -> None:
    sources = build(
        claim("later", "A", "about 200", start="2019-05-01", as_of="2019-06-10"),
        claim("earlier", "B", "150", start="2019-05-01", as_of="2019-05-31"),
    )
    pair = explain(sources, "later", "earlier")
    as_of = kinds(pair)["as_of"]
    # b: 150 over 31 days (1 May to 31 May inclusive) = 4.84 a day; 10 days later.
    assert as_of.direction == "up" and as_of.agrees is True  # type: ignore[attr-defined]
    assert as_of.evidence == ("own-rate",)  # type: ignore[attr-defined]
    assert as_of.effect.low == pytest.approx(150 / 31 * 10)  # type: ignore[attr-defined]
    assert pair.verdict == "explained"


def test_as_of_uses_the_same_sources_series_before_its_own_rate() -> None:
    sources = build(
        claim("b1", "B", "100", as_of="2019-06-01"),
        claim("b2", "B", "160", as_of="2019-06-11"),
        claim("b3", "B", "260", as_of="2019-06-21"),
        claim("a1", "A", "300", as_of="2019-06-16"),
    )
    pair = explain(sources, "a1", "b2")
    as_of = kinds(pair)["as_of"]
    # The segment b2 -> b3 runs at 10 a day, the wider b1 -> b3 at 8 a day; 5 days.
    assert as_of.effect.low == pytest.approx(40) and as_of.effect.high == pytest.approx(50)  # type: ignore[attr-defined]
    assert set(as_of.evidence) == {"b1", "b2", "b3"}  # type: ignore[attr-defined]


def test_start_difference_points_up_when_a_starts_earlier() -> None:
    sources = build(
        claim("x", "A", "300", start="2019-04-01"),
        claim("y", "B", "200", start="2019-05-01", basis="documented"),
    )
    start = kinds(explain(sources, "x", "y"))["start"]
    assert (start.relation, start.direction, start.agrees) == ("wider", "up", True)  # type: ignore[attr-defined]


def test_unknown_start_is_reported_as_such() -> None:
    sources = build(claim("x", "A", "300"), claim("y", "B", "200", start="", basis="verified"))
    start = kinds(explain(sources, "x", "y"))["start"]
    assert start.relation == "unknown"  # type: ignore[attr-defined]
    assert "does not say when its count starts" in start.sentence  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("field", "wide", "narrow"),
    [
        ("population", "people", "civilians"),
        ("outcome", "killed or injured", "killed"),
        ("perpetrators", "any", "pro-government"),
        ("area", "northwest Syria", "Idlib"),
    ],
)
def test_share_dimensions_push_up_when_a_is_wider(field: str, wide: str, narrow: str) -> None:
    sources = build(
        claim("x", "A", "300", **{field: wide}), claim("y", "B", "200", **{field: narrow})
    )
    pair = explain(sources, "x", "y")
    difference = kinds(pair)[field]
    assert (difference.relation, difference.direction, difference.agrees) == ("wider", "up", True)  # type: ignore[attr-defined]
    assert difference.effect is None  # type: ignore[attr-defined]
    assert pair.verdict == "partly_explained"
    assert difference.break_even  # type: ignore[attr-defined]


def test_narrower_perpetrators_work_against_the_gap() -> None:
    sources = build(
        claim("x", "A", "300", perpetrators="pro-government"),
        claim("y", "B", "200", perpetrators="any"),
    )
    difference = kinds(explain(sources, "x", "y"))["perpetrators"]
    assert (difference.direction, difference.agrees) == ("down", False)  # type: ignore[attr-defined]


def test_breakdown_gives_a_perpetrator_share() -> None:
    sources = build(
        claim("x", "A", "330", perpetrators="pro-government", as_of="2019-06-01"),
        claim("whole", "C", "400", as_of="2019-07-01"),
        claim("part", "C", "360", perpetrators="pro-government", as_of="2019-07-01")[:-1]
        + "\n    breakdown_of: whole\n",
        claim("y", "B", "310"),
    )
    pair = explain(sources, "x", "y")
    difference = kinds(pair)["perpetrators"]
    assert difference.effect is not None  # type: ignore[attr-defined]
    assert difference.effect.low == pytest.approx(310 * 0.9 - 310)  # type: ignore[attr-defined]
    assert set(difference.evidence) == {"part", "whole"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("complete", [True, False])
def test_parts_that_split_by_perpetrator_add_up_to_a_population_share(complete: bool) -> None:
    whole = claim("whole", "C", "900", population="people")
    if complete:
        whole = whole[:-1] + "\n    complete: true\n"
    sources = build(
        whole,
        claim("p1", "C", "250", perpetrators="pro-government")[:-1] + "\n    breakdown_of: whole\n",
        claim("p2", "C", "50", perpetrators="Islamic State")[:-1] + "\n    breakdown_of: whole\n",
        claim("x", "A", "1000", population="people"),
        claim("y", "B", "400", population="civilians"),
    )
    difference = kinds(explain(sources, "x", "y"))["population"]
    # civilians are (250 + 50) / 900 of people: b reads 400 * 3 = 1,200 people. Unless the whole
    # is declared complete, the other 600 may hold civilians too: a share of 1/3 to 1.
    assert difference.effect.high == pytest.approx(800)  # type: ignore[attr-defined]
    assert difference.effect.low == pytest.approx(800 if complete else 0)  # type: ignore[attr-defined]
    assert set(difference.evidence) == {"p1", "p2", "whole"}  # type: ignore[attr-defined]


def test_paired_bases_on_one_day_give_a_basis_ratio() -> None:
    # Two bases for the pair's own scope and day (README, "Concepts", Evidence: the scope of
    # the ratio equals or contains the scope of a or of b).
    sources = build(
        claim("v", "C", "500", basis="verified"),
        claim("r", "C", "800", basis="reported"),
        claim("x", "A", "about 900", basis="reported"),
        claim("y", "B", "600", basis="verified"),
    )
    pair = explain(sources, "x", "y")
    basis = kinds(pair)["basis"]
    # 800 / 500 only: never 800 / 600 (b's own count, REASONING 2) nor x's 900 (a's count).
    assert basis.effect.low == pytest.approx(600 * 1.6 - 600)  # type: ignore[attr-defined]
    assert basis.effect.high == pytest.approx(600 * 1.6 - 600)  # type: ignore[attr-defined]
    assert set(basis.evidence) == {"v", "r"}  # type: ignore[attr-defined]
    assert "for a scope that equals b's" in basis.sentence  # type: ignore[attr-defined]
    assert pair.verdict == "explained"


def test_a_basis_ratio_from_another_day_is_not_borrowed() -> None:
    sources = build(
        claim("v", "C", "500", basis="verified", as_of="2019-05-20"),
        claim("r", "C", "800", basis="reported", as_of="2019-05-20"),
        claim("x", "A", "about 900", basis="reported"),
        claim("y", "B", "600", basis="verified"),
    )
    pair = explain(sources, "x", "y")
    basis = kinds(pair)["basis"]
    assert basis.effect is None  # type: ignore[attr-defined]
    assert pair.verdict == "partly_explained"


def test_assumptions_are_applied_and_listed() -> None:
    sources = build(
        claim("x", "A", "900", basis="reported"),
        claim("y", "B", "600", basis="verified"),
        tail="""
        assumptions:
          - applies_to: basis
            from: verified
            to: reported
            ratio: [1.4, 1.6]
            reason: made up for a test
        """,
    )
    report = compare(sources, pair=("x", "y"))
    basis = kinds(report.pairs[0])["basis"]
    assert basis.evidence == ("assumption:1",)  # type: ignore[attr-defined]
    assert report.pairs[0].verdict == "explained"
    assert [a["id"] for a in report.to_dict()["assumptions_used"]] == ["assumption:1"]


def test_basis_break_even_is_the_verification_rate_that_closes_the_gap() -> None:
    sources = build(
        claim("x", "A", "1000", basis="reported"), claim("y", "B", "680", basis="verified")
    )
    basis = kinds(explain(sources, "x", "y"))["basis"]
    assert basis.break_even == "verified counts at or below 68% of reported ones"  # type: ignore[attr-defined]


def test_a_stale_relay_is_flagged_on_the_stale_side() -> None:
    sources = build(
        claim("x", "A", "300", as_of="2019-06-20"),
        claim("y", "B", "200", relayed_by="Reuters", published="2019-06-20", basis="verified"),
    )
    relay = kinds(explain(sources, "x", "y"))["relay"]
    assert (relay.direction, relay.relation) == ("up", "stale")  # type: ignore[attr-defined]
    assert "19 days old" in relay.sentence  # type: ignore[attr-defined]


def test_a_revision_flags_the_older_claim() -> None:
    sources = build(
        claim("old", "A", "300", as_of="2019-06-01"),
        claim("new", "A", "250", as_of="2019-06-10"),
    )
    pair = explain(sources, "old", "new")
    revision = kinds(pair)["revision"]
    assert revision.direction == "none"  # type: ignore[attr-defined]
    assert "lowered its figure from 300" in revision.sentence  # type: ignore[attr-defined]


def test_unexplained_when_nothing_points_the_right_way() -> None:
    sources = build(
        claim("x", "A", "300", perpetrators="pro-government", basis="verified"),
        claim("y", "B", "100", perpetrators="any", basis="reported"),
    )
    pair = explain(sources, "x", "y")
    assert pair.verdict == "unexplained"


def test_default_pairs_take_the_latest_claim_of_each_source() -> None:
    sources = build(
        claim("a-old", "A", "100", as_of="2019-05-20"),
        claim("a-new", "A", "200", as_of="2019-06-01"),
        claim("b-new", "B", "150", as_of="2019-06-01", basis="verified"),
        claim("elsewhere", "C", "10", area="Iraq"),
    )
    report = compare(sources)
    assert [(p.a.id, p.b.id) for p in report.pairs] == [("a-new", "b-new")]


# --- properties ---------------------------------------------------------------------------------

figures = st.sampled_from(
    [
        "100",
        "more than 120",
        "at least 90",
        "about 150",
        "up to 200",
        "between 80 and 130",
        "dozens",
    ]
)
populations = st.sampled_from(["people", "civilians", "children"])
bases = st.sampled_from(["verified", "documented", "reported", "estimated"])
days = st.sampled_from(["2019-05-20", "2019-06-01", "2019-06-15"])


@settings(max_examples=60, deadline=None)
@given(figures, figures, populations, populations, bases, bases, days, days)
def test_swapping_the_claims_gives_the_same_pair(
    f1: str, f2: str, p1: str, p2: str, b1: str, b2: str, d1: str, d2: str
) -> None:
    sources = build(
        claim("x", "A", f1, population=p1, basis=b1, as_of=d1),
        claim("y", "B", f2, population=p2, basis=b2, as_of=d2),
    )
    engine = Engine(sources)
    forward = engine.explain(sources.claim("x"), sources.claim("y")).to_dict()
    backward = engine.explain(sources.claim("y"), sources.claim("x")).to_dict()
    assert forward == backward
    assert forward["verdict"] in {"explained", "partly_explained", "unexplained", "contradiction"}


@settings(max_examples=40, deadline=None)
@given(figures, figures, figures, bases, bases)
def test_an_unrelated_claim_does_not_change_a_pair(
    f1: str, f2: str, f3: str, b1: str, b2: str
) -> None:
    pair_claims = (
        claim("x", "A", f1, basis=b1),
        claim("y", "B", f2, basis=b2, as_of="2019-06-10"),
    )
    alone = explain(build(*pair_claims), "x", "y").to_dict()
    unrelated = claim("z", "C", f3, area="Yemen", population="children", outcome="injured")
    with_other = explain(build(*pair_claims, unrelated), "x", "y").to_dict()
    assert alone == with_other


def test_unknown_start_break_even_is_a_lag_at_a_known_rate() -> None:
    # a: 600 over the 31 days of May (19.35 a day); b gives no start.
    sources = build(
        claim("x", "A", "600", start="2019-05-01", as_of="2019-05-31"),
        claim("y", "B", "400", start="", as_of="2019-05-31"),
    )
    start = kinds(explain(sources, "x", "y"))["start"]
    # 200 / (600 / 31) = 10.3 days: 11 whole days. 19.4 is a's average, and says so (REASONING
    # 2: an average over a window is never shown as a rate of its own).
    assert start.break_even == (
        "b's count starting 11 days after a's (at 19.4 a day, a's average over its window)"
    )  # type: ignore[attr-defined]


def test_a_claim_against_its_own_breakdown_is_explained_by_it() -> None:
    sources = build(
        claim("whole", "C", "900"),
        claim("part", "C", "600", perpetrators="pro-government")[:-1]
        + "\n    breakdown_of: whole\n",
    )
    pair = explain(sources, "whole", "part")
    assert pair.verdict == "explained"
    assert "part is a breakdown of whole" in pair.reason


def test_a_revision_is_not_a_contradiction() -> None:
    sources = build(
        claim("old", "A", "300", as_of="2019-06-01"),
        claim("new", "A", "250", as_of="2019-06-10"),
    )
    pair = explain(sources, "old", "new")
    assert pair.verdict == "explained"
    assert "revised its figure" in pair.reason


def test_a_lag_break_even_at_a_series_rate_says_it_is_the_series_rate() -> None:
    # a gives no start, so the start difference has no length; b's own series (two points of
    # B) gives the rate around b's date: 300 more in 10 days, 30 a day; 900 - 500 = 400 is
    # 13.3 days of it, 14 whole days.
    sources = build(
        claim("x", "A", "900", start="", as_of="2019-05-21"),
        claim("y0", "B", "200", start="2019-05-01", as_of="2019-05-11"),
        claim("y", "B", "500", start="2019-05-01", as_of="2019-05-21"),
    )
    start = kinds(explain(sources, "x", "y"))["start"]
    assert start.break_even == (  # type: ignore[attr-defined]
        "b's count starting 14 days after a's (at 30 a day, the rate of b's series around its date)"
    )
