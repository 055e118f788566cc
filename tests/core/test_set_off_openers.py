"""An operative opener with an adverbial phrase set off by commas before its verb ("Also, in this regard, calls
upon", "In that regard, notes"): the UN's XML sets the whole in italics, and the lexicon reads the same extent
from plain text (a PDF's text layer, a Word file without italics). Source: tests/fixtures/issued/README.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from app import lexicon
from app.conventions.engine import check_document
from app.io.text_reader import read_text
from app.model import Part

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "set_off_openers.frag"


def _issued() -> list[tuple[str, str]]:
    """(italic opener, the paragraph's text without its notes) of each paragraph of the fixture."""
    out = []
    for p in etree.parse(str(FIXTURE)).getroot().iter("p"):
        if p.getparent().tag == "authorialNote":
            continue
        italic = p.find("span").text
        text = "".join(p.find("span").itertext()) + (p.find("span").tail or "")
        out.append((italic, " ".join(text.split())))
    return out


@pytest.mark.parametrize(("italic", "text"), _issued(), ids=lambda v: v[:30])
def test_the_opener_reaches_as_far_as_the_uns_italics(italic: str, text: str) -> None:
    assert lexicon.detect_opener(text, Part.OPERATIVE) == italic
    assert lexicon.is_known(italic, Part.OPERATIVE)


def test_a_paragraph_so_opened_reads_and_checks_clean() -> None:
    """Read from text, each paragraph has the UN's opener and draws no opener finding."""
    body = "\n\n".join(f"{k}. {text}" for k, (_, text) in enumerate(_issued(), 1))
    res = read_text(f"The General Assembly,\n\nRecalling its resolution 79/1,\n\n{body}").resolution
    assert [p.opener for p in res.operative] == [italic for italic, _ in _issued()]
    assert not [f for f in check_document(res) if f.rule.startswith("openers.")]


def test_a_phrase_set_off_with_no_verb_after_it_is_still_flagged() -> None:
    """The same phrase before words that are no opener ("Also, in this regard, the Assembly calls upon …"): no
    opener, and the check says so."""
    _, text = _issued()[1]
    wrong = text.replace("calls upon", "the Assembly calls upon", 1)
    assert lexicon.detect_opener(wrong, Part.OPERATIVE) == ""
    res = read_text(f"The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. {wrong}").resolution
    assert [f for f in check_document(res) if f.rule.startswith("openers.")]
