"""Atomic file writes that never overwrite an existing file without being told to.

README, "CSV for spreadsheets": exports are written to a temporary file in the target's directory,
flushed to disk, then renamed over the target, so a reader never sees half a file and a crash leaves
the old file intact. Without `force`, an existing target is refused with a usage error (exit code
2).

Also:
- A target that is a symlink is written through: the file it points to gets the new content and
  the link stays.
- A target that exists but is not a regular file (a device node, a FIFO, a socket) is refused.
- Every write holds an advisory lock (`fcntl.flock` on `.NAME.lock` beside the real target), and
  so does a read-modify-write done inside `locked(target)` (`extract --append`): two runs never
  lose each other's update. A lock held by another process is waited for `LOCK_WAIT` seconds
  (the environment variable `CASUALTY_RECON_LOCK_WAIT` changes it), then refused with a usage
  error naming the lock. The lock file is removed when the lock is released (a waiter that got
  the removed file notices and locks the new one).
- Temporary files of this tool (`.NAME.XXXXXXXX.tmp`) that a killed run left in the folder are
  removed by the next write to that folder once they are `STALE_AFTER` seconds old.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import re
import stat
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import (
    CANNOT_WRITE,
    FILE_EXISTS,
    FILE_LOCKED,
    FILES_EXIST,
    NAME_TOO_LONG,
    TARGET_IS_DIRECTORY,
    TARGET_NOT_REGULAR,
    TARGET_PARENT_MISSING,
    TARGET_PARENT_NOT_DIRECTORY,
    WRITTEN_TWICE,
)

__all__ = [
    "LOCK_WAIT",
    "STALE_AFTER",
    "check_directory",
    "locked",
    "real_target",
    "write_files",
    "write_new_file",
]

LOCK_WAIT = 30.0
STALE_AFTER = 300.0
# mkstemp's names: the prefix `.NAME.`, eight characters, the suffix `.tmp`.
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
_held: dict[Path, int] = {}  # locks this process holds, by lock path, with their depth


def real_target(path: Path) -> Path:
    """The file a write to `path` changes: `path` itself, or what a symlink points to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextlib.contextmanager
def locked(target: Path, *, wait: float | None = None) -> Iterator[None]:
    """Hold the advisory lock of `target` (reentrant within this process)."""
    real = real_target(Path(target))
    if real.exists() and not real.is_file():
        yield  # a device or FIFO: no lock file beside it; writing it is refused anyway
        return
    lock = _lock_path(real)
    if lock in _held:
        _held[lock] += 1
        try:
            yield
        finally:
            _held[lock] -= 1
        return
    handle = _acquire(lock, target, _lock_wait() if wait is None else wait)
    if handle is None:
        # A folder this process cannot create files in (or a name too long for a lock): the
        # write itself fails there with its own message, so go on without the lock.
        yield
        return
    _held[lock] = 1
    try:
        yield
    finally:
        del _held[lock]
        # Unlink while still holding it: a waiter that then gets the old file sees that the
        # name no longer points to it and opens the new one (see `_acquire`).
        with contextlib.suppress(OSError):
            os.unlink(lock)
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)


def _lock_path(real: Path) -> Path:
    return real.parent / f".{real.name}.lock"


def _lock_wait() -> float:
    text = os.environ.get("CASUALTY_RECON_LOCK_WAIT")
    try:
        return max(0.0, float(text)) if text else LOCK_WAIT
    except ValueError:
        return LOCK_WAIT


def _acquire(lock: Path, target: Path, wait: float) -> int | None:
    """An open, locked handle on the lock file, or None when no lock file can be created."""
    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            if time.monotonic() >= deadline:
                raise UsageError.of(FILE_LOCKED, target=target, lock=lock, wait=wait) from None
            time.sleep(pause * (0.5 + random.random()))  # jitter: waiters do not wake together
            pause = min(pause * 2, 0.05)
            continue
        if _same_file(handle, lock):
            return handle
        os.close(handle)  # the holder removed it as we waited: lock the current one


def _same_file(handle: int, path: Path) -> bool:
    try:
        named = os.stat(path)
    except OSError:
        return False
    held = os.fstat(handle)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def write_new_file(path: Path, data: bytes, *, force: bool) -> None:
    """Write `data` to `path` atomically; refuse if `path` exists unless `force`."""
    write_files({path: data}, force=force)


def write_files(files: Mapping[Path, bytes], *, force: bool) -> None:
    """Write several files atomically, checking every target before touching any.

    All temporary files are written and flushed first; only then are they renamed into place,
    so a refused target, a full disk or a permission problem leaves every target untouched.
    """
    given = [Path(path) for path in files]
    _check_targets(given, force=force)
    targets = [real_target(path) for path in given]
    for directory in sorted({target.parent for target in targets}):
        _remove_stale_temporaries(directory)
    mode = _new_file_mode()
    staged: list[tuple[Path, Path]] = []
    with contextlib.ExitStack() as locks:
        for target in targets:
            locks.enter_context(locked(target))
        try:
            for target, data in zip(targets, files.values(), strict=True):
                staged.append((_stage(target, data, mode), target))
            for temp, target in staged:
                _publish(temp, target, force=force)
        finally:
            for temp, _ in staged:
                with contextlib.suppress(FileNotFoundError):
                    temp.unlink()
    for directory in sorted({target.parent for target in targets}):
        _fsync_directory(directory)


def _remove_stale_temporaries(directory: Path) -> None:
    """Remove this tool's temporary files that a killed run left (older than STALE_AFTER)."""
    cutoff = time.time() - STALE_AFTER
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)


def _name_max(directory: Path) -> int:
    try:
        return os.pathconf(directory if directory.is_dir() else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _check_names(target: Path) -> None:
    """Refuse a path with a component longer than the filesystem allows (a usage error, not
    the OSError that `exists()` would raise)."""
    limit = _name_max(target.parent)
    for part in target.parts:
        size = len(os.fsencode(part))
        if size > limit:
            shown = part if len(part) <= 40 else f"{part[:20]}...{part[-10:]}"
            raise UsageError.of(NAME_TOO_LONG, shown=shown, size=size, limit=limit)


def _check_targets(targets: list[Path], *, force: bool) -> None:
    seen: set[Path] = set()
    for target in targets:
        _check_names(target)
        try:
            _check_target(target, seen)
        except OSError as error:
            raise UsageError.of(
                CANNOT_WRITE, target=target, reason=error.strerror or error
            ) from error
    existing = [target for target in targets if target.exists() or target.is_symlink()]
    if existing and not force:
        names = ", ".join(str(path) for path in existing)
        if len(existing) == 1:
            raise UsageError.of(FILE_EXISTS, path=names)
        raise UsageError.of(FILES_EXIST, paths=names)


def _check_target(target: Path, seen: set[Path]) -> None:
    resolved = target.resolve()
    if resolved in seen:
        raise UsageError.of(WRITTEN_TWICE, target=target)
    seen.add(resolved)
    if target.is_dir():
        raise UsageError.of(TARGET_IS_DIRECTORY, target=target)
    if target.exists() and not target.is_file():
        raise UsageError.of(TARGET_NOT_REGULAR, target=target)
    check_directory(target)


def check_directory(target: Path) -> None:
    """Refuse a file to write whose directory does not exist or is not a directory."""
    if not target.parent.is_dir():
        missing = not target.parent.exists()
        template = TARGET_PARENT_MISSING if missing else TARGET_PARENT_NOT_DIRECTORY
        raise UsageError.of(template, target=target, parent=target.parent)


def _new_file_mode() -> int:
    # mkstemp creates files readable by the owner only; an export should get the usual mode.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(target: Path, data: bytes, mode: int) -> Path:
    """Write `data` to a fresh temporary file beside `target`, flushed to disk."""
    # `.NAME.XXXXXXXX.tmp` must fit the name limit too: a long NAME is shortened in it.
    room = _name_max(target.parent) - len(".." + "12345678" + ".tmp")
    short = os.fsdecode(os.fsencode(target.name)[:room]) if room > 0 else "x"
    try:
        handle, name = tempfile.mkstemp(prefix=f".{short}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise UsageError.of(CANNOT_WRITE, target=target, reason=error.strerror) from error
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise UsageError.of(CANNOT_WRITE, target=target, reason=error.strerror) from error
    return temp


def _publish(temp: Path, target: Path, *, force: bool) -> None:
    try:
        if force:
            os.replace(temp, target)
            return
        try:
            # A hard link fails if the target appeared since the check: no race, no clobbering.
            os.link(temp, target)
        except FileExistsError as error:
            raise UsageError.of(FILE_EXISTS, path=target) from error
        except OSError:
            # Filesystems without hard links: the check above is the best we can do.
            if target.exists():
                raise UsageError.of(FILE_EXISTS, path=target) from None
            os.replace(temp, target)
    except UsageError:
        raise
    except OSError as error:
        raise UsageError.of(CANNOT_WRITE, target=target, reason=error.strerror) from error


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory.
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
