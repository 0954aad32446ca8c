"""`init` (a starter sources.yaml) and `schema` (its JSON Schema)."""

from pathlib import Path
from typing import Annotated

import typer

from casualty_recon.cli.common import emit, fail
from casualty_recon.cli.options import ForceOption, OutputOption
from casualty_recon.model.errors import CasualtyReconError


def schema(output: OutputOption = None, force: ForceOption = False) -> None:
    """Print the JSON Schema (draft-07) of sources.yaml, for editors.

    Examples:

    \b
      casualty-recon schema -o sources.schema.json
    """
    from casualty_recon.analysis.kinds import assumable
    from casualty_recon.load.schema import schema_json

    try:
        emit(schema_json(assumable()), output, force)
    except CasualtyReconError as error:
        fail(error)


def init(
    file: Annotated[Path, typer.Argument(help="Where to write the starter file.")] = Path(
        "sources.yaml"
    ),
    force: ForceOption = False,
) -> None:
    """Write a commented starter sources.yaml (never overwrites without --force).

    Examples:

    \b
      casualty-recon init

    \b
      casualty-recon init syria.yaml
    """
    from casualty_recon.load.starter import STARTER

    try:
        emit(STARTER, file, force)
    except CasualtyReconError as error:
        fail(error)
