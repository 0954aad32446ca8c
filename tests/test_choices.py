"""Each list of choices the command line offers is held once, where the work uses it: the
methods in `estimate.methods`, the linkage engines in `lists.engines`, the date orders in
`events.dates`, the event dataset kinds in `events.layouts`, the commands in `cli.app`."""

from __future__ import annotations

import ast
from pathlib import Path

from casualty_recon.cli.estimate_command import Method
from casualty_recon.cli.lists_command import Engine
from casualty_recon.cli.options import DateFormat
from casualty_recon.estimate.methods import METHODS
from casualty_recon.events.dates import DATE_FORMATS
from casualty_recon.lists.engines import ENGINES

CLI = Path(__file__).resolve().parents[1] / "casualty_recon" / "cli"
SOURCES = {"METHODS": METHODS, "ENGINES": ENGINES, "DATE_FORMATS": tuple(DATE_FORMATS)}


def test_the_cli_choices_are_their_sources_in_order() -> None:
    assert [m.value for m in Method] == list(METHODS)
    assert [e.value for e in Engine] == list(ENGINES)
    assert [d.value for d in DateFormat] == list(DATE_FORMATS)


def test_no_cli_module_spells_a_choice_of_its_own() -> None:
    """A choice written out as a string in cli/ is a second copy of its list: it would not
    follow a method, engine or date order added to (or renamed in) its source."""
    found = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            for name, choices in SOURCES.items():
                if node.value in choices:
                    found.append(f"{path.name}:{node.lineno}: {node.value!r} (from {name})")
    assert not found, found


def test_the_references_catalogue_names_no_dataset_kind() -> None:
    """references.csv's `kind` column is described without listing the kinds, which follow the
    layout modules (`events.layouts.KINDS`): a new layout needs no edit of model/columns.py."""
    import re

    from casualty_recon.events.layouts import KINDS
    from casualty_recon.model.columns import REFERENCES_COLUMNS

    assert KINDS
    for column in REFERENCES_COLUMNS:
        words = set(re.findall(r"[a-z]+", column.description))
        assert not words & set(KINDS), (column.name, column.description)


def test_the_readme_shows_the_help_of_every_command_of_the_app() -> None:
    """The README's commands section is generated from `cli.app.COMMANDS`, not a copy of it."""
    from readme_sections import commands_section

    from casualty_recon.cli.app import COMMANDS

    text = commands_section()
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == [f"### `casualty-recon {name}`" for name in COMMANDS]
