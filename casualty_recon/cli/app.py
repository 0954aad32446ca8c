"""The command line: options, calls into the library, rendering, exit codes. Nothing else.

Exit codes: 0 success, 1 bad data (located errors on stderr), 2 bad usage, 70 an internal error
(with how to report it; `--debug` shows the traceback).
"""

import datetime as dt
import os
import sys
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from casualty_recon import __version__
from casualty_recon.model.errors import CasualtyReconError, GrammarError, InputError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from casualty_recon.analysis.report import Report
    from casualty_recon.model.claims import Sources


class ExitCode(IntEnum):
    OK = 0
    BAD_DATA = 1
    USAGE = 2
    INTERNAL = 70


class Format(StrEnum):
    auto = "auto"
    table = "table"
    plain = "plain"
    markdown = "markdown"
    json = "json"
    csv = "csv"


class FailOn(StrEnum):
    contradiction = "contradiction"
    unexplained = "unexplained"


SUFFIX_FORMATS = {
    ".json": Format.json,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".csv": Format.csv,
    ".txt": Format.plain,
}
REPORT_URL = "https://github.com/casualty-recon/casualty-recon/issues"

app = typer.Typer(
    name="casualty-recon",
    help=(
        "Reconcile competing casualty figures: why two tolls differ, by how much each reason "
        "could account for, and whether they contradict each other.\n\n"
        "Examples:\n\n"
        "  casualty-recon init sources.yaml\n\n"
        "  casualty-recon validate sources.yaml\n\n"
        "  casualty-recon report sources.yaml --pair uossm-2019-08-20 ocha-reuters-2019-08-20\n\n"
        "  casualty-recon export sources.yaml --out tables/"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casualty-recon {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")
    ] = False,
) -> None:
    _state["debug"] = debug


# --- helpers -----------------------------------------------------------------------------------


def _stderr(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def _fail(error: CasualtyReconError) -> NoReturn:
    if isinstance(error, InputError):
        for problem in error.problems:
            _stderr(str(problem))
        count = len(error.problems)
        _stderr(f"{count} error{'s' if count != 1 else ''}")
        raise typer.Exit(ExitCode.BAD_DATA)
    if isinstance(error, UsageError):
        _stderr(f"error: {error.message}")
        if error.hint:
            _stderr(f"  hint: {error.hint}")
        raise typer.Exit(ExitCode.USAGE)
    _stderr(f"error: {error}")
    raise typer.Exit(ExitCode.BAD_DATA)


def _load(path: str) -> "Sources":
    from casualty_recon.load.loader import load

    return load(path)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def _console(stderr: bool = False) -> "Console":
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _resolve_format(fmt: Format, output: Path | None) -> Format:
    if fmt is not Format.auto:
        return fmt
    if output is not None:
        chosen = SUFFIX_FORMATS.get(output.suffix.lower())
        if chosen is None:
            raise UsageError(
                f"cannot tell the format of {output.name} from its suffix",
                "name it .txt, .md, .json or .csv, or pass --format",
            )
        return chosen
    return Format.table if _is_terminal() else Format.plain


def _check_chart(chart: Path | None, force: bool) -> None:
    """Refuse a chart name before any work is done (and any output printed)."""
    if chart is None:
        return
    if chart.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"cannot draw a chart as {chart.name}", "name a .png or .svg file")
    if chart.exists() and not force:
        raise UsageError(f"{chart} exists", "pass --force to overwrite it")


def _emit(text: str | bytes, output: Path | None, force: bool) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from casualty_recon.render.atomic import write_new_file

    write_new_file(output, data, force=force)
    _stderr(f"wrote {output}")


def _date_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} {value!r} is not a date", "write it as YYYY-MM-DD") from None


FileArgument = Annotated[
    str,
    typer.Argument(help="sources.yaml, a claims .csv, or - for standard input.", show_default=True),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file; the format follows its suffix.", dir_okay=False
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="auto is table on a terminal and plain when piped.",
        case_sensitive=False,
    ),
]


# --- commands ----------------------------------------------------------------------------------


@app.command()
def validate(
    file: FileArgument = "sources.yaml",
    fmt: FormatOption = Format.auto,
) -> None:
    """Check a sources file and show what was loaded.

    Every problem is reported at once as FILE:LINE:COLUMN with a hint; the exit code is 1 when
    there is any. Notes (a year taken from as_of, a default) go to stderr.

    Examples:

      casualty-recon validate

      casualty-recon validate claims.csv

      cat sources.yaml | casualty-recon validate -
    """
    try:
        sources = _load(file)
    except CasualtyReconError as error:
        _fail(error)
    for note in sources.notes:
        _stderr(str(note))
    summary = (
        f"{sources.path}: {len(sources.claims)} claims from {len(sources.sources)} sources, "
        f"{len(sources.areas)} areas, {len(sources.parties)} party groups, "
        f"{len(sources.assumptions)} assumptions: valid"
    )
    chosen = _resolve_format(fmt, None)
    if chosen is Format.json:
        import json

        from casualty_recon.analysis.report import claim_dict

        payload = {"valid": True, "claims": [claim_dict(c, sources) for c in sources.claims]}
        _emit(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", None, False)
        return
    if chosen is Format.table:
        from casualty_recon.render.terminal import claims_table

        console = _console()
        console.print(summary)
        console.print(claims_table(sources))
        return
    if chosen is Format.csv:
        from casualty_recon.render.csv import claims_rows, to_csv_bytes

        _emit(to_csv_bytes("claims", claims_rows(sources), bom=False), None, False)
        return
    if chosen is Format.markdown:
        from casualty_recon.render.claims import claims_markdown

        _emit(f"{summary}\n\n{claims_markdown(sources)}", None, False)
        return
    from casualty_recon.render.claims import claims_plain

    _emit(summary + "\n\n" + claims_plain(sources), None, False)


@app.command()
def report(
    file: FileArgument = "sources.yaml",
    fmt: FormatOption = Format.auto,
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
        Path | None, typer.Option("--chart", help="Also draw the timelines chart (.png or .svg).")
    ] = None,
    events: Annotated[
        Path | None,
        typer.Option(
            "--events", help="Add references from an event dataset (GED, ACLED, Airwars)."
        ),
    ] = None,
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
        _check_chart(chart, force)
        if output is not None:
            _resolve_format(fmt, output)
        sources = _load(file)
        from casualty_recon.analysis.report import compare

        if pair is not None and against is not None:
            raise UsageError("--pair and --against cannot be used together")
        result = compare(sources, pair=pair, against=against, only_sources=source or ())
        if events is not None:
            _add_references(result, events)
        chosen = _resolve_format(fmt, output)
        _render_report(result, chosen, output, force)
        if chart is not None:
            from casualty_recon.render.chart import write_chart

            write_chart(result.timelines, sources.title, chart, force=force)
            _stderr(f"wrote {chart}")
    except CasualtyReconError as error:
        _fail(error)
    if fail_on is not None:
        failing = (
            {"contradiction"}
            if fail_on is FailOn.contradiction
            else {
                "contradiction",
                "unexplained",
            }
        )
        hits = [p for p in result.pairs if p.verdict in failing]
        if hits:
            _stderr(f"{len(hits)} pair(s) with verdict {' or '.join(sorted(failing))}")
            raise typer.Exit(ExitCode.BAD_DATA)


def _add_references(result: "Report", dataset: Path) -> None:
    from casualty_recon.events import cross_check, load_events

    table = load_events(dataset)
    result.references = list(cross_check(table, result.claims))


def _render_report(result: "Report", chosen: Format, output: Path | None, force: bool) -> None:
    from casualty_recon.render import text as render_text

    if chosen is Format.table and output is None:
        from casualty_recon.render.terminal import print_report

        print_report(_console(), result)
        return
    if chosen is Format.json:
        text: str | bytes = render_text.report_json(result)
    elif chosen is Format.markdown:
        text = render_text.report_markdown(result)
    elif chosen is Format.csv:
        from casualty_recon.render.csv import gaps_rows, to_csv_bytes

        text = to_csv_bytes("gaps", gaps_rows(result.to_dict()), bom=output is not None)
    else:
        text = render_text.report_plain(result)
    _emit(text, output, force)


@app.command()
def export(
    file: FileArgument = "sources.yaml",
    out: Annotated[
        Path, typer.Option("--out", help="Directory to write the CSV files into.", file_okay=False)
    ] = Path("."),
    bom: Annotated[
        bool, typer.Option("--bom/--no-bom", help="UTF-8 byte order mark, for Excel.")
    ] = True,
    delimiter: Annotated[
        str, typer.Option("--delimiter", help="',' or ';' (for comma-decimal locales).")
    ] = ",",
    hxl: Annotated[bool, typer.Option("--hxl", help="Add the HXL hashtag row.")] = False,
    force: ForceOption = False,
    events: Annotated[
        Path | None, typer.Option("--events", help="Also write references.csv from this dataset.")
    ] = None,
) -> None:
    """Write claims.csv, pairs.csv and gaps.csv for spreadsheets.

    RFC 4180 with CRLF, UTF-8 with a BOM, formula-safe text cells; existing files are kept
    unless --force.

    Examples:

      casualty-recon export --out tables/

      casualty-recon export sources.yaml --out tables/ --delimiter ';' --hxl
    """
    try:
        sources = _load(file)
        from casualty_recon.analysis.report import compare
        from casualty_recon.render.csv import export_files

        result = compare(sources)
        references = None
        if events is not None:
            from casualty_recon.events import cross_check, load_events, reference_rows
            from casualty_recon.render.csv import REFERENCES_COLUMNS

            refs = cross_check(load_events(events), sources.claims)
            references = (REFERENCES_COLUMNS, reference_rows(refs))
        written = export_files(
            sources,
            result.to_dict(),
            out,
            bom=bom,
            delimiter=delimiter,
            hxl=hxl,
            force=force,
            references=references,
        )
    except CasualtyReconError as error:
        _fail(error)
    for path in written:
        _stderr(f"wrote {path}")


@app.command(name="import")
def import_claims(
    csv_file: Annotated[str, typer.Argument(help="A claims.csv (as export writes it).")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The sources.yaml to write.")
    ] = None,
    force: ForceOption = False,
) -> None:
    """Turn a claims CSV (edited in a spreadsheet) back into sources.yaml.

    Sources are created from the distinct source names; areas and party groups from the
    resolved columns.

    Examples:

      casualty-recon import claims.csv -o sources.yaml

      casualty-recon import claims.csv > sources.yaml
    """
    try:
        from casualty_recon.load.claims_csv import claims_csv_to_document
        from casualty_recon.load.loader import load_document
        from casualty_recon.load.yaml_nodes import decode
        from casualty_recon.load.yaml_writer import dump_sources_document

        data = sys.stdin.buffer.read() if csv_file == "-" else _read_bytes(csv_file)
        text, problems = decode(data, csv_file)
        if text is None:
            raise InputError(problems)
        first_line = text.split("\n", 1)[0]
        if ":" in first_line and "," not in first_line and ";" not in first_line:
            raise UsageError(
                f"{csv_file} looks like YAML, not a claims CSV",
                "import reads the claims.csv that `export` writes; a sources.yaml is read as is",
            )
        document, positions = claims_csv_to_document(text, csv_file)
        load_document(document, csv_file, positions)  # the result must load
        yaml_text = dump_sources_document(document)
        _emit(yaml_text, output, force)
    except CasualtyReconError as error:
        _fail(error)


def _read_bytes(path: str) -> bytes:
    from casualty_recon.model.claims import Location
    from casualty_recon.model.errors import Problem

    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise InputError(
            [Problem("file", Location(path, 1, 1), f"cannot read the file: {err.strerror}")]
        ) from None


@app.command()
def schema(output: OutputOption = None, force: ForceOption = False) -> None:
    """Print the JSON Schema (draft-07) of sources.yaml, for editors.

    Examples:

      casualty-recon schema -o sources.schema.json
    """
    from casualty_recon.load.schema import schema_json

    try:
        _emit(schema_json(), output, force)
    except CasualtyReconError as error:
        _fail(error)


@app.command()
def init(
    file: Annotated[Path, typer.Argument(help="Where to write the starter file.")] = Path(
        "sources.yaml"
    ),
    force: ForceOption = False,
) -> None:
    """Write a commented starter sources.yaml (never overwrites without --force).

    Examples:

      casualty-recon init

      casualty-recon init syria.yaml
    """
    from casualty_recon.load.starter import STARTER

    try:
        _emit(STARTER, file, force)
    except CasualtyReconError as error:
        _fail(error)


@app.command()
def timeline(
    file: FileArgument = "sources.yaml",
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only this source (repeatable).")
    ] = None,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Draw the series to this .png or .svg file.")
    ] = None,
    at: Annotated[
        str | None,
        typer.Option("--at", help="Also read every series on this day (YYYY-MM-DD)."),
    ] = None,
    fmt: FormatOption = Format.auto,
    force: ForceOption = False,
) -> None:
    """Each source's claims as a cumulative series: rates, revisions, stale relays.

    With --at, each series is read on that day: interpolated between its neighbours, or
    extrapolated (with a warning) past its first or last date.

    Examples:

      casualty-recon timeline --source OHCHR

      casualty-recon timeline --source OHCHR --at 2019-08-20

      casualty-recon timeline --chart timeline.png
    """
    try:
        day = _date_option(at, "--at")
        _check_chart(chart, force)
        sources = _load(file)
        from casualty_recon.analysis.timeline import build_timelines
        from casualty_recon.render.timelines import timelines_json, timelines_plain

        for name in source or ():
            if name not in sources.sources:
                raise UsageError(
                    f"no source {name!r}", "sources in this file: " + ", ".join(sources.sources)
                )
        series = build_timelines(sources.claims)
        if source:
            series = [s for s in series if s.source in set(source)]
        chosen = _resolve_format(fmt, None)
        if chosen is Format.csv:
            raise UsageError(
                "timeline has no CSV form", "use --format json, or export for the claims as CSV"
            )
        if chosen is Format.json:
            _emit(timelines_json(series), None, False)
        elif chosen is Format.table:
            from casualty_recon.render.timelines import print_timelines

            print_timelines(_console(), series)
        else:
            _emit(timelines_plain(series, markdown=chosen is Format.markdown), None, False)
        if day is not None:
            from casualty_recon.render.timelines import values_at_plain

            _emit(values_at_plain(series, day), None, False)
        if chart is not None:
            from casualty_recon.render.chart import write_chart

            write_chart(series, sources.title, chart, force=force)
            _stderr(f"wrote {chart}")
    except CasualtyReconError as error:
        _fail(error)


class EventKind(StrEnum):
    ged = "ged"
    acled = "acled"
    airwars = "airwars"


@app.command()
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
    fmt: FormatOption = Format.auto,
) -> None:
    """Sum an event dataset over each claim's window, area and population.

    Examples:

      casualty-recon events airwars.csv --claims sources.yaml

      casualty-recon events ged.csv --claim ohchr-2019-08-29 --format json
    """
    try:
        sources = _load(claims)
        from casualty_recon.events import cross_check, load_events, reference_rows, render_text

        table = load_events(dataset, kind=kind.value if kind else None)
        chosen_claims = sources.claims
        if claim:
            known = {c.id for c in sources.claims}
            for claim_id in claim:
                if claim_id not in known:
                    raise UsageError(f"no claim with id {claim_id!r}")
            chosen_claims = [c for c in sources.claims if c.id in set(claim)]
        refs = cross_check(
            table,
            chosen_claims,
            grades=[g.strip() for g in grades.split(",") if g.strip()] if grades else None,
            date_prec=date_prec,
            where_prec=where_prec,
        )
        chosen = _resolve_format(fmt, None)
        if chosen is Format.json:
            import json

            payload = {"events": table.summary(), "references": [r.to_dict() for r in refs]}
            _emit(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", None, False)
        elif chosen is Format.csv:
            from casualty_recon.render.csv import REFERENCES_COLUMNS, rows_to_csv

            _emit(rows_to_csv(REFERENCES_COLUMNS, reference_rows(refs), bom=False), None, False)
        else:
            _emit(table.summary() + "\n\n" + render_text(refs, rules=True), None, False)
    except CasualtyReconError as error:
        _fail(error)


@app.command()
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
        Path | None, typer.Option("--output", "-o", help="The sources.yaml to write.")
    ] = None,
    append: Annotated[
        bool, typer.Option("--append", help="Add to an existing file, keeping its comments.")
    ] = False,
    force: ForceOption = False,
) -> None:
    """Find the toll statements in news articles and write them as claims.

    Examples:

      casualty-recon extract article.txt --published 2019-08-20 --outlet Reuters

      casualty-recon extract article.html --url https://... -o sources.yaml --append
    """
    try:
        from casualty_recon.extract.cli_support import run_extract

        run_extract(
            articles,
            published=_date_option(published, "--published"),
            url=url,
            outlet=outlet,
            output=output,
            append=append,
            force=force,
        )
    except CasualtyReconError as error:
        _fail(error)


# Named-victim lists (issue 14): the `lists` sub-app lives in its own module.
from casualty_recon.cli.lists_command import lists_app  # noqa: E402

app.add_typer(lists_app)


def main() -> None:
    """The console script: run the app, turning unexpected errors into a report request."""
    try:
        app()  # standalone: usage errors exit 2, typer.Exit carries our exit codes
    except KeyboardInterrupt:
        _stderr("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`| head`): not an error. Silence the flush at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except GrammarError as error:
        _stderr(f"error: {error.message}")
        sys.exit(ExitCode.BAD_DATA)
    except Exception as error:
        if _state["debug"] or "--debug" in sys.argv:
            raise
        _stderr(
            f"error: unexpected {type(error).__name__}: {error}\n"
            f"  hint: this is a bug; please report it at {REPORT_URL} "
            "with the output of the same command run with --debug"
        )
        sys.exit(ExitCode.INTERNAL)
