"""A full disk or a refused write at any step of a save (fifth red-team pass): the error `OSError` is injected at
the n-th call of each system call a save makes (open, write, fsync, chmod, link, replace, stat). Whatever step
fails, the save says why in one line or completes, and the project and its backup `name~` each stay whole and
readable: the new version and the one before, or the one before and the one before that. No temporary is left."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.atomic import backup_path
from app.errors import SaveError
from app.model import Paragraph, Resolution
from app.storage import load_project, save_project

CALLS = ("open", "fsync", "chmod", "link", "replace", "stat", "write")


def _draft(title: str) -> Resolution:
    return Resolution(title=title, operative=[Paragraph("Decides", "to act on the matter " * 40)])


def _inject(monkeypatch: pytest.MonkeyPatch, call: str, nth: int) -> dict[str, int]:
    """Make the `nth` call of `call` fail with a full disk (a write writes half its bytes first)."""
    seen = {"calls": 0}

    def failing(real):
        def wrapper(*args, **kwargs):
            seen["calls"] += 1
            if seen["calls"] == nth:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(*args, **kwargs)

        return wrapper

    if call != "write":
        monkeypatch.setattr(os, call, failing(getattr(os, call)))
        return seen
    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        real_write = handle.write

        def write(data):
            seen["calls"] += 1
            if seen["calls"] == nth:
                real_write(data[: len(data) // 2])
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(data)

        handle.write = write
        return handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    return seen


@pytest.mark.parametrize("nth", [1, 2, 3])
@pytest.mark.parametrize("call", CALLS)
def test_a_save_failing_at_any_step_keeps_the_project_and_backup_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, nth: int
) -> None:
    path = tmp_path / "draft.json"
    save_project(_draft("one"), path)
    save_project(_draft("two"), path)
    with monkeypatch.context() as patched:
        seen = _inject(patched, call, nth)
        try:
            save_project(_draft("three"), path)
            failed = ""
        except SaveError as exc:
            failed = str(exc)
    assert seen["calls"] >= nth or not failed
    if failed:
        assert "the disk is full" in failed and "\n" not in failed
    versions = (load_project(path).title, load_project(backup_path(path)).title)
    assert versions in ((("two", "one"), ("two", "two")) if failed else (("three", "two"),))
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_named_like_the_backup_is_named_as_the_reason_and_nothing_changes(tmp_path: Path) -> None:
    """A folder `draft.json~` in the way: the save says that name and why, the project and the folder stay."""
    path = tmp_path / "draft.json"
    save_project(_draft("one"), path)
    backup_path(path).mkdir()
    (backup_path(path) / "kept.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(SaveError) as refused:
        save_project(_draft("two"), path)
    assert "draft.json~" in str(refused.value) and "\n" not in str(refused.value)
    assert load_project(path).title == "one"
    assert (backup_path(path) / "kept.txt").read_text(encoding="utf-8") == "kept"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
