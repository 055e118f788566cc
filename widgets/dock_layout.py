"""The docks around the paragraphs: building them, their sizes, and one arrangement per screen size.

The paragraphs come first. On a wide window the details sit left and the preview right; on a small one
(a laptop at 125-150 % scaling gives 1024x640) the details and the preview share one tabbed column, so the
paragraph column keeps most of the width. Each size class remembers the arrangement the user left it in
(QSettings `view/state-wide`, `view/state-compact`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QStyle, QWidget

from app.interface import tr
from widgets.actions import ActionId
from widgets.fit_window import DownScroll

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

COMPACT_BELOW = 1280  # window width (px) under which the side docks share one column
_AREAS = Qt.DockWidgetArea


class DockLayout(QObject):
    def __init__(self, win: MainWindow, store: QSettings) -> None:
        super().__init__(win)
        self.win = win
        self.store = store
        self.compact: bool | None = None  # None until the first fit
        self._fitted_width = 0
        self._restored = False  # the arrangement came from the settings: leave its sizes alone
        self._beside: list[QDockWidget] = []  # the docks shown on demand as tabs beside the preview

    def add(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock titled `title` (marked English text) in the interface language; its object name, which the
        saved arrangement uses, stays the English title."""
        dock = QDockWidget(tr(title), self.win)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.win.addDockWidget(area, dock)
        return dock

    def add_beside_preview(self, title: str, widget: QWidget) -> QDockWidget:
        """A dock shown on demand as a tab beside the preview (compare, negotiation); hidden at first. Its view
        scrolls when the dock is shorter than it: with a 14-point font on a 1024x640 window the compare view's
        buttons and the end of its heading were cut off below the dock."""
        dock = self.add(title, DownScroll(widget), _AREAS.RightDockWidgetArea)
        self.win.tabifyDockWidget(self.win.preview_dock, dock)
        dock.hide()
        self._beside.append(dock)
        return dock

    def wire_view_actions(self) -> None:
        """View > Preview, Issues, Details show and hide their docks, and follow them when closed by hand."""
        win = self.win
        for action_id, dock in (
            (ActionId.SHOW_PREVIEW, win.preview_dock),
            (ActionId.SHOW_ISSUES, win.issues_dock),
            (ActionId.SHOW_DETAILS, win.details_dock),
        ):
            action = win.action(action_id)
            action.setChecked(dock.isVisible())
            action.toggled.connect(lambda on, d=dock: _show(d, on))
            dock.visibilityChanged.connect(lambda visible, a=action: _check_quietly(a, visible))

    # --- arrangement -------------------------------------------------------------------------------------

    def restore_geometry(self) -> None:
        geometry = _saved_bytes(self.store.value("view/geometry"))
        if geometry is not None:
            self.win.restoreGeometry(geometry)  # where the user left the window (Qt refuses a bad one itself)

    def fit(self, width: int) -> None:
        """Called on every resize: switch arrangement when the window crosses the size classes; within one,
        re-share the width only when it changes noticeably, so a delegate's own dock sizes stay."""
        compact = width < COMPACT_BELOW
        if compact != self.compact:
            if self.compact is not None:
                self._remember()
            self.compact = compact
            self._fitted_width = width
            self._restored = self._restore()
            if not self._restored:
                self.arrange(compact, width)
        elif abs(width - self._fitted_width) > 160:
            self._fitted_width = width
            self._share(width)

    def shown(self) -> None:
        """The window is on screen: sizes asked for before it was laid out are applied only now."""
        if self.compact is not None and not self._restored:
            self._share(self.win.width())
            self._size_issues()

    def arrange(self, compact: bool, width: int) -> None:
        """The default arrangement for a size class."""
        win = self.win
        side = (win.details_dock, win.preview_dock)
        win.preview.setMinimumWidth(280 if compact else 420)
        win.details_scroll.setMinimumWidth(260 if compact else 330)
        if compact:
            win.addDockWidget(_AREAS.RightDockWidgetArea, win.details_dock)
            win.tabifyDockWidget(win.details_dock, win.preview_dock)
        else:
            win.addDockWidget(_AREAS.LeftDockWidgetArea, win.details_dock)
        for dock in side:
            dock.show()
        for dock in self._beside:  # still tabs beside the preview, never a strip above it
            win.tabifyDockWidget(win.preview_dock, dock)
        win.preview_dock.raise_()  # the page first; the details are a tab away
        self._share(width)
        self._size_issues()

    def _size_issues(self) -> None:
        win = self.win
        share = 0.26 if self.compact else 0.17
        win.resizeDocks([win.issues_dock], [max(110, int(win.height() * share))], Qt.Orientation.Vertical)

    def _share(self, width: int) -> None:
        win = self.win
        if self.compact:
            win.resizeDocks([win.preview_dock], [int(width * 0.36)], Qt.Orientation.Horizontal)
        else:
            win.resizeDocks(
                [win.details_dock, win.preview_dock],
                [self._details_width(width), int(width * 0.32)],
                Qt.Orientation.Horizontal,
            )

    def _details_width(self, width: int) -> int:
        """A fifth of the window, or what the details need whole (a 14-point font, Spanish labels) up to a
        third of it: at 22 % every field was cut off at the right. Past that the details scroll sideways."""
        scroll = self.win.details_scroll
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        needed = self.win.header.minimumSizeHint().width() + bar + 2 * scroll.frameWidth() + 4
        return max(int(width * 0.22), min(needed, int(width * 0.34)))

    def _key(self) -> str:
        return "view/state-compact" if self.compact else "view/state-wide"

    def _remember(self) -> None:
        self.store.setValue(self._key(), self.win.saveState())

    def _restore(self) -> bool:
        state = _saved_bytes(self.store.value(self._key()))
        if state is None:
            return False
        compact = bool(self.compact)
        self.win.preview.setMinimumWidth(280 if compact else 420)
        self.win.details_scroll.setMinimumWidth(260 if compact else 330)
        return bool(self.win.restoreState(state))

    def save(self) -> None:
        """On close: the window's place and this size class's arrangement."""
        self.store.setValue("view/geometry", self.win.saveGeometry())
        if self.compact is not None:
            self._remember()


def _show(dock: QDockWidget, on: bool) -> None:
    """Show a dock and bring its tab to the front (in a small window the details share a tab with the preview)."""
    dock.setVisible(on)
    if on:
        dock.raise_()


def _check_quietly(action, checked: bool) -> None:  # noqa: ANN001
    action.blockSignals(True)
    action.setChecked(checked)
    action.blockSignals(False)


def _saved_bytes(value: object) -> QByteArray | None:
    """What Qt saved as bytes; None for anything else a hand-edited or damaged settings file holds there (a
    string or a number there stopped the editor from starting)."""
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, (bytes, bytearray)):
        return QByteArray(bytes(value))
    return None
