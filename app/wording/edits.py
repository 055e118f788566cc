"""Changes inside a paragraph: the phrases ("after “X”, insert “Y”", "replace “X” with “Y”", "delete “X”") and
the edits of a word diff, each named by the fewest words before it that occur once in the base text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.compare.diff import DELETE, EQUAL, INSERT, Segment
from app.model import Action
from app.wording.words import amendment_words, quote


def edit_phrase(action: Action, *, old: str = "", new: str = "", after: str = "", language: str = "") -> str:
    """One change inside a paragraph: "after “X”, insert “Y”", "replace “X” with “Y”", "delete “X”"."""
    t = amendment_words(language)
    if t:
        q = {"old": quote(old, language), "new": quote(new, language), "after": quote(after, language)}
        q["where"] = t["edit_where"].format(**q) if after else ""
        if action is Action.INSERT:
            return t["edit_insert_after" if after else "edit_insert_before"].format(**q)
        return t["edit_replace" if action is Action.REPLACE else "edit_delete"].format(**q)
    where = f" after {quote(after)}" if after else ""
    if action is Action.INSERT:
        return (
            f"after {quote(after)}, insert {quote(new)}"
            if after
            else f"before {quote(old)}, insert {quote(new)}"
        )
    if action is Action.REPLACE:
        return f"replace {quote(old)}{where} with {quote(new)}"
    return f"delete {quote(old)}{where}"


@dataclass(frozen=True)
class Edit:
    """One change inside a paragraph's text (see `edit_phrase`)."""

    action: Action
    old: str = ""
    new: str = ""
    after: str = ""

    @property
    def phrase(self) -> str:
        return self.phrase_in("")

    def phrase_in(self, language: str) -> str:
        return edit_phrase(self.action, old=self.old, new=self.new, after=self.after, language=language)


_PUNCT_ONLY = re.compile(r"^[\s,;:.]*$")
_MAX_CONTEXT = 8
_CONTEXT_REACH = 1_000  # characters looked back for the words of a context
_COUNTS_PER_TEXT = 40  # searches of the whole text for one paragraph's contexts; past that, the longest


def _context_before(base: str, at: int, searches: list[int]) -> str:
    """The fewest words before `at` that occur once in the base text. `searches` holds how many more whole-text
    searches this paragraph may spend (a paragraph with thousands of edits would else cost their number times
    its length); without any left, the longest context is given, which names the place as surely."""
    start = max(0, at - _CONTEXT_REACH)
    words = list(re.finditer(r"\S+", base[start:at]))
    if start and words and words[0].start() == 0:
        words = words[1:]  # cut by the window: not a whole word
    for n in range(2, _MAX_CONTEXT + 1):
        if n > len(words) or searches[0] <= 0:
            break
        snippet = base[start + words[-n].start() : at].strip()
        searches[0] -= 1
        if base.count(snippet) == 1:
            return snippet
    return base[start + words[-min(len(words), _MAX_CONTEXT)].start() : at].strip() if words else ""


def _join_close_edits(segments: list[Segment]) -> list[Segment]:
    """Two edits one or two words apart read better as one replacement."""
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        close = (
            0 < i < len(segments) - 1
            and seg.op == EQUAL
            and not seg.footnote
            and len(seg.text.split()) <= 2
            and seg.text.strip()
            and segments[i - 1].op != EQUAL
            and segments[i + 1].op != EQUAL
        )
        out += [Segment(DELETE, seg.text), Segment(INSERT, seg.text)] if close else [seg]
    # deletions first, then insertions, inside each run of changes
    result: list[Segment] = []
    run: list[Segment] = []
    for seg in [*out, Segment(EQUAL, "")]:
        if seg.op != EQUAL:
            run.append(seg)
            continue
        result += [s for s in run if s.op == DELETE] + [s for s in run if s.op == INSERT]
        run = []
        result.append(seg)
    return result[:-1]


def segment_edits(segments: list[Segment], *, punctuation: bool = False) -> list[Edit]:
    """The changes of a word diff as edits named by their context in the base text. `punctuation` False:
    changes of punctuation alone are left out (they follow from the structure when read out)."""
    base = "".join(s.text for s in segments if s.op != INSERT)
    out: list[Edit] = []
    pos = 0  # offset in the base text
    i = 0
    segs = _join_close_edits(segments)
    searches = [_COUNTS_PER_TEXT]
    while i < len(segs):
        seg = segs[i]
        if seg.op == EQUAL:
            pos += len(seg.text)
            i += 1
            continue
        gone: list[str] = []
        came: list[str] = []
        while i < len(segs) and segs[i].op != EQUAL:
            (gone if segs[i].op == DELETE else came).append(segs[i].text)
            i += 1
        deleted, inserted = "".join(gone), "".join(came)
        start = pos
        pos += len(deleted)
        if not punctuation and _PUNCT_ONLY.match(deleted) and _PUNCT_ONLY.match(inserted):
            continue
        if not deleted.strip():
            if start == 0 or not base[:start].strip():
                out.append(Edit(Action.INSERT, old=" ".join(base[start:].split()[:3]), new=inserted.strip()))
            else:
                out.append(
                    Edit(Action.INSERT, new=inserted.strip(), after=_context_before(base, start, searches))
                )
        else:
            searches[0] -= 1
            unique = searches[0] >= 0 and base.count(deleted.strip()) == 1
            where = "" if unique else _context_before(base, start, searches)
            action = Action.REPLACE if inserted.strip() else Action.DELETE
            out.append(Edit(action, old=deleted.strip(), new=inserted.strip(), after=where))
    return out
