"""Inputs that must be refused while they are read (issue 16, "unbounded reads"): extract on an
input it cannot read prints nothing and locates its error; event files have a limit of their own,
checked while reading, that says how to raise it; a FIFO without a writer is reported, not
waited on forever (tests/hang_guard.py fails a test that hangs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.extract.writer import check_loads
from casualty_recon.load.yaml_nodes import MAX_BYTES
from casualty_recon.model.errors import UsageError
from tests.hang_guard import within

runner = CliRunner()


# --- extract: an input that cannot be read ----------------------------------------------------


def test_extract_of_dev_zero_prints_nothing_and_locates_the_error() -> None:
    result = runner.invoke(app, ["extract", "/dev/zero"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == ""  # an empty YAML document was printed before
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "error: /dev/zero:1:1: cannot read the file: it is a character device, not a file"
    )
    assert lines[1].startswith("  hint: ")
    assert lines[-1] == "error: 1 article could not be read (above); nothing was written"
    assert "no toll statements" not in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_of_unreadable_inputs_into_a_file_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(
        app, ["extract", "/dev/zero", missing, "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert not out.exists()  # an empty sources.yaml was written before
    assert f"error: {missing}:1:1: no such article" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "error: 2 articles could not be read (above); nothing was written"
    )


def test_a_sources_yaml_over_the_limit_is_refused_with_the_catalogue_words() -> None:
    text = "#" * (MAX_BYTES + 1)
    with pytest.raises(UsageError) as caught:
        check_loads(text, "big.yaml", None)
    assert caught.value.message == (
        f"the sources.yaml written from these articles would be {MAX_BYTES + 1:,} bytes, over "
        f"the limit of {MAX_BYTES:,} that validate and report read; nothing was written"
    )
    assert caught.value.hint == "extract fewer or shorter articles into each file"
    assert caught.value.exit_code == 2


def _fifo(tmp_path: Path, name: str = "events.csv") -> str:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    path = tmp_path / name
    os.mkfifo(path)
    return str(path)


def test_extract_of_a_fifo_without_writer_is_reported_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casualty_recon.load import reading

    monkeypatch.setattr(reading, "FIFO_WAIT", 0.2)
    path = _fifo(tmp_path, "article.txt")
    result = within(lambda: runner.invoke(app, ["extract", path], catch_exceptions=False))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}:1:1: ")
