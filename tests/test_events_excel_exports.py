"""Event files as Excel and other tools export them: UTF-16 "Unicode Text",
decimal commas in a semicolon-separated file, Airwars files of other conflicts. Every file is
written here by code; its rows and the claims' figures are SYNTHETIC, invented for the tests.
Each test failed before its fix."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from test_events_shapes import ACLED_HEADER, ACLED_ROWS, _cell, run_events
from typer.testing import CliRunner, Result

from casualty_recon.cli.app import app


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


def _acled(tmp_path: Path, delimiter: str, fatalities: tuple[str, str, str]) -> Path:
    """The synthetic ACLED rows with these fatalities, and a latitude written as the file's
    decimal mark writes it (a column the layout does not read)."""
    decimal = "," if delimiter == ";" else "."
    header = (*ACLED_HEADER, "latitude")
    rows = [
        (*row[:-1], figure, f"14{decimal}4843")
        for row, figure in zip(ACLED_ROWS, fatalities, strict=True)
    ]
    lines = [delimiter.join(_cell(cell, delimiter) for cell in row) for row in (header, *rows)]
    dataset = tmp_path / "acled-excel.csv"
    dataset.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return dataset


def test_a_semicolon_file_reads_a_dot_as_thousands_and_says_so(tmp_path: Path) -> None:
    """European Excel writes 1.004 for one thousand and four: it was read as 1.004 deaths."""
    note = (
        "The file is separated by semicolons, as a European Excel writes it, so its figures are "
        "read with a decimal comma"
    )
    dataset = _acled(tmp_path, ";", ("1.004", "3", "5"))
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "1,012 people killed in 3 events in Mali" in result.stdout
    assert note in " ".join(result.stdout.split())
    # The rule is stated whether or not a figure needed it.
    result = run_events(tmp_path, _acled(tmp_path, ";", ("4", "3", "5")))
    assert "12 people killed in 3 events in Mali" in result.stdout
    assert note in " ".join(result.stdout.split())


def test_a_semicolon_file_with_a_fraction_of_a_death_is_refused_at_its_cell(
    tmp_path: Path,
) -> None:
    """ "1,5" in a semicolon-separated file is one and a half: it was read as 15, silently."""
    dataset = _acled(tmp_path, ";", ("4", "1,5", "5"))
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    line = re.split(r"\r?\n", dataset.read_bytes().decode())[3]  # file line 4: row MLI2
    column = line.index(";1,5;") + 2
    first, hint = result.stderr.splitlines()[:2]
    assert first == (
        f'error: {dataset}:4:{column}: fatalities "1,5" is not a whole number (1.5, read with a '
        "decimal comma): a count of people has no fraction"
    )
    assert hint.startswith("  hint: correct the cell; in this file a comma is the decimal mark")


def test_a_fraction_in_a_comma_file_is_refused_at_its_cell(tmp_path: Path) -> None:
    """2.5 deaths were summed as 2.5 and printed rounded, with no word about it."""
    dataset = _acled(tmp_path, ",", ("4", "3", "2.5"))
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    line = re.split(r"\r?\n", dataset.read_bytes().decode())[4]  # file line 5: row MLI3
    column = line.index(",2.5,") + 2
    assert result.stderr.startswith(
        f'error: {dataset}:5:{column}: fatalities "2.5" is not a whole number (2.5): a count of '
        "people has no fraction\n  hint: "
    )


def test_figures_that_show_a_decimal_comma_are_read_with_it(tmp_path: Path) -> None:
    """A comma-separated file whose figures read "1.004,0" (quoted) is written with a decimal
    comma: it was read as 1.0040 deaths, and "3,0" as 30."""
    dataset = _acled(tmp_path, ",", ("1.004,0", "3,0", "5"))
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 0, result.output
    assert "1,012 people killed in 3 events in Mali" in result.stdout
    assert 'The file writes figures with a decimal comma ("1.004,0")' in " ".join(
        result.stdout.split()
    )


AIRWARS_SOURCES = """\
# SYNTHETIC: invented figures for the tests of casualty-recon; not real claims.
version: 1
sources:
  TESTA: {name: Synthetic source (invented), kind: other}
claims:
  - id: synthetic-claim
    source: TESTA
    figure: 10
    population: civilians
    outcome: killed
    area: Mogadishu
    start: 2019-03-01
    as_of: 2019-03-31
"""


def _airwars_run(tmp_path: Path, header: str, *rows: str) -> Result:
    dataset = tmp_path / "airwars-other.csv"
    dataset.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    sources = tmp_path / "sources.yaml"
    sources.write_text(AIRWARS_SOURCES, encoding="utf-8")
    args = ["events", str(dataset), "--claims", str(sources), "--format", "plain"]
    return CliRunner().invoke(app, args)


def test_an_airwars_file_without_governorate_is_placed_by_its_region(tmp_path: Path) -> None:
    """Airwars archives of other conflicts have no `governorate`: such a file was refused as
    'not a known event dataset ... which also needs governorate'."""
    result = _airwars_run(
        tmp_path,
        "incident_code,date,region,belligerents,grading,civilians_killed_min,civilians_killed_max",
        "SYN1,2019-03-04,Banadir,US Forces,Fair,2,4",
        "SYN2,2019-03-09,Mogadishu,US Forces,Confirmed,1,1",
        "SYN3,2019-03-12,Lower Shabelle,US Forces,Weak,5,6",
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "Airwars: " in result.stdout and "3 incidents, 2019-03-04 to 2019-03-12" in result.stdout
    flat = " ".join(result.stdout.split())
    assert "The file has no governorate column: incidents are placed by region." in flat
    assert "3 to 5 civilians killed in 2 incidents in Banadir" in flat


def test_an_airwars_file_without_any_place_column_is_refused_naming_them(
    tmp_path: Path,
) -> None:
    header = "incident_code,date,belligerents,grading,civilians_killed_min,civilians_killed_max"
    result = _airwars_run(tmp_path, header, "SYN1,2019-03-04,US Forces,Fair,2,4")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {tmp_path / 'airwars-other.csv'}:1:1: not a known")
    assert "closest is Airwars, which also needs governorate, region or province" in result.stderr
    assert "\n  hint: " in result.stderr


def test_an_airwars_file_of_another_conflict_does_not_speak_of_syria(tmp_path: Path) -> None:
    """An Airwars file of Somalia's incidents said, of a claim by any party, that 'Airwars
    covers Russian (and coalition) strikes, not Syrian government strikes': the Syria archive's
    coverage, fixed in the layout. It now names the belligerents of the file itself."""
    result = _airwars_run(
        tmp_path,
        "incident_code,date,region,belligerents,grading,civilians_killed_min,civilians_killed_max",
        "SYN1,2019-03-04,Banadir,US Forces,Fair,2,4",
        "SYN2,2019-03-09,Banadir,US Forces,Confirmed,1,1",
    )
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "Syria" not in flat and "Russian" not in flat
    assert (
        "though the claim counts civilians killed by any party and Airwars covers the strikes "
        "of the belligerents it monitors (in this file: US forces), not every party's." in flat
    )
