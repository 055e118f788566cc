"""Negotiation steps as undoable commands on an open document (`app.edits.Document`).

Each command works on a copy of the text with its negotiation and swaps it in with `app.edits.replace_document`,
so a decision, a status, a bracket or a revision is one entry in the document's undo history like any edit.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Sequence

from app.edits import Document, replace_document
from app.errors import InputError
from app.history import Change
from app.messages import listed, say
from app.model import Resolution
from app.negotiation import merging, rounds
from app.negotiation.proposals import Proposal
from app.negotiation.status import Alternative, Status, make_bracket, resolve
from app.negotiation.table_parts import part_edits, split_target


def _negotiation(res: Resolution) -> rounds.Negotiation:
    if res.negotiation is None:
        raise InputError(say("this text is not under negotiation: start the negotiation first"))
    return res.negotiation


def _swap(doc: Document, label: str, step: Callable[[Resolution], Resolution | None]) -> Change:
    work = copy.deepcopy(doc.resolution)
    result = step(work)
    return replace_document(doc, resolution=result if result is not None else work, label=label)


def start_negotiation(doc: Document, *, facilitator: str = "", date: dt.datetime | None = None) -> Change:
    if doc.resolution.negotiation is not None:
        raise InputError(say("this text is already under negotiation"))

    def step(res: Resolution) -> None:
        rounds.start(res, facilitator=facilitator, date=date)

    return _swap(doc, say("Start negotiation"), step)


def with_edits(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals that have an edit (one without would show nowhere, its proposer named among the
    proposers all the same). When none has one (a copy sent back unchanged, the wrong file, a tracked file whose
    authors' marks cancel out) it is refused in one line, or the facilitator would not know."""
    empty = next((p for p in proposals if not p.edits), None)
    proposals = [p for p in proposals if p.edits]
    if empty is not None and not proposals:
        raise InputError(
            say(
                "the text of {proposer} is the same as {version}: there is no proposal to add",
                proposer=empty.proposer,
                version=empty.base_version
                if empty.base_version not in ("", rounds.ZERO_DRAFT)
                else say("the zero draft"),
            )
        )
    return proposals


def add_proposals(doc: Document, proposals: list[Proposal]) -> Change:
    """Add delegations' proposals, leaving out any without an edit (`with_edits`)."""
    proposals = with_edits(proposals)

    def step(res: Resolution) -> None:
        rounds.add_proposals(_negotiation(res), copy.deepcopy(proposals))

    names = listed(list(dict.fromkeys(p.proposer for p in proposals)))
    return _swap(doc, say("Add proposals ({names})", names=names), step)


def accept(doc: Document, *, proposal_id: str, target: str | Sequence[str]) -> Change:
    """Accept the proposal at `target`: a place, or a table's parts (the cells selected: `table_parts`), taken
    together as the merge takes them, one step to undo."""
    neg = _negotiation(doc.resolution)
    proposer = neg.proposal(proposal_id).proposer
    if not isinstance(target, str):
        return _swap(
            doc,
            say("Accept {proposer}", proposer=proposer),
            lambda res: _accept_parts(res, proposal_id, target),
        )

    def step(res: Resolution) -> Resolution:
        out = rounds.accepted_text(_negotiation(res), res, proposal_id, target)
        rounds.decide(_negotiation(out), proposal_id, target, rounds.ACCEPT)
        return out

    return _swap(doc, say("Accept {proposer}", proposer=proposer), step)


def _accept_parts(res: Resolution, proposal_id: str, targets: Sequence[str]) -> None:
    """A table's parts of one proposal accepted in place: their edits applied at once on the table as it reads,
    each part then decided."""
    neg = _negotiation(res)
    proposal = neg.proposal(proposal_id)
    wanted = {id(e) for t in targets for e in part_edits(proposal, t)}
    if not wanted:
        raise InputError(say("{proposer} proposes nothing there", proposer=proposal.proposer))
    tables = dict.fromkeys(split_target(t)[0] for t in targets)
    for table in tables:
        rounds.accept_into(neg, res, proposal_id, table, keep=lambda _p, e: id(e) in wanted)
    for t in targets:
        rounds.decide(neg, proposal_id, t, rounds.ACCEPT)


def reject(doc: Document, *, proposal_id: str, target: str | Sequence[str]) -> Change:
    """Reject the proposal at `target`: a place, or a table's parts (the cells selected), one step to undo."""
    proposer = _negotiation(doc.resolution).proposal(proposal_id).proposer
    targets = [target] if isinstance(target, str) else list(target)

    def step(res: Resolution) -> None:
        for each in targets:
            rounds.decide(_negotiation(res), proposal_id, each, rounds.REJECT)

    return _swap(doc, say("Reject {proposer}", proposer=proposer), step)


def merge(doc: Document, *, target: str, fields: dict[str, str], proposal_ids: list[str]) -> Change:
    """The facilitator's own wording of a paragraph, drawing on the proposals named."""

    def step(res: Resolution) -> None:
        para = res.find(target)
        if para is None:
            raise InputError(say("that paragraph is no longer in the text"))
        for name, value in fields.items():
            if name not in ("opener", "text", "tail"):
                raise InputError(say("cannot merge into {name}", name=name))
            setattr(para, name, value)
        for pid in proposal_ids:
            rounds.decide(_negotiation(res), pid, target, rounds.MERGE)

    return _swap(doc, say("Merge proposals"), step)


_MARKS = {
    Status.AGREED: say("Mark agreed ad ref"),
    Status.OPEN: say("Mark open"),
    Status.DELETED: say("Mark deleted by agreement"),
}


def set_status(doc: Document, *, paragraph_id: str, status: Status, note: str = "") -> Change:
    return _swap(
        doc,
        _MARKS[status],
        lambda res: rounds.set_status(_negotiation(res), paragraph_id, status, note=note),
    )


def add_bracket(
    doc: Document, *, paragraph_id: str, words: str, alternatives: list[Alternative], field_name: str = "text"
) -> Change:
    def step(res: Resolution) -> None:
        bracket = make_bracket(res, paragraph_id, words, alternatives, field_name=field_name)
        _negotiation(res).brackets.append(bracket)

    return _swap(doc, say("Bracket words"), step)


def resolve_bracket(doc: Document, *, bracket_id: str, text: str) -> Change:
    def step(res: Resolution) -> None:
        neg = _negotiation(res)
        bracket = next((b for b in neg.brackets if b.id == bracket_id), None)
        if bracket is None:
            raise InputError(say("no such bracket"))
        resolve(res, bracket, text)
        neg.brackets.remove(bracket)

    return _swap(doc, say("Resolve bracket"), step)


def issue_revision(doc: Document, *, date: dt.datetime | None = None, note: str = "") -> Change:
    def step(res: Resolution) -> None:
        rounds.issue_revision(_negotiation(res), res, date=date, note=note)

    return _swap(doc, say("Issue revision"), step)


def merge_revision(
    doc: Document, *, choices: merging.Choices, date: dt.datetime | None = None, note: str = ""
) -> Change:
    """Accept and reject every open proposal as `choices` say, resolve the brackets chosen, and issue the
    result as the next informal revision: one step, one undo."""
    neg = _negotiation(doc.resolution)
    name = f"Rev.{len(neg.revisions)}"
    out = merging.merge_into_revision(neg, doc.resolution, choices, date=date, note=note)
    return replace_document(doc, resolution=out, label=say("Merge into {name}", name=name))
