"""Lists at the edges (issue 14): missing columns, empty and tiny lists, lists with no pair under
any blocking rule. Each once crashed with a traceback; each must now just work (no link where
there is nothing to link, said in a note on stderr)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app

# Synthetic names (common Arabic given and family names, combined by hand), no real person.
NAMES = [
    "محمد أحمد علي النجار",
    "فاطمة خالد يوسف شهاب",
    "عمر حسن سامي الدلو",
    "مريم وائل هاني زقوت",
    "خالد جمال كريم حمدان",
]
SOURCES = """\
version: 1
sources:
  A: Source A
  B: Source B
claims: []
lists:
  la: {{file: a.csv, source: A, as_of: 2024-01-31, columns: {columns}}}
  lb: {{file: b.csv, source: {source_b}, as_of: 2024-04-30, columns: {columns}}}
"""


def _lists(
    folder: Path,
    header: str,
    rows_a: list[str],
    rows_b: list[str],
    columns: str,
    source_b: str = "B",
) -> Path:
    (folder / "a.csv").write_text("\n".join([header, *rows_a]) + "\n", encoding="utf-8")
    (folder / "b.csv").write_text("\n".join([header, *rows_b]) + "\n", encoding="utf-8")
    path = folder / "sources.yaml"
    path.write_text(SOURCES.format(columns=columns, source_b=source_b), encoding="utf-8")
    return path


def _run(args: list[str], sources: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "-s", str(sources)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_compare_two_releases_without_an_age_column(tmp_path: Path) -> None:
    """Two releases of one source without `age` (once `KeyError: 'age'`): the other changes
    are told, the age is not."""
    rows = [f"{n},{name},{'mf'[n % 2]}" for n, name in enumerate(NAMES)]
    later = [*rows[1:4], f"4,{NAMES[4]},f"]  # the last person's sex changed
    sources = _lists(tmp_path, "id,name,sex", rows, later, "{id: id, name: name, sex: sex}", "A")
    code, out, err = _run(["lists", "compare", "la", "lb"], sources)
    assert code == 0, err
    assert "in both: 4" in out and "only in la: 1" in out and "only in lb: 0" in out
    assert "0 added, 1 removed" in out and "changed sex: 1" in out
    assert "changed age" not in out


def test_compare_two_releases_with_only_a_name_column(tmp_path: Path) -> None:
    sources = _lists(tmp_path, "name", NAMES, NAMES[2:], "{name: name}", "A")
    code, out, err = _run(["lists", "compare", "la", "lb"], sources)
    assert code == 0, err
    assert "in both: 3" in out and "only in la: 2" in out
    assert "changed name: 0" in out and "changed sex" not in out and "changed age" not in out


NO_BLOCK = "no two records share a blocking key (name, name parts, birth date): no link"


def test_lists_with_no_pair_under_any_blocking_rule_have_no_link(tmp_path: Path) -> None:
    """No record pair under any blocking rule (once EMTrainingException in Splink's training):
    nothing to train or score, so Splink is not run; no link, a note."""
    rows_a = [f"{name},30" for name in NAMES[:2]]
    rows_b = [f"{name},40" for name in NAMES[2:]]
    sources = _lists(tmp_path, "name,age", rows_a, rows_b, "{name: name, age: age}")
    code, out, err = _run(["lists", "compare", "la", "lb"], sources)
    assert code == 0, err
    assert "in both: 0" in out and "only in la: 2" in out and "only in lb: 3" in out
    assert NO_BLOCK in err and "training" not in err
    code, out, err = _run(["lists", "link", "la", "lb"], sources)
    assert code == 0, err
    assert f"note: {NO_BLOCK}" in out


def test_em_on_a_rule_no_pair_agrees_on_keeps_the_priors(tmp_path: Path) -> None:
    """Two brothers: a pair under one blocking rule (father and family name), so the model is
    trained, but none under EM's rules (first and family name; the skeleton) and no exact name
    agreement (once EMTrainingException): the priors are kept, said in notes."""
    brothers = ["محمد أحمد علي النجار", "سامي أحمد علي النجار"]
    sources = _lists(tmp_path, "name", brothers[:1], brothers[1:], "{name: name}")
    code, out, err = _run(["lists", "link", "la", "lb"], sources)
    assert code == 0, err
    assert "note: EM blocked on first family: no pair of records agrees on it" in out
    assert "no pair of records agrees on it; priors kept" in err
    assert "no pair agrees exactly on name; prior set to" in err
    assert NO_BLOCK not in err


@pytest.mark.parametrize(
    ("rows_a", "rows_b", "both", "only_a", "only_b"),
    [
        ([], [], 0, 0, 0),  # two empty lists (once ZeroDivisionError)
        ([f"{n},30" for n in NAMES], [], 0, 5, 0),  # one empty list (once EMTrainingException)
        ([",30", ",40", ",50"], [",30", ",41"], 0, 3, 2),  # every name empty
        ([f"{NAMES[0]},30"], [f"{NAMES[1]},30"], 0, 1, 1),  # one record each (once ValueError)
    ],
    ids=["both-empty", "one-empty", "names-empty", "one-record-each"],
)
def test_empty_and_tiny_lists_compare_without_a_crash(
    tmp_path: Path, rows_a: list[str], rows_b: list[str], both: int, only_a: int, only_b: int
) -> None:
    sources = _lists(tmp_path, "name,age", rows_a, rows_b, "{name: name, age: age}")
    code, out, err = _run(["lists", "compare", "la", "lb"], sources)
    assert code == 0, err
    assert f"in both: {both}\n" in out
    assert f"only in la: {only_a}\n" in out and f"only in lb: {only_b}\n" in out
    assert "linking la" in err


def test_one_list_of_one_record_has_no_duplicates(tmp_path: Path) -> None:
    """`lists link` of a one-record list (once ZeroDivisionError in Splink's training)."""
    sources = _lists(tmp_path, "name,age", [f"{NAMES[0]},30"], [], "{name: name, age: age}")
    code, out, err = _run(["lists", "link", "la"], sources)
    assert code == 0, err
    assert "suspected duplicates at 0.90: 0 pairs" in out
    assert "note: fewer than two records in all: no pair to compare, no link" in out
    assert "no pair to compare" in err


def test_empty_lists_have_no_link_and_say_so(tmp_path: Path) -> None:
    sources = _lists(tmp_path, "name,age", [], [], "{name: name, age: age}")
    code, out, err = _run(["lists", "link", "la", "lb"], sources)
    assert code == 0, err
    assert "note: fewer than two records in all" in out
    lines = [line.split() for line in out.splitlines() if line.strip().startswith("0.90")]
    assert lines == [["0.90", "0", "0", "0", "0", "0", "(default)"]]


def test_compare_by_place_shows_the_places_as_the_lists_write_them(tmp_path: Path) -> None:
    """`by place` showed the matching key (`bogota`, `medellin`) where the lists write `Bogotá`
    and `Medellín`, while `lists overlap` showed the lists' own spelling. Each place is now
    shown as the lists write it most often (ties to the first in sorted order). Synthetic
    records; no two share a name, so nothing is linked and no model runs."""
    sources = _lists(
        tmp_path,
        "name,place",
        ["Ana Ruiz,Medellín", "Luis Soto, Bogotá", "Juan Vega,MEDELLÍN", "Rosa Pino,Medellín"],
        ["Carla Mejía,BOGOTÁ", "Pedro Rey,Bogotá", "Inés Lara,Cali"],
        "{name: name, place: place}",
    )
    code, out, err = _run(["lists", "compare", "la", "lb"], sources)
    assert code == 0, err
    section = out[out.index("by place:") :].splitlines()
    assert section[0].split() == ["by", "place:", "both", "only", "A", "only", "B"]
    assert [line.split() for line in section[1:4]] == [
        ["Bogotá", "0", "1", "2"],
        ["Cali", "0", "0", "1"],
        ["Medellín", "0", "3", "0"],
    ]
