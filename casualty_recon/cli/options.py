"""Options shared by the commands, declared once (as sqlite-utils' `output_options`): the input
file, the output format, the output file, --force, --source and --chart."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from casualty_recon.events.dates import DATE_FORMATS
from casualty_recon.render.registry import RENDERERS, all_formats

# The formats come from the one registry (which imports nothing heavy); a command checks its own.
FORMAT_METAVAR = "<" + "|".join(all_formats()) + ">"

FileArgument = Annotated[
    str,
    typer.Argument(help="sources.yaml, a claims .csv, or - for standard input.", show_default=True),
]


def dash_is_stdout(value: Path | None) -> Path | None:
    """`-o -`: standard output, as without -o (never a file named "-")."""
    return None if value is not None and str(value) == "-" else value


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (- for standard output); the format follows its suffix.",
        dir_okay=False,
        callback=dash_is_stdout,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="auto is table on a terminal and plain when piped.",
        metavar=FORMAT_METAVAR,
    ),
]


def _format_option(kind: str) -> Any:
    """`--format` listing only the formats `kind` is rendered in (a command's own choices)."""
    formats = all_formats({kind: RENDERERS[kind]})
    return typer.Option(
        "--format",
        "-f",
        help="auto is table on a terminal and plain when piped.",
        metavar="<" + "|".join(formats) + ">",
    )


ClaimsFormatOption = Annotated[str, _format_option("claims")]  # validate
TimelinesFormatOption = Annotated[str, _format_option("timelines")]  # timeline
EstimatesFormatOption = Annotated[str, _format_option("estimates")]  # estimate
ReferencesFormatOption = Annotated[str, _format_option("references")]  # events
SourceOption = Annotated[
    list[str] | None,
    typer.Option("--source", "-s", help="Only this source (repeatable)."),
]
ChartOption = Annotated[
    Path | None, typer.Option("--chart", help="Also draw the timelines chart (.png or .svg).")
]


# The order of numeric dates in an event file: the choices are `events.dates.DATE_FORMATS`.
DateFormat = StrEnum("DateFormat", [(order, order) for order in DATE_FORMATS])  # type: ignore[misc]

DateFormatOption = Annotated[
    DateFormat | None,
    typer.Option(
        "--date-format",
        help="dd/mm/yyyy or mm/dd/yyyy: how the event file writes dates like 05/07/2019, "
        "needed when none of its dates shows it (a day over 12).",
        metavar="<order>",
    ),
]
