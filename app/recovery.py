"""Autosave for crash recovery: the open draft is copied to a recovery file while the user works.

Recovery files live in the user data folder, one per open document, with the path of the project they belong
to. They are removed only after a successful save (or when the user discards them), so a crash at any moment
leaves the last autosave to restore on the next start.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import storage
from app.atomic import write_atomic
from app.errors import InputError
from app.model import Resolution

SUFFIX = ".recovery.json"


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
        data = _read(self.path)
        return storage.from_dict(data["document"])

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


class Autosaver:
    """The recovery file of one open document."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.path = self.folder / f"{uuid.uuid4().hex[:12]}{SUFFIX}"

    def save(self, res: Resolution, *, source: Path | None) -> None:
        """Write the draft (atomically: a crash mid-write leaves the previous autosave)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {
            "source": str(source) if source else None,
            "saved_at": time.time(),
            "pid": os.getpid(),
            "document": storage.to_dict(res),
        }
        write_atomic(self.path, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def remove(self) -> None:
        """After a successful save or a clean close: nothing left to recover."""
        with contextlib.suppress(OSError):
            self.path.unlink()


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"recovery file {path.name} cannot be read ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or "document" not in data:
        raise InputError(f"recovery file {path.name} is damaged")
    return data


def _pid_alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, SystemError, OverflowError):
        return True  # exists but not ours, or a platform that cannot tell: leave its files alone
    return True


def find_recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Recovery files left by a session that ended without saving, newest first.

    Files of a Resolute still running (another window) are skipped; damaged ones are skipped too.
    """
    folder = folder or recovery_dir()
    out: list[Recoverable] = []
    if not folder.is_dir():
        return out
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            item = _recoverable(path)
        except (InputError, ValueError, TypeError, OverflowError):
            continue  # damaged: left where it is, never a reason not to start
        if item is not None:
            out.append(item)
    return sorted(out, key=lambda r: r.saved_at, reverse=True)


def _recoverable(path: Path) -> Recoverable | None:
    data = _read(path)
    if _pid_alive(data.get("pid")):
        return None
    source = data.get("source")
    title = data["document"].get("title") if isinstance(data["document"], dict) else ""
    return Recoverable(
        path,
        Path(source) if isinstance(source, str) and source else None,
        float(data.get("saved_at") or 0),
        title if isinstance(title, str) else "",
    )


def set_aside(item: Recoverable) -> Path:
    """Keep a recovery file that could not be read under a name no start offers again; returns it."""
    aside = item.path.with_name(item.path.name.removesuffix(SUFFIX) + ".unreadable.json")
    with contextlib.suppress(OSError):
        item.path.replace(aside)
    return aside
