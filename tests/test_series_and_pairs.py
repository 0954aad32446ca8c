"""Series, revisions and relays (README, "Input format", Series) and which pairs a report
compares (README, "Which pairs are compared"), on small hand-built files. All figures here are
made up for the tests unless a test says it follows a casebook case."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon import compare, loads
from casualty_recon.analysis import report as report_module
from casualty_recon.analysis.pairs import select_pairs
from casualty_recon.analysis.ranges import relation_text
from casualty_recon.analysis.timeline import build_timelines, is_revision
from casualty_recon.cli.app import app
from casualty_recon.model.claims import Sources
from casualty_recon.model.errors import InputError, UsageError

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "sources.yaml"
runner = CliRunner()

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
  OHCHR: {kind: un}
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
    values = {"id": claim_id, "source": source, "figure": figure, **DEFAULTS, **fields}
    lines = [f"{key}: {value}" for key, value in values.items() if value != ""]
    return "  - " + "\n    ".join(lines) + "\n"


def build(*claims: str, tail: str = "") -> Sources:
    return loads(HEAD + "".join(claims) + textwrap.dedent(tail), "test.yaml")


def revisions(sources: Sources) -> list[tuple[str, str]]:
    return [(r.older.id, r.newer.id) for s in build_timelines(sources.claims) for r in s.revisions]


def pair_ids(sources: Sources, **options: object) -> list[tuple[str, str]]:
    return [(p.a.id, p.b.id) for p in compare(sources, **options).pairs]  # type: ignore[arg-type]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- series ------------------------------------------------------------------------------------


def test_casebook_100_200_180_one_series_flags_the_revision_on_180() -> None:
    sources = build(
        claim("x1", "A", "100", as_of="2020-03-10"),
        claim("x2", "A", "200", as_of="2020-03-20"),
        claim("x3", "A", "180", as_of="2020-03-31"),
    )
    assert revisions(sources) == [("x2", "x3")]


def test_casebook_two_figures_of_one_day_are_never_a_revision_in_either_order() -> None:
    for first, second in (("6,575", "17,674"), ("17,674", "6,575")):
        sources = build(
            claim("likely", "A", first, published="2020-03-31"),
            claim("alleged", "A", second, published="2020-04-01"),
        )
        assert revisions(sources) == []
        assert pair_ids(sources, pair=("likely", "alleged"))  # still comparable
        pair = compare(sources, pair=("likely", "alleged")).pairs[0]
        assert "revision" not in {d.kind for d in pair.differences}


def test_casebook_ukraine_wide_and_mariupol_are_two_series_and_share_no_rate() -> None:
    sources = build(
        claim("ua", "OHCHR", "925", area="Ukraine", start="2022-02-24", as_of="2022-03-20"),
        claim("mariupol", "OHCHR", "1,348", area="Donetsk", start="2022-02-24", as_of="2022-06-29"),
        claim(
            "other", "B", "at least 4,000", area="Ukraine", start="2022-02-24", as_of="2022-06-29"
        ),
    )
    timelines = build_timelines(sources.claims)
    assert sorted(len(s.points) for s in timelines if s.source == "OHCHR") == [1, 1]
    assert all(not s.segments for s in timelines)
    pair = compare(sources, pair=("ua", "other")).pairs[0]
    assert all("mariupol" not in d.evidence for d in pair.differences)


def test_a_city_count_is_never_in_a_national_series() -> None:
    sources = build(
        claim("national", "A", "100", area="Syria", as_of="2020-03-10"),
        claim("city", "A", "300", area="Idlib", as_of="2020-03-20"),
    )
    assert len(build_timelines(sources.claims)) == 2


def test_casebook_wider_area_then_a_narrower_one_is_no_revision() -> None:
    sources = build(
        claim("three", "A", "500", area="[Idlib, Hama, Aleppo]", as_of="2020-03-10"),
        claim("idlib", "A", "300", area="Idlib", as_of="2020-03-20"),
    )
    assert revisions(sources) == []
    # Declared one series, the narrower area still revises nothing.
    joined = build(
        claim("three", "A", "500", area="[Idlib, Hama, Aleppo]", as_of="2020-03-10", series="s"),
        claim("idlib", "A", "300", area="Idlib", as_of="2020-03-20", series="s"),
    )
    assert len(build_timelines(joined.claims)) == 1
    assert revisions(joined) == []


def test_a_later_start_is_no_revision() -> None:
    sources = build(
        claim("early", "A", "500", start="2020-01-01", as_of="2020-03-10", series="s"),
        claim("late", "A", "300", start="2020-03-01", as_of="2020-03-20", series="s"),
    )
    assert revisions(sources) == []


@pytest.mark.parametrize(
    ("earlier", "later", "revised"),
    [
        ("up to 300", "250", False),  # inside an earlier ceiling
        ("between 160 and 300", "200", False),  # inside an earlier range
        ("between 160 and 300", "100", True),  # below the range's floor
        ("at least 300", "250", True),  # below an earlier floor
        ("300", "more than 250", False),  # a floor below an earlier count says nothing lower
    ],
)
def test_a_revision_is_a_later_figure_below_an_earlier_floor(
    earlier: str, later: str, revised: bool
) -> None:
    sources = build(
        claim("old", "A", earlier, as_of="2020-03-10"),
        claim("new", "A", later, as_of="2020-03-20"),
    )
    assert bool(revisions(sources)) is revised
    old, new = sources.claims
    assert is_revision(old, new) is revised


def test_series_key_joins_differently_worded_areas_into_one_series_with_rates() -> None:
    sources = build(
        claim("s1", "A", "100", area="[southern Idlib, northern Hama]", as_of="2020-03-10"),
        claim("s2", "A", "200", area="[Idlib, Hama]", as_of="2020-03-20"),
    )
    assert len(build_timelines(sources.claims)) == 2
    joined = build(
        claim("s1", "A", "100", area="[southern Idlib, northern Hama]", as_of="2020-03-10")
        + "    series: a-idlib\n",
        claim("s2", "A", "200", area="[Idlib, Hama]", as_of="2020-03-20") + "    series: a-idlib\n",
    )
    (series,) = build_timelines(joined.claims)
    assert [p.claim.id for p in series.points] == ["s1", "s2"]
    assert series.segments[0].rate.low == pytest.approx(10.0)


def test_casebook_stale_relay_printed_five_days_after_a_higher_count() -> None:
    sources = build(
        claim("src-1", "A", "100", as_of="2020-03-01", published="2020-03-01"),
        claim("src-2", "A", "200", as_of="2020-03-10", published="2020-03-10"),
        claim("relay", "A", "100", as_of="2020-03-01", published="2020-03-15", relayed_by="Wire"),
        claim("other", "B", "250", as_of="2020-03-15", published="2020-03-15"),
    )
    stale = [s for series in build_timelines(sources.claims) for s in series.stale_relays]
    assert [(s.claim.id, s.newer.id if s.newer else None) for s in stale] == [("relay", "src-2")]
    pair = compare(sources, pair=("relay", "other")).pairs[0]
    found = {d.kind: d for d in pair.differences}
    assert "relay" in found
    # The time effect is sized from the source's own series, not from the relay itself.
    assert {"src-1", "src-2"} <= set(found["as_of"].evidence)


def test_as_of_is_clipped_at_the_published_day() -> None:
    sources = build(claim("vague", "A", "100", as_of="early March 2020", published="2020-03-05"))
    as_of = sources.claims[0].as_of
    assert (as_of.earliest.isoformat(), as_of.latest.isoformat()) == ("2020-03-01", "2020-03-05")


def test_the_bundled_ohchr_idlib_series_is_declared_and_says_why() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    assert "series: ohchr-idlib-2019" in text
    assert "# One count in substance, so the claims say `series: ohchr-idlib-2019`" in text
    sources = loads(text, str(BUNDLED))
    declared = [c for c in sources.claims if c.series == "ohchr-idlib-2019"]
    assert {c.source for c in declared} == {"OHCHR"}
    assert len(declared) == 6 and len({c.area.places for c in declared}) == 4  # one count
    (series,) = [s for s in build_timelines(sources.claims) if s.source == "OHCHR" and s.segments]
    assert len(series.points) == 5 and not series.revisions


# --- the format --------------------------------------------------------------------------------


def test_series_and_compare_load() -> None:
    sources = build(
        claim("x", "A", "100") + "    series: one\n",
        claim("y", "B", "200"),
        tail="""
        compare:
          - [x, y]
        """,
    )
    assert sources.claims[0].series == "one" and sources.claims[1].series is None
    assert sources.compare == [("x", "y")]


@pytest.mark.parametrize(
    ("entry", "message", "column"),
    [
        ("[x, nope]", "`compare` names no claim: `nope`", 9),
        ("[x, x]", "`compare` pairs `x` with itself", 9),
        ("[x, y, x]", "must be a pair of two claim ids, not a list of 3", 5),
        ("x", 'must be a pair of two claim ids, not "x"', 5),
    ],
)
def test_bad_compare_entries_are_located_errors(entry: str, message: str, column: int) -> None:
    with pytest.raises(InputError) as caught:
        build(claim("x", "A", "100"), claim("y", "B", "200"), tail=f"compare:\n  - {entry}\n")
    (problem,) = caught.value.problems
    assert problem.code == "bad-compare"
    assert message in problem.message
    assert problem.location.line == 31 and problem.location.column == column
    assert problem.hint


def test_validate_reports_a_bad_compare_with_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HEAD + claim("x", "A", "100") + "compare:\n  - [x, z]\n", encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"error: {path}:22:9: `compare` names no claim: `z`")
    assert "Traceback" not in err


def test_compare_naming_a_claim_with_its_own_error_reports_only_that_error(
    tmp_path: Path,
) -> None:
    # The claim `y` is in the file; its figure is what is wrong. Saying that `compare` names no
    # claim `y` would send the user looking for a claim that is there.
    path = tmp_path / "s.yaml"
    text = HEAD + claim("x", "A", "100") + claim("y", "B", "several") + "compare:\n  - [x, y]\n"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f'error: {path}:23:13: cannot read figure "several"')
    assert "names no claim" not in err
    assert err.rstrip().endswith("1 error")
    assert "Traceback" not in err


# --- pairs -------------------------------------------------------------------------------------


def test_focus_pairs_lead_the_report() -> None:
    sources = build(
        claim("a1", "A", "100"),
        claim("b1", "B", "150"),
        claim("c1", "C", "120"),
        tail="compare:\n  - [c1, b1]\n",
    )
    pairs = pair_ids(sources)
    assert pairs[0] == ("b1", "c1")
    assert len(pairs) == 3


def test_make_run_leads_with_the_seed_pair() -> None:
    code, out, err = run("report", str(BUNDLED), "--format", "plain")
    assert code == 0, err
    first = out.split("Pairs (", 1)[1].split("\n\n", 2)[1]
    assert first.startswith(
        "1. UOSSM via Reuters (more than 730) vs OHCHR via OCHA (more than 500)"
    )
    assert first.rstrip().endswith(": explained")


def test_casebook_syria_against_turkey_is_no_pair() -> None:
    sources = build(
        claim("syria", "A", "500", area="Syria"), claim("turkey", "B", "300", area="Turkey")
    )
    assert pair_ids(sources) == []
    with pytest.raises(UsageError, match="disjoint scopes"):
        compare(sources, pair=("syria", "turkey"))
    with pytest.raises(UsageError, match="no claim's scope overlaps"):
        compare(sources, against="syria")


def test_pair_and_against_refuse_disjoint_scopes_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        HEAD
        + claim("syria", "A", "500", area="Syria")
        + claim("turkey", "B", "300", area="Turkey")
        + claim("progov", "C", "200", perpetrators="pro-government")
        + claim("isis", "A", "100", perpetrators="Islamic State"),
        encoding="utf-8",
    )
    code, out, err = run("report", str(path), "--pair", "syria", "turkey")
    assert code == 2 and out == ""
    assert err.splitlines()[0].startswith("error: syria and turkey count disjoint scopes")
    assert "Syria and Turkey are different places" in err and "hint:" in err
    assert "Traceback" not in err
    code, out, err = run("report", str(path), "--pair", "progov", "isis")
    assert code == 2 and "disjoint sets of perpetrators" in err
    code, out, err = run("report", str(path), "--against", "turkey")
    assert code == 2 and "no claim's scope overlaps turkey" in err


def test_against_leaves_out_disjoint_claims_and_says_which() -> None:
    sources = build(
        claim("ref", "A", "500", area="Syria"),
        claim("idlib", "B", "300"),
        claim("turkey", "C", "300", area="Turkey"),
    )
    report = compare(sources, against="ref")
    assert [(p.a.id, p.b.id) for p in report.pairs] == [("ref", "idlib")]
    assert report.skipped == ["turkey"]


def test_a_claim_over_several_countries_is_compared_with_one_in_any_of_them() -> None:
    sources = build(
        claim("both", "A", "900", area="[Iraq, Syria]"),
        claim("syria", "B", "500", area="Syria"),
        claim("iraq", "C", "300", area="Iraq"),
    )
    pairs = pair_ids(sources)
    assert ("both", "syria") in pairs and ("both", "iraq") in pairs
    assert ("syria", "iraq") not in pairs and ("iraq", "syria") not in pairs


def test_among_one_source_s_claims_of_one_day_the_same_outcome_is_chosen() -> None:
    sources = build(
        claim("wide", "A", "1,000", outcome="killed or injured"),
        claim("same", "A", "400"),
        claim("other", "B", "350"),
    )
    assert pair_ids(sources) == [("same", "other")]


def test_among_one_source_s_claims_of_one_day_the_same_population_is_chosen() -> None:
    sources = build(
        claim("people", "A", "900", population="people"),
        claim("civ", "A", "400"),
        claim("other", "B", "350"),
    )
    assert pair_ids(sources) == [("civ", "other")]


def test_among_one_day_s_claims_the_closest_area_is_chosen_whatever_the_ids() -> None:
    def sources_with(wide_id: str, same_id: str) -> Sources:
        return build(
            claim(wide_id, "A", "900", area="northwest Syria"),
            claim(same_id, "A", "400"),
            claim("other", "B", "350"),
        )

    for wide_id, same_id in (("aaa", "zzz"), ("zzz", "aaa")):
        assert pair_ids(sources_with(wide_id, same_id)) == [(same_id, "other")]


def test_renaming_ids_changes_no_pair_and_no_verdict() -> None:
    rows = [
        ("A", "400", {"as_of": "2020-03-20"}),
        ("A", "about 500", {"as_of": "2020-03-20", "basis": "reported"}),
        ("A", "600", {"as_of": "2020-03-31"}),
        ("B", "at least 450", {"as_of": "2020-03-25"}),
        ("B", "up to 300", {"as_of": "2020-03-25", "area": "northwest Syria"}),
        ("C", "between 200 and 700", {"as_of": "2020-03-28"}),
    ]

    def verdicts(names: list[str]) -> set[tuple[str, str, str]]:
        sources = build(*(claim(n, s, f, **x) for n, (s, f, x) in zip(names, rows, strict=True)))
        figure = {c.id: f"{c.source}:{c.figure.text}" for c in sources.claims}
        return {
            (*sorted((figure[p.a.id], figure[p.b.id])), p.verdict)  # type: ignore[misc]
            for p in compare(sources).pairs
        }

    first = verdicts([f"c{i}" for i in range(len(rows))])
    renamed = verdicts([f"z{9 - i}" for i in range(len(rows))])
    assert first == renamed and first


def test_every_coverage_shortfall_is_compared_whatever_the_nearest_pairs() -> None:
    sources = build(
        claim("wide", "A", "300", area="Syria", start="2020-03-01", as_of="2020-03-31"),
        claim("narrow", "B", "400", start="2020-03-10", as_of="2020-03-20"),
        claim("near", "B", "50", start="2020-03-01", as_of="2020-03-31"),
    )
    selection = select_pairs(sources.claims)
    ids = {(x.id, y.id) for x, y in selection.pairs}
    assert ("wide", "near") in ids  # the nearest pair of A and B
    assert ("wide", "narrow") in ids  # and the shortfall: 400 in Idlib over 300 in Syria
    assert selection.flagged == 1


def test_a_wider_ceiling_below_a_narrower_floor_is_compared() -> None:
    sources = build(
        claim("ceiling", "A", "at most 250", area="Syria", basis="estimated"),
        claim("floor", "B", "300", start="2020-03-10", as_of="2020-03-20"),
        claim("near", "B", "10"),
    )
    ids = {(x.id, y.id) for x, y in select_pairs(sources.claims).pairs}
    assert ("ceiling", "floor") in ids


def test_no_shortfall_candidate_when_the_wider_count_is_larger() -> None:
    sources = build(
        claim("wide", "A", "500", area="Syria"),
        claim("narrow", "B", "400", start="2020-03-10", as_of="2020-03-20"),
        claim("near", "B", "50"),
    )
    assert select_pairs(sources.claims).flagged == 0


def test_breakdowns_are_evidence_not_contenders() -> None:
    sources = build(
        claim("whole", "A", "400"),
        claim("part", "A", "300", perpetrators="pro-government") + "    breakdown_of: whole\n",
        claim("other", "B", "350"),
    )
    assert pair_ids(sources) == [("whole", "other")]


# --- summaries at scale ------------------------------------------------------------------------


def test_a_large_report_is_summarised_unless_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_module, "SUMMARY_ABOVE", 2)
    monkeypatch.setattr(report_module, "LARGEST_RESIDUALS", 1)
    sources = build(
        claim("a", "A", "100"),
        claim("b", "B", "1,000", basis="reported"),
        claim("c", "C", "110"),
        claim("wide", "OHCHR", "50", area="Syria"),
        tail="compare:\n  - [a, c]\n",
    )
    full = compare(sources, show_all=True)
    short = compare(sources)
    assert not full.summarised and short.summarised
    assert short.pair_count == len(full.pairs) > len(short.pairs)
    assert short.verdicts() == full.verdicts()
    assert (short.pairs[0].a.id, short.pairs[0].b.id) == ("c", "a")  # the focus pair first
    shown = {(p.a.id, p.b.id) for p in short.pairs}
    shortfalls = {(p.a.id, p.b.id) for p in full.pairs if report_module.is_shortfall(p)}
    assert shortfalls <= shown
    summary = short.to_dict()["summary"]
    assert summary["pairs_compared"] == len(full.pairs)
    assert summary["pairs_shown"] == len(short.pairs)
    assert full.to_dict()["summary"] is None


def test_evidence_lists_are_capped_with_a_count() -> None:
    ids = [f"c{i}" for i in range(430)]
    text = report_module.evidence_list(ids)
    assert text.startswith("c0, c1, ") and text.endswith("and 422 more (430 in all)")
    assert report_module.evidence_list(ids[:9]) == ", ".join(ids[:9])


def test_relation_text_names_its_range_without_patching_the_sentence() -> None:
    text = relation_text(400, None, "at_least", "at least 400", (612, 987), "GED's 612 to 987")
    assert (
        text == "the claim's floor 'at least 400' is below GED's 612 to 987, which a floor allows"
    )
    assert relation_text(400, None, "at_least", "at least 400", (612, 987)).endswith(
        "below this range, which a floor allows"
    )


def test_against_says_on_stderr_which_claims_it_left_out(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        HEAD
        + claim("ref", "A", "500", area="Syria")
        + claim("idlib", "B", "300")
        + claim("turkey", "C", "300", area="Turkey"),
        encoding="utf-8",
    )
    code, out, err = run("report", str(path), "--against", "ref", "--format", "json")
    assert code == 0
    assert (
        err
        == "note: left out 1 claim(s) whose places or perpetrators do not overlap ref's: turkey\n"
    )
    assert '"skipped": [\n    "turkey"\n  ]' in out


def test_stale_relays_and_revisions_group_long_figures_as_the_pairs_do(tmp_path: Path) -> None:
    # A YAML number (1417) is grouped in every sentence (MoH (1,417)); the flags said "1417".
    path = tmp_path / "s.yaml"
    path.write_text(
        HEAD
        + claim("c1", "C", "9000", as_of="2020-03-10", published="2020-03-10")
        + claim("c2", "C", "14170", as_of="2020-03-12", published="2020-03-12")
        + claim("c3", "C", "12000", as_of="2020-03-20", published="2020-03-20")
        + claim("r", "C", "9000", as_of="2020-03-10", published="2020-03-14", relayed_by="News"),
        encoding="utf-8",
    )
    code, out, err = run("report", str(path), "--format", "plain")
    assert (code, err) == (0, "")
    out = " ".join(out.split())  # the flags wrap
    assert "repeats 9,000 as of 2020-03-10" in out
    assert "C had already published 14,170 as of 2020-03-12" in out
    assert "REVISION: c3 (12,000 as of 2020-03-20) is below c2 (14,170 as of 2020-03-12)" in out


def test_nearly_the_earlier_count_is_no_revision_of_it() -> None:
    # "nearly 500" is approximate on both sides (judged like "about 500"), so it is not certainly
    # below an earlier 500: the report flagged "REVISION ... by 1 to 50".
    sources = build(
        claim("c1", "C", "500", as_of="2020-03-20"),
        claim("c2", "C", '"nearly 500"', as_of="2020-03-25"),
        claim("x", "A", "520"),
    )
    assert revisions(sources) == []
    result = compare(sources, pair=("c1", "c2")).pairs[0]
    assert "revised" not in result.reason
    # Beyond the about tolerance (10%: up to 440) a later "nearly 400" is below the 500.
    sources = build(
        claim("c1", "C", "500", as_of="2020-03-20"),
        claim("c2", "C", '"nearly 400"', as_of="2020-03-25"),
    )
    assert revisions(sources) == [("c1", "c2")]
    assert "revised" in compare(sources, pair=("c1", "c2")).pairs[0].reason


def test_the_timeline_and_the_engine_read_nearly_with_the_file_s_tolerance() -> None:
    # With about_tolerance 0, "nearly 500" is judged as exactly 500 (like "about 500"): below an
    # earlier 501, a revision for the engine and for the timeline alike. The timeline mirrored
    # the figure's low end (499, clamped at n - 1) and read up to 501: no revision.
    sources = build(
        claim("c1", "C", "501", as_of="2020-03-20"),
        claim("c2", "C", '"nearly 500"', as_of="2020-03-25"),
        tail="settings:\n  about_tolerance: 0\n",
    )
    timelines = build_timelines(sources.claims, sources.about_tolerance)
    assert [(r.older.id, r.newer.id) for s in timelines for r in s.revisions] == [("c1", "c2")]
    assert "revised" in compare(sources, pair=("c1", "c2")).pairs[0].reason
