"""A Word file with tracked changes opened in the editor: the version its changes were made to.

The Word reader accepts every tracked change. A delegate who exported the comparison as tracked changes (or
received a draft with them) and opens that file back expects Versions to show those changes: Compare with Base
and Oral Revisions then worked from the accepted text itself and said there was nothing to read out. The text
with every change rejected is the base.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import InputError
from app.files import read_file
from app.io import reading
from app.io.imported import ImportResult

TRACKED = "import.tracked-changes"  # the Word reader's note on a file with tracked changes


def read_opened(path: Path) -> ImportResult:
    """`read_document(path)`, with `before_tracked` for a Word file with tracked changes (None when that reading
    fails: the file still opens, with no base of its own)."""
    from app.negotiation.tracked_reading import read_as

    path = Path(path)
    result = reading.read_document(path)  # looked up when called: a test may stand in for the reader
    if any(f.rule == TRACKED for f in result.findings):
        try:
            data = read_file(path, reading.MAX_INPUT_BYTES)
            result.before_tracked = read_as(data, None, name=path.name)
        except InputError:
            result.before_tracked = None
    return result
