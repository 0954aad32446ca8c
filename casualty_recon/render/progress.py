"""Progress on standard error for long work, silent when standard error is not a terminal.

`stages(enabled)` gives a context manager yielding a `Stages` whose `stage(label)` names the
step under way (loading events, comparing claims, rendering): on a terminal a transient
rich.progress line (spinner, label, elapsed time) that is gone when the work ends; otherwise
nothing at all, so pipes, files and CI logs stay byte-for-byte the same. rich.progress is
imported only when the line is shown. Only the command line uses this module.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

__all__ = ["LARGE_FILE", "LARGE_REPORT", "Stages", "file_size", "stages"]

LARGE_REPORT = 2_000  # claims: a report of at least this many shows its stages
LARGE_FILE = 1_000_000  # bytes: loading a file this large shows its stage


def file_size(path: object) -> int:
    """The size of the file at `path` in bytes, 0 when it cannot be read (standard input)."""
    import os

    try:
        return os.stat(str(path)).st_size
    except OSError:
        return 0


class Stages:
    """Names the step under way; a no-op when nothing is shown."""

    def __init__(self, progress: Progress | None = None, task: TaskID | None = None) -> None:
        self._progress = progress
        self._task = task

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def stage(self, label: str) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=label)


@contextmanager
def stages(enabled: bool = True, stream: Any = None) -> Iterator[Stages]:
    """A progress line on `stream` (standard error) while the block runs, if `enabled` and the
    stream is a terminal."""
    stream = sys.stderr if stream is None else stream
    if not enabled or not getattr(stream, "isatty", lambda: False)():
        yield Stages()
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream, highlight=False)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("working", total=None)
        yield Stages(progress, task)
