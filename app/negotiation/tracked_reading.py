"""Proposals from a Word file with tracked changes: one proposal per author named in w:ins / w:del.

For each author the file is read as that author would have it (their insertions and deletions accepted, every
other author's rejected), with the Word reader; the proposal is what differs from the base. The text with
every change rejected tells what the file itself changes against the base without tracking (then those edits
are nobody's proposal and are left out).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from app.errors import InputError
from app.io.docx_reader import read_docx
from app.io.safe_xml import check_zip_xml, open_zip, parse_xml, read_member
from app.io.wordml import wtag
from app.messages import say
from app.model import Resolution
from app.negotiation.proposals import Proposal, derive
from app.negotiation.tracked_merges import CELL_MERGE, merging_authors, resolve, start_merges_above

_STORIES = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
# each author's version is the whole file read again: authors times paragraphs (w:p, cells and notes included)
# at most this (about 50 s); 100 authors on 100 paragraphs took 14 s, and a file of 1,000 authors each changing
# one of 1,000 paragraphs would have taken some 10 minutes
MAX_TRACKED_WORK = 40_000
# a read of the package itself (styles, numbering, settings) costs what about this many paragraphs do (50 ms): a
# file of a few paragraphs passed the bound with 3,000 authors and took minutes (1,000 authors: 58 s)
READ_PARAGRAPHS = 50
# a table cell inserted or deleted is marked in its properties (w:tcPr/w:cellIns, w:cellDel; ECMA-376 17.13.5.1-2)
_INSERTED = ("ins", "moveTo", "cellIns")
_DELETED = ("del", "moveFrom", "cellDel")


def _author(el: etree._Element) -> str:
    return (el.get(wtag("author")) or "").strip() or "Unknown"


def _is_mark(el: etree._Element) -> bool:
    """A tracked paragraph mark (w:pPr/w:rPr/w:ins or w:del) rather than tracked runs."""
    parent = el.getparent()
    return parent is not None and etree.QName(parent).localname == "rPr"


def _changes(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(*(wtag(t) for t in (*_INSERTED, *_DELETED, CELL_MERGE))))  # in document order


def authors(data: bytes, *, name: str = "") -> list[str]:
    """The authors of the file's tracked changes, in order of first appearance."""
    found: dict[str, None] = {}
    for root in _stories(data, name).values():
        for el in _changes(root):
            found.setdefault(_author(el))
    return list(found)


def _stories(data: bytes, name: str) -> dict[str, etree._Element]:
    archive = open_zip(data, name=name)
    check_zip_xml(archive, name=name)
    names = set(archive.namelist())
    return {
        m: parse_xml(read_member(archive, m, name=name), name=f"{name} ({m})") for m in _STORIES if m in names
    }


def _unwrap(el: etree._Element) -> None:
    """`el`'s children in its place. Each set before it, not at its index: finding the index walks the
    siblings, so a paragraph of 32,000 tracked insertions took 5.4 s, the square of their count."""
    for child in list(el):
        el.addprevious(child)
    el.getparent().remove(el)


def _restore_deleted_text(el: etree._Element) -> None:
    for tag, to in (("delText", "t"), ("delInstrText", "instrText")):
        for t in el.iter(wtag(tag)):
            t.tag = wtag(to)


def _row_or_cell(mark: etree._Element, props: etree._Element, *, gone: bool) -> None:
    """A row (w:trPr) or cell (w:tcPr) marked inserted or deleted: taken out of the table where it is `gone`
    (someone else's added, or this author's deleted), else kept without its mark. A cell taken out shifts the
    row's later cells left, as Word's Accept shows a deleted cell; the reader pads the row to the table's width."""
    whole = props.getparent()
    if not gone or whole is None or whole.getparent() is None:
        props.remove(mark)
        return
    row = next(whole.iterancestors(wtag("tr")), None) if etree.QName(whole).localname == "tc" else None
    whole.getparent().remove(whole)
    if row is not None and row.getparent() is not None and next(row.iter(wtag("tc")), None) is None:
        row.getparent().remove(row)  # every cell of a row out: the row is out, as a row marked so


def view(root: etree._Element, author: str | None) -> etree._Element:
    """A copy of a story with `author`'s tracked changes accepted and all others rejected (None: all rejected)."""
    root = etree.fromstring(etree.tostring(root))  # a copy
    continued = []
    for el in _changes(root):
        kind = etree.QName(el).localname
        mine = author is not None and _author(el) == author
        if kind == CELL_MERGE:  # a cell merged with the one above, or split from it
            if (cell := resolve(el, mine)) is not None:
                continued.append(cell)
            continue
        parent = el.getparent()
        if parent is not None and etree.QName(parent).localname in (
            "trPr",
            "tcPr",
        ):  # a row or cell added/deleted
            _row_or_cell(el, parent, gone=(kind in _INSERTED) != mine)
            continue
        if _is_mark(el):
            if kind in _INSERTED and not mine:
                el.tag = wtag(
                    "del"
                )  # a paragraph break someone else inserted: the reader joins the paragraphs
            elif kind in _INSERTED or not mine:
                el.getparent().remove(el)
            continue  # a deleted mark of this author stays: the reader joins the paragraphs
        if (kind in _INSERTED) == mine:
            if kind in _DELETED:
                _restore_deleted_text(el)
            _unwrap(el)
        else:
            el.getparent().remove(el)
    start_merges_above(continued)
    return root


def _package(data: bytes, stories: dict[str, etree._Element], author: str | None, name: str) -> bytes:
    source = open_zip(data, name=name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in stories:
                xml = etree.tostring(
                    view(stories[info.filename], author),
                    xml_declaration=True,
                    encoding="UTF-8",
                    standalone=True,
                )
                target.writestr(info.filename, xml)
            else:
                target.writestr(info.filename, read_member(source, info.filename, name=name))
    return out.getvalue()


def read_as(data: bytes, author: str | None, *, name: str = "") -> Resolution:
    """The file's text as `author` proposes it (None: with every tracked change rejected)."""
    stories = _stories(data, name)
    return read_docx(_package(data, stories, author, name), name=name).resolution


def _tables(res: Resolution) -> list[tuple[list[list[str]], int]]:
    """The draft's tables in reading order, with their header rows."""
    return [(p.table, p.header_rows) for _, p in res.paragraphs() if p.is_table]


def _refuse_table_change(author: str) -> None:
    """The file's own tables read otherwise than the draft's: whose the differences are cannot be told."""
    raise InputError(
        say(
            "the tracked changes of {proposer} are in a table this file reads otherwise than the draft: accept "
            "them in Word and give the file as {proposer}=FILE",
            proposer=author or "?",
        )
    )


def proposals_from_tracked(
    data: bytes, base: Resolution | None = None, *, name: str = "", base_version: str = ""
) -> list[Proposal]:
    """One proposal per author of the file's tracked changes, against `base` (default: the file's own text
    with every change rejected). Raises InputError for a file without tracked changes."""
    stories = _stories(data, name)
    names = [a for a in dict.fromkeys(_author(el) for root in stories.values() for el in _changes(root))]
    if not names:
        raise InputError(
            say(
                "{name} has no tracked changes: give it as NAME={file}",
                name=name or say("the file"),
                file=name or "FILE",
            )
        )
    paragraphs = sum(1 for root in stories.values() for _ in root.iter(wtag("p")))
    if len(names) * (paragraphs + READ_PARAGRAPHS) > MAX_TRACKED_WORK:
        raise InputError(
            say(
                "{name} holds tracked changes by {count} authors over {paragraphs} paragraphs: too many to read "
                "each author's version; save the authors' changes in fewer files",
                name=name or say("the file"),
                count=len(names),
                paragraphs=paragraphs,
            )
        )
    rejected = read_docx(_package(data, stories, None, name), name=name).resolution
    untracked: list[object] = []
    if base is None:
        base = rejected
    else:
        untracked = list(derive(base, rejected, "", tables=False).edits)  # the file's own reading, no one's
    # the authors' changes in tables are theirs where the file's tables read as the draft's
    same_tables = _tables(rejected) == _tables(base)
    merging = merging_authors(el for root in stories.values() for el in root.iter(wtag(CELL_MERGE)))
    out = []
    for author in names:
        if author in merging:
            raise InputError(
                say(
                    "the tracked changes of {proposer} merge or split table cells: a proposal cannot carry that; "
                    "make the change in the draft itself, or reject it in Word and give the file again",
                    proposer=author,
                )
            )
        mine = read_docx(_package(data, stories, author, name), name=name).resolution
        if not same_tables and _tables(mine) != _tables(rejected):
            _refuse_table_change(author)
        proposal = derive(base, mine, author, base_version, tables=same_tables)
        proposal.edits = [e for e in proposal.edits if e not in untracked]
        out.append(proposal)
    return out
