"""Event files in shapes users bring from their own tools (issue: a new user's pass on event
datasets): a semicolon- or tab-separated export from European Excel, Windows-1252 text, a
compressed download. Every file is written here by code; its rows and the claims' figures are
SYNTHETIC, invented for the tests. Each test failed before its fix."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from casualty_recon.cli.app import app

ACLED_HEADER = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "actor1",
    "assoc_actor_1",
    "civilian_targeting",
    "country",
    "admin1",
    "notes",
    "fatalities",
)
# SYNTHETIC rows in the shape of an ACLED export (Mali, March 2019).
ACLED_ROWS = (
    ("MLI1", "2019-03-02", "2019", "1", "Violence against civilians", "Unidentified Armed Group",
     "", "Civilian targeting", "Mali", "Mopti", "synthetic; two lines\nof notes", "4"),
    ("MLI2", "2019-03-09", "2019", "1", "Battles", "Military Forces of Mali (2012-)", "", "",
     "Mali", "Mopti", "synthetic", "3"),
    ("MLI3", "2019-03-20", "2019", "1", "Battles", "JNIM", "", "", "Mali", "Segou",
     "synthetic", "5"),
)  # fmt: skip

SOURCES = """\
# SYNTHETIC: invented figures for the tests of casualty-recon; not real claims.
version: 1
title: SYNTHETIC claims for event-file tests
sources:
  TESTA: {{name: Synthetic source (invented), kind: other}}
claims:
  - id: synthetic-claim
    source: TESTA
    figure: 10
    population: people
    outcome: killed
    area: {area}
    start: 2019-03-01
    as_of: 2019-03-31
    url: https://example.org/synthetic
"""


def _cell(value: str, delimiter: str) -> str:
    if any(char in value for char in (delimiter, '"', "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_acled(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    lines = [delimiter.join(_cell(cell, delimiter) for cell in row) for row in (ACLED_HEADER,
             *ACLED_ROWS)]  # fmt: skip
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def run_events(tmp_path: Path, dataset: Path, area: str = "Mali") -> Result:
    sources = tmp_path / "sources.yaml"
    sources.write_text(SOURCES.format(area=area), encoding="utf-8")
    return CliRunner().invoke(
        app, ["events", str(dataset), "--claims", str(sources), "--format", "plain"]
    )


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_a_file_separated_by_semicolons_or_tabs_is_read(tmp_path: Path, delimiter: str) -> None:
    """European Excel saves 'CSV' with semicolons, and exports are often tab-separated: such
    a file was refused as 'not a known event dataset', its whole header shown as one name."""
    dataset = write_acled(tmp_path / "acled.csv", delimiter=delimiter)
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "ACLED: " in result.stdout and ", 3 events, 2019-03-02 to 2019-03-20" in result.stdout
    assert "12 people killed in 3 events in Mali" in result.stdout
    # Mopti alone: the two Mopti rows, whose notes span two lines.
    result = run_events(tmp_path, dataset, area="Mopti")
    assert result.exit_code == 0, result.output
    assert "7 people killed in 2 events in Mopti" in result.stdout


def test_windows_1252_text_keeps_its_curly_quotes(tmp_path: Path) -> None:
    """A file saved by Windows Excel (Windows-1252) was read as Latin-1: its right quote byte
    0x92 became an invisible control character, so 'Côte d’Ivoire' was an unknown country and
    the claim got no reference at all."""
    dataset = tmp_path / "acled-windows.csv"
    header = ",".join(ACLED_HEADER)
    rows = [
        "CIV1,2019-03-02,2019,1,Battles,Military Forces of Ivory Coast (2010-),,,"
        "Côte d’Ivoire,Abidjan,synthetic – “quoted”,4",
        "CIV2,2019-03-09,2019,1,Battles,Unidentified Armed Group,,,Côte d’Ivoire,Abidjan,,3",
    ]
    dataset.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp1252"))
    result = run_events(tmp_path, dataset, area="Côte d’Ivoire")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "7 people killed in 2 events in Ivory Coast" in result.stdout
    assert "not recognised" not in result.stdout


def _ascii_rows(count: int) -> list[str]:
    row = "MLI{},2019-03-02,2019,1,Battles,JNIM,,,Mali,Mopti,synthetic filler {},1"
    return [row.format(index, "x" * 60) for index in range(count)]


def test_a_latin_1_file_whose_first_accent_comes_late_is_read(tmp_path: Path) -> None:
    """The encoding was told from the first MiB only: a Latin-1 file whose first accented
    name came after it was refused ('cannot read the event file as CSV: ... invalid UTF8
    data', at line 1, with a hint about CSV)."""
    rows = _ascii_rows(16_000)  # about 1.5 MiB of plain ASCII
    dataset = tmp_path / "acled-latin1.csv"
    text = "\n".join([",".join(ACLED_HEADER), *rows]) + "\n"
    late = "MLIX,2019-03-03,2019,1,Battles,JNIM,,,Mali,Ségou,synthetic,2\n"
    dataset.write_bytes(text.encode("ascii") + late.encode("latin-1"))
    assert dataset.stat().st_size > 1 << 20
    result = run_events(tmp_path, dataset, area="Ségou")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "2 people killed in 1 event in Segou" in result.stdout


def test_a_file_mixing_utf_8_and_latin_1_is_refused_at_the_first_bad_byte(
    tmp_path: Path,
) -> None:
    """A file that is UTF-8 (an accent in its first rows) and Latin-1 further on cannot be
    read either way: it was refused at line 1 with a hint about CSV, not where it changes."""
    rows = _ascii_rows(16_000)
    first = "MLIA,2019-03-03,2019,1,Battles,JNIM,,,Mali,Ségou,synthetic,2"
    dataset = tmp_path / "acled-mixed.csv"
    text = "\n".join([",".join(ACLED_HEADER), first, *rows]) + "\n"
    late = "MLIX,2019-03-03,2019,1,Battles,JNIM,,,Mali,Ségou,synthetic,2\n"
    dataset.write_bytes(text.encode("utf-8") + late.encode("latin-1"))
    result = run_events(tmp_path, dataset, area="Ségou")
    assert result.exit_code == 1
    assert result.stdout == ""
    line = len(rows) + 3
    assert result.stderr.startswith(f"error: {dataset}:{line}:45: ")
    assert "not UTF-8" in result.stderr and "hint: " in result.stderr
    assert "Traceback" not in result.stderr


def test_a_gzip_or_zip_download_is_read_as_the_csv_inside(tmp_path: Path) -> None:
    """UCDP publishes GED as a zipped CSV and users keep files gzipped: both were refused as
    'not text: it has NUL bytes' with a hint to give the CSV file."""
    plain = write_acled(tmp_path / "acled.csv")
    packed = tmp_path / "acled.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    archive = tmp_path / "acled-csv.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("readme/", "")
        zipped.write(plain, "acled_2019.csv")
    for dataset in (packed, archive):
        result = run_events(tmp_path, dataset)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert f"ACLED: {dataset}, 3 events" in result.stdout
        assert "12 people killed in 3 events in Mali" in result.stdout


def test_an_archive_or_workbook_that_is_not_one_csv_is_refused_with_what_it_is(
    tmp_path: Path,
) -> None:
    plain = write_acled(tmp_path / "acled.csv")
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(plain, "a.csv")
        zipped.write(plain, "b.csv")
    workbook = tmp_path / "acled.xlsx"
    with zipfile.ZipFile(workbook, "w") as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("xl/workbook.xml", "<workbook/>")
    parquet = tmp_path / "ged.parquet"
    parquet.write_bytes(b"PAR1" + bytes(64) + b"PAR1")
    expected = {
        archive: ("a ZIP archive of 2 CSV files (a.csv, b.csv)", "hint: unzip it"),
        workbook: ("an Excel workbook", "hint: save the sheet as CSV"),
        parquet: ("a Parquet file", "hint: write it as CSV"),
    }
    for dataset, (what, hint) in expected.items():
        result = run_events(tmp_path, dataset)
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert result.stderr.startswith(f"error: {dataset}:1:1: the event file is {what}")
        assert hint in result.stderr


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_an_excel_sep_line_above_the_header_is_read_as_the_delimiter(
    tmp_path: Path, delimiter: str
) -> None:
    """Files written for Excel may start with a line `sep=;` naming the delimiter: the line was
    taken for the header ('not a known event dataset: the header has sep=, _blank_2')."""
    plain = write_acled(tmp_path / "plain.csv", delimiter=delimiter)
    dataset = tmp_path / "acled-excel.csv"
    dataset.write_bytes(f"sep={delimiter}\r\n".encode() + plain.read_bytes())
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert f"ACLED: {dataset}, 3 events, 2019-03-02 to 2019-03-20" in result.stdout
    assert "12 people killed in 3 events in Mali" in result.stdout


def test_column_names_written_as_words_are_recognised(tmp_path: Path) -> None:
    """Spreadsheets and reporting tools write column names as words ('Event Date',
    'Assoc Actor 1', 'civilians-killed-min'): such a file was refused as 'not a known event
    dataset' although every column it needs is there."""
    plain = write_acled(tmp_path / "plain.csv")
    lines = plain.read_bytes().decode("utf-8").split("\r\n", 1)
    header = ",".join(name.replace("_", " ").title() for name in ACLED_HEADER)
    dataset = tmp_path / "acled-words.csv"
    dataset.write_text(header + "\r\n" + lines[1], encoding="utf-8")
    result = run_events(tmp_path, dataset)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "12 people killed in 3 events in Mali" in result.stdout
    assert "Perpetrators are matched on actor1 and assoc_actor_1" in result.stdout
