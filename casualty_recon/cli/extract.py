"""`extract`: find the toll statements in news articles and write them as claims."""

from pathlib import Path
from typing import Annotated

import typer

from casualty_recon.cli.common import date_option, fail
from casualty_recon.cli.options import ForceOption
from casualty_recon.model.errors import CasualtyReconError


def extract(
    articles: Annotated[
        list[str], typer.Argument(help="Article files (plain text or HTML), or - for stdin.")
    ],
    published: Annotated[
        str | None, typer.Option("--published", help="The article's date, YYYY-MM-DD.")
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="The article's URL.")] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Who published it (becomes relayed_by).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The sources.yaml to write (- for stdout)."),
    ] = None,
    append: Annotated[
        bool, typer.Option("--append", help="Add to an existing file, keeping its comments.")
    ] = False,
    force: ForceOption = False,
) -> None:
    """Find the toll statements in news articles and write them as claims.

    Examples:

    \b
      casualty-recon extract article.txt --published 2019-08-20 --outlet Reuters

    \b
      casualty-recon extract article.html --url https://... \\
        -o sources.yaml --append
    """
    try:
        from casualty_recon.cli.extract_run import run_extract

        run_extract(
            articles,
            published=date_option(published, "--published"),
            url=url,
            outlet=outlet,
            output=output,
            append=append,
            force=force,
        )
    except CasualtyReconError as error:
        fail(error)
