"""The README's generated sections, built from the code so they cannot go stale.

Each section sits between `<!-- BEGIN name -->` and `<!-- END name -->`; `make golden` rewrites
them, and tests/test_readme.py fails when one differs from what the code says.
"""

from __future__ import annotations

import re

from typer.testing import CliRunner

from casualty_recon.analysis.verdicts import catalogue_markdown
from casualty_recon.cli.app import COMMANDS, app
from casualty_recon.model.errors import ERROR_KINDS, ErrorKind
from casualty_recon.model.usage import USAGE_KINDS
from casualty_recon.render.csv import columns_markdown


def commands_section() -> str:
    runner = CliRunner()
    parts = []
    for command in COMMANDS:
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
        assert result.exit_code == 0, result.stderr
        parts.append(f"### `casualty-recon {command}`\n\n```text\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


def errors_section(kinds: dict[str, ErrorKind] = ERROR_KINDS) -> str:
    lines = ["| code | title | what it means |", "|---|---|---|"]
    for kind in kinds.values():
        lines.append(f"| `{kind.code}` | {kind.title} | {kind.description} |")
    return "\n".join(lines) + "\n"


SECTIONS = {
    "commands": commands_section,
    "catalogue": catalogue_markdown,
    "errors": errors_section,
    "usage-errors": lambda: errors_section(USAGE_KINDS),
    "csv-columns": lambda: columns_markdown(),
}


def pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- BEGIN {re.escape(name)} -->\n)(.*?)(<!-- END {re.escape(name)} -->)", re.S
    )


def render(readme: str) -> str:
    for name, build in SECTIONS.items():
        content = build()
        readme, count = pattern(name).subn(
            lambda m, content=content: m.group(1) + content + m.group(3), readme
        )
        if count != 1:
            raise AssertionError(f"README has no (or several) generated section {name!r}")
    return readme
