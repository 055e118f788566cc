"""Technical rollover (next session's draft from an adopted resolution) and revised drafts (/Rev.N).

A rollover copies the adopted text and makes the routine changes a delegation makes every year: the session
moves on, references to the organ's own sessions ("at its eighty-first session") move on by one, the adopted
resolution joins the citation chain, and the symbol, date and sponsors are cleared. Every change is listed as a
`RolloverChange` that the user can undo and redo; the agenda item is kept and listed for review.

What moves on is data (resources/rollover/rollover.toml), not code.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from app import inline
from app.datafile import read_toml
from app.digits import to_int
from app.errors import InputError, TemplateError
from app.formatting import format_date, ordinal_words
from app.io.imported import Adoption
from app.languages import get_language
from app.messages import Phrase, say
from app.model import MAX_REVISION, DocumentKind, Paragraph, Resolution
from app.paths import resource
from app.session_ordinals import session_regexes, shift_sessions
from app.templates import get_template


@cache
def _config() -> dict[str, Any]:
    data = read_toml(resource("rollover", "rollover.toml"))
    _check_config(data)
    return data


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_config(data: dict[str, Any]) -> None:
    """rollover.toml edited by hand: a field missing or of a kind the rollover cannot use is refused in one
    line naming it (a KeyError or TypeError ended the rollover as an internal error)."""

    def refuse(key: str, problem: str) -> TemplateError:
        return TemplateError(
            say("{file}: field '{field}' {problem}", file="rollover.toml", field=key, problem=problem)
        )

    names = data.get("organ_names")
    if not isinstance(names, dict) or not _texts(names.get("*")) or not all(map(_texts, names.values())):
        raise refuse("organ_names", say('must be a table of lists of texts, with a "*" list'))
    if not _texts(data.get("session_patterns")):
        raise refuse("session_patterns", say("must be a list of texts"))
    sessions = data.get("sessions", {})
    for code, words in sessions.items() if isinstance(sessions, dict) else [("", None)]:
        names = words.get("organ_names") if isinstance(words, dict) else None
        if not (
            isinstance(names, dict) and _texts(names.get("*")) and all(map(_texts, names.values()))
        ) or not _texts(words.get("patterns")):
            raise refuse(
                f"sessions.{code}".rstrip("."),
                say('must give patterns and organ_names (a "*" list) as texts'),
            )
    citation, revision = data.get("citation"), data.get("revision")
    if not isinstance(citation, dict) or not isinstance(citation.get("opener"), str):
        raise refuse("citation", say("must be a table giving the opener as text"))
    for code, wording in citation.items():  # [citation.fr]: a language's own citation
        if code != "opener" and not (
            isinstance(wording, dict)
            and all(isinstance(wording.get(k), str) for k in ("opener", "dated", "undated"))
            and _texts(wording.get("after_openers"))
        ):
            raise refuse(
                f"citation.{code}", say("must give opener, dated and undated as texts and after_openers")
            )
    if not isinstance(revision, dict) or not _texts(revision.get("revised_label")):
        raise refuse("revision", say("must be a table giving revised_label as a list of texts"))


# --- changes the user can undo ---------------------------------------------------------------------------


@dataclass
class RolloverChange:
    """One automatic change. `undo`/`redo` work on the resolution the rollover returned."""

    kind: str  # "header", "session", "citation", "review"
    description: str
    paragraph_id: str = ""
    field: str = ""  # "opener", "text", "tail" or "title"; for header changes "header.<name>"
    before: Any = None
    after: Any = None
    start: int = 0  # where `after` stands in the field, for text changes
    applied: bool = True
    paragraph: Paragraph | None = None  # an added paragraph
    index: int = 0  # its position in the preamble

    @property
    def can_undo(self) -> bool:
        return self.kind != "review"

    def undo(self, res: Resolution) -> None:
        if self.applied and self.can_undo:
            self._swap(res, self.after, self.before)
            self.applied = False

    def redo(self, res: Resolution) -> None:
        if not self.applied and self.can_undo:
            self._swap(res, self.before, self.after)
            self.applied = True

    def _swap(self, res: Resolution, have: Any, want: Any) -> None:
        if self.field.startswith("header."):
            setattr(res.header, self.field.split(".", 1)[1], copy.deepcopy(want))
            return
        if self.paragraph is not None:  # an added paragraph: take it out or put it back
            if want is None:
                res.preamble[:] = [p for p in res.preamble if p.id != self.paragraph.id]
            else:
                res.preamble.insert(min(self.index, len(res.preamble)), self.paragraph)
            return
        target: Any = res if self.field == "title" else res.find(self.paragraph_id)
        if target is None:
            raise InputError(say("the paragraph of this change is no longer in the document"))
        text: str = getattr(target, self.field)
        at = _nearest(text, have, self.start)
        if at < 0:
            raise InputError(
                say("'{words}' is no longer in the text: it was edited since the rollover", words=have)
            )
        setattr(target, self.field, text[:at] + want + text[at + len(have) :])
        self.start = at


def _nearest(text: str, needle: str, start: int) -> int:
    """The occurrence of `needle` closest to `start`, or -1."""
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    return min(hits, key=lambda h: abs(h - start)) if hits else -1


# --- what the adopted file says -------------------------------------------------------------------------


def adoption_info(data: bytes, *, name: str = "") -> Adoption:
    """Symbol, adoption date and committee of an adopted resolution's file (UN XML, Word or text), as the reader
    of that kind of file reads its heading; empty where the file is no adopted resolution."""
    from app.io.reading import read_data

    return read_data(data, name).adoption or Adoption()


def adoption_info_from_path(path: Path | str) -> Adoption:
    from app.io.reading import read_document

    return read_document(path).adoption or Adoption()


# --- text rules ---------------------------------------------------------------------------------------


_DATE = (
    r"\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
)
_GA_CITE = rf"\d{{1,3}}/\d{{1,4}}(?: [A-Z](?:-[A-Z])?)?(?: of {_DATE})?"
_GA_CHAIN = re.compile(rf"\bits (resolutions?) ((?:{_GA_CITE})(?:(?:, | and ){_GA_CITE})*)")
_SC_CITE = r"\d{1,4} \(\d{4}\)"
_SC_CHAIN = re.compile(rf"\bits (resolutions?) ((?:{_SC_CITE})(?:(?:, | and ){_SC_CITE})*)")


def _cites(chain: str, sc: bool) -> list[str]:
    return re.findall(_SC_CITE if sc else _GA_CITE, chain)


def _cite_session(cite: str, sc: bool) -> int:
    m = re.match(r"\d+ \((\d{4})\)" if sc else r"(\d+)/", cite)
    return (to_int(m.group(1), 0) or 0) if m else 0


def _citation(adopted_symbol: str, adoption_date: dt.date | None, sc: bool) -> str:
    """'80/70 of 1 December 2025' (GA style) or '2719 (2023)' (SC style) from the adopted symbol."""
    symbol = adopted_symbol.strip()
    if sc:
        m = re.search(r"(\d{1,5})\s*\((\d{4})\)", symbol)
        if not m:
            raise InputError(
                say(
                    "'{symbol}' is not a Security Council resolution symbol like S/RES/2719 (2023)",
                    symbol=symbol,
                )
            )
        return f"{m.group(1)} ({m.group(2)})"
    m = re.search(r"(?:RES/)?(\d{1,3})/(\d{1,4}(?: [A-Z])?)$", symbol)
    if not m:
        raise InputError(say("'{symbol}' is not a resolution symbol like A/RES/80/70", symbol=symbol))
    number = f"{m.group(1)}/{m.group(2)}"
    return f"{number} of {format_date(adoption_date)}" if adoption_date else number


# --- rollover -------------------------------------------------------------------------------------------


@dataclass
class _Rollover:
    res: Resolution
    changes: list[RolloverChange] = field(default_factory=list)

    def header(self, name: str, value: Any, description: str) -> None:
        before = getattr(self.res.header, name)
        if before == value:
            return
        setattr(self.res.header, name, value)
        self.changes.append(
            RolloverChange("header", description, field=f"header.{name}", before=before, after=value)
        )

    def replace(
        self,
        para: Paragraph | None,
        fname: str,
        start: int,
        before: str,
        after: str,
        kind: str,
        description: str,
    ) -> None:
        target: Any = self.res if para is None else para
        text = getattr(target, fname)
        setattr(target, fname, text[:start] + after + text[start + len(before) :])
        self.changes.append(
            RolloverChange(
                kind,
                description,
                paragraph_id=para.id if para else "",
                field=fname,
                before=before,
                after=after,
                start=start,
            )
        )


def _where(res: Resolution, para_id: str) -> str:
    for label, items in (("PP", res.preamble), ("OP", res.operative)):
        for i, top in enumerate(items, start=1):
            for node in top.walk():
                if node.id == para_id:
                    return f"{label}{i}"
    return say("the text")


def _session_words(n: int, *, language: str = "") -> str:
    """ "the eightieth session", "quatre-vingtième session": a session in the words of the message's language."""
    if not 0 < n < 1000:  # a damaged project
        return f"session {n}"
    lang = get_language(language)
    if lang.is_english:
        return f"the {ordinal_words(n)} session"
    line = lang.session_line(n)
    return line[:1].lower() + line[1:]


def rollover(
    res: Resolution, *, adoption_date: dt.date | None, adopted_symbol: str, template: str = ""
) -> tuple[Resolution, list[RolloverChange]]:
    """Next session's draft from an adopted resolution, and the list of automatic changes made.

    `adopted_symbol` is the base resolution's symbol ("A/RES/80/70"); `adoption_date` its adoption date (None
    when unknown: the citation then has no date and a review item says so); `template` the draft's organ
    template when the file's is not the right one (an A/RES adopted on a committee's report).
    """
    new = copy.deepcopy(res)  # ids stay: the compare against the base pairs paragraphs by them
    work = _Rollover(new)
    tpl_id = template or new.header.template
    tpl = get_template(tpl_id)
    work.header("template", tpl.id, say("Organ template: {name}", name=tpl.named()))
    step = 1
    if tpl.uses_year:
        # an adopted text's heading gives no draft year (S/RES/898 (1994)): its adoption year is the one to move on
        year = new.header.year or (adoption_date.year if adoption_date else None)
        if year:
            work.header("year", year + 1, say("Year moved on to {year}", year=str(year + 1)))
    elif new.header.session:
        n = new.header.session + 1
        work.header("session", n, say("Session moved on to {ordinal}", ordinal=Phrase(_session_words, (n,))))
    work.header("symbol", "", say("Symbol cleared: the Secretariat assigns the new L number"))
    work.header("revision", 0, say("Revision number cleared"))
    work.header("date", None, say("Date cleared: it is the date of issue"))
    work.header("sponsors", [], say("Sponsors cleared: sponsorship is collected again each session"))
    work.header("on_behalf_of", "", say("'On behalf of' group cleared"))
    work.header("kind", DocumentKind.DRAFT_RESOLUTION, say("Document kind: draft resolution"))
    work.header("job_number", "", say("Job number cleared"))
    for item in new.header.agenda_items:
        work.changes.append(
            RolloverChange(
                "review",
                say("Agenda item {item} kept: check its number and title in the new agenda", item=item.label),
                field="header.agenda_items",
            )
        )

    if not tpl.uses_year:
        language = "" if get_language(new.header.language).is_english else new.header.language
        regexes = session_regexes(_config(), tpl.id, language)
        for part_label, items in (("PP", new.preamble), ("OP", new.operative)):
            for i, top in enumerate(items, start=1):
                for node in top.walk():
                    for fname in ("opener", "text", "tail"):
                        text = getattr(node, fname)
                        for start, before, after in reversed(shift_sessions(text, regexes, step, language)):
                            work.replace(
                                node,
                                fname,
                                start,
                                before,
                                after,
                                "session",
                                say(
                                    "{place}: “{before}” → “{after}” (session)",
                                    place=f"{part_label}{i}",
                                    before=before,
                                    after=after,
                                ),
                            )
        # changes were made back to front inside each field; list them in reading order
    _cite_base(work, tpl.citation_style == "sc", adopted_symbol, adoption_date)
    if adoption_date is None:
        work.changes.append(
            RolloverChange(
                "review",
                say(
                    "The adoption date of {symbol} is not known: add it to the citation",
                    symbol=adopted_symbol,
                ),
            )
        )
    work.changes = _reading_order(new, work.changes)
    return new, work.changes


def _reading_order(res: Resolution, changes: list[RolloverChange]) -> list[RolloverChange]:
    order = {node.id: i for i, (_, node) in enumerate(res.paragraphs())}

    def key(c: RolloverChange) -> tuple[int, int, int]:
        if not c.paragraph_id and c.paragraph is None:
            return (0, 0, 0)
        pid = c.paragraph.id if c.paragraph is not None else c.paragraph_id
        return (1, order.get(pid, len(order)), c.start)

    return sorted(changes, key=key)


def _cite_base(work: _Rollover, sc: bool, adopted_symbol: str, adoption_date: dt.date | None) -> None:
    """Put the base resolution in the citation chain of the preamble."""
    res = work.res
    citation = _citation(adopted_symbol, adoption_date, sc)
    number = citation.split(" of ")[0]
    wording = _config()["citation"].get(res.header.language)
    if not get_language(res.header.language).is_english and isinstance(wording, dict):
        _cite_in_language(work, wording, number, adoption_date if not sc else None)
        return
    chain_re = _SC_CHAIN if sc else _GA_CHAIN
    best: tuple[int, Paragraph, re.Match[str]] | None = None
    for top in res.preamble:
        for node in top.walk():
            for m in chain_re.finditer(node.text):
                cites = _cites(m.group(2), sc)
                if any(c.split(" of ")[0] == number for c in cites):
                    return  # already cited
                latest = max(_cite_session(c, sc) for c in cites)
                if best is None or latest > best[0]:
                    best = (latest, node, m)
    if best is None:
        opener = _config()["citation"]["opener"]
        para = Paragraph(opener=opener, text=f"its resolution {inline.escape(citation)}")
        index = 0
        for i, top in enumerate(res.preamble):
            if top.opener.lower().startswith(("recall", "reaffirm")):
                index = i + 1
        res.preamble.insert(index, para)
        work.changes.append(
            RolloverChange(
                "citation",
                say(
                    "{place} added: “{opener} its resolution {citation}”",
                    place=f"PP{index + 1}",
                    opener=opener,
                    citation=citation,
                ),
                paragraph_id=para.id,
                before=None,
                after=para,
                paragraph=para,
                index=index,
            )
        )
        return
    _, node, m = best
    cites = _cites(m.group(2), sc)
    where = _where(res, node.id)
    if len(cites) == 1:
        before = m.group(0)
        after = f"its resolution {citation}"
        description = say(
            "{where}: cites {citation} instead of {cited}", where=where, citation=citation, cited=cites[0]
        )
    else:
        before = m.group(0)
        after = f"its resolutions {', '.join(cites)} and {citation}"
        description = say(
            "{where}: {citation} added to the resolutions it recalls", where=where, citation=citation
        )
    work.replace(node, "text", m.start(), before, after, "citation", description)


def _cite_in_language(work: _Rollover, wording: dict[str, Any], number: str, date: dt.date | None) -> None:
    """A French or Spanish draft's citation, as its language prints it ("Rappelant sa résolution 78/212 du 19
    décembre 2023"): a new paragraph after the last one recalling or reaffirming, unless the preamble already
    names the resolution (its chains are not merged: their wording is the language's own)."""
    res = work.res
    if any(
        re.search(rf"(?<![\d/]){re.escape(number)}(?![\d/])", node.text)
        for top in res.preamble
        for node in top.walk()
    ):
        return
    lang = get_language(res.header.language)
    text = (
        wording["dated"].format(number=number, date=lang.format_date(date))
        if date
        else wording["undated"].format(number=number)
    )
    para = Paragraph(opener=wording["opener"], text=inline.escape(text))
    index = 0
    for i, top in enumerate(res.preamble):
        if top.opener.lower().startswith(tuple(wording["after_openers"])):
            index = i + 1
    res.preamble.insert(index, para)
    work.changes.append(
        RolloverChange(
            "citation",
            say("{place} added: “{paragraph}”", place=f"PP{index + 1}", paragraph=f"{para.opener} {text}"),
            paragraph_id=para.id,
            before=None,
            after=para,
            paragraph=para,
            index=index,
        )
    )


# --- revisions ------------------------------------------------------------------------------------------


def revise(res: Resolution, *, today: dt.date | None = None) -> Resolution:
    """The next revision of an issued draft: /Rev.N+1, 'revised draft resolution' where the template says so,
    today's date. Paragraph ids stay, so the compare against the issued text pairs paragraphs by them."""
    new = copy.deepcopy(res)
    h = new.header
    h.revision = min(h.revision + 1, MAX_REVISION)  # past it, the project file would not open again
    h.date = today or dt.date.today()
    if h.kind is DocumentKind.DRAFT_RESOLUTION and h.template in _config()["revision"]["revised_label"]:
        h.kind = DocumentKind.REVISED_DRAFT_RESOLUTION
    return new
