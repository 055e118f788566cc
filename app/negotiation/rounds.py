"""The negotiation of one text, kept with it in the project file: proposals, the facilitator's decisions,
paragraph status, brackets, negotiation labels, and every informal revision (zero draft, Rev.1, Rev.2 ...) with
its date, so that any two can be compared.

The working text is the resolution itself; `Revision` keeps a snapshot of it each time the facilitator issues
a revision. Decisions are taken paragraph by paragraph: accept a proposal's edits on a paragraph (they are
placed on the working text even when it has moved on, unless they touch words already changed: then the
facilitator merges by hand), merge (the facilitator's own wording, drawing on the proposals), or reject.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from app.errors import InputError
from app.messages import reason, say
from app.model import Paragraph, Resolution
from app.negotiation import numbering
from app.negotiation.compilation import Compilation, compile_text, mark_brackets
from app.negotiation.proposals import (
    CellEdit,
    DeleteParagraph,
    DeleteRow,
    Edit,
    FootnoteEdit,
    InsertParagraph,
    InsertRow,
    Proposal,
    TitleEdit,
    WordEdit,
    by_target,
    delete_all,
    edit_notes,
    edit_target,
    list_keys,
    place_after,
    set_title,
    splice,
    title_of,
    tokens,
    top_lists,
)
from app.negotiation.status import MAX_STATUS_CHANGES, Bracket, Status, StatusChange, current
from app.negotiation.table_parts import PART, open_edits, part_edits, split_target
from app.sequences import matching_blocks

ACCEPT, MERGE, REJECT = "accept", "merge", "reject"
ZERO_DRAFT = "zero draft"  # the name of the text a negotiation starts from (stored in project files)


@dataclass
class Revision:
    number: int  # 0 for the zero draft
    date: dt.datetime
    # the text as `app.storage.to_dict` writes it (without the negotiation); as read when the file damaged it
    text: Any
    note: str = ""

    @property
    def name(self) -> str:
        return ZERO_DRAFT if self.number == 0 else f"Rev.{self.number}"

    def resolution(self) -> Resolution:
        """The revision's text; a text damaged in the project file is refused in one line that says how to go
        on (a new revision is made from the working text, which does not read the damaged one)."""
        from app.storage import from_dict

        try:
            return from_dict(self.text)
        except InputError as exc:
            raise InputError(self.damage_message(reason(exc))) from None

    def damage_message(self, why: str) -> str:
        return say(
            "the negotiation's {name} is damaged in the project file ({why}): issue a revision to go on from "
            "the working text",
            name=self.name,
            why=why[:120],
        )


@dataclass
class Decision:
    proposal_id: str
    target: str  # the paragraph (or footnote) id the decision is about, as in `Proposal.targets`
    action: str  # ACCEPT, MERGE or REJECT
    date: dt.datetime
    revision: int  # the revision the decision goes into


@dataclass
class Negotiation:
    facilitator: str = ""
    proposals: list[Proposal] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    statuses: dict[str, list[StatusChange]] = field(default_factory=dict)  # by paragraph id
    brackets: list[Bracket] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # negotiation labels by paragraph id
    attributed: bool = True  # from some round on, proposals may be shown without their proposers
    _places: dict[str, int] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )  # see `proposal`
    _decided: tuple[int, dict[str, set[str]]] = field(
        default=(-1, {}), init=False, repr=False, compare=False
    )  # see `decided`

    @property
    def version(self) -> str:
        """The name of the latest revision: what new proposals are made against."""
        return self.revisions[-1].name if self.revisions else ZERO_DRAFT

    def proposal(self, proposal_id: str) -> Proposal:
        """The first proposal with this id. Found through an index of places, checked and built again when the
        list has changed: a merge looks up every proposal it accepts, and a search of the list for each made
        thousands of proposals cost their square."""
        at = self._places.get(proposal_id)
        if at is None or at >= len(self.proposals) or self.proposals[at].id != proposal_id:
            self._places = {}
            for i, p in enumerate(self.proposals):
                self._places.setdefault(p.id, i)
            at = self._places.get(proposal_id)
        if at is None:
            raise InputError(say("no such proposal"))
        return self.proposals[at]

    def status(self, paragraph_id: str) -> Status:
        return current(self.statuses.get(paragraph_id, []))

    def decided(self) -> dict[str, set[str]]:
        """Each proposal's id -> the targets decided on it (a table's parts too: app.negotiation.table_parts).
        Read once per decision added: a merge asks at every place, and a look through every decision each time
        was their product."""
        count, found = self._decided
        if count != len(self.decisions):
            found = {}
            for d in self.decisions:
                found.setdefault(d.proposal_id, set()).add(d.target)
            self._decided = (len(self.decisions), found)
        return found


def _now(date: dt.datetime | None) -> dt.datetime:
    return date or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _snapshot(res: Resolution) -> dict[str, Any]:
    from app.storage import to_dict

    plain = copy.copy(res)
    plain.negotiation = None
    return to_dict(plain)


def start(res: Resolution, *, facilitator: str = "", date: dt.datetime | None = None) -> Negotiation:
    """Begin negotiating `res` as the zero draft: its paragraphs take their negotiation labels."""
    neg = Negotiation(facilitator=facilitator)
    neg.revisions.append(Revision(0, _now(date), _snapshot(res)))
    neg.labels = numbering.assign(res, {})
    res.negotiation = neg
    return neg


def base_text(neg: Negotiation, version: str = "") -> Resolution:
    """The text of a revision by name (default: the latest)."""
    for rev in reversed(neg.revisions):
        if not version or rev.name == version:
            return rev.resolution()
    raise InputError(say("no revision called {version}", version=version))


def add_proposal(neg: Negotiation, proposal: Proposal) -> None:
    """One proposal: see `add_proposals`."""
    add_proposals(neg, [proposal])


def add_proposals(neg: Negotiation, proposals: list[Proposal]) -> None:
    """Add proposals; the paragraphs they propose take their label (OP 7 bis) now and keep it, so that a
    paragraph proposed as OP 7 ter stays OP 7 ter when accepted."""
    for proposal in proposals:
        if not proposal.base_version:
            proposal.base_version = neg.version
        if proposal.base_version not in {r.name for r in neg.revisions}:
            raise InputError(
                say(
                    "the proposal of {proposer} is against {version}, not a revision",
                    proposer=proposal.proposer,
                    version=proposal.base_version,
                )
            )
        neg.proposals.append(proposal)
    if any(
        p.base_version == neg.version and any(isinstance(e, InsertParagraph) for e in p.edits)
        for p in proposals
    ):
        for entry in compile_open(neg).entries:
            if entry.kind == "new" and entry.label and entry.rows is None:  # a table is named, not numbered
                neg.labels.setdefault(entry.paragraph_id, entry.label)


def open_proposals(neg: Negotiation) -> list[Proposal]:
    """The proposals on the latest revision with something still to decide, each with only what is still to
    decide: not its edits at a place accepted or rejected (the G77's words in OP 2 rejected, its OP 3 bis still
    open), nor the rows and cells of a table decided one at a time (a table whose every part is decided is
    decided)."""
    decided = neg.decided()
    out = []
    for p in neg.proposals:
        if p.base_version != neg.version:
            continue
        done = decided.get(p.id, set())
        left = open_edits(p, done)
        if left.targets() - done:
            out.append(_undecided(left, done))
    return out


def _undecided(proposal: Proposal, done: set[str]) -> Proposal:
    """The proposal without its edits at places decided already."""
    if not done & proposal.targets():
        return proposal
    return replace(proposal, edits=[e for e in proposal.edits if edit_target(e) not in done])


def compile_open(neg: Negotiation) -> Compilation:
    """The open proposals compiled on the latest revision, under the labels kept (no status, no brackets)."""
    base = base_text(neg)
    return compile_text(
        base, open_proposals(neg), labels=numbering.assign(base, neg.labels), base_version=neg.version
    )


def compilation(neg: Negotiation, res: Resolution) -> Compilation:
    """The compilation of the proposals made on the latest revision, with status. Reading only: the labels
    of proposed paragraphs are kept by `add_proposal` (an undoable step), not here."""
    from app.negotiation.printed import printed

    words = printed(res.header.language)  # a status and a deletion in the draft's language
    comp = compile_open(neg)
    for entry in comp.entries:
        state = neg.status(entry.paragraph_id)
        if entry.kind in ("paragraph", "new") and entry.label and state is not Status.OPEN:
            entry.status = words.get(state.value, state.value)
    mark_brackets(comp, neg.brackets, words["delete"])
    if not neg.attributed:
        for entry in comp.entries:
            entry.pieces = [p for p in entry.pieces if not (p.op == "tag" and p.text.strip() != "/")]
            entry.proposers = []
    return comp


# --- decisions --------------------------------------------------------------------------------------------


def _mapping(base: list[str], now: list[str]) -> dict[int, int]:
    return {i + k: j + k for i, j, n in matching_blocks(base, now) for k in range(n)}


def rebase(base_markup: str, now_markup: str, hunks: list[tuple[int, int, str, str]]) -> str:
    """Apply edits made against `base_markup` to the field as it is now; InputError when an edit touches words
    that changed since (the facilitator merges by hand)."""
    if base_markup == now_markup:
        return splice(now_markup, hunks)
    m_base = tokens(base_markup)
    m = _mapping(m_base, tokens(now_markup))
    moved = []
    for start, end, old, new in hunks:
        if end > start:
            span = [m.get(k) for k in range(start, end)]
            if None in span or span != list(range(span[0], span[0] + len(span))):  # type: ignore[arg-type]
                raise InputError(
                    say("the proposal touches words already changed in this paragraph: merge it by hand")
                )
            moved.append((span[0], span[-1] + 1, old, new))  # type: ignore[operator]
        else:  # an insertion: the words on both sides must still stand together
            before, after = m.get(start - 1), m.get(start)
            if start > 0 and before is None or start < len(m_base) and after is None:
                raise InputError(
                    say("the place of this proposal has changed in the paragraph: merge it by hand")
                )
            if before is not None and after is not None and after != before + 1:
                raise InputError(
                    say("words were already added at the place of this proposal: merge it by hand")
                )
            at = before + 1 if before is not None else after if after is not None else 0
            moved.append((at, at, old, new))
    return splice(now_markup, moved)


def accepted_text(neg: Negotiation, res: Resolution, proposal_id: str, target: str) -> Resolution:
    """The working text with one proposal's edits on one paragraph (or footnote, title, or proposed
    paragraph); `res` is not changed."""
    out = copy.deepcopy(res)
    accept_into(neg, out, proposal_id, target)
    return out


class Lookups:
    """What accepting place after place reads again and again, read once: each proposal's edits by place, the
    revision's paragraphs by id and the working text's. Paragraphs accepted as new or deleted are held back and
    placed all at once by `settle`, as `proposals.apply` places them: new ones after their anchors while every
    anchor is still there, then the deletions. A merge accepts at every place of a draft: finding each place by
    walking the whole text, or placing paragraphs one at a time, made it grow with the square of the draft."""

    def __init__(self, base: Resolution) -> None:
        self.base = base
        self._edits: dict[str, dict[str, list[Edit]]] = {}
        self._base_nodes: dict[str, Paragraph] | None = None
        self._out_nodes: dict[str, Paragraph] | None = None
        self._top_keys: set[str] | None = None
        self._inserts: list[InsertParagraph] = []
        self._deletes: list[str] = []
        self._held: set[str] = set()  # ids of the new paragraphs in `_inserts`

    def edits(self, proposal: Proposal, target: str) -> list[Edit]:
        if proposal.id not in self._edits:
            self._edits[proposal.id] = by_target(proposal)
        return self._edits[proposal.id].get(target, [])

    def base_node(self, paragraph_id: str) -> Paragraph | None:
        if self._base_nodes is None:
            self._base_nodes = _first_by_id(self.base)
        return self._base_nodes.get(paragraph_id)

    def out_node(self, out: Resolution, paragraph_id: str) -> Paragraph | None:
        if self._out_nodes is None:
            self._out_nodes = _first_by_id(out)
        return self._out_nodes.get(paragraph_id)

    def insert(self, out: Resolution, e: InsertParagraph) -> None:
        """Hold a new paragraph for `settle`; InputError now when the list it goes into is gone."""
        if self.out_node(out, e.paragraph.id) is not None or e.paragraph.id in self._held:
            return  # accepted before
        if self._top_keys is None:
            self._top_keys = {key for key, _ in top_lists(out)}
        if e.list_key not in self._top_keys and self.out_node(out, e.list_key) is None:
            raise InputError(say("the place of that paragraph is no longer in the text"))
        self._inserts.append(e)
        self._held.add(e.paragraph.id)

    def delete(self, out: Resolution, paragraph_id: str) -> None:
        if self.out_node(out, paragraph_id) is not None:
            self._deletes.append(paragraph_id)

    def settle(self, out: Resolution) -> None:
        """Place the paragraphs held back in `out`: new ones after their anchors (past the bis, ter ... placed
        there before, or at the end of the list when the anchor is gone), then the deletions."""
        if not self._inserts and not self._deletes:
            return
        lists = dict(list_keys(out))
        if self._inserts:
            base_ids = set(_first_by_id(self.base))
            place_after(lists, self._inserts, lambda para: para.id not in base_ids)
        delete_all(lists, self._deletes)
        self._inserts, self._deletes, self._out_nodes, self._held = [], [], None, set()


def _first_by_id(res: Resolution) -> dict[str, Paragraph]:
    """Every paragraph and subparagraph by id, the first in reading order where an id repeats (as `find`)."""
    out: dict[str, Paragraph] = {}
    for _, items in res.lists():
        for para in items:
            for node in para.walk():
                out.setdefault(node.id, node)
    return out


def _edits_at(lookups: Lookups, proposal: Proposal, target: str) -> list[Edit]:
    mine = part_edits(proposal, target) if PART in target else lookups.edits(proposal, target)
    if not mine:
        raise InputError(say("{proposer} proposes nothing there", proposer=proposal.proposer))
    return mine


def accept_into(
    neg: Negotiation,
    out: Resolution,
    proposal_ids: str | list[str],
    target: str,
    lookups: Lookups | None = None,
    *,
    keep: Callable[[Proposal, Edit], bool] | None = None,
) -> None:
    """`accepted_text` in place on `out`, for one proposal or several made on the same revision (their edits
    on different words of the place are applied together, against that revision); `lookups`: on that
    revision's text, when the caller accepts at place after place (and then places the new and deleted
    paragraphs with `lookups.settle`); `keep`: which of a proposal's edits there are taken (the merge takes a
    table's rows and cells one by one), default all."""
    decided = neg.decided()
    chosen = [
        open_edits(neg.proposal(i), decided.get(i, set()))  # not a table's row or cell decided already
        for i in ([proposal_ids] if isinstance(proposal_ids, str) else proposal_ids)
    ]
    if len({p.base_version for p in chosen}) != 1:
        raise InputError(say("proposals on different revisions are accepted one by one"))
    own = lookups is None
    lookups = lookups or Lookups(base_text(neg, chosen[0].base_version))
    base = lookups.base
    edits = [
        e
        for proposal in chosen
        for e in _edits_at(lookups, proposal, target)
        if keep is None or keep(proposal, e)
    ]
    target = split_target(target)[0]  # a table's part: its edits are taken on the table
    words: dict[str, list[tuple[int, int, str, str]]] = {}
    notes: dict[str, list[tuple[int, int, str, str]]] = {}
    heads: dict[str, list[tuple[int, int, str, str]]] = {}
    cells = [e for e in edits if isinstance(e, CellEdit | InsertRow | DeleteRow)]
    for e in edits:
        if isinstance(e, WordEdit):
            words.setdefault(e.field, []).append((e.start, e.end, e.old, e.new))
        elif isinstance(e, FootnoteEdit):
            notes.setdefault(e.footnote_id, []).append((e.start, e.end, e.old, e.new))
        elif isinstance(e, TitleEdit):
            heads.setdefault(e.unit, []).append((e.start, e.end, e.old, e.new))
        elif isinstance(e, DeleteParagraph):
            lookups.delete(out, e.paragraph_id)
        elif isinstance(e, InsertParagraph):
            lookups.insert(out, e)
    for note_id, hunks in notes.items():
        note, old = out.footnotes.get(note_id), base.footnotes.get(note_id)
        if note is None or old is None:
            raise InputError(say("that footnote is no longer in the text"))
        note.text = rebase(old.text, note.text, hunks)
    for key, hunks in heads.items():
        old_title, now = title_of(base, key), title_of(out, key)
        if old_title is None or now is None:
            raise InputError(say("that title is no longer in the text"))
        set_title(out, key, rebase(old_title, now, hunks))
    if words or cells:
        old_para, para = lookups.base_node(target), lookups.out_node(out, target)
        if old_para is None or para is None:
            raise InputError(say("that paragraph is no longer in the text"))
        for name, hunks in words.items():
            setattr(para, name, rebase(getattr(old_para, name), getattr(para, name), hunks))
        if cells:
            _accept_table(old_para, para, cells)
    for note_id in dict.fromkeys(i for e in edits for i in edit_notes(e)):  # the notes this place's words add
        note = next((p.footnotes[note_id] for p in chosen if note_id in p.footnotes), None)
        if note is not None and note_id not in out.footnotes:
            out.footnotes[note_id] = copy.deepcopy(note)
    if own:
        lookups.settle(out)


def _accept_table(old: Paragraph, para: Paragraph, edits: list[CellEdit | InsertRow | DeleteRow]) -> None:
    """A table's cell and row edits, made on the revision's table, placed on the table as it reads now."""
    from app.negotiation.table_proposals import rebase_table
    from app.table_merges import rows_moved

    if not para.is_table:
        raise InputError(say("that table is no longer in the text"))
    before = para.table
    para.table, para.header_rows = rebase_table(old, para, edits, rebase)
    para.merges = rows_moved(before, para.table, para.merges)


def decide(
    neg: Negotiation, proposal_id: str, target: str, action: str, date: dt.datetime | None = None
) -> None:
    """Record a decision (the text itself is changed by `accepted_text` or by the facilitator's merge)."""
    if action not in (ACCEPT, MERGE, REJECT):
        raise InputError(say("unknown decision {action}", action=action))
    neg.decisions.append(Decision(proposal_id, target, action, _now(date), len(neg.revisions)))


def set_status(
    neg: Negotiation, paragraph_id: str, status: Status, *, note: str = "", date: dt.datetime | None = None
) -> None:
    if sum(map(len, neg.statuses.values())) >= MAX_STATUS_CHANGES:
        raise InputError(
            say(
                "the negotiation already keeps {count} changes of status, the most it can hold: this one is "
                "not made",
                count=MAX_STATUS_CHANGES,
            )
        )
    neg.statuses.setdefault(paragraph_id, []).append(StatusChange(status, _now(date), note))


def counts(neg: Negotiation, res: Resolution) -> tuple[int, int]:
    """(open paragraphs, brackets): top-level paragraphs of the text not agreed, and brackets still open."""
    top = [p for _, items in res.lists() for p in items]
    open_ = sum(1 for p in top if neg.status(p.id) is Status.OPEN)
    return open_, len(neg.brackets)


# --- revisions ------------------------------------------------------------------------------------------


def issue_revision(
    neg: Negotiation, res: Resolution, *, date: dt.datetime | None = None, note: str = ""
) -> Revision:
    """Keep the working text as the next informal revision; new paragraphs take bis, ter ... labels."""
    neg.labels = numbering.assign(res, neg.labels)
    rev = Revision(len(neg.revisions), _now(date), _snapshot(res), note)
    neg.revisions.append(rev)
    return rev


def revision_docx(neg: Negotiation, old: str, new: str) -> bytes:
    """Revision `new` with its changes against `old` as Word tracked changes, the facilitator as author."""
    from app.compare.tracked import build_tracked_docx

    newer = next((r for r in neg.revisions if r.name == new), None)
    if newer is None:
        raise InputError(say("no revision called {version}", version=new))
    return build_tracked_docx(
        base_text(neg, old), newer.resolution(), author=neg.facilitator or "Facilitator", date=newer.date
    )


def l_document(res: Resolution) -> tuple[Resolution, list[tuple[str, str]]]:
    """The text to table as the L document, without the negotiation, and the table of old to new numbers.
    Refuses a text that still has brackets."""
    from app.negotiation.status import refuse_brackets

    refuse_brackets(res)
    neg: Negotiation | None = res.negotiation
    table = numbering.renumbering_table(res, neg.labels if neg else {})
    clean = copy.deepcopy(res)
    clean.negotiation = None
    return clean, table
