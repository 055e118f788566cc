"""Undo and redo for one document, in the core (the Anki model).

Every command in `app.edits` records one `Entry`: how to apply it again and how to take it back, plus the
`Change` it made so views know what to refresh. Consecutive typing in the same field merges into one entry.
The GUI only displays `undo_status()`; it never keeps a second undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Change:
    """What a command (or its undo) changed, so each view refreshes only what it shows."""

    label: str = ""
    structure: bool = False  # paragraphs added, removed, moved or re-nested
    paragraph_ids: frozenset[str] = frozenset()  # paragraphs whose opener, text or tail changed
    header: bool = False
    title: bool = False
    footnotes: bool = False  # footnote texts, or footnotes added or removed
    revision: int = 0  # the document revision after the change
    focus: str = ""  # the paragraph the user is working on after the change (for the editor's cursor)

    def merged(self, other: Change) -> Change:
        return Change(
            label=other.label or self.label,
            structure=self.structure or other.structure,
            paragraph_ids=self.paragraph_ids | other.paragraph_ids,
            header=self.header or other.header,
            title=self.title or other.title,
            footnotes=self.footnotes or other.footnotes,
            revision=max(self.revision, other.revision),
            focus=other.focus or self.focus,
        )


@dataclass
class Entry:
    label: str  # "Typing", "Delete paragraph": shown as "Undo Typing"
    apply: Callable[[], None]
    revert: Callable[[], None]
    change: Change
    merge_key: tuple[object, ...] | None = None  # entries with the same key in a row merge into one
    undo_focus: str = ""  # the paragraph the user was on before the command: where undo takes the cursor back


@dataclass(frozen=True)
class UndoStatus:
    undo: str  # label of the entry undo would take back, "" when there is none
    redo: str


@dataclass
class History:
    limit: int = 1000
    _undo: list[Entry] = field(default_factory=list)
    _redo: list[Entry] = field(default_factory=list)
    revision: int = 0  # rises with every change, undo and redo: background results carry it
    structure_revision: int = 0  # rises when paragraphs are added, removed or moved (lookup caches key on it)
    _saved_at: object = None  # the undo entry on top when last saved (None: the empty history)
    _sealed: bool = False
    _dirty_without_entry: bool = False

    def record(self, entry: Entry) -> Change:
        """Remember a command that has already been applied. Returns its change with the new revision."""
        self.revision += 1
        self.structure_revision += entry.change.structure
        self._redo.clear()
        top = self._undo[-1] if self._undo else None
        if (
            top is not None
            and not self._sealed
            and entry.merge_key is not None
            and entry.merge_key == top.merge_key
            and top is not self._saved_at
        ):
            first_revert = top.revert
            top.apply = entry.apply
            top.revert = first_revert
            top.change = top.change.merged(entry.change)
        else:
            self._undo.append(entry)
            if len(self._undo) > self.limit:
                dropped = self._undo.pop(0)
                if dropped is self._saved_at:
                    self._saved_at = _UNREACHABLE
        self._sealed = False
        return replace(entry.change, revision=self.revision)

    def seal(self) -> None:
        """End the current typing run: the next edit starts a new undo entry."""
        self._sealed = True

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Change | None:
        if not self._undo:
            return None
        entry = self._undo.pop()
        entry.revert()
        self._redo.append(entry)
        self.revision += 1
        self.structure_revision += entry.change.structure
        self._sealed = True
        return replace(entry.change, revision=self.revision, focus=entry.undo_focus or entry.change.focus)

    def focus_before(self, paragraph_id: str) -> None:
        """Where the user was before the command just recorded: undoing it takes the cursor back there (undoing
        a new paragraph leaves no cursor otherwise: the paragraph it named is gone)."""
        if self._undo and not self._undo[-1].undo_focus:
            self._undo[-1].undo_focus = paragraph_id

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        entry = self._redo.pop()
        entry.apply()
        self._undo.append(entry)
        self.revision += 1
        self.structure_revision += entry.change.structure
        self._sealed = True
        return replace(entry.change, revision=self.revision)

    def undo_status(self) -> UndoStatus:
        return UndoStatus(
            undo=self._undo[-1].label if self._undo else "",
            redo=self._redo[-1].label if self._redo else "",
        )

    def mark_saved(self) -> None:
        self._saved_at = self._undo[-1] if self._undo else None
        self._sealed = True
        self._dirty_without_entry = False

    def mark_modified(self) -> None:
        """The document differs from its file for a reason outside the history (e.g. restored from recovery)."""
        self._dirty_without_entry = True

    @property
    def modified(self) -> bool:
        top = self._undo[-1] if self._undo else None
        return self._dirty_without_entry or top is not self._saved_at

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._saved_at = None


_UNREACHABLE = object()
