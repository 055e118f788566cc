"""The editor in French and Spanish, driven as a delegate does: the language chosen in View > Interface Language
or Settings is remembered and used from the next start; a window built in French shows French menus, actions,
docks, panels and dialogs, and Qt's own buttons (OK, Cancel) in French. Expected texts come from the catalogs
(resources/interface/) and from Qt's own translation file, never typed here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QMenu, QTabBar, QToolBar

from app import interface
from app.interface import catalog
from widgets import settings as settings_module
from widgets.actions import MENUS, SPECS, ActionId
from widgets.interface_language import RESTART_NOTE, apply, qt_translations
from widgets.settings import Settings, SettingsDialog
from widgets.welcome import KeyCardDialog, WelcomeDialog, key_card_rows

OTHERS = [code for code in interface.languages() if code != interface.ENGLISH]


@pytest.fixture
def speak(qapp) -> Iterator:  # noqa: ANN001
    """speak("fr"): the interface language for windows built from now on; English again after the test."""
    yield apply
    apply(interface.ENGLISH)


def _fills(template: str, shown: str) -> bool:
    """Whether `shown` is `template` with numbers in its {placeholders}."""
    pattern = re.sub(r"\\\{\w+\\\}", r"\\d+", re.escape(template))
    return re.fullmatch(pattern, shown) is not None


def _menu(window, english_title: str) -> QMenu:  # noqa: ANN001
    title = interface.tr(english_title)
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


@pytest.mark.parametrize("code", OTHERS)
def test_qt_ships_its_own_translation(code: str) -> None:
    assert any((folder / f"qtbase_{code}.qm").is_file() for folder in qt_translations())


@pytest.mark.parametrize("code", OTHERS)
def test_a_window_built_in_another_language_speaks_it(code: str, speak, request) -> None:  # noqa: ANN001
    speak(code)
    window = request.getfixturevalue("window")
    text = catalog(code)
    menus = {a.text() for a in window.menuBar().actions()}
    assert {text[title] for title, _ in MENUS} | {text["&Negotiate"]} == menus
    for action_id in ActionId:
        assert window.action(action_id).text().split("\t")[0] == text[SPECS[action_id].text]
    assert window.details_dock.windowTitle() == text["Document details"]
    assert window.preview_dock.windowTitle() == text["Preview (as printed)"]
    assert window.issues_dock.windowTitle() == text["Issues and footnotes"]
    assert _fills(text["Footnotes ({count})"], window.bottom_tabs.tabText(1))
    summary = window.issues.summary.text()
    counts = [text[f"{{count}} {kind}{s}"] for kind in ("error", "warning", "note") for s in ("", "s")]
    pieces = summary.split(", ")
    assert summary == text["No issues found."] or (
        len(pieces) == 3 and all(any(_fills(t, piece) for t in counts) for piece in pieces)
    )
    assert window.paragraphs.pre_heading.text() == text["Preamble"]
    assert window.header.findChild(QGroupBox).title() == text["Document"]


@pytest.mark.parametrize("code", OTHERS)
def test_dialogs_and_qt_buttons_follow(code: str, speak, request, settings: Settings) -> None:  # noqa: ANN001
    speak(code)
    window = request.getfixturevalue("window")
    text = catalog(code)
    dialog = SettingsDialog(settings, window)
    assert dialog.windowTitle() == text["Settings"]
    buttons = dialog.findChild(QDialogButtonBox)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    qt_cancel = QCoreApplication.translate("QPlatformTheme", "Cancel").replace("&", "")
    assert cancel == qt_cancel != "Cancel"  # Qt's own word, from qtbase_<code>.qm
    assert KeyCardDialog(window).windowTitle() == text["Keys"]
    enter = QKeySequence("Enter").toString(QKeySequence.SequenceFormat.NativeText)
    assert enter != "Enter" and dict(key_card_rows())[enter] == text["New paragraph after this one"]
    assert WelcomeDialog(settings.default_template, window).windowTitle() == text["Start a draft — Resolute"]


def test_choosing_a_language_in_the_view_menu_is_remembered(window, settings: Settings) -> None:  # noqa: ANN001
    target = OTHERS[0]
    menu = next(
        a.menu()
        for a in _menu(window, "&View").actions()
        if a.menu() and a.menu().objectName() == "menu_interface_language"
    )
    item = next(a for a in menu.actions() if a.objectName() == f"interface_{target}")
    assert item.text() == interface.languages()[target]
    item.trigger()
    assert settings.interface_language == target
    assert Settings(settings.store).interface_language == target  # a new start reads it back
    name = interface.languages()[target]
    assert window.statusBar().currentMessage() == catalog(target)[RESTART_NOTE].format(language=name)
    assert _menu(window, "&File").title() == "&File"  # this window keeps the language it was built in


def test_the_settings_dialog_sets_the_language(window, settings: Settings) -> None:  # noqa: ANN001
    dialog = SettingsDialog(settings, window)
    target = OTHERS[-1]
    dialog.interface.setCurrentIndex(dialog.interface.findData(target))
    dialog.accept()
    assert settings.interface_language == target


@pytest.mark.parametrize("locale_name", ["fr_CA", "es_MX", "de_DE", "en_US"])
def test_the_default_is_the_system_language_when_resolute_speaks_it(
    locale_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class SystemLocale(QLocale):
        @staticmethod
        def system() -> QLocale:
            return QLocale(locale_name)

    monkeypatch.setattr(settings_module, "QLocale", SystemLocale)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    language = locale_name.split("_")[0]
    expected = language if language in interface.languages() else interface.ENGLISH
    assert Settings(store).interface_language == expected


@pytest.mark.parametrize("code", OTHERS)
def test_a_finding_shows_its_rule_title_and_severity_in_the_language(code: str, speak, request) -> None:  # noqa: ANN001
    from app.conventions.engine import RULES
    from app.findings import Finding, Severity

    speak(code)
    window = request.getfixturevalue("window")
    rule = RULES[-1][0]
    window.issues.set_findings([Finding(rule, Severity.WARNING, "message")], lambda _f: "")
    item = window.issues.tree.topLevelItem(0)
    assert item.text(0) == catalog(code)["▲ Warning"]
    assert item.text(1) == catalog(code)["Header"]
    assert item.toolTip(2).endswith(f"[{rule}] {interface.rule_catalog(code)[rule]}")


@pytest.mark.parametrize("code", OTHERS)
def test_dock_tabs_and_toolbar_fit_a_small_window(code: str, speak, request, qtbot) -> None:  # noqa: ANN001
    """French and Spanish run longer than English: at 1024x640 no dock tab is elided and the toolbar fits."""
    speak(code)
    window = request.getfixturevalue("window")
    window.resize(1024, 640)
    qtbot.wait(50)
    bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible() and bar.count()]
    assert bars  # the small window tabs its side column
    for bar in bars:
        for i in range(bar.count()):
            assert bar.tabRect(i).width() >= bar.tabSizeHint(i).width(), (code, bar.tabText(i))
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar.sizeHint().width() <= window.width()
