"""UN.Judgement is a hint, not a warning: the Assembly's adopted texts write "judgment" in the general sense too
("independence of judgment", A/RES/78/71; "definitive judgments about a country's debt sustainability",
A/RES/78/137: the UN's XML, github.com/UNxml/GAresolutions, 78session/English, copied to
tests/fixtures/style/judgment/). The hint still shows where the word is used so."""

from __future__ import annotations

import re
from pathlib import Path

from app.conventions.engine import check_document
from app.findings import Severity
from app.io.akn_reader import read_akn

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "style" / "judgment"


def test_judgment_in_the_general_sense_is_no_warning_in_an_adopted_text() -> None:
    for xml in sorted(FOLDER.glob("*.xml")):
        raw = xml.read_text(encoding="utf-8")
        said = re.findall(r"(?i)\b(?:independence of|definitive|human) judgments?\b", raw)
        assert said and not re.search(r"(?i)judgement", raw)  # the UN's own text, never "judgement"
        res = read_akn(xml.read_bytes()).resolution
        hints = [f for f in check_document(res) if f.rule == "UN.Judgement"]
        assert len(hints) >= len(said)
        assert all(f.severity is Severity.INFO for f in hints)
