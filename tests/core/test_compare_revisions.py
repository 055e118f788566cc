"""Accept or reject every revision of a .docx the way Word does, and read paragraph texts with their list
numbers: the test oracle for the tracked-changes export (test_compare*.py)."""

from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(blob: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return {
            name: etree.fromstring(z.read(name))
            for name in ("word/document.xml", "word/numbering.xml", "word/footnotes.xml")
            if name in z.namelist()
        }


def resolve(root: etree._Element, accept: bool) -> etree._Element:
    """A copy of a story (document or footnotes) with all revisions accepted or rejected."""
    root = copy.deepcopy(root)
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    # table rows marked in their row properties (w:trPr/w:ins, w:del) go whole; a table left with no row goes
    for tr in list(root.iter(q("tr"))):
        if tr.find(f"w:trPr/w:{drop}", NS) is not None:
            table = tr.getparent()
            table.remove(tr)
            if table.find("w:tr", NS) is None:
                table.getparent().remove(table)
    # paragraph marks: a dropped mark joins the paragraph to the next one
    for p in list(root.iter(q("p"))):
        mark = p.find(f"w:pPr/w:rPr/w:{drop}", NS)
        if mark is not None:
            nxt = p.getnext()
            assert nxt is not None and nxt.tag == q("p"), "a removed paragraph mark needs a next paragraph"
            content = [c for c in p if c.tag != q("pPr")]
            ppr = nxt.find("w:pPr", NS)
            at = 1 if ppr is not None else 0
            for i, c in enumerate(content):
                nxt.insert(at + i, c)
            p.getparent().remove(p)
    for el in list(root.iter(q(drop))):
        if el.getparent() is not None and el.getparent().tag != q("rPr"):
            el.getparent().remove(el)
    for el in list(root.iter(q(keep))):
        parent = el.getparent()
        if parent.tag == q("rPr"):
            parent.remove(el)
            continue
        index = parent.index(el)
        for i, child in enumerate(list(el)):
            parent.insert(index + i, child)
        parent.remove(el)
    for change in list(root.iter(q("pPrChange"))):  # paragraph properties: the base's are kept inside
        ppr = change.getparent()
        if not accept:
            old = change.find("w:pPr", NS)
            for child in [c for c in ppr if c.tag not in (q("rPr"), q("pPrChange"))]:
                ppr.remove(child)
            for i, child in enumerate(list(old)):
                ppr.insert(i, child)
        ppr.remove(change)
    for t in root.iter(q("delText")):
        t.tag = q("t")
    return root


def run_text(p: etree._Element) -> str:
    out = []
    for el in p.iter(q("t"), q("tab"), q("delText"), q("footnoteReference"), q("ins"), q("del")):
        if el.tag in (q("t"), q("delText")):
            out.append(el.text or "")
        elif el.tag == q("tab") and el.getparent().tag == q("r"):
            out.append("\t")
        elif el.tag == q("footnoteReference"):
            out.append("^")
    return "".join(out)


class Numbering:
    """Word list numbering: counters per list and level, deeper levels restarting after a shallower one."""

    def __init__(self, numbering: etree._Element | None) -> None:
        self.formats: dict[str, dict[int, tuple[str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering is None:
            return
        abstract = {}
        for a in numbering.findall("w:abstractNum", NS):
            levels = {}
            for lvl in a.findall("w:lvl", NS):
                levels[int(lvl.get(q("ilvl")))] = (
                    lvl.find("w:numFmt", NS).get(q("val")),
                    lvl.find("w:lvlText", NS).get(q("val")),
                )
            abstract[a.get(q("abstractNumId"))] = levels
        for n in numbering.findall("w:num", NS):
            self.formats[n.get(q("numId"))] = abstract[n.find("w:abstractNumId", NS).get(q("val"))]

    def label(self, p: etree._Element) -> str:
        numpr = p.find("w:pPr/w:numPr", NS)
        if numpr is None:
            return ""
        num = numpr.find("w:numId", NS).get(q("val"))
        if num == "0":  # explicitly unnumbered
            return ""
        ilvl = int(numpr.find("w:ilvl", NS).get(q("val")))
        counters = self.counters.setdefault(num, {})
        counters[ilvl] = counters.get(ilvl, 0) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text = self.formats[num][ilvl]
        return text.replace(f"%{ilvl + 1}", _format(fmt, counters[ilvl])) + "\t"


def _format(fmt: str, n: int) -> str:
    from app.formatting import letters, roman

    return {"decimal": str(n), "lowerLetter": letters(n), "lowerRoman": roman(n)}[fmt]


def body_paragraphs(blob: bytes, mode: str = "") -> list[tuple[str, str]]:
    """(style id, text) of the body paragraphs ("accept", "reject" or "" for as written), list numbers
    included in the text."""
    tree = parts(blob)
    doc = tree["word/document.xml"]
    if mode:
        doc = resolve(doc, mode == "accept")
    numbering = Numbering(tree.get("word/numbering.xml"))
    body = doc.find("w:body", NS)
    out = []
    for p in body.findall("w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        out.append((style.get(q("val")) if style is not None else "", numbering.label(p) + run_text(p)))
    return out


def body_texts(blob: bytes, mode: str = "") -> list[str]:
    return [text for _, text in body_paragraphs(blob, mode)]


def footnote_texts(blob: bytes, mode: str = "") -> dict[str, str]:
    """Footnote texts by id (the separators left out)."""
    tree = parts(blob)
    notes = tree.get("word/footnotes.xml")
    if notes is None:
        return {}
    if mode:
        notes = resolve(notes, mode == "accept")
    return {
        n.get(q("id")): "".join(run_text(p) for p in n.findall("w:p", NS))
        for n in notes.findall("w:footnote", NS)
        if not n.get(q("type"))
    }


def referenced_notes(blob: bytes, mode: str) -> list[str]:
    """The texts of the footnotes the body references, in order, after accepting or rejecting."""
    tree = parts(blob)
    doc = resolve(tree["word/document.xml"], mode == "accept")
    notes = footnote_texts(blob, mode)
    refs = [r for r in doc.iter(q("footnoteReference")) if r.get(q("customMarkFollows")) != "1"]
    return [notes[r.get(q("id"))].split("\t", 1)[-1] for r in refs]
