"""The standard streams under hostile conditions (issue 16 items 5 and 9), through the console
script in a subprocess: `main` is what handles them, CliRunner bypasses it.

- a reader that goes away (`| head`, a closed pipe): quiet, exit 0;
- stdout on a full disk (/dev/full): "cannot write to standard output: no space left on device",
  exit 1;
- stdout closed (`>&-`): the output is dropped quietly, the command's own exit code;
- stdin closed where stdin is read: a clear located message, exit 1;
- control characters from the command line or a file shown as escapes on stderr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = str(ROOT / "sources.yaml")
SCRIPT = [sys.executable, "-c", "from casualty_recon.cli.app import main; main()"]
TRACEBACK = "Traceback"


def shell(command: str, **options: object) -> subprocess.CompletedProcess[str]:
    """`command` in sh, with "CLI" standing for the console script."""
    script = " ".join(f"'{part}'" for part in SCRIPT)
    return subprocess.run(
        ["sh", "-c", command.replace("CLI", script)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        **options,  # type: ignore[call-overload]
    )


def test_a_reader_that_went_away_is_not_an_error() -> None:
    process = subprocess.Popen(
        [*SCRIPT, "report", SOURCES, "--format", "plain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the report is written: every write meets a closed pipe
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert err == ""


def test_head_reads_the_first_line_and_the_rest_is_dropped_quietly() -> None:
    result = shell(f"CLI report '{SOURCES}' --format plain | head -1; echo \"rc=$?\" >&2")
    assert result.stdout.startswith("Civilian deaths in northwest Syria")
    assert result.stdout.count("\n") == 1
    assert TRACEBACK not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["plain", "table"])
def test_a_full_disk_says_so(fmt: str) -> None:
    result = shell(f"CLI report '{SOURCES}' --format {fmt} > /dev/full")
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        "error: cannot write to standard output: no space left on device\n"
        "  hint: check that the disk is not full and that the program reading the output is "
        "still running\n"
    )


def test_a_closed_stdout_drops_the_output_quietly(tmp_path: Path) -> None:
    result = shell(f"CLI report '{SOURCES}' --format plain >&-")
    assert (result.returncode, result.stderr) == (0, "")
    # A file written with -o while stdout is closed gets only its own content (fd 1 is not
    # reused for it) and the "wrote" line still goes to stderr.
    target = tmp_path / "report.txt"
    result = shell(f"CLI report '{SOURCES}' --format plain -o '{target}' >&-")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith("Civilian deaths in northwest Syria")


def test_a_closed_stdin_is_named_where_stdin_is_read() -> None:
    result = shell("CLI validate - <&-")
    assert result.returncode == 1
    assert result.stderr.startswith("error: <stdin>:1:1: cannot read standard input: it is closed")
    result = shell(f"CLI validate '{SOURCES}' <&-")  # not needed: not mentioned
    assert result.returncode == 0, result.stderr


def test_a_closed_stderr_does_not_crash() -> None:
    result = shell("CLI validate missing.yaml 2>&-")
    assert result.returncode == 1
    assert result.stdout == ""


ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b\u202e"
SHOWN = "\\x1b]0;owned\\x07\\x1b[2J\\x9b\\u202e"


def test_control_characters_in_a_usage_error_from_click_are_escaped() -> None:
    result = subprocess.run(
        [*SCRIPT, "report", "--bogus" + ESCAPES], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert SHOWN in result.stderr


def test_control_characters_in_our_errors_are_escaped(tmp_path: Path) -> None:
    result = subprocess.run(
        [*SCRIPT, "report", SOURCES, "--format", ESCAPES], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: unknown format '{SHOWN.lower()}'")  # lowered
    named = tmp_path / f"a{ESCAPES}.yaml"
    result = subprocess.run([*SCRIPT, "validate", str(named)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"a{SHOWN}.yaml:1:1: cannot read the file" in result.stderr
    assert not any(char in result.stderr for char in "\x1b\x07\x9b\u202e")


def test_the_console_script_is_installed() -> None:
    # The tests above run `main` the way the console script does; it is the one installed.
    script = shutil.which("casualty-recon", path=os.path.dirname(sys.executable))
    assert script is not None
    assert "casualty_recon.cli.app" in Path(script).read_text(encoding="utf-8")


def _cjk_sources(tmp_path: Path) -> Path:
    """A file whose source name has characters the chart's font has no glyph for."""
    sources = tmp_path / "s.yaml"
    sources.write_text(
        "version: 1\nsources:\n  '中文 monitor': {name: A, kind: un}\nclaims:\n"
        "  - {id: a1, source: '中文 monitor', figure: 5, population: civilians, outcome: killed,"
        " area: Idlib, as_of: 2019-05-01}\n",
        encoding="utf-8",
    )
    return sources


def test_matplotlib_warnings_never_reach_stderr(tmp_path: Path) -> None:
    sources = _cjk_sources(tmp_path)
    chart = tmp_path / "c.png"
    result = subprocess.run(
        [*SCRIPT, "timeline", str(sources), "--chart", str(chart), "--format", "plain"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and "chart.py" not in result.stderr
    assert result.stderr == (
        f"wrote {chart}\nnote: the chart's font has no glyph for 2 characters of the text "
        "(中, 文): drawn as empty boxes\n"
    )
    assert chart.stat().st_size > 0


def test_matplotlib_warnings_of_the_html_reports_chart_never_reach_stderr(tmp_path: Path) -> None:
    # The HTML report draws the timelines chart inline: the same note as --chart, no raw warning.
    sources = _cjk_sources(tmp_path)
    page = tmp_path / "r.html"
    result = subprocess.run(
        [*SCRIPT, "report", str(sources), "--format", "html", "-o", str(page)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "Warning" not in result.stderr and "chart.py" not in result.stderr
    assert result.stderr == (
        f"wrote {page}\nnote: the chart's font has no glyph for 2 characters of the text "
        "(中, 文): drawn as empty boxes\n"
    )
    assert "<svg" in page.read_text(encoding="utf-8")


def test_control_characters_in_what_extract_reports_are_escaped(tmp_path: Path) -> None:
    # extract reports the articles it cannot read on stderr itself, not through `fail`.
    article = tmp_path / f"x{ESCAPES}.txt"
    result = subprocess.run(
        [*SCRIPT, "extract", str(article), "--published", "2019-08-20", "--outlet", "X"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"x{SHOWN}.txt" in result.stderr
    assert not any(char in result.stderr for char in "\x1b\x07\x9b\u202e")
