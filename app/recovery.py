"""Autosave for crash recovery: the open draft is copied to a recovery file while the user works.

Recovery files live in the user data folder, one per open document, with the path of the project they belong
to. They are removed only after a successful save (or when the user discards them), so a crash at any moment
leaves the last autosave to restore on the next start.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import cancelling, json_pieces, storage
from app.atomic import write_text
from app.errors import InputError, SaveError
from app.files import read_file
from app.messages import say
from app.model import Resolution
from app.reasons import why

SUFFIX = ".recovery.json"
ASIDE = ".unreadable"  # appended to a recovery file that cannot be read: kept, no longer offered
MAX_RECOVERY_BYTES = storage.MAX_PROJECT_BYTES + 1024 * 1024
# A start reads each recovery file whole up to this size; a larger one is described from its first lines (what an
# autosave writes before the document), and read whole only if the user restores it: parsing JSON holds Python's
# lock, so a 50 MB file froze the window for a second even when read on a thread of its own.
SCAN_WHOLE_BYTES = 256 * 1024
HEAD_BYTES = 64 * 1024
# the title an autosave names its draft by, in characters: the fields before the document must fit HEAD_BYTES (a
# pasted title of 70 KB made a large autosave "damaged" at the next start: set aside, its draft never offered)
TITLE_SHOWN = 1000
_STRING = rb'"(?:[^"\\]|\\.)*"'
_HEAD = re.compile(
    rb'\{"source": (null|' + _STRING + rb'), "saved_at": (-?[0-9][0-9.eE+-]*), "pid": (-?[0-9]+), '
    rb'(?:"title": (' + _STRING + rb'), )?"document": \{'
)


def recovery_dir() -> Path:
    """Where recovery files go; RESOLUTE_DATA_DIR overrides the platform's user data folder (tests use it)."""
    override = os.environ.get("RESOLUTE_DATA_DIR")
    base = Path(override) if override else Path(platformdirs.user_data_dir("Resolute", appauthor=False))
    return base / "recovery"


@dataclass(frozen=True)
class Recoverable:
    path: Path  # the recovery file
    source: Path | None  # the project file it belongs to, None for a never-saved draft
    saved_at: float  # when the autosave was written (seconds since the epoch)
    title: str

    def load(self) -> Resolution:
        from app.languages import settle_language
        from app.templates import settle_template

        data = _read(self.path)
        try:
            res = storage.from_dict(data["document"])
        except RecursionError:
            raise InputError(say("recovery file {name} is damaged", name=self.path.name)) from None
        settle_template(res)
        settle_language(res)
        return res

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()

    def keep_aside(self) -> Path:
        """An autosave that cannot be read is never deleted: it is renamed out of the way and kept."""
        return keep_aside(self.path)


class Autosaver:
    """The recovery file of one open document."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.path = self.folder / f"{uuid.uuid4().hex[:12]}{SUFFIX}"

    def save(self, res: Resolution, *, source: Path | None) -> None:
        """Write the draft (atomically: a crash mid-write leaves the previous autosave); SaveError in one line
        when the folder cannot be made (a file in its place, no permission, a full disk)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in RESOLUTE_DATA_DIR
            reason = why(exc)
            raise SaveError(
                say("cannot make the recovery folder {name}: {reason}", name=self.folder.name, reason=reason)
            ) from None
        payload = {  # what a start needs first: a large file is described from these lines (_head)
            "source": str(source) if source else None,
            "saved_at": time.time(),
            "pid": os.getpid(),
            "title": res.title[:TITLE_SHOWN],  # a description: the document holds the whole title
            "document": storage.to_dict(res),
        }
        write_text(self.path, "".join(json_pieces.pieces(payload)))

    def remove(self) -> None:
        """After a successful save or a clean close: nothing left to recover."""
        with contextlib.suppress(OSError):
            self.path.unlink()


def _read(path: Path) -> dict:
    raw = read_file(path, MAX_RECOVERY_BYTES, too_large="recovery file {name} is too large")
    try:
        data = json_pieces.loads(raw.decode("utf-8"), 3)  # a paragraph at a time: see app/json_pieces.py
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(
            say(
                "recovery file {name} cannot be read ({reason})",
                name=path.name,
                reason=why(exc),
            )
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
        raise InputError(say("recovery file {name} is damaged", name=path.name))
    return data


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except (OSError, ValueError):
        return 0  # read as any other file: the reading says what is wrong


def _head(path: Path) -> dict:
    """A large autosave's fields from its first lines, as `_read` gives them (the document's title alone)."""
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
        found = _HEAD.match(head)
        if found is None:  # not as an autosave begins (one written before TITLE_SHOWN): read it whole
            return _read(path)
        source, saved_at, pid, title = (json.loads(g) if g else None for g in found.groups())
    except (OSError, ValueError, RecursionError):
        raise InputError(say("recovery file {name} is damaged", name=path.name)) from None
    return {"source": source, "saved_at": saved_at, "pid": pid, "document": {"title": title or ""}}


def keep_aside(path: Path) -> Path:
    aside = path.with_name(path.name + ASIDE)
    with contextlib.suppress(OSError):
        os.replace(path, aside)
        return aside
    return path


def _describe(path: Path, data: dict) -> Recoverable:
    """The summary of a readable recovery file; InputError if its fields are not what an autosave writes."""
    source, saved_at, title = data.get("source"), data.get("saved_at"), data["document"].get("title")
    if not (source is None or isinstance(source, str)) or not isinstance(saved_at, (int, float)):
        raise InputError(say("recovery file {name} is damaged", name=path.name))
    if isinstance(saved_at, bool) or saved_at != saved_at:
        raise InputError(say("recovery file {name} is damaged", name=path.name))
    if source and "\x00" in source:
        raise InputError(say("recovery file {name} is damaged", name=path.name))
    where = Path(source) if source else None
    return Recoverable(path, where, float(saved_at), title if isinstance(title, str) else "")


def _pid_alive(pid: object) -> bool:
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid < 2**31:  # a pid fits a C int
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, SystemError):
        return True  # exists but not ours, or a platform that cannot tell: leave its files alone
    return True


def find_recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Recovery files left by a session that ended without saving, newest first.

    Files of a Resolute still running (another window) are skipped; damaged ones are skipped here and listed
    by `unreadable` (they are never deleted).
    """
    return sorted(_scan(folder)[0], key=lambda r: r.saved_at, reverse=True)


def set_aside_unreadable(folder: Path | None = None) -> list[Path]:
    """Rename recovery files that cannot be read out of the way (`name.recovery.json.unreadable`), so they are
    kept for the user but no longer stop or slow a start; returns where they now are."""
    return [keep_aside(path) for path in _scan(folder)[1]]


@dataclass(frozen=True)
class Scan:
    """What a start finds in the recovery folder: the recoverable autosaves, newest first, and the unreadable
    files just renamed out of the way (kept)."""

    found: list[Recoverable]
    kept: list[Path]


def scan_at_start(folder: Path | None = None) -> Scan:
    """`set_aside_unreadable` and `find_recoverable` in one reading of each file (each may be tens of MB of
    JSON: the editor runs this off its UI thread, app.cancelling stopping it between two files)."""
    found, damaged = _scan(folder)
    return Scan(sorted(found, key=lambda r: r.saved_at, reverse=True), [keep_aside(path) for path in damaged])


def _scan(folder: Path | None) -> tuple[list[Recoverable], list[Path]]:
    folder = folder or recovery_dir()
    found: list[Recoverable] = []
    damaged: list[Path] = []
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
    except OSError:
        return found, damaged
    for path in paths:
        cancelling.check()
        try:
            data = _head(path) if _size(path) > SCAN_WHOLE_BYTES else _read(path)
            if _pid_alive(data.get("pid")):
                continue
            found.append(_describe(path, data))
        except InputError:
            damaged.append(path)
    return found, damaged
