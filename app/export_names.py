"""The name a file is saved or exported under says what the file holds.

A file dialog takes any name: "L.20.xml" typed in Export Word wrote a Word file named .xml, and Save As
"L.20.docx" wrote the project (JSON) over the delegate's Word original. A name with no ending gets the
command's ("A_C.3_80_L.20" ends in no file type: ".20" is the symbol's); a name ending in another file type is
refused in one line, before anything is written.
"""

from __future__ import annotations

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
