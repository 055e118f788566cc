"""A Word (or any zip) package with some of its parts changed: shared by the tests that build hostile files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping


def repack(
    blob: bytes, changes: Mapping[str, bytes | str | None], renames: Mapping[str, str] | None = None
) -> bytes:
    """`blob` with the parts `changes` names replaced (text written as UTF-8), or left out where the change is
    None, and parts renamed as `renames` says."""
    renames = renames or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = changes[name] if name in changes else src.read(name)
            if data is not None:
                dst.writestr(renames.get(name, name), data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()
