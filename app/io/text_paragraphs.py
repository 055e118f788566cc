"""Lines and paragraphs of plain text, one at a time: numbers and labels ("3.", "(a)", "•"), the organ line,
openers detected in the text's language, and the runs of numbered items a typed draft makes.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, replace

from app import inline
from app.formatting import letters, roman
from app.io.headings import ends_like_a_paragraph
from app.io.note_markers import SLASH_NOTE
from app.io.pdf_text import NOTE_START, PAGE_BREAK
from app.io.structure import (
    BULLETS,
    letter_index,
    marked_heading,
    roman_index,
)
from app.io.text_header import ORGANS
from app.languages import all_languages, get_language
from app.model import Part
from app.punctuation import ends_with_mark
from app.templates import Template

# organ lines of the other languages (languages/*.toml) → the organ's English name
_FOREIGN_ORGANS = {
    line: organ
    for lang in all_languages().values()
    if not lang.is_english
    for organ, line in lang.organ_lines.items()
}


ORGAN_LINE = re.compile(
    r"^\*?(?:The (?P<organ>"
    + "|".join(ORGANS)
    + r"|[A-Z][A-Za-z]+(?: (?:[A-Z][A-Za-z]+|of|on|the|and|for))*)|(?P<foreign>"
    + "|".join(re.escape(line).replace("’", "['’]") for line in _FOREIGN_ORGANS)
    + r"))\*?"
    r"\s*(?P<comma>,)?\s*(?P<rest>.*)$"
)


# the language of the text being read (set by `text_reader.read_text` from its organ line): openers and "a)" labels
LANGUAGE: ContextVar[str] = ContextVar("text_language", default="en")


def closing_line(text: str) -> bool:
    """The meeting line that follows an adopted resolution's last paragraph, in the text's language, or a date
    alone, as texts adopted without a meeting close ("31 March 2020": adopted by silence procedure)."""
    language = get_language(LANGUAGE.get())
    return bool(
        language.closing.match(text) or (len(text) < 40 and language.date_regex.fullmatch(text.strip()))
    )


def last_paragraph(text: str) -> bool:
    """The paragraph that ends a Security Council resolution ("19. Decides to remain seized of the matter.")."""
    return bool(get_language(LANGUAGE.get()).last_paragraph.match(text.strip()))


def organ_of(m: re.Match[str]) -> str:
    """The English organ name of an organ line match, in any language."""
    foreign = m.group("foreign")
    return _FOREIGN_ORGANS.get(foreign.replace("'", "’"), "") if foreign else m.group("organ")


# a paragraph's number; past 999 ("1000. Decides …") only with its point and text after it on the line, and a
# paragraph's number only where it continues the typed sequence (`long_numbers_in_sequence`); five digits at most
NUMBER = re.compile(
    r"^(?:OP\s?)?(?P<n>\d{1,3}|[1-9]\d{3,4}(?=\.\s+\S))\s*[.)](?:\s+|$)|^OP\s?(?P<n2>\d{1,3})[.:]?\s+"
)
MAX_SHORT_NUMBER = 999
_PP_LABEL = re.compile(r"^PP\s?\d{1,3}[.:)]?\s+")


# a "(a)" label inside a line, after a colon or a semicolon: a list run into its paragraph
RUN_IN_LABEL = re.compile(r"[:;]\s+(?:and\s+)?\((?:[a-z]{1,5}|[ivxlc]{1,6})\)\s")
SUB_PAREN = re.compile(r"^\((?P<l>[a-z]{1,5}|[ivxlc]{1,6})\)(?:\s+|$)")
_SUB_CLOSE = re.compile(r"^(?P<l>[a-z]{1,2}|[ivxlc]{1,6})\)(?:\s+|$)")  # "a)", "i)" in French and Spanish
BULLET = re.compile(rf"^(?P<l>[{BULLETS}])\s+(?=\S)")  # "• the progress …", "– to ensure …"
SUB_DOT = re.compile(r"^(?P<l>[a-z]{1,4})\.(?:\s+|$)(?=\S|$)")
STRICT_ORGAN = re.compile(r"^\*?The (?:" + "|".join(ORGANS) + r")\b\*?(?:,|\s*$| [a-z])")
INSTRUCTION = re.compile(r"^(?:Delete|Insert|Replace|Add|Amend|After|Before|In)\b.*:$")
OPENER_MARK = re.compile(r"^\*(?=\S)(?P<t>[^*]*?\S)\*")
NOTE_MARK = "\x01{}\x02"
NOTE_MARK_RE = re.compile("\x01(\\d+)\x02")


@dataclass
class Para:
    """One paragraph of text as read, before it takes its place in the model."""

    kind: str  # "num", "sub", "plain", "heading"
    label: str
    text: str  # markup with footnote placeholders
    number: int = 0
    item: bool = False  # a bulleted or numbered item read as a subparagraph (its printed label is derived)


def runs_on_in_text(text: str, label: str) -> bool:
    """A label ("(b)", "(ii)") whose list began inside `text` ("… by (a) providing …"): the label before it
    stands in the paragraph's own words, so this one continues them rather than opening a subparagraph."""
    core = label.strip("().")
    before = [name(i - 1) for name, i in ((roman, roman_index(core)), (letters, letter_index(core))) if i > 1]
    plain = inline.plain(text)
    return any(f"({b}) " in plain for b in before)


def sub_match(text: str) -> re.Match[str] | None:
    """A "(a)" label or a bullet; in a French or Spanish text also "a)"."""
    return (
        SUB_PAREN.match(text)
        or BULLET.match(text)
        or (_SUB_CLOSE.match(text) if LANGUAGE.get() != "en" else None)
    )


def paragraph_of(text: str) -> Para:
    m = _PP_LABEL.match(text)
    if m:
        return Para("plain", "", text[m.end() :])
    m = NUMBER.match(text)
    if m:
        return Para("num", m.group("n") or m.group("n2"), text[m.end() :], int(m.group("n") or m.group("n2")))
    m = sub_match(text)
    if m:
        label = m.group("l")
        return Para("sub", label if label in BULLETS else f"({label})", text[m.end() :])
    m = SUB_DOT.match(text)
    if m and len(text) > m.end() and text[m.end()].isupper():
        return Para("sub", f"{m.group('l')}.", text[m.end() :])
    if marked_heading(text):
        return Para("heading", "", text)
    return Para("plain", "", text)


def long_numbers_in_sequence(paras: list[Para]) -> list[Para]:
    """A number past 999 that opens a paragraph ("1000. Decides …") is its number only where it follows the
    last one typed; elsewhere ("… by the end of" / "2025. Also …") it is the text of the paragraph before, as
    the Word reader reads it (`docx_lines.LONG_NUMBER`)."""
    out: list[Para] = []
    last = 0
    for p in paras:
        if p.kind == "num" and p.number > MAX_SHORT_NUMBER and p.number != last + 1:
            text = f"{p.label}. {p.text}"
            if out:
                out[-1] = replace(out[-1], text=f"{out[-1].text.rstrip()} {text}")
            else:
                out.append(Para("plain", "", text))
            continue
        if p.kind == "num":
            last = p.number
        out.append(p)
    return out


_LONE_LONG_NUMBER = re.compile(r"^\s*(?P<n>[1-9]\d{3,4})\.\s*$")  # "1000." alone: five digits at most
_SHORT_NUMBER_LINE = re.compile(r"^\s*(?P<n>\d{1,3})\.(?:\s|$)")


def long_numbers_set_apart(lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
    """`lines` with a number past 999 that stands alone on its line, as pdftotext sets a hanging number
    ("1000." over "Decides …"), put before the line of text after it, where it continues the typed sequence
    (one up from the last number that opened a line, as `long_numbers_in_sequence` takes it); elsewhere (a year
    that ends a sentence alone on its line, "2025.") it stays as it is. One pass."""
    out: list[str] = []
    out_pages: list[int] = []
    last = 0
    held: tuple[str, int] | None = None  # a long number waiting for its text, and its page
    for line, page in zip(lines, pages, strict=True):
        s = line.strip()
        if held is not None and s:
            out.append(f"{held[0]} {s}" if s != PAGE_BREAK else held[0])  # no text on its page: as it was
            out_pages.append(page if s != PAGE_BREAK else held[1])
            held = None
            if s != PAGE_BREAK:
                continue
        m = _LONE_LONG_NUMBER.match(line) or _SHORT_NUMBER_LINE.match(line)
        number = int(m.group("n")) if m else 0
        if number > MAX_SHORT_NUMBER and number == last + 1:
            held, last = (s, page), number
            continue
        if 0 < number <= MAX_SHORT_NUMBER:
            last = number
        out.append(line)
        out_pages.append(page)
    if held is not None:
        out.append(held[0])
        out_pages.append(held[1])
    return out, out_pages


# a paragraph number whose point the text lost: "11  Condemns …"
BARE_NUMBER = re.compile(r"(?P<n>\d{1,3})\s+(?=[A-Z])")


def numbers_without_points(paras: list[Para]) -> list[Para]:
    """A paragraph number whose point the text lost ("11  Condemns …" after paragraph 10): numbered when it is
    the next number and an operative verb follows it."""
    last = 0
    for i, p in enumerate(paras):
        if p.kind == "num":
            last = p.number
            continue
        m = BARE_NUMBER.match(p.text) if p.kind == "plain" and last else None
        if m and int(m.group("n")) == last + 1 and opener_in(p.text[m.end() :], Part.OPERATIVE, None):
            paras[i] = Para("num", m.group("n"), p.text[m.end() :], last + 1)
            last += 1
    return paras


# a paragraph number as a scan may read it: its point a comma ("6, Also requests"), or its digits letters of their
# shape ("ll." for 11, "Z." for 2, "S." for 5)
_SCANNED_NUMBER = re.compile(r"(?P<n>[\dlIZSO]{1,3})[.,]\s+(?=[A-Z])")
_SCANNED_DIGITS = str.maketrans("lIZSO", "11250")


def scanned_numbers(paras: list[Para]) -> list[Para]:
    """A paragraph number the text of a scanned resolution misread: "4, Demands that all parties …" after
    paragraph 3, "1, Decides to extend …" after the preamble (S/RES/761 (1992), 869 (1993)), "ll. Further requests
    …" after paragraph 10 (S/RES/789 (1992)): numbered when, read as digits, it is the next number (1 where none
    came before) and an operative verb, not a preambular word, follows it. Seen in the Council's adopted
    resolutions (CR-UNSC's OCR text): its reader's rule alone."""
    last = 0
    for i, p in enumerate(paras):
        if p.kind == "num":
            last = p.number
            continue
        text = f"{p.label} {p.text}" if p.kind == "sub" else p.text
        m = _SCANNED_NUMBER.match(text) if p.kind in ("plain", "heading", "sub") else None
        rest = text[m.end() :] if m else ""
        if m and int(m.group("n").translate(_SCANNED_DIGITS)) == last + 1 and _operative_only(rest):
            paras[i] = Para("num", str(last + 1), rest, last + 1)
            last += 1
    return paras


def _operative_only(text: str) -> bool:
    return bool(opener_in(text, Part.OPERATIVE, None)) and not opener_in(text, Part.PREAMBLE, None)


_WRAPPED_NOTE_LINES = 3  # a note typed at the end wraps onto at most this many lines


def trailing_notes_start(lines: list[str]) -> int:
    """Where the notes typed at the end of a text begin: the first of the last lines that start with a note's
    number ("1 A/80/83.", "1/ S/25045."), with the lines a note's text wraps onto below each; len(lines) when
    the text ends in none."""
    start = end = len(lines)
    wrapped = 0  # lines above the notes found so far that no number starts
    for i in range(end - 1, -1, -1):
        s = lines[i].strip()
        if not s:
            continue
        if re.match(r"^\d{1,3}/?\s+\S", s) and not NUMBER.match(s):
            start, wrapped = i, 0
            continue
        wrapped += 1
        if wrapped > _WRAPPED_NOTE_LINES:
            break
    return start


def trailing_note(line: str) -> re.Match[str] | None:
    """A note typed at the end of the text: "1 A/80/83." or, in UN documents typed before about 2000,
    "1/ S/25045."."""
    return NOTE_START.match(line) or SLASH_NOTE.match(line)


def numbered_items(paras: list[Para]) -> list[Para]:
    """Items a paragraph numbers "1.", "2." … after its colon, the paragraph numbering going on after them
    ("7. … the following:", "1. Resolution of …", "2. Implementation of …", "8. Urges …"): subparagraphs of
    that paragraph, as a bulleted list's items are, lettered when printed."""
    last: Para | None = None  # the last numbered paragraph
    i = 0
    while i < len(paras):
        p = paras[i]
        if p.kind == "num" and p.number == 1 and last is not None and last.number > 1:
            run = _item_run(paras, i, last.number + 1)
            if run and NOTE_MARK_RE.sub("", last.text).rstrip().endswith(":"):
                for k, j in enumerate(run):
                    paras[j] = Para("sub", f"({letters(k + 1)})", paras[j].text, item=True)
                i = run[-1] + 1
                continue
        if p.kind == "num":
            last = p
        i += 1
    return paras


MIN_LISTED_LINES = (
    3  # a line or two after a colon may be the title of a text adopted; three or more are a list
)
MAX_LISTED_WORDS = (
    16  # a name, a title and a country in brackets: "Mr. Adolphus Godwin KARIBI-WHYTE (Nigeria)"
)


def listed_lines(paras: list[Para]) -> list[Para]:
    """Short lines a paragraph lists after its colon with no labels ("Establishes the following list of
    candidates …:" over "Mr. Georges Michel ABI-SAAB (Egypt)", "Mr. Julio A. BARBERIS (Argentina)" …, S/RES/857
    (1993); the names a sanctions paragraph lists): that paragraph's items, as a bulleted list's are, lettered
    when printed. A line that ends as a paragraph does (",", ";", ":") or opens with an opener is none, so the
    paragraphs that follow a chapeau are never taken for its list."""
    i = 0
    while i < len(paras):
        p = paras[i]
        end = i + 1
        if p.kind in ("plain", "num") and NOTE_MARK_RE.sub("", p.text).rstrip().endswith(":"):
            while end < len(paras) and _listed_line(paras[end]):
                end += 1
        if end - i - 1 >= MIN_LISTED_LINES:
            for j in range(i + 1, end):
                paras[j] = Para("sub", BULLETS[0], paras[j].text, item=True)
        i = end
    return paras


def _listed_line(p: Para) -> bool:
    return p.kind == "plain" and listed_text(p.text)


def listed_text(text: str) -> bool:
    """A line a list without labels may hold: short, a capital first, no paragraph's end and no opener."""
    text = NOTE_MARK_RE.sub("", text).strip()
    return (
        0 < len(text.split()) <= MAX_LISTED_WORDS
        and text[:1].isupper()
        and not ends_with_mark(text, ",;:")
        and not closing_line(text)
        and not any(opener_in(text, part, None) for part in Part)
    )


def _item_run(paras: list[Para], start: int, after: int) -> list[int]:
    """The indices of the paragraphs numbered 1, 2 … from `start` when the next numbered one is `after`."""
    run: list[int] = []
    for j in range(start, len(paras)):
        p = paras[j]
        if p.kind != "num":
            continue
        if p.number == len(run) + 1:
            run.append(j)
        else:
            return run if p.number == after else []
    return []


def unnumbered_operative_start(paras: list[Para]) -> int | None:
    """Without numbers, the operative part is the last run of paragraphs that end in "." or ";" (a paragraph
    with subparagraphs ends where its last subparagraph ends) and do not open with a participle."""
    groups: list[tuple[int, str]] = []  # (index of the paragraph, the text its group ends with)
    for i, p in enumerate(paras):
        if closing_line(p.text):
            break  # the adoption lines of a part end it
        if p.kind == "plain":
            groups.append((i, p.text))
        elif p.kind == "sub" and groups:
            groups[-1] = (groups[-1][0], p.text)
    start = None
    for i, last in reversed(groups):
        end = NOTE_MARK_RE.sub("", last).rstrip()
        head = paras[i].text
        if end.endswith(",") or _looks_preambular(head):
            break
        if end.endswith((".", ";")) or _looks_operative(head):
            start = i
        else:
            break
    return start


def _first_word(text: str) -> str:
    m = OPENER_MARK.match(text)
    return (m.group("t") if m else NOTE_MARK_RE.sub("", text)).split(" ")[0].strip(",;:.").lower()


def _looks_preambular(text: str) -> bool:
    word = _first_word(text)
    return word.endswith(("ing", "ed")) and not _looks_operative(text)


def _looks_operative(text: str) -> bool:
    m = OPENER_MARK.match(text)
    probe = m.group("t") if m else NOTE_MARK_RE.sub("", text)
    return bool(opener_in(probe, Part.OPERATIVE, None)) and not opener_in(probe, Part.PREAMBLE, None)


def ends_like_text(text: str) -> bool:
    return ends_like_a_paragraph(NOTE_MARK_RE.sub("", text))


def explicit_opener(text: str) -> str:
    m = OPENER_MARK.match(text)
    return m.group("t") if m else ""


def opener_in(text: str, part: Part, tpl: Template | None) -> str:
    """The lexicon's opener, ended before a trailing "of" as issued UN documents set it."""
    from app.lexicon import detect_opener

    text = NOTE_MARK_RE.sub("", text)
    opener = detect_opener(text, part, template=tpl, language=LANGUAGE.get())
    if opener.endswith(" of") and len(opener.split()) > 2:
        opener = opener[:-3]
    return opener
