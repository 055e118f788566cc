"""The real editor window on a temporary document, with a synchronous background and scripted answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.model import Resolution
from tests.gui.shown import shown_window
from widgets.main_window import MainWindow
from widgets.settings import Settings


class ScriptedPrompter:
    """Answers the window's questions the way the test says; records errors it was shown."""

    def __init__(self) -> None:
        self.save_answer = "discard"
        self.restore = True
        self.paths: list[Path] = []
        self.template = "ga-c1"
        self.errors: list[tuple[str, str]] = []
        self.texts: list[str] = []  # answers to ask_text, in order
        self.choices: list[str] = []  # answers to ask_choice (the item's text), in order
        self.offered: list[str] = []  # what the last ask_choice offered
        self.asked_save = 0
        self.open_long = False  # the answer to "open a file of thousands of paragraphs?"
        self.asked_long: list[tuple[str, int]] = []  # (file name, paragraphs) of each time it was asked

    def ask_save(self, parent, name: str) -> str:  # noqa: ANN001
        self.asked_save += 1
        return self.save_answer

    def ask_restore(self, parent, item) -> bool:  # noqa: ANN001
        return self.restore

    def ask_open_long(self, parent, name: str, paragraphs: int) -> bool:  # noqa: ANN001
        self.asked_long.append((name, paragraphs))
        return self.open_long

    def open_path(self, parent, caption: str, filters: str) -> Path | None:  # noqa: ANN001
        return self.paths.pop(0) if self.paths else None

    def save_path(self, parent, caption: str, filters: str, suggested: str) -> Path | None:  # noqa: ANN001
        return self.paths.pop(0) if self.paths else None

    def choose_language(self, parent) -> str | None:  # noqa: ANN001
        return "en"

    def choose_template(self, parent, default: str) -> str | None:  # noqa: ANN001
        return self.template

    def ask_choice(self, parent, title: str, label: str, choices: list[str]) -> int | None:  # noqa: ANN001
        self.offered = list(choices)
        return choices.index(self.choices.pop(0)) if self.choices else None

    def ask_text(self, parent, title: str, label: str, text: str) -> str | None:  # noqa: ANN001
        self.asked_text = text
        return self.texts.pop(0) if self.texts else None

    def ask_line(self, parent, title: str, label: str, text: str) -> str | None:  # noqa: ANN001
        return self.ask_text(parent, title, label, text)

    def error(self, parent, title: str, message: str) -> None:  # noqa: ANN001
        self.errors.append((title, message))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("spelling/personal", str(tmp_path / "personal.txt"))
    store.setValue("defaults/template", "ga-c1")
    return Settings(store)


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def window(qtbot, settings: Settings, prompter: ScriptedPrompter, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path)
    yield win
    prompter.save_answer = "discard"
    win.close()


def open_as_project(window: MainWindow, issued: Path, tmp_path: Path) -> Resolution:
    """Read an issued draft, save it as a project and open that in the window, as a facilitator starts."""
    from app import storage
    from app.io.reading import read_document

    project = tmp_path / "draft.json"
    base = read_document(issued).resolution
    storage.save_project(base, project)
    assert window.files.open_path(project)
    return base
