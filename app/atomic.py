"""Atomic file writing: a save either completes or leaves the previous file exactly as it was.

The new content goes to a temporary file in the same folder, flushed and fsynced, then renamed over the
file. The previous version, when kept, is renamed into place the same way (`name~`), so a full disk or a
killed process never leaves a truncated file or backup. A project that is a symbolic link is updated where
the link points (the link stays); a `name~` that is a link is replaced, never written through. The file keeps
its permissions (a project shared read-only with colleagues stays so). Temporary files left by a save that was
killed are removed by the next save of the same file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

from app.errors import SaveError

STALE_SECONDS = 15 * 60  # a temporary file of ours this old belongs to a save that was killed


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write `data` to `path` atomically; with `backup`, keep the file it replaces as `name~`."""
    target = _through_links(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    _remove_stale(folder, target.name)
    mode = _mode_for(target)
    tmp = _temporary(folder, target.name)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # Windows knows only the read-only bit
            os.chmod(tmp, mode)
        if backup and target.exists():
            _keep_previous(target, folder)
        os.replace(tmp, target)
        _sync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SaveError(f"cannot save {target.name}: {exc.strerror or exc}") from None


def _through_links(path: Path) -> Path:
    """The file a (chain of) symbolic link(s) points to; the path itself when it is none."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _temporary(folder: Path, name: str) -> str:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    os.close(fd)
    return tmp


def _mode_for(target: Path) -> int:
    """The permissions the saved file gets: those it had, or the usual ones for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _keep_previous(target: Path, folder: Path) -> None:
    """`name~` becomes the file about to be replaced: a hard link (or, where links are not allowed, a
    copy) under a temporary name, renamed over `name~` — a link there is replaced, not written through."""
    tmp = _temporary(folder, target.name + "~")
    os.unlink(tmp)
    try:
        os.link(target, tmp)
    except OSError:  # FAT, some network shares: no hard links
        shutil.copy2(target, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
    try:
        os.replace(tmp, target.with_name(target.name + "~"))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _remove_stale(folder: Path, name: str) -> None:
    now = time.time()
    for prefix in (f".{name}.", f".{name}~."):
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                    with contextlib.suppress(OSError):
                        if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                            os.unlink(entry.path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
