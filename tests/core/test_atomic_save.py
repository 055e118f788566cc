"""Saving as things go wrong on real machines: killed saves, links, shared permissions, leftovers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.atomic import STALE_SECONDS, write_atomic
from app.model import Paragraph, Resolution
from app.storage import load_project, save_project

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links and modes as POSIX has them")


def _draft(n: int = 3) -> Resolution:
    return Resolution(title="T", operative=[Paragraph("Requests", f"a report number {i}") for i in range(n)])


@posix_only
def test_the_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    save_project(_draft(), path)
    os.chmod(path, 0o644)
    save_project(_draft(4), path)
    assert (path.stat().st_mode & 0o777) == 0o644
    assert (path.with_name("draft.json~").stat().st_mode & 0o777) == 0o644


@posix_only
def test_a_project_that_is_a_link_is_updated_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "draft.json"
    real.parent.mkdir()
    save_project(_draft(), real)
    link = tmp_path / "draft.json"
    link.symlink_to(real)
    save_project(_draft(5), link)
    assert link.is_symlink() and len(load_project(real).operative) == 5


@posix_only
def test_a_backup_name_that_is_a_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    unrelated = tmp_path / "unrelated.txt"
    unrelated.write_text("someone else's file", encoding="utf-8")
    path = tmp_path / "draft.json"
    save_project(_draft(), path)
    path.with_name("draft.json~").symlink_to(unrelated)
    save_project(_draft(6), path)
    assert unrelated.read_text(encoding="utf-8") == "someone else's file"
    backup = path.with_name("draft.json~")
    assert not backup.is_symlink() and len(load_project(backup).operative) == 3


def test_leftovers_of_a_killed_save_are_removed_by_the_next(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    old = tmp_path / ".draft.json.abandoned.tmp"
    fresh = tmp_path / ".draft.json.inflight.tmp"
    for leftover in (old, fresh):
        leftover.write_bytes(b"x" * 1000)
    past = time.time() - STALE_SECONDS - 60
    os.utime(old, (past, past))
    write_atomic(path, b"{}", backup=True)
    assert not old.exists() and fresh.exists()  # another save may still be writing the fresh one


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_save_killed_at_any_moment_leaves_a_project_or_its_backup_that_opens(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    save_project(_draft(20_000), path)  # a few MB: the write takes long enough to be interrupted
    script = (
        "import sys; sys.path.insert(0, sys.argv[2])\n"
        "from app.model import Paragraph, Resolution\nfrom app.storage import save_project\n"
        "res = Resolution(title='T', operative=[Paragraph('Decides', f'to act {i}') for i in range(20000)])\n"
        "while True:\n    save_project(res, sys.argv[1])\n"
    )
    for attempt in range(8):
        proc = subprocess.Popen([sys.executable, "-c", script, str(path), str(ROOT)])
        time.sleep(0.4 + 0.13 * attempt)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        opened = 0
        for candidate in (path, path.with_name("big.json~")):
            if candidate.exists():
                res = load_project(candidate)
                opened += len(res.operative) == 20_000
        assert opened >= 1, f"attempt {attempt}: neither the project nor its backup opens whole"
