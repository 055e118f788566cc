"""A delegation edits a layout file (the A4 page of Geneva documents) and types a word where a number goes; the
delegate, with the editor in French or Spanish, exports Word: the refusal says which file and field, in that
language (it was an English sentence), and nothing is written."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import interface
from app.datafile import parse_toml
from app.io.docx_layout import all_layouts, layout_dir
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow

GUI = Path(__file__).resolve().parent.parent / "fixtures" / "gui"
BROKEN = "geneva.toml"  # read with every layout, whatever the draft's paper


def said(code: str, english: str, **fields: Any) -> str:
    return interface.message_catalog(code)[english].format(**fields)


@pytest.fixture
def broken_layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The shipped layouts, copied, with the Geneva page's width written as a word; yields the field broken."""
    folder = tmp_path / "layout"
    shutil.copytree(layout_dir(), folder)
    path = folder / BROKEN
    text = path.read_text(encoding="utf-8")
    width = parse_toml(text)["page"]["width"]
    path.write_text(text.replace(f"width = {width}", 'width = "wide"', 1), encoding="utf-8")
    monkeypatch.setattr("app.io.docx_layout.layout_dir", lambda: folder)
    all_layouts.cache_clear()
    yield "width"
    monkeypatch.undo()
    all_layouts.cache_clear()


@pytest.fixture(params=["fr", "es"])
def code(qapp, request: pytest.FixtureRequest) -> Iterator[str]:  # noqa: ANN001
    """The editor started in French or Spanish (before its window is built, as a delegate's is)."""
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def test_exporting_with_a_broken_layout_is_refused_in_the_interface_language(
    code: str, broken_layouts: str, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    path = shutil.copy(GUI / "A_C.3_80_L.20.json", tmp_path / "draft.json")
    assert window.files.open_path(Path(path))
    out = tmp_path / "draft.docx"
    prompter.paths = [out]
    window.action(ActionId.EXPORT_DOCX).trigger()
    title, message = prompter.errors[-1]
    where = said(code, "{name}: [{table}]", name=BROKEN, table="page")
    field = said(code, "{where}: field '{field}'", where=where, field=broken_layouts)
    assert title == interface.catalog(code)["Could not export"]
    assert message == said(code, "{where} must be a number, not {value}", where=field, value=repr("wide"))
    assert not out.exists()
