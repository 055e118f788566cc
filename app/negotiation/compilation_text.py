"""The compilation as plain text: additions in {+ +}, deletions in [- -], the proposer after each in brackets.

OP 3    Calls upon States {+and regional organizations+} [EU] to [-strengthen-]{+enhance+} [G77] ...
"""

from __future__ import annotations

from app.negotiation.compilation import DELETE, INSERT, Compilation

_MARKS = {INSERT: ("{+", "+}"), DELETE: ("[-", "-]")}


def compilation_text(comp: Compilation) -> str:
    lines = [f"Compilation of proposals on {comp.base_version or 'the draft'}: {comp.title}".rstrip(": ")]
    if comp.proposers:
        lines.append("Proposals by: " + ", ".join(comp.proposers))
    lines.append("Additions {+ +}, deletions [- -]; the proposer follows each change in brackets.")
    lines.append("")
    notes_started = False
    for entry in comp.entries:
        if entry.kind == "footnote" and not notes_started:
            lines += ["", "Footnotes", ""]
            notes_started = True
        text = "".join(_piece(p.text, p.op, p.note) for p in entry.pieces)
        status = f"  [{entry.status}]" if entry.status else ""
        indent = "    " * entry.level
        label = entry.label + ("." if entry.kind == "footnote" else "")
        lines.append(
            f"{indent}{label}\t{text}{status}".rstrip() if label else f"{indent}\t{text}{status}".rstrip()
        )
    return "\n".join(lines) + "\n"


def _piece(text: str, op: str, note: bool) -> str:
    if note:
        text = f"[{text}]"
    if op in _MARKS:
        lead, end = _MARKS[op]
        return f"{lead}{text}{end}"
    return text
