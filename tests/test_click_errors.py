"""Click's own usage errors in the house form (issue 17): `error: what is wrong` and a hint that
names the command's `--help` (and the close option or command), exit 2, stdout empty; where
click printed `Usage: ... / Try ... / Error: ...`. Help, and help for no arguments, unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from golden_helpers import check_golden
from typer.testing import CliRunner

from casualty_recon.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
SOURCES = str(ROOT / "sources.yaml")
runner = CliRunner()

# One case per kind of click error; the golden file holds stderr byte for byte.
CASES = {
    "missing-argument": ["events"],
    "no-such-option": ["report", SOURCES, "--pari", "a", "b"],
    "no-such-option-far": ["report", "--zzz"],
    "bad-choice": ["events", "events.csv", "--kind", "gde"],
    "bad-int": ["events", "events.csv", "--date-prec", "ten"],
    "extra-argument": ["validate", SOURCES, "more.yaml"],
    "no-such-command": ["reprot"],
    "no-such-subcommand": ["lists", "lnk"],
    "option-short-of-values": ["report", SOURCES, "--pair", "a"],
    "top-level-option": ["--bogus"],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_click_usage_errors_in_the_house_form(case: str) -> None:
    result = runner.invoke(app, CASES[case], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stdout == ""
    err = result.stderr
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith("error: ") and lines[1].startswith("  hint: ")
    assert "--help`" in lines[1]
    assert "Usage:" not in err and "Try '" not in err and "Error:" not in err
    check_golden(f"usage/{case}.txt", err)


def test_the_hint_names_the_close_option_and_the_command() -> None:
    result = runner.invoke(app, ["report", "--pari"], catch_exceptions=False)
    assert result.stderr == (
        "error: no such option: --pari\n"
        "  hint: did you mean --chart or --pair? `casualty-recon report --help` lists the "
        "options\n"
    )
    result = runner.invoke(app, ["lists", "link", "a", "--treshold", "1"])
    assert result.exit_code == 2
    assert "did you mean --threshold?" in result.stderr
    assert "`casualty-recon lists link --help`" in result.stderr


def test_an_option_name_with_control_characters_is_escaped() -> None:
    result = runner.invoke(app, ["report", "--\x1b]0;pwned\x07"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert result.stderr.startswith("error: no such option: --\\x1b]0;pwned\\x07\n")


def test_help_and_no_arguments_are_unchanged() -> None:
    helped = runner.invoke(app, ["--help"], catch_exceptions=False)
    assert helped.exit_code == 0 and helped.stderr == ""
    assert helped.stdout.startswith("Usage: casualty-recon [OPTIONS] COMMAND [ARGS]...")
    # no command: click shows the help (on stderr, exit 2), not an error
    bare = runner.invoke(app, [], catch_exceptions=False)
    assert (bare.exit_code, bare.stdout) == (2, "")
    assert bare.stderr == helped.stdout
    assert "error:" not in bare.stderr
    lists = runner.invoke(app, ["lists"], catch_exceptions=False)
    assert lists.exit_code == 2 and lists.stderr.startswith("Usage: casualty-recon lists")


def test_the_console_script_prints_the_same() -> None:
    """`main` (not the test runner) catches click's error itself: the same two lines."""
    result = subprocess.run(
        [sys.executable, "-m", "casualty_recon", "report", "--pari"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "error: no such option: --pari\n"
        "  hint: did you mean --chart or --pair? `python -m casualty_recon report --help` lists "
        "the options\n"
    )
