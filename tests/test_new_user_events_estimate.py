"""Defects a new user hit running `events` and `estimate` on files of their own (the s22 pass).
Each test failed before its fix. Every event row and overlap count written here is SYNTHETIC,
invented for the tests (no Airwars, UCDP or ACLED row)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SOURCES = str(ROOT / "sources.yaml")

# Synthetic incidents in the Airwars layout, within the bundled claims' windows (Idlib, 2019).
AIRWARS = (
    "incident_code,date,belligerents,grading,governorate,civilians_killed_min,"
    "civilians_killed_max\n"
    "S1,2019-05-01,Russian Military,Fair,Idlib,3,5\n"
    "S2,2019-05-02,Russian Military,Confirmed,Hama,2,2\n"
    "S3,2019-05-03,Tribal Forces,Weak,Idlib,1,1\n"
)


def _airwars(tmp_path: Path, text: str = AIRWARS) -> Path:
    path = tmp_path / "incidents.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _overlaps(tmp_path: Path) -> Path:
    path = tmp_path / "two.csv"
    path.write_text("A,B,count\n1,0,60\n0,1,40\n1,1,20\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["events", "estimate"])
def test_format_help_lists_only_the_formats_the_command_writes(
    command: str, tmp_path: Path
) -> None:
    """`estimate --help` and `events --help` offered `<auto|table|plain|markdown|json|csv|html>`
    and `-f html` then failed with 'has no html output' (exit 2)."""
    runner = CliRunner()
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    (listed,) = re.findall(r"--format <([a-z|]+)>", result.stdout)
    args = (
        [str(_airwars(tmp_path)), "--claims", SOURCES]
        if command == "events"
        else [str(_overlaps(tmp_path)), "-m", "chapman"]
    )
    for fmt in listed.split("|"):
        run = runner.invoke(app, [command, *args, "--format", fmt])
        assert run.exit_code == 0, (fmt, run.stderr)
        assert "has no" not in run.stderr


def test_each_layout_counts_its_rows_in_its_own_unit(tmp_path: Path) -> None:
    """On the Airwars archive the first line said '8,110 events' and the uncatalogued-actor
    note '(events)' while every sentence said 'incidents': a row is named by its layout's
    `event_noun` wherever the output counts rows."""
    result = CliRunner().invoke(
        app, ["events", str(_airwars(tmp_path)), "--claims", SOURCES, "-f", "plain"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    first = result.stdout.splitlines()[0]
    assert first.endswith(", 3 incidents, 2019-05-01 to 2019-05-03"), first
    assert "named party (incidents): Tribal Forces (1)" in result.stdout
    assert " events" not in first and "(events)" not in result.stdout
    one = _airwars(tmp_path, "\n".join(AIRWARS.splitlines()[:2]) + "\n")
    result = CliRunner().invoke(app, ["events", str(one), "--claims", SOURCES, "-f", "plain"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(", 1 incident, 2019-05-01 to 2019-05-01")


def test_ged_rows_are_still_events(tmp_path: Path) -> None:
    from casualty_recon.events import load_events
    from tools.events_bench import write_synthetic_ged

    path = tmp_path / "ged.csv"
    write_synthetic_ged(path, 50, seed=3)
    summary = load_events(path).summary()
    assert re.search(r"UCDP GED: .*, 50 events, \d{4}-\d\d-\d\d to ", summary), summary


def _dated(tmp_path: Path, *dates: str) -> Path:
    """Synthetic Airwars-layout incidents on these dates (as written), in Idlib."""
    rows = [f"S{n},{date},Russian Military,Fair,Idlib,1,2" for n, date in enumerate(dates, start=1)]
    return _airwars(tmp_path, "\n".join([AIRWARS.splitlines()[0], *rows]) + "\n")


@pytest.mark.parametrize(
    ("dates", "first", "last"),
    [
        (("3/15/19", "4/1/19", "5/2/19"), "2019-03-15", "2019-05-02"),  # month first
        (("15/03/19", "01.04.19", "2-5-19"), "2019-03-15", "2019-05-02"),  # day first
        (("12/31/85", "1/2/86"), "1985-12-31", "1986-01-02"),  # 69-99: the 1900s
    ],
)
def test_numeric_dates_with_two_digit_years_are_read(
    tmp_path: Path, dates: tuple[str, ...], first: str, last: str
) -> None:
    """'3/15/24' and '15/03/24' were counted as unreadable dates (every row left out): they are
    read in the order the file shows, the year by Python's rule, which a note states."""
    result = CliRunner().invoke(
        app, ["events", str(_dated(tmp_path, *dates)), "--claims", SOURCES, "-f", "plain"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].endswith(f", {len(dates)} incidents, {first} to {last}"), lines[0]
    assert "unreadable" not in result.stdout
    assert (
        f"note: {len(dates)} date(s) in date are written with two-digit years "
        f"(e.g. {dates[0]}): 00-68 are read as 2000-2068, 69-99 as 1969-1999."
    ) in lines


def test_two_digit_years_that_never_show_their_order_are_refused(tmp_path: Path) -> None:
    """Every date could be day or month first: refused with both readings and the option to
    say which, as four-digit dates are; with the option they are read."""
    path = _dated(tmp_path, "05/03/19", "06/03/19")
    result = CliRunner().invoke(app, ["events", str(path), "--claims", SOURCES])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        f'error: {path}:2:1: date "05/03/19" in date could be 5 March 2019 or 3 May 2019'
    ), result.stderr
    assert "--date-format dd/mm/yyyy" in result.stderr and "Traceback" not in result.stderr
    result = CliRunner().invoke(
        app,
        ["events", str(path), "--claims", SOURCES, "-f", "plain", "--date-format", "dd/mm/yyyy"],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(", 2 incidents, 2019-03-05 to 2019-03-06")


def test_a_bad_iso_date_is_not_read_as_a_two_digit_year(tmp_path: Path) -> None:
    """'2019-13-01' is no date, not 19 December 2001 or 13 January 2019 (the pattern of
    numeric dates must not start inside a four-digit year)."""
    path = _dated(tmp_path, "2019-05-01", "2019-13-01")
    result = CliRunner().invoke(app, ["events", str(path), "--claims", SOURCES, "-f", "plain"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(
        ", 1 incident, 2019-05-01 to 2019-05-01; 1 unreadable row(s) left out"
    )


def test_the_file_notes_name_a_country_not_its_code(tmp_path: Path) -> None:
    """Once the file's notes were shown, the Airwars archive's read 'taken to be in SY': the
    gazetteer's code, where every other sentence names the country."""
    result = CliRunner().invoke(
        app, ["events", str(_airwars(tmp_path)), "--claims", SOURCES, "-f", "plain"]
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "note: The file has no country column; places that do not resolve are taken to be in "
        "Syria, where most of its places are."
    ) in result.stdout.splitlines()


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_estimate_reads_semicolon_tab_and_bar_separated_counts(
    tmp_path: Path, delimiter: str
) -> None:
    """European Excel saves 'CSV' with semicolons: 'A;B;count' was refused with 'the header
    has no count column' (it has one). The delimiter is read from the header row, or from
    Excel's 'sep=;' line above it, as `events` reads it; errors keep their columns."""
    comma = _overlaps(tmp_path)
    runner = CliRunner()
    expected = runner.invoke(app, ["estimate", str(comma), "-m", "chapman", "-f", "json"])
    assert expected.exit_code == 0, expected.stderr
    lines = comma.read_text(encoding="utf-8").splitlines()
    for prefix in ([], [f"sep={delimiter}"]):
        path = tmp_path / "other.csv"
        path.write_text(
            "\n".join([*prefix, *(line.replace(",", delimiter) for line in lines)]) + "\n",
            encoding="utf-8",
        )
        result = runner.invoke(app, ["estimate", str(path), "-m", "chapman", "-f", "json"])
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert result.stdout == expected.stdout.replace(str(comma), str(path))
    bad = tmp_path / "bad.csv"
    bad.write_text(f"A{delimiter}B{delimiter}count\n1{delimiter}0{delimiter}-5\n", "utf-8")
    result = runner.invoke(app, ["estimate", str(bad)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: {bad}:2:5: count -5 is negative\n")


def test_estimate_skips_rows_of_empty_cells_as_blank_lines(tmp_path: Path) -> None:
    """Excel writes ',,' for rows whose cells were cleared: a file ending in one gave three
    errors ('A is '', not 0 or 1', ...) where a blank line is skipped."""
    runner = CliRunner()
    comma = _overlaps(tmp_path)
    expected = runner.invoke(app, ["estimate", str(comma), "-m", "chapman", "-f", "json"])
    path = tmp_path / "cleared.csv"
    lines = comma.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:2], ",,", *lines[2:], ",,", " , ,"]) + "\n", "utf-8")
    result = runner.invoke(app, ["estimate", str(path), "-m", "chapman", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == expected.stdout.replace(str(comma), str(path))
    # A row with some cells filled is still checked.
    path.write_text("\n".join([*lines, "1,,"]) + "\n", "utf-8")
    result = runner.invoke(app, ["estimate", str(path), "-m", "chapman"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: {path}:5:3: B is '', not 0 or 1\n"), result.stderr


@pytest.mark.parametrize("header", ["A,B,count", "stratum,lists,pattern,count"])
def test_estimate_refuses_a_header_without_counts(tmp_path: Path, header: str) -> None:
    """An empty file was refused ('the file holds no counts', exit 1), but a file with its
    header and no row printed an empty table with '0 people' and exit 0 (a file with a pattern
    column was already refused at its header)."""
    path = tmp_path / "header.csv"
    path.write_text(header + "\n\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["estimate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}:1:1: the file holds no counts\n")
    assert "hint: " in result.stderr and "Traceback" not in result.stderr


def test_a_negative_seed_is_a_usage_error_not_a_bug(tmp_path: Path) -> None:
    """`estimate FILE --seed -1` exited 70 with 'unexpected ValueError: expected non-negative
    integer ... this is a bug': a seed is a whole number from 0, said as bad usage (exit 2)."""
    result = CliRunner().invoke(
        app, ["estimate", str(_overlaps(tmp_path)), "-m", "chapman", "--seed", "-1"]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: invalid value for '--seed': -1 is not in the range")
    assert "hint: " in result.stderr and "bug" not in result.stderr


def test_a_suffix_hint_names_only_the_suffixes_the_command_writes(tmp_path: Path) -> None:
    """`estimate FILE -o out.xyz` hinted 'name it .json, .md, .markdown, .csv, .txt, .html',
    and `-o out.html` then failed with 'estimate has no html output'."""
    result = CliRunner().invoke(
        app, ["estimate", str(_overlaps(tmp_path)), "-m", "chapman", "-o", "out.xyz"]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: cannot tell the format of out.xyz from its suffix\n"
        "  hint: name it .json, .md, .markdown, .csv, .txt, or pass --format\n"
    )


def test_the_estimate_table_folds_long_cells_and_cuts_none(tmp_path: Path) -> None:
    # SYNTHETIC overlap counts of three lists. Piped, the table is laid out at 80 columns;
    # rich cut long cells with an ellipsis ("Lincoln-…", "log-line…", "undocument…").
    table = tmp_path / "three.csv"
    table.write_text(
        "A,B,C,count\n1,0,0,120\n0,1,0,90\n0,0,1,80\n1,1,0,30\n1,0,1,25\n0,1,1,20\n1,1,1,10\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["estimate", str(table), "-f", "table"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert "\u2026" not in result.stdout
    assert "Lincoln-P" in result.stdout  # folded onto the next line, not "Lincoln-\u2026"


def test_the_estimate_json_writes_whole_numbers_as_integers(tmp_path: Path) -> None:
    # SYNTHETIC counts. Estimates rounded to one decimal came out as 12595.0, and counts among
    # the diagnostics (chains, iterations) as 4.0 and 400.0.
    import json

    table = tmp_path / "three.csv"
    table.write_text(
        "A,B,C,count\n1,0,0,120\n0,1,0,90\n0,0,1,80\n1,1,0,30\n1,0,1,25\n0,1,1,20\n1,1,1,10\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["estimate", str(table), "-f", "json"])
    assert result.exit_code == 0, result.stderr

    def floats(node: object) -> list[float]:
        if isinstance(node, dict):
            return [f for value in node.values() for f in floats(value)]
        if isinstance(node, list):
            return [f for value in node for f in floats(value)]
        return [node] if isinstance(node, float) else []

    found = floats(json.loads(result.stdout))
    assert found, "the estimates have fractional values too"
    assert [f for f in found if f.is_integer()] == []


def test_report_with_events_shows_the_file_notes_in_every_format(tmp_path: Path) -> None:
    """`events FILE --claims ...` printed the file's notes ('N date(s) ... two-digit years'),
    `report --events FILE` showed them nowhere: a reader of the report could not tell that
    '3/15/19' had been read as 2019. Each format now says them where it shows the references."""
    path = _dated(tmp_path, "5/1/19", "5/2/19", "5/13/19")
    note = (
        "3 date(s) in date are written with two-digit years (e.g. 5/1/19): 00-68 are read as "
        "2000-2068, 69-99 as 1969-1999."
    )
    shown = {}
    for fmt in ("plain", "markdown", "json", "html"):
        result = CliRunner().invoke(
            app, ["report", SOURCES, "--events", str(path), "--format", fmt], terminal_width=400
        )
        assert result.exit_code == 0, (fmt, result.stderr)
        assert result.stderr == ""
        shown[fmt] = result.stdout
    plain = shown["plain"].splitlines()
    heading = plain.index("Event-data references")
    assert f"note: {note}" in " ".join(" ".join(plain[heading:]).split())  # unwrapped
    assert f"note: {note}" in shown["markdown"].split("## Event-data references", 1)[1]
    assert note in json.loads(shown["json"])["event_notes"]
    assert f"<li>{note}</li>" in shown["html"]


def test_estimate_reads_thousands_grouped_as_the_file_writes_them(tmp_path: Path) -> None:
    """A European Excel's semicolon table wrote 1060 as `1.060`: it was refused as "not a whole
    number". Grouped thousands are read by the file's convention: dots or spaces in a semicolon
    file, a quoted comma elsewhere; a decimal fraction is still refused. Synthetic counts."""
    semicolons = tmp_path / "eu.csv"
    semicolons.write_text("A;B;count\n1;0;1.060\n0;1;40\n1;1;20\n", encoding="utf-8")
    commas = tmp_path / "us.csv"
    commas.write_text('A,B,count\n1,0,"1,060"\n0,1,40\n1,1,20\n', encoding="utf-8")
    outputs = []
    for path in (semicolons, commas):
        result = CliRunner().invoke(app, ["estimate", str(path), "-m", "chapman", "-f", "json"])
        assert result.exit_code == 0, result.stderr
        outputs.append(json.loads(result.stdout)["strata"][0]["observed"])
    assert outputs == [1120, 1120]
    fraction = tmp_path / "fraction.csv"
    fraction.write_text("A;B;count\n1;0;1,5\n0;1;40\n1;1;20\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["estimate", str(fraction), "-m", "chapman"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{fraction}:2:5: count '1,5' is not a whole number" in result.stderr
