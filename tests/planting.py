"""One real mistake planted in an issued text, and whether the check finds it where it was planted.

A source is an issued draft's text (the PDF text layer, or UN XML flattened as a PDF prints it) read into the
model as the product reads it (`read_text`). Each planting function takes the source and a seeded random
generator, picks one place where its mistake can be made and makes it, once: in the text (end punctuation,
numbering, subparagraph labels: the model derives these, so only a file can get them wrong) or in the model read
from it (words, openers, header). It names the rules that would be right and the place: a paragraph by its
position (part, index, subparagraph indices) so that it is found again after the planted text is re-read.
`scripts/catch_rate.py` measures on many drafts; tests/core/test_catch_rate.py on fixtures.
"""

from __future__ import annotations

import copy
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app import inline
from app.conventions.engine import check_document
from app.findings import Finding, Severity
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.lexicon import strip_marker
from app.model import Paragraph, Part, Resolution

LOUD = (Severity.ERROR, Severity.WARNING)
Where = tuple  # ("preamble" | "operative", part index, index, subparagraph indices ...), ("annex", i, ...), ("header",)


@dataclass
class Source:
    """An issued text and the model the product reads from it, with the findings of that reading."""

    name: str
    text: str
    xml: bool = False  # UN XML (Akoma Ntoso), read by the UN XML reader; else text, read by the text reader
    res: Resolution = field(init=False)
    findings: list[Finding] = field(init=False)

    def __post_init__(self) -> None:
        self.res, self.findings = read_and_check(self.text, self.xml)


@dataclass
class Plant:
    kind: str  # the class of mistake
    rules: tuple[str, ...]  # a finding of one of these rules at `where` catches it
    where: Where
    text: str | None = None  # the planted source text, to be read again
    res: Resolution | None = None  # or the planted model, checked as it is
    field: str = ""  # "" any field of the paragraph
    span: tuple[int, int] | None = None  # in `field`'s markup; None anywhere in it


@dataclass
class Outcome:
    caught: bool  # a finding of a right rule at the planted place
    elsewhere: bool  # not there, but a new finding of a right rule somewhere else
    new_alarms: int  # new errors and warnings in other paragraphs than the planted one
    new: list[tuple[str, Where, str]] = field(
        default_factory=list
    )  # (rule, place, message) of every new finding


def read_and_check(text: str, xml: bool = False) -> tuple[Resolution, list[Finding]]:
    result = read_akn(text.encode("utf-8")) if xml else read_text(text)
    return result.resolution, [*result.findings, *check_document(result.resolution)]


def positions(res: Resolution) -> dict[str, Where]:
    """Paragraph and footnote id -> its position, stable across two readings of nearly the same text."""
    out: dict[str, Where] = {}

    def walk(items: list[Paragraph], prefix: Where) -> None:
        for i, para in enumerate(items):
            out[para.id] = (*prefix, i)
            walk(para.subparagraphs, (*prefix, i))

    for b, body in enumerate(res.parts()):
        for part in Part:
            walk(body.part(part), (part.value, b))
    for a, annex in enumerate(res.annexes):
        walk(annex.paragraphs, ("annex", a))
    for n, note_id in enumerate(res.footnotes):
        out[note_id] = ("footnote", n)
    return out


def _place(f: Finding, where: dict[str, Where]) -> Where:
    return where.get(f.paragraph_id, ("header",)) if f.paragraph_id else ("header",)


def evaluate(source: Source, plant: Plant) -> Outcome:
    if plant.text is not None:
        res, found = read_and_check(plant.text, source.xml)
    else:
        assert plant.res is not None
        res, found = plant.res, check_document(plant.res)
    where = positions(res)
    before = Counter((f.rule, _place(f, positions(source.res)), f.field) for f in source.findings)
    new: list[Finding] = []
    for f in found:
        key = (f.rule, _place(f, where), f.field)
        if before[key]:
            before[key] -= 1
        else:
            new.append(f)

    def here(f: Finding) -> bool:
        if _place(f, where) != plant.where or (plant.field and f.field != plant.field):
            return False
        return plant.span is None or (f.span[0] < plant.span[1] and plant.span[0] < f.span[1])

    caught = any(f.rule in plant.rules and here(f) for f in found)
    elsewhere = not caught and any(f.rule in plant.rules for f in new)
    # what the mistake draws in its own paragraph besides (a date no longer read after "of of") is no false alarm
    alarms = sum(
        1 for f in new if f.severity in LOUD and _place(f, where) != plant.where and f.rule not in plant.rules
    )
    return Outcome(caught, elsewhere, alarms, [(f.rule, _place(f, where), f.message) for f in new])


# -- places --------------------------------------------------------------------------------------------------------
def top_level(res: Resolution, part: Part) -> Iterator[tuple[Where, Paragraph, list[Paragraph]]]:
    """(position, paragraph, its list) of every top-level paragraph of a part, every part of the resolution."""
    for b, body in enumerate(res.parts()):
        items = body.part(part)
        for i, para in enumerate(items):
            yield (part.value, b, i), para, items


def body_nodes(res: Resolution) -> list[tuple[Where, Paragraph]]:
    where = positions(res)
    return [(where[p.id], p) for _, p in res.paragraphs()]


def _words(markup: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w’'-]*|\d+", inline.plain(markup))


def _end_pattern(para: Paragraph) -> re.Pattern[str] | None:
    """The last words of a paragraph without subparagraphs as the source text prints them (any line breaks),
    then its typed end."""
    pieces = inline.plain(para.text).split()[-5:][1:]  # whole words only: the first of the five may be cut
    if len(pieces) < 3:
        return None
    body = _GAP.join(re.escape(w) for w in pieces)
    return re.compile(rf"{body}(?:</[^>]*>)*(?P<note>\s*\d{{0,3}})(?P<mark>[;,.:])")


# what stands between two words of a paragraph in a source: line breaks, and in UN XML its tags
_GAP = r"(?:\s|<[^<>]*>)+"


def _unique(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    hits = list(pattern.finditer(text))
    return hits[0] if len(hits) == 1 else None


def _start_pattern(label: str, para: Paragraph) -> re.Pattern[str] | None:
    """A paragraph's typed label ("5.", "(b)") at the start of a line, then its first words."""
    words = _words(para.opener + " " + para.text)[:3]
    if len(words) < 2:
        return None
    first = _GAP.join(map(re.escape, words))
    return re.compile(rf"(?m)(?:^[ \t]*|<num>\s*)(?P<label>{re.escape(label)})(?={_GAP}{first})")


# -- planting in the text --------------------------------------------------------------------------------------------
def _replace_end(source: Source, where: Where, para: Paragraph, mark: str, kind: str) -> Plant | None:
    pattern = _end_pattern(para)
    hit = _unique(pattern, source.text) if pattern else None
    if hit is None or hit.group("mark") == mark:
        return None
    text = source.text[: hit.start("mark")] + mark + source.text[hit.end("mark") :]
    return Plant(kind, ("import.end-punctuation",), where, text=text)


def _leaves(
    items: list[tuple[Where, Paragraph, list[Paragraph]]],
) -> list[tuple[Where, Paragraph, list[Paragraph]]]:
    return [x for x in items if not x[1].subparagraphs and x[1].text.strip()]


def operative_end_mid_list(source: Source, rng: random.Random) -> Plant | None:
    """An operative paragraph before the last ends "." or "," instead of ";"."""
    places = [x for x in _leaves(list(top_level(source.res, Part.OPERATIVE))) if x[1] is not x[2][-1]]
    for where, para, _ in rng.sample(places, len(places)):
        plant = _replace_end(source, where, para, rng.choice(".,"), "operative end mid-list")
        if plant:
            return plant
    return None


def last_operative_end(source: Source, rng: random.Random) -> Plant | None:
    """The last operative paragraph ends ";" instead of "."."""
    places = [x for x in _leaves(list(top_level(source.res, Part.OPERATIVE))) if x[1] is x[2][-1]]
    for where, para, _ in rng.sample(places, len(places)):
        plant = _replace_end(source, where, para, ";", "last operative end")
        if plant:
            return plant
    return None


def preambular_end(source: Source, rng: random.Random) -> Plant | None:
    """A preambular paragraph ends ";" instead of ","."""
    places = _leaves(list(top_level(source.res, Part.PREAMBLE)))
    for where, para, _ in rng.sample(places, len(places)):
        plant = _replace_end(source, where, para, ";", "preambular end")
        if plant:
            return plant
    return None


def _relabel(
    source: Source, items: list[Paragraph], first: int, labels: Callable[[int], str], step: int
) -> str | None:
    """The text with the typed labels of items[first:] each moved by `step`: one label skipped (+1) or
    repeated (-1) at `first`."""
    text = source.text
    for i in range(len(items) - 1, first - 1, -1):  # from the end, so earlier offsets hold
        pattern = _start_pattern(labels(i), items[i])
        hit = _unique(pattern, text) if pattern else None
        if hit is None:
            return None
        text = text[: hit.start("label")] + labels(i + step) + text[hit.end("label") :]
    return text


def numbering_skipped(source: Source, rng: random.Random) -> Plant | None:
    """Operative numbering skips or repeats a number: paragraphs from the k-th on are typed k+1, k+2 ... or
    k-1, k ..."""
    places = []
    for b, body in enumerate(source.res.parts()):
        items = body.operative
        if any(p.restart or not p.numbered for p in items):
            continue  # sections that number afresh, or unnumbered paragraphs: the count is not simple
        # a repeated "1." reads as a section numbered afresh (Fifth Committee): repeats from "2." on
        places += [(b, k, items, step) for k in range(1, len(items)) for step in (1, -1) if k > 1 or step > 0]
    for b, k, items, step in rng.sample(places, min(len(places), 8)):
        text = _relabel(source, items, k, lambda i: f"{i + 1}.", step)
        if text:
            kind = "numbering skipped" if step > 0 else "number repeated"
            return Plant(kind, NUMBERING_RULES, ("operative", b, k), text=text)
    return None


def _letter(i: int) -> str:
    return f"({chr(ord('a') + i)})"


def label_skipped(source: Source, rng: random.Random) -> Plant | None:
    """Subparagraph labels skip or repeat a letter: (a), (c), (d) ... or (a), (a), (b) ..."""
    places = []
    for where, para in body_nodes(source.res):
        subs = para.subparagraphs
        if 2 <= len(subs) <= 24 and where[0] in ("preamble", "operative"):
            places += [((*where, k), k, subs, step) for k in range(1, len(subs)) for step in (1, -1)]
    for where, k, subs, step in rng.sample(places, min(len(places), 8)):
        text = _relabel(source, subs, k, _letter, step)
        if text:
            kind = "subparagraph label skipped" if step > 0 else "subparagraph label repeated"
            return Plant(kind, LABEL_RULES, where, text=text)
    return None


NUMBERING_RULES = LABEL_RULES = ("import.numbering",)


# -- planting in the model -------------------------------------------------------------------------------------------
def _copy_at(source: Source, where: Where) -> tuple[Resolution, Paragraph]:
    res = copy.deepcopy(source.res)
    para = next(p for p_id, w in positions(res).items() if w == where for p in [res.find(p_id)] if p)
    return res, para


def _word_places(source: Source, pattern: re.Pattern[str]) -> list[tuple[Where, re.Match[str]]]:
    """Every match of `pattern` in the text of a body paragraph, outside inline marks."""
    out = []
    for where, para in body_nodes(source.res):
        if "*" in para.text or "\\" in para.text:
            continue  # italics and escapes: keep offsets simple
        out += [(where, m) for m in pattern.finditer(para.text)]
    return out


def _swap(
    source: Source,
    rng: random.Random,
    kind: str,
    rules: tuple[str, ...],
    pattern: str,
    new: Callable[[re.Match[str]], str | None],
) -> Plant | None:
    """Replace one random match of `pattern` in a paragraph's text with `new(match)`."""
    places = _word_places(source, re.compile(pattern))
    for where, m in rng.sample(places, min(len(places), 20)):
        replacement = new(m)
        if replacement is None:
            continue
        res, para = _copy_at(source, where)
        para.text = para.text[: m.start()] + replacement + para.text[m.end() :]
        return Plant(
            kind, rules, where, res=res, field="text", span=(m.start(), m.start() + len(replacement))
        )
    return None


def doubled_word(source: Source, rng: random.Random) -> Plant | None:
    return _swap(
        source,
        rng,
        "doubled word",
        ("UN.DoubledWord",),
        r"\b(?!(?:that|had)\b)[a-z]{2,}\b",
        lambda m: f"{m.group()} {m.group()}",
    )


def secretary_general(source: Source, rng: random.Random) -> Plant | None:
    return _swap(
        source,
        rng,
        "Secretary General",
        ("UN.SecretaryGeneral",),
        r"\bSecretary-General\b",
        lambda m: "Secretary General",
    )


US_FORMS = {
    "programme": "program",
    "programmes": "programs",
    "labour": "labor",
    "centre": "center",
    "centres": "centers",
    "behaviour": "behavior",
    "defence": "defense",
    "favour": "favor",
    "neighbouring": "neighboring",
    "endeavour": "endeavor",
    "endeavours": "endeavors",
    "honour": "honor",
    "catalogue": "catalog",
    "fulfil": "fulfill",
    "ageing": "aging",
}
SPELLING_RULES = ("UN.BritishSpelling", "UN.Programme", "spelling.unknown-word")


def us_spelling(source: Source, rng: random.Random) -> Plant | None:
    pattern = r"\b(?:" + "|".join(US_FORMS) + r")\b"
    return _swap(source, rng, "US spelling", SPELLING_RULES, pattern, lambda m: US_FORMS[m.group()])


def misspelling(source: Source, rng: random.Random) -> Plant | None:
    """A letter dropped or two letters transposed in a lower-case word of six letters or more."""
    from app.spelling import SpellingSettings, checker

    unknown = checker(SpellingSettings(personal_dictionary=None)).unknown

    def typo(m: re.Match[str]) -> str | None:
        word = m.group()
        i = rng.randrange(1, len(word) - 1)
        out = (
            word[:i] + word[i + 1 :]
            if rng.random() < 0.5
            else word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        )
        if out == word or not unknown(out):
            return None
        return out

    return _swap(source, rng, "misspelling", ("spelling.unknown-word",), r"\b[a-z]{6,}\b", typo)


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def us_date(source: Source, rng: random.Random) -> Plant | None:
    return _swap(
        source,
        rng,
        "US date form",
        ("dates.format",),
        rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b",
        lambda m: f"{m.group(2)} {m.group(1)}, {m.group(3)}",
    )


def sc_year_dropped(source: Source, rng: random.Random) -> Plant | None:
    """ "Security Council resolution 2175 (2014)" without its year."""
    return _swap(
        source,
        rng,
        "SC citation without year",
        ("citations.sc-reference",),
        r"(?<=resolution )(\d{3,4}) \((\d{4})\)",
        lambda m: m.group(1),
    )


def first_mention_date(source: Source, rng: random.Random) -> Plant | None:
    """The date of a GA resolution dropped at its first mention ("resolution 61/110 of 14 December 2006"); not in
    an organ that cites without dates (the Security Council)."""
    from app.templates import get_template

    if get_template(source.res.header.template).citation_style == "sc":
        return None
    seen: set[str] = set()
    places = []
    for where, m in _word_places(
        source, re.compile(rf"\b(\d{{2}}/\d{{1,3}}(?: [A-Z])?) of \d{{1,2}} (?:{MONTHS}) \d{{4}}")
    ):
        if m.group(1) not in seen:
            seen.add(m.group(1))
            places.append((where, m))
    first = {}
    for _, p in source.res.paragraphs():  # only mentions with no earlier bare mention
        for n in re.findall(r"\b\d{2}/\d{1,3}\b", inline.plain(p.text)):
            first.setdefault(n, p.id)
    for where, m in rng.sample(places, len(places)):
        if first.get(m.group(1).split()[0]) != _id_at(source.res, where) or _SHARED.match(m.string, m.end()):
            continue
        if not _assembly_resolution(m.string, m.start()):
            continue
        res, para = _copy_at(source, where)
        para.text = para.text[: m.end(1)] + para.text[m.end() :]
        return Plant(
            "first mention without date", ("citations.first-mention-date",), where, res=res, field="text"
        )
    return None


# "resolutions 53/199 of … and 61/185 of 20 December 2006": without its own date the first is dated by the
# second's, as issued texts cite several resolutions of one day
_SHARED = re.compile(r"\s*(?:,|,?\s+and)\s+\d{2}/\d")


def _assembly_resolution(text: str, pos: int) -> bool:
    """Whether the citation at `pos` is of a General Assembly resolution (not a decision, not another organ's)."""
    keywords = list(re.finditer(r"\b(?:resolutions?|decisions?)\b", text[:pos]))
    if not keywords or not keywords[-1].group().startswith("resolution"):
        return False
    before = text[max(0, keywords[-1].start() - 40) : keywords[-1].start()]
    return "Council" not in before and "Assembly" not in before.replace("General Assembly", "")


def _id_at(res: Resolution, where: Where) -> str:
    return next(p_id for p_id, w in positions(res).items() if w == where)


def opener_not_italic(source: Source, rng: random.Random) -> Plant | None:
    """The opener typed as plain text at the start of the paragraph."""
    places = [
        (w, p) for w, p in body_nodes(source.res) if len(w) == 3 and p.opener.strip() and p.text.strip()
    ]
    if not places:
        return None
    where, _ = rng.choice(places)
    res, para = _copy_at(source, where)
    para.text = f"{para.opener} {para.text}"
    para.opener = ""
    return Plant("opener not italic", ("openers.not-marked",), where, res=res)


def opener_wrong_part(source: Source, rng: random.Random) -> Plant | None:
    """A paragraph given an opener of the other part of the same draft ("Recalls" in the preamble)."""
    pre = [(w, p) for w, p in body_nodes(source.res) if len(w) == 3 and p.opener.strip()]
    openers = {
        part: sorted({strip_marker(p.opener)[0] for w, p in pre if w[0] == part.value}) for part in Part
    }
    places = [(w, p) for w, p in pre if openers[Part.OPERATIVE if w[0] == "preamble" else Part.PREAMBLE]]
    if not places:
        return None
    where, _ = rng.choice(places)
    other = openers[Part.OPERATIVE if where[0] == "preamble" else Part.PREAMBLE]
    res, para = _copy_at(source, where)
    para.opener = rng.choice(other)
    return Plant("opener of the other part", WRONG_PART_RULES, where, res=res, field="opener")


WRONG_PART_RULES = ("openers.wrong-part", "openers.preambular-form", "openers.operative-form")


def repeated_opener(source: Source, rng: random.Random) -> Plant | None:
    """A paragraph given the opener of the one before it, without "also" or "further"."""
    places = []
    for where, para, items in [*top_level(source.res, Part.PREAMBLE), *top_level(source.res, Part.OPERATIVE)]:
        i = where[2]
        if i and items[i - 1].opener.strip() and para.opener.strip():
            base, marker = strip_marker(items[i - 1].opener)
            if not marker and base != strip_marker(para.opener)[0]:
                places.append((where, base))
    if not places:
        return None
    where, base = rng.choice(places)
    res, para = _copy_at(source, where)
    para.opener = base
    return Plant("repeated opener", ("repetition.marker",), where, res=res, field="opener")


def header_distribution(source: Source, rng: random.Random) -> Plant | None:
    """An L document marked for general distribution."""
    if "/L." not in source.res.header.symbol:
        return None
    res = copy.deepcopy(source.res)
    res.header.distribution = "General"
    return Plant("header: distribution", ("header.distribution",), ("header",), res=res)


PLANTERS: tuple[Callable[[Source, random.Random], Plant | None], ...] = (
    doubled_word,
    operative_end_mid_list,
    last_operative_end,
    preambular_end,
    opener_not_italic,
    opener_wrong_part,
    repeated_opener,
    label_skipped,
    numbering_skipped,
    sc_year_dropped,
    first_mention_date,
    us_spelling,
    misspelling,
    us_date,
    secretary_general,
    header_distribution,
)
