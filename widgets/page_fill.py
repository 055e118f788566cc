"""A long draft's preview page, built without freezing the window.

`setHtml` of a 20,000-paragraph page held the UI thread for seconds (Qt parses and lays it out in one call, and
PySide holds Python's lock through it, so no thread can take it). Two ways round it, each giving the document
`setHtml` would give (the tests compare `toHtml()`):
- `PageBuilder` parses the page in slices into a document of its own, one slice per turn of the event loop, and
  hands it over whole: the pane shows the page before until the new one is ready, and Qt lays it out lazily.
- `patch` replaces, in the document shown, only the body blocks that changed (typing changes one paragraph).
Slices and patches start and end between two `<p>` blocks: a fragment inserted after a new block then takes
the formats `setHtml` gives; next to a table (a frame) Qt adds or merges an empty block.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument

SLICE_CHARS = 120_000  # HTML characters parsed per turn of the event loop (about 30 ms)
MOST_PATCHED = 400  # body blocks replaced in place at most; more (a footnote renumbering them) is a new page
_CLOSE = "</body></html>"


def _opens_paragraph(piece: str) -> bool:
    return piece.startswith("<p")


def fragment(head: str, pieces: list[str]) -> str:
    """Body pieces as an HTML document of their own, with the page's style sheet (the head up to `<body>`)."""
    style = head[: head.index("<body>") + len("<body>")]
    return style + "".join(pieces) + _CLOSE


def append(doc: QTextDocument, html: str) -> None:
    """Add a fragment that starts with a `<p>` after the document's last block, itself a paragraph."""
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    _insert_after(doc, cursor, html)


def _insert_after(doc: QTextDocument, cursor: QTextCursor, html: str) -> None:
    """Insert `html` as new blocks after the block `cursor` ends. Qt merges a fragment's first block into the
    block it goes into, with that block's format, and hands the user state of the block after on to the block
    before: the formats and states are set again from the fragment parsed alone, as `setHtml` gives them."""
    before = cursor.block()
    state = before.userState()
    cursor.insertBlock()
    first = cursor.blockNumber()
    cursor.insertHtml(html)
    before.setUserState(state)
    alone = QTextDocument()
    alone.setDefaultFont(doc.defaultFont())
    alone.setHtml(html)
    source, target = alone.begin(), doc.findBlockByNumber(first)
    fix = QTextCursor(doc)
    while source.isValid() and target.isValid():
        fix.setPosition(target.position())
        if target.blockFormat() != source.blockFormat():
            fix.setBlockFormat(source.blockFormat())
        if target.charFormat() != source.charFormat():
            fix.setBlockCharFormat(source.charFormat())
        target.setUserState(source.userState())
        source, target = source.next(), target.next()


def cuts(body: list[str], size: int | None = None) -> list[int]:
    """Where the body is cut into slices of about `size` characters (SLICE_CHARS, read when called: a test
    lowers it): only between two paragraphs."""
    size = SLICE_CHARS if size is None else size
    out, since = [], 0
    for k in range(1, len(body)):
        since += len(body[k - 1])
        if since >= size and _opens_paragraph(body[k - 1]) and _opens_paragraph(body[k]):
            out.append(k)
            since = 0
    return out


def block_starts(doc: QTextDocument, count: int, first: int = 0, stop: int = -1) -> dict[int, int]:
    """Block number of the first text block carrying each user state below `count` (a body piece's index),
    from block `first` to block `stop` (-1: the end)."""
    found: dict[int, int] = {}
    block = doc.findBlockByNumber(first)
    while block.isValid() and (stop < 0 or block.blockNumber() < stop):
        state = block.userState()
        if 0 <= state < count and state not in found:
            found[state] = block.blockNumber()
        block = block.next()
    return found


def _cut_at(old: list[str], new: list[str], k: int, starts: list[int]) -> bool:
    """Whether the body can be cut before piece `k`, in the page shown and in the new one."""
    return (
        0 < k < len(old)
        and starts[k] >= 0
        and _opens_paragraph(old[k - 1])
        and _opens_paragraph(new[k - 1])
        and _opens_paragraph(old[k])
        and _opens_paragraph(new[k])
    )


def first_change(old: list[str], new: list[str]) -> int:
    """The first piece that differs (the shorter length when one list begins the other)."""
    return next(
        (k for k, (a, b) in enumerate(zip(old, new, strict=False)) if a is not b and a != b),
        min(len(old), len(new)),
    )


def patch(doc: QTextDocument, head: str, old: list[str], new: list[str], starts: list[int]) -> bool:
    """Replace in `doc` (showing the body `old`) the pieces that differ in `new`, same count; `starts` (each
    piece's first block number, -1 unknown) follows. False, and `doc` untouched, when it cannot be done."""
    if len(old) != len(new):
        return False
    changed = [k for k in range(len(old)) if old[k] is not new[k] and old[k] != new[k]]
    if not changed:
        return True
    lo, hi = changed[0], changed[-1] + 1
    while lo > 0 and not _cut_at(old, new, lo, starts):
        lo -= 1
    # two pieces at least: Qt gives a fragment of one block the format of the block it goes into, not its own
    while hi < len(old) and (hi - lo < 2 or not _cut_at(old, new, hi, starts)):
        hi += 1
    if lo == 0 or hi >= len(old) or hi - lo > MOST_PATCHED:
        return False
    blocks = doc.blockCount()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setPosition(doc.findBlockByNumber(starts[lo]).position() - 1)  # the end of the block before
    cursor.setPosition(doc.findBlockByNumber(starts[hi]).position() - 1, QTextCursor.MoveMode.KeepAnchor)
    # the removal hands the state of the block after on to the block before: kept
    state = doc.findBlockByNumber(starts[lo] - 1).userState()
    cursor.removeSelectedText()
    cursor.block().setUserState(state)
    _insert_after(doc, cursor, fragment(head, new[lo:hi]))
    cursor.endEditBlock()
    shift = doc.blockCount() - blocks
    found = block_starts(doc, hi, starts[lo], starts[hi] + shift)
    starts[lo:hi] = [found.get(k, -1) for k in range(lo, hi)]
    starts[hi:] = [s + shift if s >= 0 else -1 for s in starts[hi:]]
    return True


LAYOUT_BLOCKS = 300  # blocks Qt is asked to lay out per turn when a patch or a follow waits for it (~40 ms)


def _is_laid_out(doc: QTextDocument, number: int) -> bool:
    layout = doc.findBlockByNumber(number).layout()
    return layout is not None and layout.lineCount() > 0


def lay_out_toward(doc: QTextDocument, number: int, step: int | None = None) -> bool:
    """Whether block `number` is laid out; if not, have Qt lay out `step` (LAYOUT_BLOCKS) more blocks toward it.
    Qt lays a page out lazily from the top, a little per timer tick: asking for a block far down lays out every
    block before it in one call (seconds at 20,000 paragraphs)."""
    if _is_laid_out(doc, number):
        return True
    lo, hi = 0, number  # the first block not laid out, by bisection: Qt lays out from the top
    while lo < hi:
        mid = (lo + hi) // 2
        if _is_laid_out(doc, mid):
            lo = mid + 1
        else:
            hi = mid
    reach = doc.findBlockByNumber(min(number, lo + (LAYOUT_BLOCKS if step is None else step)))
    doc.documentLayout().blockBoundingRect(reach)  # lays out up to this block, if Qt's lazy layout has not
    if not _is_laid_out(doc, lo):  # Qt holds its layout finished with blocks left out: lay those out anew
        start = doc.findBlockByNumber(lo).position()
        doc.markContentsDirty(start, reach.position() + reach.length() - start)
    return _is_laid_out(doc, number)


class PageBuilder(QObject):
    """Parses a page into a new document a slice per turn of the event loop; `done(doc)` when whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._doc: QTextDocument | None = None
        self._chunks: list[str] = []
        self._done: Callable[[QTextDocument], None] | None = None

    @property
    def busy(self) -> bool:
        return self._doc is not None

    def start(
        self, doc: QTextDocument, head: str, body: list[str], foot: str, done: Callable[[QTextDocument], None]
    ) -> None:
        """Build `head + body + foot` into `doc` (empty, its fonts and options set); a build under way is dropped."""
        self.cancel()
        bounds = [0, *cuts(body), len(body)]
        last = body[bounds[-2] :] if len(bounds) > 2 else []
        if len(bounds) > 2:  # the first slice stands alone; the others are fragments after it
            self._chunks = [head + "".join(body[: bounds[1]]) + _CLOSE]
            middle = [body[a:b] for a, b in zip(bounds[1:-2], bounds[2:-1], strict=True)]
            self._chunks += [fragment(head, piece) for piece in middle]
            self._chunks.append(fragment(head, [*last, foot.removesuffix(_CLOSE)]))
        else:
            self._chunks = [head + "".join(body) + foot]
        self._chunks.reverse()  # popped from the end
        self._doc, self._done = doc, done
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        if self._doc is not None:
            self._doc.deleteLater()
        self._doc, self._done, self._chunks = None, None, []

    def finish_now(self) -> None:
        """Build the rest at once (a test waiting for the page, or the window closing)."""
        while self._doc is not None:
            self._step()

    def _step(self) -> None:
        doc = self._doc
        if doc is None:
            return
        chunk = self._chunks.pop()
        if doc.isEmpty():
            doc.setHtml(chunk)
        else:
            append(doc, chunk)
        if self._chunks:
            self._timer.start()
            return
        done = self._done
        self._doc, self._done = None, None
        if done is not None:
            done(doc)
