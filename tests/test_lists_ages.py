"""Issue 17, from a new user's review of `lists`: an age of -1 (how many lists write "unknown")
is read as unknown, not as an impossible value; other negative ages stay impossible. Changed
values print as written ("10 -> 68", not "10.0 -> 68.0") and the record is named as what it
is ("ID 973970452"). Synthetic records; the real Gaza MoH file only where present."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from test_lists import _write
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.lists.compare import Change, ListComparison
from casualty_recon.lists.read import read_list
from casualty_recon.lists.validate import validate_list
from casualty_recon.load.loader import load
from casualty_recon.model.lists import ListSpec
from casualty_recon.render.lists import render_comparison, render_validation

# Synthetic: ages -1 (twice), -3, 150, 40, empty.
AGES_CSV = (
    "ID,Name,Sex,Age,Born,Died,Notes\n"
    "1,A,m,-1,,,\n"
    "2,B,f,40,,,\n"
    "3,C,f,-3,,,\n"
    "4,D,m,-1,,,\n"
    "5,E,m,150,,,\n"
    "6,F,f,,,,\n"
)


def test_an_age_of_minus_one_is_unknown_and_other_negatives_impossible(tmp_path: Path) -> None:
    check = validate_list(read_list(load(_write(tmp_path, figure="6", data=AGES_CSV)).lists["moh"]))
    assert check.unknown_ages == 2
    assert check.missing["age"] == 3  # the empty cell and the two -1
    impossible = [(f.location.line, f.value) for f in check.findings if f.kind == "impossible"]
    assert impossible == [(4, "-3"), (6, "150")]
    text = render_validation([check])
    assert "  2 ages written as -1, read as unknown\n" in text
    assert "impossible values: 2;" in text
    assert "age -1 " not in text


def test_minus_one_from_a_json_number_is_unknown_too(tmp_path: Path) -> None:
    empty = {"Sex": "", "Born": "", "Died": "", "Notes": ""}
    records = [{"ID": 1, "Name": "A", "Age": -1, **empty}, {"ID": 2, "Name": "B", "Age": -1.0}]
    records[1].update(empty)
    path = _write(tmp_path, figure="2", file="moh.json", data=json.dumps(records))
    check = validate_list(read_list(load(path).lists["moh"]))
    assert (check.unknown_ages, check.count("impossible")) == (2, 0)


def test_lists_validate_says_how_many_ages_were_read_as_unknown(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["lists", "validate", "-s", str(_write(tmp_path, figure="6", data=AGES_CSV))]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "2 ages written as -1, read as unknown" in result.stdout
    assert "moh.csv:4:4: age -3 is outside 0 to 120" in result.stdout
    assert "age -1 is outside" not in result.stdout


def test_changed_ages_print_as_whole_numbers_with_the_record_named() -> None:
    comparison = ListComparison(
        keys=("list-a", "list-b"),
        sources=("S", "S"),
        threshold=0.9,
        sizes=(3, 3),
        people=pd.DataFrame({"status": ["both", "both", "both"]}),
        releases=True,
        changes=[
            Change(
                "age by more than a year",
                3,
                [
                    ("111", "10.0", "111", "68.0"),
                    ("row 5", "7.0", "973970452", "9.5"),
                    ("222", "30.0", "223", "28.0"),
                ],
            ),
            Change("name", 1, [("333", "Sami 2.0", "333", "Sami")]),
        ],
    )
    lines = render_comparison(comparison).splitlines()
    assert "    ID 111: 10 -> 68" in lines
    assert "    row 5: 7 -> 9.5 (ID 973970452 in list-b)" in lines
    assert "    ID 222: 30 -> 28 (ID 223 in list-b)" in lines
    assert "    ID 333: Sami 2.0 -> Sami" in lines  # only whole numbers lose their .0
    assert not any(".0 " in line for line in lines if line.startswith("    ID 2"))


DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "lists"


@pytest.mark.skipif(
    not (DATA / "gaza-moh-2024-01.json").exists(), reason=f"{DATA} is absent (shared data)"
)
def test_the_gaza_january_release_writes_997_ages_as_minus_one() -> None:
    spec = ListSpec(
        key="moh-01",
        path=str(DATA / "gaza-moh-2024-01.json"),
        source="MoH",
        format="json",
        columns={"id": "id", "name": "name", "age": "age"},
    )
    check = validate_list(read_list(spec))
    assert check.unknown_ages == 997
    assert not any(f.field == "age" and f.value == "-1" for f in check.findings)
