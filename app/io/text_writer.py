"""The resolution as clean plain text, from `app.render` (what the preview shows and the .docx prints).

The notation is the model's own inline markup, so the text reads back into the same model with
`app.io.text_reader.read_text`: `*italic*` openers and titles, backslash escapes for literal `*` and `[`,
footnote markers as superscript numbers (¹²), or a note's own symbol ("**") as issued, with the footnote texts
after a rule at the end.
"""

from __future__ import annotations

from app import inline
from app.io.pdf_text import SUPERSCRIPTS
from app.model import Resolution
from app.render import Block, Rendered, render

RULE = "__________________"


def _superscript(mark: str) -> str:
    """A number as superscript digits; a symbol ("**") as printed."""
    return mark.translate(str.maketrans("0123456789", SUPERSCRIPTS)) if mark.isdigit() else mark


def _spans(spans: tuple[inline.Span, ...] | list[inline.Span], marks: dict[str, str]) -> str:
    out = []
    for s in spans:
        if s.footnote:
            if s.footnote in marks:
                out.append(_superscript(marks[s.footnote]))
        elif s.italic:
            out.append(f"*{inline.escape(s.text)}*")
        else:
            out.append(inline.escape(s.text))
    return "".join(out)


def _block(block: Block, numbers: dict[str, str]) -> str:
    if block.role == "organ_line":  # a part's own organ line, plain as the one after the title
        return block.opener + block.end
    body = _spans(block.body_spans, numbers)
    if block.opener:
        opener = f"*{inline.escape(block.opener)}*"
        body = opener + ("" if not body or body[0] in ",;:." else " ") + body
    notes = [inline.Span(footnote=note_id) for note_id in block.notes_after]
    text = body + block.end + _spans(notes, numbers)  # notes that end a paragraph follow its punctuation
    if block.label:
        text = f"{block.label} {text}"
    return text


def to_text(res: Resolution) -> str:
    """Header lines, sponsor line, title, organ line, paragraphs with numbers and labels, parts (letter, title,
    organ line) and annexes ("Annex I", title, paragraphs as written), one block a paragraph, footnotes."""
    r: Rendered = render(res)
    sections: list[list[str]] = []
    masthead = [r.united_nations] + ([r.symbol] if r.symbol else [])
    sections.append(masthead)
    sections.append([x for x in (r.organ, r.distribution, r.date, r.version, r.original) if x])
    if r.job_number:
        sections.append([r.job_number])
    if r.agenda:
        sections.append([line.text for line in r.agenda])
    if r.sponsor_line:
        sections.append([r.sponsor_line])
    if r.title:
        sections.append([_spans(r.title_spans, r.footnote_marks)])
    blocks = list(r.blocks)
    first = _block(blocks[0], r.footnote_marks) if blocks else ""
    if r.runs_on:  # a decision in one sentence: "The General Assembly, recalling …"
        sections.append([f"{r.organ_line}, {first}"])
        blocks = []
    elif r.organ_line:  # an amendment has none; a resolution in parts has one in each part instead
        sections.append([r.organ_line + ("," if r.organ_comma else "")])
    for block in blocks:
        sections.append([_block(block, r.footnote_marks)])
    notes: list[str] = []
    if r.sponsor_note:
        notes.append(f"* {r.sponsor_note}")
    for _, note_id, markup in r.footnotes:
        notes.append(
            f"{_superscript(r.footnote_marks[note_id])} {_spans(inline.parse(markup), r.footnote_marks)}"
        )
    if notes:
        sections.append([RULE])
        sections.extend([note] for note in notes)
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"
