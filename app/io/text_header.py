"""The masthead, agenda block, sponsor line and title of a resolution, from a text's or a Word file's header lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from app import inline
from app.digits import to_int
from app.findings import Finding, Severity
from app.formatting import BEHALF_NOTE, behalf_note, parse_date, parse_ordinal_words
from app.io.header_lines import HeaderLine, texts
from app.io.imported import Adoption
from app.io.pdf_text import SYMBOL
from app.languages import all_languages, stored_value
from app.messages import say
from app.model import AgendaItem, DocumentKind, Header
from app.states import (
    begins_a_name,
    is_un_form,
    known_sponsor_name,
    languages,
    official_name,
    sort_key,
    sort_sponsors,
    split_sponsor_names,
    written_sort_key,
)
from app.templates import Template, all_templates, get_template, template_for_symbol

ORGANS = ("General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council")
_ORGAN_TEMPLATE = {
    "Security Council": "sc",
    "Economic and Social Council": "ecosoc",
    "Human Rights Council": "hrc",
}
COMMITTEE = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee"
    r"(?: \(Fourth Committee\))?|\(Fourth Committee\))$"  # the last: wrapped onto a line of its own
)
SESSION = re.compile(r"^(?:(?P<resumed>Resumed|Special|Emergency special)\s+)?(?P<ord>[A-Za-z-]+) session$")
YEAR_SESSION = re.compile(r"^(?P<year>\d{4}) session$")
AGENDA = re.compile(r"^Agenda items?\s+(?P<items>.*\S)\s*$")  # greedy to the last letter: spaces read once
_ITEM = re.compile(r"(?P<num>\d+)(?:\s*\((?P<sub>[A-Za-z])\))?")
DISTR = re.compile(r"^Distr\.?:?\s*(?P<d>\w+)")
ORIGINAL = re.compile(r"^Original\s?:\s*(?P<lang>.+)$")  # French sets a space before the colon
ADOPTED = re.compile(r"^Resolution adopted by the (?P<organ>.+?) on (?P<date>.+)$")
# An adopted Security Council resolution's heading: "Resolution 2312 (2016)" ("RESOLUTION 898 (1994)", "Resolution
# 700 (1991) of 17 June 1991" in the Council's annual volumes), "Adopted by the Security Council at its 7783rd
# meeting, on 6 October 2016" (wrapped before "on …"), and its symbol beside "United Nations" (S/RES/2312 (2016))
_DAY = r"\d{1,2} [A-Z][a-z]+ \d{4}"
SC_RESOLUTION = re.compile(rf"^Resolution (?P<num>\d+) \((?P<year>\d{{4}})\)(?: of {_DAY})?$", re.IGNORECASE)
SC_ADOPTED = re.compile(r"^Adopted by the Security Council at its \w+ meeting\b")  # whatever date follows
SC_ADOPTED_ON = re.compile(rf"^(?:on|of) {_DAY}$")
SC_SYMBOL = re.compile(r"^S/RES/\d+ \(\d{4}\)$")
REPORT = re.compile(
    r"^\[(?:on the report of the (?P<committee>.+?)|without reference to a Main Committee)"
    r"\s*\((?P<ref>[^)]*)\)\]$"
)
SESSION_DATES = re.compile(r"^\d{1,2}(?: [A-Z][a-z]+)?(?: \d{4})?\s*[–-]\s*\d{1,2} [A-Z][a-z]+ \d{4}$")
NUMBERED_TITLE = re.compile(r"^(?P<num>\d+/\d+(?:\s+[A-Z])?)\.\s+(?P<title>.+)$")
KIND = re.compile(
    r"^(?P<names>.*?)(?::\s*(?P<star>\*+)?|(?P<star2>\*+)?:)?\s*"
    r"(?P<kind>revised draft resolution|draft resolution|draft decision|"
    # a plenary amendment names a committee's draft by its number in the report: "amendment to draft resolution 6
    # recommended by the Second Committee in its report contained in document A/80/555" (A/80/L.39)
    r"amendments? to (?:the )?(?:revised )?draft (?:resolution|decision)"
    r"(?:\s+(?P<amends>\S+?(?:\s+recommended by .+?)?))?)"
    r"(?P<rest>\s+submitted by .+)?\s*$",
    re.IGNORECASE,
)


def sponsor_line(text: str) -> re.Match[str] | None:
    """The sponsor line's parts (KIND), read with its spaces closed up: the lazy names before the optional
    spaces retried across a long run of spaces, taking the square of its length."""
    return KIND.match(" ".join(text.split()))


# the line of a draft submitted by an officer instead of sponsors
SUBMITTED = re.compile(r"^(?:revised )?draft (?:resolution|decision) submitted by\b", re.IGNORECASE)
# (?<!\s): a search from inside a long run of spaces would scan the rest of it again (the square of its length)
ON_BEHALF = re.compile(r"(?<!\s)\s*\(on behalf of (?P<group>[^)]+)\)")
STAR_BEHALF = BEHALF_NOTE


def _official(name: str) -> str:
    """The name as the draft wrote it when the UN prints that form in some language ("Bahamas", "Mexique"),
    else the official (English) one."""
    if any(is_un_form(name, code) for code in languages()):
        return name
    return official_name(name) or name


def split_sponsors(names: str) -> list[str]:
    """'A, Bosnia and Herzegovina, and C' → the names as the draft wrote them, or their official forms."""
    return [_official(p) for p in split_sponsor_names(names)]


def _renamed_in_place(out: HeaderResult, names: str) -> None:
    """The sponsors, each under today's official name; where the draft listed a State under a name the UN has
    since changed ("Suriname, Swaziland, Sweden"; "Thailand, the former Yugoslav Republic of Macedonia, Togo")
    in the alphabetical place that name took, the list is put in today's order, with a note: the draft kept the
    order of its time."""
    written = split_sponsor_names(names)
    sponsors = [_official(p) for p in written]
    renamed = [(w, s) for w, s in zip(written, sponsors, strict=True) if written_sort_key(w) != sort_key(s)]
    ordered = sort_sponsors(sponsors)
    if renamed and ordered != sponsors and sorted(written, key=written_sort_key) == written:
        sponsors = ordered
        out.findings.append(
            Finding(
                "import.sponsor-names",
                Severity.INFO,
                say(
                    "sponsors the UN has since renamed are listed under today's names, in their alphabetical "
                    "place: {names}",
                    names=", ".join(f"{w} → {s}" for w, s in renamed),
                ),
                field="header",
            )
        )
    out.header.sponsors = sponsors


@dataclass
class HeaderResult:
    header: Header
    title: str = ""
    template: Template | None = None
    sponsor_star: str = ""  # the "*" after the sponsor names, when there is one
    organ: str = ""
    adopted: bool = False
    # an adopted resolution's symbol, date and committee, as its heading says
    adoption: Adoption | None = None
    findings: list[Finding] = field(default_factory=list)
    # header lines no role fits, kept in the draft as unplaced text (a masthead row's bar code or logo words are
    # furniture: said, not kept)
    unplaced: list[str] = field(default_factory=list)


def _agenda_items(spec: str) -> list[AgendaItem]:
    items = []
    for m in _ITEM.finditer(spec):
        sub = m.group("sub") or ""
        if sub == "I":  # "(I)" in typed drafts is a lower-case L set in a sans font
            sub = "l"
        items.append(AgendaItem(number=m.group("num"), sub_item=sub.lower()))
    return items


@cache
def _commissions() -> frozenset[str]:
    """The bodies other than the Main Committees a masthead may name above the session (the Council's
    commissions), by the English names the language files hold."""
    return frozenset(name for lang in all_languages().values() for name in lang.committees) - set(ORGANS)


@cache
def _versions() -> frozenset[str]:
    """The line naming a version's language over "Original:" ("Français", "Español"), in every language."""
    return frozenset(
        lang.masthead["version"] for lang in all_languages().values() if lang.masthead.get("version")
    )


def _commission(line: str) -> bool:
    return " ".join(line.split()) in _commissions()


def _classify(line: str) -> str:
    s = line.strip()
    if s == "United Nations":
        return "un"
    if s.startswith("United Nations ") and SYMBOL.match(s[15:].strip()):
        return "un-symbol"
    if SYMBOL.match(s):
        return "symbol"
    if s in ORGANS:
        return "organ"
    if DISTR.match(s):
        return "distr"
    if ORIGINAL.match(s):
        return "original"
    if s in _versions():
        return "version"  # the language of the copy, not of the draft: said by its organ line
    if s[:1].isupper() and SESSION.match(s) and parse_ordinal_words(SESSION.match(s).group("ord")):  # type: ignore[union-attr]
        return "session"
    if YEAR_SESSION.match(s):
        return "session"
    if COMMITTEE.match(s):
        return "committee"
    if AGENDA.match(s):
        return "agenda"
    if ADOPTED.match(s):
        return "adopted"
    if SC_RESOLUTION.match(s) or SC_ADOPTED.match(s) or SC_SYMBOL.match(s):
        return "sc-adopted"
    if s.startswith("United Nations ") and SC_SYMBOL.match(s[15:].strip()):
        return "sc-adopted"
    if REPORT.match(s):
        return "report"
    if parse_date(s) and re.fullmatch(r"\d{1,2} \w+ \d{4}", s):
        return "date"
    if SESSION_DATES.match(s):
        return "dates"
    return "text"


_COLUMNS = re.compile(r"\s{3,}|(?<=\S) (?=Distr\.)|(?<=[a-z]) (?=\d{1,2} [A-Z][a-z]+ \d{4}$)")


def _split_columns(block: list[HeaderLine]) -> list[HeaderLine]:
    """Masthead lines extracted side by side ("General Assembly   Distr.: General") become one line each."""
    out: list[HeaderLine] = []
    for line in block:
        parts = [p for p in _COLUMNS.split(line.text.strip()) if p]
        if len(parts) > 1 and all(_classify(p) != "text" for p in parts):
            out += [line.with_text(p) for p in parts]
        else:
            out.append(line)
    return out


# The header roles of the paragraph styles Resolute's Word export writes (app.io.docx_writer.STYLE_IDS names)
_STYLE_ROLES = {
    "UN Agenda Item Title": "item-title",
    "UN Sponsor Line": "sponsor",
    "UN Sponsor Heading": "sponsor",
    "UN Title": "title",
}


@dataclass
class _Reading:
    """The header lines read so far: what the masthead and agenda lines said, and the other lines, in blocks
    with the number of agenda items seen before them."""

    out: HeaderResult
    symbol_full: str = ""
    committee: str = ""
    report_committee: str = ""
    reported: bool = False  # the heading says whose report it was adopted on, or that it was on none
    adoption: Adoption = field(default_factory=Adoption)  # the adopted resolution's symbol and date, if any
    text_blocks: list[tuple[int, list[HeaderLine]]] = field(default_factory=list)
    masthead: bool = True  # still in the table the header opens with
    masthead_rows: set[tuple[int, int]] = field(default_factory=set)  # its rows that hold masthead lines only

    def block(self, block: list[HeaderLine]) -> None:
        current: list[HeaderLine] = []
        kind = ""
        for line in _unwrap_adoption(_split_columns(block)):
            after_adopted = kind == "sc-adopted"
            kind = _classify(line.text)
            if kind == "text" and not self.committee and not self.out.header.agenda_items:
                kind = "committee" if _commission(line.text) else kind  # above the agenda block only
            # "… at its 3338th meeting," / "on 23 February 1994"; "Resolution 700 (1991)" / "of 17 June 1991"
            if after_adopted and kind == "text" and SC_ADOPTED_ON.match(line.text.strip()):
                kind = "sc-adopted"
            row = line.cell[:2] if line.cell else None
            self.masthead = self.masthead and row is not None
            if kind == "text" and self.masthead and row in self.masthead_rows:
                # a row of the masthead table (before any line outside it) holds masthead lines only: what else
                # it says (a bar code, a logo's words) is no title or agenda text
                self.out.findings.append(_unplaced(line.text.strip()))
                continue
            if kind == "text":
                current.append(line.with_text(line.text.strip()))
                continue
            if current:
                self.text_blocks.append((len(self.out.header.agenda_items), current))
                current = []
            self.masthead_line(kind, line.text.strip())
        if current:
            self.text_blocks.append((len(self.out.header.agenda_items), current))

    def masthead_line(self, kind: str, s: str) -> None:
        h, out = self.out.header, self.out
        if kind == "un-symbol":
            kind, s = "symbol", s[15:].strip()
        if kind == "symbol" and "/RES/" in s and not self.adoption.symbol:
            self.adoption.symbol = s
        if kind == "symbol" and not self.symbol_full:
            self.symbol_full = s.rstrip("*")
        elif kind == "organ":
            out.organ = s
        elif kind == "distr":
            # the neutral value the model keeps, whatever language printed it ("Distr.: limitée" → "Limited")
            h.distribution = stored_value(DISTR.match(s).group("d"))  # type: ignore[union-attr]
        elif kind == "original":
            h.original_language = stored_value(ORIGINAL.match(s).group("lang").strip())  # type: ignore[union-attr]
        elif kind == "session":
            m = YEAR_SESSION.match(s)
            if m:
                h.year = int(m.group("year"))
            else:
                h.session = parse_ordinal_words(SESSION.match(s).group("ord"))  # type: ignore[union-attr]
        elif kind == "committee":
            self.committee = f"{self.committee} {s}" if s.startswith("(") and self.committee else s
        elif kind == "agenda":
            h.agenda_items += _agenda_items(AGENDA.match(s).group("items"))  # type: ignore[union-attr]
        elif kind == "date" and h.date is None:
            h.date = parse_date(s)
        elif kind == "adopted":
            out.adopted = True
            self.adoption.date = self.adoption.date or parse_date(ADOPTED.match(s).group("date"))  # type: ignore[union-attr]
        elif kind == "sc-adopted":
            self.sc_adopted(s)
        elif kind == "dates":
            out.findings.append(_session_dates(s))
        elif kind == "report":
            self.report(s)

    def sc_adopted(self, s: str) -> None:
        """A line of an adopted Security Council resolution's heading: the resolution is the Council's, and its
        symbol is the one its number gives."""
        self.out.organ = self.out.organ or "Security Council"
        m = SC_RESOLUTION.match(s)
        symbol = s.removeprefix("United Nations").strip()
        if m:
            symbol = f"S/RES/{m.group('num')} ({m.group('year')})"
        if SC_SYMBOL.match(symbol) and not self.symbol_full:
            self.symbol_full = symbol
        if SC_SYMBOL.match(symbol) and not self.adoption.symbol:
            self.adoption.symbol = symbol
        day = re.search(_DAY, s)  # "… at its 7783rd meeting, on 6 October 2016", "of 17 June 1991"
        if day and not self.adoption.date:
            self.adoption.date = parse_date(day.group())

    def report(self, s: str) -> None:
        m = REPORT.match(s)
        assert m
        self.reported = True
        self.report_committee = m.group("committee") or ""
        ref = m.group("ref").strip()
        if not self.report_committee and SYMBOL.match(ref):
            self.symbol_full = ref  # the draft that was adopted without reference to a committee


_REPORT_OPENS = re.compile(r"^\[(?:on the report of the |without reference to a Main Committee)")
_REPORT_LINES = (
    4  # "[on the report of the Special Political and Decolonization Committee" wraps once or twice
)


def _unwrap_adoption(lines: list[HeaderLine]) -> list[HeaderLine]:
    """An adopted resolution's heading as PDF text wraps it ("Resolution adopted by the General Assembly" / "on
    7 December 2023"; "[on the report of the Special Political and Decolonization Committee" / "(Fourth
    Committee) (A/78/419, para. 8)]"): each as the one line it is, so that it is read as the heading and its
    lines end neither the agenda item's title nor the resolution's."""
    out: list[HeaderLine] = []
    at = 0
    while at < len(lines):
        line, s = lines[at], lines[at].text.strip()
        span = 1
        if s.startswith("Resolution adopted by the ") and not ADOPTED.match(s) and at + 1 < len(lines):
            span = 2 if ADOPTED.match(f"{s} {lines[at + 1].text.strip()}") else 1
        elif _REPORT_OPENS.match(s) and not s.endswith("]"):
            ends = (
                i
                for i in range(at + 1, min(at + _REPORT_LINES, len(lines)))
                if lines[i].text.rstrip().endswith("]")
            )
            end = next(ends, None)
            joined = " ".join(x.text.strip() for x in lines[at : end + 1]) if end is not None else ""
            span = end + 1 - at if joined and REPORT.match(joined) else 1
        out.append(
            line if span == 1 else line.with_text(" ".join(x.text.strip() for x in lines[at : at + span]))
        )
        at += span
    return out


_MASTHEAD_KINDS = {"un", "un-symbol", "symbol", "organ", "distr", "original", "date"}


def _masthead_rows(blocks: list[list[HeaderLine]]) -> set[tuple[int, int]]:
    """The rows of the table a Word header opens with that hold a masthead line ("United Nations", the symbol,
    "Distr.: Limited", the date) and nothing of the agenda block or sponsor line: a header typed whole into a
    table keeps its agenda lines, sponsor line and title for the text rules."""
    kinds: dict[tuple[int, int], set[str]] = {}
    lines = [line for block in blocks for line in block]
    first = lines[0].cell[0] if lines and lines[0].cell else None
    for line in lines:
        if line.cell is None or line.cell[0] != first:
            break
        kind = "sponsor" if sponsor_line(line.text) else _classify(line.text)
        kinds.setdefault(line.cell[:2], set()).add(kind)
    return {
        row for row, found in kinds.items() if found & _MASTHEAD_KINDS and found <= _MASTHEAD_KINDS | {"text"}
    }


def _session_dates(s: str) -> Finding:
    return Finding(
        "import.session-dates",
        Severity.INFO,
        say("session dates “{s}” are not kept (the template prints none)", s=s),
        field="header",
    )


def parse_header(
    blocks: list[list[HeaderLine]], join: Callable[[list[str]], str] | None = None
) -> HeaderResult:
    """Read header blocks (lists of lines; blank lines or paragraphs split them) in document order. A line's
    look (a Word file's) is used where it is there: a masthead cell holds masthead lines only, the styles of
    the sponsor line, agenda item titles and title name them, a bold title set larger ends the header without
    a sponsor line. `join` joins wrapped lines (the reader's, which knows the document's hyphenated words)."""
    out = HeaderResult(Header())
    reading = _Reading(out, masthead_rows=_masthead_rows(blocks))
    for block in blocks:
        reading.block(block)
    _settle_symbol(out, reading.symbol_full)
    _settle_template(out, reading.committee, reading.report_committee)
    if reading.adoption.symbol or reading.adoption.date:
        # the template of the draft: the committee the heading names (the plenary's where it names none), the
        # Council's; a General Assembly heading without its report line does not say
        known = reading.reported or out.organ == "Security Council"
        out.adoption = replace(reading.adoption, template=out.template.id if known and out.template else "")
    _read_text_blocks(out, reading.text_blocks, join or _join)
    return out


def _settle_symbol(out: HeaderResult, symbol_full: str) -> None:
    h = out.header
    if symbol_full.startswith(("A/RES/", "S/RES/", "E/RES/")):
        out.adopted = True
        out.findings.append(
            Finding(
                "import.adopted-resolution",
                Severity.INFO,
                say(
                    "{symbol_full} is an adopted resolution: imported as a draft of the same text",
                    symbol_full=symbol_full,
                ),
            )
        )
        symbol_full = ""
    rev = re.search(r"/Rev\.(\d+)$", symbol_full)
    h.revision = (to_int(rev.group(1), 0, max_digits=3) or 0) if rev else 0
    h.symbol = re.sub(r"/Rev\.\d+$", "", symbol_full)
    if out.adopted:
        h.distribution = "Limited"


def _settle_template(out: HeaderResult, committee: str, report_committee: str) -> None:
    """The template from the symbol, organ and committee (the masthead's, else the one whose report adopted
    it); the committee is kept only when the masthead names one other than the template's."""
    h = out.header
    out.template = tpl = _pick_template(h.symbol, out.organ, committee or report_committee)
    if h.symbol and tpl.uses_year:
        m = re.search(r"/(\d{4})/", h.symbol)
        if m:
            h.year = int(m.group(1))
    if h.session is None and h.symbol and not tpl.uses_year:
        m = re.search(r"/(\d{2,3})/", h.symbol)
        if m:
            h.session = int(m.group(1))
    h.template = tpl.id
    h.committee = "" if committee in ("", tpl.committee) else committee


def _pick_template(symbol: str, organ: str, committee: str) -> Template:
    if symbol:
        tpl = template_for_symbol(symbol)
        if tpl:
            return tpl
    if committee:
        for tpl in all_templates().values():
            if tpl.committee and committee in (
                tpl.committee,
                f"{committee.split(' (')[0]} ({tpl.committee})",
            ):
                return tpl
    if organ in _ORGAN_TEMPLATE:
        return get_template(_ORGAN_TEMPLATE[organ])
    return get_template("ga-plenary")


def organ_template(out: HeaderResult, organ: str) -> None:
    """Pick the template from the organ line when the text had no masthead."""
    if organ in _ORGAN_TEMPLATE and out.header.template == "ga-plenary":
        tpl = get_template(_ORGAN_TEMPLATE[organ])
        out.template = tpl
        out.header.template = tpl.id


def _read_text_blocks(
    out: HeaderResult, text_blocks: list[tuple[int, list[HeaderLine]]], join: Callable[[list[str]], str]
) -> None:
    """The header's other lines: agenda item titles, the sponsor line, the title; what fits none is reported.
    Each line's role comes from its style when every line has a header style (Resolute's own export), else
    from the text rules (and, without a sponsor line, from the title's bold and size where they are known)."""
    h = out.header
    if text_blocks and all(line.style in _STYLE_ROLES for _, lines in text_blocks for line in lines):
        roles = [
            (_STYLE_ROLES[line.style], seen, [line.text]) for seen, lines in text_blocks for line in lines
        ]
    else:
        roles = _text_roles([(seen, texts(lines)) for seen, lines in text_blocks], h.agenda_items)
        roles = _title_by_look(roles, [line for _, lines in text_blocks for line in lines])
    titles: dict[int, list[str]] = {}
    title_lines: list[str] = []
    sponsor_lines: list[str] = []
    for role, seen, lines in roles:
        if role == "item-title" and seen:
            titles.setdefault(seen - 1, []).extend(lines)
        elif role == "sponsor":
            sponsor_lines += lines
        elif role == "title":
            title_lines += lines
        else:
            text = " ".join(lines)
            out.unplaced.append(inline.escape(text))  # unplaced text is inline markup
            out.findings.append(_unplaced(text, kept=True))
    _item_titles(h.agenda_items, titles, join)
    if sponsor_lines:  # after the item titles: a line without sponsors may end the last item's title
        _read_sponsors(out, " ".join(sponsor_lines))
    if title_lines:
        out.title = _title_markup(join(title_lines))


def _text_roles(
    text_blocks: list[tuple[int, list[str]]], items: list[AgendaItem]
) -> list[tuple[str, int, list[str]]]:
    """The role of each block by the text rules: before the sponsor line, the blocks after an agenda line are
    its item's title; after it, the title."""
    text_blocks = _split_at_sponsors(text_blocks)  # without blank lines the sponsor line sits among others
    sponsor_at = next((i for i, (_, lines) in enumerate(text_blocks) if sponsor_line(" ".join(lines))), None)
    if sponsor_at is None and items:
        # without a sponsor line, the blocks right after the agenda lines are item titles (by place: the title may
        # repeat an item's title word for word)
        before = [i for i, b in enumerate(text_blocks) if b[0] > 0][: len(items)]
        return [("item-title" if i in before else "title", *b) for i, b in enumerate(text_blocks)]
    out: list[tuple[str, int, list[str]]] = []
    for i, (seen, lines) in enumerate(text_blocks):
        if sponsor_at is not None and i < sponsor_at:
            out.append(("item-title" if seen else "unplaced", seen, lines))
        else:
            out.append(("sponsor" if i == sponsor_at else "title", seen, lines))
    return out


def _title_by_look(
    roles: list[tuple[str, int, list[str]]], lines: list[HeaderLine]
) -> list[tuple[str, int, list[str]]]:
    """Without a sponsor line the text rules take a fixed number of blocks for item titles; where the lines'
    look is known, the title is the bold lines set larger than the agenda lines, at the end."""
    if any(role == "sponsor" for role, _, _ in roles) or not lines or any(x.size is None for x in lines):
        return roles
    size = max(x.size or 0 for x in lines)
    if min(x.size or 0 for x in lines) == size:
        return roles
    flat = [(seen, line) for (_, seen, block) in roles for line in block]  # the lines in order, as given
    cut = len(flat)
    while cut and lines[cut - 1].bold and lines[cut - 1].size == size:
        cut -= 1
    if cut == len(flat):
        return roles
    head = [("item-title" if seen else "unplaced", seen, [text]) for seen, text in flat[:cut]]
    return head + [("title", seen, [text]) for seen, text in flat[cut:]]


def _item_titles(
    items: list[AgendaItem], titles: dict[int, list[str]], join: Callable[[list[str]], str]
) -> None:
    if len(titles) == 1 and len(items) > 1:
        titles = dict(enumerate(_split_item_titles(titles[next(iter(titles))], len(items))))
    for index, lines in titles.items():
        if index < len(items):
            items[index].title = join(lines)
        elif items:
            items[-1].title = join([items[-1].title, *lines])


def _title_markup(title: str) -> str:
    m = NUMBERED_TITLE.match(title)
    if m:
        title = m.group("title")
    # `*` pairs are italics, as in the paragraphs (a lone star stays literal); brackets and backslashes are text
    return re.sub(
        r"\\[*\[\\]|[\[\\]", lambda m: m.group(0) if len(m.group(0)) == 2 else "\\" + m.group(0), title
    )


_KIND_ALONE = re.compile(r"^\s*(?:revised )?draft (?:resolution|decision)\s*$", re.IGNORECASE)
_KIND_END = re.compile(
    r"(?:draft (?:resolution|decision)|amendments? to (?:the )?(?:revised )?draft (?:resolution|decision)"
    r"(?:\s+\S+)?|^(?:revised )?draft (?:resolution|decision) submitted by .+"
    r"|\brecommended by the \w+ Committee in its report (?:contained in )?(?:document )?\(?[A-Z]/[\w./]+\)?)"
    r"\s*$",
    re.IGNORECASE,
)


def _has_state(line: str) -> bool:
    tokens = re.split(r",\s*|(?<!\s)\s+and\s+|:", line.strip())
    return any(known_sponsor_name(t.strip(" *")) for t in tokens if t.strip(" *"))


def _names_go_on(above: str, below: str) -> bool:
    """Does the list of sponsor names run on from line `above` to line `below`? A list breaks after a comma or
    "and", or inside a name ("New" / "Zealand"); an agenda title naming States ("… Abkhazia, Georgia") does not
    run on into the list below it."""
    if above.endswith((",", " and")) or below[:1].islower():
        return True
    head = re.split(r",\s*|(?<!\s)\s+and\s+", above)[-1].strip(" *")
    tail = re.split(r",\s*|(?<!\s)\s+and\s+|:", below)[0].strip(" *")
    if head and tail and known_sponsor_name(f"{head} {tail}"):
        return True
    # a line broken inside a name: "… United Kingdom of" / "Great Britain and …", "Saint Vincent and the" /
    # "Grenadines"; not an agenda title that holds a name ("Latin" / "America and the Caribbean (…)" / "Austria, …")
    last = above.rsplit(",", 1)[-1].strip(" *")
    return _has_state(above) and not known_sponsor_name(head) and (begins_a_name(head) or begins_a_name(last))


def _split_at_sponsors(text_blocks: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Cut a header block around the sponsor line: names run upward while lines hold State names, end with a
    comma or are continued by a lower-case line; the kind ends the line ("…: draft resolution")."""
    # blocks after the same agenda line go together when one of them ends the sponsor line: an extractor
    # may have put blank lines inside the list of names
    grouped: list[tuple[int, list[str]]] = []
    for seen, lines in text_blocks:
        if (
            grouped
            and grouped[-1][0] == seen
            and not any(_KIND_END.search(x) for x in grouped[-1][1])
            and any(_KIND_END.search(x) for x in lines)
            and (
                (_has_state(lines[0]) and _names_go_on(grouped[-1][1][-1], lines[0]))
                # "… Northern Ireland:", a blank line, "draft resolution" (an SC draft's PDF text)
                or (grouped[-1][1][-1].rstrip().endswith(":") and bool(_KIND_ALONE.match(lines[0])))
            )
        ):
            grouped[-1] = (seen, grouped[-1][1] + lines)
            continue
        grouped.append((seen, lines))
    out: list[tuple[int, list[str]]] = []
    for seen, lines in grouped:
        end = None
        for e, line in enumerate(lines):
            joined = " ".join(lines[max(0, e - 1) : e + 1])
            if _KIND_END.search(line) or (e and _KIND_END.search(joined) and line.split()[0].islower()):
                end = e
                break
        if end is None:
            out.append((seen, lines))
            continue
        start = end
        while start > 0:
            above, below = lines[start - 1].strip(), lines[start].strip()
            if _names_go_on(above, below):
                start -= 1
            else:
                break
        if SUBMITTED.match(lines[end].strip()):  # "... submitted by the Vice-Chair of the Committee,"
            while end + 1 < len(lines) and _submitted_by_goes_on(lines[end], lines[end + 1]):
                end += 1  # "Weronika Garbacz (Poland), on the basis of informal consultations on ..."
        for part in (lines[:start], lines[start : end + 1], lines[end + 1 :]):
            if part:
                out.append((seen, part))
    return out


def _submitted_by_goes_on(line: str, following: str) -> bool:
    """The line after "submitted by the Vice-Chair of the Committee," continues it: after a comma or an
    unfinished phrase, or when it opens with a name in brackets' reach ("Weronika Garbacz (Poland)")."""
    line, following = line.strip(), following.strip()
    return bool(following) and (
        line.endswith((",", "of", "the", "on", "by"))
        or following[:1].islower()
        or following.startswith("(")
        or bool(re.match(r"^[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)* \([A-Z][^)]*\)", following))
    )


def _split_item_titles(lines: list[str], count: int) -> list[list[str]]:
    groups: list[list[str]] = [[lines[0]]]
    for line in lines[1:]:
        if line[:1].isupper() and len(groups) < count:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _read_sponsors(out: HeaderResult, text: str) -> None:
    h = out.header
    m = sponsor_line(text)
    assert m
    kind = m.group("kind").lower()
    if kind.startswith("revised"):
        h.kind = DocumentKind.REVISED_DRAFT_RESOLUTION
    elif kind == "draft decision":
        h.kind = DocumentKind.DRAFT_DECISION
    elif kind.startswith("amendment"):
        h.kind = DocumentKind.AMENDMENT
        h.amends = (m.group("amends") or "").rstrip(".,")
    out.sponsor_star = m.group("star") or m.group("star2") or ""
    names = m.group("names").strip()
    if names.endswith("*"):
        out.sponsor_star = out.sponsor_star or names[len(names.rstrip("*")) :]
        names = names.rstrip("*").rstrip()
    # PDF text may set a name's superscript star after the comma that follows it: "Nigeria,* and Thailand"
    names = re.sub(r"(?<=[\w)]),(\*+)(?=\s)", r"\1,", names)
    star = re.search(r"(?<=[\w)])(\*+)(?:,|$| and )", names)
    if star:
        out.sponsor_star = out.sponsor_star or star.group(1)  # the page-1 note it points at is the header's
        names = re.sub(r"(?<=[\w)])\*+(?=,|$| and )", "", names)
        out.findings.append(
            Finding(
                "import.sponsor-note",
                Severity.INFO,
                say("asterisks after sponsor names (e.g. non-members of the Council) are not kept"),
                field="header",
            )
        )
    behalf = ON_BEHALF.search(names)
    if behalf:
        h.on_behalf_of = behalf.group("group").strip()
        names = ON_BEHALF.sub("", names)
    rest = (m.group("rest") or "").strip()
    if rest:  # "Draft resolution submitted by the Chair of the Committee following informal consultations"
        h.submitted_by = re.sub(r"^submitted by\s+", "", rest, flags=re.IGNORECASE).rstrip(" .*")
        if names and not _has_state(names):
            # no sponsors: what stood before it is the end of the agenda item's title, run on in the text
            if h.agenda_items:
                item = h.agenda_items[-1]
                item.title = f"{item.title} {names}".strip() if not item.title.endswith(names) else item.title
            names = ""
    # renamed States in their old places: seen in the Council's drafts; another organ's list is checked as written
    if out.template is not None and out.template.organ == "Security Council":
        _renamed_in_place(out, names)
    else:
        h.sponsors = split_sponsors(names)


def star_note(out: HeaderResult, text: str, *, marked: bool = False) -> bool:
    """Keep a page-1 '*' note of the sponsor line as written. `marked`: the sponsor line's own '*' points at it;
    otherwise only an "on behalf of" note is taken as the sponsor line's. True when it was used."""
    note = re.sub(r"\s+", " ", text).strip().lstrip("*").strip()  # the note may carry its own "*" mark
    m = STAR_BEHALF.match(note)
    if m:
        out.header.on_behalf_of = m.group(1).strip()
    if m or (marked and note):
        # the formula Resolute prints itself is not stored: editing the group then updates the note
        out.header.sponsor_note = "" if m and note == behalf_note(out.header.on_behalf_of) else note
        return True
    return False


# the line under the title of an L document that is no draft: "Note by the Secretariat", "Note by the Chair"
_NOTE_BY = re.compile(
    r"^Note by the (?:Secretariat|Secretary-General|Chair|President|Bureau|Vice-Chair)\b.{0,60}$"
)
_A_DRAFT = re.compile(r"\b(?:draft (?:resolution|decision)|amendments? to)\b", re.IGNORECASE)
_HEAD_LINES = 80  # the page-1 header and title stand within these lines of PDF text


def note_not_draft(text: str) -> str:
    """The "Note by the Secretariat" line of an L document that is a note (organization of work, status of
    documentation) and no draft: no line of its first page says "draft resolution", "draft decision" or
    "amendment to". "" for a draft."""
    lines = [ln.strip() for ln in text.splitlines()[:_HEAD_LINES] if ln.strip()]
    note = next((ln for ln in lines if _NOTE_BY.match(ln)), "")
    return note if note and not any(_A_DRAFT.search(ln) for ln in lines) else ""


def _join(lines: list[str]) -> str:
    from app.io.pdf_text import join_wrapped

    text = ""
    for line in lines:
        text = join_wrapped(text, line)
    return re.sub(r"\s+", " ", text).strip()


QUOTED = 200  # characters of a header line its finding quotes (the line itself is kept whole)


def _unplaced(text: str, *, kept: bool = False) -> Finding:
    """The finding for a header line no role fits; `kept`: the line is in the draft's unplaced text too. The
    finding quotes the line's start: a header of 40,000 such lines, joined, was one warning of 2.3 MB (one line
    on stderr, one row of the issues list)."""
    text = text if len(text) <= QUOTED else text[: QUOTED - 1].rstrip() + "…"
    message = (
        say("header line not recognised, kept as unplaced text after the operative part: “{text}”", text=text)
        if kept
        else say("header line not recognised, kept here: “{text}”", text=text)
    )
    return Finding("import.unplaced", Severity.WARNING, message, field="header")
