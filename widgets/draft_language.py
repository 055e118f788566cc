"""The draft's language in the editor: chosen with the organ for a new draft, and the opener completion follows
it (French and Spanish drafts complete *Rappelant*, *Prie*; *Recordando*, *Solicita*)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QInputDialog, QWidget

from app.interface import tr
from app.languages import all_languages
from app.lexicon import phrases
from app.model import Part


def choose_language(parent: QWidget, default: str = "en") -> str | None:
    """Ask which language a new draft is written in; None when cancelled."""
    languages = list(all_languages().values())
    names = [lang.name for lang in languages]
    current = next((i for i, lang in enumerate(languages) if lang.code == default), 0)
    name, ok = QInputDialog.getItem(parent, tr("New draft"), tr("Language:"), names, current, False)
    return languages[names.index(name)].code if ok else None


def follow_language(paragraphs: object, language: str) -> None:
    """Give the paragraph list the opener completions of the draft's language (once per change of language:
    the list keeps its completers)."""
    if getattr(paragraphs, "completion_language", "en") == language:
        return
    paragraphs.completion_language = language  # type: ignore[attr-defined]
    for part in Part:
        paragraphs.set_completer_words(part, phrases(part, language))  # type: ignore[attr-defined]


def language_box() -> QComboBox:
    """The header panel's choice of the draft's language (printed words, labels, dates, checks, completion)."""
    box = QComboBox()
    for lang in all_languages().values():
        box.addItem(lang.name, lang.code)
    box.setAccessibleName(tr("Language of the draft"))
    return box
