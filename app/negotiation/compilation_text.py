"""The compilation as plain text: additions in {+ +}, deletions in [- -], the proposer after each in brackets.

OP 3    Calls upon States {+and regional organizations+} [EU] to [-strengthen-]{+enhance+} [G77] ...

A table's rows follow its label, one a line, cells set apart by " | " (rows proposed or deleted whole marked
as their cells are).
"""

from __future__ import annotations

from app.negotiation.compilation import DELETE, INSERT, Compilation, Entry
from app.negotiation.printed import printed, version_name

_MARKS = {INSERT: ("{+", "+}"), DELETE: ("[-", "-]")}


def compilation_text(comp: Compilation) -> str:
    language = comp.base.header.language if comp.base is not None else ""
    words = printed(language)  # the compilation's own words in the draft's language
    version = version_name(comp.base_version, language) if comp.base_version else words["the_draft"]
    lines = [f"{words['on_text'].format(version=version)}: {comp.title}".rstrip(": ")]
    if comp.proposers:
        lines.append(words["proposals_by"] + ", ".join(comp.proposers))
    lines.append(words["legend_text"])
    lines.append("")
    notes_started = False
    for entry in comp.entries:
        if entry.kind == "footnote" and not notes_started:
            lines += ["", words["footnotes"], ""]
            notes_started = True
        text = "".join(_piece(p.text, p.op, p.note) for p in entry.pieces)
        status = f"  [{entry.status}]" if entry.status else ""
        indent = "    " * entry.level
        label = entry.label + ("." if entry.kind == "footnote" else "")
        if entry.rows is not None:
            lines += _rows(entry, indent, label, status)
            if not text.strip():
                continue
            label = status = ""
        lines.append(
            f"{indent}{label}\t{text}{status}".rstrip() if label else f"{indent}\t{text}{status}".rstrip()
        )
    return "\n".join(lines) + "\n"


def _rows(entry: Entry, indent: str, label: str, status: str) -> list[str]:
    """The table's label (and status), then each row: "| cell | cell |"."""
    lines = [f"{indent}{label}{status}".rstrip()]
    for row in entry.rows or []:
        cells = ["".join(_piece(p.text, p.op, p.note) for p in cell) for cell in row.cells]
        lines.append(f"{indent}\t| {' | '.join(cells)} |")
    return lines


def _piece(text: str, op: str, note: bool) -> str:
    if note:
        text = f"[{text}]"
    if op in _MARKS:
        lead, end = _MARKS[op]
        return f"{lead}{text}{end}"
    return text
