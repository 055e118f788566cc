"""Reading a file the user (or a folder the app keeps) names: only a regular file, and only up to a limit.

`Path.read_bytes()` on a named pipe waits for a writer that never comes (the editor's start hung on one left in
the recovery folder), and on a device or a link to one (/dev/zero) it reads without end; `stat()` says size 0
for both, so a size check does not stop them. Every read of a named file goes through `read_file`, which opens
without waiting, looks at what it opened, and refuses in one line what is not a file or is too large.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.errors import InputError
from app.messages import say
from app.reasons import why

_KINDS = {
    stat.S_IFIFO: say("a named pipe"),
    stat.S_IFCHR: say("a device"),
    stat.S_IFBLK: say("a device"),
    stat.S_IFSOCK: say("a socket"),
}


def read_file(
    path: Path, limit: int, *, too_large: str = "{name} is too large ({mb} MB)", cut: bool = False
) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `limit`; InputError in one line for a
    folder, a pipe, a device or a socket, for a file past `limit` (`too_large` with {name} and {mb}; with `cut`,
    its first `limit` + 1 bytes instead), and for a file that cannot be opened or read."""
    name = Path(path).name[:80]
    try:
        # O_NONBLOCK: opening a named pipe with no writer returns at once instead of waiting for one
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except ValueError:  # a NUL in the name (a damaged recent-files list, a script)
        raise InputError(say("cannot read a file whose name holds a NUL character")) from None
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            raise InputError(say("{name} is a folder, not a file", name=name)) from None
        raise InputError(say("cannot read {name}: {why}", name=name, why=why(exc))) from None
    try:
        _refuse_special(os.fstat(fd), name, -1 if cut else limit, too_large)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)  # a file that grew since fstat is still cut at the limit
        except OSError as exc:
            raise InputError(say("cannot read {name}: {why}", name=name, why=why(exc))) from None
    if len(data) > limit and not cut:
        raise InputError(too_large.format(name=name, mb=len(data) // 1_000_000))
    return data


def _refuse_special(info: os.stat_result, name: str, limit: int, too_large: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError(say("{name} is a folder, not a file", name=name))
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode))
        raise InputError(
            say("{name} is {kind}, not a file", name=name, kind=kind)
            if kind
            else say("{name} is not a regular file", name=name)
        )
    if info.st_size > limit >= 0:
        raise InputError(too_large.format(name=name, mb=info.st_size // 1_000_000))


def exists(path: Path, *, regular: bool = False) -> bool:
    """Whether something (`regular`: a regular file) stands at `path`; False for a name no file system takes (past
    its 255 bytes, a NUL), where `Path.exists` and `is_file` raise: a command line's long name ended as an
    internal error (exit 3) before the read or write could say what is wrong with it."""
    try:
        return Path(path).is_file() if regular else Path(path).exists()
    except (OSError, ValueError):
        return False


def encoding_of(data: bytes) -> str:
    """The encoding of a text file a user keeps (a word list, house rules): UTF-8 unless a byte-order mark or the
    NULs of UTF-16 or UTF-32 say otherwise, as Windows editors save "Unicode" or "UTF-8 with BOM". Decoded so, the
    text starts with U+FEFF where the file has a BOM (a word appended is written without one)."""
    from app.io.safe_xml import sniff_encoding  # (lxml's import is left to the first read)

    found = sniff_encoding(data) or "utf-8"
    if found in ("utf-16", "utf-32"):  # a BOM: its order is the file's
        return f"{found}-be" if data.startswith((b"\xfe\xff", b"\x00\x00\xfe\xff")) else f"{found}-le"
    return "utf-8" if found == "utf-8-sig" else found
