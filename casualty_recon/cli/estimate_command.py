"""`casualty-recon estimate FILE`: multiple systems estimation on overlap counts (issue 15).

Listed in the main app's table of commands (`cli.app.COMMANDS`). Errors and output go
through cli/common like every command's (atomic writes that refuse to overwrite without --force,
located errors with exit 1, usage errors with exit 2).
The estimation itself (numpy, scipy, networkx) is imported only when it runs.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from casualty_recon.cli.common import choose_renderer, emit, emit_rendered, fail, stderr
from casualty_recon.cli.options import EstimatesFormatOption, ForceOption, OutputOption
from casualty_recon.estimate.methods import METHODS
from casualty_recon.model.errors import CasualtyReconError, UsageError
from casualty_recon.model.usage import (
    CLAIM_NEEDS_SCOPE,
    ESTIMATE_CLAIM_FORMAT,
    ESTIMATE_CLAIM_SUFFIX,
    ESTIMATE_FILE_OR_LISTS,
    ESTIMATE_LINKING_NEEDS_LISTS,
    ESTIMATE_LISTS_TOO_FEW,
    LIST_NOT_IN_FILE,
    LIST_NOT_IN_FILE_NO_LISTS,
    OPTION_NOT_A_DATE,
)
from casualty_recon.render.registry import Target

if TYPE_CHECKING:
    from casualty_recon.estimate.result import Estimation

__all__ = ["estimate"]

# The choices of --method: `estimate.methods.METHODS`, in their order.
Method = StrEnum("Method", [(method, method) for method in METHODS])  # type: ignore[misc]


def _scope(
    source: str | None,
    population: str | None,
    outcome: str | None,
    area: str | None,
    as_of: str | None,
    url: str | None,
) -> object:
    from casualty_recon.estimate.claim import ClaimScope

    given = {
        "--source": source,
        "--population": population,
        "--outcome": outcome,
        "--area": area,
        "--as-of": as_of,
    }
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise UsageError.of(CLAIM_NEEDS_SCOPE, missing=", ".join(missing))
    assert source and population and outcome and area and as_of
    try:
        day = dt.date.fromisoformat(as_of)
    except ValueError:
        raise UsageError.of(OPTION_NOT_A_DATE, name="--as-of", value=as_of) from None
    return ClaimScope(source, population, outcome, area, day, url)


# The options of `--lists` (linking lists of sources.yaml before estimating).
ByOption = Annotated[
    str | None, typer.Option("--by", help="With --lists: strata, e.g. sex,place,period.")
]
SourcesOption = Annotated[
    Path, typer.Option("--sources", "-s", help="With --lists: the sources.yaml naming them.")
]
ThresholdOption = Annotated[
    float | None,
    typer.Option("--threshold", min=0.0, max=1.0, help="With --lists: link threshold (0.9)."),
]
NoIdsOption = Annotated[
    bool, typer.Option("--no-ids", help="With --lists: do not link on IDs first.")
]


def _check_claim_format(fmt: str, output: Path | None) -> None:
    """A claim is YAML for sources.yaml: refuse a format, or a file suffix, that says otherwise
    (it was written as YAML all the same)."""
    from casualty_recon.render.registry import AUTO, format_for_suffix

    if fmt.lower() != AUTO:
        raise UsageError.of(ESTIMATE_CLAIM_FORMAT, format=fmt.lower())
    found = format_for_suffix(output.suffix) if output is not None else None
    if output is not None and found not in (None, "plain"):
        raise UsageError.of(ESTIMATE_CLAIM_SUFFIX, name=output.name, format=found)


def _check_input(file: str | None, lists: str | None, linking: bool) -> None:
    if (file is None) == (lists is None):
        raise UsageError.of(ESTIMATE_FILE_OR_LISTS)
    if lists is None and linking:
        raise UsageError.of(ESTIMATE_LINKING_NEEDS_LISTS)


def _from_lists(
    lists: str,
    by: str | None,
    sources_path: Path,
    threshold: float | None,
    no_ids: bool,
    methods: tuple[str, ...],
    seed: int,
    iterations: int | None,
) -> Estimation:
    """Link the lists named in sources.yaml, count their patterns (`lists overlap`), estimate."""
    from casualty_recon.estimate import estimate_tables, parse_overlaps
    from casualty_recon.lists.link import DEFAULT_THRESHOLD, LinkOptions
    from casualty_recon.lists.overlap import overlap_csv, overlap_lists
    from casualty_recon.lists.read import read_list
    from casualty_recon.load.loader import load

    keys = [key.strip() for key in lists.split(",") if key.strip()]
    if len(keys) < 2:
        raise UsageError.of(ESTIMATE_LISTS_TOO_FEW)
    sources = load(sources_path)
    unknown = [key for key in keys if key not in sources.lists]
    if unknown:
        raise UsageError.of(
            LIST_NOT_IN_FILE if sources.lists else LIST_NOT_IN_FILE_NO_LISTS,
            key=unknown[0],
            path=sources.path,
            lists=", ".join(sorted(sources.lists)),
        )
    options = LinkOptions(
        use_ids=not no_ids,
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
        progress=stderr,
    )
    strata = [name.strip() for name in (by or "").split(",") if name.strip()]
    linked = overlap_lists([read_list(sources.lists[key]) for key in keys], options, strata)
    label = f"lists {', '.join(keys)}"
    tables = parse_overlaps(overlap_csv(linked), label)
    return estimate_tables(tables, path=label, methods=methods, seed=seed, iterations=iterations)


def estimate(
    file: Annotated[
        str | None,
        typer.Argument(help="Overlap counts: a CSV of list patterns and counts, or - for stdin."),
    ] = None,
    fmt: EstimatesFormatOption = "auto",
    output: OutputOption = None,
    force: ForceOption = False,
    method: Annotated[
        list[Method] | None,
        typer.Option("--method", "-m", help="Only this method (repeatable); default all."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the random draws.")] = 0,
    iterations: Annotated[
        int | None,
        typer.Option(
            "--iterations",
            min=100,
            help=(
                "Iterations of each of the latent-class sampler's 4 chains, half of them "
                "burn-in [default: until the chains mix, at most 25,000]."
            ),
        ),
    ] = None,
    claim: Annotated[
        bool,
        typer.Option("--claim", help="Write the estimate as a sources.yaml claim instead."),
    ] = False,
    source: Annotated[
        str | None, typer.Option("--source", help="With --claim: who made the estimate.")
    ] = None,
    population: Annotated[
        str | None, typer.Option("--population", help="With --claim: e.g. civilians.")
    ] = None,
    outcome: Annotated[
        str | None, typer.Option("--outcome", help="With --claim: e.g. killed.")
    ] = None,
    area: Annotated[str | None, typer.Option("--area", help="With --claim: the place.")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="With --claim: the day the lists run to.")
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="With --claim: where it is published.")
    ] = None,
    lists: Annotated[
        str | None,
        typer.Option("--lists", help="Instead of FILE: link these lists of sources.yaml (A,B,C)."),
    ] = None,
    by: ByOption = None,
    sources_path: SourcesOption = Path("sources.yaml"),
    threshold: ThresholdOption = None,
    no_ids: NoIdsOption = False,
) -> None:
    """Estimate how many people no list recorded, by every method, side by side.

    FILE holds how many people are on each pattern of lists (one 0/1 column per list and a
    count, or a pattern column with strata columns). Each method gives the total N with a 95%
    interval, the coverage it implies (observed / N) and the undocumented count (N - observed).

    Examples:

    \b
      casualty-recon estimate kosovo.csv

    \b
      casualty-recon estimate strata.csv --method latent-class \\
        --seed 7 --format json

    \b
      casualty-recon estimate kosovo.csv --claim --source HRDAG \\
        --population people --outcome killed --area Kosovo \\
        --as-of 1999-06-20 -o estimate.yaml

    \b
      casualty-recon estimate --lists moh,ngo,press --by sex -s sources.yaml
    """
    try:
        _check_input(file, lists, by is not None or threshold is not None or no_ids)
        scope = _scope(source, population, outcome, area, as_of, url) if claim else None
        if claim:
            _check_claim_format(fmt, output)
        # a bad format fails before any work; a claim is always sources.yaml text
        render = None if claim else choose_renderer("estimates", fmt, output, "estimate")
        from casualty_recon.estimate import estimate_file

        methods = tuple(m.value for m in method) if method else METHODS
        if lists is None:
            result = estimate_file(file or "-", methods=methods, seed=seed, iterations=iterations)
        else:
            result = _from_lists(
                lists, by, sources_path, threshold, no_ids, methods, seed, iterations
            )
        if scope is not None:
            from casualty_recon.estimate.claim import ClaimScope, claim_text

            assert isinstance(scope, ClaimScope)
            picked = method[0].value if method else None
            emit(claim_text(result, scope, picked), output, force)
            return
        assert render is not None
        emit_rendered(render(result, Target(to_file=output is not None)), output, force)
    except CasualtyReconError as error:
        fail(error)
