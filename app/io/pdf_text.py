"""Page furniture of text extracted from issued UN documents, and the footnotes that fall at page bottoms.

A PDF's text layer carries, besides the resolution: the symbol repeated at every page top, job numbers
("25-17035 (E)    281025", "25-17035"), barcodes ("*2517035*"), page counters ("2/18"), "Please recycle",
running headers, and per page a footnote area below a rule of underscores. `clean` removes the furniture,
marks where pages broke, and lifts the footnote areas out so that the body reads as continuous text.
It is harmless on typed text: none of the patterns occur in a draft someone typed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from app import cancelling
from app.digits import to_int
from app.io.headings import SECTION_MARK
from app.io.note_markers import SUPERSCRIPTS
from app.io.page_top_tails import tails_back
from app.punctuation import ends_with_mark

SYMBOL = re.compile(r"^(?:A|S|E|UNEP|TD|DP|ICCD|CEDAW|CRC|CCPR)(?:/[A-Za-z0-9.\-]+)+\*?$")
# the job number's hyphen may be any of the dashes a text layer gives ("10‑70583 (E)": a non-breaking one)
_DASH = "[-\u2010\u2011\u2012\u2013]"
JOB = re.compile(
    rf"^\d{{2}}{_DASH}\d{{5}}\*{{0,3}}\s*(?:\([A-Z]\))?(?:\s+\d{{6}}){{0,2}}\s*$"
)  # "25-17755* (E)": a reissue
BARCODE = re.compile(r"^\*\d{6,}\*$")
# the job number's date of issue ("281025", day month year) on a line of its own, as pdftotext sets it
DATE_STAMP = re.compile(r"^(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}$")
COUNTER = re.compile(
    rf"^(?:\d{{2}}{_DASH}\d{{5}}\s+)?\d{{1,3}}/\d{{1,3}}(?:\s+\d{{2}}{_DASH}\d{{5}})?$"
)  # "2/3", "2/3 25-20001"
RECYCLE = re.compile(r"^Please recycle\b", re.IGNORECASE)
SEPARATOR = re.compile(r"^_{5,}$")
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
    lines: list[str] = field(default_factory=list)  # the lines its text was joined from
    line_pages: list[int] = field(default_factory=list)  # the page each of those lines stands on


MAX_NOTE_GAP = 3  # numbers a footnote area may skip where a label was set elsewhere on the page
MAX_NOTES_A_PAGE = 60  # how far back a late label looks for the note it belongs after


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
    if JOB.match(s) or BARCODE.match(s) or COUNTER.match(s) or RECYCLE.match(s) or DATE_STAMP.match(s):
        return True
    # the symbol at a page top, alone or with a running title after wide spacing
    return bool(symbol) and (s == symbol or (s.startswith(symbol) and re.match(r"\s{2,}", s[len(symbol) :])))


def _breaks_page(line: str, symbol: str) -> bool:
    s = line.strip()
    return bool(COUNTER.match(s)) or (bool(symbol) and s.startswith(symbol)) or s == PAGE_BREAK


# a paragraph's or subparagraph's label printed on a line of its own: "(d)", "12.", "(iv)", "b."
_LONE_LABEL = re.compile(r"^(?:\(?[a-z]{1,6}\)|[a-z]{1,6}\.|\d{1,3}\.?)$")
_NUMBER_ALONE = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,6}\))$")  # "12.", "(c)": a paragraph's, an item's label


# how far from a page counter a running title's lines may stand: the symbol, three lines of title, the job
# number and blank lines between (A/RES/78/225); in pdftotext's order, two notes' texts set after the counter
# and the form feed before the title (A/RES/80/129), after the counter only: before it, a note's line that
# repeats on several pages would be taken for one (A/C.1/80/L.44)
_TITLE_REACH = 7
_TITLE_REACH_AFTER = 9  # pdftotext may set notes' texts and the form feed between the counter and the title


def _reach(lines: list[str], i: int) -> range:
    """The lines around the page counter at `i` where a running title may stand."""
    return range(max(0, i - _TITLE_REACH), min(len(lines), i + _TITLE_REACH_AFTER + 1))


def _running_headers(lines: list[str], symbol: str) -> frozenset[str]:
    """Lines printed again and again next to page counters: running titles such as an A/RES title line."""
    seen: dict[str, set[int]] = {}  # a line's text → the places it stands near a counter
    offsets: dict[str, Counter[int]] = {}  # a line's text → how often it stands so far from a counter
    counters = 0
    for i, line in enumerate(lines):
        if not COUNTER.match(line.strip()):
            continue
        counters += 1
        for k in _reach(lines, i):
            text = lines[k].strip()
            if (
                text
                and len(text) < 120
                and not _is_furniture(text, symbol)
                and not SEPARATOR.match(text)
                and not NOTE_START.match(text)
                and not _LONE_LABEL.match(text)
                and not text.endswith(".")  # a title has no full stop; a note's text may repeat ("A/78/514.")
                # nor a semicolon: a paragraph an omnibus text repeats section after section may stand near
                # the counters ("Takes note of the report of the Secretary-General;", A/RES/75/253)
                and not text.endswith(";")
                # nor the first line of a numbered paragraph, its number alone on the line before (pdftotext;
                # a bare figure there is a note's number, which a running title may follow)
                and not (k and _NUMBER_ALONE.match(lines[k - 1].strip()))
                and not _clause_end(text)
            ):
                seen.setdefault(text, set()).add(k)
                offsets.setdefault(text, Counter())[k - i] += 1
    # a running title stands on every page or every other one, each time in a new place; a line of text near
    # two counters of short pages is one line, in one place. A line seen in two places only is a title when the
    # first page prints its words, a title's line long, and it is set apart by blank lines (pdftotext, MuPDF)
    # or, in text without them (PDFium), stands as far from both counters: a paragraph's line may repeat word
    # for word another's ("Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its",
    # A/C.1/80/L.51), but not in the same place on two pages. The first page ends at its first counter or at
    # pdftotext's first form feed (an adopted text's first page prints no counter)
    first = next((i for i, line in enumerate(lines) if COUNTER.match(line.strip()) or "\f" in line), 0)
    page_one = _squeezed(" ".join(lines[: min(first, _FIRST_PAGE_LINES)]))
    return frozenset(
        text
        for text, places in seen.items()
        if len(places) >= max(2, counters // 3)
        and (
            len(places) > 2
            or _on_page_one(text, page_one)
            and (all(_set_apart(lines, k) for k in places) or max(offsets[text].values()) == len(places))
        )
    )


def _set_apart(lines: list[str], k: int) -> bool:
    """Is line `k` in a block of a title's lines at most, with a blank line or a page's edge around it?"""
    before = next(
        (j for j in range(k - 1, k - MAX_TITLE_LINES - 2, -1) if j < 0 or not lines[j].strip()), None
    )
    after = next(
        (j for j in range(k + 1, k + MAX_TITLE_LINES + 2) if j >= len(lines) or not lines[j].strip()), None
    )
    return before is not None and after is not None and after - before - 1 <= MAX_TITLE_LINES


def _on_page_one(text: str, page_one: str) -> bool:
    """Does the first page print `text`, long enough to be a title's line (any page prints "and")?"""
    return sum(c.isalpha() for c in text) >= _MIN_TITLE and _squeezed(text) in page_one


def _clause_end(text: str) -> bool:
    """A word or two that end a clause ("world,", "Conference;"), or one word in lower case ("and", which PDFium
    sets on a line of its own after a spaced marker): a paragraph's words, which may stand near page counters
    again and again, where no running title is so short."""
    short = ends_with_mark(text, ",;") and sum(c.isalpha() for c in text) < _MIN_TITLE
    return short or (" " not in text and text[:1].islower())


MAX_TITLE_LINES = 5  # how many lines a running title may wrap over
_FIRST_PAGE_LINES = 150  # more lines than a page prints: what a running title is compared with stays small
_MIN_TITLE = 12  # the fewest letters a running title has (shorter blocks, "Annex" or "I", are headings)
_BLANKS = 4  # how many blank lines a running title may stand from the symbol


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _block(lines: list[str], start: int, step: int) -> list[int]:
    """The lines of the run of text lines next to `start` in direction `step` (±1), blank lines skipped to
    reach it; empty when it is not bounded by a blank line, a form feed or the text's end (body text is)."""
    k = start + step
    while 0 <= k < len(lines) and not lines[k].strip() and abs(k - start) <= _BLANKS:
        k += step
    run: list[int] = []
    while 0 <= k < len(lines) and lines[k].strip() and "\f" not in lines[k] and len(run) <= MAX_TITLE_LINES:
        run.append(k)
        k += step
    bounded = not (0 <= k < len(lines)) or not lines[k].strip() or "\f" in lines[k]
    return sorted(run) if run and bounded and len(run) <= MAX_TITLE_LINES else []


def _lone_mark(line: str) -> bool:
    """A paragraph's number or a part's letter on its own line ("11.", "B.")."""
    return bool(_LONE_LABEL.match(line.strip()) or SECTION_MARK.match(line.strip()))


def _page_top_titles(lines: list[str], symbol: str) -> list[int]:
    """The lines of running titles: at a page top, next to the symbol printed there (before it or after it,
    as the page is even or odd), a block of lines set apart by blank lines that repeats words of the first
    page, where the title is printed, whatever the line breaks (A/RES: "Necessity of ending the economic, …"
    over two lines). Found on every page, also on a text of two pages, where `_running_headers` finds no
    line printed again."""
    if not symbol:
        return []
    mast = next(
        (i for i, s in enumerate(lines) if s.strip() == symbol or s.strip().endswith(" " + symbol)), 0
    )
    tops = [i for i in range(mast + 1, len(lines)) if lines[i].replace("\f", "").strip() == symbol]
    if not tops:
        return []
    # the first page, up to the second page's symbol and a title block before it, is where the title is printed
    end = next(iter(_block(lines, tops[0], -1)), tops[0])
    page_one = _squeezed(" ".join(lines[: min(end, _FIRST_PAGE_LINES)]))
    out: list[int] = []
    for i in tops:
        for step in (-1, 1):  # one running title a page: the block before the symbol, else the one after
            run = _block(lines, i, step)
            if len(run) == 1 and _lone_mark(lines[run[0]]):
                run = _block(lines, run[0], step)  # a paragraph's number or a part's letter set between them
            text = _squeezed(" ".join(lines[k] for k in run))
            if (
                sum(c.isalpha() for c in text) >= _MIN_TITLE
                # a whole title ends in no mark: a paragraph of the first page that the page repeats does
                # ("Takes note of the report of the Secretary-General;", section after section of A/RES/75/253)
                and text[-1:] not in ".;,:"
                and not any(_is_furniture(lines[k], symbol) for k in run)
                and text in page_one
            ):
                out += run
                break
    return out


def _heads_by_counters(lines: list[str], symbol: str) -> list[int]:
    """The lines of running titles that PDFium sets together with the page counter, right before it and with
    no blank line around: the symbol and the title joined by a space ("A/RES/79/18 Weapons of mass …"), the
    title's lines ending in the symbol ("… international security A/RES/78/16"), or the symbol on a line of its
    own and the title's lines under it. The title's words are the first page's, where the title is printed;
    the first page ends at the first page top's symbol."""
    if not symbol:
        return []
    mast = next(
        (i for i, s in enumerate(lines) if s.strip() == symbol or s.strip().endswith(" " + symbol)), 0
    )
    tops = [i for i in range(mast + 1, len(lines)) if _with_symbol(lines[i].strip(), symbol) is not None]
    if not tops:
        return []
    page_one = _squeezed(" ".join(lines[: min(tops[0], _FIRST_PAGE_LINES)]))
    out: list[int] = []
    for i in tops:
        run = _head_run(lines, i, symbol, page_one)
        if run and sum(c.isalpha() for k in run for c in lines[k]) >= _MIN_TITLE:
            out += run
    return out


def _head_run(lines: list[str], i: int, symbol: str, page_one: str) -> list[int]:
    """The running title's lines around the page top's symbol at `i`, the page counter right after them; empty
    when no counter follows within a title's lines or the words are not the first page's title."""
    counter = next(
        (
            k
            for k in range(i + 1, min(len(lines), i + MAX_TITLE_LINES + 1))
            if COUNTER.match(lines[k].strip())
        ),
        None,
    )
    if counter is None:
        return []
    title = _with_symbol(lines[i].strip(), symbol) or ""
    run = list(range(i, counter))
    text = _squeezed(title + "".join(lines[k] for k in run[1:]))
    if title and counter == i + 1 and lines[i].strip().endswith(symbol):
        # the title's lines above the one the symbol ends
        while run[0] > 0 and len(run) < MAX_TITLE_LINES and _squeezed(lines[run[0] - 1]) + text in page_one:
            run.insert(0, run[0] - 1)
            text = _squeezed(lines[run[0]]) + text
    if not text or text not in page_one:
        return []
    return run if title else run[1:]


def _with_symbol(s: str, symbol: str) -> str | None:
    """The title on a line that is the symbol ("" when alone) or the symbol joined to a title by one space;
    None for any other line."""
    if s == symbol:
        return ""
    if s.startswith(symbol + " ") and not s[len(symbol) + 1 :].startswith(" "):
        return s[len(symbol) + 1 :]
    if s.endswith(" " + symbol) and not s[: -len(symbol) - 1].endswith(" "):
        return s[: -len(symbol) - 1]
    return None


def clean(lines: list[str]) -> Cleaned:
    """Remove page furniture, mark page breaks, lift footnote areas out. Lines come stripped of line ends."""
    # a copy: note texts found past a page counter are blanked in it once read; a form feed that opens a line
    # of text (pdftotext starts each page so) stands on a line of its own, as a page boundary
    lines = _rules_apart([part for raw in lines for part in _form_feeds_apart(raw)])
    cancelling.check()  # between passes over the whole text
    symbol = _masthead_symbol(lines)
    lines = tails_back(lines, symbol)
    cancelling.check()
    out = Cleaned([], [], symbol=symbol)
    running = _blank_running_titles(lines, symbol, out)
    cancelling.check()
    return _Cleaner(lines, symbol, running, out).run()


def _masthead_symbol(lines: list[str]) -> str:
    """The document symbol among the first lines, alone on its line or after "United Nations"; "" if none."""
    symbol = next((s.strip() for s in lines[:15] if SYMBOL.match(s.strip())), "")
    if not symbol:  # "United Nations A/C.3/80/L.20" on one line
        symbol = next((m.group(1) for s in lines[:15] if (m := _MASTHEAD_SYMBOL.match(s.strip()))), "")
    return symbol


def _blank_running_titles(lines: list[str], symbol: str, out: Cleaned) -> frozenset[str]:
    """Blank the running titles found at page tops and by page counters (counted as furniture in `out`); the
    running headers, those titles among them."""
    heads = _heads_by_counters(lines, symbol)
    # a title so found is a running one wherever else a counter stands near it (after the last page's counter)
    titles = frozenset(lines[k].strip() for k in heads)
    for k in [*_page_top_titles(lines, symbol), *heads]:
        if lines[k]:
            lines[k] = (
                ""  # a running title next to a page top's symbol: blank, so the page boundary runs over it
            )
            out.furniture += 1
    return _running_headers(lines, symbol) | titles


class _Cleaner:
    """One pass over a text's lines: its text lines kept by page, furniture counted, notes lifted out."""

    def __init__(self, lines: list[str], symbol: str, running: frozenset[str], out: Cleaned) -> None:
        self.lines = lines
        self.symbol = symbol
        self.running = running
        self.symbols = frozenset(line for line in running if SYMBOL.match(line))
        self.out = out
        self.page = 0
        self.seen_symbol = False
        self.in_notes = False
        self.area = _NoteArea(out.notes)

    def run(self) -> Cleaned:
        i = 0
        while i < len(self.lines):
            cancelling.check()
            i = self._step(i)
        self.area.settle()
        out = self.out
        while out.lines and (not out.lines[-1].strip() or out.lines[-1] == PAGE_BREAK):
            out.lines.pop()
            out.pages.pop()
        return out

    def _keep(self, line: str) -> None:
        self.out.lines.append(line)
        self.out.pages.append(self.page)

    def _step(self, i: int) -> int:
        """Take line i; the index of the next line to take."""
        raw = self.lines[i]
        s = raw.strip()
        if "\f" in raw and not raw.replace("\f", "").strip():
            s = PAGE_BREAK  # a form feed between pages
        symbol = self.symbol
        if symbol and not self.seen_symbol and (s == symbol or s.endswith(" " + symbol)):
            self.seen_symbol = True  # the masthead's own symbol stays
            self._keep(s)
            return i + 1
        live = self._live(s, i)
        if _is_furniture(s, symbol, live) or s == PAGE_BREAK:
            return self._furniture(i, s, live)
        if SEPARATOR.match(s) and self._opens_notes(i):
            self.in_notes = True
            return i + 1
        if self.in_notes:
            if s:
                self.area.line(s, self.page)
            return i + 1
        self._keep(raw.rstrip())
        return i + 1

    def _live(self, s: str, i: int) -> frozenset[str]:
        """The running lines that are furniture at line i."""
        # a running title repeats the first page's title, which is the text's own there (A/RES/78/234; the
        # first page prints no counter), and a section's title may end as it does: its lines are furniture
        # only near a page counter, where they were found; a symbol printed at page tops is furniture anywhere
        # below the notes' rule, a running title is furniture only among the page's last furniture (MuPDF sets
        # it there); a line that repeats near counters with a note's text after it is a note's own ("Official
        # Records of the General Assembly, …, Supplement No. 20 (A/80/20),", which many pages cite)
        if (
            s in self.running
            and _near_counter(self.lines, i)
            and (not self.in_notes or _page_ends_after(self.lines, i, self.symbol, self.running))
        ):
            return self.running
        return self.symbols

    def _furniture(self, i: int, s: str, live: frozenset[str]) -> int:
        """Take the furniture line i (or a page break); the index of the next line to take."""
        if JOB.match(s) and not self.out.job_number:
            self.out.job_number = re.sub(
                _DASH, "-", re.sub(r"(?<!\s)\s+\d{6}.*$", "", s).replace("*", "").strip()
            )
        if self.seen_symbol and (_breaks_page(s, self.symbol) or s in live):
            return self._page_boundary(i)
        self.out.furniture += 1
        return i + 1

    def _page_boundary(self, i: int) -> int:
        """Close the page at line i; the index of the first line past the boundary."""
        lines, symbol, running, out = self.lines, self.symbol, self.running, self.out
        if self.in_notes:  # labels alone above the counter may have their texts after it (pdftotext)
            _texts_after_counter(self.area.waiting, lines, i, symbol, running)
        self.area.page_ends()
        # a page boundary: drop the whole cluster of furniture and blank lines around it
        while out.lines and (not out.lines[-1].strip() or _is_furniture(out.lines[-1], symbol, running)):
            out.lines.pop()
            out.pages.pop()
            out.furniture += 1
        j = i
        while j < len(lines) and (
            not lines[j].strip() or _is_furniture(lines[j], symbol, running) or "\f" in lines[j]
        ):
            j += 1
        out.furniture += j - i
        self.page += 1
        self._keep(PAGE_BREAK)
        self.in_notes = False
        return j

    def _opens_notes(self, i: int) -> bool:
        """Whether the rule at line i stands over footnotes."""
        following = _area_below(self.lines, i)
        # a rule over footnotes; on a later page the first line may continue the last note, and pdftotext
        # may set notes' texts before their labels (a note of many lines, its label at the foot of the area)
        return any(NOTE_START.match(x) or LABEL_ALONE.match(x) for x in following) or bool(
            self.out.notes and following and not _is_furniture(following[0], self.symbol, self.running)
        )


_RANGE_DASHES = "–—-"  # a number before one of these opens a range, not a note
MAX_AREA_LINES = 60  # the lines below a rule looked through for a note's label: a page's notes at most


def _area_below(lines: list[str], rule: int) -> list[str]:
    """The text lines below the rule at `rule`, up to the page's end (a form feed), at most MAX_AREA_LINES."""
    out: list[str] = []
    for raw in itertools.islice(lines, rule + 1, rule + 1 + 2 * MAX_AREA_LINES):
        if "\f" in raw or len(out) == MAX_AREA_LINES:
            break
        if raw.strip():
            out.append(raw.strip())
    return out


@dataclass
class _NoteArea:
    """The footnote areas of a text, read line by line into `notes`.

    A note starts with its label, numbered one up from the last. Text layers do not always keep a label with
    its text: pdftotext may set several labels alone, one under the other, and their texts after them (even
    after the page counter), each text taking the first label still waiting once the text before has ended
    its sentence; or set a label at the foot of the area, its text joined to the note before, which the late
    label takes back."""

    notes: list[RawNote]
    last: int = 0  # the last note number seen
    current: RawNote | None = None  # the note the next line of text continues
    waiting: list[RawNote] = field(default_factory=list)  # labels alone whose texts have not come
    fresh: bool = False  # a label came alone since the last line of text: that text has ended
    orphans: list[tuple[str, int]] = field(default_factory=list)  # text (and page) before any label
    before: RawNote | None = None  # the last page's last note, ended, while the orphans wait for late labels
    new_page: bool = False  # no line of this page's note area yet
    numbers: set[int] = field(default_factory=set)  # the note numbers read

    def line(self, s: str, page: int) -> None:
        if self.new_page:
            # text at the top of a page's notes after a note that ended its sentence: the texts of notes
            # whose labels come late, at the foot (pdftotext), unless none does (`_settle`)
            self.new_page = False
            if self.current is not None and not self.waiting and _ends_sentence(self.current.text):
                self.before, self.current = self.current, None
        m = NOTE_START.match(s)
        if m and m.group("num") and m.group("text")[:1] in _RANGE_DASHES:
            m = None  # a range that a line of a note's text opens with ("3 – 14 June 1992, …"): no note
        alone = LABEL_ALONE.match(s)
        label = note_label(m) if m else s if alone else ""
        number = to_int(label)
        if m or alone:
            # the first note may have any number (an extract's notes start at 10), but under text that waits for
            # its late label a line that opens with a number far from 1 is that text's ("12 August 1949, …")
            first = not self.notes or self.last == 0
            low = alone or number is None or number <= 1 + MAX_NOTE_GAP or not self.orphans
            if number is None or number == self.last + 1 or (first and low):
                self._start(RawNote(label, m.group("text").strip() if m else "", page), number, bool(alone))
                return
            if alone and self.last + 1 < number <= self.last + MAX_NOTE_GAP:
                self._start(RawNote(label, "", page), number, True)
                return
            if (
                alone
                and number < self.last
                and number not in self.numbers
                and (_take_back(self.notes, label, page) or self._from_orphans(label, number, page))
            ):
                self.numbers.add(number)
                return
        self.text(s, page)

    def _from_orphans(self, label: str, number: int, page: int) -> bool:
        """A late label below every note yet: the text that came before any label is its own, up to the first
        line that ends a sentence. Inserts the note in number order; False when there is no such text."""
        if not self.orphans:
            return False
        cut = next((k + 1 for k, (text, _) in enumerate(self.orphans) if _ends_sentence(text)), 0)
        if not cut and number + 1 in self.numbers:
            cut = len(self.orphans)  # a note that ends without a full stop: the next note is read already
        if not cut:
            return False
        taken, self.orphans = self.orphans[:cut], self.orphans[cut:]
        lines = [text for text, _ in taken]
        note = RawNote(label, _joined(lines), page, lines, [p for _, p in taken])
        at = len(self.notes)  # after the notes numbered below it, among the last page's
        while (
            at > max(0, len(self.notes) - MAX_NOTES_A_PAGE)
            and (to_int(self.notes[at - 1].label) or 0) > number
        ):
            at -= 1
        self.notes.insert(at, note)
        return True

    def _start(self, note: RawNote, number: int | None, alone: bool) -> None:
        note.lines = [note.text] if note.text else []
        note.line_pages = [note.page] if note.text else []
        self.notes.append(note)
        self.last = self.last if number is None else number
        if number is not None:
            self.numbers.add(number)
        if alone:
            self.waiting.append(note)
            self.fresh = True
        else:
            self.waiting.clear()
            self.current = note

    def text(self, s: str, page: int) -> None:
        ended = self.current is None or not self.current.text or _ends_sentence(self.current.text)
        if self.waiting and (ended or self.fresh):
            self.current = self.waiting.pop(0)
        self.fresh = False
        if self.current is None:  # text before any label: its label may come late (`_from_orphans`)
            self.orphans.append((s, page))
            return
        self.current.text = join_wrapped(self.current.text, s)
        self.current.lines.append(s)
        self.current.line_pages.append(page)

    def page_ends(self) -> None:
        self.settle()
        self.waiting.clear()
        self.new_page = True

    def settle(self) -> None:
        """Text at the top of a page's notes that no late label took goes on the note before, as a note
        running over a page does."""
        if self.before is not None:
            for s, page in self.orphans:
                self.before.text = join_wrapped(self.before.text, s)
                self.before.lines.append(s)
                self.before.line_pages.append(page)
            self.orphans.clear()
        self.before = None


MAX_LINES_A_NOTE = 4  # how many lines after the page counter a note's text set there takes, as a rule
MAX_LINES_LONG_NOTE = 12  # ... and at most, when its last line ends a sentence (a note of many lines)


def _texts_after_counter(
    empty: list[RawNote], lines: list[str], i: int, symbol: str, running: frozenset[str]
) -> None:
    """Notes of this page whose labels came alone, with no text yet (`empty`), may find their texts after the
    page counter at `i`, before the furniture of the next page top: give each its sentence there, in order,
    and blank those lines so that the page boundary's furniture runs on over them."""
    if not empty:
        return
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    texts: list[str] = []
    while j < len(lines) and lines[j].strip() and not _is_furniture(lines[j], symbol, running):
        texts.append(lines[j].strip())
        j += 1
    longest = MAX_LINES_LONG_NOTE if _ends_sentence(texts[-1] if texts else "") else MAX_LINES_A_NOTE
    if not texts or len(texts) > longest * len(empty) or j >= len(lines):
        return  # no texts, or what follows the counter is the next page's body
    sentences: list[list[str]] = [[]]
    for text in texts:
        sentences[-1].append(text)
        if _ends_sentence(text) and len(sentences) < len(empty):
            sentences.append([])
    if len(sentences) != len(empty):
        return
    for note, sentence in zip(empty, sentences, strict=True):
        note.text, note.lines, note.line_pages = _joined(sentence), sentence, [note.page] * len(sentence)
    for k in range(i + 1, j):
        lines[k] = ""


def _take_back(notes: list[RawNote], label: str, page: int) -> bool:
    """A late label (`label`) for a number this page skipped: the note before the gap holds its text, after a
    line that ends a sentence, from the first such line on this page (the note before may stand on an earlier
    page, its text going on here). Inserts the note in its place; False when there is none."""
    number = to_int(label)
    assert number is not None
    at = None
    for k in range(len(notes) - 1, max(len(notes) - MAX_NOTES_A_PAGE, 0) - 1, -1):
        if to_int(notes[k].label) == number:
            return False
        if to_int(notes[k].label) == number - 1:
            at = k
            break
    if at is None:
        return False
    before = notes[at]
    lines, pages = before.lines, before.line_pages
    cut = next((k for k in range(1, len(lines)) if _ends_sentence(lines[k - 1]) and pages[k] == page), 0)
    if not cut:
        return False
    note = RawNote(label, _joined(lines[cut:]), page, lines[cut:], pages[cut:])
    before.text, before.lines, before.line_pages = _joined(lines[:cut]), lines[:cut], pages[:cut]
    notes.insert(at + 1, note)
    return True


def _ends_sentence(text: str) -> bool:
    """A full stop ends `text`, perhaps inside a quotation or brackets ("… shall not be prohibited.”")."""
    return ends_with_mark(text, ".")


def _joined(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = join_wrapped(text, line)
    return text


def _page_ends_after(lines: list[str], i: int, symbol: str, running: frozenset[str]) -> bool:
    """Do only furniture and blank lines stand between line i and the page's end (within a title's reach)?"""
    for k in range(i + 1, min(len(lines), i + _TITLE_REACH_AFTER + 1)):
        s = lines[k].strip()
        if "\f" in lines[k] or _breaks_page(s, symbol):
            return True
        if s and s not in running and not _is_furniture(s, symbol):
            return False
    return False


def _near_counter(lines: list[str], i: int) -> bool:
    """Is a page counter within a running title's reach of line i?"""
    return any(
        COUNTER.match(lines[k].strip())
        for k in range(max(0, i - _TITLE_REACH_AFTER), min(len(lines), i + _TITLE_REACH + 1))
    )


# the last line of a page's body glued to the rule over its notes, its hyphen taken into the rule (pdftotext:
# "encourages cooperation to facilitate cross__________________" for "cross-" / the rule), or set as a space
# before it ("requests the Secretary __________________"); only where notes follow, as they never follow a typed
# blank to fill in ("to be held on __________")
_GLUED_RULE = re.compile(r"^(?P<text>.*[^\W\d_]) ?(?P<rule>_{10,})\s*$")


def _rules_apart(lines: list[str]) -> list[str]:
    """`lines` with each line of text glued to the notes' rule parted from it: the text with its hyphen back,
    and the rule on a line of its own."""
    out: list[str] = []
    for i, line in enumerate(lines):
        m = _GLUED_RULE.match(line) if line.endswith("__________") else None
        if m is None or not _notes_follow(lines, i):
            out.append(line)
        else:
            out += [m.group("text") + "-", m.group("rule")]
    return out


def _notes_follow(lines: list[str], i: int) -> bool:
    return any(NOTE_START.match(x) or LABEL_ALONE.match(x) for x in _area_below(lines, i))


def _form_feeds_apart(line: str) -> list[str]:
    if "\f" not in line or not line.replace("\f", "").strip():
        return [line]
    out: list[str] = []
    for k, piece in enumerate(line.split("\f")):
        if k:
            out.append("\f")
        if piece.strip():
            out.append(piece)
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
