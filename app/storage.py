"""The project file: the model as versioned JSON.

    {"format": "resolute", "version": 2,
     "header": {...}, "title": "...",
     "preamble": [{"id", "opener", "text", "subparagraphs": [...], "tail",
                   "heading", "numbered": false, "restart": true (all three optional),
                   "table": [["cell", ...], ...], "header_rows": 1, "merges": [[row, column, rows,
                   columns], ...] (a table paragraph only; "merges" only where it has any)}, ...],
     "operative": [...], "footnotes": [{"id", "text", "mark" (optional)}],
     "part_title": "...", "parts": [{"id", "title", "preamble", "operative"}],     (parts B, C ...)
     "annexes": [{"id", "title", "paragraphs": [...], "labelled": false (optional)}],
     "instructions": [{"id", "action", "part", "number", "sub", "old", "new", "after", "paragraph",
                       "unit" (optional: "title", a part's letter "B", an annex's label "Annex II"),
                       "body" (optional: a part or an annex added whole)}],
     "unplaced": ["..."],
     "negotiation": {...}}                                                          (optional)

Texts use the inline markup of `app.inline`. Older versions are migrated on load (version 1 kept what a reader
could not place, annexes included, as plain text under "annex": it becomes "unplaced"); newer ones are refused.
Keys for what a document does not have (parts, annexes, instructions) are left out. Version 3 is version 2
with a negotiation whose proposals change tables' cells or rows (`app.negotiation.storage`), or with an
instruction's "unit"; it is written only for such a file, and a version 2 file reads as it is. Version 4 is
version 3 with an instruction that adds a part or an annex whole: its "body" ({"kind": "part" or "annex", then
the part's or annex's keys}), or acts in a table: its "cell" ({"nth", "row", "row_name", "column",
"column_name", "cells"}, `model.TableCell`); a Resolute reading up to version 3 would take either for a change
to a paragraph.

"negotiation" (optional, still version 2: files without it load as before) holds a text under negotiation:
proposals with their edits, the facilitator's decisions, paragraph status with history, brackets and their
alternatives, negotiation labels (OP 7 bis), and every informal revision with its date as a whole project text;
its keys are described in `app.negotiation.storage`.

A paragraph's "table" (optional, still version 2: older files have none and load as before; an older Resolute
reading a newer file ignores the key and keeps an empty paragraph in the table's place) holds a table's rows of
cell texts, the first "header_rows" of them its header. Its "merges" (optional, still version 2, written only
for a table with merged cells) are the merged cells' rectangles (`app.table_merges`): a reader that does not know
the key ignores it, as every reader of this file ignores keys it does not know, and keeps every cell's text, the
merged cell's in its first cell; only the layout is lost. Merges that cannot stand on the table are dropped.

A footnote's "mark" (optional, still version 2: a file without it loads as before, every note numbered) is the
symbol a note prints with instead of a number ("**" in an issued amendment); it is written only when set.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from app import cancelling, json_pieces
from app.atomic import write_text
from app.errors import InputError, ProjectVersionError
from app.files import read_file
from app.languages import stored_committee, stored_value
from app.messages import say
from app.model import (
    MAX_DEPTH,
    MAX_REVISION,
    MAX_TABLE_CELLS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    Action,
    AgendaItem,
    Annex,
    DocumentKind,
    Footnote,
    Header,
    Instruction,
    Paragraph,
    Part,
    Resolution,
    ResolutionPart,
    TableCell,
    new_id,
    refuse_oversized,
)
from app.reasons import why
from app.table_merges import valid_merges

FORMAT = "resolute"
VERSION = 4  # the newest version read; a file is written as version 2 unless it needs 3 or 4 (`_version`)
MAX_PROJECT_BYTES = 50 * 1024 * 1024
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_dict(res: Resolution) -> dict[str, Any]:
    h = res.header
    return {
        "format": FORMAT,
        "version": _version(res),
        "header": {
            "template": h.template,
            "session": h.session,
            "year": h.year,
            "committee": h.committee,
            "agenda_items": [
                {"number": a.number, "sub_item": a.sub_item, "title": a.title} for a in h.agenda_items
            ],
            "symbol": h.symbol,
            "revision": h.revision,
            "date": h.date.isoformat() if h.date else None,
            "distribution": h.distribution,
            "original_language": h.original_language,
            "sponsors": list(h.sponsors),
            "on_behalf_of": h.on_behalf_of,
            **(
                {"sponsor_note": h.sponsor_note} if h.sponsor_note else {}
            ),  # optional: older readers ignore it
            **({"submitted_by": h.submitted_by} if h.submitted_by else {}),
            "kind": h.kind.value,
            "amends": h.amends,
            "job_number": h.job_number,
            **({"language": h.language} if h.language != "en" else {}),  # optional: absent means English
        },
        "title": res.title,
        "preamble": [_para_to_dict(p) for p in res.preamble],
        "operative": [_para_to_dict(p) for p in res.operative],
        "footnotes": [_footnote_to_dict(f) for f in res.footnotes.values()],
        **({"part_title": res.part_title} if res.part_title else {}),
        **({"parts": [_part_to_dict(p) for p in res.later_parts]} if res.later_parts else {}),
        **({"annexes": [_annex_to_dict(a) for a in res.annexes]} if res.annexes else {}),
        **({"instructions": [_instruction_to_dict(i) for i in res.instructions]} if res.instructions else {}),
        **({"negotiation": _negotiation_to_dict(res.negotiation)} if res.negotiation is not None else {}),
        **({"unplaced": list(res.unplaced)} if res.unplaced else {}),
    }


def _version(res: Resolution) -> int:
    """3 for a negotiation with proposals on tables' cells or rows, or an amendment with an instruction beyond
    part A (its "unit": a Resolute reading up to version 2 would apply it to part A), else 2: a file without them
    still opens in a Resolute that reads up to version 2."""
    if any(ins.body is not None or ins.cell is not None for ins in res.instructions):
        return 4
    if any(ins.unit for ins in res.instructions):
        return 3
    if res.negotiation is None:
        return 2
    from app.negotiation.storage import uses_version_3

    return 3 if uses_version_3(res.negotiation) else 2


def _negotiation_to_dict(negotiation: Any) -> dict[str, Any]:
    from app.negotiation.storage import to_dict as negotiation_to_dict

    return negotiation_to_dict(negotiation)


def _footnote_to_dict(f: Footnote) -> dict[str, str]:
    return {"id": f.id, "text": f.text, **({"mark": f.mark} if f.mark else {})}


def _part_to_dict(p: ResolutionPart) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "preamble": [_para_to_dict(x) for x in p.preamble],
        "operative": [_para_to_dict(x) for x in p.operative],
    }


def _annex_to_dict(a: Annex) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "paragraphs": [_para_to_dict(x) for x in a.paragraphs],
        **({"labelled": False} if not a.labelled else {}),
    }


def _instruction_to_dict(i: Instruction) -> dict[str, Any]:
    return {
        "id": i.id,
        "action": i.action.value,
        "part": i.part.value,
        "number": i.number,
        "sub": i.sub,
        "old": i.old,
        "new": i.new,
        "after": i.after,
        "paragraph": _para_to_dict(i.paragraph) if i.paragraph else None,
        **({"unit": i.unit} if i.unit else {}),
        **({"body": _body_to_dict(i.body)} if i.body is not None else {}),
        **({"cell": dataclasses.asdict(i.cell)} if i.cell is not None else {}),
    }


def _body_to_dict(body: ResolutionPart | Annex) -> dict[str, Any]:
    """A part or an annex an instruction adds, tagged with which it is."""
    if isinstance(body, Annex):
        return {"kind": "annex", **_annex_to_dict(body)}
    return {"kind": "part", **_part_to_dict(body)}


def _body_from_dict(d: Any, seen: set[str]) -> ResolutionPart | Annex:
    if not isinstance(d, dict):
        raise ValueError("an instruction's body is no part or annex")
    if d.get("kind") == "annex":
        return Annex(
            title=_str(d.get("title")),
            paragraphs=[_para_from_dict(x, seen, 0) for x in _list(d.get("paragraphs"))],
            id=_str(d.get("id")) or new_id(),
            labelled=d.get("labelled", True) is not False,
        )
    return ResolutionPart(
        title=_str(d.get("title")),
        preamble=[_para_from_dict(x, seen, 0) for x in _list(d.get("preamble"))],
        operative=[_para_from_dict(x, seen, 0) for x in _list(d.get("operative"))],
        id=_str(d.get("id")) or new_id(),
    )


def _para_to_dict(p: Paragraph) -> dict[str, Any]:
    return {
        "id": p.id,
        "opener": p.opener,
        "text": p.text,
        "subparagraphs": [_para_to_dict(s) for s in p.subparagraphs],
        "tail": p.tail,
        **({"heading": p.heading} if p.heading else {}),
        **({"restart": True} if p.restart else {}),
        **({"numbered": False} if not p.numbered else {}),
        **({"table": [list(row) for row in p.table], "header_rows": p.header_rows} if p.table else {}),
        **(
            {"merges": [list(m) for m in merges]}
            if p.table and (merges := valid_merges(p.table, p.merges))
            else {}
        ),
    }


def from_dict(data: Any) -> Resolution:
    """Build a model from parsed JSON, migrating older versions. Raises InputError on anything malformed."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(say("not a Resolute project file"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:  # JSON true is no version
        raise InputError(say("project file has no valid version"))
    if version > VERSION:
        raise ProjectVersionError(
            say(
                "this project file was written by a newer Resolute (format version {version}; this one reads up "
                "to {newest}): please update Resolute",
                version=version,
                newest=VERSION,
            )
        )
    try:
        if version == 1:
            data = _migrate_v1(data)
        return _from_v2(data)  # version 3 only adds edit kinds to the negotiation: read as version 2
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError, IndexError) as exc:
        raise InputError(say("project file is damaged: {reason}", reason=why(exc))) from None


def _str(value: Any, default: str = "") -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        raise TypeError(say("expected text, got {kind}", kind=type(value).__name__))
    return _LONE_SURROGATE.sub("\ufffd", value)  # a JSON "\ud800" escape could never be saved or exported


def _opt_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(say("expected a whole number, got {value}", value=repr(value)[:40]))
    return value


def _revision(value: Any) -> int:
    """N of /Rev.N, 0 for none (see MAX_REVISION)."""
    number = _opt_int(value) or 0
    if not 0 <= number <= MAX_REVISION:
        raise ValueError(
            say("a revision number runs from 1 to {last} (/Rev.1 ... /Rev.{last})", last=MAX_REVISION)
        )
    return number


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept unplaced material, annexes included, as plain text under "annex"."""
    out = {k: v for k, v in data.items() if k != "annex"}
    out["unplaced"] = data.get("annex") or []
    return out


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(say("expected a list, got {kind}", kind=type(value).__name__))
    return value


def _from_v2(data: dict[str, Any]) -> Resolution:
    h = data.get("header") or {}
    header = Header(
        template=_str(h.get("template"), "ga-plenary"),
        session=_opt_int(h.get("session")),
        year=_opt_int(h.get("year")),
        committee=stored_committee(_str(h.get("committee"))),
        agenda_items=[
            AgendaItem(_str(a.get("number")), _str(a.get("sub_item")), _str(a.get("title")))
            for a in h.get("agenda_items") or []
        ],
        symbol=_str(h.get("symbol")),
        revision=_revision(h.get("revision")),
        date=dt.date.fromisoformat(h["date"]) if h.get("date") else None,
        # the neutral values (a file an older Resolute wrote from a French text may hold "limitée", "anglais")
        distribution=stored_value(_str(h.get("distribution"), "Limited")),
        original_language=stored_value(_str(h.get("original_language"), "English")),
        sponsors=[_str(s) for s in h.get("sponsors") or []],
        on_behalf_of=_str(h.get("on_behalf_of")),
        sponsor_note=_str(h.get("sponsor_note")),
        submitted_by=_str(h.get("submitted_by")),
        kind=DocumentKind(h.get("kind") or DocumentKind.DRAFT_RESOLUTION.value),
        amends=_str(h.get("amends")),
        job_number=_str(h.get("job_number")),
        language=_str(h.get("language"), "en"),
    )
    seen: set[str] = set()
    res = Resolution(
        header=header,
        title=_str(data.get("title")),
        preamble=[_para_from_dict(p, seen, 0) for p in _list(data.get("preamble"))],
        operative=[_para_from_dict(p, seen, 0) for p in _list(data.get("operative"))],
        unplaced=[_str(a) for a in _list(data.get("unplaced"))],
        part_title=_str(data.get("part_title")),
        later_parts=[
            ResolutionPart(
                title=_str(p.get("title")),
                preamble=[_para_from_dict(x, seen, 0) for x in _list(p.get("preamble"))],
                operative=[_para_from_dict(x, seen, 0) for x in _list(p.get("operative"))],
                id=_str(p.get("id")) or new_id(),
            )
            for p in _list(data.get("parts"))
        ],
        annexes=[
            Annex(
                title=_str(a.get("title")),
                paragraphs=[_para_from_dict(x, seen, 0) for x in _list(a.get("paragraphs"))],
                id=_str(a.get("id")) or new_id(),
                labelled=a.get("labelled", True) is not False,
            )
            for a in _list(data.get("annexes"))
        ],
        instructions=[_instruction_from_dict(i, seen) for i in _list(data.get("instructions"))],
    )
    for f in data.get("footnotes") or []:
        note = Footnote(text=_str(f.get("text")), id=_str(f.get("id")) or new_id(), mark=_str(f.get("mark")))
        if (
            note.id in res.footnotes
        ):  # an id given twice: the references are the first note's; the second keeps
            note.id = new_id()  # its text under an id of its own (checked as referenced nowhere), not lost
        res.footnotes[note.id] = note
    if data.get("negotiation") is not None:
        from app.negotiation.storage import from_dict as negotiation_from_dict

        res.negotiation = negotiation_from_dict(data["negotiation"])
    refuse_oversized(res)
    return res


def _instruction_from_dict(d: dict[str, Any], seen: set[str]) -> Instruction:
    number = _opt_int(d.get("number")) or 0
    if not 0 <= number <= 100_000:
        raise ValueError(say("an instruction names paragraph {number}", number=number))
    paragraph = d.get("paragraph")
    return Instruction(
        action=Action(d.get("action")),
        part=Part(d.get("part")),
        number=number,
        sub=_str(d.get("sub")),
        old=_str(d.get("old")),
        new=_str(d.get("new")),
        after=_str(d.get("after")),
        paragraph=_para_from_dict(paragraph, seen, 0) if paragraph is not None else None,
        id=_str(d.get("id")) or new_id(),
        unit=_str(d.get("unit")),
        body=_body_from_dict(d["body"], seen) if d.get("body") is not None else None,
        cell=_cell_from_dict(d["cell"]) if d.get("cell") is not None else None,
    )


def _cell_from_dict(d: Any) -> TableCell:
    if not isinstance(d, dict):
        raise ValueError("an instruction's cell is no place in a table")
    return TableCell(
        nth=_opt_int(d.get("nth")) or 1,
        row=_opt_int(d.get("row")) or 0,
        row_name=_str(d.get("row_name")),
        column=_opt_int(d.get("column")) or 0,
        column_name=_str(d.get("column_name")),
        cells=[_str(c) for c in _list(d.get("cells"))],
    )


def _para_from_dict(d: dict[str, Any], seen: set[str], depth: int) -> Paragraph:
    cancelling.check()  # a look at the reader's cancel token a paragraph: a project of 50,000 reads in seconds
    if depth > MAX_DEPTH:
        raise ValueError(say("subparagraphs nested deeper than {depth} levels", depth=MAX_DEPTH))
    pid = _str(d.get("id")) or new_id()
    if pid in seen:  # a copied paragraph keeps its text but gets its own id
        pid = new_id()
    seen.add(pid)
    table = _table(d.get("table"))
    return Paragraph(
        opener=_str(d.get("opener")),
        text=_str(d.get("text")),
        subparagraphs=[_para_from_dict(s, seen, depth + 1) for s in d.get("subparagraphs") or []],
        tail=_str(d.get("tail")),
        id=pid,
        heading=_str(d.get("heading")),
        restart=d.get("restart") is True,
        numbered=d.get("numbered", True) is not False,
        table=table,
        # no more header rows than rows: a file saying 10**9 (or 10**400) kept it through every save
        header_rows=min(max(0, _opt_int(d.get("header_rows")) or 0), len(table)),
        merges=_merges(d.get("merges"), table),
    )


def _merges(value: Any, table: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """A table's merges as far as they can stand: layout only, so a malformed one is dropped, not refused (the
    cells keep every text)."""
    if not table or not isinstance(value, list):
        return []
    return valid_merges(table, (m for m in value if isinstance(m, list)))


def _table(value: Any) -> list[list[str]]:
    """A table's rows of cell texts, refused past MAX_TABLE_ROWS rows or MAX_TABLE_COLUMNS cells in a row before
    any cell is read."""
    rows = [_list(row) for row in _list(value)]
    widest = max((len(row) for row in rows), default=0)
    if len(rows) > MAX_TABLE_ROWS or widest > MAX_TABLE_COLUMNS or len(rows) * widest > MAX_TABLE_CELLS:
        raise ValueError(
            say(
                "a table of {rows} rows and {columns} columns (at most {most_rows} and {most_columns}, "
                "{most_cells} cells)",
                rows=len(rows),
                columns=widest,
                most_rows=MAX_TABLE_ROWS,
                most_columns=MAX_TABLE_COLUMNS,
                most_cells=MAX_TABLE_CELLS,
            )
        )
    # rows as wide as the widest, at least one cell: every writer takes a table as a grid (a Word row
    # without a cell is no row)
    return [[*(_str(cell) for cell in row), *[""] * (max(widest, 1) - len(row))] for row in rows]


def dumps(res: Resolution) -> str:
    return json.dumps(to_dict(res), ensure_ascii=False, indent=1)


def loads(text: str) -> Resolution:
    try:
        data = json_pieces.loads(text)  # a paragraph at a time: a cancelled read stops mid-parse
    except json.JSONDecodeError as exc:
        raise InputError(
            say(
                "project file is not valid JSON (line {line}, column {column})",
                line=exc.lineno,
                column=exc.colno,
            )
        ) from None
    except ValueError:  # a number too long to convert
        raise InputError(say("project file holds a number too long to read")) from None
    except RecursionError:
        raise InputError(say("project file is not valid: its JSON nests too deeply")) from None
    return from_dict(data)


def save_project(res: Resolution, path: Path) -> None:
    """Save atomically, keeping the previous version as `name~`."""
    # "replace": a lone surrogate pasted into the editor must not make the save fail and lose the work
    write_text(Path(path), dumps(res), backup=True)


def load_project(path: Path) -> Resolution:
    path = Path(path)
    raw = read_file(path, MAX_PROJECT_BYTES, too_large="{name} is too large for a project file ({mb} MB)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            say("{name} is not UTF-8 text, so not a Resolute project file", name=path.name)
        ) from None
    return loads(text)
