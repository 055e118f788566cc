"""The Word reader's header: the organ line ("The General Assembly,"), where the header ends and
the body starts, and the header lines read through the one header reader (app.io.text_header)."""

from __future__ import annotations

import re

from app import inline
from app.findings import Finding, Severity
from app.io.amendment_reader import instruction_sentence
from app.io.docx_lines import has_italic_opener, kind, markup, spans
from app.io.foreign_header import english_header
from app.io.imported import Adoption
from app.io.span_text import tidy
from app.io.wordml import Line, Piece, Styles, header_line
from app.languages import get_language, language_of_organ_line
from app.messages import say
from app.model import Resolution
from app.templates import all_templates

_TITLE_LINES_MOST = 60  # a title stands in the header's last lines: far fewer than this
_ORGAN_LINE = re.compile(
    r"^The [A-Z][\w’' -]*?(?:Assembly|Council|Conference|Commission|Committee|Board|Meeting|Forum)\s*,?$"
)


def is_organ_line(text: str) -> bool:
    s = re.sub(r"\s+", " ", text).strip()
    known = {t.organ_line.lower() for t in all_templates().values()}
    return s.rstrip(",").strip().lower() in known or bool(_ORGAN_LINE.match(s) or language_of_organ_line(s))


def _run_on_organ_line(lines: list[Line]) -> tuple[int, Line] | None:
    """A decision in one sentence: "The General Assembly, recalling …" in one paragraph. The paragraph's
    index, and the paragraph without the organ line (its text starts with the lower-case word after it)."""
    known = {t.organ_line.lower() for t in all_templates().values()}
    for i, line in enumerate(lines):
        m = re.match(r"\s*([^,]{3,60}),\s+(?=[a-z])", line.plain)
        if m and not line.in_table and re.sub(r"\s+", " ", m.group(1)).strip().lower() in known:
            cut, pieces = m.end(), []
            for piece in line.pieces:  # drop the first `cut` characters, piece by piece
                keep = piece.text[cut:] if not piece.note else piece.text
                cut = max(0, cut - len(piece.text)) if not piece.note else cut
                if keep or piece.note:
                    pieces.append(Piece(keep, piece.italic, piece.note, piece.sup))
            return i, Line(pieces, line.style, line.num_id, line.ilvl, line.left, line.in_table, line.index)
    return None


def _other_organ_line(lines: list[Line]) -> int | None:
    """A body the templates do not know ("The Commission on the Status of Women,"): a short line that starts
    with "The", ends with a comma and is followed by a paragraph with an italic opener."""
    texts = [
        (i, re.sub(r"\s+", " ", line.plain).strip()) for i, line in enumerate(lines) if line.plain.strip()
    ]
    for (i, text), (j, _) in zip(texts, texts[1:], strict=False):
        if re.fullmatch(r"The [A-Z][^,;:.]{3,90},", text) and not lines[i].in_table:
            following = tidy(spans(lines[j].pieces, {}))
            if has_italic_opener(following):
                return i
    return None


def _title_with_marks(lines: list[Line], title: str, typed: dict[str, str]) -> str:
    """The title the header reader found (as plain text: it reads words, not runs) with the runs' marks of the
    lines it stands on: italics and footnote references. "" when no run of lines reads as the title."""
    from app.io.text_header import NUMBERED_TITLE

    want = " ".join(inline.plain(title).split())
    texts = [" ".join(line.plain.split()) for line in lines]
    # from the last line back: the title ends the header, and an agenda item's title before it may read the same
    for start in reversed(range(max(0, len(lines) - _TITLE_LINES_MOST), len(lines))):
        numbered = NUMBERED_TITLE.match(texts[start])  # "78/123. Title": the number is no part of the title
        head = numbered.group("title") if numbered else texts[start]
        if not head or not want.startswith(head):
            continue
        at, end = len(head), start + 1
        while at < len(want) and end < len(lines):  # the title's other lines, each read once
            end += 1
            if texts[end - 1] and not want.startswith(" " + texts[end - 1], at):
                break
            at += len(texts[end - 1]) + 1 if texts[end - 1] else 0
        if at != len(want):
            continue
        found = " ".join(m for m in (markup(line, typed) for line in lines[start:end]) if m)
        numbered = NUMBERED_TITLE.match(found)
        found = numbered.group("title") if numbered else found
        if " ".join(inline.plain(found).split()) == want:
            return found
    return ""


def read_header(
    lines: list[Line],
    styles: Styles,
    res: Resolution,
    findings: list[Finding],
    typed: dict[str, str],
    language: str = "en",
) -> Adoption | None:
    """The masthead and header paragraphs, each with its look, through the one header reader; what the heading
    of an adopted resolution says."""
    from app.io.text_header import parse_header, sponsor_line, star_note

    blocks = [[header_line(line, styles)] for line in lines if line.plain.strip()]
    if language != "en":  # a French or Spanish masthead, in the English words the header reader knows
        blocks = english_header(blocks, get_language(language))
    out = parse_header(blocks)
    res.header = out.header
    res.header.language = language
    res.title = _title_with_marks(lines, out.title, typed) or out.title
    title_notes = {s.footnote for s in inline.parse(res.title) if s.footnote}
    res.unplaced[:0] = out.unplaced
    findings += out.findings
    # footnotes in the header: the sponsor line's "*" note, or notes on the title
    for line in lines:
        notes = [p.note for p in line.pieces if p.note]
        if not notes:
            continue
        text = re.sub(r"\s+", " ", line.plain).strip()
        on_sponsor_line = bool(sponsor_line(text))
        for note_id in notes:
            note = res.footnotes.get(note_id)
            # one note is the sponsor line's; a second would replace it, so it is kept at the end instead
            if note is not None and star_note(out, inline.plain(note.text), marked=on_sponsor_line):
                del res.footnotes[note_id]
                res.title = res.title.replace(f"[^{note_id}]", "")  # the sponsor line's, not the title's
                on_sponsor_line = False
                continue
            if note_id in title_notes:
                continue
            if note is not None:
                findings.append(
                    Finding(
                        "import.unplaced",
                        Severity.WARNING,
                        say(
                            "a footnote in the header (“{header}”) was kept at the end: {text}",
                            header=text[:50],
                            text=inline.plain(note.text)[:60],
                        ),
                        field="annex",
                    )
                )
                res.unplaced.append(note.text)
                del res.footnotes[note_id]
    res.header.sponsors = res.header.sponsors or []
    return out.adoption


def header_and_body(lines: list[Line], findings: list[Finding]) -> tuple[int | None, list[Line], list[Line]]:
    """Where the organ line stands (None when there is none), and the lines before it and after it. A decision
    in one sentence runs on from its organ line; an amendment has none and starts with its first instruction."""
    organ_at = next(
        (i for i, line in enumerate(lines) if not line.in_table and is_organ_line(line.plain)), None
    )
    if organ_at is None:
        organ_at = _other_organ_line(lines)
    run_on = _run_on_organ_line(lines) if organ_at is None else None
    if run_on is not None:  # a decision in one sentence: the organ line runs into it
        header_lines, body = lines[: run_on[0]], [run_on[1], *lines[run_on[0] + 1 :]]
    elif organ_at is None:
        first_body = next(
            (
                i
                for i, line in enumerate(lines)
                if kind(line.label or line.plain)[0]
                or (line.pieces and line.pieces[0].italic and line.plain.strip())
            ),
            len(lines),
        )
        # an amendment has no organ line: its body starts with its first instruction
        first_body = next(
            (i for i, line in enumerate(lines[:first_body]) if instruction_sentence(line.plain.strip())),
            first_body,
        )
        header_lines, body = lines[:first_body], lines[first_body:]
        if not (body and instruction_sentence(body[0].plain.strip())):
            findings.append(
                Finding(
                    "import.structure",
                    Severity.WARNING,
                    say("no organ line (“The General Assembly,”) found: the template may be wrong"),
                    field="header",
                )
            )
    else:
        header_lines, body = lines[:organ_at], lines[organ_at + 1 :]
    return organ_at, header_lines, body
