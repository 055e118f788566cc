"""What one Word line says to the Word reader (app.io.docx_reader): its typed label ("3.", "(b)", "OP3"), its
text as spans and markup, a typed footnote's text, and the paragraph styles Resolute's own exporter writes."""

from __future__ import annotations

import re

from app import inline
from app.io.span_text import tidy
from app.io.structure import letter_index, roman_index
from app.io.wordml import Line, Piece

_TYPED = re.compile(
    # "(a)" as English prints a subparagraph's label, "a)" as French and Spanish do
    r"^\s*(?:(?P<num>\d{1,3})\.|\((?P<paren>[a-z]{1,5})\)|(?P<close>[a-z]{1,5})\)|(?P<dot>[a-z]{1,5})\.)(?=[\s\u00a0]|$)"
)
PPOP = re.compile(
    r"^\s*(?P<tag>PP|OP|pp|op)\s?(?P<n>\d{1,3})(?:\s*(?:bis|ter|quater|quinquies))?\s*[.:)]?(?=[\s\u00a0])\s*"
)
DIGITS = re.compile(r"\d+")
# a typed number past 999 ("1000.") is a paragraph's number only where it continues the typed sequence
LONG_NUMBER = re.compile(r"^\s*(?P<num>\d{4,5})\.(?=[\s\u00a0])")
RULE = re.compile(r"^[\s_\-–—=*.·•]*$")
_NOTE_LINE = re.compile(r"^\s*(?P<mark>\d{1,3}|\*{1,3})[\s\u00a0]+(?P<text>\S.*)$", re.S)


def kind(label: str) -> tuple[str, str]:
    """('num', '3') / ('paren', 'b') / ('dot', 'i') / ('pp', '2') for a label; ('', '') when it is none.
    Negotiation drafts number paragraphs "PP1", "OP3" (also "OP3 bis"): OP is operative, PP preambular."""
    m = PPOP.match(label + " ")
    if m:
        return ("num" if m.group("tag").upper() == "OP" else "pp"), m.group("n")
    m = _TYPED.match(label + " ")
    if not m:
        return "", ""
    for key in ("num", "paren", "close", "dot"):
        value = m.group(key)
        if value and (key == "num" or roman_index(value) or letter_index(value)):
            return ("paren" if key == "close" else key), value
    return "", ""


def label_end(text: str) -> int:
    m = PPOP.match(text + " ") or _TYPED.match(text + " ")
    return min(m.end(), len(text)) if m else 0


def strip_label(pieces: list[Piece], label_len: int) -> list[Piece]:
    out: list[Piece] = []
    left = label_len
    for p in pieces:
        if left > 0 and not p.note:
            take = min(left, len(p.text))
            left -= take
            rest = p.text[take:]
            if rest:
                out.append(Piece(rest, p.italic, p.note, p.sup))
            continue
        out.append(p)
    return out


def spans(pieces: list[Piece], typed: dict[str, str]) -> list[inline.Span]:
    out: list[inline.Span] = []
    for p in pieces:
        if p.note:
            out.append(inline.Span(footnote=p.note))
        elif p.sup and re.fullmatch(r"\s*(\d{1,3}|\*{1,3})\s*", p.text):
            out.append(inline.Span(footnote=typed.setdefault(p.text.strip(), f"typed-{len(typed) + 1}")))
        else:
            out.append(inline.Span(p.text, p.italic))
    return out


def has_italic_opener(spans: list[inline.Span]) -> bool:
    return bool(spans) and spans[0].italic and not spans[0].footnote


# Paragraph styles Resolute's own exporter writes (app.io.docx_writer.STYLE_IDS); other files rarely use them.
TOP_STYLES = ("UNPreambular", "UNOperative")
TAIL_STYLE = "UNTail"
SUB_STYLE = "UNSubparagraph"
NOTE_STYLE = "FootnoteText"  # Word's style of notes; under a table, in the body, the table's own notes
SECTION_STYLE = "UNSectionHeading"  # Resolute's exporter writes section headings in this style
UNPLACED_STYLE = "UNUnplaced"
ANNEX_STYLES = ("UNAnnexHeading", "UNAnnexTitle", "UNAnnex", "UNAnnexParagraph", UNPLACED_STYLE)


def note_text(line: Line, typed: dict[str, str]) -> tuple[str, str] | None:
    """(mark, note markup) when the line is the text of a typed footnote: '¹ See ...' or '1 See ...'."""
    if not line.pieces:
        return None
    first = line.pieces[0]
    if first.sup and first.text.strip() in typed:
        rest = strip_label(line.pieces, len(first.text))
        return first.text.strip(), inline.unparse(tidy(spans(rest, {})))
    m = _NOTE_LINE.match(line.plain)
    if m and m.group("mark") in typed and not line.label:
        rest = strip_label(line.pieces, m.start("text"))
        return m.group("mark"), inline.unparse(tidy(spans(rest, {})))
    return None


def markup(line: Line, typed: dict[str, str]) -> str:
    return inline.unparse(tidy(spans(line.pieces, typed))).strip()
