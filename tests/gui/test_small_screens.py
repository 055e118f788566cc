"""A laptop window (1024x640: a 1280x800 screen at 125 % scaling) keeps the paragraphs first, shows every
finding whole, and remembers how the delegate arranged the docks, per size class (temporary QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.gui.shown import shown_window
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.settings import Settings

SMALL, WIDE = (1024, 640), (1600, 1000)


def open_window(qtbot, settings: Settings, prompter, tmp_path: Path, size: tuple[int, int]) -> MainWindow:  # noqa: ANN001
    return shown_window(qtbot, settings, prompter, tmp_path, size)


def close(win: MainWindow) -> None:
    win.doc.history.mark_saved()
    win.close()


def test_the_paragraphs_come_first_on_a_small_window(
    qtbot, settings, prompter, tmp_path, corpus: Path
) -> None:  # noqa: ANN001
    win = open_window(qtbot, settings, prompter, tmp_path, SMALL)
    assert win.files.open_path(corpus / "A_C.3_80_L.20.txt", as_import=True)
    win.flush()
    QApplication.processEvents()
    # the details and the preview share one tabbed column; the paragraphs keep most of the width
    assert win.details_dock in win.tabifiedDockWidgets(win.preview_dock)
    assert win.centralWidget().width() >= 0.55 * win.width()
    first = win.paragraphs.rows[win.paragraphs.order[0]]
    assert first.text.width() >= 0.45 * win.width()
    assert win.centralWidget().height() >= 0.5 * win.height()
    # every finding's message is shown whole: its row is as tall as the message wrapped to its column
    tree = win.issues.tree
    assert tree.topLevelItemCount() > 0
    width = tree.columnWidth(2) - 8
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        needed = tree.fontMetrics().boundingRect(
            QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, item.text(2)
        )
        assert tree.visualItemRect(item).height() >= needed.height(), item.text(2)
    # growing the window brings the wide arrangement: details left, preview right
    win.resize(*WIDE)
    QApplication.processEvents()
    assert win.dockWidgetArea(win.details_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert win.details_dock not in win.tabifiedDockWidgets(win.preview_dock)
    assert win.details_dock.isVisible() and win.preview_dock.isVisible()
    close(win)


def test_each_size_class_remembers_its_arrangement(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = open_window(qtbot, settings, prompter, tmp_path, SMALL)
    win.preview_dock.close()  # on the laptop the delegate closes the preview
    QApplication.processEvents()
    close(win)
    again = open_window(qtbot, settings, prompter, tmp_path, SMALL)
    QApplication.processEvents()
    assert not again.preview_dock.isVisible()
    assert not again.action(ActionId.SHOW_PREVIEW).isChecked()  # View > Preview follows the dock
    again.resize(*WIDE)  # on a large screen the wide arrangement is the default again
    QApplication.processEvents()
    assert again.preview_dock.isVisible()
    close(again)
    assert settings.store.value("view/state-compact") is not None
    assert settings.store.value("view/state-wide") is not None


def test_view_details_brings_its_tab_to_the_front(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = open_window(qtbot, settings, prompter, tmp_path, SMALL)
    win.preview_dock.raise_()
    QApplication.processEvents()
    assert win.details_dock.visibleRegion().isEmpty()  # behind the preview's tab
    action = win.action(ActionId.SHOW_DETAILS)
    assert not action.isChecked()  # the menu says what the delegate sees
    action.trigger()
    QApplication.processEvents()
    assert action.isChecked()
    assert not win.details_dock.visibleRegion().isEmpty() and win.preview_dock.visibleRegion().isEmpty()
    close(win)
