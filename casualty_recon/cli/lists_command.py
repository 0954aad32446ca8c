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

from casualty_recon.cli.common import fail
from casualty_recon.cli.options import dash_is_stdout
from casualty_recon.lists.engines import ENGINES
from casualty_recon.model.errors import CasualtyReconError, InputError, UsageError
from casualty_recon.model.usage import (
    FILE_EXISTS,
    LINK_ONE_OR_TWO,
    LIST_NOT_IN_FILE,
    LIST_NOT_IN_FILE_NO_LISTS,
    NO_LISTS_SECTION,
    OVERLAP_TOO_FEW,
)

if TYPE_CHECKING:
    from casualty_recon.lists.link import Linkage
    from casualty_recon.lists.read import ListTable
    from casualty_recon.model.claims import Sources

lists_app = typer.Typer(
    name="lists",
    help=(
        "Named-victim lists (the `lists:` section of sources.yaml): validate them, link their "
        "records, compare two lists or two releases of one list record by record, and count "
        "the people on each pattern of three or more lists for `estimate`."
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# The choices of --engine: `lists.engines.ENGINES`, the first the default.
Engine = StrEnum("Engine", [(engine, engine) for engine in ENGINES])  # type: ignore[misc]
DEFAULT_ENGINE = Engine(ENGINES[0])

SourcesOption = Annotated[
    Path, typer.Option("--sources", "-s", help="The sources.yaml whose `lists:` name the files.")
]


def _fail(error: CasualtyReconError) -> NoReturn:
    """The app's error contract: located errors and exit 1, usage errors exit 2."""
    fail(error)


def _sources(path: Path) -> Sources:
    from casualty_recon.load.loader import load

    sources = load(path)
    if not sources.lists:
        raise UsageError.of(NO_LISTS_SECTION, path=path)
    return sources


def _table(sources: Sources, key: str) -> ListTable:
    from casualty_recon.lists.read import read_list

    if key not in sources.lists:
        template = LIST_NOT_IN_FILE if sources.lists else LIST_NOT_IN_FILE_NO_LISTS
        lists = ", ".join(sorted(sources.lists))
        raise UsageError.of(template, key=key, path=sources.path, lists=lists)
    return read_list(sources.lists[key])


QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")]
OutForceOption = Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")]


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
        if checks:  # none read: nothing on stdout, the errors on stderr
            sys.stdout.write(render_validation(checks, all_findings=all_findings))
        if problems:
            raise InputError(problems)
        if any(not claim.agrees for check in checks for claim in check.claims):
            raise typer.Exit(1)
    except CasualtyReconError as error:
        _fail(error)


EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine", help="duckdb (in process) or spark (pyspark; Java 17+), same model on both."
    ),
]
MasterOption = Annotated[
    str, typer.Option("--master", help="Spark master: local[*] by default, or a cluster's URL.")
]
ThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--threshold", min=0.0, max=1.0, help="Match probability a link needs (default 0.9)."
    ),
]
NoIdsOption = Annotated[
    bool, typer.Option("--no-ids", help="Do not link on the ID column first (hide the IDs).")
]


def _progress(text: str) -> None:
    sys.stderr.write(f"{text}\n")


def _linkage(
    sources: Sources,
    keys: list[str],
    engine: Engine,
    master: str,
    threshold: float | None,
    no_ids: bool,
    quiet: bool,
) -> Linkage:
    from casualty_recon.lists.link import DEFAULT_THRESHOLD, LinkOptions, link_lists

    tables = [_table(sources, key) for key in keys]
    options = LinkOptions(
        engine=engine.value,
        master=master,
        use_ids=not no_ids,
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
        progress=None if quiet else _progress,
    )
    return link_lists(tables, options)


@lists_app.command()
def link(
    keys: Annotated[list[str], typer.Argument(help="One list (its duplicates) or two lists.")],
    sources_path: SourcesOption = Path("sources.yaml"),
    engine: EngineOption = DEFAULT_ENGINE,
    master: MasterOption = "local[*]",
    threshold: ThresholdOption = None,
    no_ids: NoIdsOption = False,
    quiet: QuietOption = False,
) -> None:
    """Link the records of two lists (or one list's duplicates): counts at several thresholds.

    Example: casualty-recon lists link moh-2024-01 moh-2024-04 --engine spark
    """
    try:
        from casualty_recon.render.lists import render_duplicates, render_linkage

        if len(keys) > 2:
            raise UsageError.of(LINK_ONE_OR_TWO)
        linkage = _linkage(_sources(sources_path), keys, engine, master, threshold, no_ids, quiet)
        sys.stdout.write(render_linkage(linkage))
        sys.stdout.write(render_duplicates(linkage))
    except CasualtyReconError as error:
        _fail(error)


@lists_app.command()
def compare(
    a: Annotated[str, typer.Argument(help="Key of list A (e.g. the earlier release).")],
    b: Annotated[str, typer.Argument(help="Key of list B.")],
    sources_path: SourcesOption = Path("sources.yaml"),
    engine: EngineOption = DEFAULT_ENGINE,
    master: MasterOption = "local[*]",
    threshold: ThresholdOption = None,
    no_ids: NoIdsOption = False,
    output: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write one row per person as CSV to this file."),
    ] = None,
    force: OutForceOption = False,
    examples: Annotated[int, typer.Option("--examples", min=0, help="Examples per change.")] = 5,
    quiet: QuietOption = False,
) -> None:
    """In both, only in A, only in B, by sex, age band, month of death and place; for two
    releases of one source, what was added, removed and changed.

    Example: casualty-recon lists compare moh-2024-01 moh-2024-04 --out people.csv
    """
    try:
        from casualty_recon.lists.compare import compare_lists
        from casualty_recon.render.atomic import write_new_file
        from casualty_recon.render.lists import people_csv, render_comparison

        if output is not None and output.exists() and not force:
            raise UsageError.of(FILE_EXISTS, path=output)
        sources = _sources(sources_path)
        linkage = _linkage(sources, [a, b], engine, master, threshold, no_ids, quiet)
        pair = (sources.lists[a].source, sources.lists[b].source)
        comparison = compare_lists(linkage, pair, examples=examples)
        sys.stdout.write(render_comparison(comparison))
        if output is not None:
            write_new_file(output, people_csv(comparison), force=force)
            if not quiet:
                _progress(f"wrote {output} ({len(comparison.people):,} people)")
    except CasualtyReconError as error:
        _fail(error)


@lists_app.command()
def overlap(
    keys: Annotated[
        list[str], typer.Argument(help="Two lists or more (three or more for most estimators).")
    ],
    sources_path: SourcesOption = Path("sources.yaml"),
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Strata, comma-separated: sex, place, age, period, or a column the lists keep.",
        ),
    ] = None,
    period: Annotated[
        str,
        typer.Option(
            "--period",
            help="`--by period` by the date of death: month, quarter, year, or declared periods "
            "START..END,START..END (days).",
        ),
    ] = "month",
    engine: EngineOption = DEFAULT_ENGINE,
    master: MasterOption = "local[*]",
    threshold: ThresholdOption = None,
    no_ids: NoIdsOption = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the counts to this file (default, or -: standard output).",
            callback=dash_is_stdout,
        ),
    ] = None,
    force: OutForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """Link every pair of the lists, put each person's records together (at most one record of
    each list per person) and count the people on each pattern of lists, by stratum: the
    counts `casualty-recon estimate` reads. A person with no value of a stratum is counted in
    the stratum "unknown".

    Example:

    \b
      casualty-recon lists overlap moh hrw ngo --by sex \\
        | casualty-recon estimate -
    """
    try:
        from casualty_recon.lists.link import DEFAULT_THRESHOLD, LinkOptions
        from casualty_recon.lists.overlap import overlap_csv, overlap_lists
        from casualty_recon.render.atomic import write_new_file

        if output is not None and output.exists() and not force:
            raise UsageError.of(FILE_EXISTS, path=output)
        if len(keys) < 2:
            raise UsageError.of(OVERLAP_TOO_FEW)
        sources = _sources(sources_path)
        tables = [_table(sources, key) for key in keys]
        options = LinkOptions(
            engine=engine.value,
            master=master,
            use_ids=not no_ids,
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            progress=None if quiet else _progress,
        )
        strata = [name.strip() for name in (by or "").split(",") if name.strip()]
        result = overlap_lists(tables, options, strata, period)
        text = overlap_csv(result)
        people = len(result.people)
        if output is None:
            sys.stdout.write(text)
        else:
            write_new_file(output, text.encode("utf-8"), force=force)
        if not quiet:
            strata_count = len(result.counts())
            _progress(
                f"{people:,} people on {len(keys)} lists at threshold {options.threshold:g}, "
                f"{strata_count} strat{'a' if strata_count != 1 else 'um'}"
                + (f"; wrote {output}" if output is not None else "")
            )
    except CasualtyReconError as error:
        _fail(error)
