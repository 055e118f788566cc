"""French and Spanish amendment instructions naming a preambular paragraph past the 99th, whose place the
[amendments] table's list of ordinals (1 to 99) does not reach: the ordinal in words, as `app.ordinals` spells a
session (held to the UN XML's session lines: "cent unième", "centésimo primer"), written, read back from text,
Word and Akoma Ntoso, and applied. The draft is the UN's French or Spanish XML of A/RES/80/70 with its own
preambular paragraphs repeated past the hundredth."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from app import inline
from app.amendments import amendment, apply, items
from app.cli import run as main
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import Paragraph, Resolution
from app.ordinals import ordinal_in
from app.storage import save_project

FIXTURES = Path(__file__).parent.parent / "fixtures" / "languages"
DRAFTS = sorted(FIXTURES.glob("A_RES_80_70*.xml"))
CODES = {"F": "fr", "S": "es"}


def _long_draft(path: Path) -> Resolution:
    """The draft with its preamble repeated to 130 paragraphs (each a copy of one of its own)."""
    res = read_akn(path.read_bytes(), name=path.name).resolution
    res.header.symbol, res.header.session = "A/C.3/80/L.30", 80
    for _, para in res.paragraphs():  # footnote marks are the text round trip's own matter
        para.text = re.sub(r"\[\^[^\]]+\]", "", para.text)
        para.tail = re.sub(r"\[\^[^\]]+\]", "", para.tail)
    res.footnotes.clear()
    own = list(res.preamble)
    while len(res.preamble) < 130:
        source = own[len(res.preamble) % len(own)]
        res.preamble.append(Paragraph(opener=source.opener, text=source.text))
    return res


def _edited(base: Resolution) -> Resolution:
    """The 103rd preambular paragraph deleted, words of the 121st replaced, a paragraph inserted after the 110th."""
    new = copy.deepcopy(base)
    del new.preamble[102]
    para = new.preamble[119]  # the 121st of the base
    words = inline.plain(para.text).split()
    words[1:3] = ["mots", "nouveaux"]
    para.text = " ".join(words)
    source = base.preamble[0]
    new.preamble.insert(109, Paragraph(opener=source.opener, text=inline.plain(source.text)))
    return new


def _plain(paragraphs: list[Paragraph]) -> list[str]:
    return [" ".join(inline.plain(p.opener + " " + p.text).split()) for p in paragraphs]


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_a_paragraph_past_the_99th_is_named_in_words_and_reads_back(path: Path) -> None:
    code = CODES[path.stem[-1]]
    base = _long_draft(path)
    new = _edited(base)
    written = amendment(base, new, sponsors=["France"], symbol="A/C.3/80/L.77")
    said = " ".join(item.sentence for item in items(written.instructions, code))
    for number in (103, 110, 121):
        assert ordinal_in(number, code) in said, (number, said)
    assert not re.search(r"\b1\d\d\b", said)  # no paragraph named in figures
    akn = to_akn(written)
    for read in (
        read_text(to_text(written)).resolution,
        read_docx(build_docx(written), name="a.docx").resolution,
        read_akn(akn, name="a.xml").resolution,
    ):
        assert [(i.action, i.part, i.number) for i in read.instructions] == [
            (i.action, i.part, i.number) for i in written.instructions
        ]
        assert _plain(apply(read.instructions, base, read).preamble) == _plain(new.preamble)


def test_cli_amend_names_the_hundred_and_third_in_words(tmp_path: Path) -> None:
    path = next(p for p in DRAFTS if p.stem.endswith("F"))
    base = _long_draft(path)
    save_project(base, tmp_path / "base.json")
    save_project(_edited(base), tmp_path / "new.json")
    out = tmp_path / "amendment.docx"
    assert main(["amend", str(tmp_path / "base.json"), str(tmp_path / "new.json"), "-o", str(out)]) == 0
    read = read_document(out).resolution
    assert any(i.number == 103 for i in read.instructions)
    assert (
        main(["amend", "--apply", str(out), str(tmp_path / "base.json"), "-o", str(tmp_path / "a.json")]) == 0
    )
    amended = read_document(tmp_path / "a.json").resolution
    assert _plain(amended.preamble) == _plain(_edited(base).preamble)
