"""Open any file a delegation starts from, picking the reader by content and suffix."""

from __future__ import annotations

from pathlib import Path

from app.errors import InputError
from app.files import read_file
from app.io.imported import ImportResult
from app.io.other_formats import is_pdf, refuse_other_format
from app.messages import reason, say

MAX_INPUT_BYTES = 50 * 1024 * 1024


def _read_bytes(path: Path) -> bytes:
    data = read_file(path, MAX_INPUT_BYTES, too_large="{name} is too large to be a resolution ({mb} MB)")
    if not data:
        raise InputError(say("{name} is empty", name=path.name[:80]))
    return data


def read_document(path: Path | str) -> ImportResult:
    """Read a .json project, .docx, UN XML, issued PDF or plain-text file into the model. Raises InputError."""
    return _read(Path(path))


def _read(path: Path) -> ImportResult:
    return read_data(_read_bytes(path), path.name)


def read_data(data: bytes, name: str = "") -> ImportResult:
    """Read a file's bytes, by their content and the suffix of `name`, as `read_document` reads the file."""
    suffix, shown = Path(name).suffix.lower(), name or "the file"
    if is_pdf(data):
        from app.io.pdf_file import read_pdf

        return read_pdf(data, shown)
    refuse_other_format(data, shown)
    if data[:2] == b"PK" or suffix in (".docx", ".docm", ".dotx"):
        from app.io.docx_reader import read_docx
        from app.publication_titles import (
            body_has_italics,
            has_italics,
            italicize_body_titles,
            italicize_note_titles,
        )

        result = read_docx(data, name=name)
        res = result.resolution
        # a plain draft (no italics kept) gets the titles its notes and paragraphs cite in italics
        if not any(has_italics(note.text) for note in res.footnotes.values()):
            italicize_note_titles(res)
        if not body_has_italics(res):  # no italics after any opener
            italicize_body_titles(res)
        return result
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: an old .doc or a password-protected file
        from app.io.safe_xml import describe_ole

        raise describe_ole(data, name=shown)
    if suffix == ".json" or data.lstrip()[:1] == b"{":
        from app.languages import settle_language
        from app.negotiation.storage import damaged_revisions
        from app.storage import loads
        from app.templates import settle_template

        try:
            res = loads(_decode(data, shown))
        except InputError as exc:  # "not a Resolute project file": say which file, as every other reader does
            if not str(exc).startswith(shown):  # kept a `say` message: the editor words it in its language
                exc.args = (say("{name}: {reason}", name=shown, reason=reason(exc)), *exc.args[1:])
            raise
        findings = settle_template(res) + settle_language(res) + damaged_revisions(res)
        return ImportResult(res, findings, project=True)
    if suffix in (".xml", ".akn") or data.lstrip()[:5] == b"<?xml" or data.lstrip()[:1] == b"<":
        from app.io.akn_reader import read_akn

        return read_akn(data, name=name)
    from app.io.text_reader import read_text

    return read_text(_decode(data, shown))


def _decode(data: bytes, name: str) -> str:
    """Text in UTF-8 (the default), or UTF-16/UTF-32 with or without a byte-order mark."""
    from app.io.safe_xml import sniff_encoding

    encoding = sniff_encoding(data) or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding.startswith("utf-8"):
            raise InputError(
                say("{name} is not UTF-8 text (save it as UTF-8, or open the Word file instead)", name=name)
            ) from None
        raise InputError(
            say(
                "{name} looks like {encoding} text but is not valid {encoding}",
                name=name,
                encoding=encoding.upper(),
            )
        ) from None
    if text.count("\x00") > max(8, len(text) // 100):  # a stray one is dropped like any control character
        raise InputError(
            say("{name} is full of NUL characters, so it is not plain text (save it as UTF-8)", name=name)
        )
    return text
