"""Where a footnote's marker stands in text read from a PDF or typed: the forms a marker takes, in the order the
text reader tries them.

The patterns are compiled once for every number: each captures the number it sees (group `n`, or `sup` for a
superscript run) and `Marker.find` keeps only the note's own, so reading 5,000 notes compiles nothing more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPTS)
_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

_LETTER = "A-Za-z\u00c0-\u024f"
_LOWER = "a-z\u00df-\u024f"

# abbreviations a number follows ("para. 12", "sects. 4"): lookbehinds, each of fixed width
_NOT_ABBREVIATION = "".join(
    rf"(?<!\b{a}\.)"
    for a in "para paras sect sects chap chaps vol vols supp corr rev add annex art arts".split()
)
# the last part of a document symbol, "A/75/1/Add.1", "Rev.2", "Corr.1": a number after it is no marker
_NOT_SYMBOL_PART = "".join(rf"(?<!{a}\.)" for a in "Add Rev Corr Amend Suppl".split())
_STRONG = re.compile(rf"(?<![{SUPERSCRIPTS}])(?P<sup>[{SUPERSCRIPTS}]+)|\[\^?(?P<n>\d+)\](?![:(])")
# a comma, semicolon or colon after a marker; never one that a digit follows ("1,000", "1,90")
_PUNCTUATION_AFTER = r"\s*[,;:](?!\d)"
# the next note's marker after a comma, ending the line or before a space ("10,11"; never "1,000")
_NEXT_MARKER = r",\d{1,2}(?=\s|$)"
# a name's short form in brackets after its marker: "(the Outer Space Treaty)", "(Fourth Geneva Convention)";
# never a year ("resolution 2231 (2015)") or a label ("(a)")
_SHORT_FORM = r"\s+\((?=[A-Za-z][A-Za-z]+)"


def _words(data: dict[str, object], key: str) -> str:
    """One alternation of the words a language file lists under `key` (a string of words)."""
    return "|".join(re.escape(w) for w in str(data.get(key, "")).split()) or "(?!)"


@functools.cache
def _weak(language: str) -> tuple[re.Pattern[str], ...]:
    """The forms a PDF's text layer leaves of a marker, for text in `language`; the words that tell a marker
    from the text's own numbers are the language file's [note_markers]."""
    from app.languages import get_language

    data = {**get_language("en").note_markers, **get_language(language).note_markers}
    function = _words(data, "function_words")
    not_function = rf"(?!(?:{function})\b)"
    not_counted = rf"(?!(?:{_words(data, 'counted_words')}|{function})\b)"
    after = rf"(?:{_words(data, 'after_marker')})"
    word_before = rf"\b{not_counted}[{_LETTER}][{_LETTER}'’-]*"
    name_before = rf"\b{not_counted}[A-Z\u00C0-\u00DE][{_LETTER}'’-]*"
    ordinal = "|".join(rf"\b[a-z]+{e}" for e in str(data.get("ordinal_endings", "")).split())
    determiner = rf"\b(?:{_words(data, 'determiners')})" + (f"|{ordinal}" if ordinal else "")
    names = "|".join(re.escape(n) for n in data.get("numbered_names", ())) or "(?!)"  # type: ignore[attr-defined]
    # glued after punctuation only where the language prints the marker after it
    punctuation = r"”’\"\)\]»" + (",;:" if data.get("marker_after_punctuation", True) else "")
    return (
        # glued: "Destruction,1", "Rights2", "“…”,24", "voulons »6"; not "L.6", "78/4", "No.5"
        # (a number inside a word is no marker: "Health4Life", "G77")
        re.compile(
            rf"(?:(?<=[{_LOWER}{punctuation}])|(?<=[^A-Z\d]\.){_NOT_SYMBOL_PART})(?P<n>\d+)(?![\d/{_LETTER}])"
            + ("" if data.get("marker_after_punctuation", True) else r"(?!,\d)")
        ),
        # spaced after punctuation: "Nations, 2", "resolutions, 4  urges", "(No. 138) 15"
        # (in Spanish and French before the punctuation: "“… pesquera” 40;"), or before the next note's
        # marker after a comma, as pdftotext sets two at one place: "in a single conflict, 10,11" (never "1,000")
        # (never a count in a list: "25 Member States, 6 from African States, 5 from …")
        re.compile(
            rf"(?<=[,;:”’\"\)»])\s+(?P<n>\d+)(?=\s|$|{_PUNCTUATION_AFTER}|{_NEXT_MARKER})"
            rf"(?!\s+(?:{_words(data, 'count_followers')})\b(?!\s+\d))"  # "2010, 26 from 23 to 27 May": a marker
        ),
        # spaced after a word at a line end: "abuse of children 37"
        re.compile(rf"{word_before}(?P<m>\s+(?P<n>\d+))\s*$"),
        # spaced after a name inside a line: "Sustainable Development 6 and", "Organized Crime 11  and the", or
        # before the name's short form in brackets: "Other Celestial Bodies 1 (the Outer Space Treaty)"
        re.compile(rf"{name_before}(?P<m>\s+(?P<n>\d+))(?=\s+[{_LOWER}]|{_PUNCTUATION_AFTER}|{_SHORT_FORM})"),
        # ... or after a word, when what follows cannot be counted: "on countering cyberbullying 19 and 54/5"
        re.compile(rf"{word_before}(?P<m>\s+(?P<n>\d+))(?=\s+{after}\b|{_PUNCTUATION_AFTER})"),
        # spaced after a sentence's full stop, before the next sentence or the line end: "in the context of
        # global migration. 11", "Paris Principles. 13 We will"; never after an abbreviation ("para. 12")
        # (or after a year's, a cited year's or a quotation's: "held from 5 to 9 June 2017. 3", "resolution 1267
        # (1999). 1 Petitioners", "“The future we want”. 5")
        re.compile(
            rf"(?:(?<=[{_LOWER}]{{3}}\.){_NOT_ABBREVIATION}|(?<=(?<![\d/.,])(?:1[89]|20)\d\d\.)"
            r"|(?<=\((?:1[89]|20)\d\d\)\.)|(?<=[”’»]\.))"
            r"\s+(?P<n>\d+)(?=\s+[A-Z“«]|\s*$)"
        ),
        # spaced after a word that counts nothing there, being a noun after "the", an ordinal or a year:
        # "relevant to the Convention 1 and", "its sixtieth session 6  and", "the 2022 Group 6 to provide";
        # never a function word, which joins dates: "from 25 March to 5 April 2019 and 19 to 30 August 2019"
        re.compile(
            rf"(?:{determiner}|(?<![\d/.,])(?:1[89]|20)\d\d)\s+{not_function}[{_LETTER}][{_LOWER}]+"
            r"(?P<m>\s+(?P<n>\d+))"
            rf"(?=\s+{after}\b|{_PUNCTUATION_AFTER})"
        ),
        # spaced after a name that ends in a number: "Group of Least Developed Countries on COVID-19 13 and"
        re.compile(rf"\b[A-Za-z]+-\d+(?P<m>\s+(?P<n>\d+))(?=\s+{after}\b|{_PUNCTUATION_AFTER})"),
        # spaced after a year: "Geneva Conventions of 12 August 1949 2  and", "held in 2019 4  and 2023", "the
        # Final Documents of the 2000 7 and the 2010 8 Review Conferences", "dated 17 October 2025 7 addressed
        # to", "of September 2016 7" at a line end; never a count ("by 2030 50 per cent")
        re.compile(
            rf"(?<![\d/.,])(?:1[89]|20)\d\d(?P<m>\s+(?P<n>\d+))(?=\s+[{_LETTER}]|{_PUNCTUATION_AFTER}|{_SHORT_FORM}|\s*$)"
            rf"(?!\s+(?:{_words(data, 'count_nouns')}|%|to\s+\d)(?!\w))"
        ),
        # spaced after a resolution's or a document's number, before a word, punctuation or the line end:
        # "pursuant to its resolution 59/300 9 and", "resolution 5/14 11 requesting", "decision VII/11 15 and"
        re.compile(
            r"(?<![\w/.-])(?:[A-Z]{1,3}/)?(?:[A-Z\d.-]+/)*(?:\d{1,4}|[IVXLC]{1,6})/\d{1,5}(?P<m>\s+(?P<n>\d+))"
            rf"(?=\s+[{_LOWER}]|{_PUNCTUATION_AFTER}|\s*$)"
        ),
        # glued to the word after it, its space gone to the word before (pdftotext): "the Paris Agreement 5and
        # its", "all previous resolutions 3on the"; never an ordinal or a plural ("3rd", "1990s")
        re.compile(rf"(?<=[{_LETTER},;:”’)] )(?P<n>\d+)(?!(?:st|nd|rd|th|s)\b)(?=[{_LOWER}]{{2,}})"),
        # glued to a year's full stop at the end of a sentence: "held in New York from 5 to 9 June 2017.3"
        re.compile(r"(?<=(?<![\d/.,])(?:1[89]|20)\d\d\.)(?P<n>\d+)(?=\s*$|\s+[A-Z“«])"),
        # glued to a year or the end of a range of years: "for 20251", "2024–203416" (never "No. 20378")
        re.compile(r"(?<=(?<![\d/.,])(?<!No\. )(?:1[89]|20)\d\d)(?P<n>\d+)(?=[\s,;:.)]|$)"),
        # glued to a name that ends in a number: "Agenda 216" (Agenda 21, note 6), "Group of 7712"
        re.compile(rf"\b(?:{names})(?P<m>(?P<n>\d+))(?![\d/])"),
        # glued to an acronym or a roman numeral, before a lower-case word, punctuation or the line end:
        # "between the United Nations and INTERPOL1 and", "on HIV/AIDS1 and", "article 90 of Protocol I4 to",
        # "el siglo XXI4,"; never a two-letter formula ("CO2 emissions") or a code inside a word
        re.compile(
            r"(?<![\w/-])(?:[A-Z][A-Z/]*[A-Z]{2}|[IVX]{1,4})(?P<m>(?P<n>\d+))"
            rf"(?=\s+[{_LOWER}]|{_PUNCTUATION_AFTER}|[.)»”’](?:\s|$)|\s*$)"
        ),
    )


@functools.cache
def _cited_again(language: str) -> re.Pattern[str]:
    """A number spaced after a year and its comma, before a word that counts nothing: "of 12 August 1949, 2
    continue", where a note's marker may stand again (never "in 2019, 5 per cent")."""
    from app.languages import get_language

    data = {**get_language("en").note_markers, **get_language(language).note_markers}
    return re.compile(
        rf"(?<![\d/.,])(?:1[89]|20)\d\d,(?P<space>\s+)(?P<n>\d{{1,2}})(?=\s+[{_LOWER}])"
        rf"(?!\s+(?:{_words(data, 'count_nouns')})(?!\w))"
    )


def glue_cited_again(text: str, cited: set[str], language: str = "en") -> str:
    """`text` with the marker of a note cited a second time glued to the comma before it, as the PDF's other
    text layers and the UN's XML give it ("1949,2 continue to apply": the note prints once, at its first
    citation), where pdftotext spaces it ("1949, 2 continue") and it would read as a count. `cited`: the
    labels of the notes whose markers stand earlier in the text."""
    return _cited_again(language).sub(
        lambda m: m.group(0).replace(m.group("space"), "", 1) if m.group("n") in cited else m.group(0), text
    )


def repeated_markers(text: str, cited: Container[str], language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, label) of each marker in `text` that cites again a note whose first marker stands earlier
    (`cited`): superscript, or glued to a word of three letters or more or to the punctuation after it
    ("Takes note of the report of the Secretary-General;5", "the Arab Peace Initiative2 and"), as older UN texts
    print a note cited twice. The note is printed once; a number of a note not yet cited is never taken."""
    out = []
    for m in _STRONG.finditer(text):
        label = (m.group("sup") or "").translate(_TO_DIGIT) or m.group("n")
        if label in cited:
            out.append((m.start(), m.end(), label))
    for m in _weak(language)[0].finditer(text):
        before = text[max(m.start() - 3, 0) : m.start()]
        if m.group("n") in cited and (len(before) == 3 and before.isalpha() or not before[-1:].isalnum()):
            out.append((m.start("n"), m.end("n"), m.group("n")))
    return sorted(out)


# the last resort, tried after every other form: glued to the number of a symbol or citation, "resolution
# 5/1411" (5/14, note 11), "decision VII/1115", "resolución 74/911;" (74/91, note 1: Spanish and French glue the
# marker to the number itself); the text reader reports the split it made. Only where the number cannot be one:
# no session of the Assembly has passed MAX_CITED resolutions ("55/197" may be resolution 55/197), nor one of
# the bodies a language file names in `few_resolutions` MAX_FEW ("Human Rights Council resolution 55/197")
MAX_CITED = 400
MAX_FEW = 100
MAX_SPECIAL = 10  # a special session ("S-35/1") passes a few resolutions: "S-35/16" is S-35/1, note 6


@functools.cache
def glued_to_number(language: str = "en") -> re.Pattern[str]:
    from app.languages import get_language

    phrases = get_language(language).note_markers.get("few_resolutions", ())
    few = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or "(?!)"
    return re.compile(
        rf"(?:(?P<few>\b(?:{few})\s+)|(?<![\w/.]))(?:\d{{1,2}}|[IVXLC]{{1,6}}|(?P<special>S-\d{{1,2}}))"
        rf"/(?P<glued>\d{{2,6}})(?![\d/])"
    )


def _most_passed(m: re.Match[str]) -> int:
    """The fewest resolutions the session or body of a `glued_to_number` match can have passed by the number
    glued: past it, the number carries a note's marker."""
    if m.group("special"):
        return MAX_SPECIAL
    return MAX_FEW if m.group("few") else MAX_CITED


def numeric(label: str) -> bool:
    """A numbered note ("1", "12"), as against "*" and named notes."""
    return label.isascii() and label.isdigit()


@dataclass(frozen=True)
class Marker:
    """One form of one note's marker. `find` gives the span of the marker in a line, or None."""

    pattern: re.Pattern[str]
    label: str = ""  # the number the match must carry; "" for a pattern made for this note alone
    needles: tuple[str, ...] = ()  # literal text every hit contains, to skip lines cheaply

    def find(self, line: str, start: int = 0) -> tuple[int, int] | None:
        if self.needles and not any(n in line for n in self.needles):
            return None
        for m in self.pattern.finditer(line, start):
            if not self.label:
                if m.group().startswith("*") and _closes_italics(line, m.start()):
                    continue  # "*the*:" is a word in italics, not the note "*"
                return m.span()
            if "glued" in self.pattern.groupindex:
                digits = m.group("glued")
                if (
                    len(digits) - len(self.label) in (1, 2, 3)
                    and digits.endswith(self.label)
                    and int(digits) >= _most_passed(m)
                ):
                    return m.end() - len(self.label), m.end()
                continue
            if m.group("n") is not None:
                if m.group("n") == self.label:
                    return m.span("m") if "m" in self.pattern.groupindex else m.span()
                continue
            run = m.group("sup").translate(_TO_DIGIT)
            if run == self.label:
                return m.span()
            if run.startswith(self.label) and _consecutive(run[len(self.label) :], int(self.label) + 1):
                return m.start(), m.start() + len(self.label)
        return None


# an asterisk note's mark follows a word or a mark of punctuation: "Development**", "Iraq:*", "States,*"
_STAR_AFTER = r"(?:(?<=[,;:.)”’])|(?<=\w))"
_STAR_MARK = re.compile(_STAR_AFTER + r"(?P<star>\*{1,3})(?!\*)")


def star_marks(text: str) -> set[str]:
    """The asterisk notes a text marks ("*", "**", "***"), leaving aside the asterisks of italics. One pass:
    the asterisks before each mark on its line are counted as the scan goes."""
    out: set[str] = set()
    line_start, counted_to, odd = 0, 0, False
    for m in _STAR_MARK.finditer(text):
        start = text.rfind("\n", counted_to, m.start()) + 1
        if start > line_start:  # a new line: count afresh from its start
            line_start, counted_to, odd = start, start, False
        odd ^= _unescaped_stars(text[counted_to : m.start()]) % 2 == 1
        if not odd:
            out.add(m.group("star"))
        odd ^= len(m.group("star")) % 2 == 1
        counted_to = m.end()
    return out


def _unescaped_stars(text: str) -> int:
    return text.count("*") - text.count("\\*")


def _closes_italics(text: str, at: int) -> bool:
    """Does the asterisk at `at` close an italic run (an odd number of unescaped asterisks before it on its
    line)?"""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return (before.count("*") - before.count("\\*")) % 2 == 1


def _consecutive(run: str, first: int) -> bool:
    """Is `run` the numbers first, first + 1, ... written one after the other ("⁷⁸⁹¹⁰¹¹": notes 7 to 11 at one
    place)? The notes are numbered in turn, so the run reads one way only."""
    n = first
    while run:
        if not run.startswith(str(n)):
            return False
        run = run[len(str(n)) :]
        n += 1
    return True


def markers(label: str, language: str = "en") -> list[Marker]:
    """The forms of a note's marker, strongest first: superscript or bracketed number (notes at one place print
    as one run, "⁴⁶⁴⁷"), then the forms a PDF's text layer leaves (glued to a word, after a space, after a
    year) in text written in `language`. Notes typed "1/ …" are marked "1/" (`slash_marker`)."""
    if not numeric(label):
        return [_named(label)]
    strong = Marker(_STRONG, label, (label.translate(_TO_SUPER), f"[{label}]", f"[^{label}]"))
    return [strong] + [
        Marker(p, label, needles=(label,)) for p in (*_weak(language), glued_to_number(language))
    ]


def slash_marker(label: str) -> Marker:
    """The marker "1/" of a note in documents typed before about 2000."""
    return Marker(SLASH_MARK, label, (f"{label}/",))


# The notes of UN documents typed before about 2000: "… to the United Nations, 1/" in the text and "1/ S/25045."
# below it; never the number of a symbol or a fraction ("S/25045", "1/2", "A/RES/1/5")
SLASH_MARK = re.compile(r"(?<![\w/.])(?P<n>\d{1,3})/(?![\w/])")
SLASH_NOTE = re.compile(r"^(?P<num>\d{1,3})/\s+(?P<text>\S.*)$")


@functools.lru_cache(maxsize=64)
def _named(label: str) -> Marker:
    if label.startswith("*"):
        return Marker(re.compile(_STAR_AFTER + re.escape(label) + r"(?!\*)"), needles=(label,))
    return Marker(re.compile(rf"\[\^{re.escape(label)}\]"), needles=(label,))


_DIGIT_RUN = re.compile(r"\d+")
_SUPER_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
MAX_INDEXED = 6  # longer numbers are looked for line by line


def numbers_in(line: str) -> set[str]:
    """Every note number a marker in this line could carry: its digit runs, their endings (a marker glued to a
    year or a number: "20251", "5/1411"), and the numbers inside a superscript run (shorter than MAX_INDEXED). The text reader
    looks for a note's marker only in the lines that hold its number, so finding every marker stays linear."""
    out: set[str] = set()
    for m in _DIGIT_RUN.finditer(line):
        run = m.group(0)
        if len(run) <= MAX_INDEXED:
            out.add(run)
        # what follows a year ("20251") or a number ("5/1411", "Agenda 216") glued to the run
        out.update(run[k:] for k in range(1, len(run)) if len(run) - k <= MAX_INDEXED)
    for m in _SUPER_RUN.finditer(line):
        run = m.group(0).translate(_TO_DIGIT)
        for i in range(len(run)):
            out.update(run[i : i + k] for k in range(1, min(MAX_INDEXED, len(run) - i) + 1))
    return out
