"""Every action is declared once, and no two share a key."""

from __future__ import annotations

from collections import Counter

from widgets.actions import MENUS, TOOLBAR, ActionId
from widgets.main_window import MainWindow


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    keys = Counter(
        seq.toString()
        for action_id in ActionId
        for seq in window.action(action_id).shortcuts()
        if not seq.isEmpty()
    )
    assert [key for key, n in keys.items() if n > 1] == []


def test_menus_and_toolbar_list_each_action_at_most_once(window: MainWindow) -> None:
    in_menus = [item for _, items in MENUS for item in items if isinstance(item, ActionId)]
    assert len(in_menus) == len(set(in_menus))
    assert set(in_menus) >= set(item for item in TOOLBAR if item is not None)
    assert window.action(ActionId.SAVE).toolTip().startswith("Save the project file")
    menu_titles = [a.text() for a in window.menuBar().actions()]
    assert menu_titles == ["&File", "&Edit", "&Paragraph", "&View", "Ver&sions", "&Negotiate", "&Help"]
