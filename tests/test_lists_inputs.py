"""A list file is read like every other input (issue 16): bounded while it is read, a device or
a directory refused with a located error, a FIFO with no writer reported instead of waited on
for ever. The lists are synthetic (made up here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hang_guard import within
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.load import reading

SOURCES = """\
version: 1
sources:
  A: Source A
claims: []
lists:
  la: {{file: {file}, format: csv, source: A, as_of: 2024-01-31, columns: {{name: name}}}}
"""


def _validate(folder: Path, file: str) -> tuple[int, str, str]:
    (folder / "sources.yaml").write_text(SOURCES.format(file=file), encoding="utf-8")
    result = within(
        lambda: CliRunner().invoke(app, ["lists", "validate", "-s", str(folder / "sources.yaml")])
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_as_a_list_is_refused_at_once(tmp_path: Path) -> None:
    code, _, err = _validate(tmp_path, "/dev/zero")
    assert code == 1
    assert err.startswith("error: /dev/zero:1:1: cannot read the file: it is a character device")
    assert "Traceback" not in err


def test_a_list_that_cannot_be_read_prints_nothing_on_stdout(tmp_path: Path) -> None:
    # the command's only input cannot be read: stdout stays empty, not a blank line
    code, out, err = _validate(tmp_path, "missing.csv")
    assert code == 1
    assert out == ""
    assert err.startswith(f"error: {tmp_path / 'missing.csv'}:1:1: cannot read list `la`")


def test_a_directory_as_a_list_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    code, _, err = _validate(tmp_path, "folder")
    assert code == 1
    assert f"{tmp_path / 'folder'}:1:1: " in err
    assert "directory" in err.lower()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_without_writer_is_reported_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "FIFO_WAIT", 0.2)
    os.mkfifo(tmp_path / "pipe.csv")
    code, _, err = _validate(tmp_path, "pipe.csv")
    assert code == 1
    assert "nothing was written to this FIFO" in err


def test_a_list_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casualty_recon.lists import read

    monkeypatch.setattr(read, "LIST_MAX_BYTES", 100)
    (tmp_path / "a.csv").write_text("name\n" + "x" * 200 + "\n", encoding="utf-8")
    code, _, err = _validate(tmp_path, "a.csv")
    assert code == 1
    assert "over the limit of 100" in err


def test_an_ordinary_list_still_reads(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("name\nAlpha Beta\nGamma Delta\n", encoding="utf-8")
    code, out, err = _validate(tmp_path, "a.csv")
    assert code == 0, err
    assert "2" in out
