"""Oral revisions: the text a delegate reads out to revise a draft from the floor, from a comparison.

Paragraphs are named as in the circulated (base) text: "the fourth preambular paragraph", "operative
paragraph 5", "operative paragraph 5 (b)", "operative paragraph 2 of part B", "paragraph 3 of annex II". Each change inside a paragraph reads as an insertion after a few
words of context, a deletion or a replacement; whole paragraphs are deleted or inserted "reading: ...".
Changes of terminal punctuation alone are not read out: they follow from the structure. A table is named by
its place ("the table after operative paragraph 11") and read cell by cell and row by row (`oral_tables`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app import inline
from app.compare.diff import BlockChange, Comparison
from app.compare.oral_tables import table_revisions
from app.formatting import ordinal_words
from app.model import Part
from app.render import Block, join_opener
from app.wording.edits import segment_edits
from app.wording.places import paragraph_name, part_name
from app.wording.sentences import delete_paragraph, in_paragraph, insert_paragraph
from app.wording.tables import insert_table, table_name
from app.wording.words import quote as _q


@dataclass(frozen=True)
class OralRevision:
    where: str  # "operative paragraph 5"
    instruction: (
        str  # "In operative paragraph 5, after “all States”, insert “and international organizations”"
    )


def unit_name(unit: str) -> str:
    """ "part B", "annex II", "the annex"; "" for a single-part resolution."""
    if not unit:
        return ""
    if unit.startswith("Adopted text"):  # a text adopted with no "Annex" line
        return "the adopted text" + unit.removeprefix("Adopted text")
    if unit.startswith("Annex"):
        return "the annex" if unit == "Annex" else "annex " + unit.removeprefix("Annex ")
    return f"part {unit}"


_UNIT_LINES = {
    "part_heading": "the letter of {u}",
    "part_title": "the title of {u}",
    "organ_line": "the organ line of {u}",
    "annex_heading": "the heading of {u}",
    "annex_title": "the title of {u}",
}


class _Names:
    """Names of the base text's paragraphs as a delegate reads them; in a resolution in parts or in an annex
    with the part or annex after them ("operative paragraph 2 of part B", "paragraph 3 of annex II")."""

    def __init__(self, cmp: Comparison) -> None:
        self.names: dict[tuple[str, bool], str] = {}
        self.kinds: dict[tuple[str, bool], str] = {}
        self.tables: dict[str, str] = {}  # a table paragraph's name, by its id
        self._after: dict[str, int] = {}  # tables after each paragraph so far
        annex = 0
        counts: dict[tuple[str, str], int] = {}
        parent = parent_unit = ""
        holder = ""  # the table a list hangs under (a file gave a table subparagraphs), else ""
        for block in cmp.base_rendered.blocks:
            key = (block.paragraph_id, block.is_tail)
            unit = unit_name(block.unit)
            if block.role in ("preambular", "operative", "annex_paragraph") and block.level == 0:
                parent_unit, holder = block.unit, ""
            of = f" of {unit}" if unit else ""
            if block.role in _UNIT_LINES:
                self.names[(block.paragraph_id + block.role, False)] = _UNIT_LINES[block.role].format(u=unit)
            elif block.role == "preambular" and not block.is_tail and block.level == 0:
                pp = counts[(block.unit, "pp")] = counts.get((block.unit, "pp"), 0) + 1
                parent = paragraph_name(Part.PREAMBLE, pp) + of
                self.names[key], self.kinds[key] = parent, "preambular paragraph"
            elif block.role == "operative" and not block.is_tail and block.level == 0:
                number = int(block.label.rstrip(".")) if block.label else 1
                parent = paragraph_name(Part.OPERATIVE, number, numbered=bool(block.label)) + of
                self.names[key], self.kinds[key] = parent, "operative paragraph"
            elif block.role == "annex_paragraph" and not block.is_tail and block.level == 0:
                if block.label:
                    parent = f"paragraph {block.label.rstrip('.')}{of}"
                else:
                    n = counts[(block.unit, "un")] = counts.get((block.unit, "un"), 0) + 1
                    parent = f"the {ordinal_words(n)} unnumbered paragraph{of}"
                self.names[key], self.kinds[key] = parent, "paragraph"
            elif block.role == "subparagraph":
                top = parent.removeprefix("the ")
                if holder:
                    self.names[key] = f"subparagraph {block.label} of {holder}"
                elif top.startswith("operative"):
                    head, _, rest = parent.partition(" of ")
                    self.names[key] = f"{head} {block.label}" + (f" of {rest}" if rest else "")
                else:
                    self.names[key] = f"subparagraph {block.label} of {parent}"
                self.kinds[key] = "subparagraph"
            elif block.role == "table":
                holder = self.tables[block.paragraph_id] = self._table(block, parent, parent_unit)
            elif block.role == "table_note" and block.paragraph_id in self.tables:
                self.names[key] = f"the note under {self.tables[block.paragraph_id]}"
                self.kinds[key] = "text"
            elif block.is_tail:
                self.names[key], self.kinds[key] = f"{parent}, after the subparagraphs,", "text"
            elif block.role == "unplaced":
                annex += 1
                key = ("annex", False) if annex == 1 else (f"annex{annex}", False)
                self.names[key], self.kinds[key] = f"paragraph {annex} of the text kept as written", "text"

    def _table(self, block: Block, parent: str, parent_unit: str) -> str:
        """ "the table after operative paragraph 11"; at the head of its part or annex, "the table at the
        beginning of annex II"."""
        if not parent or parent_unit != block.unit:
            start = unit_name(block.unit) or part_name(block.part or Part.OPERATIVE)
            return table_name("", start_of=start if block.unit else "the " + start)
        nth = self._after[parent] = self._after.get(parent, 0) + 1
        return table_name(parent, nth=nth)

    def of(self, block: Block) -> str:
        if block.role == "table":
            return self.tables.get(block.paragraph_id, "the table")
        if block.role in _UNIT_LINES:
            return self.names.get((block.paragraph_id + block.role, False), "the text")
        name = self.names.get((block.paragraph_id, block.is_tail), "the text")
        return f"the section heading before {name.removeprefix('the ')}" if block.role == "heading" else name

    def kind(self, block: Block) -> str:
        return self.kinds.get((block.paragraph_id, block.is_tail), "paragraph")


def _block_text(block: Block) -> str:
    body = "".join(s.text for s in block.spans)
    return join_opener(block.opener, body)


def _edits(change: BlockChange) -> list[str]:
    """The edits inside one changed paragraph, as phrases."""
    return [e.phrase for e in segment_edits(change.segments)]


def _belongs(child: Block, top: Block) -> bool:
    """A subparagraph, tail or table note block printed inside the paragraph `top` starts."""
    own = child.is_tail or child.role == "table_note"
    return child.level > top.level or (own and child.paragraph_id == top.paragraph_id)


def oral_revisions(cmp: Comparison) -> list[OralRevision]:
    """The revisions in reading order of the base text."""
    return _Revisions(cmp).read()


_PARAGRAPH_KINDS = {
    "preambular": "preambular paragraph",
    "operative": "operative paragraph",
    "annex_paragraph": "paragraph",
}


class _Revisions:
    """One pass over a comparison's blocks, a revision for each change (a run of deleted or inserted blocks
    that go together is one)."""

    def __init__(self, cmp: Comparison) -> None:
        self.cmp = cmp
        self.names = _Names(cmp)
        self.out: list[OralRevision] = []
        self.last_base: Block | None = None  # the last base block passed: where an insertion goes after
        self.renumber = False
        self.blocks = cmp.blocks
        self.i = 0

    def read(self) -> list[OralRevision]:
        while self.i < len(self.blocks):
            self._step()
        self.out += _footnote_revisions(self.cmp)
        if self.renumber:
            self.out.append(OralRevision("", "Renumber the subsequent paragraphs accordingly"))
        return self.out

    def _step(self) -> None:
        change = self.blocks[self.i]
        base, new = change.base, change.new
        self.i += 1
        if change.status == "changed" and base is not None and new is not None and base.role == "table":
            where = self.names.of(base)
            self.out += [OralRevision(where, s) for s in table_revisions(self.cmp, base, new, where)]
        elif change.status == "changed" and base is not None:
            edits = _edits(change)
            if edits:
                where = self.names.of(base)
                self.out.append(OralRevision(where, in_paragraph(where, edits)))
        elif (
            change.status == "deleted" and base is not None and base.role in ("part_heading", "annex_heading")
        ):
            self._delete_unit(base)
        elif change.status == "deleted" and base is not None:
            self._delete_paragraph(base)
        elif change.status == "inserted" and new is not None:
            self._insert(new)
            return  # an insertion is not a place in the base
        if base is not None:
            self.last_base = base

    def _following(self, status: str, test: Callable[[BlockChange], bool]) -> list[BlockChange]:
        """The blocks from the current one on that have `status` and pass `test`, passed over."""
        taken = []
        while (
            self.i < len(self.blocks) and self.blocks[self.i].status == status and test(self.blocks[self.i])
        ):
            taken.append(self.blocks[self.i])
            self.i += 1
        return taken

    def _after(self, otherwise: str) -> str:
        """The name of the last base block passed, or `otherwise` before the first."""
        last = self.last_base
        if last is not None and last.role == "table_note":  # the note is the table's: after the table
            return self.names.tables.get(last.paragraph_id, "the table")
        return self.names.of(last) if last is not None else otherwise

    def _delete_unit(self, base: Block) -> None:
        # a deleted part or annex goes whole: its lines and paragraphs with it
        self._following("deleted", lambda b: b.base.unit == base.unit)
        where = unit_name(base.unit)
        self.out.append(OralRevision(where, f"Delete {where}"))
        self.renumber = True

    def _delete_paragraph(self, base: Block) -> None:
        # a deleted paragraph takes its subparagraphs with it
        self._following("deleted", lambda b: _belongs(b.base, base))
        where = self.names.of(base)
        self.out.append(OralRevision(where, delete_paragraph(where)))
        self.renumber = self.renumber or base.label != ""

    def _insert(self, new: Block) -> None:
        if new.role == "heading":
            self._insert_heading(new)
        elif new.role in _UNIT_LINES:
            self._insert_unit(new)
        else:
            self._insert_paragraph(new)

    def _insert_heading(self, new: Block) -> None:
        lines = [_block_text(new)]
        lines += [_block_text(b.new) for b in self._following("inserted", lambda b: b.new.role == "heading")]
        where = self._after("the operative part")
        self.out.append(
            OralRevision(where, f"After {where}, insert the section heading {_q(' '.join(lines))}")
        )

    def _insert_unit(self, new: Block) -> None:
        lines = [_block_text(new) + new.end]  # a new part or annex: its letter or heading, title, organ line
        lines += [
            _block_text(b.new) + b.new.end
            for b in self._following("inserted", lambda b: b.new.role in _UNIT_LINES)
        ]
        what = "part" if new.role in ("part_heading", "part_title", "organ_line") else "annex"
        where = self._after("the title")
        self.out.append(
            OralRevision(where, f"After {where}, insert a new {what} opening {_q(' '.join(lines))}")
        )

    def _insert_table(self, new: Block) -> None:
        self._following("inserted", lambda b: _belongs(b.new, new))  # its note goes with it
        where = self._after(part_name(new.part or Part.OPERATIVE))
        rows = [[" ".join(inline.plain(c).split()) for c in row] for row in new.cells]
        self.out.append(OralRevision(where, insert_table(where, rows)))

    def _insert_paragraph(self, new: Block) -> None:
        if new.role == "table":
            self._insert_table(new)
            return
        texts = [(new.label + " " if new.level else "") + _block_text(new) + new.end]
        for b in self._following("inserted", lambda b: _belongs(b.new, new)):
            sub = b.new
            texts.append((sub.label + " " if sub.label else "") + _block_text(sub) + sub.end)
        kind = _PARAGRAPH_KINDS.get(new.role, "subparagraph" if new.role == "subparagraph" else "paragraph")
        text = _q(" ".join(texts))
        part = Part.PREAMBLE if new.role == "preambular" else Part.OPERATIVE
        where = self._after("")
        self.out.append(
            OralRevision(where or part_name(part), f"{insert_paragraph(where, part, kind)} {text}")
        )
        self.renumber = self.renumber or new.label != ""


def _footnote_revisions(cmp: Comparison) -> list[OralRevision]:
    """Edits of footnote texts whose references stay, by the base's footnote numbers."""
    out: list[OralRevision] = []
    for note in cmp.footnotes.values():
        if note.status != "changed":
            continue
        number = cmp.base_rendered.footnote_numbers.get(note.base_id)
        edits = [e.phrase for e in segment_edits(note.segments)]
        if number and edits:
            where = f"footnote {number}"
            out.append(OralRevision(where, in_paragraph(where, edits)))
    return out


def _read_out(cmp: Comparison) -> tuple[list[str], str, str]:
    """The revisions as read out, in the draft's language (`oral_languages`; English here), and the marks
    between them and after the last."""
    from app.compare.oral_languages import spoken_end, spoken_revisions

    spoken = spoken_revisions(cmp)
    items = spoken if spoken is not None else [r.instruction for r in oral_revisions(cmp)]
    return items, spoken_end(cmp, ";"), spoken_end(cmp, ".")


def oral_revisions_text(cmp: Comparison) -> str:
    """The revisions as they are read out: one per line, separated by semicolons, the last ending with a full stop."""
    items, between, last = _read_out(cmp)
    if not items:
        return ""
    return f"{between}\n".join(items) + f"{last}\n"


def oral_revisions_docx(cmp: Comparison, *, heading: str = "") -> bytes:
    """The revisions as a plain Word file to print or send: a heading, then one paragraph per revision."""
    import io

    import docx
    from docx.shared import Pt

    from app.io.safe_xml import xml_text

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    from app.compare.oral_languages import spoken_heading

    title = heading or spoken_heading(cmp)
    # python-docx refuses controls and lone surrogates (a heading typed, a name read from a damaged file)
    document.add_paragraph().add_run(xml_text(title)).bold = True
    items, between, last = _read_out(cmp)
    for i, item in enumerate(items):
        document.add_paragraph(xml_text(item) + (last if i == len(items) - 1 else between))
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
