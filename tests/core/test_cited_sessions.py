"""A session numbered in figures inside a title another body prints (A/80/L.7's note: "Resolutions Adopted and
Other Relevant Decisions Taken during the 69th Regular Session of the General Conference", the IAEA's) is cited
as issued: the session rule only informs there. The Assembly's own sessions, and any in running text, still draw
the warning. The answer is the issued PDF (tests/fixtures/reading/A_80_L.7.pdf, read with pdfminer)."""

from __future__ import annotations

import re
from pathlib import Path

from app.conventions.engine import check_document
from app.findings import Severity
from app.io.text_reader import read_text
from tests.pdf_lines import footnotes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"


def _session_findings(text: str) -> list:
    return [f for f in check_document(read_text(text).resolution) if f.rule == "dates.session-ordinal"]


def test_a_session_in_a_cited_title_is_no_warning() -> None:
    cited = [t for _, t in footnotes(FIXTURES / "A_80_L.7.pdf") if re.search(r"\d+th Regular Session of", t)]
    assert cited  # the PDF prints the IAEA's title so
    for layer in (FIXTURES / "A_80_L.7.txt", FIXTURES / "pdftotext" / "A_80_L.7.txt"):
        found = _session_findings(layer.read_text(encoding="utf-8"))
        assert found and all(f.severity is Severity.INFO for f in found)


def test_the_assemblys_session_in_figures_is_still_a_warning() -> None:
    """The same note citing the Assembly's session in figures, or a session in running text, is flagged."""
    text = (FIXTURES / "pdftotext" / "A_80_L.7.txt").read_text(encoding="utf-8")
    for wrong in ("the 69th Regular Session of the General Assembly", "the 69th session of the Agency"):
        changed = text.replace("the 69th Regular Session of the General Conference", wrong, 1)
        assert changed != text
        assert [f.severity for f in _session_findings(changed)] == [Severity.WARNING]
