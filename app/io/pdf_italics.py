"""The italics of an opened PDF, set on the draft its text was read into.

A text layer keeps no italics, so the text reader guesses an opener's extent from the lexicons and sets titles
in italics from patterns. An opened PDF knows: each character's font says whether it is italic. After the text
reader has read the PDF's text, each paragraph and note is found again in the PDF's words, and

- an opener ends where the PDF's italics at the paragraph's start end ("Takes note of", "Deplores in the
  strongest terms");
- the rest of the paragraph, its tail and each note are set in italics exactly where the PDF sets them (titles,
  "Article 73 *e*"), instead of where the patterns guessed.

A field whose words are not found in order in the PDF (the reader joined or mended them) keeps what the reader
gave it. The search is linear: each field is anchored by its first words through an index of the PDF's words.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from app import inline
from app.lexicon import is_known
from app.model import Paragraph, Part, Resolution

_WORD = re.compile(r"\w+")
_ANCHOR = 3  # words that place a field in the PDF
_LOOK_AHEAD = 150  # PDF words looked past for a field's next word (running heads, a page's notes)
_CONFIRM = 2  # words after a word found further on that must follow it there
_MISSES = 0.2  # a field is found when at most this share of its words is not (words the reader mended)
_TRIES = 8  # places tried for a field whose first words stand at several


@dataclass(frozen=True)
class PdfWords:
    """The PDF's words in reading order, each with whether most of its letters are set in an italic font, and
    for a word set partly in italics ("Urge" italic, "s" roman) each letter's."""

    words: list[str]
    italic: list[bool]
    mixed: dict[int, bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, italic_chars: bytes | bytearray) -> PdfWords:
        words, flags, mixed = [], [], {}
        for m in _WORD.finditer(text):
            letters = bytes(italic_chars[m.start() : m.end()])
            if 0 < sum(letters) < len(letters):
                mixed[len(words)] = letters
            words.append(m.group().casefold())
            flags.append(2 * sum(letters) > len(letters))
        return cls(words, flags, mixed)

    def style(self, at: int) -> bool | bytes:
        """Word `at`'s italics: a bool for the whole word, or one flag a letter for a word set partly so."""
        return self.mixed.get(at, self.italic[at])


class _Finder:
    def __init__(self, pdf: PdfWords) -> None:
        self.pdf = pdf
        self.starts: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in range(len(pdf.words) - _ANCHOR + 1):
            self.starts[tuple(pdf.words[i : i + _ANCHOR])].append(i)
        self.taken: set[int] = set()
        self.cursor = 0  # where the last field found ends: fields are looked for in reading order first

    def italics(self, words: list[str]) -> list[bool | bytes] | None:
        """Whether each of `words` is italic in the PDF (`PdfWords.style`), or None when they are not found
        there in order."""
        if len(words) < _ANCHOR:
            return None
        starts = self.starts.get(tuple(w.casefold() for w in words[:_ANCHOR]), [])
        # the same first words may open other sentences ("takes note of the report"): try the places after the
        # last field found first, then those before it, a few of each (a bounded look: a thousand paragraphs
        # that open alike cost a thousand looks, not a million)
        at = bisect.bisect_left(starts, self.cursor)
        after = [i for i in starts[at : at + 4 * _TRIES] if i not in self.taken][:_TRIES]
        before = [i for i in starts[: min(at, 4 * _TRIES)] if i not in self.taken][:_TRIES]
        for start in after + before:
            found = self._aligned(words, start)
            if found is not None:
                self.taken.add(start)
                return found
        return None

    def _aligned(self, words: list[str], start: int) -> list[bool | bytes] | None:
        words = [w.casefold() for w in words]
        out: list[bool | bytes] = []
        j, pdf, misses, allowed = start, self.pdf.words, 0, max(2, _MISSES * len(words))
        # the style of a PDF word the reader split in two, for its second half
        half: bool | bytes | None = None
        for n, word in enumerate(words):
            if half is not None:
                out.append(half)
                half = None
                continue
            if j < len(pdf) and pdf[j] != word and n + 1 < len(words) and pdf[j] == word + words[n + 1]:
                # a compound whose hyphen the reader put back at a line end ("non-" / "communicable"), one word
                # in the PDF's text: both halves take its italics
                style = self.pdf.style(j)
                out.append(half := style if isinstance(style, bool) else 2 * sum(style) > len(style))
                j += 1
                continue
            at = j if j < len(pdf) and pdf[j] == word else self._ahead(words, n, j)
            if at is None:  # a word the reader closed up or mended ("devel-" "opment"): roman, and go on
                misses += 1
                if misses > allowed:
                    return None
                out.append(False)
                continue
            out.append(self.pdf.style(at))
            j = at + 1
        self.cursor = max(self.cursor, j)
        return out

    def _ahead(self, words: list[str], n: int, j: int) -> int | None:
        """Where words[n] stands further on, past a page's running head, counter and notes: only where the words
        after it follow it there too (a lone "the" would be found in any note's title)."""
        pdf, after = self.pdf.words, words[n + 1 : n + 1 + _CONFIRM]
        for k in range(j + 1, min(j + _LOOK_AHEAD, len(pdf))):
            if pdf[k] == words[n] and pdf[k + 1 : k + 1 + len(after)] == after:
                return k
        return None


def _char_flags(
    spans: list[inline.Span], words: list[re.Match[str]], italic: list[bool | bytes]
) -> list[bool]:
    """Per character of the spans' plain text: italic where the PDF's letters are, and between two words where
    the letters either side are."""
    size = sum(len(s.text) for s in spans if not s.footnote)
    flags = [False] * size
    for n, m in enumerate(words):
        style = italic[n]
        if isinstance(style, bytes) and len(style) == m.end() - m.start():
            flags[m.start() : m.end()] = [bool(b) for b in style]
        elif style if isinstance(style, bool) else 2 * sum(style) > len(style):
            flags[m.start() : m.end()] = [True] * (m.end() - m.start())
        if n and flags[m.start()] and flags[words[n - 1].end() - 1]:
            gap = words[n - 1].end()
            flags[gap : m.start()] = [True] * (m.start() - gap)
    return flags


def _respan(spans: list[inline.Span], flags: list[bool]) -> list[inline.Span]:
    """The spans' text cut where the flags change, neighbouring runs of the same kind joined: the reader's own
    spans ended where it guessed a title ended, and an italic run the PDF continues past that point must not
    come out as two ("*Report …**, vol. I, **Resolutions …*" reads as bold)."""
    out: list[inline.Span] = []
    at = 0
    for s in spans:
        if s.footnote:
            out.append(s)
            continue
        piece = [s.text[0]] if s.text else []
        for k in range(1, len(s.text)):
            if flags[at + k] != flags[at + k - 1]:
                out.append(inline.Span("".join(piece), flags[at + k - 1]))
                piece = []
            piece.append(s.text[k])
        if piece:
            out.append(inline.Span("".join(piece), flags[at + len(s.text) - 1]))
        at += len(s.text)
    return inline.merge(out)


def _with_pdf_italics(markup: str, finder: _Finder) -> str | None:
    """`markup` in italics exactly where the PDF sets it, or None when it is not found in the PDF."""
    spans = [
        s if s.footnote else inline.Span(s.text) for s in inline.parse(markup)
    ]  # the reader's guesses go
    text = "".join(s.text for s in spans if not s.footnote)
    words = list(_WORD.finditer(text))
    italic = finder.italics([m.group() for m in words])
    if italic is None:
        return None
    return inline.unparse(_respan(spans, _char_flags(spans, words, italic)))


def _paragraph(para: Paragraph, part: Part, finder: _Finder, language: str) -> None:
    """One paragraph (not its subparagraphs): its opener's extent and its italics, from the PDF's."""
    if para.opener:
        joined = _with_pdf_italics(para.opener + " " + para.text, finder)
        spans = inline.parse(joined) if joined is not None else []
        if spans and spans[0].italic and not spans[0].footnote:  # the PDF's italics at the start: the opener
            spans = _compound(_whole_words(spans), part, language)
        if spans and spans[0].italic and not spans[0].footnote:
            opener = spans[0].text.rstrip()
            rest = inline.unparse([inline.Span(spans[0].text[len(opener) :]), *spans[1:]]).lstrip()
            if opener and rest:
                para.opener, para.text = inline.escape(opener), rest
    elif para.text:
        para.text = _with_pdf_italics(para.text, finder) or para.text
    if para.tail:
        para.tail = _with_pdf_italics(para.tail, finder) or para.tail


# (?<!\w): tried from a word's start only (from each letter of a long word, `\w+$` read on to its end: square time)
_LAST_WORD, _FIRST_WORD = re.compile(r"(?<!\w)\w+$"), re.compile(r"\w+")


def _whole_words(spans: list[inline.Span]) -> list[inline.Span]:
    """An opening italic run ending inside a word ends at a word's end: after the word when most of its letters
    are italic ("Urge" italic, "s" roman: "Urges"), before it when most are roman."""
    if len(spans) < 2 or spans[1].footnote or spans[1].italic:
        return spans
    head, tail = _LAST_WORD.search(spans[0].text), _FIRST_WORD.match(spans[1].text)
    if head is None or tail is None:
        return spans
    first, second = spans[0].text, spans[1].text
    if len(head.group()) > len(tail.group()):
        moved = [inline.Span(first + tail.group(), True), inline.Span(second[tail.end() :])]
    else:
        moved = [inline.Span(first[: head.start()], True), inline.Span(first[head.start() :] + second)]
    return inline.merge([*moved, *spans[2:]])


def _compound(spans: list[inline.Span], part: Part, language: str) -> list[inline.Span]:
    """An opener of two verbs whose "and" the PDF sets in roman ("*Welcomes* and *encourages*", A/RES/78/316):
    one opener, when the lexicon knows the whole."""
    while (
        len(spans) > 2 and not (spans[1].italic or spans[1].footnote or spans[2].footnote) and spans[2].italic
    ):
        if len(spans[1].text.split()) != 1:
            break
        whole = spans[0].text + spans[1].text + spans[2].text
        if not is_known(whole.strip(), part, language):
            break
        spans = inline.merge([inline.Span(whole, True), *spans[3:]])
    return spans


def set_pdf_italics(res: Resolution, pdf: PdfWords) -> None:
    """Set `res`'s openers and italics from the PDF's own (in place)."""
    finder = _Finder(pdf)
    language = res.header.language or "en"
    for part, para in res.paragraphs():
        _paragraph(para, part, finder, language)
    for para in res.annex_paragraphs():
        _paragraph(para, Part.OPERATIVE, finder, language)
    for note in res.footnotes.values():
        note.text = _with_pdf_italics(note.text, finder) or note.text
