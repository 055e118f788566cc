"""Word parts python-docx lacks, added the python-docx way: the footnotes part.

Three layers, calls going one way (proxy -> part -> oxml), as in python-docx's own comments support:
- `CT_Footnotes` / `CT_Footnote`: element classes holding the XML edits (explicit xpath, no metaclass DSL);
- `FootnotesPart`: the package part, created from a default XML and loaded by the package reader;
- `Footnotes` / `Footnote`: stateless proxies over the elements.

`install()` registers all of it; call it once before the first document is created or opened (the writer
and readers do). `footnotes_of(document)` is the lazy get-or-create through `RT.FOOTNOTES`.
`package_problems(blob)` checks a written package the way Word would before it offers to repair it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from posixpath import dirname, join, normpath
from typing import TYPE_CHECKING, cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml, register_element_cls
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart
from docx.text.paragraph import Paragraph
from lxml import etree

from app.paths import resource

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.text.paragraph import CT_P
    from docx.package import Package

SEPARATOR_IDS = (-1, 0)  # the separator and continuation-separator footnotes Word requires


class CT_Footnotes(BaseOxmlElement):
    """`w:footnotes`, the root of the footnotes part."""

    @property
    def footnote_lst(self) -> list[CT_Footnote]:
        return cast("list[CT_Footnote]", self.xpath("./w:footnote"))

    def get_by_id(self, footnote_id: int) -> CT_Footnote | None:
        found = self.xpath(f'./w:footnote[@w:id="{int(footnote_id)}"]')
        return cast("CT_Footnote", found[0]) if found else None

    def next_id(self) -> int:
        ids = [fn.id for fn in self.footnote_lst]
        return max([*ids, max(SEPARATOR_IDS)]) + 1

    def add_footnote(self, footnote_id: int | None = None) -> CT_Footnote:
        """A new empty `w:footnote` at the end, with the next free id unless one is given."""
        new_id = self.next_id() if footnote_id is None else int(footnote_id)
        last = next(self.iterchildren(reversed=True), None)  # len() of an lxml element counts its children
        ascending = (
            last is not None
            and last.get(qn("w:id"), "").lstrip("-").isdigit()
            and (int(last.get(qn("w:id"))) < new_id)
        )  # the writer adds notes in ascending order: then the id is free without a search (linear, not quadratic)
        if not ascending and self.get_by_id(new_id) is not None:
            raise ValueError(f"footnote id {new_id} is taken")
        footnote = cast(CT_Footnote, OxmlElement("w:footnote"))
        footnote.set(qn("w:id"), str(new_id))
        self.append(footnote)
        return footnote


class CT_Footnote(BaseOxmlElement):
    """`w:footnote`: block content (paragraphs) under an id and an optional type."""

    @property
    def id(self) -> int:
        return int(self.get(qn("w:id"), "0"))

    @property
    def type(self) -> str:
        return self.get(qn("w:type"), "normal")

    @property
    def p_lst(self) -> list[CT_P]:
        return cast("list[CT_P]", self.xpath("./w:p"))

    def add_p(self) -> CT_P:
        p = cast("CT_P", OxmlElement("w:p"))
        self.append(p)
        return p

    def clear_content(self) -> None:
        for child in list(self):
            self.remove(child)


class FootnotesPart(StoryPart):
    """The `/word/footnotes.xml` part."""

    @property
    def footnotes(self) -> Footnotes:
        return Footnotes(cast(CT_Footnotes, self.element), self)

    @classmethod
    def default(cls, package: Package) -> FootnotesPart:
        """A new part holding only the two separator footnotes."""
        element = parse_xml(resource("layout", "default-footnotes.xml").read_bytes())
        return cls(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, package)


class Footnotes:
    """Proxy over `w:footnotes`; holds no state of its own."""

    def __init__(self, element: CT_Footnotes, part: FootnotesPart):
        self._element = element
        self.part = part

    def __iter__(self) -> Iterator[Footnote]:
        for fn in self._element.footnote_lst:
            if fn.type == "normal":
                yield Footnote(fn, self.part)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def get(self, footnote_id: int) -> Footnote | None:
        fn = self._element.get_by_id(footnote_id)
        return Footnote(fn, self.part) if fn is not None else None

    def add(self, footnote_id: int | None = None) -> Footnote:
        return Footnote(self._element.add_footnote(footnote_id), self.part)

    def special(self, footnote_id: int) -> Footnote:
        """The separator (-1) or continuation separator (0) footnote."""
        fn = self._element.get_by_id(footnote_id)
        if fn is None or fn.type == "normal":
            raise KeyError(footnote_id)
        return Footnote(fn, self.part)


class Footnote:
    """Proxy over one `w:footnote`."""

    def __init__(self, element: CT_Footnote, part: FootnotesPart):
        self._element = element
        self.part = part

    @property
    def id(self) -> int:
        return self._element.id

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [Paragraph(p, self) for p in self._element.p_lst]

    def add_paragraph(self) -> Paragraph:
        return Paragraph(self._element.add_p(), self)

    def clear(self) -> None:
        self._element.clear_content()


_installed = False


def install() -> None:
    """Register the element classes and the part class with python-docx (idempotent)."""
    global _installed
    if _installed:
        return
    register_element_cls("w:footnotes", CT_Footnotes)
    register_element_cls("w:footnote", CT_Footnote)
    PartFactory.part_type_for[CT.WML_FOOTNOTES] = FootnotesPart
    _installed = True


def footnotes_part(document: Document, *, create: bool = True) -> FootnotesPart | None:
    """The document's footnotes part, created and related on first use (or None when absent and not `create`)."""
    install()
    doc_part = document.part
    try:
        return cast(FootnotesPart, doc_part.part_related_by(RT.FOOTNOTES))
    except KeyError:
        if not create:
            return None
        part = FootnotesPart.default(doc_part.package)
        doc_part.relate_to(part, RT.FOOTNOTES)
        return part


def footnotes_of(document: Document) -> Footnotes:
    part = footnotes_part(document)
    assert part is not None
    return part.footnotes


# -- checking a written package ---------------------------------------------------------------------------

_R_ATTR = re.compile(rb'\br:(?:id|embed|link|pict)="([^"]+)"')
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REQUIRED = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def _rels_name(part: str) -> str:
    folder, name = dirname(part), part.rsplit("/", 1)[-1]
    return join(folder, "_rels", name + ".rels") if folder else join("_rels", name + ".rels")


def package_problems(blob: bytes) -> list[str]:
    """What would make Word or LibreOffice refuse or repair the file: an empty list when it is sound.

    Checks: a readable zip; the required parts; every XML part well-formed; a content type for every part and
    no override without a part; every internal relationship target present and every relationship id unique
    and resolvable from the part that uses it; footnotes with the two separators, unique ids and a footnote
    behind every reference; unique bookmark and drawing ids.
    """
    problems: list[str] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(blob))
    except zipfile.BadZipFile:
        return ["not a zip package"]
    names = set(archive.namelist())
    problems += [f"missing part {name}" for name in _REQUIRED if name not in names]
    trees = _xml_trees(archive, names, problems)
    types = trees.get("[Content_Types].xml")
    if types is not None:
        problems += _content_type_problems(types, names)
    rel_ids = _relationship_problems(trees, names, content_types(types), problems)
    for name in sorted(names):
        if not name.startswith("word/") or not name.endswith(".xml"):
            continue
        used = {m.decode() for m in _R_ATTR.findall(archive.read(name))}
        known = rel_ids.get(_rels_name(name), set())
        problems += [f"{name}: relationship id {rid} is not defined" for rid in sorted(used - known)]
    problems += _footnote_problems(trees)
    return problems + _repeated_ids(trees)


def _xml_trees(archive: zipfile.ZipFile, names: set[str], problems: list[str]) -> dict[str, etree._Element]:
    """The package's XML parts parsed, by name; each that is not well-formed said in `problems`."""
    trees: dict[str, etree._Element] = {}
    for name in sorted(names):
        if name.endswith((".xml", ".rels")):
            try:
                trees[name] = etree.fromstring(archive.read(name))
            except etree.XMLSyntaxError as exc:
                problems.append(f"{name} is not well-formed XML: {exc}")
    return trees


def _content_type_problems(types: etree._Element, names: set[str]) -> list[str]:
    """Parts without a content type and overrides without a part."""
    problems = []
    defaults = {d.get("Extension", "").lower() for d in types.iter(f"{_CT_NS}Default")}
    overrides = {o.get("PartName", "").lstrip("/") for o in types.iter(f"{_CT_NS}Override")}
    for name in sorted(names - {"[Content_Types].xml"}):
        if name.endswith("/"):
            continue
        if name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
            problems.append(f"no content type for {name}")
    return problems + [f"content type override for missing part {o}" for o in sorted(overrides - names)]


def _relationship_problems(
    trees: dict[str, etree._Element], names: set[str], content_type: Callable[[str], str], problems: list[str]
) -> dict[str, set[str]]:
    """The relationship ids of each .rels part; repeated ids, missing targets and targets of the wrong
    content type said in `problems`."""
    rel_ids: dict[str, set[str]] = {}
    for name, tree in trees.items():
        if not name.endswith(".rels"):
            continue
        source_dir = dirname(dirname(name))
        ids: set[str] = set()
        for rel in tree.iter(f"{_REL_NS}Relationship"):
            rid = rel.get("Id", "")
            if rid in ids:
                problems.append(f"{name}: relationship id {rid} repeats")
            ids.add(rid)
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else normpath(join(source_dir, target))
            if path not in names:
                problems.append(f"{name}: relationship {rid} points to missing part {path}")
                continue
            wanted = _EXPECTED_TYPES.get(rel.get("Type", "").rsplit("/", 1)[-1])
            found = content_type(path)
            if wanted and not found.endswith(wanted):
                problems.append(f"{path} has content type {found or 'none'}, not one ending {wanted}")
        rel_ids[name] = ids
    return rel_ids


def _repeated_ids(trees: dict[str, etree._Element]) -> list[str]:
    """Bookmark, style and drawing ids that repeat."""
    styles = {name: tree for name, tree in trees.items() if name == "word/styles.xml"}
    return [
        *_unique_ids(trees, f"{_W}bookmarkStart", f"{_W}id", "bookmark"),
        *_unique_ids(styles, f"{_W}style", f"{_W}styleId", "style"),
        *_unique_ids(
            trees,
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr",
            "id",
            "drawing",
        ),
    ]


_EXPECTED_TYPES = {
    "officeDocument": "document.main+xml",
    "styles": "styles+xml",
    "settings": "settings+xml",
    "numbering": "numbering+xml",
    "footnotes": "footnotes+xml",
    "endnotes": "endnotes+xml",
    "comments": "comments+xml",
    "header": "header+xml",
    "footer": "footer+xml",
    "core-properties": "core-properties+xml",
}


def content_types(types: etree._Element | None) -> Callable[[str], str]:
    """The content type a part name gets from [Content_Types].xml (override first, then extension)."""
    if types is None:
        return lambda name: ""
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "") for d in types.iter(f"{_CT_NS}Default")
    }
    overrides = {
        o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iter(f"{_CT_NS}Override")
    }
    return lambda name: overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")


def _footnote_problems(trees: dict[str, etree._Element]) -> list[str]:
    problems: list[str] = []
    notes = trees.get("word/footnotes.xml")
    refs = [
        r.get(f"{_W}id")
        for name, tree in trees.items()
        if name.startswith("word/") and name != "word/footnotes.xml"
        for r in tree.iter(f"{_W}footnoteReference")
    ]
    if notes is None:
        return ["footnote references without a footnotes part"] if refs else []
    ids = [fn.get(f"{_W}id") for fn in notes.iter(f"{_W}footnote")]
    problems += [f"footnote id {i} repeats" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for special in SEPARATOR_IDS:
        if str(special) not in ids:
            problems.append(f"footnotes part lacks the separator footnote {special}")
    problems += [f"footnote reference {r} has no footnote" for r in refs if r not in ids]
    problems += [
        f"footnote {r} is referenced more than once" for r in sorted({r for r in refs if refs.count(r) > 1})
    ]
    return problems


def _unique_ids(trees: dict[str, etree._Element], tag: str, attr: str, what: str) -> list[str]:
    seen: dict[str, str] = {}
    problems: list[str] = []
    for name, tree in trees.items():
        for el in tree.iter(tag):
            value = el.get(attr, "")
            if value in seen:
                problems.append(f"{what} id {value} repeats ({seen[value]}, {name})")
            seen[value] = name
    return problems
