"""The file dialogs' filters for drafts, one list of what Resolute opens (app/io/reading.py reads each)."""

from __future__ import annotations

from app.interface import marked

DRAFT_FILTER = marked("Drafts (*.json *.docx *.pdf *.txt *.xml *.akn);;All files (*)")
IMPORT_FILTER = marked("Text, Word, PDF or UN XML (*.txt *.docx *.pdf *.xml *.akn);;All files (*)")
