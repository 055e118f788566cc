"""A compilation on a French or Spanish draft prints its own words in the draft's language (heading, legend,
"Footnotes", a paragraph agreed ad ref, a bracket's deletion, the zero draft's name), as the draft's own export
prints its masthead; an English draft's compilation reads as before. On the UN's French and Spanish XML."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
import pytest

from app.io.reading import read_document
from app.negotiation import rounds
from app.negotiation.compilation_docx import build_compilation_docx
from app.negotiation.compilation_text import compilation_text
from app.negotiation.printed import ENGLISH, printed
from app.negotiation.proposals import derive
from app.negotiation.status import Alternative, Status, make_bracket

LANGUAGES = Path(__file__).resolve().parents[1] / "fixtures" / "languages"
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def _negotiated(path: Path):  # noqa: ANN202
    res = read_document(path).resolution
    neg = rounds.start(res)
    para = next(p for p in res.operative if len(p.text.split()) > 8 and "[^" not in p.text)
    edited = copy.deepcopy(res)
    edited.find(para.id).text = para.text.replace(" ", " urgemment ", 1)
    rounds.add_proposal(neg, derive(rounds.base_text(neg), edited, "UE", neg.version))
    agreed = next(p for p in res.operative if p.id != para.id)
    rounds.set_status(neg, agreed.id, Status.AGREED)
    word = next(w for w in agreed.text.split() if w.isalpha() and len(w) > 5)
    neg.brackets.append(
        make_bracket(res, agreed.id, word, [Alternative(word, ["G77"]), Alternative("", ["UE"])])
    )
    return res, neg


@pytest.mark.parametrize("name", ["A_RES_79_174-2424215F.xml", "A_RES_79_174-2424215S.xml"])
def test_a_french_or_spanish_compilation_prints_its_words_in_that_language(name: str) -> None:
    res, neg = _negotiated(LANGUAGES / name)
    words = printed(res.header.language)
    assert res.header.language in ("fr", "es") and words != ENGLISH
    comp = rounds.compilation(neg, res)
    text = compilation_text(comp)
    document = docx.Document(io.BytesIO(build_compilation_docx(comp)))
    printed_docx = "\n".join(p.text for p in document.paragraphs)
    for shown in (text, printed_docx):
        assert words["heading"] in shown and words["zero_draft"] in shown
        assert words["agreed ad ref"] in shown and f"/ {words['delete']} – UE]" in shown
        for english in (
            "Compilation of proposals",
            "agreed ad ref",
            "(delete)",
            "Proposals by",
            "zero draft",
        ):
            assert english not in shown, english
    assert words["legend"] in printed_docx and words["legend_text"] in text


def test_an_english_compilation_reads_as_before() -> None:
    res = read_document(CORPUS / "A_C.3_80_L.20.txt").resolution
    neg = rounds.start(res)
    agreed = res.operative[0]
    rounds.set_status(neg, agreed.id, Status.AGREED)
    text = compilation_text(rounds.compilation(neg, res))
    assert text.startswith("Compilation of proposals on zero draft: ") and "[agreed ad ref]" in text
