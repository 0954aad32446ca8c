"""Atomic writes that refuse to overwrite without --force (README, "CSV for spreadsheets")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import CANNOT_WRITE
from casualty_recon.render import atomic as safe_write
from casualty_recon.render.atomic import write_files, write_new_file


def test_writes_new_file_with_exact_bytes(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    write_new_file(target, b"id\r\nx\r\n", force=False)
    assert target.read_bytes() == b"id\r\nx\r\n"


def test_new_file_gets_usual_mode_not_private_temp_mode(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    umask = os.umask(0o022)
    try:
        write_new_file(target, b"x", force=False)
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(b"old")
    with pytest.raises(UsageError) as caught:
        write_new_file(target, b"new", force=False)
    assert caught.value.message == f"{target} exists"
    assert caught.value.hint == "pass --force to overwrite it"
    assert target.read_bytes() == b"old"


def test_overwrites_with_force(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(b"old")
    write_new_file(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(b"old")
    write_new_file(target, b"new", force=True)
    with pytest.raises(UsageError):
        write_new_file(target, b"newer", force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv"]


def test_write_files_checks_every_target_before_writing_any(tmp_path: Path) -> None:
    first, second = tmp_path / "claims.csv", tmp_path / "gaps.csv"
    second.write_bytes(b"old")
    with pytest.raises(UsageError) as caught:
        write_files({first: b"a", second: b"b"}, force=False)
    assert caught.value.message == f"{second} exists"
    assert not first.exists()
    assert second.read_bytes() == b"old"


def test_write_files_names_every_existing_target(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"")
    second.write_bytes(b"")
    with pytest.raises(UsageError) as caught:
        write_files({first: b"a", second: b"b"}, force=False)
    assert caught.value.message == f"{first}, {second} exist"


def test_write_files_writes_all_with_force(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"old")
    write_files({first: b"a", second: b"b"}, force=True)
    assert (first.read_bytes(), second.read_bytes()) == (b"a", b"b")


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        write_new_file(tmp_path / "nowhere" / "claims.csv", b"x", force=False)
    assert caught.value.message == (
        f"cannot write {tmp_path / 'nowhere' / 'claims.csv'}: there is no directory "
        f"{tmp_path / 'nowhere'}"
    )
    assert caught.value.hint == "create the directory first"
    (tmp_path / "a-file").write_bytes(b"")
    with pytest.raises(UsageError) as caught:
        write_new_file(tmp_path / "a-file" / "claims.csv", b"x", force=False)
    assert caught.value.message.endswith(f"{tmp_path / 'a-file'} is a file, not a directory")


def test_directory_target_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory"):
        write_new_file(tmp_path, b"x", force=True)


def test_failure_while_staging_leaves_targets_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"old")
    real_stage = safe_write._stage

    def failing_stage(target: Path, data: bytes, mode: int) -> Path:
        if target == second:
            raise UsageError.of(CANNOT_WRITE, target=target, reason="No space left on device")
        return real_stage(target, data, mode)

    monkeypatch.setattr(safe_write, "_stage", failing_stage)
    with pytest.raises(UsageError, match="No space left"):
        write_files({first: b"new", second: b"b"}, force=True)
    assert first.read_bytes() == b"old"
    assert not second.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


def test_target_appearing_after_the_check_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "claims.csv"
    real_stage = safe_write._stage

    def racing_stage(path: Path, data: bytes, mode: int) -> Path:
        temp = real_stage(path, data, mode)
        path.write_bytes(b"someone else")
        return temp

    monkeypatch.setattr(safe_write, "_stage", racing_stage)
    with pytest.raises(UsageError, match="exists"):
        write_new_file(target, b"mine", force=False)
    assert target.read_bytes() == b"someone else"


# --- issue 16: symlinks, devices, stale temporaries, the lock ------------------------------


def test_force_through_a_symlink_writes_the_real_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_new_file(link, b"new", force=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"


def _device_node(tmp_path: Path) -> Path:
    """A character device (the null device's numbers) made in tmp_path, never a system one: a
    write that is not refused replaces this node only."""
    import stat

    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (or CAP_MKNOD)")
    return node


def test_device_node_target_is_refused_even_with_force(tmp_path: Path) -> None:
    node = _device_node(tmp_path)
    with pytest.raises(UsageError) as caught:
        write_new_file(node, b"x", force=True)
    assert "not a regular file" in caught.value.message
    assert node.is_char_device()


def test_fifo_target_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="not a regular file"):
        write_new_file(fifo, b"x", force=True)
    assert fifo.is_fifo()


def test_stale_temporaries_of_killed_runs_are_removed_on_the_next_write(tmp_path: Path) -> None:
    stale = tmp_path / ".claims.csv.ab12cd_9.tmp"  # what mkstemp names a staged claims.csv
    fresh = tmp_path / ".gaps.csv.zz34yy_1.tmp"  # a run writing right now
    other = tmp_path / ".notes.tmp"  # not one of ours
    for path in (stale, fresh, other):
        path.write_bytes(b"x" * 100)
    old = os.stat(stale).st_mtime - safe_write.STALE_AFTER - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_new_file(tmp_path / "pairs.csv", b"a", force=False)
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_lock_held_by_another_holder_is_waited_for_then_named(tmp_path: Path) -> None:
    import fcntl

    target = tmp_path / "sources.yaml"
    lock = tmp_path / ".sources.yaml.lock"
    handle = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(handle, fcntl.LOCK_EX)  # another open file: flock conflicts as with a process
    try:
        with pytest.raises(UsageError) as caught, safe_write.locked(target, wait=0.2):
            pass
    finally:
        os.close(handle)
    assert str(lock) in caught.value.message and "another process" in caught.value.message
    with safe_write.locked(target, wait=0.2):  # released: free again
        write_new_file(target, b"x", force=False)  # reentrant inside the same process
    assert target.read_bytes() == b"x" and not lock.exists()
