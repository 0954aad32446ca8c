"""Hostile inputs (issue 16): a table of named cases, each an input and the exit code and first
error line it must give. None may end in an unexpected exception (exit 70 from `main`): CliRunner
runs with `catch_exceptions=False`, so one would fail the test with its traceback.

Every file is written here, in a temporary folder that is the working directory, so the
messages name short relative paths.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app

runner = CliRunner()

CLAIM = """version: 1
sources:
  A: {name: A, kind: un}
claims:
  - id: a1
    source: A
    figure: FIGURE
    population: civilians
    outcome: killed
    area: AREA
    as_of: 2019-08-01
"""


def claim_file(figure: str = "5", area: str = "Idlib", before: str = "", after: str = "") -> str:
    text = CLAIM.replace("FIGURE", figure).replace("AREA", area)
    return text.replace("version: 1\n", "version: 1\n" + before) + after


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes | Callable[[], str | bytes]]
    args: list[str]
    code: int
    # The first line of stderr starts with this.
    prefix: str
    # And stderr contains each of these.
    contains: tuple[str, ...] = field(default=())


CASES = [
    Case(
        "bare integer figure of 320 digits",
        {"s.yaml": claim_file("1" * 320)},
        ["validate", "s.yaml"],
        1,
        'error: s.yaml:7:13: cannot read figure "11111111111111111111...(320 characters)": it is '
        "over 1,000,000,000,000,000",
    ),
    Case(
        "figure bound of 47 digits in the mapping form",
        {"s.yaml": claim_file('"{low: ' + "9" * 40 + '}"')},
        ["validate", "s.yaml"],
        1,
        "error: s.yaml:7:13: cannot read figure",
        ("more than any count",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, content in case.files.items():
        data = content() if callable(content) else content
        path = tmp_path / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    result = runner.invoke(app, case.args, catch_exceptions=False)
    first = result.stderr.split("\n", 1)[0]
    assert result.exit_code == case.code, result.stderr
    assert first.startswith(case.prefix), result.stderr
    for text in case.contains:
        assert text in result.stderr
