"""Amendments to French and Spanish drafts: instructions written in the language's set wording (the
[amendments] table of resources/languages/<code>.toml) and read back from text and Word. The drafts amended are
the UN's own French and Spanish XML (tests/fixtures/languages/, see its README); the changes are made from
their own paragraphs."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from app import inline
from app.amendments import amendment, apply, items
from app.io.akn_reader import read_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import DocumentKind, Paragraph, Resolution
from app.wording.reading import parse_sentence, sentence_language

FIXTURES = Path(__file__).parent.parent / "fixtures" / "languages"
DRAFTS = sorted((FIXTURES / "held-out").glob("A_RES_79_176*.xml")) + sorted(FIXTURES.glob("A_RES_80_70*.xml"))
CODES = {"F": "fr", "S": "es"}


def _draft(path: Path) -> Resolution:
    res = read_akn(path.read_bytes(), name=path.name).resolution
    res.header.symbol, res.header.session = "A/C.3/79/L.30", 79
    for _, para in res.paragraphs():  # footnote marks are the text round trip's own matter
        para.text = re.sub(r"\[\^[^\]]+\]", "", para.text)
        para.tail = re.sub(r"\[\^[^\]]+\]", "", para.tail)
    res.footnotes.clear()
    return res


def _edited(base: Resolution) -> Resolution:
    """The draft with a preambular paragraph deleted, words of an operative paragraph replaced by words of
    another, and a copy of a preambular paragraph inserted after the first."""
    new = copy.deepcopy(base)
    del new.preamble[2]
    op, other = new.operative[1], inline.plain(new.operative[3].text).split()
    words = inline.plain(op.text).split()
    words[len(words) // 2 : len(words) // 2 + 2] = other[2:5]
    op.text = " ".join(words)
    source = base.preamble[-1]
    new.preamble.insert(1, Paragraph(opener=source.opener, text=inline.plain(source.text)))
    return new


def _plain(paragraphs: list[Paragraph]) -> list[str]:
    return [" ".join(inline.plain(p.opener + " " + p.text).split()) for p in paragraphs]


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_amendment_is_written_in_the_draft_language_and_reads_back(path: Path) -> None:
    code = CODES[path.stem[-1]]
    base = _draft(path)
    assert base.header.language == code
    new = _edited(base)
    written = amendment(base, new, sponsors=["France"], symbol="A/C.3/79/L.77")
    assert written.header.language == code and len(written.instructions) >= 3
    for item in items(written.instructions, code):
        assert sentence_language(item.sentence) == code, item.sentence
        parsed, _ = parse_sentence(item.sentence, code)
        assert [(i.action, i.part, i.number, i.sub, i.old, i.new) for i in parsed] == [
            (i.action, i.part, i.number, i.sub, i.old, i.new) for i in item.instructions
        ]
    text = to_text(written)
    assert "preambular" not in text and "operative paragraph" not in text  # no English wording left
    for read in (read_text(text).resolution, read_docx(build_docx(written), name="a.docx").resolution):
        assert read.header.kind is DocumentKind.AMENDMENT
        assert read.header.language == code
        assert not read.preamble and not read.operative
        amended = apply(read.instructions, base, read)
        assert _plain(amended.preamble) == _plain(new.preamble)
        assert _plain(amended.operative) == _plain(new.operative)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_amendment_in_akn_prints_the_language_wording_and_reads_back(path: Path) -> None:
    """UN XML of a French or Spanish amendment: each printed sentence in the language's wording, and the
    instructions read back from the markup apply to the proposed draft."""
    from lxml import etree

    from app.io.akn_writer import to_akn

    code = CODES[path.stem[-1]]
    base = _draft(path)
    new = _edited(base)
    written = amendment(base, new, sponsors=["France"], symbol="A/C.3/79/L.77")
    data = to_akn(written)
    root = etree.fromstring(data)
    printed = []
    for mod in (el for el in root.iter() if etree.QName(el).localname == "mod"):
        words = [mod.text or ""]
        for child in mod:  # the sentence with its quoted words, not the quoted paragraph
            if etree.QName(child).localname != "quotedStructure":
                words.append("".join(child.itertext()))
            words.append(child.tail or "")
        printed.append("".join(words).strip())
    assert len(printed) == len(items(written.instructions, code))
    assert all(sentence_language(p) == code for p in printed), printed
    read = read_akn(data, name="a.xml").resolution
    amended = apply(read.instructions, base, read)
    assert _plain(amended.preamble) == _plain(new.preamble)
    assert _plain(amended.operative) == _plain(new.operative)


@pytest.mark.parametrize("path", DRAFTS[:2], ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_cli_amend_of_a_draft_in_the_language(tmp_path: Path, path: Path, suffix: str) -> None:
    """`resolute amend` of a French or Spanish draft: the written amendment is in the language's wording and
    `resolute amend --apply` reads it back to the proposed draft."""
    import subprocess
    import sys

    from app.io.reading import read_document
    from app.storage import load_project, save_project

    code = CODES[path.stem[-1]]
    base = _draft(path)
    new = _edited(base)
    save_project(base, tmp_path / "base.json")
    save_project(new, tmp_path / "new.json")
    out = tmp_path / f"amendment{suffix}"
    root = Path(__file__).resolve().parents[2]

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=root, timeout=120
        )

    done = cli(
        "amend",
        str(tmp_path / "base.json"),
        str(tmp_path / "new.json"),
        "--sponsor",
        "France",
        "--symbol",
        "A/C.3/79/L.77",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    read = read_document(out).resolution
    assert read.header.language == code
    assert all(sentence_language(item.sentence) == code for item in items(read.instructions, code))
    done = cli(
        "amend", "--apply", str(out), str(tmp_path / "base.json"), "-o", str(tmp_path / "amended.json")
    )
    assert done.returncode == 0, done.stderr
    amended = load_project(tmp_path / "amended.json")
    assert _plain(amended.preamble) == _plain(new.preamble)
    assert _plain(amended.operative) == _plain(new.operative)
