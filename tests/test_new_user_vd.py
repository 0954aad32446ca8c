"""Found by a new user's pass with files from other conflicts (session 23). Every figure here is
synthetic, invented for the test."""

from __future__ import annotations

from typer.testing import CliRunner

from casualty_recon.cli.app import app

runner = CliRunner()

# One source counting two provinces of one country, month by month (synthetic figures).
TWO_PROVINCES = """version: 1
# synthetic figures, invented for this test
sources:
  S: {name: Synthetic monitor S, kind: monitor}
  T: {name: Synthetic agency T, kind: un}
claims:
  - {id: nk-1, source: S, figure: 100, population: civilians, outcome: killed, area: Nord-Kivu,
     as_of: 2024-01-31}
  - {id: nk-2, source: S, figure: 160, population: civilians, outcome: killed, area: Nord-Kivu,
     as_of: 2024-02-29}
  - {id: it-1, source: S, figure: 40, population: civilians, outcome: killed, area: Ituri,
     as_of: 2024-01-31}
  - {id: it-2, source: S, figure: 55, population: civilians, outcome: killed, area: Ituri,
     as_of: 2024-02-29}
  - {id: t-1, source: T, figure: 90, population: civilians, outcome: killed, area: Ituri,
     as_of: 2024-02-29}
"""


def test_two_series_of_one_source_in_one_country_are_told_apart_by_their_areas() -> None:
    result = runner.invoke(app, ["timeline", "-", "--format", "plain"], input=TWO_PROVINCES)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    titles = [line for line in result.stdout.splitlines() if line[:3] in ("1. ", "2. ")]
    assert titles == [
        "1. S: civilians killed, by any party, reported [Ituri]",
        "2. S: civilians killed, by any party, reported [Nord-Kivu]",
    ]


def test_the_reports_series_lines_name_the_series_as_the_timeline_does() -> None:
    result = runner.invoke(app, ["report", "-", "--format", "plain"], input=TWO_PROVINCES)
    assert result.exit_code == 0, result.stderr
    section = result.stdout.split("Series used to size the time differences", 1)[1]
    assert "- S: civilians killed, by any party, reported [Ituri]: 2 dates" in section
    assert "- S: civilians killed, by any party, reported [Nord-Kivu]: 2 dates" in section
