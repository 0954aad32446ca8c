"""Defects a first-time user found running the core commands (report, validate, export,
import, timeline) on sources.yaml files of their own. Each test failed before its fix. The
figures in these files are SYNTHETIC, invented for the tests."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from casualty_recon.cli.app import app

SYNTHETIC_HEADER = "# SYNTHETIC figures, invented for a test\nversion: 1\n"


def _claim(claim_id: str, source: str, figure: str, as_of: str, **extra: str) -> str:
    fields = {
        "id": claim_id,
        "source": source,
        "figure": figure,
        "population": "civilians",
        "outcome": "killed",
        "area": "Ruvuma",
        "start": "2021-01-01",
        "as_of": as_of,
        **extra,
    }
    lines = [
        f"  - {key}: {value}" if key == "id" else f"    {key}: {value}"
        for key, value in fields.items()
    ]
    return "\n".join(lines) + "\n"


def _write(tmp_path: Path, claims: list[str]) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        SYNTHETIC_HEADER
        + "sources:\n  A: {name: Source A}\n  B: {name: Source B}\n"
        + "claims:\n"
        + "".join(claims),
        encoding="utf-8",
    )
    return path


def _plain(path: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["report", str(path), "--format", "plain", *args])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def test_explained_verdict_names_the_adjusted_b_of_the_waterfall(tmp_path: Path) -> None:
    """With a that is not a point (`about 500`), the verdict said the effects `bring b to 378.1
    to 578.1` while the waterfall's adjusted b was 478.1: the sentence rebuilt adjusted b from
    a minus the residual, which widens an interval twice."""
    path = _write(
        tmp_path,
        [
            _claim("a-about", "A", "about 500", "2021-02-20"),
            _claim("b-exact", "B", "300", "2021-02-01"),
        ],
    )
    plain = _plain(path)
    assert "= b adjusted to a's definitions          478.1" in plain
    assert "bring b to 478.1, which meets a" in " ".join(plain.split())
    assert "378.1" not in plain


def test_a_window_of_one_day_either_way_says_day_not_days(tmp_path: Path) -> None:
    """`a runs between 1 days earlier and 8 days later` (an as_of period against a day inside
    it): one day is `1 day`, in every form the sentence takes."""
    path = _write(
        tmp_path,
        [
            _claim("a-period", "A", "more than 500", "2021-02-20..2021-02-28"),
            _claim("b-day", "B", "300", "2021-02-21"),
        ],
    )
    text = " ".join(_plain(path).split())
    assert "a runs between 1 day earlier and 7 days later" in text
    assert "1 days" not in text


def test_days_words_is_singular_for_one_day_at_either_end() -> None:
    from casualty_recon.analysis.kinds._time import days_words
    from casualty_recon.model.spans import Span

    assert days_words(Span(-1, 1), "later", "earlier") == "between 1 day earlier and 1 day later"
    assert days_words(Span(0, 1), "later", "earlier") == "up to 1 day later"
    assert days_words(Span(-1, 0), "later", "earlier") == "up to 1 day earlier"
    assert days_words(Span(-3, 5), "later", "earlier") == "between 3 days earlier and 5 days later"
    assert days_words(Span(2, 5), "later", "earlier") == "2 to 5 days later"


def test_a_rate_whose_ends_round_alike_is_one_number(tmp_path: Path) -> None:
    """`Were b's average over its window (0.9 to 0.9 a day) to hold`: a start of `the start of
    2021` (1 to 7 January) gives 0.893 to 0.931 a day, both 0.9 once rounded. A span whose ends
    print alike is printed once."""
    path = _write(
        tmp_path,
        [
            _claim("a-later", "A", "at least 600", "2021-07-15", start="late April 2021"),
            _claim("b-year", "B", "at least 134", "2021-05-30", start="the start of 2021"),
        ],
    )
    text = " ".join(_plain(path).split())
    assert "Were b's average over its window (0.9 a day)" in text
    assert "0.9 to 0.9" not in text


def test_span_words_prints_ends_that_round_alike_once() -> None:
    from casualty_recon.grammar.wording import fmt_signed_span, fmt_span
    from casualty_recon.model.spans import Span

    assert fmt_span(Span(0.893, 0.931)) == "0.9"
    assert fmt_signed_span(Span(0.01, 0.04)) == "+0"
    assert fmt_span(Span(0.89, 0.96)) == "0.9 to 1"
    assert fmt_span(Span(731, float("inf"))) == "731 or more"


def test_a_stale_relay_a_day_old_says_one_day(tmp_path: Path) -> None:
    """`timeline`: `STALE RELAY: ... (1 days old)` for a relay printed the day after its count
    ran to, when the source had already published a newer figure."""
    path = _write(
        tmp_path,
        [
            _claim(
                "a-relayed", "A", "300", "2021-02-01", relayed_by="Wire", published="2021-02-02"
            ),
            _claim("a-newer", "A", "320", "2021-02-02"),
        ],
    )
    result = CliRunner().invoke(app, ["timeline", str(path), "--format", "plain"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text = " ".join(result.stdout.split())
    assert "STALE RELAY: a-relayed" in text
    assert "(1 day old)" in text
    assert "1 days" not in text


def test_a_chart_in_a_missing_directory_is_refused_before_any_output(tmp_path: Path) -> None:
    """`report --chart sub/dir/c.png` printed the whole report, then `error: cannot write
    sub/dir/c.png: sub/dir is not a directory` and exit 2; with `-o report.md` the report was
    written and the command still failed. The chart's directory is checked before any work, as
    its suffix and an existing file are."""
    path = _write(
        tmp_path,
        [_claim("a-one", "A", "500", "2021-02-20"), _claim("b-one", "B", "300", "2021-02-01")],
    )
    chart = tmp_path / "missing" / "c.png"
    for command in (["report", str(path)], ["timeline", str(path)]):
        result = CliRunner().invoke(app, [*command, "--chart", str(chart)])
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr.startswith(f"error: cannot write {chart}: ")
        assert "hint: create the directory first" in result.stderr
    output = tmp_path / "report.md"
    result = CliRunner().invoke(
        app, ["report", str(path), "-o", str(output), "--chart", str(chart)]
    )
    assert result.exit_code == 2
    assert not output.exists()


def test_narrowing_an_area_in_a_spreadsheet_is_refused_with_a_hint_that_works(
    tmp_path: Path,
) -> None:
    """A user narrowed a claim's `area` cell in claims.csv from `Ruvuma; Mtwara` to `Ruvuma`
    and `import` refused it, saying `hint: edit area (it is what counts); area_places is
    derived from it`: the user had edited area. The hint now says what makes the row import:
    empty area_places, and it is derived again from area."""
    import csv

    path = _write(
        tmp_path,
        [
            _claim("a-one", "A", "500", "2021-02-20", area="[Ruvuma, Mtwara]"),
            _claim("b-one", "B", "300", "2021-02-01"),
        ],
    )
    runner = CliRunner()
    exported = runner.invoke(app, ["export", str(path), "--out", str(tmp_path / "t")])
    assert exported.exit_code == 0, exported.output
    claims = tmp_path / "t" / "claims.csv"
    with claims.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    rows[1][header.index("area")] = "Ruvuma"

    def write_and_import(name: str) -> Result:
        edited = tmp_path / name
        with edited.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return runner.invoke(app, ["import", str(edited), "-o", str(tmp_path / f"{name}.yaml")])

    refused = write_and_import("edited.csv")
    assert refused.exit_code == 1
    assert refused.stdout == ""
    column = header.index("area_places") + 1
    assert refused.stderr.startswith(f"error: {tmp_path / 'edited.csv'}:2:{column}: area_places")
    assert "empty area_places" in refused.stderr
    # Following the hint imports the row with the narrowed area.
    rows[1][header.index("area_places")] = ""
    accepted = write_and_import("followed.csv")
    assert accepted.exit_code == 0, accepted.output
    assert "area: Ruvuma\n" in (tmp_path / "followed.csv.yaml").read_text(encoding="utf-8")
