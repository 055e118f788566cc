"""The interface catalogs (resources/interface/<code>.toml) against the code.

The texts are found by reading the code (scripts/interface_catalog.py: every literal given to app.interface's
`tr`, `marked` or `plural` in app/ and widgets/), so a new English text without its translations fails here,
and so does a catalog key the code no longer has. A second reading of widgets/ finds literal text handed to a
Qt widget without the lookup.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from app import interface
from app.conventions.engine import RULES
from scripts import interface_catalog as SCANNER  # the catalog scanner the script runs

ROOT = Path(__file__).resolve().parent.parent.parent


TEXTS = SCANNER.texts()
CODES = [code for code in interface.languages() if code != interface.ENGLISH]


def test_there_are_catalogs_and_texts() -> None:
    assert {"fr", "es"} <= set(CODES)
    assert len(TEXTS) > 100  # the editor's menus alone hold more; an empty scan would pass everything below


def test_scanner_reads_every_kind_of_lookup(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "from app.interface import marked, plural, tr\n"
        'A = marked("Table text")\n'
        "def f(n, win):\n"
        '    win.setWindowTitle(tr("Shown text"))\n'
        '    win.setText(plural(n, "{count} item", "{count} items"))\n'
        '    win.setToolTip("not looked up")\n'
        "    return tr(A)\n",
        encoding="utf-8",
    )
    assert set(SCANNER.file_texts(source)) == {"Table text", "Shown text", "{count} item", "{count} items"}


@pytest.mark.parametrize("code", CODES)
def test_every_text_has_a_translation(code: str) -> None:
    catalog = interface.catalog(code)
    missing = {text: where for text, where in TEXTS.items() if not catalog.get(text, "").strip()}
    assert not missing, f"{code}.toml lacks (python scripts/interface_catalog.py {code}): {missing}"


@pytest.mark.parametrize("code", CODES)
def test_no_catalog_key_the_code_no_longer_has(code: str) -> None:
    stale = sorted(set(interface.catalog(code)) - set(TEXTS))
    assert not stale, f"{code}.toml keeps texts no longer in the code: {stale}"


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@pytest.mark.parametrize("code", CODES)
def test_translations_keep_placeholders_lines_and_one_mnemonic(code: str) -> None:
    for english, translated in interface.catalog(code).items():
        assert _fields(translated) == _fields(english), (code, english)
        assert translated.count("\n") == english.count("\n"), (code, english)
        mnemonics = len(re.findall(r"&(?!&|\w+;)", translated))
        assert mnemonics == (1 if re.search(r"&(?!&|\w+;)", english) else 0), (code, english, translated)


@pytest.mark.parametrize("code", CODES)
def test_every_rule_has_a_title(code: str) -> None:
    titles = interface.rule_catalog(code)
    assert set(titles) == {rule for rule, _, _ in RULES}, f"{code}.toml [rules] against app.conventions RULES"
    assert all(title.strip() for title in titles.values())


def test_rule_title_follows_the_language() -> None:
    rule, _, english = RULES[0]
    try:
        assert interface.rule_title(rule) == english
        for code in CODES:
            interface.use(code)
            assert interface.rule_title(rule) == interface.rule_catalog(code)[rule] != english
    finally:
        interface.use(interface.ENGLISH)
    assert interface.rule_title("no.such-rule") == ""


def test_system_locale_chooses_a_catalog_or_english() -> None:
    for code in interface.languages():
        assert interface.system_choice(f"{code}_XX") == code
        assert interface.system_choice(f"{code.upper()}-419") == code
    unknown = next(c for c in ("de", "ru", "zh", "ar", "pt") if c not in interface.languages())
    assert interface.system_choice(f"{unknown}_DE") == interface.ENGLISH
    assert interface.system_choice("C") == interface.ENGLISH


def test_unknown_language_falls_back_to_english() -> None:
    try:
        assert interface.use("xx") == interface.ENGLISH
        some = next(iter(TEXTS))
        assert interface.tr(some) == some
    finally:
        interface.use(interface.ENGLISH)


# --- literal text handed to Qt without the lookup ------------------------------------------------------------

TEXT_CALLS = set(
    """setText setToolTip setStatusTip setPlaceholderText setWindowTitle setTitle addRow addTab setTabText
    showMessage setAccessibleName setAccessibleDescription setSpecialValueText setInformativeText setLabelText
    setWhatsThis addMenu addAction addButton addItem addItems QPushButton QLabel QGroupBox QRadioButton QCheckBox
    QMenu QToolBar QDockWidget QAction QToolButton QListWidgetItem QTreeWidgetItem QTableWidgetItem information
    warning question critical about error ask_choice ask_text open_path save_path getItem getText
    getMultiLineText getOpenFileName getSaveFileName setHeaderLabels setHorizontalHeaderLabels QMessageBox""".split()
)
NOT_TRANSLATED = {"Resolute"}  # the product's name


def _words(node: ast.expr) -> str:
    """The words of a literal (an f-string's fixed parts), markup and entities left out."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    else:
        return ""
    return re.sub(r"<[^>]*>|&\w+;", "", text)


def untranslated_literals(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        func = getattr(node, "func", None)
        name = getattr(func, "attr", None) or getattr(func, "id", "")
        if not isinstance(node, ast.Call) or name not in TEXT_CALLS:
            continue
        for arg in node.args:
            for item in arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]:
                words = _words(item)
                if re.search(r"[A-Za-z]{2}", words) and words not in NOT_TRANSLATED:
                    out.append(f"{path.name}:{node.lineno}: {words!r}")
    return out


def test_widgets_hand_qt_no_untranslated_text() -> None:
    found = [hit for path in sorted((ROOT / "widgets").glob("*.py")) for hit in untranslated_literals(path)]
    assert not found, "wrap these in app.interface.tr (and add them to the catalogs):\n" + "\n".join(found)


def test_the_literal_check_finds_an_untranslated_text(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f(win, n):\n    win.setWindowTitle("Plain English")\n    win.setText(f"{n} items")\n'
        '    win.setText(tr("Looked up"))\n    win.setText("<b>{}</b>")\n',
        encoding="utf-8",
    )
    found = untranslated_literals(sample)
    assert [hit.split(": ", 1)[1] for hit in found] == ["'Plain English'", "'{} items'"]
