"""Spreadsheet-safe CSV exports: exact bytes, HXL, neutralisation, atomic files."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from casualty_recon.analysis.engine import Difference, PairResult
from casualty_recon.analysis.report import Report
from casualty_recon.model.claims import (
    Area,
    Claim,
    DayRange,
    Figure,
    Perpetrators,
    Place,
    Source,
    Sources,
)
from casualty_recon.model.errors import UsageError
from casualty_recon.model.spans import INF, Span
from casualty_recon.render import csv as csv_export
from casualty_recon.render.csv import (
    CLAIMS_COLUMNS,
    TABLES,
    Column,
    claims_rows,
    columns_markdown,
    export_files,
    neutralise,
    rows_to_csv,
    to_csv_bytes,
)

README = Path(__file__).resolve().parents[1] / "README.md"


def day(text: str, earliest: str, latest: str | None = None) -> DayRange:
    return DayRange(
        dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest or earliest), text
    )


def seed_sources() -> Sources:
    """Two claims of the seed article (figures of the README's worked example), built by hand."""
    idlib, hama = Place("SY-ID", "Idlib"), Place("SY-HM", "Hama")
    return Sources(
        path="seed.yaml",
        areas={"northwest Syria": ("Idlib", "Hama")},
        parties={"pro-government": ("Syrian government", "Russian forces")},
        sources={
            "UOSSM": Source("UOSSM", "Union of Medical Care and Relief Organizations", "ngo"),
            "OHCHR": Source("OHCHR", None, "un"),
        },
        claims=[
            Claim(
                id="uossm-2019-08-21",
                source="UOSSM",
                figure=Figure(731, None, "more_than", "more than 730"),
                population="civilians",
                outcome="killed",
                perpetrators=Perpetrators(
                    ("pro-government",), frozenset({"Syrian government", "Russian forces"})
                ),
                area=Area(("northwest Syria",), frozenset({idlib, hama})),
                start=day("late April 2019", "2019-04-21", "2019-04-30"),
                as_of=day("2019-08-20", "2019-08-20"),
                published=day("2019-08-20", "2019-08-20"),
                relayed_by="Reuters",
                url="https://www.trtworld.com/article/12728116",
            ),
            Claim(
                id="ohchr-2019-08-08",
                source="OHCHR",
                figure=Figure(501, None, "more_than", "more than 500"),
                population="civilians",
                outcome="killed",
                perpetrators=Perpetrators(("any",), None),
                area=Area(
                    ("southern Idlib", "Hama"),
                    frozenset({Place("SY-ID", "Idlib", "southern"), hama}),
                ),
                start=None,
                as_of=day("2019-08-08", "2019-08-08"),
                published=day("2019-08-08", "2019-08-08"),
                basis="verified",
                relayed_by="OCHA",
                quote='more than 500 civilians have died, "according to OHCHR"',
            ),
        ],
    )


def test_claims_rows_are_normalised() -> None:
    first, second = claims_rows(seed_sources())
    assert first["figure_low"] == 731 and first["figure_high"] is None
    assert first["perpetrators"] == "pro-government"
    assert first["perpetrator_parties"] == "Russian forces; Syrian government"
    assert first["area_places"] == "SY-HM; SY-ID"
    assert first["start_earliest"] == dt.date(2019, 4, 21)
    assert first["source_name"] == "Union of Medical Care and Relief Organizations"
    assert second["perpetrators"] == "any" and second["perpetrator_parties"] is None
    assert second["area_places"] == "SY-HM; southern SY-ID"
    assert second["start"] is None and second["start_earliest"] is None
    assert list(first) == [column.name for column in CLAIMS_COLUMNS]


def test_claims_csv_exact_bytes() -> None:
    data = to_csv_bytes("claims", claims_rows(seed_sources()), bom=True, delimiter=",")
    assert data == (
        b"\xef\xbb\xbf"
        b"id,source,source_name,source_kind,relayed_by,figure_text,figure_low,figure_high,"
        b"qualifier,population,outcome,perpetrators,perpetrator_parties,area,area_places,start,"
        b"start_earliest,start_latest,as_of,as_of_earliest,as_of_latest,published,"
        b"published_earliest,published_latest,basis,breakdown_of,series,complete,url,quote,notes\r\n"
        b"uossm-2019-08-21,UOSSM,Union of Medical Care and Relief Organizations,ngo,Reuters,"
        b"more than 730,731,,more_than,civilians,killed,pro-government,"
        b"Russian forces; Syrian government,northwest Syria,SY-HM; SY-ID,late April 2019,"
        b"2019-04-21,2019-04-30,2019-08-20,2019-08-20,2019-08-20,2019-08-20,2019-08-20,"
        b"2019-08-20,reported,,,false,https://www.trtworld.com/article/12728116,,\r\n"
        b"ohchr-2019-08-08,OHCHR,,un,OCHA,more than 500,501,,more_than,civilians,killed,any,,"
        b"southern Idlib; Hama,SY-HM; southern SY-ID,,,,2019-08-08,2019-08-08,2019-08-08,"
        b"2019-08-08,2019-08-08,2019-08-08,verified,,,false,,"
        b'"more than 500 civilians have died, ""according to OHCHR""",\r\n'
    )


def test_no_bom_and_semicolon_delimiter() -> None:
    data = to_csv_bytes("claims", claims_rows(seed_sources()), bom=False, delimiter=";")
    assert data.startswith(b"id;source;source_name;")
    assert b"more than 730;731;;more_than" in data
    # A comma inside a cell needs no quotes when the delimiter is ';'.
    assert b';more than 500 civilians have died, ""according' not in data
    assert b';"more than 500 civilians have died, ""according to OHCHR"""' in data


def test_bad_delimiter_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="delimiter"):
        to_csv_bytes("claims", [], bom=False, delimiter="|")


COLUMNS = (
    Column("name", "text", "#meta+name", "text"),
    Column("count", "int", "#affected+num", "an int"),
    Column("rate", "float", "#value", "a float"),
    Column("day", "date", "#date", "a date"),
    Column("ok", "bool", "#meta+ok", "a bool"),
)


def test_integers_stay_integers_with_missing_values() -> None:
    rows = [
        {"name": "a", "count": 730, "rate": 6.4, "day": dt.date(2019, 8, 8), "ok": True},
        {"name": "b", "count": None, "rate": 12.0, "day": None, "ok": False},
        {"name": "c", "count": 1089.0, "rate": -0.04, "ok": None},
        {"name": "d", "count": -3, "rate": 2.25},
    ]
    data = rows_to_csv(COLUMNS, rows, bom=False)
    assert data == (
        b"name,count,rate,day,ok\r\n"
        b"a,730,6.4,2019-08-08,true\r\n"
        b"b,,12,,false\r\n"
        b"c,1089,0,,\r\n"
        b"d,-3,2.2,,\r\n"
    )
    assert b".0" not in data


def test_decimal_comma_with_semicolon_delimiter() -> None:
    data = rows_to_csv(
        COLUMNS, [{"name": "a", "count": 730, "rate": 6.4}], bom=False, delimiter=";"
    )
    assert data == b"name;count;rate;day;ok\r\na;730;6,4;;\r\n"


@pytest.mark.parametrize(
    ("value", "point", "comma"),
    [(146.84, "146.8", "146,8"), (-0.04, "0", "0"), (2.96, "3", "3"), (-38.65, "-38.6", "-38,6")],
)
def test_floats_are_written_with_one_decimal_in_either_locale(
    value: float, point: str, comma: str
) -> None:
    for delimiter, expected in ((",", point), (";", comma)):
        data = rows_to_csv(COLUMNS[2:3], [{"rate": value}], bom=False, delimiter=delimiter)
        assert data == f"rate\r\n{expected}\r\n".encode()


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=1", "''=1"),
        ("'plain", "'plain"),
        ("plain = fine", "plain = fine"),
        ("", ""),
    ],
)
def test_neutralise(text: str, cell: str) -> None:
    assert neutralise(text) == cell


def test_neutralisation_only_in_text_columns() -> None:
    rows = [{"name": "=1+1", "count": -5, "rate": -2.5}, {"name": "-5", "count": "=1"}]
    data = rows_to_csv(COLUMNS, rows, bom=False)
    assert data == b"name,count,rate,day,ok\r\n'=1+1,-5,-2.5,,\r\n'-5,'=1,,,\r\n"


def test_newlines_and_quotes_are_quoted_per_rfc4180() -> None:
    data = rows_to_csv(COLUMNS[:1], [{"name": 'two\nlines "quoted"'}], bom=False)
    assert data == b'name\r\n"two\nlines ""quoted"""\r\n'


def hxl_dataset(data: bytes) -> object:
    hxl = pytest.importorskip("hxl")
    text = data.decode("utf-8-sig")
    return hxl.data(hxl.input.make_input(io.BytesIO(text.encode("utf-8")), hxl.InputOptions()))


def test_hxl_row_is_valid_for_libhxl() -> None:
    data = to_csv_bytes("claims", claims_rows(seed_sources()), bom=True, hxl=True)
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[1].startswith("#meta+id,#org+name+reporting,")
    dataset = hxl_dataset(data)
    tags = [column.display_tag for column in dataset.columns]  # type: ignore[attr-defined]
    assert len(tags) == len(CLAIMS_COLUMNS)
    assert "#affected+num+min+killed" in tags  # every claim is of people killed
    assert "#adm1+name" in tags and "#meta+url" in tags
    rows = list(dataset)  # type: ignore[call-overload]
    assert [row.get("#org+name+reporting") for row in rows] == ["UOSSM", "OHCHR"]
    assert [row.get("#date+start") for row in rows] == ["2019-04-21", None]


@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_hashtag_row_parses(table: str) -> None:
    hxl = pytest.importorskip("hxl")
    columns = TABLES[table].columns
    for column in columns:
        assert re.fullmatch(r"#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*", column.hxl), column.hxl
        parsed = hxl.model.Column.parse(column.hxl)
        assert parsed is not None and parsed.tag == column.hxl.split("+")[0]
    dataset = hxl_dataset(to_csv_bytes(table, [], bom=False, hxl=True))
    assert len(dataset.columns) == len(columns)  # type: ignore[attr-defined]


def test_mixed_outcomes_keep_neutral_hashtags() -> None:
    sources = seed_sources()
    rows = claims_rows(sources)
    rows[1]["outcome"] = "killed or injured"
    header = to_csv_bytes("claims", rows, bom=False, hxl=True).split(b"\r\n")[1]
    assert b"#affected+num+min," in header and b"killed" not in header


def seed_report() -> Report:
    """One pair of the seed claims with two differences, built by hand (typed, as the
    renderers take it)."""
    sources = seed_sources()
    a, b = sources.claims
    differences = [
        Difference(
            kind="as_of",
            a_value="2019-08-20",
            b_value="2019-08-08",
            relation="wider",
            direction="up",
            agrees=True,
            sentence="OHCHR's figure runs to 8 August, UOSSM's to 20 August.",
            effect=Span.point(83.2),
            evidence=("own-rate", "ohchr-2019-08-08"),
        ),
        Difference(
            kind="perpetrators",
            a_value="pro-government",
            b_value="any",
            relation="narrower",
            direction="down",
            agrees=False,
            sentence="-UOSSM counts a narrower set and still more.",
        ),
    ]
    pair = PairResult(
        a=a,
        b=b,
        gap=Span.point(230),
        differences=differences,
        steps=[],
        adjusted_b=Span(501, INF),
        residual=Span(146.84, INF),
        verdict="partly_explained",
        reason="two floors never contradict",
        common_floor=731,
        common_scope="civilians killed",
    )
    return Report(sources=sources, pairs=[pair])


REPORT = seed_report()


def test_pairs_csv_exact_bytes() -> None:
    data = to_csv_bytes("pairs", csv_export.pairs_rows(REPORT), bom=False)
    assert data == (
        b"a,b,a_source,b_source,a_figure,b_figure,gap_low,gap_high,residual_low,residual_high,"
        b"verdict,reason,common_floor\r\n"
        b"uossm-2019-08-21,ohchr-2019-08-08,UOSSM,OHCHR,more than 730,more than 500,230,230,"
        b"146.8,,partly_explained,two floors never contradict,731\r\n"
    )


def test_gaps_csv_exact_bytes() -> None:
    data = to_csv_bytes("gaps", csv_export.gaps_rows(REPORT), bom=False)
    assert data == (
        b"a,b,verdict,kind,a_value,b_value,relation,direction,agrees,effect_low,effect_high,"
        b"evidence,break_even,sentence\r\n"
        b"uossm-2019-08-21,ohchr-2019-08-08,partly_explained,as_of,2019-08-20,2019-08-08,wider,"
        b"up,true,83.2,83.2,own-rate; ohchr-2019-08-08,,"
        b"\"OHCHR's figure runs to 8 August, UOSSM's to 20 August.\"\r\n"
        b"uossm-2019-08-21,ohchr-2019-08-08,partly_explained,perpetrators,pro-government,any,"
        b"narrower,down,false,,,,,'-UOSSM counts a narrower set and still more.\r\n"
    )


def test_export_files_writes_three_files_atomically(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = export_files(seed_sources(), REPORT, out)
    assert [path.name for path in written] == ["claims.csv", "pairs.csv", "gaps.csv"]
    for path in written:
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert b"\n" not in data.replace(b"\r\n", b"")
    with pytest.raises(UsageError, match="exist"):
        export_files(seed_sources(), REPORT, out)
    (out / "gaps.csv").unlink()
    with pytest.raises(UsageError, match=r"claims\.csv, .*pairs\.csv exist"):
        export_files(seed_sources(), REPORT, out)
    assert not (out / "gaps.csv").exists()  # nothing half-written
    assert export_files(seed_sources(), REPORT, out, force=True, bom=False) == written
    assert not (out / "claims.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_files_writes_references_with_their_own_catalogue(tmp_path: Path) -> None:
    rows = [{"name": "GED", "count": 12}]
    written = export_files(seed_sources(), None, tmp_path, references=(COLUMNS, rows))
    assert [path.name for path in written] == ["claims.csv", "references.csv"]
    assert (tmp_path / "references.csv").read_bytes() == (
        b"\xef\xbb\xbfname,count,rate,day,ok\r\nGED,12,,,\r\n"
    )


def test_exports_are_deterministic() -> None:
    first = to_csv_bytes("claims", claims_rows(seed_sources()), bom=True, hxl=True)
    second = to_csv_bytes("claims", claims_rows(seed_sources()), bom=True, hxl=True)
    assert first == second


def test_columns_markdown_covers_every_column() -> None:
    text = columns_markdown()
    for table in TABLES.values():
        assert f"### `{table.filename}`" in text
        for column in table.columns:
            assert f"| `{column.name}` | {column.type} | `{column.hxl}` |" in text


@pytest.mark.skipif(
    not README.exists() or "### `claims.csv`" not in README.read_text(encoding="utf-8"),
    reason="the README has no generated CSV column section yet",
)
def test_readme_csv_columns_are_current() -> None:
    readme = README.read_text(encoding="utf-8")
    assert columns_markdown() in readme, "README CSV columns are stale: paste columns_markdown()"


def test_gap_high_is_filled_for_floors_as_its_column_says(tmp_path: Path) -> None:
    """The gap is taken between the stated figures, a floor at its bound: `gap_high` is never
    empty, for floors too (the catalogue said "empty when open"; issue 17 item 6)."""
    from casualty_recon import compare, load
    from casualty_recon.model.columns import TABLES

    sources = load(README.parent / "sources.yaml")
    rows = csv_export.pairs_rows(compare(sources))
    figures = {claim.id: claim.figure for claim in sources.claims}
    floors = [row for row in rows if figures[str(row["a"])].high is None]
    assert floors and all(row["gap_high"] is not None for row in rows)
    gap_high = next(c for c in TABLES["pairs"].columns if c.name == "gap_high")
    assert "empty when open" not in gap_high.description and "floor" in gap_high.description


def test_exported_csv_reads_with_the_csv_module_in_utf_8_sig(tmp_path: Path) -> None:
    """Files start with a byte order mark: Python's csv module needs `encoding="utf-8-sig"`
    (the README says so), or the first header is '\\ufeffid'."""
    import csv

    from typer.testing import CliRunner

    from casualty_recon.cli.app import app

    out = tmp_path / "tables"
    result = CliRunner().invoke(
        app, ["export", str(README.parent / "sources.yaml"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    with (out / "claims.csv").open(encoding="utf-8-sig", newline="") as stream:
        header = next(csv.reader(stream))
    assert header[0] == "id"
    with (out / "claims.csv").open(encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream))[0] == "\ufeffid"
    readme = README.read_text(encoding="utf-8")
    assert 'encoding="utf-8-sig"' in readme


def test_every_csv_the_package_writes_is_a_table_of_the_catalogue() -> None:
    """Each `rows_to_csv` call in the package names a catalogue of model/columns.py that is in
    `TABLES`, so the README's CSV section (rendered from TABLES) shows every file we write."""
    import ast

    from casualty_recon.model import columns as catalogue

    package = Path(__file__).resolve().parents[1] / "casualty_recon"
    tabled = {table.columns for table in TABLES.values()}
    calls = 0
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "rows_to_csv"):
                continue
            calls += 1
            where = f"{path.relative_to(package)}:{node.lineno}"
            first = node.args[0]
            if path.name == "csv.py" and ast.unparse(first) in ("columns", "TABLES[table].columns"):
                continue  # render/csv.py: a catalogue passed on by its caller, or from TABLES
            assert isinstance(first, ast.Name), where
            assert getattr(catalogue, first.id, None) in tabled, where
    assert calls >= 4


def test_a_link_probability_keeps_four_decimals_and_counts_keep_one() -> None:
    """people.csv's match_probability is not a count: 0.987654 is 0.9877, not 1 (its column
    says decimals=4); a rate in pairs.csv still has one decimal."""
    from casualty_recon.model.columns import PEOPLE_COLUMNS

    probability = next(c for c in PEOPLE_COLUMNS if c.name == "match_probability")
    text = csv_export.rows_to_csv([probability], [{"match_probability": 0.987654}], bom=False)
    assert text.decode("utf-8").splitlines()[1] == "0.9877"
    rate = Column("rate", "float", "#x", "A rate.")
    text = csv_export.rows_to_csv([rate], [{"rate": 144.86}], bom=False, delimiter=";")
    assert text.decode("utf-8").splitlines()[1] == "144,9"
