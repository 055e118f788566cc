"""A start's look at the recovery folder (app.recovery.scan_at_start): each file read once, a large autosave
described from its first lines (parsing it whole held Python's lock for a second: the window froze though the
reading had a thread of its own), damaged ones kept aside, never deleted; and a cancel stops it between files."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app import cancelling, recovery, storage
from benchmarks.sample import omnibus


def _autosave(folder: Path, paragraphs: int, title: str) -> Path:
    res = omnibus(paragraphs, seed=3)
    res.title = title
    saver = recovery.Autosaver(folder)
    saver.save(res, source=None)
    data = json.loads(saver.path.read_text(encoding="utf-8"))
    data["pid"] = -1  # a session that crashed: no process of that id runs
    saver.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return saver.path


def test_a_large_autosave_is_described_from_its_first_lines_and_restored_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = _autosave(tmp_path, 2000, "Rights of the child “2026”")
    small = _autosave(tmp_path, 5, "A short draft")
    assert big.stat().st_size > recovery.SCAN_WHOLE_BYTES > small.stat().st_size
    whole: list[Path] = []
    real = recovery._read
    monkeypatch.setattr(recovery, "_read", lambda path: whole.append(path) or real(path))
    scan = recovery.scan_at_start(tmp_path)
    assert whole == [small]  # the large one never parsed at start
    titles = {item.path: item.title for item in scan.found}
    assert titles == {big: "Rights of the child “2026”", small: "A short draft"} and scan.kept == []
    restored = next(item for item in scan.found if item.path == big).load()
    want = json.loads(big.read_text(encoding="utf-8"))["document"]
    assert storage.to_dict(restored) == want


def test_a_large_damaged_file_is_kept_aside_unread(tmp_path: Path) -> None:
    """The size of the largest recovery file read, its first lines not an autosave's: kept, renamed, said."""
    damaged = tmp_path / f"damaged{recovery.SUFFIX}"
    blob = b'{"document": {"title": "' + b"x" * (recovery.MAX_RECOVERY_BYTES - 100) + b'"'
    damaged.write_bytes(blob)
    good = _autosave(tmp_path, 5, "Kept")
    scan = recovery.scan_at_start(tmp_path)
    assert [item.path for item in scan.found] == [good]
    [aside] = scan.kept
    assert aside.name == damaged.name + recovery.ASIDE and aside.read_bytes() == blob and not damaged.exists()


def test_an_autosave_of_before_without_its_title_first_is_still_offered(tmp_path: Path) -> None:
    path = _autosave(tmp_path, 2000, "Older")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["title"]  # as autosaves were written before: the title inside the document only
    path.write_text(json.dumps(data), encoding="utf-8")
    [item] = recovery.scan_at_start(tmp_path).found
    assert item.path == path and item.title == "" and item.load().title == "Older"


def test_a_cancelled_scan_stops_between_files_and_leaves_them_all(tmp_path: Path) -> None:
    paths = [_autosave(tmp_path, 5, f"Draft {n}") for n in range(3)]
    before = {path: path.read_bytes() for path in paths}
    flag = threading.Event()
    flag.set()
    with pytest.raises(cancelling.Cancelled), cancelling.stoppable(flag):
        recovery.scan_at_start(tmp_path)
    assert {path: path.read_bytes() for path in sorted(tmp_path.iterdir())} == before
