"""A delegation edits an organ template and leaves a field out; the editor, set to French or Spanish, cannot
build its template lists: it says which file and field in its own language, on screen and in one line on
stderr, and stops with status 2 (it died with a traceback)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app import interface
from app.paths import templates_dir
from app.templates import all_templates
from widgets import interface_language
from widgets.app import run_editor
from widgets.prompter import Prompter

BROKEN = "ga-c3.toml"


@pytest.fixture
def broken_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The shipped templates, copied, with one required field of the Third Committee's left out; yields it."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    path = folder / BROKEN
    lines = path.read_text(encoding="utf-8").splitlines()
    dropped = next(i for i, line in enumerate(lines) if line.startswith("paper ="))
    field = re.match(r"(\w+)", lines.pop(dropped)).group(1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr("app.templates.templates_dir", lambda: folder)
    all_templates.cache_clear()
    yield field
    monkeypatch.undo()
    all_templates.cache_clear()


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_editor_says_a_broken_template_in_its_language_and_stops(
    qapp, broken_templates: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, code: str
) -> None:  # noqa: ANN001
    data = tmp_path / "data"
    store = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("view/interface", code)
    store.sync()
    monkeypatch.setenv("RESOLUTE_DATA_DIR", str(data))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        Prompter, "error", lambda self, parent, title, message: shown.append((title, message))
    )
    try:
        status = run_editor([])
    finally:
        interface_language.apply(interface.ENGLISH)
    expected = interface.message_catalog(code)["{name}: missing field '{field}'"].format(
        name=BROKEN, field=broken_templates
    )
    assert status == 2
    assert shown == [(interface.catalog(code)["Resolute cannot start"], expected)]
    assert capsys.readouterr().err == f"resolute: {expected}\n"
