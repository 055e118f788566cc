"""Citations of resolutions and decisions (un-conventions.md 4.1), and footnote reference placement (4.2).

GA style: "its resolution 72/42 of 4 December 2017" (the date at the first mention), "resolutions 68/247 A and
68/248 A, both of 27 December 2013", "resolution 217 A (III)". SC style: "resolution 1325 (2000)".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from app.conventions.base import DocumentContext, Node, add, finding, settings
from app.findings import Finding, Fix, Severity
from app.formatting import MONTHS
from app.inline import plain_text
from app.messages import say

_DIGIT = re.compile(r"\d")  # a cheap gate: most paragraphs cite nothing

_MONTH = "(?:" + "|".join(MONTHS) + ")"
# a date in the US form ("December 15, 1998") is still a date given: dates.format asks for the UN form
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},\s+\d{{4}})"
# "31/16 A", "31/6 A and B", "3419 A to D", "53/77 AA"
_PARTS = r"(?:\s+[A-Z]{1,2}(?:\s+(?:and|to)\s+[A-Z]{1,2})?(?![\w/]))?"
_REF = re.compile(
    r"(?P<ga>(?:S-|ES-)?\d{1,4}/\d{1,4}(?![\d/])" + _PARTS + ")"
    r"|(?P<old>\d{1,4}" + _PARTS + r"\s*\((?:[IVXL]+)\))"
    r"|(?P<sc>\d{1,4}(?P<gap>\s*)\((?P<year>\d{4})\))"
    r"|(?P<bare>\d{1,4}(?![\d/.,]\d))"
)
_KEYWORD = re.compile(r"\b(?P<kind>[Rr]esolutions?|[Dd]ecisions?)\s+(?=(?:S-|ES-)?\d)")
_ORGAN = re.compile(
    r"(?P<organ>Security Council|General Assembly|Human Rights Council|Economic and Social Council|Council"
    r"|Assembly|its|their|the)\s+(?:draft\s+)?$"
)
_QUALIFIER = re.compile(r"(?<!General )(?<!Security )\b[A-Z][\w-]+\s+$")
_OTHER_ORGAN = "another organ"
# an organ named just before "in its resolution": "its" is that organ's, not the Assembly's
_NAMED_ITS = re.compile(
    r"(?P<organ>Security Council|Human Rights Council|Economic and Social Council)\s*,?\s+(?:in|by|through)\s+its\s+"
    r"(?:draft\s+)?$"
)
_ENTITLED = re.compile(r"(?:\s*,)?\s+entitled\s+[“\"]")  # no two space repeats side by side: quadratic
_SEP = re.compile(r"\s*(?:,\s*and|,|and|to)\s+(?=(?:S-|ES-)?\d)")
# "59/111of 6 December 2004": PDF text may lose the space before "of"
# "45/248 B, section VI, of 21 December 1990": the section cited stands between the number and the date
_DATED = re.compile(rf"(?:,\s+(?:section|part|chapter)\s+[\w.]+,)?(?:\s*,)?\s*of\s+{_DATE}")
_SHARED_DATE = re.compile(rf",?\s+(?:both|all)\s+of\s+{_DATE}")
# "…, adopted on 3 May 2019", or for another body's resolutions its session: "resolution 4/10 on …, adopted during
# its fourth session" (the Environment Assembly's resolutions are cited so)
_ADOPTED_ON = re.compile(
    rf"[^;.]{{0,60}}?\badopted\b[^;.]{{0,40}}?\b(?:on\s+{_DATE}|(?:at|during)\s+(?:its|the)\s+[\w-]+\s+session)"
)
# the date given before the citation in the same clause: "the adoption on 16 June 2025 of its resolution 79/293",
# "the convening of the Summit … on 22 and 23 September 2024 …, at which resolution 79/1 … was adopted"
_DAYS = r"\d{1,2}(?:(?:\s+(?:and|to)\s+|\s*[-–]\s*)\d{1,2})?"
_DATED_BEFORE = re.compile(
    rf"\bon\s+{_DAYS}\s+{_MONTH}\s+\d{{4}}\b[^;.]{{0,100}}?"
    r"(?:\bof|\bat which|\bwhere)\s+(?:(?:its|the)\s+)?(?:General Assembly\s+)?$"
)


@dataclass(frozen=True)
class Ref:
    kind: str  # "ga" (78/45), "old" (217 A (III)), "sc" (1325 (2000)), "bare" (1325)
    key: str  # normalized, for first mentions: "78/45"
    start: int  # plain offsets
    end: int
    organ: str  # "Security Council", "its", "" ...
    dated: bool
    is_decision: bool
    year: int = 0
    gap: str = " "
    lead: int = 0  # where its keyword ("resolution", "resolutions") starts
    quoted: bool = False  # in a quoted title: “Review of … resolution 67/290 …”

    @property
    def first_mention_checked(self) -> bool:
        """A GA resolution in session/number form, cited in the text's own words: its first mention takes a
        date. The Assembly numbers resolutions so from its thirty-first session (1976) on: "5/14" or "4/6" is
        another body's (the Environment Assembly's), as are those in a quoted title."""
        if self.kind != "ga" or self.is_decision or self.quoted:
            return False
        session = self.key.split("/")[0]
        return not session.isdigit() or int(session) >= FIRST_NUMBERED_SESSION


FIRST_NUMBERED_SESSION = 31
# A resolution named for a provision of it or for the mandate it gave ("paragraph 8 of its resolution 75/252",
# "the annex to its resolution 61/275", "established pursuant to resolution 61/72"): issued texts often leave
# the date out there, so an undated first mention in such a place is a suggestion, not a warning
_IN_PASSING = re.compile(
    r"(?:\b(?:paragraphs?|sections?|parts?|chapters?|annex(?:es)?)\b[^;:“”]{0,40}?\b(?:of|to)"
    r"|\b(?:pursuant to|mandated by|(?:established|convened) (?:by|under)|in accordance with|(?:set out|outlined"
    r"|approved|specified|requested|contained) in|annexed to))"
    r"\s+(?:the\s+)?(?:General\s+)?(?:Assembly\s+)?(?:by\s+)?(?:its\s+)?$"
)
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def scan(plain: str) -> list[Ref]:
    """Every resolution or decision cited in a plain text, in order."""
    text = plain
    out: list[Ref] = []
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)] if "“" in text or '"' in text else []
    for kw in _KEYWORD.finditer(text):
        before = _ORGAN.search(text, max(0, kw.start() - 40), kw.start())
        organ = before.group("organ") if before else ""
        if (
            organ == "its" and before is not None
        ):  # "endorsed by the Economic and Social Council in its resolution"
            named = _NAMED_ITS.search(text, max(0, before.start() - 60), before.end())
            organ = named.group("organ") if named else organ
        if (
            before
            and organ in ("Assembly", "Council")
            and _QUALIFIER.search(text, max(0, before.start() - 40), before.start())
        ):
            organ = _OTHER_ORGAN  # the World Health Assembly, the Environment Assembly, a Governing Council
        if text[max(0, kw.start() - 6) : kw.start()].lower().endswith("draft "):
            continue  # draft resolution A/C.3/78/L.41 is a symbol, handled elsewhere
        is_decision = kw.group("kind").lower().startswith("decision")
        pos = kw.end()
        group: list[Ref] = []
        while True:
            m = _REF.match(text, pos)
            if not m:
                break
            kind = next(k for k in ("ga", "old", "sc", "bare") if m.group(k))
            end = m.end()
            end_date = _DATED.match(text, end)
            dated = bool(end_date) or _dated_after_title(text, end)
            after = end_date.end() if end_date else end
            key = re.sub(r"\s+", " ", m.group(0))
            group.append(
                Ref(
                    kind=kind,
                    key=key,
                    start=m.start(),
                    end=m.end(),
                    organ=organ,
                    dated=dated,
                    is_decision=is_decision,
                    year=int(m.group("year")) if m.group("year") else 0,
                    gap=m.group("gap") if m.group("gap") is not None else " ",
                    lead=kw.start(),
                    quoted=_inside(quotes, m.start()),
                )
            )
            sep = _SEP.match(text, after)
            one = not kw.group("kind").lower().endswith("s")
            if not sep or _no_citation_after(text, sep, kind, one):
                pos = after
                break
            pos = sep.end()
        group = _share_dates(group)
        dated_before = _DATED_BEFORE.search(text[max(0, kw.start() - 200) : kw.start()])
        if group and (_SHARED_DATE.match(text, pos) or _ADOPTED_ON.match(text, pos) or dated_before):
            group = [Ref(**{**r.__dict__, "dated": True}) for r in group]
        out.extend(group)
    return out


_TITLE_CHARS = 300  # how far a quoted title may run before its closing quote


def _dated_after_title(text: str, end: int) -> bool:
    """A title does not date a resolution, a date after it does: "resolution 72/241, entitled “A world against
    violence and violent extremism”, adopted by consensus on 20 December 2017"."""
    entitled = _ENTITLED.match(text, end)
    if not entitled:
        return False
    close = next(
        (i for i in (text.find(q, entitled.end(), entitled.end() + _TITLE_CHARS) for q in '”"') if i >= 0), -1
    )
    return close >= 0 and bool(_ADOPTED_ON.match(text, close + 1) or _DATED.match(text, close + 1))


# what follows a list of resolutions without being one: a paragraph of another ("paragraph 10 of resolution 2362
# (2017) and 11 of resolution 2441 (2018)"), a count after an SC citation ("established in resolution 1990 (2011)
# to 345 police personnel": a range of SC resolutions gives both years)
_PARAGRAPH_OF = re.compile(r"\d{1,4}\s+of\s+(?:its\s+|the\s+)?(?:resolutions?|decisions?)\b")
_COUNT = re.compile(r"\d{1,4}(?![\d/])(?!\s*\()")


def _no_citation_after(text: str, sep: re.Match[str], kind: str, one: bool = False) -> bool:
    """Whether the number after a separator in a list of citations is no resolution of the list. `one`: the
    keyword cites one resolution ("resolution", not "resolutions")."""
    if _PARAGRAPH_OF.match(text, sep.end()):
        return True
    if kind == "sc" and one and _MARKER_AT_END.match(text, sep.end()):
        return True  # "pursuant to paragraph 26 of resolution 687 (1991), 85": a note's marker ends the paragraph
    return kind == "sc" and sep.group(0).strip() == "to" and bool(_COUNT.match(text, sep.end()))


# a number alone at the end of a paragraph, after "resolution 687 (1991), ": the marker of a note the text lost
# (the Council's annual volumes print one there; their notes are not in every copy of the text)
_MARKER_AT_END = re.compile(r"\d{1,3}\s*$")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` falls in one of the sorted, disjoint `spans`."""
    i = bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _share_dates(group: list[Ref]) -> list[Ref]:
    """'resolutions 59/2 of 20 October 2004, 61/110 and 61/111 of 14 December 2006': a date after a run of
    undated GA resolutions dates the whole run, also where the run ends with a Security Council resolution
    adopted the same day ('substantively identical resolutions 70/262 and 2282 (2016) of 27 April 2016')."""
    out = list(group)
    dated_after = False
    for i in range(len(out) - 1, -1, -1):
        ref = out[i]
        if ref.dated:
            dated_after = ref.kind in ("ga", "sc")
        elif dated_after and ref.kind == "ga":
            out[i] = Ref(**{**ref.__dict__, "dated": True})
        else:
            dated_after = False
    return out


def mentions(node: Node) -> list[tuple[str, Ref]]:
    """(field, ref) for the GA-style resolutions a paragraph cites, in reading order of its own fields."""
    out = []
    for name in ("opener", "text", "tail"):
        markup = getattr(node.para, name)
        if not markup or not _DIGIT.search(markup):
            continue
        for ref in scan(plain_text(markup).text):
            if ref.first_mention_checked:
                out.append((name, ref))
    return out


def check(node: Node, ctx: DocumentContext) -> list[Finding]:
    out: list[Finding] = []
    sc_style = ctx.template.citation_style == "sc"
    this_year = dt.date.today().year
    for name in ("opener", "text", "tail"):
        markup = getattr(node.para, name)
        if not markup:
            continue
        ft = plain_text(markup)
        if _DIGIT.search(ft.text):
            for ref in scan(ft.text):
                span = ft.span(ref.start, ref.end)
                council = ref.kind == "bare" and _council_context(ft.text, ref)
                sc_ref = (
                    ref.organ == "Security Council"
                    or (sc_style and ref.organ in ("", "its", "Council"))
                    or council
                )
                if (
                    ref.first_mention_checked
                    and not sc_style
                    and ref.organ != _OTHER_ORGAN
                    and ref.organ not in settings().undated_organs
                ):
                    first = ctx.first_mentions.get(ref.key)
                    if first == (node.para.id, name, ref.start) and not ref.dated:
                        passing = _IN_PASSING.search(ft.text, max(0, ref.lead - 80), ref.lead)
                        add(
                            out,
                            finding(
                                "citations.first-mention-date",
                                Severity.INFO if passing else Severity.WARNING,
                                say(
                                    "At its first mention, give the date of adoption: 'resolution {key} of [day month year]'.",
                                    key=ref.key,
                                ),
                                paragraph_id=node.para.id,
                                field=name,
                                span=span,
                            ),
                        )
                if not sc_ref or ref.is_decision:
                    continue
                if ref.kind == "sc" and ref.gap != " ":
                    number = ref.key.split("(")[0].strip()
                    good = f"{number} ({ref.year})"
                    add(
                        out,
                        finding(
                            "citations.sc-reference",
                            Severity.ERROR,
                            say(
                                "A Security Council resolution is cited as '{good}': number, space, year in brackets.",
                                good=good,
                            ),
                            paragraph_id=node.para.id,
                            field=name,
                            span=span,
                            fix=Fix(say("Write '{good}'", good=good), name, span, good),
                        ),
                    )
                elif ref.kind == "sc" and not 1946 <= ref.year <= this_year + 1:
                    add(
                        out,
                        finding(
                            "citations.sc-reference",
                            Severity.ERROR,
                            say(
                                "{year} is not a possible year for a Security Council resolution.",
                                year=str(ref.year),
                            ),
                            paragraph_id=node.para.id,
                            field=name,
                            span=span,
                        ),
                    )
                elif (
                    (ref.kind in ("bare", "ga", "old") and ref.organ == "Security Council")
                    or (sc_style and ref.kind == "bare")
                    or council
                ):
                    add(
                        out,
                        finding(
                            "citations.sc-reference",
                            Severity.WARNING
                            if council and ref.organ != "Security Council"
                            else Severity.ERROR,
                            say(
                                "Security Council resolutions are cited with the year of adoption in brackets, as in "
                                "'resolution 1325 (2000)'; '{key}' has none.",
                                key=ref.key,
                            ),
                            paragraph_id=node.para.id,
                            field=name,
                            span=span,
                        ),
                    )
        out += _footnote_placement(node, name, markup)
    return out


# the Security Council named earlier in the same sentence, no other organ between: "all Security Council
# resolutions …, including resolution 2286 of 3 May 2016" cites a Council resolution without its year
_COUNCIL_BEFORE = re.compile(
    r"\bSecurity Council\b(?:(?!Assembly|Economic and Social|Human Rights|[;.])[^;.]){0,200}$"
)


def _council_context(text: str, ref: Ref) -> bool:
    """A bare number of three or four digits cited after the Security Council in the same sentence, by no other
    organ ("in its resolution 2334", "Council resolution 1566" refer back to it): a Council resolution (a General
    Assembly one has a session, "2625 (XXV)" or "70/1")."""
    number = ref.key.split()[0]
    if not 3 <= len(number) <= 4 or ref.organ not in ("", "the", "its", "Council"):
        return False
    return "Security Council" in text and bool(_COUNCIL_BEFORE.search(text, max(0, ref.lead - 220), ref.lead))


# a run of references, matched whole and then followed by a look at the next character: a pattern that asked
# for the punctuation itself would rescan a long run of references from each one
_REF_RUN = re.compile(r"(?:\[\^[A-Za-z0-9_-]+\])+")


def _footnote_placement(node: Node, name: str, markup: str) -> list[Finding]:
    """EM-FN9: in English the footnote indicator goes after the punctuation mark."""
    out: list[Finding] = []
    if "[^" not in markup:
        return out
    for m in _REF_RUN.finditer(markup):
        refs, mark = m.group(0), markup[m.end() : m.end() + 1]
        if not mark or mark not in ",;:.":
            continue
        add(
            out,
            finding(
                "citations.footnote-placement",
                Severity.WARNING,
                say("A footnote reference goes after the punctuation mark, not before it."),
                paragraph_id=node.para.id,
                field=name,
                span=(m.start(), m.end() + 1),
                fix=Fix(
                    say("Move the footnote after the punctuation"),
                    name,
                    (m.start(), m.end() + 1),
                    mark + refs,
                ),
            ),
        )
    return out
