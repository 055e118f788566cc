"""Saving the way things go wrong on real machines: kills mid-save, stale temporaries, symlinks, modes."""

from __future__ import annotations

import os
import random
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.atomic import backup_path, write_atomic
from app.errors import SaveError
from app.model import Paragraph, Resolution
from app.reasons import system_reason
from app.storage import load_project, save_project

ROOT = Path(__file__).resolve().parents[2]


def draft(title: str, paragraphs: int = 3) -> Resolution:
    res = Resolution(title=title)
    res.operative = [Paragraph("Decides", f"to act on matter {i} " * 8) for i in range(paragraphs)]
    return res


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def symlink_or_skip(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError):
        pytest.skip("this account cannot create symlinks (Windows without developer mode)")


def test_backup_is_replaced_by_rename_never_written_in_place(tmp_path, monkeypatch):
    path = tmp_path / "draft.json"
    save_project(draft("one"), path)
    save_project(draft("two"), path)
    backup = backup_path(path)
    before = backup.read_bytes()
    real_replace = os.replace

    def fail_on_backup(src, dst):
        if str(dst).endswith("~"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_backup)
    with pytest.raises(SaveError, match="the disk is full"):
        save_project(draft("three"), path)
    assert backup.read_bytes() == before  # whole: the previous backup, not a truncated copy
    assert load_project(path).title == "two"
    assert temporaries(tmp_path) == []


def test_stale_temporaries_of_killed_saves_are_removed_on_the_next_save(tmp_path):
    path = tmp_path / "draft.json"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(gone.stdout)
    stale = [
        tmp_path / f".draft.json.{dead_pid}.0a1b2c3d.tmp",
        tmp_path / f".draft.json~.{dead_pid}.9f8e7d6c.tmp",
    ]
    for p in stale:
        p.write_bytes(b"x" * 1000)
    foreign = [tmp_path / ".draft.json.notes.tmp", tmp_path / f".other.json.{dead_pid}.0a1b2c3d.tmp"]
    for p in foreign:
        p.write_bytes(b"not ours")
    save_project(draft("one"), path)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in foreign)  # only our own naming, only for this file


def test_backup_that_is_a_symlink_is_never_written_through(tmp_path):
    unrelated = tmp_path / "unrelated.txt"
    unrelated.write_text("precious", encoding="utf-8")
    path = tmp_path / "draft.json"
    save_project(draft("one"), path)
    symlink_or_skip(backup_path(path), unrelated)
    save_project(draft("two"), path)
    assert unrelated.read_text(encoding="utf-8") == "precious"
    assert not backup_path(path).is_symlink()
    assert load_project(backup_path(path)).title == "one"


def test_project_that_is_a_symlink_is_updated_through_the_link(tmp_path):
    real_dir = tmp_path / "store"
    real_dir.mkdir()
    real = real_dir / "real.json"
    save_project(draft("one"), real)
    link = tmp_path / "link.json"
    symlink_or_skip(link, real)
    save_project(draft("two"), link)
    assert link.is_symlink()
    assert load_project(real).title == "two"
    assert load_project(link).title == "two"
    assert load_project(backup_path(real)).title == "one"


@pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX permission bits")
@pytest.mark.parametrize("mode", [0o644, 0o600, 0o664])
def test_every_save_keeps_the_mode(tmp_path, mode):
    path = tmp_path / "draft.json"
    save_project(draft("one"), path)
    path.chmod(mode)
    for title in ("two", "three"):
        save_project(draft(title), path)
        assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX permission bits")
def test_a_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


SAVER = textwrap.dedent(
    """
    import sys
    from app.model import Paragraph, Resolution
    from app.storage import save_project
    path, paragraphs = sys.argv[1], int(sys.argv[2])
    res = Resolution(title="t0")
    res.operative = [Paragraph("Decides", f"to act on matter {i} " * 20) for i in range(paragraphs)]
    save_project(res, path)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        res.title = f"t{n}"
        save_project(res, path)
    """
)


def test_killed_saves_always_leave_a_loadable_project_and_backup(tmp_path):
    """SIGKILL (TerminateProcess on Windows) a process that saves a 5 MB project in a loop, at random moments."""
    path = tmp_path / "big.json"
    rng = random.Random(11)
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), "12000"], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout.readline().strip() == "ready"
        try:
            proc.wait(timeout=rng.uniform(0.02, 0.6))
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.wait()
        proc.stdout.close()
        assert load_project(path).title.startswith("t")
        if backup_path(path).exists():
            assert load_project(backup_path(path)).title.startswith("t")
        assert len(temporaries(tmp_path)) <= 2  # at most the killed save's own: earlier ones were cleaned
    save_project(load_project(path), path)
    assert temporaries(tmp_path) == []


def test_a_backup_left_a_hard_link_of_the_file_leaves_no_temporary(tmp_path):
    """A save killed after keeping `name~` (a hard link of the file) but before the new file's rename leaves the
    two names on one file; the next save keeps that as the backup and leaves nothing behind (a rename between two
    links of one file does nothing, which once left the backup's temporary in the folder)."""
    path = tmp_path / "draft.json"
    save_project(draft("before"), path)
    try:
        os.link(path, backup_path(path))
    except OSError:
        pytest.skip("hard links are not supported here")
    save_project(draft("after"), path)
    assert load_project(path).title == "after"
    assert load_project(backup_path(path)).title == "before"
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("length", [1, 2, 5])
def test_a_loop_of_links_is_refused_and_left_as_it_was(tmp_path, length):
    links = [tmp_path / f"loop{i}.json" for i in range(length)]
    for i, link in enumerate(links):
        symlink_or_skip(link, links[(i + 1) % length])
    with pytest.raises(SaveError, match="leads to itself"):
        save_project(draft("one"), links[0])
    assert all(link.is_symlink() for link in links)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(link.name for link in links)  # no temporaries


def test_a_rename_refused_for_a_moment_is_tried_again(tmp_path, monkeypatch):
    """Windows refuses a rename while a virus scanner or indexer has the file open for a moment: the save waits
    and succeeds, and the previous version is kept."""
    import app.atomic as atomic

    target = tmp_path / "draft.resolute"
    target.write_bytes(b"old")
    real = os.replace
    refusals = {"left": 2}

    def busy(src, dst):
        if refusals["left"]:
            refusals["left"] -= 1
            raise PermissionError(13, "Access is denied")
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", busy)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    write_atomic(target, b"new", backup=True)
    assert target.read_bytes() == b"new"
    assert (tmp_path / "draft.resolute~").read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_rename_refused_for_good_is_one_line_and_leaves_the_file(tmp_path, monkeypatch):
    """A file that stays locked (open in another program) fails the save in one line, the file as it was and no
    temporary left behind."""
    import app.atomic as atomic

    target = tmp_path / "draft.resolute"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    with pytest.raises(SaveError) as err:
        write_atomic(target, b"new")
    assert "\n" not in str(err.value) and str(system_reason(PermissionError(13, ""))) in str(err.value)
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
