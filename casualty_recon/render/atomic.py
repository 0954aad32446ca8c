"""Atomic file writes that never overwrite an existing file without being told to.

DESIGN.md section 9: exports are written to a temporary file in the target's directory, flushed
to disk, then renamed over the target, so a reader never sees half a file and a crash leaves the
old file intact. Without `force`, an existing target is refused with a usage error (exit code 2).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from casualty_recon.model.errors import UsageError

__all__ = ["write_files", "write_new_file"]


def write_new_file(path: Path, data: bytes, *, force: bool) -> None:
    """Write `data` to `path` atomically; refuse if `path` exists unless `force`."""
    write_files({path: data}, force=force)


def write_files(files: Mapping[Path, bytes], *, force: bool) -> None:
    """Write several files atomically, checking every target before touching any.

    All temporary files are written and flushed first; only then are they renamed into place,
    so a refused target, a full disk or a permission problem leaves every target untouched.
    """
    targets = [Path(path) for path in files]
    _check_targets(targets, force=force)
    mode = _new_file_mode()
    staged: list[tuple[Path, Path]] = []
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


def _check_targets(targets: list[Path], *, force: bool) -> None:
    seen: set[Path] = set()
    for target in targets:
        resolved = target.resolve()
        if resolved in seen:
            raise UsageError(f"{target} would be written twice")
        seen.add(resolved)
        if target.is_dir():
            raise UsageError(f"{target} is a directory", "name a file to write")
        if not target.parent.is_dir():
            raise UsageError(
                f"cannot write {target}: {target.parent} is not a directory",
                "create the directory first",
            )
    existing = [target for target in targets if target.exists() or target.is_symlink()]
    if existing and not force:
        names = ", ".join(str(path) for path in existing)
        if len(existing) == 1:
            raise UsageError(f"{names} exists", "pass --force to overwrite it")
        raise UsageError(f"{names} exist", "pass --force to overwrite them")


def _new_file_mode() -> int:
    # mkstemp creates files readable by the owner only; an export should get the usual mode.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(target: Path, data: bytes, mode: int) -> Path:
    """Write `data` to a fresh temporary file beside `target`, flushed to disk."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror}") from error
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
        raise UsageError(f"cannot write {target}: {error.strerror}") from error
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
            raise UsageError(f"{target} exists", "pass --force to overwrite it") from error
        except OSError:
            # Filesystems without hard links: the check above is the best we can do.
            if target.exists():
                raise UsageError(f"{target} exists", "pass --force to overwrite it") from None
            os.replace(temp, target)
    except UsageError:
        raise
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror}") from error


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
