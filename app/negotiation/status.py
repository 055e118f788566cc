"""Where each paragraph stands in the negotiation, and the brackets around disputed words.

A paragraph is open, agreed ad ref (ad referendum: subject to capitals' confirmation) or deleted by agreement;
every change of status is kept with its date, since an agreed paragraph can be reopened. A bracket is structure,
not typed characters: the disputed words of one field of a paragraph, with the alternatives on the table and
who holds each ("[extreme – US; G77 delete]" is the words "extreme" held by the US and the empty alternative
held by the G77). The L document cannot be made while a bracket is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from app import inline
from app.errors import InputError
from app.messages import listed, say, say_plural
from app.model import Paragraph, Resolution, new_id

MAX_STATUS_CHANGES = 10_000
"""How many changes of status a negotiation keeps in all: a text of 300 paragraphs each agreed and reopened a few
times keeps a thousand. Every step of a round copies the negotiation for undo, so a file of 400,000 changes
(29 MB) took 20 s a step; such a file is refused in one line, and a change past it in the editor."""


class Status(str, Enum):
    OPEN = "open"
    AGREED = "agreed ad ref"
    DELETED = "deleted by agreement"


@dataclass(frozen=True)
class StatusChange:
    status: Status
    date: dt.datetime
    note: str = ""  # "pending Egypt", "reopened at the request of ..."


@dataclass
class Alternative:
    text: str  # inline markup; "" : delete the words
    holders: list[str] = field(default_factory=list)  # delegations and groups that hold it


@dataclass
class Bracket:
    paragraph_id: str
    field: str  # "opener", "text" or "tail"
    words: str  # the bracketed words as they stand in the field (markup)
    alternatives: list[Alternative] = field(default_factory=list)
    occurrence: int = 0  # which occurrence of `words` in the field, when they occur more than once
    id: str = field(default_factory=new_id)

    def shown(self) -> str:
        """As a compilation prints it: "[extreme – US / (delete) – G77]"; "[words]" with no alternatives."""
        return self._shown(lambda markup: markup)

    def shown_plain(self, delete: str = "(delete)") -> str:
        """`shown` with the words as they read (no markup); `delete`: how a deletion is printed, in the draft's
        language (app.negotiation.printed)."""
        return self._shown(inline.plain, delete)

    def _shown(self, text_of, delete: str = "(delete)") -> str:
        if not self.alternatives:
            return f"[{text_of(self.words)}]"
        parts = []
        for alt in self.alternatives:
            text = text_of(alt.text) or delete
            parts.append(f"{text} – {', '.join(alt.holders)}" if alt.holders else text)
        return "[" + " / ".join(parts) + "]"


def current(history: list[StatusChange]) -> Status:
    return history[-1].status if history else Status.OPEN


def _field_value(para: Paragraph | None, bracket: Bracket) -> str:
    return getattr(para, bracket.field, "") if para is not None else ""


def locate(res: Resolution, bracket: Bracket, para: Paragraph | None = None) -> int | None:
    """Where the bracketed words start in their field now, or None when they are no longer there. `para`: the
    bracket's paragraph when the caller has it (no search of the draft)."""
    text = _field_value(para or res.find(bracket.paragraph_id), bracket)
    at = -1
    for _ in range(bracket.occurrence + 1):
        at = text.find(bracket.words, at + 1)
        if at < 0:
            return None
    return at


def make_bracket(
    res: Resolution,
    paragraph_id: str,
    words: str,
    alternatives: list[Alternative],
    *,
    field_name: str = "text",
    occurrence: int = 0,
) -> Bracket:
    """A bracket around `words` of a paragraph's field. Raises InputError when they are not there."""
    bracket = Bracket(paragraph_id, field_name, words, alternatives, occurrence)
    if not words or locate(res, bracket) is None:
        raise InputError(say("“{words}” is not in that paragraph", words=words))
    return bracket


def resolve(res: Resolution, bracket: Bracket, text: str, para: Paragraph | None = None) -> None:
    """Put `text` (an alternative, or the facilitator's wording) in place of the bracketed words. `para`: the
    bracket's paragraph when the caller has it."""
    para = para or res.find(bracket.paragraph_id)
    at = locate(res, bracket, para)
    if at is None:
        raise InputError(
            say("the bracketed words “{words}” are no longer in the paragraph", words=bracket.words)
        )
    value = getattr(para, bracket.field)
    setattr(para, bracket.field, value[:at] + text + value[at + len(bracket.words) :])


def bracket_places(brackets: list[Bracket], labels: dict[str, str]) -> list[str]:
    return list(
        dict.fromkeys(labels.get(b.paragraph_id) or "a paragraph" for b in brackets)
    )  # "" is no label


def refuse_brackets(res: Resolution) -> None:
    """The L document is made only from a text without brackets: one clear line otherwise."""
    negotiation = getattr(res, "negotiation", None)
    if negotiation is None or not negotiation.brackets:
        return
    from app.negotiation.numbering import assign

    places = bracket_places(negotiation.brackets, assign(res, negotiation.labels))
    n = len(negotiation.brackets)
    raise InputError(
        say_plural(
            n,
            "the text still has {count} bracket ({places}): resolve them before making the L document",
            "the text still has {count} brackets ({places}): resolve them before making the L document",
            places=listed(places),
        )
    )
