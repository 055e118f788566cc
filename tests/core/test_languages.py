"""French and Spanish drafts, checked against the UN's own French and Spanish XML (tests/fixtures/languages/,
from UNxml/GAresolutions; none of them was learned from: the lexicons come from sessions 75-78)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app import storage
from app.conventions import engine
from app.findings import Severity
from app.inline import plain
from app.io.akn_reader import read_akn
from app.io.docx_writer import build_docx
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.languages import get_language
from app.lexicon import detect_opener, is_known
from app.model import Part, Resolution
from app.render import join_opener, render

FIXTURES = Path(__file__).parent.parent / "fixtures" / "languages"
FILES = sorted(FIXTURES.glob("*.xml"))
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _code(path: Path) -> str:
    return {"F": "fr", "S": "es"}[path.stem[-1]]


def _italic_lead(el: etree._Element) -> str:
    """The text of the italic spans that open an element's first paragraph, as the UN marked them."""
    p = next(el.iter(f"{AKN}p"))
    parts = []
    if (p.text or "").strip():
        return ""
    for child in p:
        if child.tag == f"{AKN}span" and "italic" in (child.get("class") or ""):
            parts.append("".join(child.itertext()))
            if (child.tail or "").strip():
                break
        else:
            break
    return " ".join("".join(parts).split()).rstrip(",;: ")


def _markup(path: Path) -> tuple[list[str], list[str]]:
    """Openers of the preambular and of the operative paragraphs, read from the XML markup."""
    root = etree.parse(str(path)).getroot()
    preamble = [c for c in root.iter(f"{AKN}preamble") for c in c if c.tag == f"{AKN}container"]
    body = next(root.iter(f"{AKN}mainBody"))
    operative = [c for c in body if c.tag == f"{AKN}paragraph" and c.find(f"{AKN}num") is not None]
    return [_italic_lead(c) for c in preamble], [_italic_lead(c) for c in operative]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_reads_paragraphs_and_openers_as_marked(path: Path) -> None:
    res = read_akn(path.read_bytes(), name=path.name).resolution
    assert res.header.language == _code(path)
    pre, op = _markup(path)
    assert [p.opener for p in res.preamble] == pre
    assert [p.opener for p in res.operative] == op


@pytest.mark.parametrize("code", ["fr", "es"])
def test_held_out_openers_are_found_from_plain_text(code: str) -> None:
    total = found = known = 0  # the markup has its own slips ("Encourag" in italics, "e" in roman: 79/295)
    for path in (p for p in FILES if _code(p) == code):
        res = read_akn(path.read_bytes(), name=path.name).resolution
        for part in Part:
            for para in res.part(part):
                if para.opener:
                    total += 1
                    text = join_opener(para.opener, plain(para.text))
                    found += detect_opener(text, part, language=code) == para.opener
                    known += is_known(para.opener, part, code)
    assert total > 50
    assert found / total >= 0.9
    assert known / total >= 0.9


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_issued_text_raises_few_findings(path: Path) -> None:
    res = read_akn(path.read_bytes(), name=path.name).resolution
    findings = [f for f in engine.check_document(res) if f.severity is not Severity.INFO]
    paragraphs = sum(1 for body in res.parts() for part in Part for _ in body.part(part))
    assert not any(f.rule.startswith(("spelling.", "UN.")) for f in findings)
    assert len(findings) <= max(2, paragraphs // 10), [(f.rule, f.message) for f in findings]


def _draft(code: str) -> Resolution:
    path = next(p for p in FILES if _code(p) == code and "79_174" in p.name)
    res = read_akn(path.read_bytes(), name=path.name).resolution
    res.header.symbol, res.header.session, res.header.date = "A/C.3/79/L.36", 79, dt.date(2024, 11, 1)
    return res


@pytest.mark.parametrize("code", ["fr", "es"])
def test_docx_prints_header_and_labels_in_the_language(code: str) -> None:
    res = _draft(code)
    lang = get_language(code)
    with zipfile.ZipFile(io.BytesIO(build_docx(res))) as z:
        parts = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
        text = "".join("".join(etree.fromstring(z.read(n)).itertext()) for n in parts)
    assert lang.masthead["united_nations"] in text
    assert lang.organ_lines["General Assembly"] in text
    assert lang.masthead["distribution"].format(value=lang.word("Limited")) in text
    assert lang.session_line(79) in text
    assert lang.format_date(dt.date(2024, 11, 1)) in text
    assert lang.kind("draft resolution") in text
    rendered = render(res)
    labels = [b.label for b in rendered.blocks if b.role == "subparagraph"]
    assert labels and all(label.endswith(")") and not label.startswith("(") for label in labels)
    for label in labels[:3]:
        assert label in text


@pytest.mark.parametrize("code", ["fr", "es"])
def test_text_round_trip_detects_the_language(code: str) -> None:
    res = _draft(code)
    res.header.sponsors = ["France", "Mexico"]
    back = read_text(to_text(res)).resolution
    assert back.header.language == code
    for name in ("symbol", "session", "date", "distribution", "original_language", "sponsors", "kind"):
        assert getattr(back.header, name) == getattr(res.header, name), name
    assert [(a.number, a.sub_item) for a in back.header.agenda_items] == [
        (a.number, a.sub_item) for a in res.header.agenda_items
    ]
    assert back.title == res.title
    assert [p.opener for p in back.preamble] == [p.opener for p in res.preamble]
    assert [p.opener for p in back.operative] == [p.opener for p in res.operative]
    assert [len(p.subparagraphs) for p in back.operative] == [len(p.subparagraphs) for p in res.operative]


def test_language_is_an_optional_project_key() -> None:
    res = _draft("es")
    data = storage.to_dict(res)
    assert data["header"]["language"] == "es"
    assert storage.from_dict(data).header.language == "es"
    res.header.language = "en"
    data = storage.to_dict(res)
    assert "language" not in data["header"]
    assert storage.from_dict(data).header.language == "en"


@pytest.mark.parametrize("code", ["fr", "es"])
def test_new_draft_in_a_language_checks_and_exports(code: str, tmp_path: Path) -> None:
    from app.documents import new_resolution

    res = new_resolution("ga-c3", today=dt.date(2025, 10, 1), language=code)
    lang = get_language(code)
    res.preamble[0].opener, res.preamble[0].text = phrase_of(code, Part.PREAMBLE), "x"
    res.operative[0].opener, res.operative[0].text = phrase_of(code, Part.OPERATIVE), "y"
    res.header.sponsors = ["France"]
    assert not [f for f in engine.check_document(res) if f.severity is Severity.ERROR]
    out = render(res)
    assert out.organ_line == lang.organ_lines["General Assembly"]
    assert out.agenda[0].text == lang.session_line(80)
    assert lang.committee("Third Committee") in [line.text for line in out.agenda]
    assert out.original.endswith(lang.word(lang.english_name))
    assert build_docx(res)


def phrase_of(code: str, part: Part) -> str:
    """A phrase of the language's learned lexicon for that part."""
    from app.lexicon import phrases

    return next(p for p in phrases(part, code) if is_known(p, part, code))


def test_dates_use_the_draft_language() -> None:
    from app.conventions.dates import field_findings

    found = field_findings("adoptée le 4 Décembre 2023 et le 04/12/2023", field="text", language="fr")
    assert [f.fix.replacement for f in found if f.fix] == ["4 décembre 2023", "4 décembre 2023"]
    assert not field_findings("du 1er décembre 2023", field="text", language="fr")
    assert not field_findings("de 4 de diciembre de 2023", field="text", language="es")


@pytest.mark.parametrize("code", ["fr", "es"])
def test_akn_export_keeps_the_language(code: str) -> None:
    from app.io.akn_writer import to_akn

    res = _draft(code)
    data = to_akn(res)
    back = read_akn(data if isinstance(data, bytes) else data.encode("utf-8")).resolution
    assert back.header.language == code
    assert [p.opener for p in back.operative] == [p.opener for p in res.operative]
