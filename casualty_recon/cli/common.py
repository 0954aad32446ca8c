"""What every command shares: exit codes, error reporting, loading, the output format and where
the output goes. Light on purpose: nothing here imports the engine, rich or pandas at start-up.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

import typer

from casualty_recon.grammar.patterns import on_first_use
from casualty_recon.model.errors import CasualtyReconError, InputError, UsageError
from casualty_recon.model.usage import (
    CHART_SUFFIX_BAD,
    FILE_EXISTS,
    FORMAT_FROM_SUFFIX,
    OPTION_NOT_A_DATE,
    describe,
)

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


# Control characters other than tab and line feed (C0, DEL, C1) and the bidirectional overrides:
# text from an input file may hold terminal escapes (ESC ] 0; sets the window title, ESC [2J
# clears the screen, BEL rings); messages show them as escapes instead of sending them.
_CONTROL = on_first_use("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """`text` with every control character shown as an escape (`\\x1b`, `\\x07`, `\\u202e`)."""
    return _CONTROL().sub(
        lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text
    )


class EscapedStream:
    """A text stream that escapes control characters on the way to `target`: `main` puts it in
    place of stderr, so what other code and libraries print there (click's usage errors, the
    article names `extract` reports) is escaped too. Escaping twice changes nothing."""

    def __init__(self, target: TextIO) -> None:
        self._target = target

    def write(self, text: str) -> int:
        self._target.write(escape_controls(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._target.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


def stderr(text: str) -> None:
    """Write a message to standard error, one line or more, control characters escaped."""
    sys.stderr.write(escape_controls(text if text.endswith("\n") else text + "\n"))


# --- the standard streams ----------------------------------------------------------------------


class OutputFailed(Exception):
    """Writing to standard output failed (a closed pipe, a full disk). Not an OSError, so it
    passes typer's own handling of EPIPE (which exits 1) and reaches `app.main`."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.errno = error.errno
        self.reason = (error.strerror or str(error)).lower()


class GuardedOutput:
    """Standard output (text or its binary buffer) whose write and flush errors become
    `OutputFailed`; everything else is the stream's own."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> int:
        try:
            return int(self._stream.write(data))
        except OSError as error:
            raise OutputFailed(error) from error

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputFailed(error) from error

    @property
    def buffer(self) -> GuardedOutput:
        return GuardedOutput(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def open_standard_streams() -> None:
    """Make closed standard descriptors safe, and guard standard output.

    A descriptor 0, 1 or 2 closed by the caller (`>&-`, `<&-`) is opened on /dev/null, so no
    file this run opens can take its number (and receive the output meant for the terminal).
    Output to a closed stdout or stderr is dropped quietly; a closed stdin stays `None`, so a
    command that needs it says so (`load.reading`)."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
    if sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = cast(TextIO, GuardedOutput(sys.stdout))
    sys.stderr = cast(TextIO, EscapedStream(sys.stderr))


def discard_output() -> None:
    """Send what is still buffered for stdout to /dev/null (after a closed pipe or a full disk),
    so the flush at exit neither fails nor prints."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def fail(error: CasualtyReconError) -> NoReturn:
    """Report an error on stderr, as `model.usage.describe` lays it out (every problem of a
    file, with their count), and exit with its code: 1 bad data, 2 bad usage."""
    stderr(describe(error))
    if isinstance(error, InputError):
        count = len(error.problems)
        stderr(f"{count} error{'s' if count != 1 else ''}")
    raise typer.Exit(error.exit_code)


def load(path: str) -> Sources:
    import gc

    from casualty_recon.analysis.kinds import check_assumptions
    from casualty_recon.load.loader import load as load_sources

    # A command is a short process over one file: the cyclic collector would rescan every
    # loaded claim again and again as the analysis allocates (a third of the time of a 30,000-
    # claim report). Collect less often while loading, and keep what was loaded out of later
    # collections.
    gc.set_threshold(50_000, 20, 20)
    sources = load_sources(path)
    gc.freeze()
    check_assumptions(sources)  # the loader cannot see the registry of kinds
    return sources


def date_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError.of(OPTION_NOT_A_DATE, name=name, value=value) from None


def check_chart(chart: Path | None, force: bool) -> None:
    """Refuse a chart name before any work is done (and any output printed)."""
    if chart is None:
        return
    if chart.suffix.lower() not in (".png", ".svg"):
        raise UsageError.of(CHART_SUFFIX_BAD, name=chart.name)
    if chart.exists() and not force:
        raise UsageError.of(FILE_EXISTS, path=chart)
    from casualty_recon.render.atomic import check_directory

    check_directory(chart)


def draw_chart(draw: Callable[[], None], chart: Path) -> None:
    """Run `draw` (which writes `chart`), then say so. matplotlib's warnings (a glyph the font
    lacks, for instance) never reach stderr raw; the missing glyphs are named in one note."""
    with chart_warnings() as caught:
        draw()
    stderr(f"wrote {chart}")
    note_missing_glyphs(caught)


@contextmanager
def chart_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """matplotlib's warnings while a chart is drawn, caught for `note_missing_glyphs`."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def note_missing_glyphs(caught: list[warnings.WarningMessage]) -> None:
    """One note naming the characters the chart's font lacks, if any."""
    missing = sorted(
        {_character(m[1]) for w in caught if (m := _MISSING_GLYPH().search(str(w.message)))}
    )
    if missing:
        shown = ", ".join(missing[:8]) + (", ..." if len(missing) > 8 else "")
        stderr(
            f"note: the chart's font has no glyph for {len(missing)} character"
            f"{'s' if len(missing) != 1 else ''} of the text ({shown}): drawn as empty boxes"
        )


def _character(name: str) -> str:
    import unicodedata

    try:
        return unicodedata.lookup(name)
    except KeyError:
        return name


_MISSING_GLYPH = on_first_use(r"Glyph \d+ \(\\N\{(.+?)\}\) missing")


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
    from casualty_recon.render.registry import (
        AUTO,
        RENDERERS,
        SUFFIXES,
        format_for_suffix,
        renderer,
    )

    chosen = fmt.lower()
    if chosen == AUTO:
        if output is not None:
            found = format_for_suffix(output.suffix)
            if found is None:
                own = [suffix for suffix, name in SUFFIXES.items() if name in RENDERERS[kind]]
                raise UsageError.of(FORMAT_FROM_SUFFIX, name=output.name, suffixes=", ".join(own))
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
