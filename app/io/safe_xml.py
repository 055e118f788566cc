"""Hardened reading of XML and zip containers from files a user did not write.

Everything a reader parses goes through here first: no entity expansion, no DTD loading, no network, no huge
trees, a nesting limit, and for .docx (a zip) limits on member count, total size and compression ratio checked
from the central directory before anything is decompressed. Every refusal is an InputError with one line.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from app import cancelling
from app.errors import InputError
from app.messages import say
from app.reasons import why

# characters XML 1.0 cannot hold; those that separate words or lines (vertical tab: Word's line break in copied
# text; form feed; the file, group, record and unit separators) become a space, so the words stay apart
_SEPARATORS = re.compile("[\x0b\x0c\x1c-\x1f]")
_XML_UNSAFE = re.compile("[\x00-\x08\x0e-\x1b\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """`text` as XML 1.0 can hold it (Word and UN XML alike)."""
    return _XML_UNSAFE.sub("", _SEPARATORS.sub(" ", text))


MAX_DEPTH = 200  # element nesting; real resolutions stay under 30
MAX_ELEMENTS = 2_000_000
_CHECK_EVERY = 1024  # elements walked between two looks at the reader's cancel token (app.cancelling)
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_TOTAL = 256 * 1024 * 1024  # all members, uncompressed
MAX_ZIP_RATIO = 200  # uncompressed/compressed, for members above RATIO_FLOOR
RATIO_FLOOR = (
    16 * 1024 * 1024
)  # repetitive text compresses hard: our own 5 MB export of one long paragraph is 213:1

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _label(name: str) -> str:
    return name or say("the file")


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def sniff_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark, or the NUL bytes of UTF-16 or UTF-32 without one, give away; None when
    the bytes show neither (then UTF-8, or what an XML declaration says). A BOM is consumed by decoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding if encoding == "utf-8-sig" else encoding[:6]  # "utf-16"/"utf-32" read the BOM
    head = data[:4096]
    if b"\x00" not in head:
        return None
    n = max(len(head) // 4, 1)
    z = [head[i::4].count(0) for i in range(4)]  # NULs at each byte position modulo 4
    if z[2] > n // 2 and z[3] > n // 2 and z[0] < n // 2:
        return "utf-32-le"
    if z[0] > n // 2 and z[1] > n // 2 and z[3] < n // 2:
        return "utf-32-be"
    pairs = max(len(head) // 2, 1)
    if head[1::2].count(0) > pairs // 2:
        return "utf-16-le"
    if head[::2].count(0) > pairs // 2:
        return "utf-16-be"
    return None


def decode_xml(data: bytes, *, name: str = "") -> str:
    """The XML as text, checking its encoding; invalid bytes give a one-line InputError."""
    if not data.strip():
        raise InputError(say("{name} is empty", name=_label(name)))
    encoding = sniff_encoding(data)
    if encoding is None:
        m = _DECLARED.match(data[:200])
        encoding = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InputError(
            say("{name} declares an unknown text encoding '{encoding}'", name=_label(name), encoding=encoding)
        ) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            say(
                "{name} is not valid {encoding} text (bad byte {byte} at position {position})",
                name=_label(name),
                encoding=encoding.upper().replace("-SIG", ""),
                byte=f"0x{data[exc.start]:02x}",
                position=exc.start,
            )
        ) from None
    if "\x00" in text:  # never in XML: bytes of another encoding read as this one
        raise InputError(
            say(
                "{name} is not valid {encoding} XML (it holds NUL characters)",
                name=_label(name),
                encoding=encoding.upper(),
            )
        )
    return text


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def check_xml(data: bytes, *, name: str = "", max_depth: int = MAX_DEPTH) -> None:
    """Refuse entity declarations, absurd nesting or size, and malformed XML (without building a tree)."""
    if len(data) > MAX_XML_BYTES:
        raise InputError(
            say(
                "{name} is too large to be a resolution ({size} MB of XML)",
                name=_label(name),
                size=len(data) // 1_000_000,
            )
        )
    cancelling.check()  # a package of many parts: between two of them
    text = decode_xml(data, name=name)
    if "<!ENTITY" in text:
        raise InputError(say("{name} declares XML entities, which are refused for safety", name=_label(name)))
    depth = count = 0
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for event, elem in events:
            if event == "start":
                depth += 1
                count += 1
                if not count % _CHECK_EVERY:
                    cancelling.check()
                if depth > max_depth:
                    raise InputError(
                        say(
                            "{name} nests its XML too deeply (more than {depth} levels) or is too large to read "
                            "safely",
                            name=_label(name),
                            depth=max_depth,
                        )
                    )
                if count > MAX_ELEMENTS:
                    raise InputError(
                        say("{name} has too many XML elements to be a resolution", name=_label(name))
                    )
            else:
                depth -= 1
                if depth > 2:
                    elem.clear(keep_tail=True)  # only the walk matters here; keep memory flat
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name, max_depth) from None


def _syntax_error(exc: etree.XMLSyntaxError, name: str, max_depth: int) -> InputError:
    """One line for a parse failure. libxml2 enforces nesting and size limits of its own, and which of its
    limit and ours is met first depends on how it buffers: both are refused in our words."""
    if exc.code == getattr(etree.ErrorTypes, "ERR_RESOURCE_LIMIT", -1) or "depth" in str(exc).lower():
        return InputError(
            say(
                "{name} nests its XML too deeply (more than {depth} levels) or is too large to read safely",
                name=_label(name),
                depth=max_depth,
            )
        )
    return InputError(say("{name} is not well-formed XML ({reason})", name=_label(name), reason=why(exc)))


def parse_xml(data: bytes, *, name: str = "", max_depth: int = MAX_DEPTH) -> etree._Element:
    """Check, then parse, XML from an untrusted file. Returns the root element."""
    check_xml(data, name=name, max_depth=max_depth)
    try:
        root = _fed(data)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name, max_depth) from None
    if root is None:
        raise InputError(say("{name} holds no XML element", name=_label(name)))
    return root


FEED_BYTES = 1 << 20  # parsed between two looks at the cancel token: a few milliseconds


def _fed(data: bytes) -> etree._Element:
    """`etree.fromstring(data, _parser())` a megabyte at a time, with a look at the reader's cancel token
    between two: one call parsed a 50 MB UN XML file for half a second after Cancel (benchmarks/bench_cancel.py)."""
    parser = _parser()
    for start in range(0, len(data), FEED_BYTES):
        cancelling.check()
        parser.feed(data[start : start + FEED_BYTES])
    return parser.close()


def describe_ole(data: bytes, *, name: str = "") -> InputError:
    """Why an OLE compound file (old .doc, or an encrypted Office file) cannot be read."""
    label = _label(name)
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return InputError(
            say(
                "{name} is password-protected: remove the password in Word, save, and open it again",
                name=label,
            )
        )
    if "WordDocument".encode("utf-16-le") in data:
        return InputError(
            say("{name} is an old Word 97-2003 (.doc) file: save it as .docx in Word first", name=label)
        )
    return InputError(
        say("{name} is an old Office file, not a .docx: save it as .docx in Word first", name=label)
    )


def open_zip(data: bytes, *, name: str = "") -> zipfile.ZipFile:
    """Open a zip after checking its central directory for bombs; XML members are checked for safety too."""
    label = _label(name)
    if not data:
        raise InputError(say("{name} is empty", name=label))
    if data[:8] == OLE_MAGIC:
        raise describe_ole(data, name=name)
    if data[:2] != b"PK":
        raise InputError(say("{name} is not a Word (.docx) file", name=label))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise InputError(
            say("{name} is damaged or incomplete: it is not a complete .docx file", name=label)
        ) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError(
            say("{name} holds too many parts ({count}) to be a Word document", name=label, count=len(members))
        )
    seen: set[str] = set()
    total = 0
    for info in members:
        part = info.filename.lower()  # package part names ignore case
        if part in seen:  # which of the two a reader takes differs from one program to another
            raise InputError(
                say(
                    "{name} holds two parts named {part}: refused as ambiguous",
                    name=label,
                    part=info.filename,
                )
            )
        seen.add(part)
        total += info.file_size
        if total > MAX_ZIP_TOTAL:
            raise InputError(
                say(
                    "{name} expands to more than {size} MB: refused as unsafe",
                    name=label,
                    size=MAX_ZIP_TOTAL // 1_000_000,
                )
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise InputError(
                say(
                    "{name} is compressed suspiciously tightly ({part}): refused as unsafe",
                    name=label,
                    part=info.filename,
                )
            )
        if info.flag_bits & 0x1:
            raise InputError(
                say("{name} is password-protected: remove the password in Word and open it again", name=label)
            )
    return archive


def read_member(archive: zipfile.ZipFile, member: str, *, name: str = "") -> bytes:
    """One member's bytes; size is bounded by the checks in open_zip. Damage gives an InputError."""
    try:
        return archive.read(member)
    except KeyError:
        raise InputError(
            say(
                "{name} has no part '{part}': it is not a complete .docx file", name=_label(name), part=member
            )
        ) from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        zlib.error,  # a corrupted deflate stream
    ) as exc:
        raise InputError(
            say("{name} is damaged ({part}: {reason})", name=_label(name), part=member, reason=why(exc))
        ) from None


def check_zip_xml(archive: zipfile.ZipFile, *, name: str = "") -> None:
    """Check every XML part of a zip before another library parses it: every part named .xml or .rels, and
    every part [Content_Types].xml declares as XML whatever its name (Word reads parts by content type)."""
    xml_types = _xml_parts(archive, name)
    for info in cancelling.each(archive.infolist()):
        lower = info.filename.lower()
        if lower.endswith((".xml", ".rels")) or lower in xml_types or lower.rsplit(".", 1)[-1] in xml_types:
            check_xml(
                read_member(archive, info.filename, name=name), name=f"{_label(name)} ({info.filename})"
            )


def _xml_parts(archive: zipfile.ZipFile, name: str) -> set[str]:
    """Part names (lower case, no leading slash) and extensions that [Content_Types].xml says hold XML."""
    member = next(
        (i.filename for i in archive.infolist() if i.filename.lower() == "[content_types].xml"), None
    )
    if member is None:
        return set()
    data = read_member(archive, member, name=name)
    check_xml(data, name=f"{_label(name)} ({member})")
    out: set[str] = set()
    for el in etree.fromstring(data, _parser()).iter():
        kind = (el.get("ContentType") or "").lower()
        if not (kind.endswith("xml") or "+xml" in kind):
            continue
        if el.get("PartName"):
            out.add(el.get("PartName").lstrip("/").lower())
        elif el.get("Extension"):
            out.add(el.get("Extension").lower())
    return out
