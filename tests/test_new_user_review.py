"""Defects a new user (a data journalist) found reading the reports of the bundled file and of
files of their own (issue 17, second pass). Each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from casualty_recon.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SOURCES = str(ROOT / "sources.yaml")
PARTLY = ("local-2019-08-08", "ohchr-2019-08-08")  # a partly explained pair of the bundled file


def _report(*args: str) -> str:
    result = CliRunner().invoke(app, ["report", SOURCES, *args])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def test_the_verdict_line_says_the_verdict_in_words_as_the_heading_does() -> None:
    """The pair's heading said `partly explained` and its verdict line `partly_explained`."""
    plain = _report("--pair", *PARTLY, "--format", "plain")
    assert "verdict: partly explained - A residual of 280 remains" in plain
    markdown = _report("--pair", *PARTLY, "--format", "markdown")
    assert "**Verdict: partly explained.**" in markdown
    for text in (plain, markdown):
        assert "partly_explained" not in text
    # The JSON keeps the catalogue value for programs.
    assert '"verdict": "partly_explained"' in _report("--pair", *PARTLY, "--format", "json")
