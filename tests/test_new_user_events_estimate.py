"""Defects a new user hit running `events` and `estimate` on files of their own (the s22 pass).
Each test failed before its fix. Every event row and overlap count written here is SYNTHETIC,
invented for the tests (no Airwars, UCDP or ACLED row)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SOURCES = str(ROOT / "sources.yaml")

# Synthetic incidents in the Airwars layout, within the bundled claims' windows (Idlib, 2019).
AIRWARS = (
    "incident_code,date,belligerents,grading,governorate,civilians_killed_min,"
    "civilians_killed_max\n"
    "S1,2019-05-01,Russian Military,Fair,Idlib,3,5\n"
    "S2,2019-05-02,Russian Military,Confirmed,Hama,2,2\n"
    "S3,2019-05-03,Tribal Forces,Weak,Idlib,1,1\n"
)


def _airwars(tmp_path: Path, text: str = AIRWARS) -> Path:
    path = tmp_path / "incidents.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _overlaps(tmp_path: Path) -> Path:
    path = tmp_path / "two.csv"
    path.write_text("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["events", "estimate"])
def test_format_help_lists_only_the_formats_the_command_writes(
    command: str, tmp_path: Path
) -> None:
    """`estimate --help` and `events --help` offered `<auto|table|plain|markdown|json|csv|html>`
    and `-f html` then failed with 'has no html output' (exit 2)."""
    runner = CliRunner()
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    (listed,) = re.findall(r"--format <([a-z|]+)>", result.stdout)
    args = (
        [str(_airwars(tmp_path)), "--claims", SOURCES]
        if command == "events"
        else [str(_overlaps(tmp_path)), "-m", "chapman"]
    )
    for fmt in listed.split("|"):
        run = runner.invoke(app, [command, *args, "--format", fmt])
        assert run.exit_code == 0, (fmt, run.stderr)
        assert "has no" not in run.stderr


def test_each_layout_counts_its_rows_in_its_own_unit(tmp_path: Path) -> None:
    """On the Airwars archive the first line said '8,110 events' and the uncatalogued-actor
    note '(events)' while every sentence said 'incidents': a row is named by its layout's
    `event_noun` wherever the output counts rows."""
    result = CliRunner().invoke(
        app, ["events", str(_airwars(tmp_path)), "--claims", SOURCES, "-f", "plain"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    first = result.stdout.splitlines()[0]
    assert first.endswith(", 3 incidents, 2019-05-01 to 2019-05-03"), first
    assert "named party (incidents): Tribal Forces (1)" in result.stdout
    assert " events" not in first and "(events)" not in result.stdout
    one = _airwars(tmp_path, "\n".join(AIRWARS.splitlines()[:2]) + "\n")
    result = CliRunner().invoke(app, ["events", str(one), "--claims", SOURCES, "-f", "plain"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(", 1 incident, 2019-05-01 to 2019-05-01")


def test_ged_rows_are_still_events(tmp_path: Path) -> None:
    from casualty_recon.events import load_events
    from tools.events_bench import write_synthetic_ged

    path = tmp_path / "ged.csv"
    write_synthetic_ged(path, 50, seed=3)
    summary = load_events(path).summary()
    assert re.search(r"UCDP GED: .*, 50 events, \d{4}-\d\d-\d\d to ", summary), summary
