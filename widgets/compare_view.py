"""The compare view: the draft against its base, paragraph by paragraph, as a delegate reads a revision.

Insertions are underlined in blue, deletions struck through in red, as Word shows tracked changes. Labels are
the printed ones ("PP 2" reads as the second preambular paragraph; operative paragraphs by their numbers).
The view only reads `app.compare`; exporting is the window's job (it owns the files and the prompter).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QGuiApplication, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.compare.diff import BlockChange, Comparison, Segment
from app.compare.table_view import drawn_rows
from app.interface import fill, marked, plural, tr
from app.render import place_names
from widgets.flow import FlowLayout
from widgets.table_cap import TABLE_ROWS
from widgets.wrapping import set_html

INSERT_COLOUR = "#0b57d0"
INSERT_BACKGROUND = "#e3edfd"
DELETE_COLOUR = "#b3261e"
DELETE_BACKGROUND = "#fbe9e7"
EXPORT_LINK = "export:tracked"  # the link under a long table whose changes were not all drawn
_STATUS_NOTE = {"inserted": marked("new paragraph"), "deleted": marked("paragraph deleted")}


def _segment_html(op: str, text: str, italic: bool = False, note: bool = False) -> str:
    body = html.escape(text).replace("\n", "<br>")
    if note:
        body = f"<sup>{body}</sup>"
    elif italic:
        body = f"<i>{body}</i>"
    if op == "insert":
        return (
            f'<span style="color:{INSERT_COLOUR}; background-color:{INSERT_BACKGROUND}; '
            f'text-decoration:underline;">{body}</span>'
        )
    if op == "delete":
        return (
            f'<span style="color:{DELETE_COLOUR}; background-color:{DELETE_BACKGROUND}; '
            f'text-decoration:line-through;">{body}</span>'
        )
    return body


def _label(status: str, label: str) -> str:
    if status == "title":
        return tr("Title")
    if status == "organ":
        return ""
    return label


class CompareView(QWidget):
    """Counts, the "changed only" filter, the marked text, and the buttons for the exports."""

    export_tracked = Signal()
    oral_revisions = Signal()
    refresh_requested = Signal()
    jump = Signal(str, str)  # paragraph id, field ("text" or "tail"): a label was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.base_name = ""
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("compareCounts")
        self.changed_only = QCheckBox(tr("Changed paragraphs only"))
        self.changed_only.setToolTip(tr("Hide the paragraphs that read the same in both versions"))
        self.changed_only.toggled.connect(self._show)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(tr("Comparison with the base version"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        self.export_button = QPushButton(tr("Export with Track Changes…"))
        self.export_button.setToolTip(tr("A Word file with the changes as tracked insertions and deletions"))
        self.export_button.clicked.connect(self.export_tracked)
        self.oral_button = QPushButton(tr("Oral Revisions…"))
        self.oral_button.setToolTip(tr("The changes as a delegate reads them out in the meeting"))
        self.oral_button.clicked.connect(self.oral_revisions)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        legend = QLabel(
            f'<span style="color:{INSERT_COLOUR}; text-decoration:underline;">{tr("inserted")}</span>  '
            f'<span style="color:{DELETE_COLOUR}; text-decoration:line-through;">{tr("deleted")}</span>'
        )

        # the counts wrap and the controls flow onto more lines: on a laptop the view shares a third of a
        # 1024 px window, and on one line they made the dock (in Spanish the window) wider than that
        self.counts.setWordWrap(True)
        top = FlowLayout()
        for widget in (legend, self.changed_only):
            top.addWidget(widget)
        buttons = FlowLayout()
        for widget in (self.export_button, self.oral_button, self.refresh_button):
            buttons.addWidget(widget)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.heading)
        lay.addWidget(self.counts)
        lay.addLayout(top)
        lay.addWidget(self.browser, 1)
        lay.addLayout(buttons)
        # the buttons before the marked text: Tab in it walks each paragraph's link, and with the text first a
        # keyboard user pressed Tab a hundred times to reach Oral Revisions
        order = (self.changed_only, self.export_button, self.oral_button, self.refresh_button, self.browser)
        for first, then in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, then)
        self._rows: list[tuple[str, str, list[tuple[str, str]]]] = []
        self.show_comparison(None)

    def show_comparison(self, comparison: Comparison | None, base_name: str = "") -> None:
        self.comparison = comparison
        self.base_name = base_name
        self.export_button.setEnabled(comparison is not None)
        self.oral_button.setEnabled(comparison is not None)
        if comparison is None:
            self.heading.setText(tr("No base version to compare with: use Compare With… to choose one."))
            self.counts.setText("")
            self._rows = []
            self.browser.setHtml("")
            return
        self.heading.setText(
            tr(
                "Changes from <b>{name}</b> to the draft as it stands (click a paragraph number to go to it)"
            ).format(name=html.escape(base_name or tr("the base version")))
        )
        self._show()

    def counts_by_status(self) -> dict[str, int]:
        out = {"changed": 0, "inserted": 0, "deleted": 0, "equal": 0, "moved": 0}
        if self.comparison is None:
            return out
        moves = set()
        for block in self.comparison.blocks:
            out[block.status] += 1
            if block.move:
                moves.add(block.move)
        out["moved"] = len(moves)
        return out

    def _counts_text(self) -> str:
        c = self.counts_by_status()
        if self.comparison is not None and not self.comparison.changed:
            return tr("No changes: the two versions read the same.")
        text = fill("Paragraphs: {changed} changed, {inserted} inserted, {deleted} deleted", **c)
        if c["moved"]:
            text += fill(", {moved} moved", **c)
        return text + fill("; {equal} unchanged", **c)

    def _show(self) -> None:
        cmp = self.comparison
        if cmp is None:
            return
        self.counts.setText(self._counts_text())
        only = self.changed_only.isChecked()
        moves = {b.move for b in cmp.blocks if b.move}
        rows: list[tuple[str, str, list[tuple[str, str]]]] = []
        blocks = [None, None, *cmp.blocks]  # the title and organ lines come first in view()
        raw = [cmp.title, cmp.organ_line, *(b.segments for b in cmp.blocks)]
        counts = {"base": 0, "new": 0}
        html_rows: list[str] = []
        targets: list[str] = []
        names = place_names(cmp.base_rendered.blocks) | place_names(cmp.new_rendered.blocks)
        for (status, label, segments), block, runs in zip(cmp.view(), blocks, raw, strict=True):
            if block is not None and block.block.role == "preambular" and not block.block.level:
                # preambular paragraphs print no number; name them as the editor does, by position
                sides = (
                    ("base",)
                    if status == "deleted"
                    else ("new",)
                    if status == "inserted"
                    else ("base", "new")
                )
                for side in sides:
                    counts[side] += 1
                label = tr("PP {number}").format(number=counts["base" if status == "deleted" else "new"])
            if block is not None and block.block.role == "table" and not label:  # as the editor names it
                label = names.get(block.block.paragraph_id, "")
            changed = any(op != "equal" for op, _ in segments)
            if not any(text.strip() for _, text in segments):
                continue
            if only and not changed:
                continue
            note = tr(_STATUS_NOTE.get(status, ""))
            if block is not None and block.move and block.move in moves:
                note = tr("moved from here") if status == "deleted" else tr("moved here")
            rows.append((status, _label(status, label) + (f"\n{note}" if note else ""), segments))
            if block is not None and block.block.role == "table":
                html_rows.append(_table_html(block, cmp))
            else:
                html_rows.append("".join(_segment_html(s.op, *_shown(s, cmp)) for s in runs))
            new = block.new if block is not None else None
            targets.append(f"para:{new.paragraph_id}/{'tail' if new.is_tail else 'text'}" if new else "")
        self._rows = rows
        cells = []
        for (status, label, _), text, target in zip(rows, html_rows, targets, strict=True):
            head, _, note = label.partition("\n")
            label_html = f"<b>{html.escape(head)}</b>"
            if target and head:  # a click on the label goes to the paragraph in the editor
                label_html = (
                    f'<a href="{target}" style="color:#1f1f1f; text-decoration:none;">{label_html}</a>'
                )
            if note:
                label_html += f'<br><span style="color:#666; font-size:small;">{html.escape(note)}</span>'
            if status == "title":
                text = f"<b>{text}</b>"
            cells.append(
                f'<tr><td width="84" style="padding:4px 8px; color:#333;">{label_html}</td>'
                f'<td style="padding:4px 8px;">{text}</td></tr>'
            )
        if not cells:
            cells.append(f'<tr><td></td><td style="color:#666;">{tr("No changed paragraphs.")}</td></tr>')
        set_html(
            self.browser,
            "<html><body style=\"font-family:'Times New Roman', serif; font-size:12pt;\">"
            '<table width="100%" cellspacing="0" cellpadding="0">'
            + "".join(cells)
            + "</table></body></html>",
        )

    def _clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target == EXPORT_LINK:
            self.export_tracked.emit()
        elif target.startswith("para:"):
            paragraph_id, _, field = target[len("para:") :].partition("/")
            self.jump.emit(paragraph_id, field or "text")

    def shown_rows(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """What the view lists: (status, label, segments) per row shown."""
        return list(self._rows)

    def marked_runs(self) -> list[tuple[str, str]]:
        """The text as drawn, as (op, text) read back from the character formats: underline = insert,
        strike-through = delete. Tests and accessibility read this, not the model."""
        return marked_runs(self.browser.document())


def _shown(segment: Segment, cmp: Comparison) -> tuple[str, bool, bool]:
    """A segment's text as printed (a footnote reference as its number), italic, and whether it is a note."""
    if not segment.footnote:
        return segment.text, segment.italic or segment.opener, False
    note = cmp.footnotes[segment.footnote]
    number = cmp.new_rendered.footnote_numbers.get(note.new_id) if note.new_id else None
    if number is None:
        number = cmp.base_rendered.footnote_numbers.get(note.base_id)
    return (str(number) if number else "*"), False, True


def _table_html(change: BlockChange, cmp: Comparison) -> str:
    """A table's rows of both versions in its grid, each cell's words marked (a row deleted or inserted is a row
    of its own, its words struck through or underlined). A long table draws its changed rows, wherever they
    are, with a row of context each side and a line counting the unchanged rows between; past TABLE_ROWS rows
    drawn, a line counts the changes left and links to the Word export, which has them all."""
    drawn = drawn_rows(change.base, change.new, cmp.base, cmp.new, cmp.footnotes, TABLE_ROWS)
    columns = max((len(r.cells) for r in drawn.rows if not isinstance(r, int)), default=1)
    cells = []
    for at, row in enumerate(drawn.rows):
        if isinstance(row, int):
            last = at == len(drawn.rows) - 1
            line = (
                plural(row, "… {count} more row …", "… {count} more rows …")
                if last and drawn.more_changes
                else plural(row, "… {count} unchanged row …", "… {count} unchanged rows …")
            )
            cells.append(
                f'<tr><td colspan="{columns}" style="padding:2px 6px; color:#666;">'
                f"<i>{html.escape(line)}</i></td></tr>"
            )
            continue
        tag = "th" if row.header else "td"
        cells.append(
            "<tr>"
            + "".join(
                f'<{tag} style="padding:2px 6px;">'
                + "".join(_segment_html(s.op, *_shown(s, cmp)) for s in segments)
                + f"</{tag}>"
                for segments in row.cells
            )
            + "</tr>"
        )
    return (
        '<table border="1" cellspacing="0" style="border-collapse:collapse;">'
        + "".join(cells)
        + "</table>"
        + _more_changes(drawn.more_changes)
    )


def _more_changes(count: int) -> str:
    """The line under a table whose changes were not all drawn: how many are left, and the export's link."""
    if not count:
        return ""
    line = plural(
        count,
        "{count} more changed row is not drawn here; the Word export with tracked changes shows every change:",
        "{count} more changed rows are not drawn here; the Word export with tracked changes shows every change:",
    )
    return (
        f'<p style="color:#666;"><i>{html.escape(line)}</i> '
        f'<a href="{EXPORT_LINK}">{html.escape(tr("Export with Track Changes…"))}</a></p>'
    )


def marked_runs(document: QTextDocument) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt: QTextCharFormat = fragment.charFormat()
            op = "delete" if fmt.fontStrikeOut() else "insert" if fmt.fontUnderline() else "equal"
            if out and out[-1][0] == op:
                out[-1] = (op, out[-1][1] + fragment.text())
            else:
                out.append((op, fragment.text()))
            it += 1
        block = block.next()
    return out


class OralRevisionsDialog(QDialog):
    """The revisions as a delegate reads them out: copy them, or save them as .txt or .docx."""

    export_requested = Signal(str)  # "txt" or "docx"

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Oral revisions"))
        self.resize(640, 420)
        intro = QLabel(
            tr(
                "Read out when introducing the draft: each revision names its paragraph and the words "
                "changed, as the Secretariat records them."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(text or tr("No changes to read out: the draft reads as the base version."))
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Oral revisions"))
        font = self.text.font()
        font.setPointSize(font.pointSize() + 1)
        self.text.setFont(font)
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.txt_button = QPushButton(tr("Save as Text…"))
        self.txt_button.clicked.connect(lambda: self.export_requested.emit("txt"))
        self.docx_button = QPushButton(tr("Save as Word…"))
        self.docx_button.clicked.connect(lambda: self.export_requested.emit("docx"))
        for button in (self.copy_button, self.txt_button, self.docx_button):
            button.setEnabled(bool(text))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.copy_button, self.txt_button, self.docx_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.text, 1)
        lay.addLayout(row)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
