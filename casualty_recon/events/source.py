"""Where an event file is read from, and the limit of its own it is read within.

Event datasets are large (UCDP GED is about 350 MB), so they have a limit of their own,
`EVENTS_MAX_BYTES` (2 GiB), which the environment variable `CASUALTY_RECON_EVENTS_MAX_BYTES`
raises or lowers (`4G`, `3000M`, a number of bytes); the error that refuses a file names it.

Every read of an event file goes through `open_events`, a stream (never the whole file in memory)
that refuses the file as soon as more than the limit has come from it, so a file that grows
while it is read is refused too. Before any read, `event_source` checks what the path is:

- a regular file (a symlink is followed): refused at once when its size is over the limit, so
  a sparse file of terabytes costs nothing;
- a FIFO (`--events <(zcat ged.csv.gz)`): given `load.reading.FIFO_WAIT` seconds for a writer,
  then copied in chunks, within the limit, to a temporary file that is removed after reading
  (the file is read more than once: its header, its columns, a line for a message);
- anything else (a character or block device such as `/dev/zero`, a socket, a directory): a
  located `file` problem, without reading it.

A gzip file, or a ZIP archive holding one CSV file (as UCDP publishes GED), is unpacked, within
the limit, to a temporary file read in its place; an archive of several CSV files, an Excel
workbook (itself a ZIP archive) or a Parquet file is refused with what it is. UTF-16 text (Excel's
"Unicode Text", little- or big-endian, told by its byte-order mark or by its NUL bytes) is
transcoded in chunks to a temporary UTF-8 file, within the limit, and read in its place.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import gzip
import io
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from casualty_recon.load import reading
from casualty_recon.load.yaml_nodes import utf16_order
from casualty_recon.model.claims import Location
from casualty_recon.model.errors import InputError, Problem, Template, UsageError
from casualty_recon.model.file_errors import (
    EVENTS_FIFO_NO_WRITER,
    EVENTS_NOT_REGULAR,
    EVENTS_NOT_UTF16,
    EVENTS_PARQUET,
    EVENTS_STREAM_TOO_LARGE,
    EVENTS_TOO_LARGE,
    EVENTS_UNREADABLE,
    EVENTS_WORKBOOK,
    EVENTS_ZIP_MANY,
    EVENTS_ZIP_NO_CSV,
)
from casualty_recon.model.usage import EVENTS_MAX_BYTES_BAD

__all__ = ["EVENTS_MAX_BYTES", "LIMIT_VARIABLE", "event_source", "events_limit", "open_events"]

EVENTS_MAX_BYTES = 2 << 30
LIMIT_VARIABLE = "CASUALTY_RECON_EVENTS_MAX_BYTES"
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
_SIZE = re.compile(r"\s*(\d+)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)


def events_limit() -> int:
    """The limit for event files: `CASUALTY_RECON_EVENTS_MAX_BYTES` when set, else 2 GiB.

    Raises UsageError when the variable is not a size (`4G`, `4GiB`, `3000M`, `3221225472`)."""
    text = os.environ.get(LIMIT_VARIABLE)
    if text is None or not text.strip():
        return EVENTS_MAX_BYTES
    match = _SIZE.fullmatch(text)
    value = int(match[1]) * _UNITS[match[2].lower()] if match else 0
    if value <= 0:
        raise UsageError.of(EVENTS_MAX_BYTES_BAD, variable=LIMIT_VARIABLE, value=text)
    return value


def _larger(size: int) -> str:
    """A limit that would let `size` bytes in, in whole GiB (at least twice 1 GiB)."""
    return f"{max(-(-size // (1 << 30)), 2)}G"


def _too_large(path: str, template: Template, limit: int, size: int) -> InputError:
    larger = _larger(size + 1)
    values = {"size": size, "limit": limit, "variable": LIMIT_VARIABLE, "larger": larger}
    return InputError([Problem.of(template, Location(path, 1, 1), **values)])


def _over(path: str, limit: int) -> Callable[[], InputError]:
    """The error of a stream that passed `limit`; the limit to suggest is twice it."""
    return lambda: _too_large(path, EVENTS_STREAM_TOO_LARGE, limit, 2 * limit)


def _refuse(path: str, template: Template, **values: object) -> InputError:
    return InputError([Problem.of(template, Location(path, 1, 1), **values)])


@contextlib.contextmanager
def event_source(path: str, limit: int) -> Iterator[str]:
    """The path to read the event file `path` from, within `limit` bytes: itself for a regular
    file, a temporary copy of a FIFO (removed on exit). Raises InputError located at `path`."""
    try:
        info = os.stat(path)
    except OSError as err:
        raise _refuse(path, EVENTS_UNREADABLE, reason=err.strerror or err) from None
    if stat.S_ISREG(info.st_mode):
        if info.st_size > limit:
            raise _too_large(path, EVENTS_TOO_LARGE, limit, info.st_size)
        copy = None
    elif stat.S_ISDIR(info.st_mode):
        raise _refuse(path, EVENTS_UNREADABLE, reason=os.strerror(errno.EISDIR))
    elif not stat.S_ISFIFO(info.st_mode):
        raise _refuse(path, EVENTS_NOT_REGULAR, kind=reading.special_kind(info.st_mode))
    else:
        copy = _copy_fifo(path, limit)
    unpacked = transcoded = None
    try:
        unpacked = _unpack(path, copy or path, limit)
        transcoded = _transcode_utf16(path, unpacked or copy or path, limit)
        yield transcoded or unpacked or copy or path
    finally:
        for temporary in (copy, unpacked, transcoded):
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def _unpack(path: str, data: str, limit: int) -> str | None:
    """A temporary file holding the CSV inside the gzip file or ZIP archive at `data` (shown as
    `path`), unpacked within `limit`; None when `data` is neither. Refuses a workbook, a Parquet
    file and an archive that does not hold exactly one CSV file."""
    try:
        with open(data, "rb") as file:
            magic = file.read(4)
    except OSError as err:
        raise _refuse(path, EVENTS_UNREADABLE, reason=err.strerror or err) from None
    if magic.startswith(b"PAR1"):
        raise _refuse(path, EVENTS_PARQUET)
    if magic.startswith(b"\x1f\x8b"):
        return _unpacked_copy(path, limit, lambda: cast(BinaryIO, gzip.open(data, "rb")))
    if magic not in (b"PK\x03\x04", b"PK\x05\x06"):  # an archive, or an empty one
        return None
    try:
        archive = zipfile.ZipFile(data)
    except (OSError, zipfile.BadZipFile) as err:
        raise _refuse(path, EVENTS_UNREADABLE, reason=err) from None
    with archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        if "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names):
            raise _refuse(path, EVENTS_WORKBOOK)
        tables = [
            name
            for name in names
            if name.lower().endswith((".csv", ".tsv", ".txt")) and "__MACOSX/" not in name
        ]
        if len(tables) > 1:
            raise _refuse(path, EVENTS_ZIP_MANY, count=len(tables), names=", ".join(tables))
        if not tables:
            raise _refuse(path, EVENTS_ZIP_NO_CSV, count=len(names))
        return _unpacked_copy(path, limit, lambda: cast(BinaryIO, archive.open(tables[0])))


class _Utf8FromUtf16(io.RawIOBase):
    """The UTF-16 bytes of `source` as UTF-8, decoded a chunk at a time (never whole)."""

    def __init__(self, source: BinaryIO, codec: str) -> None:
        self._source = source
        self._decoder = codecs.getincrementaldecoder(codec)()
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._pending) < size):
            chunk = self._source.read(reading.CHUNK)
            self._done = not chunk
            self._pending += self._decoder.decode(chunk, final=self._done).encode("utf-8")
        cut = len(self._pending) if size < 0 else size
        data, self._pending = self._pending[:cut], self._pending[cut:]
        return data

    def close(self) -> None:
        self._source.close()
        super().close()


def _transcode_utf16(path: str, data: str, limit: int) -> str | None:
    """A temporary UTF-8 copy of the UTF-16 file at `data` (shown as `path`), transcoded in
    chunks within `limit`; None when `data` is not UTF-16."""
    try:
        with open(data, "rb") as file:
            head = file.read(4096)
    except OSError as err:
        raise _refuse(path, EVENTS_UNREADABLE, reason=err.strerror or err) from None
    order = utf16_order(head)
    if order is None:
        return None
    # With a byte-order mark, "utf-16" reads the order from it and drops it.
    codec = (
        "utf-16-be" if order.startswith("big") else "utf-16-le" if "without" in order else "utf-16"
    )
    try:
        return _unpacked_copy(
            path,
            limit,
            lambda: cast(BinaryIO, _Utf8FromUtf16(open_events(data, path, limit), codec)),
        )
    except UnicodeDecodeError as err:
        raise _refuse(path, EVENTS_NOT_UTF16, order=order, reason=err.reason) from None


def _unpacked_copy(path: str, limit: int, opener: Callable[[], BinaryIO]) -> str:
    """Copy what `opener` gives (a decompressing stream) to a temporary file, within `limit`."""
    descriptor, copy = tempfile.mkstemp(prefix="casualty-recon-events-", suffix=".csv")
    try:
        with os.fdopen(descriptor, "wb") as target, opener() as source:
            reading.copy_bounded(source, target, limit, _over(path, limit))
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(copy)
        if isinstance(err, (OSError, EOFError, zipfile.BadZipFile)):
            raise _refuse(path, EVENTS_UNREADABLE, reason=err) from None
        raise
    return copy


def _copy_fifo(path: str, limit: int) -> str:
    """Copy what is written to the FIFO `path` to a temporary file, within `limit`."""
    seconds = reading.FIFO_WAIT
    try:
        handle = reading.wait_for_fifo(path, seconds)
    except OSError as err:
        raise _refuse(path, EVENTS_UNREADABLE, reason=err.strerror or err) from None
    if handle is None:
        raise _refuse(path, EVENTS_FIFO_NO_WRITER, seconds=seconds)
    try:
        descriptor, copy = tempfile.mkstemp(prefix="casualty-recon-events-", suffix=".csv")
    except OSError as err:
        os.close(handle)
        raise _refuse(path, EVENTS_UNREADABLE, reason=err.strerror or err) from None
    try:
        with os.fdopen(handle, "rb") as source, os.fdopen(descriptor, "wb") as target:
            reading.copy_bounded(source, target, limit, _over(path, limit))
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(copy)
        if isinstance(err, OSError):
            raise _refuse(path, EVENTS_UNREADABLE, reason=err.strerror or err) from None
        raise
    return copy


def open_events(source: str | Path, path: str, limit: int) -> io.BufferedReader:
    """The event file at `source` (shown as `path`) as a binary stream that raises a located
    `too-large` error as soon as more than `limit` bytes have come from it. Raises OSError."""
    return io.BufferedReader(reading.BoundedReader(str(source), limit, _over(path, limit)))
