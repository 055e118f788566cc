"""The pieces under the .docx writer: layout files, the footnotes part, and the package check."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from app.errors import TemplateError
from app.io import docx_parts
from app.io.docx_layout import STYLE_NAMES, all_layouts, layout_dir, layout_for_paper, load_layout
from app.io.docx_writer import build_docx
from app.model import Header, Paragraph, Resolution


def test_shipped_layouts_load_and_cover_both_papers():
    layouts = all_layouts()
    assert {layout.paper for layout in layouts.values()} == {"letter", "a4"}
    ny = layout_for_paper("letter")
    assert ny.page.width == 612 and ny.page.height == 792
    assert set(STYLE_NAMES) <= set(ny.styles)
    assert ny.styles["operative"].left == 63.4 and ny.styles["operative"].first_line == 23.7
    assert ny.styles["preambular"].line == 12 and ny.styles["preambular"].after == 6  # inherited from body
    geneva = layout_for_paper("a4")
    assert geneva.page.width == 595.3 and geneva.styles["body"] == ny.styles["body"]  # based on new-york
    assert sum(geneva.masthead.columns) == pytest.approx(geneva.page.frame_width, abs=0.5)


def _copy_layouts(tmp_path: Path) -> Path:
    for path in layout_dir().glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / "new-york.toml"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace("[page]\n", "[page]\ncolour = 1\n"), "unknown field 'colour'"),
        (lambda s: s.replace("top = 74.8", 'top = "wide"'), "field 'top' must be a number"),
        (lambda s: s.replace('paper = "letter"', 'paper = "legal"'), "field 'paper'"),
        (
            lambda s: s.replace("[styles.sponsor_line]\n", '[styles.sponsor_line]\nbase = "nowhere"\n'),
            "unknown style 'nowhere'",
        ),
        (lambda s: re.sub(r"\[styles\.end_rule\][^\[]*", "", s), "missing style 'end_rule'"),
        (lambda s: s.replace('align = "justify"', 'align = "middle"'), "field 'align'"),
        (lambda s: s.replace("columns = [63.4, 273.6, 155]", "columns = [63.4, 200, 155]"), "frame width"),
        (lambda s: s.replace("[page]\nwidth = 612\n", "[page]\n"), "missing field 'width'"),
        (lambda s: s + '\n[styles.body2]\nbase = "body2"\n', "based on itself"),
        (
            lambda s: s.replace("bold = true\nline = 12\nbefore = 18", "bold = 1\nline = 12\nbefore = 18"),
            "must be true or false",
        ),
    ],
)
def test_bad_layout_files_are_refused_with_the_field_named(tmp_path: Path, edit, message: str):
    path = _copy_layouts(tmp_path)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(TemplateError, match=re.escape(message)) as caught:
        load_layout(path)
    assert caught.value.args[0].startswith("new-york.toml")


def test_a_derived_layout_must_name_an_existing_base(tmp_path: Path):
    _copy_layouts(tmp_path)
    path = tmp_path / "geneva.toml"
    path.write_text(path.read_text().replace('base = "new-york"', 'base = "paris"'))
    with pytest.raises(TemplateError, match="field 'base'"):
        load_layout(path)


def test_footnotes_part_is_created_once_and_related():
    docx_parts.install()
    document = docx.Document()
    assert docx_parts.footnotes_part(document, create=False) is None
    notes = docx_parts.footnotes_of(document)
    assert docx_parts.footnotes_of(document).part is notes.part  # get-or-create: the same part
    assert len(notes) == 0 and notes.special(-1) and notes.special(0)
    first = notes.add()
    second = notes.add()
    assert (first.id, second.id) == (1, 2)
    with pytest.raises(ValueError):
        notes.add(2)
    first.add_paragraph().add_run("United Nations, Treaty Series.")
    stream = io.BytesIO()
    document.save(stream)
    blob = stream.getvalue()
    names = zipfile.ZipFile(io.BytesIO(blob)).namelist()
    assert "word/footnotes.xml" in names
    reread = docx_parts.footnotes_of(docx.Document(io.BytesIO(blob)))
    assert [n.id for n in reread] == [1, 2]
    assert reread.get(1).paragraphs[0].text == "United Nations, Treaty Series."


def _rewrite(blob: bytes, name: str, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == name:
                data = change(data)
                if data is None:
                    continue
            dst.writestr(item, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def sample() -> bytes:
    res = Resolution(header=Header(template="ga-c1", session=80, symbol="A/C.1/80/L.1"), title="Test")
    note = res.add_footnote("A/80/1.")
    res.preamble = [Paragraph("Recalling", f"its resolution 79/1[^{note.id}]")]
    res.operative = [Paragraph("Decides", "to act")]
    return build_docx(res)


@pytest.mark.parametrize(
    ("name", "change", "problem"),
    [
        ("word/footnotes.xml", lambda d: None, "footnote reference"),
        ("word/footnotes.xml", lambda d: d.replace(b'w:id="-1"', b'w:id="7"'), "separator footnote -1"),
        ("word/footnotes.xml", lambda d: d.replace(b'w:id="1"', b'w:id="0"'), "footnote id 0 repeats"),
        ("word/document.xml", lambda d: d.replace(b"</w:body>", b"</w:bdy>"), "not well-formed"),
        (
            "word/_rels/document.xml.rels",
            lambda d: d.replace(b'Target="styles.xml"', b'Target="nothing.xml"'),
            "missing part word/nothing.xml",
        ),
        (
            "[Content_Types].xml",
            lambda d: re.sub(rb'<Override PartName="/word/footnotes.xml"[^>]*/>', b"", d),
            "word/footnotes.xml has content type application/xml",
        ),
        ("word/document.xml", lambda d: d.replace(b'r:id="rId', b'r:id="rIdX', 1), "is not defined"),
        (
            "word/styles.xml",
            lambda d: d.replace(b'w:styleId="UNTail"', b'w:styleId="UNBody"'),
            "style id UNBody repeats",
        ),
    ],
)
def test_package_problems_are_found(sample: bytes, name: str, change, problem: str):
    assert docx_parts.package_problems(sample) == []
    broken = _rewrite(sample, name, change)
    found = docx_parts.package_problems(broken)
    assert any(problem in p for p in found), found


def test_not_a_zip():
    assert docx_parts.package_problems(b"hello") == ["not a zip package"]
