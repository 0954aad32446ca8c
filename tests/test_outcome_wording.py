"""Every outcome reads as English wherever it follows a population: the claims table, the
timeline label, the common floor and the break-even (`grammar.wording.people_words`). 'died' is
no participle: 'civilians died by any party' read as a broken sentence. Synthetic files only."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.model.claims import OUTCOMES

# The phrase each outcome takes after a population, with the perpetrators after it.
PEOPLE_BY = {
    "killed": "civilians killed by any party",
    "injured": "civilians injured by any party",
    "killed or injured": "civilians killed or injured by any party",
    "died": "civilians who died, by any party",
    "missing": "civilians missing by any party",
    "detained": "civilians detained by any party",
    "displaced": "civilians displaced by any party",
}


def _write(tmp_path: Path, outcome: str, other: str = "killed") -> Path:
    """Two synthetic claims of one source with `outcome` (a series), one of another with
    `other`, all for one place and window."""
    path = tmp_path / "synthetic.yaml"
    path.write_text(
        "version: 1\nsources: {City: {kind: government}, UN: {kind: un}}\nclaims:\n"
        f"  - {{id: city, source: City, figure: more than 10000, population: civilians,\n"
        f"     outcome: {outcome}, area: Mariupol, start: 2022-02-24, as_of: 2022-04-10}}\n"
        f"  - {{id: city2, source: City, figure: more than 12000, population: civilians,\n"
        f"     outcome: {outcome}, area: Mariupol, start: 2022-02-24, as_of: 2022-04-20}}\n"
        f"  - {{id: un, source: UN, figure: 1842, population: civilians, outcome: {other},\n"
        "     area: Mariupol, start: 2022-02-24, as_of: 2022-04-10}\n",
        encoding="utf-8",
    )
    return path


def _report(path: Path, fmt: str) -> str:
    result = CliRunner().invoke(app, ["report", str(path), "--format", fmt], terminal_width=400)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def test_every_outcome_has_a_phrase() -> None:
    assert set(PEOPLE_BY) == set(OUTCOMES)


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_claims_cell_and_timeline_label_read_as_english(tmp_path: Path, outcome: str) -> None:
    path = _write(tmp_path, outcome)
    html = _report(path, "html")
    assert f'<td data-label="counts">{PEOPLE_BY[outcome]}</td>' in html.replace("&#x27;", "'")
    plain = " ".join(_report(path, "plain").split())
    label = PEOPLE_BY[outcome].replace(" by any party", ", by any party").replace(",,", ",")
    assert f"City: {label}, reported: 2 dates" in plain
    result = CliRunner().invoke(app, ["timeline", str(path)], terminal_width=400)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert f"City: {label}, reported" in result.stdout
    assert "died by" not in plain and "died by" not in result.stdout


def test_common_floor_and_break_even_of_a_count_of_deaths(tmp_path: Path) -> None:
    """'at least 10,001 civilians died by any party in Mariupol' and 'a count over died at
    least 5.43 times the one over killed' read as broken English."""
    text = " ".join(_report(_write(tmp_path, "died"), "plain").split())
    assert "common floor: at least 10,001 civilians who died, by any party, in Mariupol to " in text
    assert "(civilians who died, by any party, in Mariupol to 10 April 2022)" in text
    assert (
        "break-even: a count of people who died at least 5.43 times the one of people killed"
        in text
    )
    assert "died by" not in text and "count over" not in text


def test_common_floor_of_killed_is_unchanged(tmp_path: Path) -> None:
    """The participles keep their old wording (no commas): control for the test above."""
    text = " ".join(_report(_write(tmp_path, "killed or injured"), "plain").split())
    assert (
        "common floor: at least 10,001 civilians killed or injured by any party in Mariupol" in text
    )
    assert "a count of people killed or injured at least" in text


def test_an_event_reference_sentence_of_a_count_of_deaths(tmp_path: Path) -> None:
    """Against a dataset of some parties' strikes, a claim of deaths read 'though the claim
    counts civilians died by any party'. Synthetic Airwars-layout rows."""
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "version: 1\nsources: {City: {kind: government}}\nclaims:\n"
        "  - {id: city, source: City, figure: more than 100, population: civilians,\n"
        "     outcome: died, area: Idlib, start: 2019-04-24, as_of: 2019-06-10}\n",
        encoding="utf-8",
    )
    events = tmp_path / "incidents.csv"
    events.write_text(
        "incident_code,date,belligerents,grading,governorate,civilians_killed_min,"
        "civilians_killed_max\nS1,2019-05-01,Russian Military,Fair,Idlib,1,2\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["events", str(events), "--claims", str(claims), "-f", "plain"], terminal_width=400
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text = " ".join(result.stdout.split())
    assert "though the claim counts civilians who died, by any party, and Airwars covers" in text
    assert "died by" not in text
