"""`report`: compare the claims, every gap explained, with a verdict."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from casualty_recon.cli.common import (
    ExitCode,
    chart_warnings,
    check_chart,
    choose_renderer,
    draw_chart,
    emit_rendered,
    fail,
    load,
    note_missing_glyphs,
    stderr,
)
from casualty_recon.cli.options import (
    DateFormatOption,
    FileArgument,
    ForceOption,
    FormatOption,
    OutputOption,
)
from casualty_recon.grammar.wording import label, or_list, plural
from casualty_recon.model.errors import CasualtyReconError, UsageError
from casualty_recon.model.usage import PAIR_AND_AGAINST

if TYPE_CHECKING:
    from casualty_recon.analysis.records import RecordLinks
    from casualty_recon.analysis.report import Report
    from casualty_recon.model.claims import Sources


class FailOn(StrEnum):
    contradiction = "contradiction"
    unexplained = "unexplained"


# The verdicts each --fail-on value fails on.
FAILING = {
    FailOn.contradiction: ("contradiction",),
    FailOn.unexplained: ("contradiction", "unexplained"),
}


EventsOption = Annotated[
    Path | None,
    typer.Option("--events", help="Add references from an event dataset (GED, ACLED, Airwars)."),
]
AllOption = Annotated[
    bool, typer.Option("--all", help="Show every pair in full, even in a summarised report.")
]
NoListsOption = Annotated[
    bool,
    typer.Option(
        "--no-lists",
        help="Do not link the lists behind claims that say `list:` (no records difference).",
    ),
]


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
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart",
            help="Draw a .png or .svg: with one pair (--pair), its waterfall (b, each effect, "
            "adjusted b, a); otherwise the timelines of the claims, titled by --source.",
        ),
    ] = None,
    events: EventsOption = None,
    show_all: AllOption = False,
    date_format: DateFormatOption = None,
    no_lists: NoListsOption = False,
) -> None:
    """Compare the claims: every gap explained, with a verdict.

    By default: the file's `compare:` pairs first, then for every two sources their claims of
    the same population and outcome nearest in date, and every coverage shortfall.

    Examples:

    \b
      casualty-recon report

    \b
      casualty-recon report --pair uossm-2019-08-20 ocha-reuters-2019-08-20

    \b
      casualty-recon report --against ohchr-2019-08-29 \\
        --format markdown -o report.md

    \b
      casualty-recon report --format json | jq '.pairs[].verdict'

    \b
      casualty-recon report --pair uossm-2019-08-20 ocha-reuters-2019-08-20 \\
        --chart pair.png

    \b
      casualty-recon report --format html -o report.html

    \b
      casualty-recon report --fail-on contradiction
    """
    try:
        check_chart(chart, force)
        choose_renderer("report", fmt, output, "report")  # a bad format fails before any work
        if pair is not None and against is not None:
            raise UsageError.of(PAIR_AND_AGAINST)
        from casualty_recon.render.progress import LARGE_FILE, LARGE_REPORT, file_size, stages

        with stages(file_size(file) >= LARGE_FILE) as progress:
            progress.stage(f"loading {file}")
            sources = load(file)
        from casualty_recon.analysis.report import compare, evidence_list
        from casualty_recon.render.registry import Target
        from casualty_recon.render.text import focus_ids

        # Progress (on a terminal only) for long work; the output is made inside, written after.
        with stages(len(sources.claims) >= LARGE_REPORT or events is not None) as progress:
            progress.stage(f"comparing {len(sources.claims):,} claims")
            result = compare(
                sources,
                pair=pair,
                against=against,
                only_sources=source or (),
                show_all=show_all,
                record_links=None if no_lists else record_links(sources),
            )
            if result.skipped:
                stderr(
                    f"note: left out {len(result.skipped)} claim(s) whose places or perpetrators"
                    f" do not overlap {against}'s: {evidence_list(result.skipped)}"
                )
            if events is not None:
                progress.stage(f"reading events from {events.name}")
                _add_references(result, events, date_format.value if date_format else None)
            progress.stage(f"writing the report of {len(result.pairs):,} pairs")
            render = choose_renderer("report", fmt, output, "report")
            focus = focus_ids(result) if pair is not None or against is not None else None
            link = _relative(chart, output) if chart is not None and output is not None else None
            with chart_warnings() as caught:  # the HTML page draws the timelines chart
                rendered = render(result, Target(output is not None, focus, chart=link))
        emit_rendered(rendered, output, force)
        note_missing_glyphs(caught)
        if chart is not None:
            _draw(result, chart, force, source or ())
    except CasualtyReconError as error:
        fail(error)
    if fail_on is not None:
        failing = FAILING[fail_on]
        hits = [p for p in result.pairs if p.verdict in failing]
        if hits:
            pairs, verdicts = plural(len(hits), "pair"), or_list(label(v) for v in sorted(failing))
            stderr(f"--fail-on {fail_on.value}: {pairs} with the verdict {verdicts}")
            raise typer.Exit(ExitCode.BAD_DATA)


def record_links(sources: "Sources") -> "RecordLinks | None":
    """The linkage of the lists behind claims that say `list:`, run on first use for each
    pair of lists (the default model and threshold, DuckDB), progress on stderr."""
    if not any(spec.claims for spec in sources.lists.values()):
        return None
    from casualty_recon.lists.link import LinkOptions
    from casualty_recon.lists.record_counts import ListLinks

    return ListLinks(sources, LinkOptions(progress=stderr), stderr)


def _draw(result: "Report", chart: Path, force: bool, sources: list[str] | tuple[()]) -> None:
    """One pair: its waterfall; more: the timelines chart, titled by --source and the file."""
    from casualty_recon.render.chart import write_chart
    from casualty_recon.render.waterfall import write_waterfall

    if len(result.pairs) == 1:
        draw_chart(lambda: write_waterfall(result.pairs[0], chart, force=force), chart)
    else:
        title = result.sources.title
        draw_chart(
            lambda: write_chart(result.timelines, title, chart, force=force, sources=sources), chart
        )


def _relative(chart: Path, output: Path) -> str:
    """The chart's path as the Markdown file beside it links it."""
    import os

    return Path(os.path.relpath(chart.resolve(), output.resolve().parent)).as_posix()


def _add_references(result: "Report", dataset: Path, date_format: str | None) -> None:
    from casualty_recon.events import cross_check, load_events

    table = load_events(dataset, date_format=date_format)
    result.references = list(cross_check(table, result.claims))
    result.event_notes = tuple(table.notes)
