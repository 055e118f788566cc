"""The project file: the model as versioned JSON.

    {"format": "resolute", "version": 1,
     "header": {...}, "title": "...",
     "preamble": [{"id", "opener", "text", "subparagraphs": [...], "tail", "heading" (optional)}, ...],
     "operative": [...], "footnotes": [{"id", "text"}], "annex": ["..."]}

Texts use the inline markup of `app.inline`. Older versions are migrated on load; newer ones are refused.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from app.atomic import write_atomic
from app.errors import InputError, ProjectVersionError
from app.model import MAX_DEPTH, AgendaItem, DocumentKind, Footnote, Header, Paragraph, Resolution, new_id

FORMAT = "resolute"
VERSION = 1
MAX_PROJECT_BYTES = 50 * 1024 * 1024
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_dict(res: Resolution) -> dict[str, Any]:
    h = res.header
    return {
        "format": FORMAT,
        "version": VERSION,
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
            "kind": h.kind.value,
            "amends": h.amends,
            "job_number": h.job_number,
        },
        "title": res.title,
        "preamble": [_para_to_dict(p) for p in res.preamble],
        "operative": [_para_to_dict(p) for p in res.operative],
        "footnotes": [{"id": f.id, "text": f.text} for f in res.footnotes.values()],
        "annex": list(res.annex),
    }


def _para_to_dict(p: Paragraph) -> dict[str, Any]:
    return {
        "id": p.id,
        "opener": p.opener,
        "text": p.text,
        "subparagraphs": [_para_to_dict(s) for s in p.subparagraphs],
        "tail": p.tail,
        **({"heading": p.heading} if p.heading else {}),
    }


def from_dict(data: Any) -> Resolution:
    """Build a model from parsed JSON, migrating older versions. Raises InputError on anything malformed."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("not a Resolute project file")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise InputError("project file has no valid version")
    if version > VERSION:
        raise ProjectVersionError(
            f"this project file was written by a newer Resolute (format version {version}; "
            f"this one reads up to {VERSION}): please update Resolute"
        )
    try:
        return _from_v1(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"project file is damaged: {exc.__class__.__name__} {exc}") from None


def _str(value: Any, default: str = "") -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return _LONE_SURROGATE.sub("\ufffd", value)  # a JSON "\ud800" escape could never be saved or exported


def _opt_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {value!r}")
    return value


def _from_v1(data: dict[str, Any]) -> Resolution:
    h = data.get("header") or {}
    header = Header(
        template=_str(h.get("template"), "ga-plenary"),
        session=_opt_int(h.get("session")),
        year=_opt_int(h.get("year")),
        committee=_str(h.get("committee")),
        agenda_items=[
            AgendaItem(_str(a.get("number")), _str(a.get("sub_item")), _str(a.get("title")))
            for a in h.get("agenda_items") or []
        ],
        symbol=_str(h.get("symbol")),
        revision=_opt_int(h.get("revision")) or 0,
        date=dt.date.fromisoformat(h["date"]) if h.get("date") else None,
        distribution=_str(h.get("distribution"), "Limited"),
        original_language=_str(h.get("original_language"), "English"),
        sponsors=[_str(s) for s in h.get("sponsors") or []],
        on_behalf_of=_str(h.get("on_behalf_of")),
        kind=DocumentKind(h.get("kind") or DocumentKind.DRAFT_RESOLUTION.value),
        amends=_str(h.get("amends")),
        job_number=_str(h.get("job_number")),
    )
    seen: set[str] = set()
    res = Resolution(
        header=header,
        title=_str(data.get("title")),
        preamble=[_para_from_dict(p, seen, 0) for p in data.get("preamble") or []],
        operative=[_para_from_dict(p, seen, 0) for p in data.get("operative") or []],
        annex=[_str(a) for a in data.get("annex") or []],
    )
    for f in data.get("footnotes") or []:
        note = Footnote(text=_str(f.get("text")), id=_str(f.get("id")) or new_id())
        res.footnotes[note.id] = note
    return res


def _para_from_dict(d: dict[str, Any], seen: set[str], depth: int) -> Paragraph:
    if depth > MAX_DEPTH:
        raise ValueError(f"subparagraphs nested deeper than {MAX_DEPTH} levels")
    pid = _str(d.get("id")) or new_id()
    if pid in seen:  # a copied paragraph keeps its text but gets its own id
        pid = new_id()
    seen.add(pid)
    return Paragraph(
        opener=_str(d.get("opener")),
        text=_str(d.get("text")),
        subparagraphs=[_para_from_dict(s, seen, depth + 1) for s in d.get("subparagraphs") or []],
        tail=_str(d.get("tail")),
        id=pid,
        heading=_str(d.get("heading")),
    )


def dumps(res: Resolution) -> str:
    return json.dumps(to_dict(res), ensure_ascii=False, indent=1)


def loads(text: str) -> Resolution:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # ValueError: also a number too long to convert
        raise InputError(f"project file is not valid JSON ({exc.__class__.__name__})") from None
    return from_dict(data)


def save_project(res: Resolution, path: Path) -> None:
    """Save atomically, keeping the previous version as `name~`."""
    # "replace": a lone surrogate pasted into the editor must not make the save fail and lose the work
    write_atomic(Path(path), dumps(res).encode("utf-8", "replace"), backup=True)


def load_project(path: Path) -> Resolution:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PROJECT_BYTES:
            raise InputError(f"{path.name} is too large for a project file ({size // 1_000_000} MB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8 text, so not a Resolute project file") from None
    return loads(text)
