"""Page furniture of text extracted from issued UN documents, and the footnotes that fall at page bottoms.

A PDF's text layer carries, besides the resolution: the symbol repeated at every page top, job numbers
("25-17035 (E)    281025", "25-17035"), barcodes ("*2517035*"), page counters ("2/18"), "Please recycle",
running headers, and per page a footnote area below a rule of underscores. `clean` removes the furniture,
marks where pages broke, and lifts the footnote areas out so that the body reads as continuous text.
It is harmless on typed text: none of the patterns occur in a draft someone typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.digits import to_int

SYMBOL = re.compile(r"^(?:A|S|E|UNEP|TD|DP|ICCD|CEDAW|CRC|CCPR)(?:/[A-Za-z0-9.\-]+)+\*?$")
JOB = re.compile(r"^\d{2}-\d{5}\*{0,3}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}\s*$")  # "25-17755* (E)": a reissue
BARCODE = re.compile(r"^\*\d{6,}\*$")
COUNTER = re.compile(r"^(?:\d{2}-\d{5}\s+)?\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?$")  # "2/3", "2/3 25-20001"
RECYCLE = re.compile(r"^Please recycle\b", re.IGNORECASE)
SEPARATOR = re.compile(r"^_{5,}$")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
# a footnote line: "1  Text", "12 Text", "* Text", "¹ Text", "[1] Text", "[^1]: Text"
NOTE_START = re.compile(
    rf"^(?:(?P<num>\d{{1,3}})\s+|(?P<star>\*{{1,3}})\s+|(?P<sup>[{SUPERSCRIPTS}]+)\s*|\[\^?(?P<br>\d{{1,3}})\]:?\s+)"
    r"(?P<text>\S.*)$"
)

# a footnote's number alone on its line, its text on the next (poppler's pdftotext)
LABEL_ALONE = re.compile(r"^(?:\d{1,3}|\*{1,3})$")
_MASTHEAD_SYMBOL = re.compile(r"^United Nations\s+(\S+/\S+)$")
PAGE_BREAK = "\x03"  # stands for a removed page boundary in the cleaned lines (not whitespace)


@dataclass
class RawNote:
    label: str  # "1", "*", "**"
    text: str
    page: int


@dataclass
class Cleaned:
    lines: list[str]  # body lines; PAGE_BREAK where a page ended
    pages: list[int]  # the page of each line
    notes: list[RawNote] = field(default_factory=list)
    job_number: str = ""
    symbol: str = ""
    furniture: int = 0  # how many furniture lines went


def note_label(match: re.Match[str]) -> str:
    if match.group("num"):
        return match.group("num")
    if match.group("star"):
        return match.group("star")
    if match.group("sup"):
        return match.group("sup").translate(_SUPER_TO_DIGIT)
    return match.group("br")


def _is_furniture(line: str, symbol: str, running: frozenset[str] = frozenset()) -> bool:
    s = line.strip()
    if not s:
        return False
    if s in running:
        return True
    if JOB.match(s) or BARCODE.match(s) or COUNTER.match(s) or RECYCLE.match(s):
        return True
    # the symbol at a page top, alone or with a running title after wide spacing
    return bool(symbol) and (s == symbol or (s.startswith(symbol) and re.match(r"\s{2,}", s[len(symbol) :])))


def _breaks_page(line: str, symbol: str) -> bool:
    s = line.strip()
    return bool(COUNTER.match(s)) or (bool(symbol) and s.startswith(symbol)) or s == PAGE_BREAK


# a paragraph's or subparagraph's label printed on a line of its own: "(d)", "12.", "(iv)", "b."
_LONE_LABEL = re.compile(r"^(?:\(?[a-z]{1,6}\)|[a-z]{1,6}\.|\d{1,3}\.?)$")


# how far from a page counter a running title's lines may stand: the symbol, three lines of title, the job
# number and blank lines between (A/RES/78/225)
_TITLE_REACH = 7


def _running_headers(lines: list[str], symbol: str) -> frozenset[str]:
    """Lines printed again and again next to page counters: running titles such as an A/RES title line."""
    seen: dict[str, set[int]] = {}  # a line's text → the places it stands near a counter
    counters = 0
    for i, line in enumerate(lines):
        if not COUNTER.match(line.strip()):
            continue
        counters += 1
        for k in range(max(0, i - _TITLE_REACH), min(len(lines), i + _TITLE_REACH + 1)):
            text = lines[k].strip()
            if (
                text
                and len(text) < 120
                and not _is_furniture(text, symbol)
                and not SEPARATOR.match(text)
                and not NOTE_START.match(text)
                and not re.search(r"[,;:]$", text)
                and not _LONE_LABEL.match(text)
            ):
                seen.setdefault(text, set()).add(k)
    # a running title stands on every page or every other one, each time in a new place; a line of text near
    # two counters of short pages is one line, in one place
    return frozenset(text for text, places in seen.items() if len(places) >= max(2, counters // 3))


def clean(lines: list[str]) -> Cleaned:
    """Remove page furniture, mark page breaks, lift footnote areas out. Lines come stripped of line ends."""
    symbol = next((s.strip() for s in lines[:15] if SYMBOL.match(s.strip())), "")
    if not symbol:  # "United Nations A/C.3/80/L.20" on one line
        symbol = next((m.group(1) for s in lines[:15] if (m := _MASTHEAD_SYMBOL.match(s.strip()))), "")
    out = Cleaned([], [], symbol=symbol)
    running = _running_headers(lines, symbol)
    page = 0
    seen_symbol = False
    in_notes = False
    last_number = 0
    i = 0
    n = len(lines)
    while i < n:
        raw = lines[i]
        s = raw.strip()
        if "\f" in raw and not raw.replace("\f", "").strip():
            s = PAGE_BREAK  # a form feed between pages
        if symbol and not seen_symbol and (s == symbol or s.endswith(" " + symbol)):
            seen_symbol = True  # the masthead's own symbol stays
            out.lines.append(s)
            out.pages.append(page)
            i += 1
            continue
        if _is_furniture(s, symbol, running) or s == PAGE_BREAK:
            if JOB.match(s) and not out.job_number:
                out.job_number = re.sub(r"(?<!\s)\s+\d{6}.*$", "", s).replace("*", "").strip()
            if seen_symbol and (_breaks_page(s, symbol) or s in running):
                # a page boundary: drop the whole cluster of furniture and blank lines around it
                while out.lines and (
                    not out.lines[-1].strip() or _is_furniture(out.lines[-1], symbol, running)
                ):
                    out.lines.pop()
                    out.pages.pop()
                    out.furniture += 1
                j = i
                while j < n and (
                    not lines[j].strip() or _is_furniture(lines[j], symbol, running) or "\f" in lines[j]
                ):
                    j += 1
                out.furniture += j - i
                page += 1
                out.lines.append(PAGE_BREAK)
                out.pages.append(page)
                in_notes = False
                i = j
                continue
            out.furniture += 1
            i += 1
            continue
        if SEPARATOR.match(s):
            following = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
            # a rule over footnotes; on a later page the first line may continue the last note
            if (
                NOTE_START.match(following)
                or LABEL_ALONE.match(following)
                or (out.notes and not _is_furniture(following, symbol, running))
            ):
                in_notes = True
                i += 1
                continue
        if in_notes:
            if s:
                m = NOTE_START.match(s)
                alone = LABEL_ALONE.match(s)
                label = note_label(m) if m else s if alone else ""
                number = to_int(label)
                starts = bool(m or alone) and (
                    number is None or not out.notes or number == last_number + 1 or last_number == 0
                )
                if starts:
                    if number is not None:
                        last_number = number
                    out.notes.append(RawNote(label, m.group("text").strip() if m else "", page))
                elif out.notes:
                    out.notes[-1].text = join_wrapped(out.notes[-1].text, s)
            i += 1
            continue
        out.lines.append(raw.rstrip())
        out.pages.append(page)
        i += 1
    while out.lines and (not out.lines[-1].strip() or out.lines[-1] == PAGE_BREAK):
        out.lines.pop()
        out.pages.pop()
    return out


def join_wrapped(left: str, right: str, keep_hyphen: bool = True) -> str:
    """Join a hard-wrapped line to the text before it."""
    left = left.rstrip()
    right = right.strip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        return left + right if keep_hyphen else left[:-1] + right
    return left + " " + right


def looks_extracted(lines: list[str]) -> bool:
    """True for text that came out of an issued PDF (furniture or hard wraps present)."""
    for s in (x.strip() for x in lines):
        if JOB.match(s) or BARCODE.match(s) or COUNTER.match(s) or RECYCLE.match(s):
            return True
    return False
