"""Event files as Excel and other tools export them (the s23 pass): UTF-16 "Unicode Text",
decimal commas in a semicolon-separated file, Airwars files of other conflicts. Every file is
written here by code; its rows and the claims' figures are SYNTHETIC, invented for the tests.
Each test failed before its fix."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from test_events_shapes import ACLED_HEADER, ACLED_ROWS, _cell, run_events


def _rows(delimiter: str) -> str:
    lines = [delimiter.join(_cell(cell, delimiter) for cell in row) for row in (ACLED_HEADER,
             *ACLED_ROWS)]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(
    "codec", ["utf-16", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-16-gzip"]
)
def test_a_utf_16_unicode_text_export_is_read(tmp_path: Path, codec: str) -> None:
    """Excel's "Unicode Text" (UTF-16 with a byte-order mark, tab-separated) was refused
    ('the event file is UTF-16 text ..., hint: save it as UTF-8 CSV')."""
    text = _rows("\t")
    if codec == "utf-16-be-bom":
        data = "\ufeff".encode("utf-16-be") + text.encode("utf-16-be")
    elif codec == "utf-16-gzip":
        data = gzip.compress(text.encode("utf-16"))
    else:
        data = text.encode(codec)
    dataset = tmp_path / "acled.txt"
    dataset.write_bytes(data)
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert f"ACLED: {dataset}, 3 events, 2019-03-02 to 2019-03-20" in result.stdout
    assert "12 people killed in 3 events in Mali" in result.stdout
    # Mopti alone: the two Mopti rows, whose notes span two lines.
    result = run_events(tmp_path, dataset, area="Mopti")
    assert "7 people killed in 2 events in Mopti" in result.stdout


def test_a_utf_16_file_that_does_not_decode_is_refused_with_a_hint(tmp_path: Path) -> None:
    """A lone surrogate half is not UTF-16: refused, located, with a hint (no traceback)."""
    dataset = tmp_path / "broken.txt"
    dataset.write_bytes(_rows("\t").encode("utf-16") + b"\x00\xd8A\x00\n\x00")
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: {dataset}:1:1: the event file looks like UTF-16 text (with a byte-order mark) "
        "but does not decode as UTF-16"
    )
    assert "\n  hint: " in result.stderr
