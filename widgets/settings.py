"""The user's settings, over a QSettings passed in (tests give one backed by a temporary file)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QLocale, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from app import interface, states
from app.interface import tr
from app.templates import all_templates, template_name

MAX_RECENT = 10


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        override = os.environ.get("RESOLUTE_DATA_DIR")  # one folder for everything (tests, portable use)
        if store is None and override:
            store = QSettings(str(Path(override) / "settings.ini"), QSettings.Format.IniFormat)
        self.store = store or QSettings("Resolute", "Resolute")

    def _get(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def user_name(self) -> str:
        return self._get("user/name")

    @property
    def delegation(self) -> str:
        """The user's State: the first sponsor of a new draft."""
        return self._get("user/delegation")

    @property
    def default_template(self) -> str:
        """The template chosen, while it exists (one removed, or named by a newer Resolute, stopped the editor
        from starting): else the General Assembly plenary's."""
        from app.templates import all_templates

        chosen = self._get("defaults/template", "ga-plenary")
        return chosen if chosen in all_templates() else "ga-plenary"

    @property
    def paper(self) -> str:
        """ "" (the template's paper), "a4" or "letter"."""
        return self._get("defaults/paper")

    @property
    def spelling_language(self) -> str:
        return self._get("defaults/spelling", "en-GB")

    @property
    def interface_language(self) -> str:
        """The editor's language: the one chosen, else the system's when Resolute speaks it, else English."""
        return self._get("view/interface") or interface.system_choice(QLocale.system().name())

    @property
    def zoom(self) -> int:
        try:
            return int(self.store.value("view/zoom", 0))
        except (TypeError, ValueError):
            return 0

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.store.setValue("view/zoom", value)

    def set(self, **values: str) -> None:
        keys = {
            "user_name": "user/name",
            "delegation": "user/delegation",
            "default_template": "defaults/template",
            "paper": "defaults/paper",
            "spelling_language": "defaults/spelling",
            "interface_language": "view/interface",
        }
        for name, value in values.items():
            self.store.setValue(keys[name], value)
        self.store.sync()

    @property
    def first_run(self) -> bool:
        """True until the start page has been shown once."""
        return self.store.value("start/shown") is None

    def mark_started(self) -> None:
        self.store.setValue("start/shown", True)
        self.store.sync()

    def recent_files(self) -> list[Path]:
        value = self.store.value("recent/files", [])
        if isinstance(value, (str, QByteArray)):
            value = [value]
        if not isinstance(value, (list, tuple)):  # a damaged settings file: a number, a map
            return []
        return [p for p in map(_recent_path, value) if p is not None]

    def add_recent(self, path: Path) -> None:
        items = [path.resolve()] + [p for p in self.recent_files() if p.resolve() != path.resolve()]
        self.store.setValue("recent/files", [_stored_path(p) for p in items[:MAX_RECENT]])
        self.store.sync()

    def personal_dictionary(self) -> Path:
        """Words the user added; kept beside the settings (an override for tests through the store)."""
        override = self._get("spelling/personal")
        if override:
            return Path(override)
        folder = os.environ.get("RESOLUTE_DATA_DIR") or platformdirs.user_data_dir(
            "Resolute", appauthor=False
        )
        return Path(folder) / "personal-dictionary.txt"


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.settings = settings
        form = QFormLayout(self)
        self.name = QLineEdit(settings.user_name)
        self.delegation = QComboBox()
        self.delegation.setEditable(True)
        self.delegation.addItems(["", *states.all_states()])
        self.delegation.setCurrentText(settings.delegation)
        self.delegation.setToolTip(tr("Your State: the first sponsor of every new draft"))
        self.template = QComboBox()
        for tpl in all_templates().values():
            self.template.addItem(template_name(tpl.id, tpl.name), tpl.id)
        self.template.setCurrentIndex(max(0, self.template.findData(settings.default_template)))
        self.paper = QComboBox()
        for label, value in (
            (tr("As the organ prints (template)"), ""),
            ("A4", "a4"),
            (tr("US Letter"), "letter"),
        ):
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        self.spelling = QComboBox()
        for label, value in ((tr("English (United Kingdom, UN usage)"), "en-GB"),):
            self.spelling.addItem(label, value)
        form.addRow(tr("Your &name:"), self.name)
        form.addRow(tr("&Delegation:"), self.delegation)
        form.addRow(tr("Default &organ:"), self.template)
        form.addRow(tr("&Paper:"), self.paper)
        form.addRow(tr("&Spelling:"), self.spelling)
        self.interface = QComboBox()
        for code, name in interface.languages().items():
            self.interface.addItem(name, code)
        self.interface.setCurrentIndex(max(0, self.interface.findData(settings.interface_language)))
        self.interface.setToolTip(tr("The language of menus, dialogs and messages, from the next start"))
        form.addRow(tr("&Interface language:"), self.interface)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.set(
            user_name=self.name.text().strip(),
            delegation=self.delegation.currentText().strip(),
            default_template=self.template.currentData(),
            paper=self.paper.currentData(),
            spelling_language=self.spelling.currentData(),
            interface_language=self.interface.currentData(),
        )
        super().accept()


def _stored_path(path: Path) -> str | QByteArray:
    """A recent file as the settings keep it: its name as text, or, for a name that is not UTF-8 (a byte of an
    old Latin-1 disk, kept by Python as a lone surrogate), its bytes: Qt turned the surrogate into U+FFFD, so
    the name no longer named the file and the entry was dropped as missing."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return QByteArray(os.fsencode(name))
    return name


def _recent_path(value: object) -> Path | None:
    if isinstance(value, QByteArray):
        raw = bytes(value.data())
        return Path(os.fsdecode(raw)) if raw.strip() and b"\x00" not in raw else None
    return Path(value) if isinstance(value, str) and value.strip() and "\x00" not in value else None
