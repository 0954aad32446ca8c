"""`report`: compare the claims, every gap explained, with a verdict."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from casualty_recon.cli.common import (
    ExitCode,
    check_chart,
    choose_renderer,
    fail,
    load,
    show,
    stderr,
    write_chart,
)
from casualty_recon.cli.options import (
    ChartOption,
    DateFormatOption,
    FileArgument,
    ForceOption,
    FormatOption,
    OutputOption,
)
from casualty_recon.model.errors import CasualtyReconError, UsageError

if TYPE_CHECKING:
    from casualty_recon.analysis.report import Report


class FailOn(StrEnum):
    contradiction = "contradiction"
    unexplained = "unexplained"


# The verdicts each --fail-on value fails on.
FAILING = {
    FailOn.contradiction: ("contradiction",),
    FailOn.unexplained: ("contradiction", "unexplained"),
}


def report(
    file: FileArgument = "sources.yaml",
    fmt: FormatOption = "auto",
    output: OutputOption = None,
    force: ForceOption = False,
    pair: Annotated[
        tuple[str, str] | None,
        typer.Option("--pair", help="Compare just these two claims (two ids).", show_default=False),
    ] = None,
    against: Annotated[
        str | None, typer.Option("--against", help="Compare every claim with this one (an id).")
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", "-s", help="Only pairs involving this source (repeatable)."),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a pair has this verdict (unexplained also fails on contradiction).",
        ),
    ] = None,
    chart: ChartOption = None,
    events: Annotated[
        Path | None,
        typer.Option(
            "--events", help="Add references from an event dataset (GED, ACLED, Airwars)."
        ),
    ] = None,
    date_format: DateFormatOption = None,
) -> None:
    """Compare the claims: every gap explained, with a verdict.

    By default, within each group of claims whose scopes overlap, the latest claim of each
    source is compared with the latest of every other.

    Examples:

      casualty-recon report

      casualty-recon report --pair uossm-2019-08-20 ocha-reuters-2019-08-20

      casualty-recon report --against ohchr-2019-08-29 --format markdown -o report.md

      casualty-recon report --format json | jq '.pairs[].verdict'

      casualty-recon report --fail-on contradiction
    """
    try:
        check_chart(chart, force)
        choose_renderer("report", fmt, output, "report")  # a bad format fails before any work
        if pair is not None and against is not None:
            raise UsageError("--pair and --against cannot be used together")
        sources = load(file)
        from casualty_recon.analysis.report import compare

        result = compare(sources, pair=pair, against=against, only_sources=source or ())
        if events is not None:
            _add_references(result, events, date_format.value if date_format else None)
        show("report", result, fmt, command="report", output=output, force=force)
        if chart is not None:
            write_chart(result.timelines, sources.title, chart, force)
    except CasualtyReconError as error:
        fail(error)
    if fail_on is not None:
        failing = FAILING[fail_on]
        hits = [p for p in result.pairs if p.verdict in failing]
        if hits:
            stderr(f"{len(hits)} pair(s) with verdict {' or '.join(sorted(failing))}")
            raise typer.Exit(ExitCode.BAD_DATA)


def _add_references(result: "Report", dataset: Path, date_format: str | None) -> None:
    from casualty_recon.events import cross_check, load_events

    table = load_events(dataset, date_format=date_format)
    result.references = list(cross_check(table, result.claims))
