"""The issues list's summary and the status bar's counts, and `resolute check --lang`'s last line, count each
severity in its number in the interface language: French puts a count of 0 in the singular ("0 erreur,
1 avertissement, 0 remarque"; "0 erreurs … 0 remarques" read as a translation), Spanish and English in the
plural ("0 errores", "0 errors"). A draft whose only finding is the import's note on a header line kept as
unplaced text is opened in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import cli, interface
from tests.gui.shown import shown_window
from widgets import interface_language

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "cli" / "clean.txt"
LINE = "Informal consultations held by the facilitator, Ms. Jane Roe"
SAID = {  # (errors, warnings, notes) = (0, 1, 0)
    "fr": "0 erreur, 1 avertissement, 0 remarque",
    "es": "0 errores, 1 advertencia, 0 notas",
    "en": "0 errors, 1 warning, 0 notes",
}


def _draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    text = CLEAN.read_text(encoding="utf-8")
    path.write_text(text.replace("Second Committee\n", f"Second Committee\n{LINE}\n", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("language", sorted(SAID))
def test_the_counts_in_the_issues_list_and_status_bar(qtbot, settings, prompter, tmp_path, language) -> None:  # noqa: ANN001
    interface_language.apply(language)
    try:
        win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
        assert win.files.open_path(_draft(tmp_path), as_import=True)
        qtbot.waitUntil(lambda: win.issues.tree.topLevelItemCount() == 1)
        assert win.issues.summary.text() == SAID[language]
        assert win.counts_label.text().strip() == " · ".join(SAID[language].split(", ")[:2])
        prompter.save_answer = "discard"
        win.close()
    finally:
        interface_language.apply(interface.ENGLISH)


@pytest.mark.parametrize("language", sorted(SAID))
def test_the_command_lines_summary(tmp_path: Path, capsys, language: str) -> None:  # noqa: ANN001
    try:
        assert cli.run(["check", str(_draft(tmp_path)), "--lang", language]) == 0
    finally:
        interface.use(interface.ENGLISH)
    assert capsys.readouterr().out.splitlines()[-1] == SAID[language]
