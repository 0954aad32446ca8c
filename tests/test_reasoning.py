"""How the engine reasons (README, "Concepts", Evidence): small cases with the answer an expert
would give, as tests, and tests of each rule beyond the cases. Every file is built here; the
figures are made up. Unless a case says otherwise: civilians killed in Idlib, 1 to 31 March
2020, documented."""

from __future__ import annotations

import pytest

from casualty_recon import compare, loads
from casualty_recon.analysis.engine import Engine, PairResult
from casualty_recon.model.claims import Sources
from casualty_recon.model.spans import Span

HEAD = """\
version: 1
sources:
  A: {kind: ngo}
  B: {kind: un}
  C: {kind: monitor}
  D: {kind: monitor}
claims:
"""
DEFAULTS = {
    "population": "civilians",
    "outcome": "killed",
    "area": "Idlib",
    "start": "2020-03-01",
    "as_of": "2020-03-31",
    "basis": "documented",
}


def claim(claim_id: str, source: str, figure: str, **fields: str) -> str:
    values = {"id": claim_id, "source": source, "figure": f'"{figure}"', **DEFAULTS, **fields}
    lines = [f"{key}: {value}" for key, value in values.items() if value != ""]
    return "  - " + "\n    ".join(lines) + "\n"


def build(*claims: str, tail: str = "") -> Sources:
    return loads(HEAD + "".join(claims) + tail, "case.yaml")


def pair(*claims: str, tail: str = "", ids: tuple[str, str] = ("x", "y")) -> PairResult:
    return compare(build(*claims, tail=tail), pair=ids).pairs[0]


def kinds(result: PairResult) -> dict[str, object]:
    return {d.kind: d for d in result.differences}


# --- the casebook --------------------------------------------------------------------------------


def test_case_two_overlapping_ranges_are_explained() -> None:
    result = pair(claim("x", "A", "100 to 200"), claim("y", "B", "150 to 300"))
    assert result.verdict == "explained"


def test_case_a_count_inside_a_ceiling_is_explained() -> None:
    result = pair(claim("x", "A", "250"), claim("y", "B", "up to 300"))
    assert result.verdict == "explained"
    assert "inside the ceiling" in result.reason


def test_case_a_count_above_a_ceiling_of_the_same_scope_is_a_contradiction() -> None:
    result = pair(claim("x", "A", "350"), claim("y", "B", "up to 300"))
    assert result.verdict == "contradiction"
    assert "bounds the truth from above at 300" in result.reason


def test_case_about_500_against_more_than_480_is_explained() -> None:
    result = pair(claim("x", "A", "about 500"), claim("y", "B", "more than 480"))
    assert result.verdict == "explained"


def test_case_nearly_500_against_500_is_approximate_not_a_ceiling() -> None:
    result = pair(claim("x", "A", "nearly 500"), claim("y", "B", "500"))
    assert result.verdict == "explained"
    assert "within the approximation" in result.reason


def test_case_a_narrower_window_holding_more_is_a_coverage_shortfall() -> None:
    result = pair(
        claim("x", "A", "300"),
        claim("y", "B", "400", start="2020-03-10", as_of="2020-03-20"),
    )
    assert result.verdict == "unexplained"
    coverage = kinds(result)["coverage"]
    assert "falls short in coverage by at least 100" in coverage.sentence  # type: ignore[attr-defined]
    assert "at least 100" in result.reason and "contradict" in result.reason


def test_case_a_ceiling_for_a_narrower_window_does_not_bound_the_whole_month() -> None:
    result = pair(
        claim("x", "A", "300"),
        claim("y", "B", "at most 250", start="2020-03-10", as_of="2020-03-20", basis="estimated"),
    )
    assert result.verdict in ("explained", "partly_explained")


def test_case_an_estimated_ceiling_below_a_count_of_the_same_scope_contradicts_it() -> None:
    result = pair(claim("x", "A", "300"), claim("y", "B", "at most 250", basis="estimated"))
    assert result.verdict == "contradiction"


def test_case_a_wider_outcome_is_partly_explained_with_its_break_even() -> None:
    result = pair(claim("x", "A", "1,000", outcome="killed or injured"), claim("y", "B", "400"))
    assert result.verdict == "partly_explained"
    outcome = kinds(result)["outcome"]
    assert outcome.break_even is not None and "2.50 times" in outcome.break_even  # type: ignore[attr-defined]


def test_case_zero_verified_against_25_reported_is_partly_explained_by_basis() -> None:
    result = pair(claim("x", "A", "0", basis="verified"), claim("y", "B", "25", basis="reported"))
    assert result.verdict == "partly_explained"
    assert "basis" in result.reason


STALE = (
    claim("s1", "C", "100", as_of="2020-03-10", published="2020-03-10"),
    claim("s2", "C", "200", as_of="2020-03-20", published="2020-03-20"),
    claim("s3", "C", "260", as_of="2020-03-22", published="2020-03-22"),
    claim("s4", "C", "300", as_of="2020-03-30", published="2020-03-30"),
    claim("y", "C", "200", as_of="2020-03-20", published="2020-03-27", relayed_by="News"),
    claim("x", "A", "300", as_of="2020-03-30"),
)


def test_case_a_relay_behind_its_source_is_sized_from_the_sources_series() -> None:
    result = pair(*STALE)
    as_of = kinds(result)["as_of"]
    assert as_of.effect is not None  # type: ignore[attr-defined]
    assert {"s2", "s3"} <= set(as_of.evidence)  # type: ignore[attr-defined]
    assert "own series" in as_of.sentence  # type: ignore[attr-defined]
    assert result.verdict == "explained"


def test_a_series_is_read_between_its_own_points_not_extrapolated_at_a_range_of_rates() -> None:
    # The relay's 200 (to 20 March) moved to 29 March: C had 260 on the 22nd and 300 on the
    # 30th, so its count on the 29th lies between them: +60 to +100, not 9 days at 5 to 30 a day.
    claims = [*STALE[:-1], claim("x", "A", "310", as_of="2020-03-29")]
    as_of = kinds(pair(*claims))["as_of"]
    assert as_of.effect == Span(60, 100)  # type: ignore[attr-defined]
    assert {"s3", "s4"} <= set(as_of.evidence)  # type: ignore[attr-defined]
    assert "held between the points of the series" in as_of.sentence  # type: ignore[attr-defined]
    # Past the series' last point it still needs a rate: an extrapolation, so named.
    claims = [*STALE[:-1], claim("x", "A", "400", as_of="2020-04-05")]
    assert "extrapolated" in kinds(pair(*claims))["as_of"].sentence  # type: ignore[attr-defined]


def test_case_a_relay_printed_after_its_source_published_a_higher_count_is_stale() -> None:
    relay = kinds(pair(*STALE))["relay"]
    assert "already published 260" in relay.sentence and "s3" in relay.sentence  # type: ignore[attr-defined]


# --- section 1: counts are floors of the truth ---------------------------------------------------


def test_two_documented_counts_never_contradict_whatever_their_scopes() -> None:
    for wide, narrow in (("300", "400"), ("more than 300", "at least 400"), ("300", "about 400")):
        result = pair(
            claim("x", "A", wide, area="Idlib"),
            claim("y", "B", narrow, area="southern Idlib"),
        )
        assert result.verdict != "contradiction", (wide, narrow)
        assert "coverage" in kinds(result)


def test_a_range_of_the_wider_scope_below_a_narrower_floor_contradicts() -> None:
    result = pair(
        claim("x", "A", "100 to 200", area="Idlib"),
        claim("y", "B", "at least 250", area="southern Idlib"),
    )
    assert result.verdict == "contradiction"


def test_a_ceiling_for_the_narrower_scope_never_contradicts_a_wider_floor() -> None:
    result = pair(
        claim("x", "A", "up to 100", area="southern Idlib"),
        claim("y", "B", "400", area="Idlib"),
    )
    assert result.verdict != "contradiction"
    assert "coverage" not in kinds(result)


def test_a_ceiling_on_the_larger_side_takes_part_in_the_verdict() -> None:
    # a is the claim with the larger floor; b's ceiling is read as anything up to it.
    assert pair(claim("x", "A", "200"), claim("y", "B", "fewer than 300")).verdict == "explained"
    assert pair(claim("x", "A", "300"), claim("y", "B", "fewer than 300")).verdict == (
        "contradiction"
    )


def test_coverage_shortfall_is_explained_when_other_differences_account_for_it() -> None:
    # The narrower count is reported, the wider verified: the basis could close it.
    result = pair(
        claim("x", "A", "300", basis="verified"),
        claim("y", "B", "400", area="southern Idlib", basis="reported"),
    )
    assert "coverage" in kinds(result)
    assert result.verdict == "partly_explained"


def test_nearly_uses_the_files_about_tolerance() -> None:
    tight = "settings: {about_tolerance: 0.01}\n"
    text = HEAD.replace("version: 1\n", "version: 1\n" + tight)
    sources = loads(text + claim("x", "A", "nearly 500") + claim("y", "B", "520"), "case.yaml")
    # nearly 500 is [495, 499]; judged as about 500 with 1% it reaches 505, not 520.
    assert compare(sources, pair=("x", "y")).pairs[0].verdict == "unexplained"
    assert pair(claim("x", "A", "nearly 500"), claim("y", "B", "520")).verdict == "explained"


# --- section 2: evidence independent of the pair -------------------------------------------------


def test_a_basis_ratio_never_rests_on_as_own_count() -> None:
    # x (reported 900) and v (verified 500, C) give two bases for one scope and day, but x is a.
    result = pair(
        claim("x", "A", "900", basis="reported"),
        claim("v", "C", "500", basis="verified"),
        claim("y", "C", "600", basis="verified", area="Idlib"),
    )
    basis = kinds(result)["basis"]
    assert basis.effect is None  # type: ignore[attr-defined]
    assert result.verdict == "partly_explained"


def test_a_relay_of_as_count_is_not_independent_evidence() -> None:
    result = pair(
        claim("x", "A", "900", basis="reported"),
        claim("x-relay", "A", "900", basis="reported", relayed_by="News"),
        claim("v", "C", "500", basis="verified"),
        claim("y", "D", "600", basis="verified"),
    )
    assert kinds(result)["basis"].effect is None  # type: ignore[attr-defined]


NO_BASIS = "No paired claims or assumption in the file size it"


def test_a_basis_ratio_never_rests_on_bs_own_count() -> None:
    # r (reported 1,000) beside b itself (verified 600) for one scope and day: the only paired
    # bases in the file. A ratio of r to b reads b on a's basis from b's own count: circular.
    result = pair(
        claim("x", "A", "900", basis="reported"),
        claim("r", "D", "1,000", basis="reported"),
        claim("y", "B", "600", basis="verified"),
    )
    basis = kinds(result)["basis"]
    assert basis.effect is None  # type: ignore[attr-defined]
    assert NO_BASIS in basis.sentence  # type: ignore[attr-defined]
    assert result.verdict == "partly_explained"


def test_a_basis_ratio_never_rests_on_the_count_b_relays() -> None:
    # b is News' relay of B's 600; r stands beside B's own 600: the same count as b.
    result = pair(
        claim("x", "A", "900", basis="reported"),
        claim("r", "D", "1,000", basis="reported"),
        claim("b0", "B", "600", basis="verified"),
        claim("y", "B", "600", basis="verified", relayed_by="News", published="2020-04-02"),
    )
    basis = kinds(result)["basis"]
    assert basis.effect is None  # type: ignore[attr-defined]
    assert NO_BASIS in basis.sentence  # type: ignore[attr-defined]


def test_an_independent_basis_pair_of_the_same_day_is_used_beside_bs_own() -> None:
    result = pair(
        claim("x", "A", "900", basis="reported"),
        claim("y", "B", "600", basis="verified"),
        claim("v", "C", "1,000", basis="verified"),
        claim("w", "D", "1,500", basis="reported"),
    )
    basis = kinds(result)["basis"]
    assert set(basis.evidence) == {"v", "w"}  # type: ignore[attr-defined]
    # 600 read at 1,500 / 1,000: +300, from the independent pair only (w / y would give 2.5).
    assert (basis.effect.low, basis.effect.high) == pytest.approx((300, 300))  # type: ignore[attr-defined]
    assert "for a scope that equals b's" in basis.sentence  # type: ignore[attr-defined]


def test_a_basis_ratio_from_a_wider_scope_of_the_same_day_is_used_and_named() -> None:
    result = pair(
        claim("x", "A", "900", basis="reported", area="southern Idlib"),
        claim("v", "C", "1,000", basis="verified", area="Idlib"),
        claim("r", "D", "1,500", basis="reported", area="Idlib"),
        claim("y", "B", "600", basis="verified", area="southern Idlib"),
    )
    basis = kinds(result)["basis"]
    assert basis.effect is not None  # type: ignore[attr-defined]
    assert "contains" in basis.sentence  # type: ignore[attr-defined]


def test_a_basis_ratio_from_a_disjoint_or_narrower_scope_is_not_borrowed() -> None:
    for area in ("Hama", "southern Idlib"):
        result = pair(
            claim("x", "A", "900", basis="reported"),
            claim("v", "C", "1,000", basis="verified", area=area),
            claim("r", "D", "1,500", basis="reported", area=area),
            claim("y", "B", "600", basis="verified"),
        )
        assert kinds(result)["basis"].effect is None, area  # type: ignore[attr-defined]


def test_a_breakdown_of_as_own_count_is_not_used() -> None:
    result = pair(
        claim("x", "A", "1,000"),
        claim("x-part", "A", "900", perpetrators="Russian forces", breakdown_of="x"),
        claim("y", "B", "700", perpetrators="Russian forces"),
    )
    perpetrators = kinds(result)["perpetrators"]
    assert perpetrators.effect is None  # type: ignore[attr-defined]


def test_a_breakdown_of_bs_own_count_is_not_used_and_the_sentence_says_why() -> None:
    # REASONING 2: no effect is sized from a figure of a or b, "nor from any claim that states
    # the same count as one of them (a relay, a breakdown part of it)".
    result = pair(
        claim("x", "A", "1,100", perpetrators="Russian forces"),
        claim("y", "B", "1,000"),
        claim("y-part", "B", "800", perpetrators="Russian forces", breakdown_of="y"),
    )
    perpetrators = kinds(result)["perpetrators"]
    assert perpetrators.effect is None  # type: ignore[attr-defined]
    assert (
        "No breakdown or assumption in the file sizes it; the breakdown in the file (y-part, y) "
        "rests on b's own count, so it is not independent." in perpetrators.sentence  # type: ignore[attr-defined]
    )
    # Another source's breakdown of its own count is independent and is used.
    other = pair(
        claim("x", "A", "1,100", perpetrators="Russian forces"),
        claim("y", "B", "1,000"),
        claim("w", "C", "500"),
        claim("w-part", "C", "400", perpetrators="Russian forces", breakdown_of="w"),
    )
    assert kinds(other)["perpetrators"].effect is not None  # type: ignore[attr-defined]
    assert "rests on" not in kinds(other)["perpetrators"].sentence  # type: ignore[attr-defined]


def test_a_set_aside_basis_pair_is_named_in_the_sentence() -> None:
    result = pair(
        claim("x", "A", "900", basis="reported"),
        claim("r", "D", "1,000", basis="reported"),
        claim("y", "B", "600", basis="verified"),
    )
    sentence = kinds(result)["basis"].sentence  # type: ignore[attr-defined]
    assert sentence.endswith(
        "No paired claims or assumption in the file size it; the same-day pair in the file "
        "(r, y) rests on b's own count, so it is not independent."
    )


def test_a_partial_breakdown_gives_bounds_and_a_complete_one_exact_shares() -> None:
    parts = (
        claim("p1", "C", "600", perpetrators="Russian forces", breakdown_of="w"),
        claim("p2", "C", "200", perpetrators="Islamic State", breakdown_of="w"),
    )
    partial = pair(
        claim("w", "C", "1,000"),
        *parts,
        claim("x", "A", "900"),
        claim("y", "B", "500", perpetrators="Russian forces"),
    )
    effect = kinds(partial)["perpetrators"].effect  # type: ignore[attr-defined]
    # Russian forces are at least 600/1,000 and at most (1,000 - 200)/1,000 of all.
    assert (effect.low, effect.high) == pytest.approx((500 / 0.8 - 500, 500 / 0.6 - 500))
    complete = pair(
        claim("w", "C", "1,000", complete="true"),
        *parts,
        claim("x", "A", "900"),
        claim("y", "B", "500", perpetrators="Russian forces"),
    )
    effect = kinds(complete)["perpetrators"].effect  # type: ignore[attr-defined]
    assert effect.low == pytest.approx(effect.high)
    every = pair(
        claim("w", "C", "800"),
        *parts,
        claim("x", "A", "900"),
        claim("y", "B", "500", perpetrators="Russian forces"),
    )
    effect = kinds(every)["perpetrators"].effect  # type: ignore[attr-defined]
    assert effect.low == pytest.approx(500 / 0.75 - 500) == pytest.approx(effect.high)


def test_an_average_over_a_window_gives_0_to_the_whole_for_a_sub_period() -> None:
    result = pair(claim("x", "A", "400", as_of="2020-03-20"), claim("y", "B", "310"))
    as_of = kinds(result)["as_of"]
    assert as_of.effect is not None  # type: ignore[attr-defined]
    assert (as_of.effect.low, as_of.effect.high) == (-310, 0)  # type: ignore[attr-defined]
    assert "a day" not in as_of.sentence  # type: ignore[attr-defined]
    assert result.verdict == "unexplained"  # 400 in 20 days against 310 in 31: coverage


def test_a_start_effect_needs_evidence_before_bs_start() -> None:
    # b's own average says nothing about the days before b starts (killing may not have begun).
    result = pair(claim("x", "A", "900", start="2020-02-01"), claim("y", "B", "600"))
    start = kinds(result)["start"]
    assert start.effect is None  # type: ignore[attr-defined]
    assert result.verdict == "partly_explained"


def test_a_series_starting_after_the_earlier_start_gives_no_rate_before_its_first_point() -> None:
    result = pair(
        claim("c1", "B", "100", as_of="2020-03-10"),
        claim("c2", "B", "300", as_of="2020-03-20"),
        claim("y", "B", "600"),
        claim("x", "A", "900", start="2020-02-01"),
    )
    assert kinds(result)["start"].effect is None  # type: ignore[attr-defined]


def test_a_rate_never_rests_on_as_own_point_of_a_shared_series() -> None:
    # b and a are one source's series points: the rate between them is the gap itself.
    result = pair(
        claim("y", "B", "300", as_of="2020-03-10"),
        claim("x", "B", "600", as_of="2020-03-20"),
        claim("z", "B", "650", as_of="2020-03-31"),
    )
    as_of = kinds(result)["as_of"]
    assert as_of.effect is None or "x" not in as_of.evidence  # type: ignore[attr-defined]


def test_the_engine_indexes_evidence_once() -> None:
    sources = build(
        claim("w", "C", "1,000"),
        claim("p1", "C", "600", perpetrators="Russian forces", breakdown_of="w"),
        claim("x", "A", "900"),
        claim("y", "B", "500", perpetrators="Russian forces"),
    )
    engine = Engine(sources)
    first = engine.explain(sources.claim("x"), sources.claim("y"))
    index = engine.evidence.breakdowns("perpetrators")
    assert engine.evidence.breakdowns("perpetrators") is index
    assert engine.explain(sources.claim("x"), sources.claim("y")).to_dict() == first.to_dict()


# --- cases that rest on series, revisions and pair selection (README: Series; Which pairs) ------


def test_case_a_later_narrower_area_of_the_same_source_is_no_revision() -> None:
    result = pair(
        claim("x", "C", "500", area="[Idlib, Hama, Aleppo]", as_of="2020-03-20"),
        claim("y", "C", "300", area="Idlib"),
    )
    assert "revision" not in kinds(result)
    assert result.verdict != "contradiction"


def test_case_a_lower_later_point_of_one_series_is_a_revision() -> None:
    sources = build(
        claim("p1", "C", "100", as_of="2020-03-10"),
        claim("p2", "C", "200", as_of="2020-03-20"),
        claim("p3", "C", "180", as_of="2020-03-30"),
    )
    result = compare(sources, pair=("p2", "p3")).pairs[0]
    assert "revision" in kinds(result)
    assert result.verdict == "explained"


def test_case_two_measures_of_one_source_on_one_day_are_no_revision() -> None:
    result = pair(
        claim("x", "C", "17,674", basis="reported", notes="alleged"),
        claim("y", "C", "6,575", basis="documented", notes="likely"),
    )
    assert "revision" not in kinds(result)


def test_case_a_city_count_and_a_national_count_are_two_series() -> None:
    text = HEAD.replace("claims:\n", "").replace("version: 1\n", "version: 1\n")
    sources = loads(
        text
        + "claims:\n"
        + claim("u", "C", "925", area="Ukraine", start="2022-02-24", as_of="2022-03-20")
        + claim("m", "C", "1,348", area="Donetsk", start="2022-02-24", as_of="2022-06-29"),
        "case.yaml",
    )
    engine = Engine(sources)
    assert engine.evidence.series_of(sources.claim("u")) is not engine.evidence.series_of(
        sources.claim("m")
    )


def test_case_syria_and_turkey_make_no_pair() -> None:
    from casualty_recon.model.errors import UsageError

    sources = build(claim("x", "A", "500", area="Syria"), claim("y", "B", "300", area="Turkey"))
    with pytest.raises(UsageError):
        compare(sources, pair=("x", "y"))


# --- the format: `complete` on a whole --------------------------------------------------------


def test_complete_is_read_as_a_boolean_and_defaults_to_false() -> None:
    sources = build(claim("w", "C", "1,000", complete="true"), claim("v", "C", "900"))
    assert sources.claim("w").complete is True
    assert sources.claim("v").complete is False


@pytest.mark.parametrize("value", ["yes", "1", '"true"', "[true]"])
def test_complete_that_is_not_true_or_false_is_a_located_error(value: str) -> None:
    from casualty_recon.model.errors import InputError

    with pytest.raises(InputError) as caught:
        build(claim("w", "C", "1,000", complete=value))
    message = str(caught.value)
    assert message.startswith("error: case.yaml:") and "`complete` must be true or false" in message
    line = (
        (HEAD + claim("w", "C", "1,000", complete=value))
        .splitlines()
        .index(f"    complete: {value}")
    )
    assert f"case.yaml:{line + 1}:15:" in message


def test_an_unknown_day_or_area_goes_either_way_and_is_never_sized() -> None:
    """`as_of: unknown` and `area: unknown` (what extract writes for an undated, placeless
    article) compare as unknown, either way, with no day count or break-even built on the
    sentinel days of the format."""
    from casualty_recon.analysis.report import compare
    from casualty_recon.load.loader import loads

    text = """
version: 1
sources:
  A: {name: Agency A}
  B: {name: Agency B}
claims:
  - {id: a1, source: A, figure: 40, population: civilians, outcome: killed, area: unknown,
     as_of: unknown}
  - {id: b1, source: B, figure: more than 30, population: civilians, outcome: killed,
     area: Idlib, as_of: 2020-03-10}
"""
    pair = compare(loads(text), pair=("a1", "b1")).pairs[0]
    as_of = next(d for d in pair.differences if d.kind == "as_of")
    assert (as_of.relation, as_of.direction, as_of.effect, as_of.break_even) == (
        "unknown",
        "either",
        None,
        None,
    )
    assert "days" not in as_of.sentence and "9999" not in pair.common_scope
    assert pair.verdict == "partly_explained"


@pytest.mark.parametrize(("country", "sized"), [("Yemen", False), ("Syria", True)])
def test_a_share_comes_only_from_breakdowns_of_the_pairs_countries(
    country: str, sized: bool
) -> None:
    """A breakdown of another war says nothing of this one: a perpetrator share is taken from
    breakdowns whose claims share a country with the pair (figures synthetic)."""
    from casualty_recon.analysis.report import compare
    from casualty_recon.load.loader import loads

    text = f"""
version: 1
parties:
  pro-government: [Syrian government, Russian forces]
sources:
  A: {{name: Agency A}}
  B: {{name: Agency B}}
  C: {{name: Agency C}}
claims:
  - {{id: a1, source: A, figure: 300, population: civilians, outcome: killed,
     perpetrators: pro-government, area: Syria, as_of: 2020-03-31}}
  - {{id: b1, source: B, figure: 200, population: civilians, outcome: killed, area: Syria,
     as_of: 2020-03-31}}
  - {{id: whole, source: C, figure: 1000, population: civilians, outcome: killed,
     area: {country}, as_of: 2020-02-01, complete: true}}
  - {{id: part, source: C, figure: 800, population: civilians, outcome: killed,
     perpetrators: pro-government, area: {country}, as_of: 2020-02-01, breakdown_of: whole}}
  - {{id: rest, source: C, figure: 200, population: civilians, outcome: killed,
     perpetrators: jihadist groups, area: {country}, as_of: 2020-02-01, breakdown_of: whole}}
"""
    pair = compare(loads(text), pair=("a1", "b1")).pairs[0]
    perpetrators = next(d for d in pair.differences if d.kind == "perpetrators")
    assert (perpetrators.effect is not None) is sized


# --- found by a new user's pass ------------------------------------------------------------------


@pytest.mark.parametrize("basis", ["documented", "estimated"])
def test_a_ceilings_own_average_is_a_ceiling_of_its_rate_too(basis: str) -> None:
    # "up to 250" for 10 to 20 March says b's days held 0 to 250, so its average is 0 to 22.7 a
    # day, not 22.7: 200 for the whole month is well inside it (the casebook's 300 is, too).
    result = pair(
        claim("x", "A", "200"),
        claim("y", "B", "up to 250", start="2020-03-10", as_of="2020-03-20", basis=basis),
    )
    as_of = kinds(result)["as_of"]
    assert (as_of.effect.low, as_of.effect.high) == (0, 250)  # type: ignore[attr-defined]
    assert "0 to 22.7 a day" in as_of.sentence  # type: ignore[attr-defined]
    assert result.verdict == "explained"
    assert "adjusted b 0 to 500: inside the ceiling" in result.reason


def test_nearly_in_the_wider_scope_is_no_coverage_shortfall_of_a_narrower_round_count() -> None:
    # "nearly 400" for Syria against 400 for Idlib: approximate on both sides, as the verdict
    # says; the coverage line said "falls short in coverage by at least 1 ... stays unexplained".
    result = pair(claim("x", "A", "nearly 400", area="Syria"), claim("y", "B", "400"))
    assert result.verdict == "explained"
    assert "coverage" not in kinds(result)
    # Beyond the tolerance (400 * 1.1 = 440) it is a shortfall, by what the tolerance leaves.
    result = pair(claim("x", "A", "nearly 400", area="Syria"), claim("y", "B", "500"))
    assert kinds(result)["coverage"].shortfall == 60  # type: ignore[attr-defined]
    assert result.verdict == "unexplained"


def test_an_estimate_of_nearly_n_bounds_the_truth_as_about_n_does() -> None:
    # "nearly 400", estimated, is approximate on both sides: judged like "about 400" (360 to 440),
    # not a hard ceiling of 399. The report called 420 against it a contradiction "at 399".
    for area in ("Idlib", "Syria"):
        result = pair(
            claim("x", "A", "nearly 400", basis="estimated", area=area), claim("y", "B", "420")
        )
        assert result.verdict != "contradiction", area
        assert "coverage" not in kinds(result)
    result = pair(claim("x", "A", "nearly 400", basis="estimated"), claim("y", "B", "460"))
    assert result.verdict == "contradiction"
    assert "bounds the truth from above at 440" in result.reason


@pytest.mark.parametrize("area", ["Syria", "[Idlib, Hama]"])
def test_a_rate_never_carries_from_a_wider_area(area: str) -> None:
    # C's series for Syria (or Idlib and Hama) says nothing of Idlib's daily deaths: the report
    # sized b's 11 days at C's 47.6 a day "for the same scope", +523.8, far past a.
    result = pair(
        claim("c1", "C", "1,000", area=area, as_of="2020-03-10"),
        claim("c2", "C", "2,000", area=area, as_of="2020-03-31"),
        claim("x", "A", "500"),
        claim("y", "B", "300", as_of="2020-03-20"),
    )
    as_of = kinds(result)["as_of"]
    assert not {"c1", "c2"} & set(as_of.evidence)  # type: ignore[attr-defined]
    assert "C's series" not in as_of.sentence  # type: ignore[attr-defined]
    # The same series over Idlib itself is the rate for b's days.
    result = pair(
        claim("c1", "C", "1,000", as_of="2020-03-10"),
        claim("c2", "C", "2,000", as_of="2020-03-31"),
        claim("x", "A", "500"),
        claim("y", "B", "300", as_of="2020-03-20"),
    )
    assert {"c1", "c2"} <= set(kinds(result)["as_of"].evidence)  # type: ignore[attr-defined]


UKRAINE = {"start": "2022-02-24"}


@pytest.mark.parametrize(
    ("series_area", "pair_area"), [("Mariupol", "Ukraine"), ("Ukraine", "Mariupol")]
)
def test_case_no_rate_carries_between_a_city_and_its_country(
    series_area: str, pair_area: str
) -> None:
    # The casebook's OHCHR Ukraine-wide and Mariupol counts are two series: no rate from one to
    # the other, either way. C's series (synthetic points) covers b's days over the other area:
    # a part's rate is not the whole's (the report said "C's series for the same scope"), nor
    # the whole's the part's.
    result = pair(
        claim("c1", "C", "500", area=series_area, as_of="2022-03-10", **UKRAINE),
        claim("c2", "C", "1,348", area=series_area, as_of="2022-06-29", **UKRAINE),
        claim("x", "A", "1,200", area=pair_area, as_of="2022-04-20", **UKRAINE),
        claim("y", "B", "925", area=pair_area, as_of="2022-03-20", **UKRAINE),
    )
    as_of = kinds(result)["as_of"]
    assert not {"c1", "c2"} & set(as_of.evidence)  # type: ignore[attr-defined]
    assert "C's series" not in as_of.sentence  # type: ignore[attr-defined]
    # Over the pair's own area the same series gives b's rate, and says so truly.
    result = pair(
        claim("c1", "C", "500", area=pair_area, as_of="2022-03-10", **UKRAINE),
        claim("c2", "C", "1,348", area=pair_area, as_of="2022-06-29", **UKRAINE),
        claim("x", "A", "1,200", area=pair_area, as_of="2022-04-20", **UKRAINE),
        claim("y", "B", "925", area=pair_area, as_of="2022-03-20", **UKRAINE),
    )
    as_of = kinds(result)["as_of"]
    assert {"c1", "c2"} <= set(as_of.evidence)  # type: ignore[attr-defined]
    assert "C's series for the same scope" in as_of.sentence  # type: ignore[attr-defined]


@pytest.mark.parametrize("areas", [("Idlib", "[Idlib, Hama]"), ("[Idlib, Hama]", "Idlib")])
def test_a_declared_series_over_several_wordings_is_not_another_sources_scope(
    areas: tuple[str, str],
) -> None:
    # C's `series:` joins a count worded as Idlib and as Idlib and Hama: it is b's scope (Idlib)
    # only if every wording is, whichever point comes first.
    result = pair(
        claim("c1", "C", "1,000", area=areas[0], as_of="2020-03-10", series="c-count"),
        claim("c2", "C", "2,000", area=areas[1], as_of="2020-03-31", series="c-count"),
        claim("x", "A", "500"),
        claim("y", "B", "300", as_of="2020-03-20"),
    )
    as_of = kinds(result)["as_of"]
    assert not {"c1", "c2"} & set(as_of.evidence)  # type: ignore[attr-defined]
    assert "C's series" not in as_of.sentence  # type: ignore[attr-defined]


# --- the rest of section 2: averages, start effects, the scope of a basis ratio -----------------


def test_an_average_past_bs_as_of_is_named_an_assumption_never_an_exact_rate() -> None:
    # No series: b's 310 over its 31 days (exactly 10 a day) is all the file says of b's pace.
    result = pair(
        claim("x", "A", "500", as_of="2020-04-10", published="2020-04-10"),
        claim("y", "B", "310"),
    )
    as_of = kinds(result)["as_of"]
    assert as_of.evidence == ("own-rate",)  # type: ignore[attr-defined]
    sentence = as_of.sentence  # type: ignore[attr-defined]
    assert "Were b's average over its window (10 a day) to hold" in sentence
    assert "this is an assumption, not a measured rate" in sentence
    assert "At 10 a day" not in sentence


def test_unidentified_perpetrators_are_compared_and_may_be_the_other_sides() -> None:
    # One day, one place: a rights group blames the army, the government unidentified gunmen.
    result = pair(
        claim("x", "A", "at least 147", perpetrators="Burkinabe army"),
        claim("y", "B", "60", perpetrators="unidentified gunmen"),
    )
    perpetrators = kinds(result)["perpetrators"]
    assert perpetrators.relation == "unknown"  # type: ignore[attr-defined]
    assert perpetrators.direction == "either"  # type: ignore[attr-defined]
    sentence = perpetrators.sentence  # type: ignore[attr-defined]
    assert "how the sets of perpetrators relate is unknown" in sentence
    assert result.verdict == "partly_explained"


def test_a_one_day_toll_is_no_daily_rate_for_the_weeks_after_it() -> None:
    # b: 60 killed on one day (a massacre); a counts the region to 30 April. 60 a day for 29
    # more days would be 1,740: b's average says nothing of days further past its window than
    # the window is long, so the as_of difference stays unsized, with its break-even.
    result = pair(
        claim("x", "A", "400", start="2020-04-01", as_of="2020-04-30"),
        claim("y", "B", "60", start="2020-04-01", as_of="2020-04-01"),
    )
    as_of = kinds(result)["as_of"]
    assert as_of.effect is None and as_of.evidence == ()  # type: ignore[attr-defined]
    sentence = as_of.sentence  # type: ignore[attr-defined]
    assert "b's own count covers 1 day: its average says nothing of days further past" in sentence
    assert as_of.break_even and "over the 29 days" in as_of.break_even  # type: ignore[attr-defined]
    assert result.verdict == "partly_explained"


def test_an_average_is_carried_past_bs_window_at_most_as_far_as_the_window_is_long() -> None:
    # b: 310 over the 31 days of March. To 1 May (31 days past) it is carried; to 2 May not.
    within = kinds(pair(claim("x", "A", "700", as_of="2020-05-01"), claim("y", "B", "310")))
    beyond = kinds(pair(claim("x", "A", "700", as_of="2020-05-02"), claim("y", "B", "310")))
    assert within["as_of"].evidence == ("own-rate",)  # type: ignore[attr-defined]
    assert beyond["as_of"].evidence == ()  # type: ignore[attr-defined]
    assert beyond["as_of"].effect is None  # type: ignore[attr-defined]


def test_a_later_start_leaves_out_days_that_held_0_to_all_of_bs_count() -> None:
    # a starts 9 days after b: nothing says how b's 310 spread, so those days held 0 to 310.
    result = pair(claim("x", "A", "400", start="2020-03-10"), claim("y", "B", "310"))
    start = kinds(result)["start"]
    assert (start.effect.low, start.effect.high) == (-310, 0)  # type: ignore[attr-defined]
    assert "a day" not in start.sentence  # type: ignore[attr-defined]


@pytest.mark.parametrize(("first", "used"), [("2020-02-05", True), ("2020-02-20", False)])
def test_a_start_effect_from_another_series_needs_its_points_before_bs_start(
    first: str, used: bool
) -> None:
    # a counts from 10 February, b from 1 March. C's series for b's scope shows killing on the
    # days between only if its first point comes before a's start; one that begins on
    # 20 February says nothing of 10 to 20 February.
    result = pair(
        claim("c1", "C", "100", start="2020-02-01", as_of=first),
        claim("c2", "C", "400", start="2020-02-01", as_of="2020-03-31"),
        claim("x", "A", "900", start="2020-02-10"),
        claim("y", "B", "600"),
    )
    start = kinds(result)["start"]
    assert ({"c1", "c2"} <= set(start.evidence)) is used  # type: ignore[attr-defined]
    assert (start.effect is not None) is used  # type: ignore[attr-defined]


@pytest.mark.parametrize(("area", "words"), [("Idlib", "equals a's"), ("Syria", "contains a's")])
def test_a_basis_ratio_for_as_scope_and_day_says_so(area: str, words: str) -> None:
    # No paired bases on b's day; on a's day (20 March), C and D give two bases for a's scope or
    # one containing it. The note says which claim's scope the ratio belongs to.
    result = pair(
        claim("x", "A", "900", basis="reported", as_of="2020-03-20"),
        claim("v", "C", "1,000", basis="verified", area=area, as_of="2020-03-20"),
        claim("r", "D", "1,500", basis="reported", area=area, as_of="2020-03-20"),
        claim("y", "B", "600", basis="verified", as_of="2020-03-10"),
    )
    basis = kinds(result)["basis"]
    assert set(basis.evidence) == {"v", "r"}  # type: ignore[attr-defined]
    assert f"for a scope that {words}" in basis.sentence  # type: ignore[attr-defined]


def test_a_series_covering_the_days_a_leaves_out_narrows_0_to_all() -> None:
    # a stops on 20 March, b on 31 March. Alone, b's average says those 11 days held 0 to all
    # of its 310; b's own series, 200 on 20 March, says they held 110.
    result = pair(
        claim("b1", "B", "200", as_of="2020-03-20"),
        claim("x", "A", "400", as_of="2020-03-20"),
        claim("y", "B", "310"),
    )
    as_of = kinds(result)["as_of"]
    assert (as_of.effect.low, as_of.effect.high) == (-110, -110)  # type: ignore[attr-defined]
    assert "b1" in as_of.evidence  # type: ignore[attr-defined]
