"""What every command shares: exit codes, error reporting, loading, the output format and where
the output goes. Light on purpose: nothing here imports the engine, rich or pandas at start-up.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from casualty_recon.model.errors import CasualtyReconError, InputError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from casualty_recon.model.claims import Sources
    from casualty_recon.render.registry import Rendered, Renderer


class ExitCode(IntEnum):
    OK = 0
    BAD_DATA = 1
    USAGE = 2
    INTERNAL = 70


REPORT_URL = "https://github.com/casualty-recon/casualty-recon/issues"


def stderr(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def fail(error: CasualtyReconError) -> NoReturn:
    """Report a located error (or a usage error) on stderr and exit with its code."""
    if isinstance(error, InputError):
        for problem in error.problems:
            stderr(str(problem))
        count = len(error.problems)
        stderr(f"{count} error{'s' if count != 1 else ''}")
        raise typer.Exit(ExitCode.BAD_DATA)
    if isinstance(error, UsageError):
        stderr(f"error: {error.message}")
        if error.hint:
            stderr(f"  hint: {error.hint}")
        raise typer.Exit(ExitCode.USAGE)
    stderr(f"error: {error}")
    raise typer.Exit(ExitCode.BAD_DATA)


def load(path: str) -> Sources:
    from casualty_recon.analysis.kinds import check_assumptions
    from casualty_recon.load.loader import load as load_sources

    sources = load_sources(path)
    check_assumptions(sources)  # the loader cannot see the registry of kinds
    return sources


def date_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} {value!r} is not a date", "write it as YYYY-MM-DD") from None


def check_chart(chart: Path | None, force: bool) -> None:
    """Refuse a chart name before any work is done (and any output printed)."""
    if chart is None:
        return
    if chart.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"cannot draw a chart as {chart.name}", "name a .png or .svg file")
    if chart.exists() and not force:
        raise UsageError(f"{chart} exists", "pass --force to overwrite it")


def write_chart(series: list[Any], title: str | None, chart: Path, force: bool) -> None:
    from casualty_recon.render.chart import write_chart as draw

    draw(series, title, chart, force=force)
    stderr(f"wrote {chart}")


def console(to_stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=to_stderr, highlight=False, soft_wrap=False)


def is_terminal() -> bool:
    return sys.stdout.isatty()


# --- output ------------------------------------------------------------------------------------


def choose_renderer(kind: str, fmt: str, output: Path | None, command: str) -> Renderer:
    """The renderer for `--format fmt` (and `--output`), through the one registry of formats.

    `auto` takes the format from the output file's suffix, else table on a terminal and plain
    when piped.
    """
    from casualty_recon.render.registry import AUTO, SUFFIXES, format_for_suffix, renderer

    chosen = fmt.lower()
    if chosen == AUTO:
        if output is not None:
            found = format_for_suffix(output.suffix)
            if found is None:
                raise UsageError(
                    f"cannot tell the format of {output.name} from its suffix",
                    f"name it {', '.join(SUFFIXES)}, or pass --format",
                )
            chosen = found
        else:
            chosen = "table" if is_terminal() else "plain"
    return renderer(kind, chosen, command)


def emit(text: str | bytes, output: Path | None, force: bool) -> None:
    """Text to standard output, or to a new file (atomically; existing only with `force`)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from casualty_recon.render.atomic import write_new_file

    write_new_file(output, data, force=force)
    stderr(f"wrote {output}")


def show(
    kind: str,
    obj: object,
    fmt: str,
    *,
    command: str,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Render `obj` (a `kind` of the registry) in `fmt` and write it out."""
    from casualty_recon.render.registry import Target

    render = choose_renderer(kind, fmt, output, command)
    emit_rendered(render(obj, Target(to_file=output is not None)), output, force)


def emit_rendered(rendered: Rendered, output: Path | None, force: bool) -> None:
    if isinstance(rendered, str | bytes):
        emit(rendered, output, force)
    else:
        rendered(console())
