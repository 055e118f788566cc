"""What a reader meets and cannot place is read, or kept, or reported, or refused in one line: never dropped
without a word. Equations, ruby, altChunk, mc:AlternateContent, nested tables and text boxes in Word files;
line separators, UTF-16/UTF-32 and NULs in text; entities hidden in parts not named .xml or in UTF-16."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import hang_guard, sample, xml_parts  # noqa: E402

from app import inline, storage  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.reading import read_document  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from tests.docx_parts import repack

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
ANCHOR = "the work of paragraph 4 and the Charter of the United Nations</w:t></w:r>"


@pytest.fixture(scope="module")
def blob() -> bytes:
    return build_docx(sample())


def with_in_paragraph(blob: bytes, fragment: str) -> bytes:
    """The Word file with `fragment` inside operative paragraph 2, after its text."""
    xml = xml_parts(blob)["word/document.xml"].decode("utf-8")
    assert ANCHOR in xml
    return repack(blob, {"word/document.xml": xml.replace(ANCHOR, ANCHOR + fragment, 1).encode("utf-8")})


def with_in_body(blob: bytes, fragment: str) -> bytes:
    xml = xml_parts(blob)["word/document.xml"].decode("utf-8")
    at = xml.rindex("<w:sectPr")
    return repack(blob, {"word/document.xml": (xml[:at] + fragment + xml[at:]).encode("utf-8")})


def everything(result: object) -> str:
    res = result.resolution
    return inline.plain(storage.dumps(res)) + " ".join(f.message for f in result.findings)


def model_text(result: object) -> str:
    return storage.dumps(result.resolution)


def test_an_equation_is_read_as_plain_text_with_a_finding(blob: bytes) -> None:
    math = (
        f'<m:oMath xmlns:m="{MATH}"><m:r><m:t>E=mc</m:t></m:r><m:sSup><m:e><m:r><m:t>2</m:t></m:r></m:e>'
        "</m:sSup></m:oMath>"
    )
    result = read_docx(with_in_paragraph(blob, math))
    assert "E=mc2" in model_text(result)
    assert any(f.rule == "import.equations" for f in result.findings)


def test_ruby_keeps_its_base_text_and_reports_the_guide(blob: bytes) -> None:
    ruby = (
        "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>GUIDETEXT</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t> RUBYBASE</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )
    result = read_docx(with_in_paragraph(blob, ruby))
    assert "RUBYBASE" in model_text(result)
    assert any(f.rule == "import.ruby" and "GUIDETEXT" in f.message for f in result.findings)


@pytest.mark.parametrize("inside_run", [False, True])
def test_alternate_content_without_a_fallback_reads_its_choice(blob: bytes, inside_run: bool) -> None:
    choice = "<w:t> CHOSENTEXT</w:t>" if inside_run else "<w:r><w:t> CHOSENTEXT</w:t></w:r>"
    alt = f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="w14">{choice}</mc:Choice></mc:AlternateContent>'
    result = read_docx(with_in_paragraph(blob, f"<w:r>{alt}</w:r>" if inside_run else alt))
    assert "CHOSENTEXT" in model_text(result)
    fallback = alt.replace(
        "</mc:AlternateContent>",
        f"<mc:Fallback>{choice.replace('CHOSEN', 'FALLBACK')}</mc:Fallback></mc:AlternateContent>",
    )
    text = model_text(
        read_docx(with_in_paragraph(blob, f"<w:r>{fallback}</w:r>" if inside_run else fallback))
    )
    assert "FALLBACKTEXT" in text and "CHOSENTEXT" not in text  # one of the two, never both


def test_a_text_box_in_alternate_content_is_kept(blob: bytes) -> None:
    box = "<w:drawing><w:txbxContent><w:p><w:r><w:t>BOXEDTEXT</w:t></w:r></w:p></w:txbxContent></w:drawing>"
    alt = (
        f'<w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps">{box}</mc:Choice>'
        f"<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>BOXEDTEXT</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    result = read_docx(with_in_paragraph(blob, alt))
    assert [a for a in result.resolution.unplaced if "BOXEDTEXT" in a] == ["BOXEDTEXT"]


def test_alt_chunk_content_is_reported(blob: bytes) -> None:
    result = read_docx(with_in_body(blob, '<w:altChunk r:id="rId99"/>'))
    assert any("altChunk" in f.message for f in result.findings)


def nested_tables(depth: int) -> str:
    inner = "<w:p><w:r><w:t>INNERMOSTCELL</w:t></w:r></w:p>"
    for level in range(depth):
        inner = (
            f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>CELL{level}</w:t></w:r></w:p>{inner}<w:p/></w:tc></w:tr>"
            "</w:tbl>"
        )
    return inner


@pytest.mark.parametrize("depth", [2, 20, 60])
def test_a_nested_table_cell_is_read_once(blob: bytes, depth: int) -> None:
    with hang_guard(20):
        result = read_docx(with_in_body(blob, nested_tables(depth)))
    text = model_text(result)
    assert text.count("INNERMOSTCELL") == 1
    assert all(
        text.count(f"CELL{level}<") + text.count(f"CELL{level} ") + text.count(f'CELL{level}"') <= 1
        for level in range(depth)
    )


def nested_boxes(depth: int) -> str:
    inner = "<w:p><w:r><w:t>BOX0</w:t></w:r></w:p>"
    for level in range(1, depth + 1):
        inner = (
            f"<w:p><w:r><w:t>BOX{level}</w:t></w:r><w:r><w:drawing><w:txbxContent>{inner}</w:txbxContent>"
            "</w:drawing></w:r></w:p>"
        )
    return inner


@pytest.mark.parametrize("depth", [1, 22, 40])
def test_nested_text_boxes_are_each_kept_once(blob: bytes, depth: int) -> None:
    with hang_guard(20):
        result = read_docx(
            with_in_paragraph(
                blob,
                f"<w:r><w:drawing><w:txbxContent>{nested_boxes(depth)}</w:txbxContent></w:drawing></w:r>",
            )
        )
    annex = " ".join(result.resolution.unplaced)
    for level in range(depth + 1):
        assert annex.split().count(f"BOX{level}") == 1


ENTITY_DTD = b'<!DOCTYPE w:footnotes [<!ENTITY cut "x">]>'


def test_entities_in_a_part_not_named_xml_are_refused(blob: bytes) -> None:
    parts = xml_parts(blob)
    notes = parts["word/footnotes.xml"].replace(b"?>", b"?>" + ENTITY_DTD, 1)
    types = parts["[Content_Types].xml"].replace(b"/word/footnotes.xml", b"/word/footnotes.dat")
    rels = parts["word/_rels/document.xml.rels"].replace(b'Target="footnotes.xml"', b'Target="footnotes.dat"')
    hostile = repack(
        blob,
        {"word/footnotes.xml": notes, "[Content_Types].xml": types, "word/_rels/document.xml.rels": rels},
        {"word/footnotes.xml": "word/footnotes.dat"},
    )
    with pytest.raises(InputError, match="entities") as exc:
        read_docx(hostile)
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_parts_without_a_bom_are_read_whole_or_refused(blob: bytes, encoding: str) -> None:
    xml = (
        xml_parts(blob)["word/document.xml"].decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    )
    plain = repack(blob, {"word/document.xml": xml.encode(encoding)})
    texts = [[inline.plain(p.text) for p in read_docx(b).resolution.operative] for b in (plain, blob)]
    assert texts[0] == texts[1]
    dtd = '<!DOCTYPE w:document [<!ENTITY cut "x">]>'
    hostile = xml.replace("?>", "?>" + dtd, 1).replace(ANCHOR, ANCHOR.replace("Charter", "&cut; Charter"))
    with pytest.raises(InputError, match="entities"):
        read_docx(repack(blob, {"word/document.xml": hostile.encode(encoding)}))


# --- text ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r", "\r\n"])
def test_any_line_separator_reads_like_a_newline(tmp_path: Path, separator: str) -> None:
    text = to_text(sample())
    expected = read_document(_write(tmp_path / "a.txt", text.encode("utf-8"))).resolution
    got = read_document(_write(tmp_path / "b.txt", text.replace("\n", separator).encode("utf-8"))).resolution
    assert storage.dumps(got).count("paragraph") == storage.dumps(expected).count("paragraph")
    assert (len(got.preamble), len(got.operative), got.title) == (
        len(expected.preamble),
        len(expected.operative),
        expected.title,
    )


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("arabic", [False, True])
def test_utf16_and_utf32_with_or_without_bom_read_whole(tmp_path: Path, encoding: str, arabic: bool) -> None:
    res = sample()
    if arabic:
        res.header.sponsors = ["مصر", "الأردن"]
    text = to_text(res)
    expected = read_document(_write(tmp_path / "a.txt", text.encode("utf-8"))).resolution
    got = read_document(_write(tmp_path / "b.txt", text.encode(encoding))).resolution
    assert "\x00" not in storage.dumps(got)
    assert (got.title, len(got.preamble), len(got.operative), got.header.sponsors) == (
        expected.title,
        len(expected.preamble),
        len(expected.operative),
        expected.header.sponsors,
    )


def test_text_with_nuls_is_refused_in_one_line(tmp_path: Path) -> None:
    data = b"\x00".join(to_text(sample()).encode("utf-8")[i : i + 20] for i in range(0, 3000, 20))
    with pytest.raises(InputError, match="NUL") as exc:
        read_document(_write(tmp_path / "nul.txt", data))
    assert "\n" not in str(exc.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
