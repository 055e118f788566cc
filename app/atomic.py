"""Atomic file writing: a save either completes or leaves the previous file exactly as it was.

Every name that is replaced (the file and its backup `name~`) is replaced by a rename, never written in place,
so a kill or a full disk at any moment leaves each of them whole. Temporary files are named
`.NAME.PID.RANDOM.tmp` beside the file; those of a process that is no longer running are removed on the next
save of the same file, so killed saves cannot pile up.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path

from app.errors import SaveError
from app.messages import say
from app.reasons import why

TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 3600  # a temporary this old is stale even if its process id has been reused


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + "~")


def write_text(path: Path, text: str, *, backup: bool = False) -> None:
    """`write_atomic` of a text as UTF-8. A lone surrogate (pasted into the editor, or an undecodable byte of
    a command-line argument) cannot be encoded: it is written as "?" rather than failing the save."""
    write_atomic(path, text.encode("utf-8", "replace"), backup=backup)


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder, flushed, fsynced and renamed.

    A symlink is followed: the file it points to is replaced and the link stays. The file keeps its permission
    bits; a new file gets the usual ones (0666 less the umask). With `backup`, the file being replaced is kept
    beside it as `name~` (a symlink named `name~` is replaced, never written through).
    Any name the system refuses (too long, a NUL in it, a folder in the way) is a SaveError in one line.
    """
    try:
        _write(Path(path), data, backup)
    except SaveError:
        raise
    except (OSError, ValueError) as exc:
        reason = why(exc)
        raise SaveError(
            say("cannot save {name}: {reason}", name=_short(Path(path).name), reason=reason)
        ) from None


def _short(name: str) -> str:
    return name if len(name) <= 60 else name[:40] + "…"


def _write(path: Path, data: bytes, backup: bool) -> None:
    path = _target(path)
    folder = path.parent
    _remove_stale_temps(folder, path.name)
    mode = _mode_of(path)
    tmp = _create_temp(folder, path.name, data, mode)
    try:
        if backup and path.is_file():
            try:
                _keep_backup(path)
            except OSError as exc:  # say which name is in the way: the file itself could be saved
                reason = why(exc)
                raise SaveError(
                    say(
                        "cannot save {name}: its previous version cannot be kept as {backup} ({reason}); move "
                        "that out of the way or save under another name",
                        name=path.name,
                        backup=backup_path(path).name,
                        reason=reason,
                    )
                ) from None
        _replace(tmp, path)
    except (OSError, SaveError) as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, SaveError):
            raise
        raise SaveError(say("cannot save {name}: {reason}", name=path.name, reason=why(exc))) from None
    _sync_folder(folder)


def _target(path: Path) -> Path:
    """The file a save must replace: a symlink's target (resolved through chains), else the path itself."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
        if path.is_symlink():  # a loop of links: replacing one would break the loop without a word
            raise SaveError(
                say("cannot save {name}: it is a symbolic link that leads to itself", name=path.name)
            )
    _refuse_special(path)
    return path if str(path.parent) else Path(".") / path


def _refuse_special(path: Path) -> None:
    """A pipe, socket or device in the way (or a link to one) is not a file to replace: the rename would put a
    plain file in its place, and a device node gone is a machine broken."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # nothing there (or nothing readable): the save says what is wrong
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise SaveError(
            say("cannot save {name}: it is a pipe, socket or device, not a file", name=_short(path.name))
        )


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _temp_stem(name: str) -> str:
    """The start of a temporary's name: the file's own name, cut so that the temporary's name stays within
    the 255 bytes a file system allows when the file's own name is near it."""
    raw = os.fsencode(name)  # as the system has it: a byte that is not UTF-8 is a name like any other
    return name if len(raw) <= 180 else os.fsdecode(raw[:180])


def _temp_name(name: str) -> str:
    return f".{_temp_stem(name)}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def _create_temp(folder: Path, name: str, data: bytes, mode: int | None) -> Path:
    """A new temporary file holding `data`, on disk (fsynced), with `mode` if given."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    tmp = folder / _temp_name(name)
    try:
        fd = os.open(tmp, flags, 0o666)  # the umask applies, as for any new file
    except OSError as exc:
        raise SaveError(
            say("cannot write in {folder}: {reason}", folder=str(folder), reason=why(exc))
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SaveError(say("cannot save {name}: {reason}", name=name, reason=why(exc))) from None
    return tmp


def _keep_backup(path: Path) -> None:
    """Make `name~` the current file, by a hard link renamed over it (or, where links are not supported,
    a fsynced copy renamed over it): `name~` is never half written and a symlink there is replaced."""
    target = backup_path(path)
    if _same_file(path, target):
        # a save killed between keeping the backup and renaming the new file leaves `name~` a hard link of the
        # file; a rename between two links of one file does nothing, and the temporary would stay behind
        return
    tmp = path.parent / _temp_name(target.name)
    try:
        os.link(path, tmp)
    except OSError:
        tmp = _create_temp(path.parent, target.name, path.read_bytes(), _mode_of(path))
    try:
        _replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _same_file(path: Path, backup: Path) -> bool:
    """Whether `backup` is already the file itself (a hard link of it; a symbolic link is not: it is replaced)."""
    try:
        return os.path.samestat(path.stat(), backup.lstat())
    except OSError:
        return False


REPLACE_TRIES = 5  # a rename refused for a moment: Windows refuses it while a virus scanner or indexer reads


def _replace(tmp: Path, target: Path) -> None:
    """Rename `tmp` over `target`, trying again a few times (0.05 s, 0.1 s, 0.2 s, 0.4 s apart) when the system
    refuses for lack of permission: on Windows a scanner or a search indexer that has the file open for a moment
    makes the rename fail with "Access is denied"; a file that stays locked (open in Word) still fails."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Remove temporaries of `name` and `name~` left by saves that were killed."""
    now = time.time()
    for prefix in (f".{_temp_stem(name)}.", f".{_temp_stem(name + '~')}."):
        try:
            candidates = [
                p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(TEMP_SUFFIX)
            ]
        except OSError:
            return
        for tmp in candidates:
            parts = tmp.name[len(prefix) : -len(TEMP_SUFFIX)].split(".")
            if len(parts) != 2 or not parts[0].isascii() or not parts[0].isdigit() or len(parts[0]) > 10:
                continue  # not one of ours
            with contextlib.suppress(OSError):
                old = now - tmp.lstat().st_mtime > STALE_SECONDS
                if old or not _process_alive(int(parts[0])):
                    tmp.unlink()


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # a failed save of ours removes its own temporary; one here may be in flight
    if os.name == "nt":
        return True  # no cheap check: the age rule above clears these
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, not ours
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened this is skipped."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
