"""The negotiation in the project file: the optional "negotiation" key of `app.storage` (format version 2).

"negotiation": {"facilitator": "...", "attributed": true,
  "labels": {"<paragraph id>": "OP 7 bis", ...},
  "statuses": {"<paragraph id>": [{"status": "agreed ad ref", "date": "2026-05-04T10:00:00+00:00",
                                   "note": ""}, ...]},
  "brackets": [{"id", "paragraph_id", "field", "words", "occurrence",
                "alternatives": [{"text": "...", "holders": ["US"]}]}],
  "proposals": [{"id", "proposer", "base_version", "footnotes": [{"id", "text", "mark" (optional)}],
                 "edits": [{"kind": "words", "paragraph_id", "field", "start", "end", "old", "new"},
                           {"kind": "insert", "list_key", "after", "paragraph": {...}},
                           {"kind": "delete", "paragraph_id"},
                           {"kind": "footnote", "footnote_id", "start", "end", "old", "new"},
                           {"kind": "title", "unit", "start", "end", "old", "new"},
                           {"kind": "cell", "paragraph_id", "row", "column", "start", "end", "old", "new"},
                           {"kind": "row_insert", "paragraph_id", "after", "cells": [...], "header"},
                           {"kind": "row_delete", "paragraph_id", "row", "old": [...]}]}],
  "decisions": [{"proposal_id", "target", "action", "date", "revision"}],
  "revisions": [{"number": 0, "date": "...", "note": "", "text": {<a project file without this key>}}]}

The table kinds ("cell", "row_insert", "row_delete") came with format version 3: a file holding one is written
as version 3 (`uses_version_3`), so that a Resolute that reads up to version 2 refuses it in one line rather
than call it damaged; every other file is still written as version 2 and opens in both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.errors import InputError
from app.findings import Finding, Severity
from app.messages import reason, say
from app.model import MAX_DOCUMENT_CELLS, MAX_TABLE_COLUMNS, Footnote, Resolution
from app.negotiation.proposals import (
    FIELDS,
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
)
from app.negotiation.rounds import Decision, Negotiation, Revision
from app.negotiation.status import MAX_STATUS_CHANGES, Alternative, Bracket, Status, StatusChange


def to_dict(neg: Negotiation) -> dict[str, Any]:
    return {
        "facilitator": neg.facilitator,
        "attributed": neg.attributed,
        "labels": dict(neg.labels),
        "statuses": {
            pid: [{"status": c.status.value, "date": c.date.isoformat(), "note": c.note} for c in changes]
            for pid, changes in neg.statuses.items()
        },
        "brackets": [
            {
                "id": b.id,
                "paragraph_id": b.paragraph_id,
                "field": b.field,
                "words": b.words,
                "occurrence": b.occurrence,
                "alternatives": [{"text": a.text, "holders": list(a.holders)} for a in b.alternatives],
            }
            for b in neg.brackets
        ],
        "proposals": [_proposal_to_dict(p) for p in neg.proposals],
        "decisions": [
            {
                "proposal_id": d.proposal_id,
                "target": d.target,
                "action": d.action,
                "date": d.date.isoformat(),
                "revision": d.revision,
            }
            for d in neg.decisions
        ],
        "revisions": [
            {"number": r.number, "date": r.date.isoformat(), "note": r.note, "text": r.text}
            for r in neg.revisions
        ],
    }


def _proposal_to_dict(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "proposer": p.proposer,
        "base_version": p.base_version,
        "footnotes": [
            {"id": n.id, "text": n.text, **({"mark": n.mark} if n.mark else {})} for n in p.footnotes.values()
        ],
        "edits": [_edit_to_dict(e) for e in p.edits],
    }


def _edit_to_dict(e: Edit) -> dict[str, Any]:
    from app.storage import _para_to_dict

    if isinstance(e, WordEdit):
        return {
            "kind": "words",
            "paragraph_id": e.paragraph_id,
            "field": e.field,
            "start": e.start,
            "end": e.end,
            "old": e.old,
            "new": e.new,
        }
    if isinstance(e, InsertParagraph):
        return {
            "kind": "insert",
            "list_key": e.list_key,
            "after": e.after,
            "paragraph": _para_to_dict(e.paragraph),
        }
    if isinstance(e, DeleteParagraph):
        return {"kind": "delete", "paragraph_id": e.paragraph_id}
    if isinstance(e, TitleEdit):
        return {"kind": "title", "unit": e.unit, "start": e.start, "end": e.end, "old": e.old, "new": e.new}
    if isinstance(e, CellEdit | InsertRow | DeleteRow):
        return _table_edit_to_dict(e)
    return {
        "kind": "footnote",
        "footnote_id": e.footnote_id,
        "start": e.start,
        "end": e.end,
        "old": e.old,
        "new": e.new,
    }


def _table_edit_to_dict(e: CellEdit | InsertRow | DeleteRow) -> dict[str, Any]:
    if isinstance(e, CellEdit):
        return {
            "kind": "cell",
            "paragraph_id": e.paragraph_id,
            "row": e.row,
            "column": e.column,
            "start": e.start,
            "end": e.end,
            "old": e.old,
            "new": e.new,
        }
    if isinstance(e, InsertRow):
        return {
            "kind": "row_insert",
            "paragraph_id": e.paragraph_id,
            "after": e.after,
            "cells": list(e.cells),
            "header": e.header,
        }
    return {"kind": "row_delete", "paragraph_id": e.paragraph_id, "row": e.row, "old": list(e.old)}


MAX_TABLE_EDIT_CELLS = 2 * MAX_DOCUMENT_CELLS
"""How many cells one proposal's table edits may name (a cell's words changed, each cell of a row added or
deleted): a copy read by any reader holds at most MAX_DOCUMENT_CELLS cells, so deleting every row and adding as
many is twice that. A file's proposal of 100,000 rows, or of one row of 100,000 cells (an hour and more to
compile: a Word table of as many columns), is refused in one line."""


def _cells(value: Any) -> tuple[str, ...]:
    """A row's cells as a file holds them: a list of texts, no wider than a table may be."""
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise TypeError(say("a row's cells are not a list of texts"))
    if len(value) > MAX_TABLE_COLUMNS:
        raise ValueError(
            say(
                "a row of {count} cells (a table has at most {most})",
                count=len(value),
                most=MAX_TABLE_COLUMNS,
            )
        )
    return tuple(value)


def _edits(values: Any) -> list[Edit]:
    """A proposal's edits, its table edits naming at most MAX_TABLE_EDIT_CELLS cells."""
    edits = [_edit_from_dict(e) for e in values or []]
    cells = sum(
        len(e.cells) if isinstance(e, InsertRow) else len(e.old) if isinstance(e, DeleteRow) else 1
        for e in edits
        if isinstance(e, CellEdit | InsertRow | DeleteRow)
    )
    if cells > MAX_TABLE_EDIT_CELLS:
        raise ValueError(
            say("a proposal on {count} table cells (at most {most})", count=cells, most=MAX_TABLE_EDIT_CELLS)
        )
    return edits


def _table_edit_from_dict(d: dict[str, Any]) -> CellEdit | InsertRow | DeleteRow:
    kind, table = d["kind"], str(d["paragraph_id"])
    if kind == "cell":
        return CellEdit(
            table,
            int(d["row"]),
            int(d["column"]),
            int(d["start"]),
            int(d["end"]),
            str(d["old"]),
            str(d["new"]),
        )
    if kind == "row_insert":
        return InsertRow(table, int(d["after"]), _cells(d["cells"]), d.get("header") is True)
    return DeleteRow(table, int(d["row"]), _cells(d["old"]))


def uses_version_3(neg: Negotiation) -> bool:
    """Whether the negotiation holds an edit of a table's cells or rows (format version 3)."""
    return any(isinstance(e, CellEdit | InsertRow | DeleteRow) for p in neg.proposals for e in p.edits)


FIRST_YEAR, LAST_YEAR = 1000, 9999


def _date(value: Any) -> dt.datetime:
    """A date of the file in UTC (a naive one taken as UTC), its year strictly between FIRST_YEAR and LAST_YEAR: at
    datetime's ends a date (year 1 at +14:00, 9999-12-31 at -14:00) overflowed when converted or stamped a minute
    earlier in a tracked revision, and a year of fewer than four digits is no date Word reads."""
    date = dt.datetime.fromisoformat(str(value))
    if date.tzinfo is None:
        date = date.replace(tzinfo=dt.timezone.utc)
    if not FIRST_YEAR < date.year < LAST_YEAR:  # its offset moves it by a day at most: no overflow
        raise ValueError(say("a date in the year {year}", year=str(date.year)))
    return date.astimezone(dt.timezone.utc)


def _field(value: Any) -> str:
    """A paragraph field an edit or a bracket names: only the texts a paragraph has (a name read from the file
    is set on the paragraph when accepted, and "id" or "subparagraphs" there would break the text)."""
    if value not in FIELDS:
        raise ValueError(say("no paragraph field {name}", name=repr(str(value)[:40])))
    return value


def _edit_from_dict(d: dict[str, Any]) -> Edit:
    from app.storage import _para_from_dict

    kind = d["kind"]
    if kind == "words":
        return WordEdit(
            str(d["paragraph_id"]),
            _field(d["field"]),
            int(d["start"]),
            int(d["end"]),
            str(d["old"]),
            str(d["new"]),
        )
    if kind == "insert":
        return InsertParagraph(str(d["list_key"]), str(d["after"]), _para_from_dict(d["paragraph"], set(), 0))
    if kind == "delete":
        return DeleteParagraph(str(d["paragraph_id"]))
    if kind == "footnote":
        return FootnoteEdit(
            str(d["footnote_id"]), int(d["start"]), int(d["end"]), str(d["old"]), str(d["new"])
        )
    if kind == "title":  # optional kind, added without a version bump: older files have none
        return TitleEdit(str(d["unit"]), int(d["start"]), int(d["end"]), str(d["old"]), str(d["new"]))
    if kind in ("cell", "row_insert", "row_delete"):  # version 3
        return _table_edit_from_dict(d)
    raise ValueError(say("unknown edit kind {kind}", kind=repr(kind)[:40]))


def from_dict(d: dict[str, Any]) -> Negotiation:
    """Raises KeyError, TypeError or ValueError on a damaged key (app.storage reports them as one line)."""
    if not isinstance(d, dict):
        raise TypeError(say("the negotiation is not an object"))
    changes = sum(len(c) for c in (d.get("statuses") or {}).values() if isinstance(c, list))
    if changes > MAX_STATUS_CHANGES:  # before any is read
        raise ValueError(
            say("{count} changes of status (at most {most})", count=changes, most=MAX_STATUS_CHANGES)
        )
    return Negotiation(
        facilitator=str(d.get("facilitator") or ""),
        attributed=d.get("attributed", True) is not False,
        labels={str(k): str(v) for k, v in (d.get("labels") or {}).items()},
        statuses={
            str(pid): [
                StatusChange(Status(c["status"]), _date(c["date"]), str(c.get("note") or "")) for c in changes
            ]
            for pid, changes in (d.get("statuses") or {}).items()
        },
        brackets=[
            Bracket(
                str(b["paragraph_id"]),
                _field(b["field"]),
                str(b["words"]),
                [
                    Alternative(str(a["text"]), [str(h) for h in a.get("holders") or []])
                    for a in b.get("alternatives") or []
                ],
                int(b.get("occurrence") or 0),
                str(b["id"]),
            )
            for b in d.get("brackets") or []
        ],
        proposals=[
            Proposal(
                str(p["proposer"]),
                str(p.get("base_version") or ""),
                _edits(p.get("edits")),
                {
                    str(n["id"]): Footnote(str(n["text"]), str(n["id"]), str(n.get("mark") or ""))
                    for n in p.get("footnotes") or []
                },
                str(p["id"]),
            )
            for p in d.get("proposals") or []
        ],
        decisions=[
            Decision(
                str(x["proposal_id"]),
                str(x["target"]),
                str(x["action"]),
                _date(x["date"]),
                int(x["revision"]),
            )
            for x in d.get("decisions") or []
        ],
        revisions=[
            Revision(int(r["number"]), _date(r["date"]), r.get("text"), str(r.get("note") or ""))
            for r in d.get("revisions") or []
        ],
    )


def damaged_revisions(res: Resolution) -> list[Finding]:
    """A warning for each revision whose text the project file holds damaged: the project opens (the working
    text is whole, and the damaged text is written back as it was), and the steps that read that revision say
    why they refuse."""
    out = []
    for rev in res.negotiation.revisions if res.negotiation is not None else []:
        try:
            rev.resolution()
        except InputError as exc:
            out.append(Finding("import.negotiation", Severity.WARNING, reason(exc)))
    return out
