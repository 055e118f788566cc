"""The name a file is saved or exported under says what the file holds.

A file dialog takes any name: "L.20.xml" typed in Export Word wrote a Word file named .xml, and Save As
"L.20.docx" wrote the project (JSON) over the delegate's Word original. A name with no ending gets the
command's ("A_C.3_80_L.20" ends in no file type: ".20" is the symbol's); a name ending in another file type is
refused in one line, before anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.errors import InputError
from app.messages import say

# Endings that name a kind of file: one of these, not the command's, is a name meant for another file.
FILE_TYPES = frozenset(
    {
        ".docx",
        ".doc",
        ".dotx",
        ".pdf",
        ".xml",
        ".akn",
        ".json",
        ".txt",
        ".rtf",
        ".odt",
        ".htm",
        ".html",
        ".md",
    }
)


def named_for(path: Path, suffix: str) -> Path:
    """`path` with `suffix` (".docx") added when it ends in no file type; InputError when it ends in another."""
    path = Path(path)
    ending = path.suffix.lower()
    if ending == suffix:
        return path
    if ending not in FILE_TYPES:
        return path.with_name(path.name + suffix)
    raise InputError(
        say(
            "Nothing was written: {name} does not end in {suffix}, the kind of file this command writes. "
            "Choose a name ending in {suffix}.",
            name=path.name,
            suffix=suffix,
        )
    )


_NOT_IN_NAMES = re.compile(r"[^\w.-]+")  # slashes, spaces, marks: "A/C.3/80/L.20" is saved as "A_C.3_80_L.20"
# names Windows keeps for its devices, whatever follows them ("CON.docx" cannot be written there)
_DEVICES = re.compile(r"(?i)(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|(?:COM|LPT)[0-9¹²³])(?:\.|$)")
MAX_STEM = 200  # bytes: room for "-compilation.docx" under the 255 bytes most file systems allow a name


def suggested_stem(symbol: str) -> str:
    """A file name (without its ending) offered for a draft of `symbol`: one a file system of any platform takes.
    Characters no name holds become "_", leading and trailing dots go (".." is no file, "." a hidden one, and
    Windows drops a trailing dot), a device name gets "_" before it, and a long symbol is cut."""
    stem = _NOT_IN_NAMES.sub("_", symbol)[:MAX_STEM]
    while len(stem.encode("utf-8", "replace")) > MAX_STEM:  # letters of other scripts take two to four bytes
        stem = stem[:-1]
    stem = stem.strip("._") or "draft"
    return f"_{stem}" if _DEVICES.match(stem) else stem
