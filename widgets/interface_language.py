"""The editor's interface language (English, Français, Español …): chosen in View > Interface Language or in
Settings, remembered in QSettings (`view/interface`), applied when the editor starts.

Resolute's own words come from the catalogs in resources/interface/ (app.interface); Qt's own buttons and
dialogs (OK, Cancel, Save, the file dialog) from Qt's qtbase_<code>.qm, which PySide6 ships in its translations
folder (and the frozen build carries, see scripts/package.py). A change applies on the next start: every
window, dock and menu is built once, in the language of the start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from app import interface
from app.interface import catalog, marked, tr

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

RESTART_NOTE = marked("Resolute speaks {language} from its next start.")
_installed: list[QTranslator] = []


def qt_translations() -> list[Path]:
    """Where Qt's own translations may be: Qt's library path, and the translations folder beside PySide6
    (a frozen build has only the second)."""
    import PySide6

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]


def apply(code: str) -> str:
    """Speak `code` from now on: Resolute's catalog, Qt's own translation, and the locale used for dates and
    numbers in widgets. Returns the code used (English for an unknown one)."""
    code = interface.use(code)
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system() if code == interface.ENGLISH else QLocale(code))
    if app is None or code == interface.ENGLISH:
        return code
    translator = QTranslator(app)
    for folder in qt_translations():
        if translator.load(f"qtbase_{code}", str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            break
    return code


def qt_translated() -> bool:
    """Whether Qt's own translation of the interface language is in use (a frozen build's smoke test)."""
    return bool(_installed)


def add_menu(win: MainWindow, view: QMenu) -> QMenu:
    """View > Interface Language: one checkable item per catalog, each in its own language; a choice is
    remembered in the window's settings and applies from the next start."""

    def choose(code: str) -> None:
        before = win.settings.interface_language
        win.settings.set(interface_language=code)
        chosen(win, before)

    current = win.settings.interface_language
    view.addSeparator()
    menu = QMenu(tr("Interface &Language"), win)
    menu.setObjectName("menu_interface_language")
    group = QActionGroup(menu)
    for code, name in interface.languages().items():
        action = menu.addAction(name)
        action.setObjectName(f"interface_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, c=code: choose(c))
    view.addMenu(menu)
    return menu


def chosen(win: MainWindow, before: str) -> None:
    """After the language may have changed (View menu, Settings): say, in the new one, from when it applies."""
    if win.settings.interface_language != before:
        win.statusBar().showMessage(restart_note(win.settings.interface_language), 10000)


def restart_note(code: str) -> str:
    """What the window says after a change, in the language chosen: it applies from the next start."""
    name = interface.languages().get(code, code)
    return catalog(code).get(RESTART_NOTE, RESTART_NOTE).format(language=name)
