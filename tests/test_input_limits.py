"""Inputs that must be refused while they are read (issue 16, "unbounded reads"): extract on an
input it cannot read prints nothing and locates its error; event files have a limit of their own,
checked while reading, that says how to raise it; a FIFO without a writer is reported, not
waited on forever (tests/hang_guard.py fails a test that hangs)."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.extract.writer import check_loads
from casualty_recon.load.yaml_nodes import MAX_BYTES
from casualty_recon.model.errors import InputError, UsageError
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
    assert lines[-2:] == [
        "error: 1 of 1 article failed (above); nothing was written",
        "  hint: each failure is above with its hint; fix those articles and run extract again",
    ]
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
    assert result.stderr.splitlines()[-2:] == [
        "error: 2 of 2 articles failed (above); nothing was written",
        "  hint: each failure is above with its hint; fix those articles and run extract again",
    ]


def test_extract_whose_only_article_fails_prints_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casualty_recon.extract import claims as claims_module

    def broken(*args: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(claims_module, "_article_claims", broken)
    article = tmp_path / "a.txt"
    article.write_text("Shelling killed 12 civilians in Idlib on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "RuntimeError: boom" in result.stderr
    assert result.stderr.splitlines()[-2:] == [
        "error: 1 of 1 article failed (above); nothing was written",
        "  hint: each failure is above with its hint; fix those articles and run extract again",
    ]


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

    monkeypatch.setattr(reading, "FIFO_WAIT", 0.1)
    path = _fifo(tmp_path, "article.txt")
    result = within(lambda: runner.invoke(app, ["extract", path], catch_exceptions=False))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}:1:1: ")


# --- event files: a limit of their own, checked while reading ---------------------------------

ROOT = Path(__file__).resolve().parents[1]
# A small Airwars-layout file, synthetic (invented incidents), written by the tests.
AIRWARS_CSV = (
    "incident_code,date,date_end,belligerents,grading,governorate,region,province,"
    "civilians_killed_min,civilians_killed_max,children_killed_min,children_killed_max\n"
    + "".join(
        f"T{i},2019-05-{i:02d},,Russian Military,Fair,Idlib,,,{i},{i + 1},,\n" for i in range(1, 21)
    )
)


def _airwars(tmp_path: Path) -> Path:
    path = tmp_path / "airwars.csv"
    path.write_text(AIRWARS_CSV, encoding="utf-8")
    return path


def _write_to(path: str, data: bytes, times: int = 1) -> threading.Thread:
    """A thread that writes `data` `times` times to the FIFO `path`, then closes it; a reader
    that stops early (a refused input) is not an error of the writer."""

    def write() -> None:
        try:
            with open(path, "wb") as fifo:
                for _ in range(times):
                    fifo.write(data)
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_events_from_dev_zero_are_refused_without_reading() -> None:
    result = within(
        lambda: runner.invoke(app, ["events", "/dev/zero", "--claims", str(ROOT / "sources.yaml")])
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "error: /dev/zero:1:1: cannot read the event file: it is a character device, not a file"
    )
    assert lines[1] == "  hint: give the path of an event dataset CSV (UCDP GED, ACLED, Airwars)"


def test_report_events_from_a_fifo_without_writer_is_reported_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casualty_recon.load import reading

    monkeypatch.setattr(reading, "FIFO_WAIT", 0.1)
    path = _fifo(tmp_path)
    args = ["report", str(ROOT / "sources.yaml"), "--events", path, "--format", "plain"]
    result = within(lambda: runner.invoke(app, args))
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: {path}:1:1: cannot read the event file: nothing was written to this FIFO in "
        "0.1 seconds\n  hint: start the program that writes to it first\n"
    )
    assert "Traceback" not in result.stderr


def test_events_from_a_fifo_with_a_writer_read_as_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casualty_recon.events import load_events

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    plain = load_events(_airwars(tmp_path))
    path = _fifo(tmp_path)
    writer = _write_to(path, AIRWARS_CSV.encode("utf-8"))
    piped = within(lambda: load_events(path))
    writer.join(5)
    assert piped.path == path and piped.kind == "airwars"
    assert piped.rows == plain.rows == 20
    assert np.array_equal(piped.first_day, plain.first_day)
    assert os.listdir(temporary) == []  # the copy of the FIFO is removed


def test_an_endless_fifo_is_refused_as_soon_as_it_passes_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casualty_recon.events import load_events

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    path = _fifo(tmp_path)
    row = b"T1,2019-05-01,,Russian Military,Fair,Idlib,,,1,1,,\n"  # synthetic
    writer = _write_to(path, AIRWARS_CSV.encode("utf-8") + row * 10_000, times=1_000_000)
    with pytest.raises(InputError) as caught:
        within(lambda: load_events(path, limit=1 << 20))
    writer.join(5)
    problem = caught.value.problems[0]
    assert str(problem.location) == f"{path}:1:1"
    assert problem.message == (
        "the event file is more than 1,048,576 bytes, over the limit for event files"
    )
    assert "CASUALTY_RECON_EVENTS_MAX_BYTES=2G" in (problem.hint or "")
    assert os.listdir(temporary) == []  # the partial copy is removed


def test_a_sparse_event_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    from casualty_recon.events import load_events

    path = tmp_path / "sparse.csv"
    with path.open("wb") as file:  # 3 GiB of nothing: sparse where the file system allows
        file.truncate(3 << 30)
    with pytest.raises(InputError) as caught:
        within(lambda: load_events(path))
    problem = caught.value.problems[0]
    assert str(problem.location) == f"{path}:1:1"
    assert problem.message == (
        "the event file is 3,221,225,472 bytes, over the limit of 2,147,483,648 for event files"
    )
    assert problem.hint == (
        "the environment variable CASUALTY_RECON_EVENTS_MAX_BYTES raises the limit for event "
        "files, e.g. CASUALTY_RECON_EVENTS_MAX_BYTES=4G"
    )


def test_the_event_limit_is_raised_by_the_variable_its_error_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _airwars(tmp_path)
    size = path.stat().st_size
    args = ["events", str(path), "--claims", str(ROOT / "sources.yaml"), "--format", "json"]
    monkeypatch.setenv("CASUALTY_RECON_EVENTS_MAX_BYTES", str(size - 1))
    refused = runner.invoke(app, args)
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert refused.stderr.startswith(
        f"error: {path}:1:1: the event file is {size:,} bytes, over the limit of {size - 1:,}"
    )
    assert "CASUALTY_RECON_EVENTS_MAX_BYTES=" in refused.stderr
    monkeypatch.setenv("CASUALTY_RECON_EVENTS_MAX_BYTES", "1M")
    accepted = runner.invoke(app, args)
    assert accepted.exit_code == 0, accepted.stderr
    assert accepted.stdout.lstrip().startswith(("{", "["))
    monkeypatch.setenv("CASUALTY_RECON_EVENTS_MAX_BYTES", "lots")
    bad = runner.invoke(app, args)
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert bad.stderr.startswith(
        "error: CASUALTY_RECON_EVENTS_MAX_BYTES='lots' is not a size in bytes\n  hint: "
    )


def test_an_event_stream_is_refused_while_it_is_read_in_bounded_memory() -> None:
    from casualty_recon.events.source import open_events

    # /dev/zero never ends: the stream refuses it once past the limit, having read limit + 1.
    with open_events("/dev/zero", "zero.csv", 3 << 20) as stream:
        size = 0
        with pytest.raises(InputError) as caught:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
    assert size == 3 << 20
    assert str(caught.value.problems[0].location) == "zero.csv:1:1"
