"""Event dataset layouts: one module each in events/layouts/, and every list of kinds from there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.events import KINDS, LAYOUTS
from casualty_recon.events.detect import Header, detect
from casualty_recon.events.layouts import layouts
from casualty_recon.model.errors import UsageError

FOLDER = Path(__file__).resolve().parents[1] / "casualty_recon" / "events" / "layouts"


def test_kinds_are_the_layout_modules() -> None:
    modules = sorted(p.stem for p in FOLDER.glob("*.py") if not p.stem.startswith("_"))
    assert list(KINDS) == modules
    assert {"ged", "acled", "airwars"} <= set(KINDS)
    assert list(LAYOUTS) == list(KINDS) == list(layouts())
    for kind, layout in LAYOUTS.items():
        assert layout.kind == kind


@pytest.mark.parametrize("kind", KINDS)
def test_each_layout_is_detected_from_its_required_columns(kind: str) -> None:
    layout = LAYOUTS[kind]
    header = Header("x.csv", tuple(layout.required_names()), hxl=False, encoding="utf-8")
    assert detect(header, LAYOUTS) is layout
    assert detect(header, LAYOUTS, kind.upper()) is layout


def test_an_unknown_kind_names_every_layout() -> None:
    header = Header("x.csv", ("a",), hxl=False, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        detect(header, LAYOUTS, "nope")
    assert caught.value.hint == f"use one of: {', '.join(KINDS)}"


def test_cli_kind_choices_are_the_kinds() -> None:
    result = CliRunner().invoke(app, ["events", "x.csv", "--kind", "nope"])
    assert result.exit_code == 2
    assert result.stdout == ""
    listed = ", ".join(f"'{kind}'" for kind in KINDS)
    assert result.stderr.startswith("error: invalid value for '--kind': ")  # the house form
    assert f"'nope' is not one of {listed}\n  hint: " in result.stderr


def test_readme_names_every_dataset() -> None:
    readme = (FOLDER.parents[2] / "README.md").read_text(encoding="utf-8")
    for layout in LAYOUTS.values():
        assert layout.title in readme
        assert f"--kind <{'|'.join(KINDS)}>" in readme


def test_importing_the_package_and_its_kinds_is_light() -> None:
    code = (
        "import sys, casualty_recon.events as e; e.KINDS; "
        "print(sorted(m for m in ('numpy', 'pandas', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
