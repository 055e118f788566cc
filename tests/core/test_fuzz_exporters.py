"""Fuzzing the way out: any model a delegate can end up with (typed, pasted, imported from a hostile file)
saves, renders and exports to files that re-open. Exported XML must be well formed: XML 1.0 forbids most C0
controls, noncharacters and lone surrogates, so the writers drop them."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import FRAGMENTS, docx_problems, hang_guard, sample  # noqa: E402

from app import storage  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.errors import ResoluteError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.model import AgendaItem, DocumentKind, Header, Paragraph, Resolution  # noqa: E402
from app.render import render  # noqa: E402
from app.rollover import rollover  # noqa: E402
from app.templates import all_templates  # noqa: E402

HANG = 20.0
SCALE = int(os.environ.get("RESOLUTE_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=timedelta(seconds=5),
        derandomize="CI" in os.environ,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


words = st.sampled_from(["Member States", "the", "Recalling", "Égypte", "Côte d’Ivoire", "2024", ","])
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), words, st.text(max_size=6)), max_size=6).map("".join)


@st.composite
def paragraphs(draw: st.DrawFn, depth: int = 0) -> Paragraph:
    para = Paragraph(draw(hostile), draw(hostile), tail=draw(st.one_of(st.just(""), hostile)))
    if depth < 3 and draw(st.booleans()):
        para.subparagraphs = draw(st.lists(paragraphs(depth + 1), min_size=1, max_size=3))
    return para


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    header = Header(
        template=draw(st.sampled_from(sorted(all_templates()))),
        session=draw(st.one_of(st.none(), st.integers(-5, 2000))),
        year=draw(st.one_of(st.none(), st.integers(-5, 10000))),
        committee=draw(hostile),
        agenda_items=draw(st.lists(st.builds(AgendaItem, hostile, hostile, hostile), max_size=2)),
        symbol=draw(hostile),
        revision=draw(st.integers(0, 120)),
        date=draw(st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))),
        distribution=draw(hostile),
        original_language=draw(hostile),
        sponsors=draw(st.lists(hostile, max_size=4)),
        on_behalf_of=draw(hostile),
        kind=draw(st.sampled_from(list(DocumentKind))),
        amends=draw(hostile),
        job_number=draw(hostile),
    )
    res = Resolution(
        header=header,
        title=draw(hostile),
        preamble=draw(st.lists(paragraphs(), max_size=3)),
        operative=draw(st.lists(paragraphs(), max_size=3)),
        unplaced=draw(st.lists(hostile, max_size=2)),
    )
    nodes = [p for _, p in res.paragraphs()]
    for text in draw(st.lists(hostile, max_size=3)):
        note = res.add_footnote(text)
        if nodes:
            nodes[draw(st.integers(0, len(nodes) - 1))].text += f"[^{note.id}]"
    if nodes and draw(st.booleans()):
        nodes[0].text += "[^nosuchnote]"  # a reference whose footnote was deleted
    return res


def well_formed(xml: bytes) -> None:
    etree.fromstring(xml)  # strict parser: raises on anything XML 1.0 forbids


@fuzz(15)
@given(res=resolutions())
def test_any_model_exports_to_valid_files(res: Resolution) -> None:
    with hang_guard(HANG):
        render(res)
        blob = build_docx(res)
        assert docx_problems(blob) == []
        akn = to_akn(res)
        well_formed(akn)
        text = to_text(res)
        assert isinstance(text, str)
        saved = storage.dumps(res).encode("utf-8", "replace")
        again = storage.loads(saved.decode("utf-8"))
        assert [p.opener for _, p in again.paragraphs()] == [
            p.opener.encode("utf-8", "replace").decode() for _, p in res.paragraphs()
        ]


@fuzz(10)
@given(res=resolutions())
def test_any_model_lays_out_as_pdf_pages(res: Resolution) -> None:
    """The PDF's page layout (Qt-free; a measure from the font size stands in for the font) takes any model,
    and every word it prints starts on the page."""
    from app.io.docx_layout import layout_for_paper
    from app.print_layout import Text, lay_out

    with hang_guard(HANG):
        rendered = render(res)
        layout = layout_for_paper(rendered.template.paper)
        pages = lay_out(rendered, layout, lambda text, font: 0.5 * font.size * len(text))
        assert pages
        for page in pages:
            for item in page.items:
                if isinstance(item, Text):
                    assert 0 <= item.x < layout.page.width and 0 < item.y < layout.page.height


@fuzz(10)
@given(res=resolutions())
def test_exported_files_read_back_without_escaping_errors(res: Resolution) -> None:
    """Our own exports are the likeliest input of all: reading them back may refuse, never crash."""
    with hang_guard(HANG):
        for read, data in ((read_akn, to_akn(res)), (read_text, to_text(res))):
            try:
                read(data)
            except ResoluteError as exc:
                assert "\n" not in str(exc)


@fuzz(12)
@given(ops=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(FRAGMENTS)), min_size=1, max_size=15))
def test_hostile_text_imported_then_exported_is_valid(ops: list[tuple[float, str]]) -> None:
    """Control characters and marks that came in through the text importer never reach the .docx XML."""
    text = to_text(sample())
    for where, frag in ops:
        at = int(where * len(text))
        text = text[:at] + frag + text[at:]
    try:
        res = read_text(text).resolution
    except ResoluteError:
        return
    with hang_guard(HANG):
        assert docx_problems(build_docx(res)) == []
        well_formed(to_akn(res))


def test_project_with_escaped_surrogates_and_controls_saves_and_exports(tmp_path: Path) -> None:
    """A project file may carry "\\ud800" and "\\u0000" escapes (valid JSON): load, save, export all work."""
    data = storage.to_dict(sample())
    data["title"] = "Title \ud800 with \x00 a lone surrogate and a NUL"
    data["header"]["sponsors"] = ["Egypt\udfff", "مصر"]
    data["operative"][0]["text"] = "text\x0b with a vertical tab \x1b and escape"
    raw = json.dumps(data)  # ensure_ascii: the surrogate travels as the escape "\ud800"
    assert "\\ud800" in raw
    res = storage.loads(raw)
    assert res.title == "Title \ufffd with \x00 a lone surrogate and a NUL"
    assert res.header.sponsors == ["Egypt\ufffd", "مصر"]
    path = tmp_path / "draft.json"
    storage.save_project(res, path)
    assert storage.load_project(path).title == res.title
    blob = build_docx(res)
    assert docx_problems(blob) == []
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "with a vertical tab  and escape" in body or "with a vertical tab and escape" in body
    well_formed(to_akn(res))


def test_out_of_range_session_renders_in_figures() -> None:
    """A session number no ordinal word covers (a damaged project) prints as a figure, everywhere."""
    res = sample()
    res.header.session = 1234
    assert "Session 1234" in [line.text for line in render(res).agenda]
    assert b"Session 1234" in to_akn(res)
    assert docx_problems(build_docx(res)) == []


@fuzz(8)
@given(res=resolutions())
def test_any_model_checks_and_rolls_over(res: Resolution) -> None:
    """The convention engine and the rollover take whatever the exporters take."""
    with hang_guard(HANG):
        for finding in check_document(res):
            assert finding.message and finding.rule
        symbol = "S/RES/2800 (2025)" if all_templates()[res.header.template].uses_year else "A/RES/80/70"
        try:
            new, changes = rollover(res, adoption_date=dt.date(2025, 12, 1), adopted_symbol=symbol)
        except ResoluteError as exc:
            assert "\n" not in str(exc)
            return
        assert all(change.description for change in changes)
        render(new)
