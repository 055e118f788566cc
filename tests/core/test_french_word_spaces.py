"""A French draft written in Word holds its typographic spaces as characters: a non-breaking space (U+00A0)
or, from recent Word's French autocorrect, a narrow one (U+202F) before ; : ! ? and inside « », sometimes after
an ordinary space the drafter typed too. Read back, they are what the model stores (an ordinary space; the
print sets the non-breaking one, `Language.spaced`), so Word → model → Word keeps one space of the kind the
UN's French XML prints (U+00A0) and the checks see what they see in the issued text.

The drafts: A/RES/79/174 and 79/176 in French (tests/fixtures/languages/A_RES_79_174-2424215F.xml and
held-out/A_RES_79_176-2424217F.xml, UNxml/GAresolutions 79session/French; 79/176's footnotes hold ";" and ":"),
exported to Word by our writer, their spaces then set as Word holds typed ones.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from app.conventions.engine import check_document
from app.io.akn_reader import read_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.model import Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "languages"
DRAFTS = [FIXTURES / "A_RES_79_174-2424215F.xml", FIXTURES / "held-out" / "A_RES_79_176-2424217F.xml"]
NBSP, NARROW = "\u00a0", "\u202f"
PARTS = ("word/document.xml", "word/footnotes.xml")


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in PARTS if name in z.namelist()}


def _as_word_holds_them(data: bytes, typed: str) -> bytes:
    """The .docx with its French spaces as typed in Word: `typed` before ; ! ? and inside « » (the narrow
    space of Word's autocorrect, or an ordinary space then a non-breaking one), a non-breaking one before :."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            body = z.read(info.filename)
            if info.filename in PARTS:
                text = body.decode("utf-8")
                text = re.sub(f"{NBSP}(?=[;!?»])", typed, text)
                text = text.replace("«" + NBSP, "«" + typed)
                body = text.encode("utf-8")
            w.writestr(info, body)
    return out.getvalue()


def _texts(res: Resolution) -> list[str]:
    notes = re.compile(r"\[\^[^\]]+\]")  # footnote ids are new on each reading
    paragraphs = [p for part in res.parts() for p in (*part.preamble, *part.operative)]
    flat = []
    while paragraphs:
        p = paragraphs.pop(0)
        flat.append(notes.sub("", p.text))
        paragraphs[:0] = p.subparagraphs
    return [res.title, *flat, *(f.text for f in res.footnotes.values())]


def _findings(res: Resolution) -> list[tuple[str, str]]:
    return sorted((f.rule, f.message) for f in check_document(res))


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("typed", [NARROW, " " + NBSP, NBSP], ids=["narrow", "space-then-nbsp", "nbsp"])
def test_spaces_typed_in_word_read_back_as_the_model_stores_them(path: Path, typed: str) -> None:
    issued = read_akn(path.read_bytes()).resolution
    first = build_docx(issued)
    printed = "".join(_parts(first).values())
    marks = len(re.findall(f"{NBSP}[;:?!»]|«{NBSP}", printed))
    assert marks > 0 and not re.search(r"(?<=\w) [;:?!»]|« ", printed)  # notes too print the French spaces
    word = _as_word_holds_them(first, typed)
    assert typed in "".join(_parts(word).values())

    back = read_docx(word).resolution
    assert _texts(back) == _texts(issued)
    stored = "".join(_texts(back))
    assert NBSP not in stored and NARROW not in stored
    assert _findings(back) == _findings(issued)

    again = "".join(_parts(build_docx(back)).values())
    assert len(re.findall(f"{NBSP}[;:?!»]|«{NBSP}", again)) == marks
    assert not re.search(f"[ {NBSP}{NARROW}]{{2,}}[;:?!»]|«[ {NBSP}{NARROW}]{{2,}}", again)
    assert NARROW not in again and not re.search(r"(?<=\w) [;:?!»]|« ", again)
