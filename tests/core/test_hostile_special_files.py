"""What is named as a file but is none: a named pipe, a link to a device that never ends (/dev/zero), a folder,
a socket, a link that points to itself. Every place that reads a named file (a draft, a project, a recovery
file, the personal dictionary, a delegation's proposal) refuses it in one line at once: `read_bytes()` on a
pipe waited for a writer forever (a pipe left in the recovery folder hung the editor's start) and read a
device without end, and `stat()` says size 0 for both, so no size check stopped them."""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app import recovery, storage
from app.documents import new_resolution
from app.errors import InputError, SaveError, TemplateError
from app.files import read_file
from app.io.reading import read_document
from app.negotiation.commandline import read_proposals
from app.spelling.personal import PersonalDictionary
from app.spelling.rules import load_user_rules

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import hang_guard  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")

HANG = 10.0


def _pipe(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _endless(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _socket(path: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX)
    short = Path("/tmp") / f"rt7-{os.getpid()}-{path.name[:20]}"  # a socket's path is at most 108 bytes
    short.unlink(missing_ok=True)
    sock.bind(str(short))
    path.symlink_to(short)
    return path


def _self_link(path: Path) -> Path:
    path.symlink_to(path)
    return path


KINDS: dict[str, Callable[[Path], Path]] = {
    "pipe": _pipe,
    "endless": _endless,
    "folder": _folder,
    "socket": _socket,
    "self-link": _self_link,
}


def _refused(read: Callable[[], object]) -> str:
    with hang_guard(HANG), pytest.raises((InputError, TemplateError)) as caught:
        read()
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300
    return message


@pytest.mark.parametrize("kind", KINDS)
def test_no_reader_waits_on_or_reads_without_end_what_is_not_a_file(tmp_path: Path, kind: str) -> None:
    make = KINDS[kind]
    readers: dict[str, Callable[[Path], object]] = {
        "draft.docx": read_document,
        "draft.json": storage.load_project,
        "words.txt": PersonalDictionary,
        "tracked.docx": lambda p: read_proposals(new_resolution("ga-c1"), [str(p)], "1"),
        "raw.bin": lambda p: read_file(p, 1024),
        "rules.toml": load_user_rules,
    }
    for name, read in readers.items():
        path = make(tmp_path / name)
        message = _refused(lambda read=read, path=path: read(path))
        assert name in message or "proposal" in message, (name, message)


def test_what_is_not_a_file_is_named_for_what_it_is(tmp_path: Path) -> None:
    assert "named pipe" in _refused(lambda: read_file(_pipe(tmp_path / "p.json"), 10))
    assert "device" in _refused(lambda: read_file(_endless(tmp_path / "z.json"), 10))
    assert "folder" in _refused(lambda: read_file(_folder(tmp_path / "d.json"), 10))


def test_a_file_past_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 2_000_000)
    assert "2 MB" in _refused(lambda: read_file(path, 1_000_000, too_large="{name} is too large ({mb} MB)"))
    assert read_file(path, 2_000_000) == b"x" * 2_000_000


@pytest.mark.parametrize("kind", KINDS)
def test_a_recovery_folder_holding_what_is_not_a_file_starts_and_keeps_it(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    odd = KINDS[kind](folder / f"odd{recovery.SUFFIX}")
    res = new_resolution("ga-c2")
    res.title = "Kept work"
    good = {
        "source": None,
        "saved_at": 1.0,
        "pid": -1,
        "document": storage.to_dict(res),
    }  # a session that ended
    (folder / f"good{recovery.SUFFIX}").write_text(json.dumps(good), encoding="utf-8")
    with hang_guard(HANG):
        kept = recovery.set_aside_unreadable(folder)
        found = recovery.find_recoverable(folder)
    assert [p.name for p in kept] == [odd.name + recovery.ASIDE]
    assert [r.title for r in found] == ["Kept work"]
    assert found[0].load().title == "Kept work"


def test_an_autosave_whose_folder_cannot_be_made_fails_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the recovery folder should be", encoding="utf-8")
    for folder in (blocker, blocker / "recovery"):
        with pytest.raises(SaveError) as caught:
            recovery.Autosaver(folder).save(new_resolution("ga-c2"), source=None)
        assert "\n" not in str(caught.value)
    assert blocker.read_text(encoding="utf-8").startswith("a file")
