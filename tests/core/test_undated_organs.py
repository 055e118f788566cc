"""The Assembly cites the Economic and Social Council's resolutions, as the Human Rights Council's, without their
date even at the first mention (the UN's XML of sessions 75-79: undated 273 times, dated 32), so the first-mention
rule asks no date of them; its own resolutions still need one. The answer is the UN's XML of A/RES/77/150
(github.com/UNxml/GAresolutions, 77session/English, copied to tests/fixtures/style/citations/)."""

from __future__ import annotations

import re
from pathlib import Path

from app.conventions.engine import check_document
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text

XML = Path(__file__).resolve().parents[1] / "fixtures" / "style" / "citations" / "A_RES_77_150-2228764E.xml"
# "Economic and Social Council resolution 2017/21", "the Economic and Social Council in its resolution 2017/21"
ECOSOC = re.compile(r"Economic and Social Council,? (?:in its )?resolutions? (\d{4}/\d{1,3})\b(?! of \d)")


def test_an_economic_and_social_council_resolution_needs_no_date() -> None:
    raw = re.sub(r"<[^>]*>", "", XML.read_text(encoding="utf-8"))
    undated = ECOSOC.findall(raw)
    assert undated  # the UN's own text cites them without a date
    res = read_akn(XML.read_bytes()).resolution
    asked = [f.message for f in check_document(res) if f.rule == "citations.first-mention-date"]
    assert not [key for key in undated if f"resolution {key} of" in " ".join(asked)]


def test_the_assemblys_own_resolution_still_needs_its_date() -> None:
    typed = (
        "The General Assembly,\n\nRecalling Economic and Social Council resolution 2017/21 and its resolution "
        "78/5,\n\n1. Decides to continue its work.\n"
    )
    asked = [
        f.message
        for f in check_document(read_text(typed).resolution)
        if f.rule == "citations.first-mention-date"
    ]
    assert len(asked) == 1 and "78/5" in asked[0]
