"""`events`: sum an event dataset over each claim's window, area and population."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from casualty_recon.cli.common import choose_renderer, fail, load, show
from casualty_recon.cli.options import DateFormatOption, ReferencesFormatOption
from casualty_recon.events.layouts import KINDS
from casualty_recon.model.errors import CasualtyReconError, UsageError
from casualty_recon.model.usage import CLAIM_ID_UNKNOWN_BARE

# The choices of --kind follow the layout modules (events/layouts/): one list of dataset kinds.
EventKind = StrEnum("EventKind", [(kind, kind) for kind in KINDS])  # type: ignore[misc]


def events(
    dataset: Annotated[
        Path, typer.Argument(help="An event dataset CSV (UCDP GED, ACLED, Airwars).")
    ],
    claims: Annotated[
        str, typer.Option("--claims", help="The sources file whose claims to check.")
    ] = "sources.yaml",
    claim: Annotated[
        list[str] | None, typer.Option("--claim", help="Only this claim (repeatable).")
    ] = None,
    kind: Annotated[
        EventKind | None, typer.Option("--kind", help="The dataset's layout (default: detected).")
    ] = None,
    grades: Annotated[
        str | None,
        typer.Option("--grades", help="Airwars grades to count, e.g. Confirmed,Fair."),
    ] = None,
    date_prec: Annotated[
        int | None, typer.Option("--date-prec", help="GED: largest date_prec to count.")
    ] = None,
    where_prec: Annotated[
        int | None, typer.Option("--where-prec", help="GED: largest where_prec to count.")
    ] = None,
    date_format: DateFormatOption = None,
    fmt: ReferencesFormatOption = "auto",
) -> None:
    """Sum an event dataset over each claim's window, area and population.

    Examples:

    \b
      casualty-recon events airwars.csv --claims sources.yaml

    \b
      casualty-recon events ged.csv --claim ohchr-2019-08-29 --format json
    """
    try:
        choose_renderer("references", fmt, None, "events")  # a bad format fails before any work
        sources = load(claims)
        from casualty_recon.events import cross_check, load_events
        from casualty_recon.render.progress import LARGE_FILE, file_size, stages
        from casualty_recon.render.references import EventReferences

        with stages(file_size(dataset) >= LARGE_FILE) as progress:  # on a terminal only
            progress.stage(f"reading events from {dataset}")
            table = load_events(
                dataset,
                kind=kind.value if kind else None,
                date_format=date_format.value if date_format else None,
            )
        chosen_claims = sources.claims
        if claim:
            known = {c.id for c in sources.claims}
            for claim_id in claim:
                if claim_id not in known:
                    raise UsageError.of(CLAIM_ID_UNKNOWN_BARE, claim_id=claim_id)
            chosen_claims = [c for c in sources.claims if c.id in set(claim)]
        refs = cross_check(
            table,
            chosen_claims,
            grades=[g.strip() for g in grades.split(",") if g.strip()] if grades else None,
            date_prec=date_prec,
            where_prec=where_prec,
        )
        found = EventReferences(table.summary(), list(refs), tuple(table.notes))
        show("references", found, fmt, command="events")
    except CasualtyReconError as error:
        fail(error)
