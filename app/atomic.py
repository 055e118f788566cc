"""Atomic file writing: a save either completes or leaves the previous file exactly as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from app.errors import SaveError


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder, flushed, fsynced and renamed.

    With `backup`, the file being replaced is kept beside it as `name~`.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + "~"))
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SaveError(f"cannot save {path.name}: {exc.strerror or exc}") from None
