"""Compounds whose hyphen a PDF's text layer dropped at a line end: "capacity-\\nbuilding" comes out of
pdftotext, and the PDF viewers built on Poppler, as "capacitybuilding", the hyphen taken for a word break, or
as "capacity building", two printed lines joined into one line of text with a space.

A word that the word lists (the dictionary and the UN's lists: "peacebuilding" is a word) do not know gets its
hyphen back where it splits into two words they know, when there is one such split only. Acronyms
("UNCITRAL"), names (an unknown word with a capital: "Keating") and words the lists know stay as they are.

Two words with a space get their hyphen back where a printed line ends inside the joined line, when the
document writes them with a hyphen elsewhere and never with a space on a line of its own ("Secretary
General", "South South"; "sea level" stays, a document that writes both "sea level" and "sea-level rise").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable

from app import cancelling
from app.formatting import cardinal_words, ordinal_words

_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
MIN_LEFT, MIN_RIGHT = 2, 3  # "age-sensitive", "at-sea"; a split stands only where a printed line ended
# prefixes written with a hyphen ("non-nuclear-weapon"), and the small words inside a compound of three
# ("whole-of-society", "out-of-pocket"); a compound never opens with an article or a conjunction
PREFIXES = frozenset("non anti co pre post self multi inter intra sub semi socio cross".split())
INNER = frozenset("of to in on by up".split())
# in a line no longer than a printed one, a compound's piece splits only into words this long: "weapon-free",
# not "Arab-ism" ("anti-Arabism"), "pen-holding" ("co-penholding"), "par-tum" ("post-partum")
SURE_PIECE = 4
# the longest word a compound's split may give: past any the word lists hold (52 letters, hyphens and all; 45
# without), so a run of letters longer than two of them is no compound of two words, and is not tried at each of
# its letters (one of 40,000 letters took 9 s to read and 80,000 took 45 s: a lookup of a long piece at each cut)
MAX_PIECE = 64


def _cuts(length: int, least_right: int) -> range:
    """Where a word of `length` letters may split into two of the lists' words: each side MIN_LEFT and
    `least_right` letters at least and MAX_PIECE at most (none for a run longer than two words)."""
    return range(max(MIN_LEFT, length - MAX_PIECE), min(length - least_right, MAX_PIECE) + 1)


# prefixes the UN's texts always write with a hyphen ("self-determination", "non-binding", "cross-border")
HYPHENED_PREFIXES = frozenset("self non cross".split())
TAILS = frozenset("up out off how down over back".split())  # "follow-up", "know-how", "trade-off"
# where printed lines end inside a line of text that joins several: about every 85 characters, give or take
# the indent of a first line and the length of the last word (measured on issued L documents and resolutions)
LINE_PITCH, LINE_SLACK = 85, 28
# two words, or compounds, with a space between them ("whole of-government")
_PAIR = re.compile(r"(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)*) (?=([^\W\d_]+(?:-[^\W\d_]+)*)(?![\w-]))")
_CAMEL_JOINT = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "Secretary|General"
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")  # "human -made": a text layer's space
NEVER_FIRST = frozenset(
    "the a an and or of to in on by for with from as is it that this".split()
)  # "at-sea", "at-risk"


def at_line_end(index: int) -> bool:
    """Whether `index` in a line of text that joins printed lines may be where one of them ended."""
    join = round(index / LINE_PITCH)
    return join >= 1 and abs(index - join * LINE_PITCH) <= LINE_SLACK


def restore_hyphens(
    text: str,
    known: Callable[[str], bool],
    *,
    compounds_only: bool = False,
    listed: Callable[[str], bool] | None = None,
    hyphened_pairs: Container[str] = (),
    spaced_pairs: Container[str] = (),
    written_pairs: Container[str] = (),
    printed_closed: Container[str] = (),
    printed_whole: Container[str] = (),
) -> tuple[str, list[str]]:
    """`text` with hyphens dropped where a printed line ended restored, and the compounds restored.
    `known(word)`: a word of the lists or formed from one; `listed(word)`: a word the lists hold as it is, which
    settles a word that splits two ways ("zeroemissions": "zero-emissions", not "zeroe-missions");
    `compounds_only`: only in words that have a hyphen already ("nuclear-weaponfree", not "ening", which may
    be a piece of a word set apart: "strength ening"); `hyphened_pairs`: the two-word pieces of the document's
    hyphenated words ("secretary-general"), which glued capitalized words get their hyphen back by
    ("SecretaryGeneral"), as they do by the word lists' compounds unless the document spaces the two words
    (`spaced_pairs`, "secretary general": the document decides); `written_pairs`: the pairs of the compounds
    the document writes in lower case ("well-being", not a name's "Co-operation"), which give a glued word of
    the lists its hyphen back; `printed_closed`: words the document prints whole without their hyphen more often
    than with it ("noncommunicable" beside one "non-communicable"), which stay closed, and `printed_whole` the
    words it prints both ways, which stay closed where they open with a capital (a title's "Bycatch")."""
    restored: list[str] = []
    _listed = listed or (lambda _: False)

    def word(piece: str) -> bool:  # the document's own words would take the joined word itself for one
        return piece.lower() in PREFIXES or known(piece.lower())

    def fix(m: re.Match[str]) -> str:
        cancelling.check()  # a line may be a whole file's text, a compound tried at each of its splits
        parts = m.group(0).split("-")
        camel = _camel_joined(
            m.group(0),
            m.start(),
            word,
            lambda pair: (
                pair in hyphened_pairs or (_listed(pair) and pair.replace("-", " ") not in spaced_pairs)
            ),
        )
        if camel:
            restored.append(camel)
            return camel
        if len(parts) == 1:
            token = m.group(0)
            closed_here = printed_whole if token[:1].isupper() else printed_closed
            own = _own_hyphen(token, m.start(), _listed, written_pairs, closed_here)
            if own:
                restored.append(own)
                return own
        if compounds_only and len(parts) == 1:
            return m.group(0)
        if len(m.group(0)) < 5 or sum(c.isupper() for c in m.group(0)) > 1 or all(word(p) for p in parts):
            return m.group(0)  # short, an acronym ("UNCITRAL"), or all words
        fixed: list[str] = []
        at = m.start()
        for p in parts:
            if p[:1].isupper() and not word(p):
                # a name ("Keating", not "Kea-ting"), as the spelling check takes it, unless a compound the
                # lists hold with its hyphen opens a sentence or a title ("Highlevel": "high-level")
                piece = _listed_split(p, _listed)
            else:
                piece = (
                    p
                    if word(p)
                    else _split(p, word, len(parts) > 1, SURE_PIECE if compounds_only else 0, listed)
                )
            if piece is None or (piece != p and not at_line_end(at + piece.index("-"))):
                return m.group(0)  # no single split, or not where a printed line ends
            fixed.append(piece)
            at += len(p) + 1
        compound = "-".join(fixed)
        restored.append(compound)
        return compound

    if " -" in text:
        text = _SPACED_HYPHEN.sub("-", text)  # "non -nuclearweapon": the text layer's space, gone first
    text = _COMPOUND.sub(fix, text)
    if _PREFIX_ACRONYM.search(text):
        text = _PREFIX_ACRONYM.sub(lambda m: _prefix_acronym(m, restored), text)
    return text, restored


def _camel_joined(
    token: str, start: int, word: Callable[[str], bool], hyphened: Callable[[str], bool]
) -> str | None:
    """A title or a name whose hyphen pdftotext dropped where it joined two printed lines, its two capitalized
    words glued ("SecretaryGeneral", "NuclearWeapon-Free" at `start` in the line), with the hyphen back, when
    the document writes the two words with a hyphen elsewhere or the word lists do (`hyphened`, of the pair in
    lower case: "secretary-general"); None for any other word ("SaferGuard", "FishCode": names written so;
    "McDonald": "mc" is no word)."""
    if not _CAMEL_JOINT.search(token):
        return None
    out = []
    at = start
    for part in token.split("-"):
        pieces = _CAMEL_JOINT.split(part)
        if len(pieces) > 2 or (
            len(pieces) == 2
            and not (_camel_pair(*pieces, at, word) and hyphened("-".join(pieces).lower()))
            and not _combining_pair(*pieces, at, word)
        ):
            return None
        out.append("-".join(pieces))
        at += len(part) + 1
    return "-".join(out)


def _own_hyphen(
    token: str,
    start: int,
    listed: Callable[[str], bool],
    written_pairs: Container[str],
    printed_closed: Container[str] = (),
) -> str | None:
    """A word whose own hyphen pdftotext dropped where a printed line ended inside it ("costsharing",
    "selfdetermination", "wellbeing" at `start` in the line), with the hyphen back: where it splits one way only
    into a compound the document writes with its hyphen in lower case, or, a word the lists do not hold as it is, into one
    the lists hold with it ("cost-sharing") or into a prefix the UN always hyphenates and a listed word
    ("self-determination", "cross-border"). The UN's lists' compounds do not outvote a closed form the lists
    hold ("co-operation" is listed beside "cooperation"). A hyphen that only broke a word
    ("implemen-" / "tation") splits into no such compound, and a word the lists hold closed up ("peacebuilding")
    stays closed unless the document hyphenates it. In a line of any length: the joined line need not be the
    paragraph's longest (its last printed line may be short). A word with a capital at its start only opens a
    sentence or a title ("Capacitybuilding", "Treatybased") and is settled so too; one with capitals inside is
    a name's or a camel compound's (`_camel_joined`). A word the document prints whole more often than
    hyphenated (`printed_closed`) is the closed word that a printed line happened to end after."""
    if len(token) < MIN_LEFT + MIN_RIGHT or not token[1:].islower():
        return None  # a capital inside: a name ("McDonald") or a title's words, which other rules settle
    lower = token.lower()
    if lower in printed_closed:
        return None
    closed = listed(lower)
    opening = not token.islower()  # a sentence's or a title's first word: the document's own compounds decide

    def compound(k: int) -> bool:
        joined = f"{lower[:k]}-{lower[k:]}"
        if joined in written_pairs:
            return True
        if closed or (opening and lower[:k] not in HYPHENED_PREFIXES):
            return (
                False  # "Bycatch" opening a sentence: the lists' "by-catch" does not outvote the closed word
            )
        return listed(joined) or (lower[:k] in HYPHENED_PREFIXES and listed(lower[k:]))

    splits = [k for k in _cuts(len(token), MIN_RIGHT) if compound(k)]
    if len(splits) != 1 or not at_line_end(start + splits[0]):
        return None
    return f"{token[: splits[0]]}-{token[splits[0] :]}"


def _listed_split(word: str, listed: Callable[[str], bool]) -> str | None:
    """`word` with a hyphen where the word lists hold it so ("Highlevel": "High-level"), when one split does."""
    splits = [k for k in _cuts(len(word), MIN_RIGHT) if listed(f"{word[:k]}-{word[k:]}".lower())]
    return f"{word[: splits[0]]}-{word[splits[0] :]}" if len(splits) == 1 else None


def hyphen_pairs(words: Iterable[str]) -> set[str]:
    """Every two neighbouring parts of the hyphenated words among `words` ("non-self-governing": "non-self",
    "self-governing")."""
    out: set[str] = set()
    for w in words:
        parts = w.split("-")
        out.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))
    return out


def _combining_pair(left: str, right: str, at: int, word: Callable[[str], bool]) -> bool:
    """A prefix the UN hyphenates before a capital ("Self" / "Governing" of "Non-Self-Governing", "Co" /
    "Chairs"), or a combining form in -o ("Indo" / "Pacific", "Ibero" / "American", "Afro" / "Descendant"),
    glued to a capitalized word where a printed line may end: such a first piece never stands glued to a
    capital in a name of the lists' words ("SaferGuard" has neither)."""
    head = left.lower()
    combining = len(head) >= MIN_LEFT + 1 and head.endswith("o") and head[1:].isalpha()
    return (
        (head in PREFIXES or combining)
        and left[1:].islower()
        and len(right) >= MIN_RIGHT
        and right[1:].islower()
        and word(right)
        and at_line_end(at + len(left))
    )


# a prefix glued to an acronym where a printed line ended: "postCOVID", "nonODA"
# (an acronym may take a number after its own hyphen: "postCOVID-19")
_PREFIX_ACRONYM = re.compile(r"(?<![\w-])([A-Za-z][a-z]+)([A-Z]{2,}[a-z]?)(?=-\d|[^\w-]|$)")


def _prefix_acronym(m: re.Match[str], restored: list[str]) -> str:
    """ "post-COVID" read "postCOVID": a prefix the UN hyphenates, glued to an acronym where a printed line
    may end, gets its hyphen back."""
    if m.group(1).lower() not in PREFIXES or not at_line_end(m.start() + len(m.group(1))):
        return m.group(0)
    restored.append(f"{m.group(1)}-{m.group(2)}")
    return restored[-1]


def _camel_pair(left: str, right: str, at: int, word: Callable[[str], bool]) -> bool:
    """Two capitalized words of MIN_RIGHT letters or more, glued where a printed line may end."""
    return (
        min(len(left), len(right)) >= MIN_RIGHT
        and left[1:].islower()
        and right[1:].islower()
        and word(left)
        and word(right)
        and at_line_end(at + len(left))
    )


def _split(
    piece: str,
    word: Callable[[str], bool],
    inner: bool,
    least: int = 0,
    listed: Callable[[str], bool] | None = None,
) -> str | None:
    """`piece` as two words joined by a hyphen, or None when no single split stands out. `inner`: the piece
    is part of a longer compound, where a small word may end it ("wholeof" in "wholeof-society"); `least`: the
    letters each word takes at least (but a small word inside a compound); `listed`: of several splits, the one
    whose two words are listed as they are stands out."""
    splits = [
        (piece[:k], piece[k:])
        for k in _cuts(len(piece), 2)
        if word(piece[:k])
        and word(piece[k:])
        and (piece[:k].lower() not in NEVER_FIRST or (inner and piece[:k].lower() in INNER))
    ]
    likely = [
        f"{a}-{b}"
        for a, b in splits
        if len(b) >= MIN_RIGHT or b.lower() in TAILS or (inner and b.lower() in INNER)
        if (len(a) >= least or (inner and a.lower() in INNER)) and len(b) >= least
    ]
    if len(likely) > 1 and listed is not None:
        likely = [c for c in likely if all(listed(w.lower()) for w in c.split("-"))]
    return likely[0] if len(likely) == 1 else None


# the numbers in words that always take a hyphen: "seventy-ninth", "twenty-five"
NUMBER_COMPOUNDS = frozenset(
    form for n in range(21, 100) if n % 10 for form in (cardinal_words(n), ordinal_words(n))
)


def hyphened_only(lines: Iterable[str], printed: int, listed: Iterable[str] = ()) -> set[str]:
    """Compounds ("self-determination", lower case) the lines write with a hyphen, or the UN's lists hold
    (`listed`), or numbers in words ("seventy-ninth"), and the lines never write with a space on a line no longer
    than `printed` characters (a line of its own, not printed lines joined). A verb with its particle ("follow
    up") is a phrase as often as not. A title or a name, each of its words capitalized ("Secretary-General",
    "South-South"), is one form written two ways only by a slip: the lines write it more often with a hyphen
    than with a space, and a slip on a line of its own ("the Secretary General") does not unmake the others. A
    pair that ends a full line, a few characters before its end, is no evidence: it may stand where pdftotext
    joined a paragraph's last printed line to the one before ("the Secretary" / "General; 9")."""
    hyphened = {c for c in listed if c.rpartition("-")[2] not in TAILS} | NUMBER_COMPOUNDS
    spaced: Counter[str] = Counter()
    titles: Counter[str] = Counter()  # capitalized compounds written with a hyphen, and how often
    for line in cancelling.each(lines):
        line = _SPACED_HYPHEN.sub("-", line)
        for m in _COMPOUND.finditer(line):
            if "-" in m.group(0):
                hyphened.add(m.group(0).lower())
                if _titled(m.group(0)):
                    titles[m.group(0).lower()] += 1
        if len(line) <= printed:
            spaced.update(
                f"{m.group(1)}-{m.group(2)}".lower()
                for m in _PAIR.finditer(line)
                if not _maybe_joined(line, m)
            )
    return {c for c in hyphened if c not in spaced or titles[c] > spaced[c]}


# the last printed line of a paragraph that pdftotext may join to a full one: a word and what follows it
LAST_LINE_TAIL = 16


def _maybe_joined(line: str, pair: re.Match[str]) -> bool:
    """Does the pair's space stand where a full printed line ended, a short last line joined after it
    ("… in the report of the Secretary General; 9": a line of a printed line's length, but made of two)?"""
    return len(line) >= LINE_PITCH and len(line) - pair.end(1) <= LAST_LINE_TAIL and at_line_end(pair.end(1))


def _titled(compound: str) -> bool:
    """Each word of the compound capitalized, and no acronym ("Secretary-General", not "UN-Women")."""
    return all(part[:1].isupper() and part[1:].islower() for part in compound.split("-"))


def restore_spaced(text: str, compounds: set[str]) -> tuple[str, list[str]]:
    """`text`, printed lines joined into one, with "Secretary General" set back to "Secretary-General" where a
    printed line ends and the document writes the compound with a hyphen only (`compounds`, lower case)."""
    restored: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _PAIR.finditer(text):
        space = m.end(1)
        if space < pos or not at_line_end(space):
            continue
        compound = f"{m.group(1)}-{m.group(2)}"
        if compound.lower() in compounds:
            out.append(text[pos:space])
            out.append("-")
            pos = space + 1
            restored.append(compound)
    out.append(text[pos:])
    return "".join(out), restored
