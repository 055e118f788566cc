"""New documents with sensible defaults."""

from __future__ import annotations

import datetime as dt

from app.errors import TemplateError
from app.languages import all_languages
from app.messages import say
from app.model import DocumentKind, Header, Paragraph, Resolution
from app.templates import get_template


def current_ga_session(today: dt.date | None = None) -> int:
    """The regular GA session that is open on a date: the 80th opened in September 2025."""
    today = today or dt.date.today()
    return today.year - 1945 - (0 if today.month >= 9 else 1)


def new_resolution(
    template_id: str,
    *,
    kind: DocumentKind = DocumentKind.DRAFT_RESOLUTION,
    today: dt.date | None = None,
    language: str = "en",
) -> Resolution:
    """An empty draft for an organ: this session or year, today's date, one empty paragraph of each part (a
    draft decision: only the operative part, as the UN prints decisions), in a language of
    resources/languages/ (an unknown code is an error)."""
    tpl = get_template(template_id)
    if language not in all_languages():
        known = ", ".join(all_languages())
        raise TemplateError(say("no language '{code}' (known: {known})", code=language[:20], known=known))
    today = today or dt.date.today()
    header = Header(
        template=tpl.id,
        date=today,
        kind=kind,
        language=language,
        original_language=all_languages()[language].english_name,
    )
    if tpl.uses_year:
        header.year = today.year
    else:
        header.session = current_ga_session(today)
    preamble = [] if kind is DocumentKind.DRAFT_DECISION else [Paragraph()]
    return Resolution(header=header, preamble=preamble, operative=[Paragraph()])
