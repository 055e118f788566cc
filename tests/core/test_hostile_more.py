"""Hostile and careless files, one category at a time: zip bombs, entities and external references, absurd
nesting, a 5 MB paragraph, control characters, right-to-left text, broken encodings, empty files and folders,
hostile templates and rule files. Each is read with a clear one-line error or read correctly, never a crash,
a hang or a leak. Time limits here are hang guards (a run that stops), never speed targets.
test_hostile_input.py (the Word/XML reader's own) covers the plain zip bombs, billion laughs and deep XML;
this file adds what it does not: lying sizes, leaks, XInclude, JSON, huge text, encodings, templates, rules."""

from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import RTL_SPONSORS, docx_problems, hang_guard, sample, xml_parts  # noqa: E402

from app import inline, storage  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.errors import InputError, ResoluteError, TemplateError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.reading import read_document  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.render import render  # noqa: E402
from app.spelling.checker import Checker, SpellingSettings  # noqa: E402
from app.spelling.rules import load_user_rules  # noqa: E402
from app.templates import load_template  # noqa: E402

SECRET = "TOP-SECRET-7f3a9c"  # must never come out of a reader


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(exc.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def replace_member(blob: bytes, member: str, data: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, data if name == member else src.read(name))
        for name, value in (extra or {}).items():
            dst.writestr(name, value)
    return out.getvalue()


@pytest.fixture(scope="module")
def docx_blob() -> bytes:
    return build_docx(sample())


@pytest.fixture(scope="module")
def document_xml(docx_blob: bytes) -> bytes:
    return xml_parts(docx_blob)["word/document.xml"]


# -- zip bombs ---------------------------------------------------------------------------------------------


def test_member_that_lies_about_its_size_is_refused(docx_blob: bytes) -> None:
    """The central directory says 2 kB; the stream inflates to 30 MB. Reading stops at the stated size."""
    honest = replace_member(docx_blob, "word/document.xml", b"<a>" + b" " * 30_000_000 + b"</a>")
    with zipfile.ZipFile(io.BytesIO(honest)) as archive:
        info = archive.getinfo("word/document.xml")
    size = info.file_size.to_bytes(4, "little")
    lying = honest.replace(size, (2048).to_bytes(4, "little"))  # local header and central directory
    assert lying != honest
    with hang_guard(30), pytest.raises(InputError) as exc:
        read_docx(lying, name="liar.docx")
    one_line(exc)


# -- entities, external references, XInclude ----------------------------------------------------------------


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def _external_entity(secret: Path) -> bytes:
    return f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()


def _with_prolog(xml: bytes, prolog: bytes, marker: bytes) -> bytes:
    """Put a DOCTYPE before the root and an entity reference into the first text run."""
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return prolog + body.replace(b">Recalling<", b">Recalling " + marker + b"<", 1)


def _everything(result: object) -> str:
    return storage.dumps(result.resolution) + repr(getattr(result, "findings", ""))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "part", ["word/document.xml", "word/styles.xml", "word/footnotes.xml", "[Content_Types].xml"]
)
def test_docx_external_entity_never_leaks(docx_blob: bytes, secret_file: Path, part: str) -> None:
    original = xml_parts(docx_blob)[part]
    hostile = _with_prolog(original, _external_entity(secret_file), b"&xxe;")
    if part == "word/document.xml":  # the payload is live: a trusting parser would read the secret
        naive = etree.fromstring(
            hostile, etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
        )
        assert SECRET in "".join(naive.itertext())
    try:
        result = read_docx(replace_member(docx_blob, part, hostile), name="xxe.docx")
    except ResoluteError as exc:
        assert SECRET not in str(exc)
        return
    assert SECRET not in _everything(result)


def test_docx_external_dtd_and_xinclude_are_not_followed(
    docx_blob: bytes, document_xml: bytes, secret_file: Path
) -> None:
    dtd = secret_file.parent / "evil.dtd"
    dtd.write_text(f'<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">')
    with_dtd = _with_prolog(document_xml, f'<!DOCTYPE w:document SYSTEM "{dtd.as_uri()}">'.encode(), b"&xxe;")
    xinclude = document_xml.replace(
        b">Recalling<",
        b'>Recalling<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="'
        + secret_file.as_uri().encode()
        + b'" parse="text"/><',
        1,
    )
    assert b"&xxe;" in with_dtd and b"xi:include" in xinclude
    naive = etree.fromstring(xinclude)
    naive.getroottree().xinclude()  # the payload is live: processing XInclude would read the secret
    assert SECRET in "".join(naive.itertext())
    for hostile in (with_dtd, xinclude):
        try:
            result = read_docx(replace_member(docx_blob, "word/document.xml", hostile), name="ext.docx")
        except ResoluteError as exc:
            assert SECRET not in str(exc)
            continue
        assert SECRET not in _everything(result)


def test_akn_external_entity_is_refused_and_never_leaks(secret_file: Path) -> None:
    hostile = _with_prolog(to_akn(sample()), _external_entity(secret_file), b"&xxe;")
    assert b"&xxe;" in hostile
    with hang_guard(30), pytest.raises(InputError) as exc:
        read_akn(hostile, name="hostile.xml")
    assert SECRET not in one_line(exc)


def test_read_document_never_leaks_through_any_reader(tmp_path: Path, secret_file: Path) -> None:
    """The same attack under every suffix the front door dispatches on."""
    payload = _external_entity(secret_file) + b"<r>&xxe;</r>"
    for suffix in (".xml", ".akn", ".txt", ".json", ".docx"):
        path = tmp_path / f"attack{suffix}"
        path.write_bytes(payload)
        try:
            result = read_document(path)
        except ResoluteError as exc:
            assert SECRET not in str(exc)
            continue
        assert SECRET not in _everything(result)


# -- absurd nesting -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["[", '{"a":', '{"format": "resolute", "version": 1, "title": ['])
def test_json_with_absurd_nesting_is_refused(opening: str) -> None:
    with hang_guard(30), pytest.raises(InputError) as exc:
        storage.loads(opening * 200_000)
    assert "JSON" in one_line(exc)


def test_project_subparagraphs_nested_too_deep_are_refused_but_deep_enough_load() -> None:
    def nest(levels: int) -> dict:
        node: dict = {"opener": "", "text": "deepest", "subparagraphs": []}
        for _ in range(levels):
            node = {"opener": "", "text": "level", "subparagraphs": [node]}
        return node

    data = storage.to_dict(sample())
    data["operative"].append(nest(6))
    res = storage.loads(json.dumps(data))
    assert [p.text for _, p in res.paragraphs()][-1] == "deepest"
    data["operative"].append(nest(60))
    with pytest.raises(InputError) as exc:
        storage.loads(json.dumps(data))
    assert "nested deeper" in one_line(exc)


# -- a 5 MB paragraph ------------------------------------------------------------------------------------------

_VOCABULARY = (
    "the international community Member States relevant United Nations entities implementation of sustainable "
    "development capacity-building cooperation in accordance with international law and the Charter of the "
    "regional organizations civil society Secretary-General report on its eightieth session humanitarian "
    "assistance peacebuilding effective *Treaty Series* [^n1]"
).split()


def _huge_paragraph(chars: int) -> str:
    rng = random.Random(5)
    words: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(_VOCABULARY)
        if word == "[^n1]" and "[^n1]" in words:
            word = "with"
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


def test_five_megabyte_paragraph_imports_checks_renders_and_exports(tmp_path: Path) -> None:
    """Every step must end (hang guard); the text survives the .docx round trip whole. (A long line through
    the text importer: the next test.)"""
    res = sample(paragraphs=4, footnotes=0)
    res.add_footnote("The only footnote.").id  # noqa: B018
    note_id = next(iter(res.footnotes))
    res.operative[0].text = _huge_paragraph(5_000_000).replace("[^n1]", f"[^{note_id}]")
    assert len(res.operative[0].text) >= 5_000_000
    with hang_guard(120):
        check_document(res)
        rendered = render(res)
        assert rendered.blocks
        blob = build_docx(res)
        assert docx_problems(blob) == []
        akn = to_akn(res)
        etree.fromstring(akn)
        text = to_text(res)
        storage.save_project(res, tmp_path / "huge.json")
        assert storage.load_project(tmp_path / "huge.json").operative[0].text == res.operative[0].text
        assert len(text) > 5_000_000
        back = read_docx(blob, name="huge.docx").resolution
        assert len(back.operative[0].text) > 4_900_000


def test_text_file_with_one_huge_line_imports(tmp_path: Path) -> None:
    draft = to_text(sample(paragraphs=4, footnotes=0))
    huge = _huge_paragraph(3_000_000).replace(" [^n1]", "").replace("*", "")
    path = tmp_path / "huge.txt"
    path.write_text(draft.replace("the work of paragraph 2", huge, 1), encoding="utf-8")
    with hang_guard(60):
        res = read_document(path).resolution
    assert max(len(p.text) for _, p in res.paragraphs()) > 2_900_000


# -- control characters --------------------------------------------------------------------------------------


def test_control_characters_from_a_text_file_never_reach_the_exported_xml(tmp_path: Path) -> None:
    controls = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f\ufffe\uffff"
    draft = to_text(sample()).replace("the work of paragraph 3", f"the work{controls} of paragraph 3", 1)
    path = tmp_path / "controls.txt"
    path.write_text(draft, encoding="utf-8")
    res = read_document(path).resolution
    blob = build_docx(res)
    assert docx_problems(blob) == []
    document = xml_parts(blob)["word/document.xml"].decode("utf-8")
    assert "of paragraph 3" in document
    etree.fromstring(to_akn(res))


def test_docx_with_forbidden_character_references_is_refused(docx_blob: bytes, document_xml: bytes) -> None:
    hostile = document_xml.replace(b">Recalling<", b">Recalling&#x1;&#0;<", 1)
    with pytest.raises(InputError) as exc:
        read_docx(replace_member(docx_blob, "word/document.xml", hostile), name="refs.docx")
    assert "well-formed" in one_line(exc)


# -- right-to-left text ----------------------------------------------------------------------------------------


def _arabic() -> object:
    res = sample()
    res.header.sponsors = [*RTL_SPONSORS, "Jordan"]
    res.title = "حقوق الطفل"
    note = next(iter(res.footnotes))
    res.operative[0].text = f"يطلب إلى الأمين العام \u200fأن يقدم تقريرا (2025)[^{note}]"
    res.preamble[0].opener = "إذ تشير"
    res.footnotes[note].text = "انظر A/80/100، الفقرة ٣"
    return res


def test_right_to_left_text_round_trips_through_the_project_file(tmp_path: Path) -> None:
    res = _arabic()
    storage.save_project(res, tmp_path / "rtl.json")
    back = storage.load_project(tmp_path / "rtl.json")
    assert storage.to_dict(back) == storage.to_dict(res)


def test_right_to_left_text_round_trips_through_docx() -> None:
    res = _arabic()
    blob = build_docx(res)
    assert docx_problems(blob) == []
    back = read_docx(blob, name="rtl.docx").resolution
    assert back.title == res.title
    assert back.header.sponsors == res.header.sponsors
    assert back.preamble[0].opener == "إذ تشير"
    assert back.operative[0].text.startswith("يطلب إلى الأمين العام \u200fأن يقدم تقريرا (2025)")
    assert "انظر A/80/100، الفقرة ٣" in [n.text for n in back.footnotes.values()]


# -- encodings -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-16"),  # with a byte-order mark, as Notepad writes it
        lambda t: t.encode("utf-16-le"),  # without one
        lambda t: t.encode("utf-16-be"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    ],
    ids=["utf16-bom", "utf16le-no-bom", "utf16be-no-bom", "utf8-bom"],
)
def test_utf16_and_bom_text_files_import(tmp_path: Path, encode) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(encode(to_text(sample())))
    res = read_document(path).resolution
    assert inline.plain(res.title) == "Prohibition of hostile input"
    assert len(res.operative) == 3


@pytest.mark.parametrize(
    "data",
    [
        b"The General Assembly,\n\n\xff\xfe\xc3( 1. Requests\n",
        b"\xff\xfe"
        + "The General Assembly".encode("utf-16-le")
        + b"\x00\xd8"
        + b"x",  # lone surrogate, odd length
        bytes(range(256)) * 4,
    ],
    ids=["bad-utf8", "broken-utf16", "binary"],
)
def test_undecodable_text_files_give_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_document(path)
    assert "broken.txt" in one_line(exc)


# -- empty files, folders, missing files -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.docx", "empty.json", "empty.xml", "empty"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  ", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_files_give_one_line(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        read_document(path)
    one_line(exc)


def test_folders_and_missing_files_give_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "draft.docx"
    folder.mkdir()
    for path in (folder, tmp_path, tmp_path / "missing.docx"):
        with pytest.raises(InputError) as exc:
            read_document(path)
        assert path.name in one_line(exc)
        with pytest.raises(InputError) as exc:
            storage.load_project(path)
        one_line(exc)
    with pytest.raises(TemplateError):
        load_template(folder)
    with pytest.raises(TemplateError):
        load_user_rules(folder)


def test_project_loader_gives_one_line_for_non_projects(tmp_path: Path) -> None:
    for data in (
        b"",
        b"\x00" * 100,
        b"[]",
        b'{"format": "resolute", "version": "1"}',
        b'"\\ud800"',
        b'{"format": "resolute", "version": 1, "header": {"session": 1' + b"0" * 5000 + b"}}",
    ):
        path = tmp_path / "p.json"
        path.write_bytes(data)
        with pytest.raises(InputError) as exc:
            storage.load_project(path)
        one_line(exc)


# -- templates: validated, never executed ------------------------------------------------------------------------

_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "ga-c1.toml"


def _template_with(tmp_path: Path, **fields: str) -> Path:
    lines = [line for line in _TEMPLATE.read_text().splitlines() if line.split("=")[0].strip() not in fields]
    path = tmp_path / "house.toml"
    path.write_text("\n".join([*lines, *(f"{k} = {v}" for k, v in fields.items())]) + "\n")
    return path


@pytest.mark.parametrize(
    "pattern",
    [
        "{session.__class__}",
        "{session.__class__.__mro__}",
        "{number[0]}",
        "{session!r}",
        "{number:>999999999}",
        "{session:{year.__class__}}",
        "{}",
        "{0}",
        "A/{",
        "A/}",
        "{year.__init__.__globals__}",
    ],
)
def test_symbol_pattern_attacks_are_refused_naming_file_and_field(tmp_path: Path, pattern: str) -> None:
    path = _template_with(tmp_path, symbol_pattern=json.dumps(pattern))
    with pytest.raises(TemplateError) as exc:
        load_template(path)
    message = one_line(exc)
    assert "house.toml" in message and "symbol_pattern" in message


def test_agenda_line_attacks_are_refused(tmp_path: Path) -> None:
    path = _template_with(tmp_path, agenda_lines='["{item.__class__}"]')
    with pytest.raises(TemplateError) as exc:
        load_template(path)
    assert "agenda_lines" in one_line(exc)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("has_title", '"yes"'),
        ("title_size", '"big"'),
        ("markers", '"also"'),
        ("name", "12"),
        ("paper", '"A4 landscape"'),
        ("organ", "[1, 2]"),
        ("has_agenda", '"' + "x" * 1_000_000 + '"'),
        ("title_size", "true"),
        ("citation_style", '"un"'),
    ],
)
def test_template_wrong_types_name_file_and_field(tmp_path: Path, field: str, value: str) -> None:
    path = _template_with(tmp_path, **{field: value})
    with pytest.raises(TemplateError) as exc:
        load_template(path)
    message = one_line(exc)
    assert "house.toml" in message and field in message and len(message) < 300


def test_template_huge_strings_load_as_plain_data(tmp_path: Path) -> None:
    huge = "x" * 2_000_000
    template = load_template(
        _template_with(tmp_path, organ_line=json.dumps(huge), symbol_pattern='"A/{session}/L.{number}"')
    )
    assert template.organ_line == huge
    assert template.symbol(session=80, number=3) == "A/80/L.3"


# -- user rule files: no catastrophic regular expressions ---------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(\\w+\\s?)*!", r"(x{1,5}){2,}y", r"(?:(?:e+)?)+z", r"(\\d+|x?)+y", r"(?=(s+)+t)"],
)
def test_user_rule_with_catastrophic_regex_is_refused(tmp_path: Path, pattern: str) -> None:
    path = tmp_path / "house-rules.toml"
    path.write_text(f'[rules.Slow]\nkind = "existence"\nmessage = "{{match}}"\ntokens = ["{pattern}"]\n')
    with hang_guard(10), pytest.raises(TemplateError) as exc:
        load_user_rules(path)
    message = one_line(exc)
    assert "house-rules.toml, line 4" in message and "hang" in message


@pytest.mark.parametrize("pattern", ["(" * 3000 + ")" * 3000, "a{99999999999}", "[z-a]"])
def test_user_rule_with_absurd_regex_is_refused(tmp_path: Path, pattern: str) -> None:
    path = tmp_path / "house-rules.toml"
    path.write_text(f'[rules.Odd]\nkind = "existence"\nmessage = "{{match}}"\ntokens = ["{pattern}"]\n')
    with pytest.raises(TemplateError) as exc:
        load_user_rules(path)
    assert "house-rules.toml" in one_line(exc)


def test_user_rules_with_safe_repeats_still_check_long_text(tmp_path: Path) -> None:
    """Anchored repeats are fine and keep working; a long near-miss text finishes."""
    path = tmp_path / "house-rules.toml"
    path.write_text(
        '[rules.Lists]\nkind = "existence"\nmessage = "list {match}"\ntokens = ["\\\\d+(?:,\\\\s*\\\\d+)+;"]\n'
    )
    checker = Checker(SpellingSettings(personal_dictionary=None, user_rules=path, styles=(), spelling=False))
    with hang_guard(20):
        findings = checker.field_findings("1, 2, 3; and " + "1, " * 300 + "x", field="text")
    assert [f.rule for f in findings if f.rule == "House.Lists"] == ["House.Lists"]
