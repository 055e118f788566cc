"""Opening a .docx as a package before its text is read: the zip and XML checks (app.io.safe_xml), one-line
refusals of what is not a Word document to read (Strict Open XML, macro-enabled files, templates, old binary
.doc), python-docx's document, the footnotes and endnotes parts, and findings on what the package lacked or gave
twice (`package_findings`)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from app import cancelling
from app.errors import InputError
from app.findings import Finding, Severity
from app.io.dangling_parts import drop_dangling
from app.io.docx_parts import content_types
from app.io.safe_xml import OLE_MAGIC, check_zip_xml, describe_ole, open_zip, parse_xml, read_member
from app.io.wordml import wtag
from app.messages import say

STRICT_NS = "http://purl.oclc.org/ooxml/"  # ISO 29500 Strict namespaces, which Word writes on request
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_MACRO_TYPES = ("macroEnabled",)
_TEMPLATE_TYPE = "wordprocessingml.template.main+xml"


@dataclass
class OpenedDocx:
    document: object
    notes: dict[str, list[etree._Element]]  # docx note id ("foo3", "end1") → its paragraphs
    twice: int  # note ids given to more than one note
    missing: list[str]  # parts the package's relationships name but it does not have


def strict_refusal(label: str) -> InputError:
    return InputError(
        say("{name} is saved as Strict Open XML: save it in Word as “Word Document (.docx)”", name=label)
    )


def open_docx(data: bytes, name: str) -> OpenedDocx:
    label = name or "the file"
    if not data:
        raise InputError(say("{name} is empty", name=label))
    if data[:8] == OLE_MAGIC:
        raise describe_ole(data, name=name)
    archive = open_zip(data, name=name)
    content_type = _main_content_type(archive, name)
    if any(t in content_type for t in _MACRO_TYPES):
        raise InputError(
            say(
                "{name} is a macro-enabled Word file (.docm): save it as .docx (no macros) in Word first",
                name=label,
            )
        )
    if _TEMPLATE_TYPE in content_type:
        raise InputError(
            say(
                "{name} is a Word template (.dotx): create a document from it and save that as .docx",
                name=label,
            )
        )
    if not content_type:
        raise InputError(say("{name} is not a Word document (no word/document.xml inside)", name=label))
    check_zip_xml(archive, name=name)
    if "_rels/.rels" in archive.namelist() and STRICT_NS.encode() in read_member(
        archive, "_rels/.rels", name=name
    ):
        raise strict_refusal(label)
    data, missing = drop_dangling(archive, data, name=label)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on damaged packages
        raise InputError(
            say(
                "{name} is damaged and cannot be opened as a Word document ({why})",
                name=label,
                why=type(exc).__name__,
            )
        ) from None
    notes: dict[str, list[etree._Element]] = {}
    twice = 0
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in (_RT_FOOTNOTES, _RT_ENDNOTES):
            continue
        prefix = "foo" if rel.reltype == _RT_FOOTNOTES else "end"
        root = parse_xml(rel.target_part.blob, name=f"{label} (notes)")
        for note in cancelling.each(root):
            if isinstance(note.tag, str) and etree.QName(note).localname in ("footnote", "endnote"):
                if note.get(wtag("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                # an id given twice (Word never does): both texts are kept, read as one note, and said
                key = f"{prefix}{note.get(wtag('id'))}"
                twice += key in notes
                notes.setdefault(key, []).extend(note.findall(f".//{wtag('p')}"))
    return OpenedDocx(document, notes, twice, missing)


def _main_content_type(archive: zipfile.ZipFile, name: str) -> str:
    """The content type of the package's main document, as its relationships and [Content_Types].xml say
    (read as XML: attributes may stand in any order and in either kind of quotes)."""
    types = parse_xml(
        read_member(archive, "[Content_Types].xml", name=name), name=f"{name} ([Content_Types].xml)"
    )
    main = "word/document.xml"
    if "_rels/.rels" in archive.namelist():
        rels = parse_xml(read_member(archive, "_rels/.rels", name=name), name=f"{name} (_rels/.rels)")
        for rel in rels:
            if isinstance(rel.tag, str) and rel.get("Type", "").endswith("/officeDocument"):
                main = rel.get("Target", main).lstrip("/")
                break
    return content_types(types)(main)


def package_findings(opened: OpenedDocx) -> list[Finding]:
    """What the package itself lacked or gave twice."""
    findings: list[Finding] = []
    if opened.missing:
        parts = ", ".join(opened.missing[:5])
        findings.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "the file names parts it does not have ({parts}): read without them (what they held is not "
                    "in the file to read)",
                    parts=parts,
                ),
            )
        )
    if opened.twice:
        findings.append(
            Finding(
                "import.footnotes",
                Severity.WARNING,
                say(
                    "{twice} footnote id(s) are given to more than one note in the file: the texts of each were "
                    "joined into one footnote",
                    twice=opened.twice,
                ),
            )
        )
    return findings
