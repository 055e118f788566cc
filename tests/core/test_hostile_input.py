"""Broken, old, encrypted and hostile files: each gives one clear line (InputError), never a hang or traceback."""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import Doc, I  # noqa: E402

from app.cli import run as cli_main  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.akn_metadata import read_akn_metadata
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.reading import read_document  # noqa: E402

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _one_line(exc: pytest.ExceptionInfo[InputError], *words: str) -> str:
    message = str(exc.value)
    assert message and "\n" not in message and "Traceback" not in message
    for word in words:
        assert word.lower() in message.lower(), message
    return message


def _good_docx() -> bytes:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Decides"), " to continue.")
    return doc.bytes()


def _rezip(data: bytes, replace: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, blob in replace.items():
            if name not in src.namelist():
                dst.writestr(name, blob)
    return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso>&lol9;</akomaNtoso>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso>&xxe;</akomaNtoso>"""


def test_good_docx_is_read() -> None:
    assert read_docx(_good_docx(), name="ok.docx").resolution.operative[0].opener == "Decides"


# -- XML --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_declarations_are_refused(data: bytes) -> None:
    with pytest.raises(InputError) as exc:
        read_akn(data, name="evil.xml")
    _one_line(exc, "evil.xml", "entities")
    with pytest.raises(InputError):
        read_akn_metadata(data)


@pytest.mark.parametrize("levels", [300, 5_000, 100_000])
def test_absurd_nesting_is_refused(levels: int, tmp_path: Path) -> None:
    """Refused in one line whichever limit (ours or the XML library's own) is met first; exit 2 on the CLI."""
    data = b"<akomaNtoso>" + b"<a>" * levels + b"</a>" * levels + b"</akomaNtoso>"
    with pytest.raises(InputError) as exc:
        read_akn(data, name="deep.xml")
    _one_line(exc, "deep.xml")
    path = tmp_path / "deep.xml"
    path.write_bytes(data)
    assert cli_main(["check", str(path)]) == 2


def test_invalid_utf8_and_empty_and_truncated_xml() -> None:
    with pytest.raises(InputError) as exc:
        read_akn(b"<akomaNtoso>caf\xe9</akomaNtoso>", name="latin.xml")
    _one_line(exc, "latin.xml", "UTF-8", "0xe9")
    with pytest.raises(InputError) as exc:
        read_akn(b"", name="empty.xml")
    _one_line(exc, "empty")
    with pytest.raises(InputError) as exc:
        read_akn(b"<akomaNtoso><statement><preamble><container>", name="cut.xml")
    _one_line(exc, "cut.xml", "well-formed")


# -- Word files -------------------------------------------------------------------------------------------


def test_empty_file() -> None:
    with pytest.raises(InputError) as exc:
        read_docx(b"", name="empty.docx")
    _one_line(exc, "empty.docx", "empty")


def test_truncated_docx() -> None:
    data = _good_docx()
    for cut in (len(data) // 2, len(data) - 30, 100):
        with pytest.raises(InputError) as exc:
            read_docx(data[:cut], name="cut.docx")
        _one_line(exc, "cut.docx")


def test_old_word_doc() -> None:
    data = OLE + b"\x00" * 500 + "WordDocument".encode("utf-16-le") + b"\x00" * 500
    with pytest.raises(InputError) as exc:
        read_docx(data, name="old.doc")
    _one_line(exc, "old.doc", ".doc", "save it as .docx")


def test_encrypted_ooxml() -> None:
    """Word saves a password-protected .docx as an OLE compound file holding EncryptionInfo and EncryptedPackage."""
    data = OLE + b"\x00" * 500 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100
    data += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500
    with pytest.raises(InputError) as exc:
        read_docx(data, name="secret.docx")
    _one_line(exc, "secret.docx", "password")


def test_macro_enabled_and_template_files() -> None:
    data = _good_docx()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    docm = _rezip(
        data,
        {
            "[Content_Types].xml": types.replace(
                main, b"application/vnd.ms-word.document.macroEnabled.main+xml"
            )
        },
    )
    with pytest.raises(InputError) as exc:
        read_docx(docm, name="macros.docm")
    _one_line(exc, "macros.docm", "macro")
    dotx = _rezip(
        data,
        {
            "[Content_Types].xml": types.replace(
                main, b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
            )
        },
    )
    with pytest.raises(InputError) as exc:
        read_docx(dotx, name="template.dotx")
    _one_line(exc, "template")


def test_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("readme.txt", "hello")
    with pytest.raises(InputError) as exc:
        read_docx(out.getvalue(), name="other.zip")
    _one_line(exc, "other.zip", "not a Word document")


def test_zip_bomb_by_ratio() -> None:
    bomb = _rezip(_good_docx(), {"word/media/filler.bin": b"\0" * (32 * 1024 * 1024)})
    assert len(bomb) < 200_000  # 32 MB of zeros squeezed into a few kilobytes
    with pytest.raises(InputError) as exc:
        read_docx(bomb, name="bomb.docx")
    _one_line(exc, "bomb.docx", "unsafe")


def test_repetitive_text_is_not_taken_for_a_bomb() -> None:
    """A long, repetitive paragraph compresses past 200:1 (our own export of 40,000 italic runs is 5 MB at
    213:1): it is a document to open, not a bomb; the bound on what a file may expand to still holds."""
    from app.io.safe_xml import MAX_ZIP_TOTAL, open_zip

    run = '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Treaty and </w:t></w:r>'
    xml = (run * (6 * 1024 * 1024 // len(run))).encode()
    packed = _rezip(_good_docx(), {"word/filler.xml": xml})
    info = zipfile.ZipFile(io.BytesIO(packed)).getinfo("word/filler.xml")
    assert info.file_size > 200 * info.compress_size
    assert open_zip(packed, name="long.docx").getinfo("word/filler.xml").file_size == len(xml) < MAX_ZIP_TOTAL


def test_zip_bomb_by_declared_size() -> None:
    """A central directory claiming gigabytes is refused before anything is decompressed."""
    data = bytearray(_rezip(_good_docx(), {}))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", data, at + 24, 0x7FFF_FFFF)  # uncompressed size of each member
        at = data.find(b"PK\x01\x02", at + 4)
    with pytest.raises(InputError) as exc:
        read_docx(bytes(data), name="huge.docx")
    _one_line(exc, "huge.docx", "unsafe")


def test_too_many_members() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for i in range(2500):
            z.writestr(f"x/{i}.xml", "<a/>")
    with pytest.raises(InputError) as exc:
        read_docx(out.getvalue(), name="many.docx")
    _one_line(exc, "many.docx", "too many")


def test_entities_inside_a_docx_part() -> None:
    data = _good_docx()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    evil = document.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1
    )
    with pytest.raises(InputError) as exc:
        read_docx(_rezip(data, {"word/document.xml": evil}), name="evil.docx")
    _one_line(exc, "evil.docx", "entities")


def test_deep_nesting_inside_a_docx_part() -> None:
    data = _good_docx()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    deep = b"<w:customXml>" * 5000 + b"</w:customXml>" * 5000
    evil = document.replace(b"<w:body>", b"<w:body>" + deep, 1)
    with pytest.raises(InputError) as exc:
        read_docx(_rezip(data, {"word/document.xml": evil}), name="deep.docx")
    _one_line(exc, "deep.docx")


def test_invalid_utf8_inside_a_docx_part() -> None:
    data = _good_docx()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    evil = document.replace(b"Recalling", b"Recall\xffing", 1)
    with pytest.raises(InputError) as exc:
        read_docx(_rezip(data, {"word/document.xml": evil}), name="bad.docx")
    _one_line(exc, "bad.docx", "UTF-8")


def test_docx_without_any_resolution_text() -> None:
    doc = Doc()
    doc.para("Just a letter to a friend.")
    with pytest.raises(InputError) as exc:
        read_docx(doc.bytes(), name="letter.docx")
    _one_line(exc, "letter.docx", "no resolution text")


def test_through_read_document(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(_good_docx()[:2000])
    with pytest.raises(InputError) as exc:
        read_document(path)
    _one_line(exc, "cut.docx")
    path = tmp_path / "laughs.xml"
    path.write_bytes(BILLION_LAUGHS)
    with pytest.raises(InputError) as exc:
        read_document(path)
    _one_line(exc, "laughs.xml", "entities")


def test_content_types_with_single_quotes_and_attributes_in_any_order_are_read() -> None:
    """A valid package python-docx opens: [Content_Types].xml is XML, not a fixed string."""
    data = _good_docx()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
    import re

    swapped = re.sub(
        r'<Override PartName="([^"]+)" ContentType="([^"]+)"/>',
        r"<Override ContentType='\2' PartName='\1'/>",
        types,
    )
    assert swapped != types
    res = read_docx(_rezip(data, {"[Content_Types].xml": swapped.encode()}), name="quoted.docx").resolution
    assert [p.opener for p in res.operative] == ["Decides"]
