"""New documents with sensible defaults."""

from __future__ import annotations

import datetime as dt

from app.model import Header, Paragraph, Resolution
from app.templates import get_template


def current_ga_session(today: dt.date | None = None) -> int:
    """The regular GA session that is open on a date: the 80th opened in September 2025."""
    today = today or dt.date.today()
    return today.year - 1945 - (0 if today.month >= 9 else 1)


def new_resolution(template_id: str, *, today: dt.date | None = None) -> Resolution:
    """An empty draft for an organ: this session or year, today's date, one empty paragraph of each part."""
    tpl = get_template(template_id)
    today = today or dt.date.today()
    header = Header(template=tpl.id, date=today)
    if tpl.uses_year:
        header.year = today.year
    else:
        header.session = current_ga_session(today)
    return Resolution(header=header, preamble=[Paragraph()], operative=[Paragraph()])
