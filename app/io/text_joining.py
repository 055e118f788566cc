"""A paragraph's printed lines joined into its text, as the text reader reads them.

Typed lines are joined with a space. Text copied from an issued PDF also lost what its text layer broke: a
hyphen that ended a printed line ("implemen-" / "tation" joins as one word, "non-" / "proliferation" keeps it),
a compound's hyphen pdftotext dropped where it joined two printed lines ("nuclear-weaponfree"), and words its
spacing set apart ("adhere nce"). Each is decided by the document's own words first, then by the lexicon, and
every change is listed so the import can say what it changed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from app import cancelling
from app.io.lost_hyphens import (
    LINE_PITCH,
    at_line_end,
    hyphen_pairs,
    hyphened_only,
    restore_hyphens,
    restore_spaced,
)
from app.io.pdf_text import PAGE_BREAK
from app.io.spaced_words import close_up
from app.io.text_blocks import PRINTED_LINE_CHARS, hard_wrapped, printed_wraps
from app.io.text_paragraphs import LANGUAGE
from app.spelling.lexicon import english

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:[-\u2011][A-Za-z\u00C0-\u024F]+)*")


# a line of an issued PDF opening with a compound whose hyphen pdftotext sets a space after ("non- governmental",
# "Non- Proliferation", "self- determination"): no hanging hyphen ("low- and middle-income", "short- to
# medium-term") is followed by anything but a conjunction or "to"
_SPACED_START_HYPHEN = re.compile(r"([A-Za-z]+-) (?!(?:and|or|nor|to|but|as)\b)(?=[A-Za-z])")


@dataclass
class LineJoiner:
    """Joins lines as one document's layout asks; `closed_up` and `rehyphenated` list what it changed."""

    extracted: bool = False  # text of an issued PDF (page furniture found): broken words are closed up
    broken_words: bool = False  # extracted, or a PDF's printed lines copied without furniture: the same
    wrapped: bool = True  # lines as printed: a line past a printed line's length joins printed lines
    closed_up: list[str] = field(default_factory=list)
    rehyphenated: list[str] = field(default_factory=list)  # compounds whose dropped hyphen came back
    lines: list[str] = field(default_factory=list)  # the body's lines, whose words decide first
    _words: set[str] | None = None
    _pairs: set[str] | None = None  # `lost_hyphens.hyphen_pairs` of the document's words
    _lower_pairs: set[str] | None = None  # `hyphen_pairs` of the compounds written in lower case
    _spaced: set[str] | None = None  # two neighbouring words of the document ("secretary general")
    _hyphened: set[str] | None = None  # compounds the document writes with a hyphen only
    _closed: set[str] | None = (
        None  # words printed whole more often closed than hyphenated (`printed_closed`)
    )
    _whole: set[str] | None = None  # words printed both whole and hyphenated (`printed_whole`)

    def note_layout(self, lines: list[str], furniture: int) -> None:
        """Whether the lines are a PDF's text (page furniture found) and whether they wrap as printed."""
        self.extracted = furniture > 0 and LANGUAGE.get() == "en"
        # printed lines copied without the page furniture: their broken words are the PDF's too
        self.broken_words = self.extracted or (LANGUAGE.get() == "en" and printed_wraps(lines))
        self.wrapped = hard_wrapped(lines)

    def join(self, lines: list[str]) -> str:
        # pieces joined once at the end: joining line by line copies the text so far for each line
        out: list[str] = []
        lines = [s for s in (line.strip() for line in lines) if s and s != PAGE_BREAK]
        last_joined = _last_line_joined(lines)
        for at, s in enumerate(lines):
            cancelling.check()
            if self.extracted and self.wrapped:
                s = self._rehyphenated(s, last_joined and at == len(lines) - 1)
            if self.extracted and (m := _SPACED_START_HYPHEN.match(s)):
                s = m.group(1) + s[m.end() :]
                self.closed_up.append(s.split(" ", 1)[0].rstrip(",;:.)”’"))
            end = "".join(out[-2:])[-2:]  # the text so far ends so (pieces are never blank)
            if not end.endswith("-") or len(end) < 2 or not end[-2].isalpha():
                out.append(" " + s if out else s)  # as join_wrapped joins
            elif s[:1].isalpha() and not self.keep_hyphen("".join(out[-2:]), s):
                out[-1] = out[-1][:-1]
                out.append(s)
            else:
                out.append(s)
        return self.close_up(re.sub(r"[ \t]+", " ", "".join(out)).strip())

    def _rehyphenated(self, line: str, joined: bool = False) -> str:
        """A line of an issued PDF's text with the hyphens its text layer dropped where it joined printed lines
        put back. pdftotext joins the lines a hyphen ends, so a joined line may be short when the paragraph's
        last printed line is ("… in support of nuclear-weapon-" / "free zones,"): in a line of a printed line's
        length, a compound that has a hyphen already gets back the one it lost ("nuclear-weaponfree"); in a longer
        line, any glued word, and two words with a space. `restore_hyphens` takes only a split where a printed
        line may end."""
        joined = joined or len(line) > PRINTED_LINE_CHARS
        # a word set apart by its spacing first ("appropr iate"): a piece of it is no compound's
        line = self.close_up(line)
        if self._pairs is None:
            self._pairs = hyphen_pairs(self._document_words())
        line, restored = restore_hyphens(
            line,
            english().known,
            compounds_only=not joined,
            listed=english().listed,
            hyphened_pairs=self._pairs,
            spaced_pairs=self._spaced_pairs(),
            written_pairs=self._written_pairs(),
            printed_closed=self.printed_closed(),
            printed_whole=self.printed_whole(),
        )
        self.rehyphenated += restored
        if joined:
            if self._hyphened is None:
                self._hyphened = hyphened_only(self.lines, PRINTED_LINE_CHARS, english().compounds())
            line, restored = restore_spaced(line, self._hyphened)
            self.rehyphenated += restored
        return line

    def _written_pairs(self) -> set[str]:
        """The two-word pieces of the compounds the document writes in lower case ("well-being"): a name's
        ("Organisation for Economic Co-operation") does not hyphenate the document's "cooperation"."""
        if self._lower_pairs is None:
            self._lower_pairs = hyphen_pairs(
                w.replace("\u2011", "-")
                for line in cancelling.each(self.lines)
                for w in _WORD.findall(line)
                if w.islower()
            )
        return self._lower_pairs

    def printed_closed(self) -> set[str]:
        """The words the document prints whole, closed up, more often than with their hyphen, in lower case: A/80/L.34
        writes "noncommunicable" some forty times and "non-communicable" once, in a title it quotes, so a
        "noncommunicable" a printed line ended after, or a "non-" / "communicable" broken across two, is the
        closed word. A closed word counts where it stands on a line no longer than a printed one, or in a longer
        line that pdftotext joined, away from where a printed line may have ended inside it (there it may be a
        compound that lost its hyphen); a hyphenated one wherever it is printed."""
        if self._closed is None:
            closed: Counter[str] = Counter()
            hyphened: Counter[str] = Counter()
            for line in cancelling.each(self.lines):
                short = len(line) <= PRINTED_LINE_CHARS
                for m in _WORD.finditer(line):
                    w = m.group(0).lower().replace("\u2011", "-")
                    if "-" in w:
                        hyphened[w.replace("-", "")] += 1
                    elif short or not any(at_line_end(i) for i in range(m.start() + 1, m.end())):
                        closed[w] += 1
            self._closed = {w for w, n in hyphened.items() if closed[w] > n}
            self._whole = {w for w in hyphened if closed[w]}
        return self._closed

    def printed_whole(self) -> set[str]:
        """The words the document prints both whole and hyphenated (`printed_closed`'s counts): a capitalized
        one in a title or a name may be either ("International Guidelines on Bycatch Management" in a text
        that writes "by-catch"), so it stays as the PDF has it."""
        self.printed_closed()
        return self._whole or set()

    def _spaced_pairs(self) -> set[str]:
        """Every two neighbouring words of the document's lines, in lower case ("secretary general")."""
        if self._spaced is None:
            self._spaced = set()
            for line in cancelling.each(self.lines):
                words = _WORD.findall(line.lower())
                self._spaced.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
        return self._spaced

    def _document_words(self) -> set[str]:
        if self._words is None:
            self._words = _word_forms(self.lines)
        return self._words

    def close_up(self, text: str) -> str:
        """In text of an issued PDF, words its text layer broke apart closed up ("adhere nce")."""
        if self.broken_words:
            text, joined = close_up(text, self._document_words(), english().listed)
            self.closed_up += joined
        return text

    def keep_hyphen(self, left: str, right: str) -> bool:
        """ "non-\\nproliferation" keeps its hyphen; "implemen-\\ntation" loses it. The document decides first."""
        a = re.search(r"(?<![A-Za-z\u00C0-\u024F])[A-Za-z\u00C0-\u024F]+-$", left)  # from a word's start
        b = re.match(r"[A-Za-z\u00C0-\u024F]+", right)
        if not a or not b:
            return True
        head, tail = a.group(0)[:-1], b.group(0)
        joined, hyphened = (head + tail).lower(), f"{head}-{tail}".lower()
        words = self._document_words()
        if hyphened in words:
            return joined not in self.printed_closed()  # unless the closed word is the one printed more
        if joined in words:
            return False
        if right[:1].isupper():
            return True
        known = english().listed
        return not (known(joined) and not (known(head) and known(tail)))


def _last_line_joined(lines: list[str]) -> bool:
    """pdftotext joins a paragraph's last printed line to the one before when a hyphen ends that one, spacing
    or gluing the compound ("… in the report of the Secretary" / "General; 9" set as one line): the joined
    line is no longer than PRINTED_LINE_CHARS, but longer than a full printed line and than every other line of
    its paragraph, which a last line of a justified paragraph never is."""
    return (
        len(lines) > 1 and len(lines[-1]) >= LINE_PITCH and len(lines[-1]) > max(len(s) for s in lines[:-1])
    )


def _word_forms(lines: list[str]) -> set[str]:
    words: set[str] = set()
    for line in lines:
        for m in _WORD.finditer(line):
            words.add(m.group(0).lower().replace("\u2011", "-"))
    return words
