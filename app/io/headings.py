"""What a heading line inside the operative part looks like: one definition for the text and Word readers.

Security Council sanctions resolutions group their operative paragraphs under short headings with no number
("Travel ban", "Asset freeze", "Panel of Experts"); omnibus resolutions put a numeral line ("I", "B.") over a
title line. Neither is a numbered paragraph: the readers keep them as `Paragraph.heading`.
"""

from __future__ import annotations

import re

from app.formatting import ROMAN_NUMBER, SECTION_NUMBER
from app.punctuation import ends_with_mark

# a section's numeral standing alone on its line: "I", "XII", "B."
SECTION_MARK = re.compile(rf"^(?:{SECTION_NUMBER}|[A-H])\.?$")
# a numeral and a title on one line: "I. Oceans and the law of the sea", "B Financing"
MARKED_HEADING = re.compile(rf"^(?P<mark>{SECTION_NUMBER}|[A-Z])\.?\s+(?P<title>\S.*)$")
# a budget unit's label over its title, as Fifth Committee resolutions stack them ("Part XII" / "Safety and
# security" / "Section 34" / "Safety and security" / "97. Approves …"): its own printed line
_UNIT = rf"(?:Part|Section|Income section|Chapter)\s+(?:{SECTION_NUMBER}|\d{{1,3}}[A-Z]?)"
UNIT_LABEL = re.compile(rf"^{_UNIT}$")
_UNIT_IN_LINE = re.compile(rf"(?:^|(?<=\s)){_UNIT}(?=\s|$)")
# "* * *" between groups of preambular paragraphs (as markup the asterisks may come escaped: "\\* \\* \\*")
SEPARATOR = re.compile(r"\s*\\?\*(?:\s*\\?\*)+\s*")
# an annex's label on its own line: "Annex", "Annex II", "ANNEX 3", "Annex B."
ANNEX_LINE = re.compile(rf"^(?:Annex|ANNEX)(?:\s+(?P<n>{ROMAN_NUMBER}|\d{{1,2}}|[A-Z]))?\.?$")
APPENDIX_LINE = re.compile(r"^(?:Appendix|APPENDIX)(?:\s+[IVXLC\d]+)?\.?$")
# what may follow a resolution in a Word file: an annex, appendix, attachment or enclosure line
TRAILING_MATTER = re.compile(r"^(?:Annex|Appendix|Attachment|Enclosure)(?:\s+[IVXLC\d]+)?\.?$", re.IGNORECASE)


def unit_lines(text: str) -> list[str] | None:
    """The printed lines of a heading that opens with a budget unit's label and was read as one line: "Part XII
    Safety and security Section 34 Safety and security" → "Part XII", "Safety and security", "Section 34",
    "Safety and security". None for any other heading."""
    starts = [m.start() for m in _UNIT_IN_LINE.finditer(text)]
    if not starts or starts[0] != 0:
        return None
    out: list[str] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[start:end].strip()
        label = _UNIT_IN_LINE.match(piece)
        assert label is not None  # each piece opens with the label found there
        title = piece[label.end() :].strip()
        out += [label.group(0), title] if title else [label.group(0)]
    return out


def annex_or_appendix(line: str) -> bool:
    return bool(ANNEX_LINE.match(line) or APPENDIX_LINE.match(line))


MAX_CHARS = 80  # the longest SC heading seen is under 40 characters; a sentence fragment is longer
MAX_WORDS = 8


def ends_like_a_paragraph(text: str) -> bool:
    """Text that ends with a comma, semicolon, colon or full stop (quotes and brackets after it allowed)."""
    return ends_with_mark(text, ",;:.")


def short_heading(text: str) -> bool:
    """A short title-like line: a capital first, at most MAX_WORDS words and MAX_CHARS characters, and no
    terminal punctuation. Callers add where it stands (right before a numbered paragraph)."""
    text = text.strip()
    return (
        0 < len(text) <= MAX_CHARS
        and len(text.split()) <= MAX_WORDS
        and text[:1].isupper()
        and not ends_like_a_paragraph(text)
    )
