"""`timeline`: each source's claims as a cumulative series."""

from pathlib import Path
from typing import Annotated

import typer

from casualty_recon.cli.common import (
    check_chart,
    choose_renderer,
    date_option,
    draw_chart,
    emit,
    fail,
    load,
    show,
)
from casualty_recon.cli.options import (
    FileArgument,
    ForceOption,
    SourceOption,
    TimelinesFormatOption,
)
from casualty_recon.model.errors import CasualtyReconError, UsageError
from casualty_recon.model.usage import SOURCE_NOT_IN_FILE


def timeline(
    file: FileArgument = "sources.yaml",
    source: SourceOption = None,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Draw the series to this .png or .svg file.")
    ] = None,
    at: Annotated[
        str | None,
        typer.Option("--at", help="Also read every series on this day (YYYY-MM-DD)."),
    ] = None,
    fmt: TimelinesFormatOption = "auto",
    force: ForceOption = False,
) -> None:
    """Each source's claims as a cumulative series: rates, revisions, stale relays.

    With --at, each series is read on that day: interpolated between its neighbours, or
    extrapolated (with a warning) past its first or last date.

    Examples:

    \b
      casualty-recon timeline --source OHCHR

    \b
      casualty-recon timeline --source OHCHR --at 2019-08-20

    \b
      casualty-recon timeline --chart timeline.png
    """
    try:
        day = date_option(at, "--at")
        check_chart(chart, force)
        choose_renderer("timelines", fmt, None, "timeline")  # a bad format fails before any work
        sources = load(file)
        from casualty_recon.analysis.timeline import build_timelines

        for name in source or ():
            if name not in sources.sources:
                raise UsageError.of(
                    SOURCE_NOT_IN_FILE, name=name, sources=", ".join(sources.sources)
                )
        series = build_timelines(sources.claims, sources.about_tolerance)
        if source:
            series = [s for s in series if s.source in set(source)]
        if day is not None and fmt.lower() == "json":  # one document, the reading inside it
            from casualty_recon.render.timelines import timelines_json

            emit(timelines_json(series, day), None, False)
        else:
            show("timelines", series, fmt, command="timeline")
        if day is not None and fmt.lower() != "json":
            from casualty_recon.render.timelines import values_at_plain

            emit(values_at_plain(series, day, fmt.lower() == "markdown"), None, False)
        if chart is not None:
            from casualty_recon.render.chart import write_chart

            draw_chart(
                lambda: write_chart(
                    series, sources.title, chart, force=force, sources=source or ()
                ),
                chart,
            )
    except CasualtyReconError as error:
        fail(error)
