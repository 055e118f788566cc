"""Open any file a delegation starts from, picking the reader by content and suffix."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.errors import InputError
from app.findings import Finding, Severity
from app.model import MAX_LEVELS, Header, Resolution
from app.templates import all_templates

DEFAULT_TEMPLATE = Header().template

MAX_INPUT_BYTES = 50 * 1024 * 1024


@dataclass
class ImportResult:
    resolution: Resolution
    findings: list[Finding] = field(default_factory=list)  # what could not be placed, and notes on the import


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if path.is_dir():
        raise InputError(f"{path.name} is a folder, not a file")
    if size > MAX_INPUT_BYTES:
        raise InputError(f"{path.name} is too large to be a resolution ({size // 1_000_000} MB)")
    if size == 0:
        raise InputError(f"{path.name} is empty")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def read_document(path: Path | str) -> ImportResult:
    """Read a .json project, .docx, UN XML or plain-text file into the model. Raises InputError."""
    result = _read(Path(path))
    template = result.resolution.header.template
    if template not in all_templates():  # a template of a newer Resolute, or one removed: open all the same
        result.resolution.header.template = DEFAULT_TEMPLATE
        result.findings.append(Finding(
            "import.template", Severity.WARNING,
            f"the organ template '{template}' is not known here: the draft opens with "
            f"{all_templates()[DEFAULT_TEMPLATE].name}; choose its organ in the details",
        ))  # fmt: skip
    lifted = clamp_levels(result.resolution)
    if lifted:
        result.findings.append(Finding(
            "import.depth", Severity.WARNING,
            f"{lifted} subparagraph(s) nested deeper than {MAX_LEVELS} levels were brought up to level "
            f"{MAX_LEVELS}, in reading order",
        ))  # fmt: skip
    return result


def clamp_levels(res: Resolution) -> int:
    """Bring subparagraphs deeper than MAX_LEVELS up to that level, in reading order, so that whatever a file
    held can be saved and opened again. Returns how many paragraphs moved."""
    moved = 0
    for _, items in res.lists():
        stack = [(para, 0) for para in items]
        while stack:
            para, depth = stack.pop()
            if depth == MAX_LEVELS - 1 and any(sub.subparagraphs for sub in para.subparagraphs):
                level = [node for sub in para.subparagraphs for node in sub.walk()]  # reading order
                moved += len(level) - len(para.subparagraphs)
                for node in level:
                    node.subparagraphs = []
                para.subparagraphs = level
                continue
            stack.extend((sub, depth + 1) for sub in para.subparagraphs)
    return moved


def _read(path: Path) -> ImportResult:
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if data[:2] == b"PK" or suffix in (".docx", ".docm", ".dotx"):
        from app.io.docx_reader import read_docx

        return read_docx(data, name=path.name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: an old .doc or a password-protected file
        from app.io.safe_xml import describe_ole

        raise describe_ole(data, name=path.name)
    if suffix == ".json" or data.lstrip()[:1] == b"{":
        from app.storage import loads

        return ImportResult(loads(_decode(data, path.name)))
    if suffix in (".xml", ".akn") or data.lstrip()[:5] == b"<?xml" or data.lstrip()[:1] == b"<":
        from app.io.akn_reader import read_akn

        return read_akn(data, name=path.name)
    from app.io.text_reader import read_text

    return read_text(_decode(data, path.name))


def _decode(data: bytes, name: str) -> str:
    encodings: tuple[str, ...] = ("utf-8-sig",)
    head = data[:4096]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings = ("utf-8-sig", "utf-16")
    elif b"\x00" in head:  # UTF-16 without a byte-order mark has a NUL in every other byte of Latin text
        le, be = head[1::2].count(0) > len(head) // 4, head[::2].count(0) > len(head) // 4
        encodings = ("utf-16-le",) if le else ("utf-16-be",) if be else encodings
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name} is not UTF-8 text (save it as UTF-8, or open the Word file instead)")
