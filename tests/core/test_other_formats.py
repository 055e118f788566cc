"""Files of kinds Resolute does not read are named for what they are, with what to do, in one line (exit 2);
the kinds it reads are not taken for them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from app.cli import run
from app.errors import InputError
from app.io.reading import read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:  # OpenDocument stores its kind first, uncompressed
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


KINDS = {
    "draft.rtf": (b"{\\rtf1\\ansi The General Assembly,\\par 1. Decides;\\par}", "Rich Text"),
    "draft.odt": (_odt(), "OpenDocument"),
    "page.html": (
        b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>The General Assembly,</p></body></html>",
        "web page",
    ),
    "scan.png": (b"\x89PNG\r\n\x1a\n" + bytes(64), "image"),
    "scan.jpg": (b"\xff\xd8\xff\xe0" + bytes(64), "image"),
}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_file_of_another_kind_is_named_for_what_it_is(tmp_path: Path, name: str, capsys) -> None:  # noqa: ANN001
    data, kind = KINDS[name]
    path = tmp_path / name.replace(".", "_")  # the first bytes decide, not the suffix
    path.write_bytes(data)
    with pytest.raises(InputError, match=kind):
        read_document(path)
    assert run(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert kind in err and "\n" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    "name", ["A_C.1_80_L.43.txt", "A_RES_80_4.txt"]
)  # issued texts, and a typed draft that merely mentions such files
def test_texts_are_still_read_as_texts(name: str, tmp_path: Path) -> None:
    assert len(read_document(FIXTURES / "corpus" / name).resolution.operative) > 3
    typed = tmp_path / "typed.txt"
    typed.write_text(
        "The General Assembly,\n\n1. Decides that drafts may be circulated as %PDF- files or <html> pages;\n",
        encoding="utf-8",
    )
    assert "%PDF- files or <html> pages" in read_document(typed).resolution.operative[0].text
