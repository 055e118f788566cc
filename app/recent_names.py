"""How File › Open Recent names its files: by name, and where two share a name (each round's "eu-copy.docx" in
a folder of its own, a draft.docx per committee) by the folders that tell them apart, so that the menu's entries
differ; the menu showed the same name twice, its folder only in a tooltip menus do not show."""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def recent_names(paths: list[Path]) -> list[str]:
    """Each path's name, with as many of its folders after it ("eu-copy.docx — round 2") as make it unique."""
    names = [path.name for path in paths]
    for depth in range(1, max((len(p.parts) for p in paths), default=0)):
        counts = Counter(names)
        if all(counts[n] == 1 for n in names):
            break
        names = [
            _with_folders(path, depth) if counts[name] > 1 else name
            for path, name in zip(paths, names, strict=True)
        ]
    return names


def _with_folders(path: Path, depth: int) -> str:
    folders = path.parent.parts[-depth:]
    return f"{path.name} — {'/'.join(folders)}" if folders else path.name
