"""The personal dictionary is read on the spelling thread, not while the window is made: a list of a million
words (16 MB) took 1.5 s on the UI thread at every start. One past the bound is said in the status bar, once,
in the interface language, and its first words underline nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.messages import localize
from app.spelling import personal
from widgets import interface_language
from widgets.main_window import MainWindow


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_personal_dictionary_is_read_off_the_ui_thread_and_its_bound_said(
    qtbot, settings, prompter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:  # noqa: ANN001
    monkeypatch.setattr(personal, "MAX_BYTES", 64)
    words = [f"Qwert{chr(97 + n)}yuiop" for n in range(12)]
    settings.personal_dictionary().write_text("\n".join(words) + "\n", encoding="utf-8")
    ui = threading.current_thread()
    read_on: list[bool] = []
    real = personal.read_file

    def watched(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        read_on.append(threading.current_thread() is ui)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(personal, "read_file", watched)
    interface_language.apply(language)
    try:
        win = MainWindow(settings=settings, prompter=prompter, recovery_folder=tmp_path / "recovery")
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: bool(win.statusBar().currentMessage()), timeout=15_000)
        note = personal.PersonalDictionary(settings.personal_dictionary()).note
        assert win.statusBar().currentMessage() == localize(note)
        assert read_on and not any(read_on[:-1])  # the last read: the one just made here for the note
        kept = len(personal.PersonalDictionary(settings.personal_dictionary()))
        assert 0 < kept < len(words)
        assert win.spelling.misspelt(words[0]) == [] and win.spelling.misspelt(words[-1]) != []
    finally:
        interface_language.apply("en")
    win.doc.history.mark_saved()
    win.close()
