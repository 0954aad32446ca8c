"""`casualty-recon lists ...`: validate, link and compare named-victim lists (issue 14).

A typer sub-app registered on the main app; the work is done by `casualty_recon.lists` and
rendered by `casualty_recon.render.lists`.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from casualty_recon.model.errors import CasualtyReconError, InputError, UsageError

if TYPE_CHECKING:
    from casualty_recon.lists.read import ListTable
    from casualty_recon.model.claims import Sources

lists_app = typer.Typer(
    name="lists",
    help=(
        "Named-victim lists (the `lists:` section of sources.yaml): validate them, link their "
        "records, and compare two lists or two releases of one list record by record."
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SourcesOption = Annotated[
    Path, typer.Option("--sources", "-s", help="The sources.yaml whose `lists:` name the files.")
]


class Engine(StrEnum):
    duckdb = "duckdb"
    spark = "spark"


def _fail(error: CasualtyReconError) -> NoReturn:
    """The app's error contract: located errors and exit 1, usage errors exit 2."""
    if isinstance(error, InputError):
        for problem in error.problems:
            sys.stderr.write(f"{problem}\n")
        count = len(error.problems)
        sys.stderr.write(f"{count} error{'s' if count != 1 else ''}\n")
        raise typer.Exit(1)
    if isinstance(error, UsageError):
        sys.stderr.write(f"error: {error.message}\n")
        if error.hint:
            sys.stderr.write(f"  hint: {error.hint}\n")
        raise typer.Exit(2)
    sys.stderr.write(f"error: {error}\n")
    raise typer.Exit(1)


def _sources(path: Path) -> Sources:
    from casualty_recon.load.loader import load

    sources = load(path)
    if not sources.lists:
        raise UsageError(f"{path} has no `lists:` section", "see README, 'Named-victim lists'")
    return sources


def _table(sources: Sources, key: str) -> ListTable:
    from casualty_recon.lists.read import read_list

    if key not in sources.lists:
        raise UsageError(
            f"no list `{key}` in {sources.path}", "lists: " + ", ".join(sorted(sources.lists))
        )
    return read_list(sources.lists[key])


@lists_app.command()
def validate(
    keys: Annotated[
        list[str] | None, typer.Argument(help="Lists to check (default: every list).")
    ] = None,
    sources_path: SourcesOption = Path("sources.yaml"),
    all_findings: Annotated[
        bool, typer.Option("--all", help="Print every finding, not the first 20 of each list.")
    ] = False,
) -> None:
    """Records, missing fields, duplicate IDs and impossible values of each list, by row.

    Exit code 1 when a list cannot be read or a claim's figure disagrees with its list's count.
    """
    try:
        from casualty_recon.lists.validate import validate_list
        from casualty_recon.render.lists import render_validation

        sources = _sources(sources_path)
        chosen = keys or list(sources.lists)
        checks, problems = [], []
        for key in chosen:
            try:
                checks.append(validate_list(_table(sources, key), sources))
            except InputError as error:
                problems.extend(error.problems)
        sys.stdout.write(render_validation(checks, all_findings=all_findings))
        if problems:
            raise InputError(problems)
        if any(not claim.agrees for check in checks for claim in check.claims):
            raise typer.Exit(1)
    except CasualtyReconError as error:
        _fail(error)
