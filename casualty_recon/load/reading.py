"""Reading an input file within the input limit, in bounded memory.

Every reader of a user's input (sources.yaml, a claims CSV, standard input, the file `extract
--append` adds to) goes through `read_input`, which stops at the limit while reading: it reads
in chunks and never holds more than `limit + 1` bytes, so `/dev/zero` or a 2 GB sparse file is
refused at once instead of filling memory. What it accepts:

- a regular file (a symlink is followed), refused before reading when its size is over the limit;
- standard input (`-`), whatever it is (file, pipe, terminal);
- a FIFO: opened without blocking, then given `FIFO_WAIT` seconds for a writer to send
  something; a FIFO nobody writes to is a located `file` problem, not a hang;
- nothing else: character and block devices (`/dev/zero`, `/dev/urandom`), sockets and
  directories are a located `file` problem.

Files too big to hold in memory (event datasets) are streamed instead: `BoundedReader` is a binary
file that raises the caller's error as soon as more than its limit has come from it, `wait_for_fifo`
opens a FIFO without hanging when nobody writes to it, and `copy_bounded` copies a stream to a file
in chunks within a limit (a FIFO is copied once so it can be read several times).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import select
import stat
import sys
from collections.abc import Callable
from typing import BinaryIO

from casualty_recon.load.yaml_nodes import MAX_BYTES
from casualty_recon.model.claims import Location
from casualty_recon.model.errors import (
    FILE_STREAM_TOO_LARGE,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    SOURCES_FILE,
    STDIN_CLOSED,
    FileTemplates,
    InputError,
    Problem,
    Template,
)

__all__ = [
    "CHUNK",
    "FIFO_WAIT",
    "BoundedReader",
    "copy_bounded",
    "read_input",
    "read_stream",
    "special_kind",
    "wait_for_fifo",
]

CHUNK = 1 << 20
FIFO_WAIT = 10.0  # seconds a FIFO may stay silent before it is reported


def read_input(
    name: str,
    *,
    limit: int | None = None,
    label: str | None = None,
    files: FileTemplates = SOURCES_FILE,
) -> bytes:
    """The bytes of `name` (`-` for standard input), at most `limit` (the input limit).

    Raises InputError (code `file` or `too-large`) located at line 1 of `label` or `name`; a
    named file that cannot be read is reported with `files`, whose hints say what to give."""
    limit = MAX_BYTES if limit is None else limit
    shown = label or ("<stdin>" if name == "-" else name)
    where = Location(shown, 1, 1)
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError([Problem.of(STDIN_CLOSED, where)])
        return read_stream(stream, limit=limit, label=shown)
    try:
        info = os.stat(name)
    except OSError as err:
        raise _unreadable(where, err, files.unreadable) from None
    if stat.S_ISFIFO(info.st_mode):
        return _read_fifo(name, limit, where, files)
    if stat.S_ISDIR(info.st_mode):
        reason = os.strerror(errno.EISDIR)
        raise InputError([Problem.of(files.unreadable, where, reason=reason)])
    if not stat.S_ISREG(info.st_mode):
        raise InputError([Problem.of(files.not_regular, where, kind=_kind(info.st_mode))])
    if info.st_size > limit:
        size = info.st_size
        raise InputError([Problem.of(FILE_TOO_LARGE, where, size=size, limit=limit)])
    try:
        with open(name, "rb") as stream:
            return read_stream(stream, limit=limit, label=shown, unreadable=files.unreadable)
    except OSError as err:
        raise _unreadable(where, err, files.unreadable) from None


def read_stream(
    stream: BinaryIO,
    *,
    limit: int | None = None,
    label: str = "<stdin>",
    unreadable: Template = FILE_UNREADABLE,
) -> bytes:
    """Read `stream` to its end in chunks, refusing it as soon as it passes `limit` bytes."""
    limit = MAX_BYTES if limit is None else limit
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = stream.read(min(CHUNK, limit + 1 - size))
        except OSError as err:
            raise _unreadable(Location(label, 1, 1), err, unreadable) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(
                [Problem.of(FILE_STREAM_TOO_LARGE, Location(label, 1, 1), limit=limit)]
            )


def _read_fifo(name: str, limit: int, where: Location, files: FileTemplates) -> bytes:
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        raise _unreadable(where, err, files.unreadable) from None
    try:
        ready, _, _ = select.select([handle], [], [], FIFO_WAIT)
        if not ready:
            raise InputError([Problem.of(files.fifo_no_writer, where, seconds=FIFO_WAIT)])
        os.set_blocking(handle, True)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return read_stream(stream, limit=limit, label=where.path, unreadable=files.unreadable)
    finally:
        with contextlib.suppress(OSError):
            os.close(handle)


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _unreadable(where: Location, err: OSError, template: Template) -> InputError:
    return InputError([Problem.of(template, where, reason=err.strerror or str(err))])


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages (`a character device`)."""
    return _kind(mode)


class BoundedReader(io.RawIOBase):
    """The binary file `name`, read in the chunks its reader asks for, that raises `over()` as
    soon as more than `limit` bytes have come from it (it never reads past `limit + 1`), however
    the file grows or whatever it is: a sparse or endless input costs no memory."""

    def __init__(self, name: str, limit: int, over: Callable[[], Exception]) -> None:
        super().__init__()
        self._raw = open(name, "rb", buffering=0)  # noqa: SIM115 - closed by close()
        self._limit = limit
        self._over = over
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        room = self._limit + 1 - self.size
        view = memoryview(buffer).cast("B")
        count = self._raw.readinto(view[: min(len(view), room)]) or 0
        self.size += count
        if self.size > self._limit:
            raise self._over()
        return count

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


def wait_for_fifo(name: str, seconds: float) -> int | None:
    """A descriptor of the FIFO `name` (blocking) once a writer has sent something or closed it,
    None when nothing came in `seconds` (nobody writes to it). Raises OSError."""
    handle = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    try:
        ready, _, _ = select.select([handle], [], [], seconds)
    except BaseException:
        os.close(handle)
        raise
    if not ready:
        os.close(handle)
        return None
    os.set_blocking(handle, True)
    return handle


def copy_bounded(
    source: BinaryIO, target: BinaryIO, limit: int, over: Callable[[], Exception]
) -> int:
    """Copy `source` to `target` in chunks; raise `over()` as soon as more than `limit` bytes
    came. Returns the bytes copied."""
    size = 0
    while chunk := source.read(min(CHUNK, limit + 1 - size)):
        size += len(chunk)
        if size > limit:
            raise over()
        target.write(chunk)
    return size
