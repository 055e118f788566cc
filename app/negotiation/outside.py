"""A delegation's edited copy whose only changes lie outside the draft's paragraphs: the unplaced text (what
a reader kept but could not place, printed after the last paragraph). A proposal is made of edits to the
draft's paragraphs, titles and notes, so such a copy has none; it is refused saying so, rather than as "the
same as" the base, which it is not."""

from __future__ import annotations

from app import inline
from app.errors import InputError
from app.messages import say
from app.model import DocumentKind, Resolution
from app.negotiation.proposals import Proposal


def _unplaced(res: Resolution) -> list[str]:
    return [" ".join(inline.plain(text).split()) for text in res.unplaced]


def refuse_outside_only(base: Resolution, proposed: Resolution, proposal: Proposal) -> None:
    """Raise when `proposal` (derived from `proposed`) has no edit but `proposed` changes the unplaced text, or
    when `proposed` is an amendment to the draft, not an edited copy of it."""
    amending, amended = (r.header.kind is DocumentKind.AMENDMENT for r in (proposed, base))
    if amending and not amended:
        # its instructions are no paragraphs of the draft: compared as a copy, it deleted every paragraph
        raise InputError(
            say(
                "the text of {proposer} is an amendment, not an edited copy of the draft: apply it to the draft "
                "first (resolute amend --apply) and propose the amended draft",
                proposer=proposal.proposer,
            )
        )
    if amended and not amending:  # a draft on an amendment: every paragraph of the draft an addition
        raise InputError(
            say(
                "the text of {proposer} is a draft, not an edited copy of the amendment negotiated",
                proposer=proposal.proposer,
            )
        )
    if proposal.edits or _unplaced(base) == _unplaced(proposed):
        return
    raise InputError(
        say(
            "the text of {proposer} changes only the unplaced text after the last paragraph, which is outside "
            "the draft's paragraphs: a proposal cannot carry it; make it a paragraph of the draft first",
            proposer=proposal.proposer,
        )
    )
