"""Multiple systems estimation (issue 15): input errors, estimators, published answers, CLI."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.estimate import estimate_tables, parse_overlaps, read_overlaps
from casualty_recon.estimate.graphs import bma, negative_binomial_prior
from casualty_recon.estimate.latent import effective_size, geweke, split_rhat
from casualty_recon.estimate.loglinear import loglinear
from casualty_recon.estimate.synthetic import population_table
from casualty_recon.estimate.twolist import chapman, lincoln_petersen
from casualty_recon.model.errors import InputError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "estimation"
needs_data = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared/data/estimation is not here (fresh clone)"
)
runner = CliRunner()


def _errors(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_overlaps(text, "t.csv")
    return [str(p) for p in caught.value.problems]


# --- input ---------------------------------------------------------------------------------


def test_wide_and_long_layouts_read_the_same_table() -> None:
    wide = parse_overlaps("A,B,C,count\n1,0,0,5\n0,1,0,4\n1,1,0,2\n0,0,1,3\n", "w.csv")[0]
    long = parse_overlaps(
        'lists,pattern,count\n"A,B,C",100,5\n"A,B,C",010,4\n"A,B,C",110,2\n"A,B,C",001,3\n'
    )[0]
    assert wide.lists == long.lists == ("A", "B", "C")
    assert dict(zip(wide.patterns, wide.counts, strict=True)) == dict(
        zip(long.patterns, long.counts, strict=True)
    )
    assert wide.observed == 14 and wide.list_totals() == (7, 6, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A,B,count\n1,0,5\n1,1,0,3\n", "t.csv:3:1: the row has 4 fields"),
        ("A,B,count\n1,0,-5\n", "t.csv:2:5: count -5 is negative"),
        ("A,B,count\n1,0,five\n", "t.csv:2:5: count 'five' is not a whole number"),
        ("A,B,count\n0,0,3\n", "t.csv:2:5: the all-zero pattern has a count (3)"),
        ("A,count\n1,5\n", "t.csv:1:1: only 1 list"),
        ("A,B,count\n1,2,5\n", "t.csv:2:3: B is '2', not 0 or 1"),
        ('lists,pattern,count\n"a,b,c",10,5\n', "t.csv:2:9: pattern '10' is not 3 digits"),
        ("A,B,count\n1,0,5\n1,0,6\n", "t.csv:3:1: pattern 10 is given twice (first on line 2)"),
        ("A,B\n1,0\n", "t.csv:1:1: the header has no count column"),
    ],
)
def test_bad_input_is_located(text: str, expected: str) -> None:
    errors = _errors(text)
    assert any(expected in e for e in errors), errors
    assert all("hint:" in e for e in errors if "header has no count" not in e)


def test_every_problem_is_reported_at_once() -> None:
    errors = _errors("A,B,count\n1,0,-1\n0,1,x\n0,0,2\n")
    assert [e.split(": ")[1] for e in errors] == ["t.csv:2:5", "t.csv:3:5", "t.csv:4:5"]


def test_zero_count_on_the_all_zero_pattern_is_allowed() -> None:
    table = parse_overlaps("A,B,count\n0,0,0\n1,0,3\n0,1,2\n1,1,1\n")[0]
    assert table.observed == 6 and (0, 0) not in table.patterns


def test_strata_that_cannot_be_estimated_are_named_and_kept_in_the_total() -> None:
    text = (
        "place,lists,pattern,count\n"
        'north,"A,B,C",100,40\nnorth,"A,B,C",010,30\nnorth,"A,B,C",110,12\n'
        'north,"A,B,C",001,25\nnorth,"A,B,C",101,9\nnorth,"A,B,C",011,7\nnorth,"A,B,C",111,3\n'
        'south,"A,B,C",100,4\nsouth,"A,B,C",010,3\n'
        'east,"A,B,C",100,20\neast,"A,B,C",010,30\n'
    )
    result = estimate_tables(parse_overlaps(text), methods=("chapman", "loglinear"))
    skipped = {s.name: s.skipped for s in result.strata if s.skipped}
    assert set(skipped) == {"south", "east"}
    assert skipped["south"] is not None and "too few records" in skipped["south"]
    assert skipped["east"] is not None and "no overlap" in skipped["east"]
    total = next(e for e in result.totals if e.method == "chapman")
    north = next(e for e in result.strata[0].estimates if e.method == "chapman")
    assert total.point == pytest.approx((north.point or 0) + 7 + 50)
    assert any("south" in note and "east" in note for note in total.notes)


# Synthetic counts (made up for the test): one 0/1 column per list and a column of place names.
WIDE_STRATA = (
    "A,B,city,count\n1,0,north,40\n0,1,north,30\n1,1,north,12\n1,0,south,25\n0,1,south,18\n"
)


def test_the_wide_form_reads_a_column_of_names_as_strata() -> None:
    tables = parse_overlaps(WIDE_STRATA)
    assert [(t.stratum, t.lists, t.observed) for t in tables] == [
        ("north", ("A", "B"), 82),
        ("south", ("A", "B"), 43),
    ]


def test_the_wide_form_still_locates_a_list_cell_that_is_not_0_or_1() -> None:
    with pytest.raises(InputError) as caught:
        parse_overlaps("A,B,city,count\n1,0,north,40\n0,x,north,30\n1,1,north,12\n", "f.csv")
    assert [str(p.location) for p in caught.value.problems] == ["f.csv:3:3"]


def test_a_single_stratum_estimated_is_one_stratum_in_the_total(tmp_path: Path) -> None:
    data = tmp_path / "strata.csv"
    data.write_text(WIDE_STRATA, encoding="utf-8")
    result = runner.invoke(app, ["estimate", str(data), "-m", "chapman", "-f", "plain"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "sum of 1 stratum;" in result.stdout and "1 strata" not in result.stdout
    assert "stratum south (43 records) not estimated: no overlap" in result.stdout


@pytest.mark.parametrize("fmt", ["plain", "markdown", "table"])
def test_nothing_estimated_prints_the_reasons_without_an_empty_table(
    tmp_path: Path, fmt: str
) -> None:
    data = tmp_path / "south.csv"
    data.write_text("A,B,city,count\n1,0,south,25\n0,1,south,18\n", encoding="utf-8")
    result = runner.invoke(app, ["estimate", str(data), "-f", fmt], env={"COLUMNS": "200"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert "stratum south (43 records) not estimated: no overlap" in result.stdout
    assert "method" not in result.stdout  # no header row over no rows


# --- estimators ----------------------------------------------------------------------------


def test_two_list_estimators_by_hand() -> None:
    table = parse_overlaps("A,B,count\n1,0,60\n0,1,40\n1,1,20\n")[0]
    rng = np.random.default_rng(0)
    lp, ch = lincoln_petersen(table, rng), chapman(table, rng)
    assert lp.point == pytest.approx(80 * 60 / 20)
    assert ch.point == pytest.approx(81 * 61 / 21 - 1)
    assert lp.diagnostics["se"] == pytest.approx((80 * 60 * 60 * 40 / 20**3) ** 0.5)
    assert ch.low is not None and ch.high is not None
    assert 120 <= ch.low < ch.point < ch.high
    assert ch.coverage == pytest.approx(120 / ch.point)
    assert ch.undocumented == pytest.approx(ch.point - 120)


def test_two_lists_without_overlap_cannot_be_estimated() -> None:
    table = parse_overlaps("A,B,count\n1,0,60\n0,1,40\n")[0]
    assert lincoln_petersen(table, np.random.default_rng(0)).error is not None


def test_convergence_diagnostics_tell_a_stuck_chain_from_a_mixed_one() -> None:
    rng = np.random.default_rng(3)
    mixed = rng.normal(size=4000)
    stuck = np.concatenate([np.zeros(2000), np.ones(2000)]) + rng.normal(0, 0.01, 4000)
    assert effective_size(mixed) > 2000 and effective_size(stuck) < 50
    assert split_rhat(mixed) < 1.01 < 1.5 < split_rhat(stuck)
    assert abs(geweke(mixed)) < 3 < abs(geweke(stuck))


def test_independent_synthetic_lists_are_recovered_by_every_method() -> None:
    table = population_table(np.random.default_rng(1), 5000, (0.3, 0.25, 0.2), heterogeneity=0.0)
    result = estimate_tables([table], seed=1, iterations=3000)
    for _, e in result.rows():
        assert e.ok, e.error
        assert e.low is not None and e.high is not None
        assert e.low <= 5000 * 1.02 and e.high >= 5000 * 0.98, (e.label, e.low, e.high)


# --- published answers ---------------------------------------------------------------------


@needs_data
def test_madigan_york_three_lists_match_dga() -> None:
    table = read_overlaps(SHARED / "madigan-york-three-lists.csv")[0]
    e = bma(
        table,
        np.random.default_rng(0),
        delta=1.0,
        log_prior=negative_binomial_prior(13.14, 55.17),
        missing=np.arange(1.0, 301.0),
    )
    assert e.point == pytest.approx(731, rel=0.01)
    assert e.diagnostics["mode"] == pytest.approx(728, rel=0.01)
    # Published to two decimals: 0.37 is anything that rounds to it.
    assert round(e.diagnostics["top_graph_probability"], 2) == 0.37


@pytest.fixture(scope="session")
def kosovo() -> object:
    if not SHARED.exists():
        pytest.skip("../shared/data/estimation is not here (fresh clone)")
    return estimate_tables(
        read_overlaps(SHARED / "kosovo-1999-four-lists.csv"), seed=0, iterations=20_000
    )


@needs_data
def test_kosovo_latent_class_median_and_the_spread_of_the_others(kosovo: object) -> None:
    rows = {e.method: e for _, e in kosovo.rows()}  # type: ignore[attr-defined]
    latent = rows["latent-class"]
    assert latent.point == pytest.approx(10_450, rel=0.05)
    assert latent.low is not None and 8_000 < latent.low < 10_000
    assert "ESS" in latent.notes[0] and "R-hat" in latent.notes[0]
    # The other models' answers as published for this table.
    assert rows["loglinear-independence"].point == pytest.approx(7_395, rel=0.005)
    assert rows["loglinear-best"].point == pytest.approx(14_342, rel=0.005)
    assert rows["chapman"].point == pytest.approx(7_231, rel=0.005)
    assert rows["bma"].point == pytest.approx(12_595, rel=0.01)
    assert rows["bma"].low == pytest.approx(9_827, rel=0.01)
    assert rows["bma"].high == pytest.approx(16_543, rel=0.01)


@needs_data
@pytest.mark.slow  # 10,000 latent-class iterations on six real strata (8 s): `.ci/run` runs it
def test_philippines_strata_inside_hrdag_intervals() -> None:
    published = {
        "caloocan / police": (302, 379),
        "manila / police": (534, 639),
        "quezon / police": (338, 368),
        "caloocan / unidentified": (632, 908),
        "manila / unidentified": (314, 635),
        "quezon / unidentified": (392, 481),
    }
    tables = read_overlaps(SHARED / "philippines-2016-2017-strata.csv")
    result = estimate_tables(tables, methods=("latent-class",), seed=0, iterations=10_000)
    for stratum in result.strata:
        low, high = published[stratum.name]
        (e,) = stratum.estimates
        assert e.mean is not None and low <= e.mean <= high, (stratum.name, e.mean)
    (total,) = result.totals
    assert total.mean == pytest.approx(2_841, rel=0.05)


@needs_data
def test_uk_six_lists_log_linear_inside_the_home_office_range() -> None:
    table = read_overlaps(SHARED / "uk-modern-slavery-2013-six-lists.csv")[0]
    for e in loglinear(table, np.random.default_rng(0)):
        if e.method != "loglinear-independence":
            assert e.point is not None and 10_000 <= e.point <= 13_000, (e.label, e.point)


# --- the command ---------------------------------------------------------------------------


@needs_data
@pytest.mark.parametrize("fmt", ["plain", "markdown", "json", "csv", "table"])
def test_cli_prints_every_method_side_by_side(fmt: str) -> None:
    path = str(SHARED / "madigan-york-three-lists.csv")
    result = runner.invoke(
        app, ["estimate", path, "--format", fmt, "--iterations", "200"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    if fmt == "json":
        labels = [e["method"] for e in json.loads(out)["strata"][0]["estimates"]]
        assert labels[0] == "lincoln-petersen" and labels[-1] == "latent-class"
        assert len(labels) == 8
    else:
        for word in ("Chapman", "independence", "BMA", "latent classes"):
            assert word in out


def test_csv_renders_from_the_typed_estimates_not_the_json_dict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CSV reads an Estimate's fields (point, low, high, ...), never its JSON dict."""
    from casualty_recon.estimate.result import Estimate
    from casualty_recon.render.estimates import estimates_csv

    table = parse_overlaps("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", "t.csv")
    result = estimate_tables(table, methods=("chapman",))

    def no_dict(self: Estimate) -> dict[str, object]:
        raise AssertionError("a renderer read the JSON dict")

    monkeypatch.setattr(Estimate, "to_dict", no_dict)
    text = estimates_csv(result, bom=False).decode()
    (e,) = result.strata[0].estimates
    assert e.point is not None and e.low is not None and e.high is not None
    row = text.splitlines()[1].split(",")
    assert row[:4] == ["all", "chapman", e.label, "120"]
    assert [float(cell) for cell in row[4:7]] == [
        round(e.point, 1),
        round(e.low, 1),
        round(e.high, 1),
    ]


def test_cli_formats_and_suffixes_come_from_the_registry(tmp_path: Path) -> None:
    """`estimate` takes its formats from render.registry like every command: every suffix the
    registry knows picks its format (`.markdown` too), and a format the registry has no
    `estimates` renderer for is refused in the house words, before any work."""
    from casualty_recon.render.registry import RENDERERS, SUFFIXES, all_formats

    data = tmp_path / "two.csv"
    data.write_text("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", encoding="utf-8")
    help_text = runner.invoke(app, ["estimate", "--help"], env={"COLUMNS": "200"})
    own = all_formats({"estimates": RENDERERS["estimates"]})
    assert "--format <" + "|".join(own) + ">" in help_text.stdout
    for suffix, fmt in SUFFIXES.items():
        out = tmp_path / f"out{suffix}"
        result = runner.invoke(app, ["estimate", str(data), "-m", "chapman", "-o", str(out)])
        if fmt in RENDERERS["estimates"]:
            assert result.exit_code == 0, result.stderr
            assert result.stdout == "" and result.stderr == f"wrote {out}\n"
            shown = runner.invoke(app, ["estimate", str(data), "-m", "chapman", "-f", fmt])
            expected = shown.stdout_bytes
            if fmt == "csv":  # a file gets a byte order mark for spreadsheets
                expected = "\ufeff".encode() + expected
            assert out.read_bytes() == expected, suffix
        else:
            assert result.exit_code == 2 and result.stdout == "" and not out.exists()
            assert result.stderr.startswith(f"error: estimate has no {fmt} output\n")


def test_cli_bad_file_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("A,B,C,count\n1,0,0,-3\n0,1\n", encoding="utf-8")
    result = runner.invoke(app, ["estimate", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"error: {bad}:2:7: count -3 is negative" in result.stderr
    assert f"error: {bad}:3:1: the row has 2 fields" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_output_is_atomic_and_not_overwritten(tmp_path: Path) -> None:
    data = tmp_path / "two.csv"
    data.write_text("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", encoding="utf-8")
    out = tmp_path / "out.json"
    first = runner.invoke(app, ["estimate", str(data), "-o", str(out)])
    assert first.exit_code == 0, first.stderr
    assert json.loads(out.read_text())["strata"][0]["estimates"][1]["method"] == "chapman"
    again = runner.invoke(app, ["estimate", str(data), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = runner.invoke(app, ["estimate", str(data), "-o", str(out), "--force"])
    assert forced.exit_code == 0


def test_cli_claim_writes_a_loadable_estimated_claim(tmp_path: Path) -> None:
    from casualty_recon.load.loader import load

    data = tmp_path / "two.csv"
    data.write_text("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", encoding="utf-8")
    out = tmp_path / "claim.yaml"
    args = ["estimate", str(data), "--claim", "-o", str(out), "--source", "HRDAG"]
    missing = runner.invoke(app, args)
    assert missing.exit_code == 2 and "--population" in missing.stderr
    scope = ["--population", "civilians", "--outcome", "killed", "--area", "Idlib"]
    result = runner.invoke(app, [*args, *scope, "--as-of", "1999-06-20", "-m", "chapman"])
    assert result.exit_code == 0, result.stderr
    sources = load(out)
    (claim,) = sources.claims
    assert claim.basis == "estimated"
    text = out.read_text()
    assert (
        "figure: between 183 and 326" in text
    )  # rounded outwards and "Chapman" in text and "lists: A, B" in text


def test_cli_reads_the_counts_from_stdin() -> None:
    counts = "A,B,count\n1,0,60\n0,1,40\n1,1,20\n"
    result = runner.invoke(app, ["estimate", "-", "-m", "chapman", "-f", "json"], input=counts)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["file"] == "<stdin>"
    (chapman_row,) = data["strata"][0]["estimates"]
    assert chapman_row["estimate"] == pytest.approx(80 * 60 / 20, rel=0.05)
    bad = runner.invoke(app, ["estimate", "-"], input="A,B,count\n1,0,-3\n")
    assert bad.exit_code == 1 and bad.stdout == ""
    assert "error: <stdin>:2:5: count -3 is negative" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_cli_missing_file_hint_names_the_overlap_counts(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = runner.invoke(app, ["estimate", str(missing)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"error: {missing}:1:1: cannot read the file" in result.stderr
    assert "overlap-count CSV" in result.stderr and "init" not in result.stderr


# --- the sampler's chains ------------------------------------------------------------------


def test_split_rhat_compares_chains() -> None:
    rng = np.random.default_rng(5)
    agree = rng.normal(size=(4, 2000))
    apart = agree + np.array([[0.0], [0.0], [0.0], [3.0]])  # one chain elsewhere
    assert split_rhat(agree) < 1.01
    assert split_rhat(apart) > 1.5
    # Geweke's z of the chains together: a drift they share stands out, noise does not.
    drifting = agree + np.linspace(1.0, 0.0, 2000)
    assert abs(geweke(agree)) < 3 < abs(geweke(drifting))


def test_latent_class_runs_four_chains_and_stops_when_they_mix() -> None:
    from casualty_recon.estimate.latent import (
        CHAINS,
        MOST_ITERATIONS,
        latent_class,
        sample_latent_class,
    )

    # Lists that record most people: N is well pinned down and the chains mix in two blocks.
    table = population_table(np.random.default_rng(2), 3000, (0.7, 0.6, 0.6), heterogeneity=0.0)
    draws = sample_latent_class(table, np.random.default_rng(0), 600)
    assert draws.shape == (CHAINS, 600)
    # The chains start apart and run independently: not the same numbers.
    assert not np.array_equal(draws[0], draws[1])
    e = latent_class(table, np.random.default_rng(0))
    assert e.ok and e.diagnostics["chains"] == CHAINS
    # An easy table (independent lists) mixes in a few blocks, well before the most allowed.
    assert e.diagnostics["iterations"] < MOST_ITERATIONS
    assert e.diagnostics["split_rhat"] <= 1.05 and e.diagnostics["ess"] >= 400
    assert e.low is not None and e.high is not None and e.low <= 3000 <= e.high
    assert "4 chains of" in e.notes[0]


def test_csv_coverage_keeps_its_precision(tmp_path: Path) -> None:
    data = tmp_path / "two.csv"
    data.write_text("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", encoding="utf-8")
    result = runner.invoke(app, ["estimate", str(data), "-m", "chapman", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    header, row = result.stdout.splitlines()[:2]
    cells = dict(zip(header.split(","), row.split(","), strict=False))
    # Chapman: (81 * 61 / 21) - 1 = 234.3; 120 of them documented is 51.2%, not "0.5".
    assert cells["coverage"] == "51.2"


@pytest.mark.parametrize(
    "text",
    [
        "A,B,C,count\n1,1,1,50\n",  # one pattern: no model sees the unobserved cell
        "A,B,C,count\n1,1,0,50\n0,1,1,40\n1,0,1,30\n1,1,1,100\n",  # nobody on one list alone
        "A,B,C,count\n1,0,0,50\n0,1,0,40\n0,0,1,30\n1,1,1,1\n",  # was 202 billion
    ],
)
def test_degenerate_tables_give_no_absurd_log_linear_estimate(text: str) -> None:
    table = parse_overlaps(text)[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow on the way either
        estimates = loglinear(table, np.random.default_rng(0))
    for e in estimates:
        if not e.ok:
            assert e.error == "no log-linear model could be fitted"
            continue
        assert e.point is not None and e.low is not None and e.high is not None
        assert math.isfinite(e.high) and e.low <= e.point <= e.high < 1000 * table.observed
    result = runner.invoke(app, ["estimate", "-", "--iterations", "200"], input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "" and "nan" not in result.stdout


def test_latent_class_claim_says_how_long_the_chains_ran(tmp_path: Path) -> None:
    data = tmp_path / "three.csv"
    data.write_text(
        # Large overlaps (synthetic): the chains mix in the fewest blocks the rule allows.
        "A,B,C,count\n1,0,0,120\n0,1,0,100\n0,0,1,90\n1,1,0,110\n1,0,1,100\n0,1,1,80\n1,1,1,100\n",
        encoding="utf-8",
    )
    scope = ["--source", "S", "--population", "people", "--outcome", "killed"]
    scope += ["--area", "Idlib", "--as-of", "2020-01-01", "-m", "latent-class"]
    mixed = runner.invoke(app, ["estimate", str(data), "--claim", *scope])
    assert mixed.exit_code == 0, mixed.stderr
    assert "seed 0, chains run until they mixed, here " in mixed.stdout
    assert " each (at most 25,000 iterations each)" in mixed.stdout
    fixed = runner.invoke(app, ["estimate", str(data), "--claim", *scope, "--iterations", "600"])
    assert fixed.exit_code == 0, fixed.stderr
    assert "seed 0, 600 iterations of each chain" in fixed.stdout


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_an_unreadable_overlap_file_is_reported_with_the_hint_of_an_overlap_file(
    tmp_path: Path, kind: str
) -> None:
    """The shared file messages, each with a hint that names estimate's input, not sources.yaml."""
    path = tmp_path / "counts.csv"
    if kind == "directory":
        path.mkdir()
    with pytest.raises(InputError) as caught:
        read_overlaps(path)
    (problem,) = caught.value.problems
    assert problem.code == "file"
    assert problem.message.startswith("cannot read the file: ")
    assert problem.hint == (
        "give the path of an overlap-count CSV (list columns and count), or - for stdin"
    )
