"""Named-victim lists as sources (issue 14, part 1): the `lists:` section, reading, validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.lists.read import read_list
from casualty_recon.lists.validate import validate_list
from casualty_recon.load.loader import load
from casualty_recon.model.errors import InputError

SOURCES = """\
version: 1
sources:
  MoH: Ministry of Health
claims:
  - id: moh-list
    source: MoH
    figure: {figure}
    population: people
    outcome: killed
    area: Gaza
    as_of: 2024-01-31
    list: {claim_list}
lists:
  moh:
    file: {file}
    source: MoH
    as_of: 2024-01-31
    columns: {{id: ID, name: Name, sex: Sex, age: Age, dob: Born, dod: Died}}
    free: [Notes]
"""

CSV = (
    "ID,Name,Sex,Age,Born,Died,Notes\n"
    "1,أحمد علي,m,30,1993-05-01,2023-11-01,\n"
    "2,فاطمة حسن,f,150,1990-01-01,2023-12-01,\n"  # row 3: age 150
    "3,,f,20,2003-01-01,2002-01-01,\n"  # row 4: no name, death before birth
    "3,سارة محمود,x,abc,2001-13-45,2024-01-02,\n"  # row 5: duplicate ID, sex x, bad age, bad date
    "5,خالد يوسف,m,,,2024-03-01,late\n"  # row 6: death after as_of
)


def _write(
    tmp_path: Path,
    *,
    figure: str = "5",
    claim_list: str = "moh",
    file: str = "moh.csv",
    data: str = CSV,
) -> Path:
    (tmp_path / file).write_text(data, encoding="utf-8")
    path = tmp_path / "sources.yaml"
    path.write_text(SOURCES.format(figure=figure, claim_list=claim_list, file=file), "utf-8")
    return path


def test_lists_section_is_loaded_with_its_claims(tmp_path: Path) -> None:
    sources = load(_write(tmp_path))
    spec = sources.lists["moh"]
    assert spec.format == "csv" and spec.source == "MoH"
    assert spec.columns["dob"] == "Born" and spec.free == ("Notes",)
    assert spec.claims == ("moh-list",)
    assert spec.as_of is not None and spec.as_of.isoformat() == "2024-01-31"
    assert Path(spec.path) == tmp_path / "moh.csv"  # relative to sources.yaml


def test_findings_are_located_by_row_and_column(tmp_path: Path) -> None:
    sources = load(_write(tmp_path))
    check = validate_list(read_list(sources.lists["moh"]), sources)
    assert check.records == 5
    assert check.missing == {"id": 0, "name": 1, "sex": 0, "age": 1, "dob": 1, "dod": 0}
    assert check.duplicate_ids == 1
    found = {(f.kind, f.location.line, f.location.column, f.field) for f in check.findings}
    assert ("impossible", 3, 4, "age") in found  # age 150, row 3, column 4
    assert ("impossible", 4, 6, "dod") in found  # death before birth
    assert ("duplicate-id", 4, 1, "id") in found and ("duplicate-id", 5, 1, "id") in found
    assert ("unreadable", 5, 3, "sex") in found
    assert ("unreadable", 5, 4, "age") in found
    assert ("unreadable", 5, 5, "dob") in found
    assert ("impossible", 6, 6, "dod") in found  # after the list's as_of
    assert len(found) == 8
    assert [claim.agrees for claim in check.claims] == [True]


def test_cli_validate_reports_and_says_whether_the_claim_agrees(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["lists", "validate", "-s", str(_write(tmp_path))])
    assert ok.exit_code == 0, ok.stderr
    assert "records: 5;" in ok.stdout
    assert "claim moh-list (5) agrees with the list's 5 records" in ok.stdout
    assert "moh.csv:3:4: age 150 is outside 0 to 120" in ok.stdout
    assert "duplicate IDs: 1 (on 2 records)" in ok.stdout
    assert ok.stderr == ""
    bad = runner.invoke(
        app, ["lists", "validate", "-s", str(_write(tmp_path, figure="more than 9"))]
    )
    assert bad.exit_code == 1
    assert "DISAGREES with the list's 5 records" in bad.stdout


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"claim_list": "nope"}, "sources.yaml:12:11: `list` names no list of `lists`: `nope`"),
        ({"file": "absent.csv", "data": ""}, "absent.csv:1:1: cannot read list `moh`"),
        ({"data": "ID,Name\n1,x\n"}, "list `moh` has no column `Sex` (mapped to sex)"),
        (
            {"data": CSV.replace("2023-11-01,\n", "2023-11-01,a,b\n", 1)},
            "moh.csv:2:8: list `moh`: this row has 8 cells, the header 7",
        ),
        (
            {"data": CSV.replace(",late", ",late,x", 1)},
            "moh.csv:6:8: list `moh`: this row has 8 cells, the header 7",
        ),
        (
            {"data": CSV.replace(",late", ',"late', 1)},
            "moh.csv:6:7: list `moh`: a quote opened in this cell is never closed",
        ),
        (
            {"file": "moh.json", "data": '[{"ID": "1"}, ["2", "x"]]'},
            "moh.json:2:1: list `moh`: record 2 is not an object (list)",
        ),
    ],
)
def test_bad_lists_fail_with_located_errors(
    tmp_path: Path, kwargs: dict[str, str], message: str
) -> None:
    path = _write(tmp_path, **kwargs)
    if kwargs.get("file") == "absent.csv":
        (tmp_path / "absent.csv").unlink()
    result = CliRunner().invoke(app, ["lists", "validate", "-s", str(path)])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_json_syntax_error_is_located(tmp_path: Path) -> None:
    path = _write(tmp_path, file="moh.json", data='[{"ID": "1",\n "Name": oops}]')
    with pytest.raises(InputError) as caught:
        read_list(load(path).lists["moh"])
    problem = caught.value.problems[0]
    assert problem.code == "bad-list" and (problem.location.line, problem.location.column) == (
        2,
        10,
    )


def test_json_and_excel_lists_read_like_csv(tmp_path: Path) -> None:
    import pandas as pd

    records = [
        {
            "ID": 7,
            "Name": "ليلى",
            "Sex": "F",
            "Age": 4,
            "Born": "2019-02-03",
            "Died": "",
            "Notes": None,
        },
        {"ID": 8, "Name": "عمر", "Sex": "male", "Age": 150, "Born": "", "Died": "", "Notes": "x"},
    ]
    path = _write(tmp_path, file="moh.json", data=json.dumps(records, ensure_ascii=False))
    check = validate_list(read_list(load(path).lists["moh"]))
    assert check.records == 2 and check.missing["dob"] == 1
    assert [(f.location.line, f.location.column) for f in check.findings] == [(2, 4)]
    pd.DataFrame(records).to_excel(tmp_path / "moh.xlsx", index=False)
    (tmp_path / "sources.yaml").write_text(
        (tmp_path / "sources.yaml").read_text("utf-8").replace("moh.json", "moh.xlsx"), "utf-8"
    )
    table = read_list(load(tmp_path / "sources.yaml").lists["moh"])
    assert table.frame["id"].tolist() == ["7", "8"] and table.frame["row"].tolist() == [2, 3]
    assert validate_list(table).findings[0].location.line == 3


def test_a_list_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("casualty_recon.lists.read.LIST_MAX_BYTES", 10)
    with pytest.raises(InputError) as caught:
        read_list(load(_write(tmp_path)).lists["moh"])
    assert caught.value.problems[0].code == "too-large"


def test_a_claim_naming_a_list_in_a_file_without_lists_is_refused(tmp_path: Path) -> None:
    """The loader reads the `lists:` section only when there is one or a claim says `list:`: a
    claim naming a list in a file with no `lists:` at all is still checked."""
    text = SOURCES.format(figure="5", claim_list="moh", file="moh.csv").split("lists:")[0]
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path)
    assert [str(p).splitlines()[0] for p in caught.value.problems] == [
        f"error: {path}:12:11: `list` names no list of `lists`: `moh`"
    ]
    path.write_text(text.replace("    list: moh\n", ""), encoding="utf-8")
    assert load(path).lists == {}
