"""The body of an issued amendment, as the text and Word readers find it: sentences in the set wording
("Delete the thirty-eighth preambular paragraph reading:") each followed by the paragraphs it quotes.

The readers read the body as paragraphs in reading order and mark which of them are sentences; this module
turns that sequence into `Instruction`s, each quoted paragraph kept with the instruction before it.
"""

from __future__ import annotations

import re

from app import inline
from app.amendments import lead_text, set_lead_text
from app.errors import InputError
from app.findings import Finding, Severity
from app.formatting import ROMAN_NUMBER
from app.lexicon import detect_opener
from app.messages import say
from app.model import Action, Annex, Instruction, Paragraph, Part, Resolution, ResolutionPart
from app.wording.read_languages import opening_pattern
from app.wording.reading import INSTRUCTION_START, parse_sentence, sentence_language
from app.wording.units import is_text_edit, is_title

_LABEL = re.compile(r"^\s*\d+\.\s+")
_SUB_LABEL = re.compile(r"^(?:\([a-z]{1,6}\)|[a-z]{1,6}\.)\s+(?=\S)")
_ROMAN = rf"(?i:{ROMAN_NUMBER})"  # "annex xii" is annex XII, as the sentence readers take it
# the opening words of an instruction, enough to tell one starts on a line (a sentence may wrap)
_OPENING = re.compile(
    r"^(?:\d+\.\s+)?(?:(?:Delete|Replace|In|After|Before) (?:the [a-z]+(?:-[a-z]+)? (?:preambular|unnumbered)|operative "
    r"paragraph|subparagraph \(|paragraph \d+(?: \([a-z]+\))* of (?:the annex|annex "
    rf"{_ROMAN}))"
    r"|In the title, |Replace the title with|(?:Insert|Add) (?:a new|the following)"
    r"|(?:In|Replace) the title of (?:the annex|annex "
    rf"{_ROMAN}|part [A-Z]{{1,2}})\b"  # a part's or an annex's title
    r"|At the beginning of (?:the (?:preamble|operative|annex)|annex "
    rf"{_ROMAN})"
    r"|Delete (?:the annex|annex "
    rf"{_ROMAN}|part [A-Z]{{1,2}})\b"  # a whole annex or part
    r"|(?:After|Before) (?:the annex|annex "
    rf"{_ROMAN}|part [A-Z]{{1,2}}), insert a new (?:annex|part)\b"  # one added
    r"|In the (?:[a-z]+(?:-[a-z]+)* )?table (?:after|at the beginning)\b)"  # a table's row or cell
)


def opens_instruction(line: str) -> bool:
    """A line that starts an amendment instruction ("Delete the fourth preambular ...", "In operative paragraph"),
    in the set wording of any language ("Supprimer le troisième alinéa du préambule", "En el párrafo 5")."""
    line = _LABEL.sub("", line.strip())
    return bool(_OPENING.match(line) or opening_pattern().match(line))


def instruction_sentence(text: str) -> bool:
    """A paragraph in the set wording of an amendment instruction (its number, if any, included)."""
    if not (INSTRUCTION_START.match(text) or opening_pattern().match(_LABEL.sub("", text))):
        return False
    try:
        parse_sentence(_LABEL.sub("", text))
    except InputError:
        return False
    return True


def replaces_title(text: str) -> bool:
    """A sentence that replaces a title whole ("Replace the title of annex II with the following:"): the line
    after it is the new title, whatever it looks like."""
    try:
        parsed, carried = parse_sentence(_LABEL.sub("", text.strip()))
    except InputError:
        return False
    last = parsed[-1]
    return is_title(last.unit) and last.action is Action.REPLACE and not carried and not is_text_edit(last)


def read_body(
    res: Resolution,
    order: list[Paragraph],
    sentences: set[str],
    numbered: set[str] | None = None,
    guessed: set[str] | None = None,
) -> list[Finding]:
    """Make `res.instructions` from the paragraphs in `order` (ids in `sentences` are instruction
    sentences, the others quoted paragraphs), and take them out of the preamble and operative part. `numbered`:
    the ids of paragraphs printed with a number (an added annex's numbered paragraphs; None: not known);
    `guessed`: the ids of paragraphs whose opener the reader found by the lexicon, not marked in italics."""
    findings: list[Finding] = []
    open_: Instruction | None = None  # the last whole-paragraph instruction, which quoted text completes
    adding: Instruction | None = None  # the last instruction adding a part or an annex: quoted text fills it
    used: set[str] = set()
    pending: list[Paragraph] = []  # heading lines plain text sets as paragraphs, waiting for their paragraph
    first = next((p for p in order if p.id in sentences), None)
    if first is not None:  # the amendment is written in the language of its set wording
        res.header.language = sentence_language(_LABEL.sub("", lead_text(first))) or res.header.language
    for para in order:
        if para.id in sentences:
            parsed, carried = parse_sentence(_LABEL.sub("", lead_text(para)), res.header.language)
            res.instructions += parsed
            last = parsed[-1]
            _flush(adding, pending)
            adding = last if last.body is not None else None
            whole = last.paragraph is None and not (last.old or last.new or last.after)
            quotes = last.action is not Action.DELETE or lead_text(para).rstrip().endswith(":")
            open_ = last if whole and quotes else None
            if open_ is not None and carried:
                open_.paragraph = Paragraph(text=carried)
                if not open_.sub:  # a subparagraph has no opener
                    set_lead_text(open_.paragraph, carried, open_.part)
                open_ = None if open_.action is Action.DELETE else open_
            used.add(para.id)
            continue
        if adding is not None:
            if isinstance(adding.body, Annex) and guessed is not None and para.id in guessed:
                para.opener, para.text = "", lead_text(para)  # an annex prints its words as written
            fill_unit(adding, para, None if numbered is None else para.id in numbered, pending)
            used.add(para.id)
            continue
        if open_ is not None and _quote(res, open_, para, findings):  # else it stays where the reader put it
            used.add(para.id)
    _flush(adding, pending)
    for part_list in (res.preamble, res.operative):
        part_list[:] = [p for p in part_list if p.id not in used]
    return findings + _unread_findings(res)


# a paragraph that opens as an instruction does but is not one in the set wording ("delete row 0", a row number of
# thousands of digits, a typo): left as text, it would be no change at all, exit 0, nothing said
SHOWN = 80
# looser than `opens_instruction`, for what is left over only: a verb of the set wording, then a unit within a few
# words ("In the ² preambular paragraph", "Replace the title of annex 4300", "In the zeroth table after …"; up to six words of any length)
_LOOSE_OPENING = re.compile(
    r"^(?:In|Delete|Replace|After|Before|Insert|Add|At the beginning of"
    r"|Au|Aux|À la|Supprimer|Remplacer|Après|Avant|Insérer|Ajouter|Au début"  # the French set wording's verbs
    r"|En|Suprímase|Sustitúyase|Después|Antes|Insértese|Añádase|Al comienzo)"  # and the Spanish
    r"(?: [^\s“”«»]+){0,6}? "
    r"(?:paragraphs?|subparagraphs?|table|annex|part|title|row|column"
    r"|paragraphes?|alinéas?|tableau|annexe|partie|titre|ligne|colonne"
    r"|párrafos?|apartados?|cuadro|anexo|parte|título|fila|columna)\b"
)


def _unread_findings(res: Resolution) -> list[Finding]:
    return [
        Finding(
            "import.unplaced",
            Severity.WARNING,
            say("an instruction that cannot be read: “{text}”", text=t[:SHOWN]),
        )
        for t in unread(res)
    ]


def unread(res: Resolution) -> list[str]:
    """The text of each paragraph left in an amendment's body that opens like an instruction."""
    texts = (lead_text(p) for p in (*res.preamble, *res.operative))
    return [
        t for t in texts if (opens_instruction(t) or _LOOSE_OPENING.match(t)) and not instruction_sentence(t)
    ]


def _quote(res: Resolution, open_: Instruction, para: Paragraph, findings: list[Finding]) -> bool:
    """`para` as the paragraph `open_` quotes (or a further one it inserts, or its closing words); False, with a
    finding, for a second quoted paragraph the instruction cannot take."""
    if open_.sub:  # a quoted subparagraph may keep its printed label
        for node in para.walk():
            node.text = _SUB_LABEL.sub("", node.text, count=1)
    if open_.sub:  # a subparagraph has no opener, whatever its first word looks like ("States ...")
        para.opener, para.text = "", lead_text(para)
    elif not para.opener:
        set_lead_text(para, lead_text(para), open_.part)
    if open_.paragraph is None:
        open_.paragraph = para
    elif open_.action is Action.INSERT:  # "insert two new paragraphs reading:"
        extra = Instruction(
            Action.INSERT, open_.part, open_.number, open_.sub, paragraph=para, unit=open_.unit
        )
        res.instructions.append(extra)
    elif _closes_list(open_.paragraph, para):  # words after the quoted subparagraphs, capitalized or not
        open_.paragraph.tail = lead_text(para)
    else:
        findings.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say("a second quoted paragraph after one instruction: “{text}”", text=para.text[:60]),
            )
        )
        return False
    return True


def _closes_list(quoted: Paragraph, para: Paragraph) -> bool:
    """One paragraph is quoted per instruction: unlabelled text after its subparagraphs is its closing text."""
    return bool(quoted.subparagraphs) and not quoted.tail and not para.subparagraphs


def fill_unit(
    ins: Instruction, para: Paragraph, numbered: bool | None = None, pending: list[Paragraph] | None = None
) -> None:
    """A paragraph quoted after "Add a new annex reading:" into the annex (the part) it adds: the first one's
    first heading line is the title; in a part, paragraphs open with a preambular opener until one does not. An
    annex's paragraph is numbered as printed (`numbered`: with a number label; None: not known, numbered).
    In an annex, later lines that read as a title (plain text sets a section heading as lines of its own,
    "Guideline 9" over "Termination") wait in `pending` and become the next paragraph's heading."""
    body = ins.body
    assert isinstance(body, (Annex, ResolutionPart))
    empty = not (body.preamble or body.operative) if isinstance(body, ResolutionPart) else not body.paragraphs
    if empty and not body.title and para.heading.strip():
        title, _, rest = para.heading.partition("\n")
        body.title, para.heading = title.strip(), rest
    elif empty and not body.title and _title_like(para):
        body.title = lead_text(
            para
        )  # plain text sets the title as a line of its own, with no heading to tell it
        return
    if isinstance(body, Annex):
        if pending is not None and not para.heading.strip() and numbered is not True and _title_like(para):
            pending.append(para)
            return
        if pending:
            lines = [lead_text(p).strip() for p in pending]
            para.heading = "\n".join([*lines, para.heading] if para.heading.strip() else lines)
            pending.clear()
        if numbered is None:  # a reader that does not say what it marked: an opener as the lexicon finds it
            set_lead_text(para, lead_text(para), Part.OPERATIVE)
        para.numbered = numbered is not False and not para.is_table
        tail = inline.plain(para.tail).strip()
        if pending is not None and tail and tail[-1] not in ".;:,":  # the next heading, read as closing words
            pending.append(Paragraph(text=para.tail.strip()))
            para.tail = ""
        body.paragraphs.append(para)
        return
    text = lead_text(para)
    preambular = not body.operative and bool(detect_opener(inline.plain(text), Part.PREAMBLE))
    part = Part.PREAMBLE if preambular else Part.OPERATIVE
    if not para.opener:
        set_lead_text(para, text, part)
    body.part(part).append(para)


def _flush(ins: Instruction | None, pending: list[Paragraph]) -> None:
    """Heading lines no paragraph followed in an added annex: kept as its last paragraphs, unnumbered."""
    body = ins.body if ins is not None else None
    if isinstance(body, Annex):
        for para in pending:
            para.numbered = False
            body.paragraphs.append(para)
    pending.clear()


def _title_like(para: Paragraph) -> bool:
    """A first quoted line that reads as a title: words with no closing punctuation, nothing under it."""
    text = inline.plain(lead_text(para)).strip()
    return bool(text) and not para.is_table and not para.subparagraphs and text[-1] not in ".;:,"
