"""Proposals read out in the room and typed by the facilitator, one line each, on a chosen paragraph:

    EU: after "States" insert "and regional organizations"
    G77 and China: replace "strengthen" with "enhance"
    CANZ: delete "as a matter of priority"
    United States: delete paragraph
    African Group: new paragraph "Decides to remain seized of the matter"

Quotes may be straight or curly. A new paragraph goes after the chosen one; its first words are its opener when
they are an opener the lexicon knows, as in the readers.
"""

from __future__ import annotations

import re

from app.errors import InputError
from app.model import Paragraph, Resolution
from app.negotiation.proposals import (
    DeleteParagraph,
    InsertParagraph,
    Proposal,
    list_keys,
    title_of,
    typed_edit,
)

_Q = r"[\"“”‘’']"
_QUOTED = rf"{_Q}(?P<{{name}}>.*?){_Q}"
_FORMS = [
    (
        "after",
        re.compile(rf"after\s+{_QUOTED.format(name='a')}\s*,?\s*insert\s+{_QUOTED.format(name='b')}$", re.I),
    ),
    (
        "replace",
        re.compile(
            rf"replace\s+{_QUOTED.format(name='a')}\s+(?:with|by)\s+{_QUOTED.format(name='b')}$", re.I
        ),
    ),
    ("delete", re.compile(rf"delete\s+{_QUOTED.format(name='a')}$", re.I)),
    ("drop", re.compile(r"delete(?:\s+the)?\s+paragraph$", re.I)),
    ("new", re.compile(rf"(?:new|add(?:\s+a)?(?:\s+new)?)\s+paragraph\s+{_QUOTED.format(name='b')}$", re.I)),
]


def typed_proposal(base: Resolution, paragraph_id: str, line: str, base_version: str = "") -> Proposal:
    """The proposal one typed line makes on a paragraph of `base`. Raises InputError with what it expects."""
    name, sep, rest = line.partition(":")
    if not sep or not name.strip():
        raise InputError('write who proposes, then the proposal: EU: after "States" insert "and others"')
    rest = rest.strip().rstrip(".")
    for kind, form in _FORMS:
        m = form.match(rest)
        if m is None:
            continue
        groups = m.groupdict()
        if kind in ("drop", "new") and title_of(base, paragraph_id) is not None:
            raise InputError("a title is changed word by word: after … insert …, replace … with …, delete …")
        if kind == "after":
            edit = typed_edit(base, paragraph_id, after=groups["a"], new=groups["b"])
        elif kind == "replace":
            edit = typed_edit(base, paragraph_id, old=groups["a"], new=groups["b"])
        elif kind == "delete":
            edit = typed_edit(base, paragraph_id, old=groups["a"], new="")
        elif kind == "drop":
            edit = DeleteParagraph(paragraph_id)
        else:
            edit = _new_paragraph(base, paragraph_id, groups["b"])
        return Proposal(name.strip(), base_version, [edit])
    raise InputError(
        'say what is proposed: after "…" insert "…", replace "…" with "…", delete "…", delete paragraph, '
        'or new paragraph "…"'
    )


def _new_paragraph(base: Resolution, after_id: str, text: str) -> InsertParagraph:
    from app.lexicon import detect_opener

    key = next((k for k, items in list_keys(base) if any(p.id == after_id for p in items)), None)
    if key is None:
        raise InputError("no such paragraph in the text")
    found = base.locate(after_id)
    part = found[0] if found else None
    text = text.strip()
    opener = detect_opener(text, part) if part is not None else ""
    para = (
        Paragraph(opener, text[len(opener) :].strip())
        if opener and text.startswith(opener)
        else Paragraph("", text)
    )
    return InsertParagraph(key, after_id, para)
