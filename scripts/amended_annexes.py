"""How many issued annexes come back whole from an amendment that adds them: each labelled annex of the UN XML
under tests/fixtures/akn and tests/fixtures/structure added to A/RES/77/5 (`resolute amend`), the amendment
written as text, Word and Akoma Ntoso, read back and applied; an annex counts when its title, each paragraph's
words (footnotes by their words), section heading and table cells, and which paragraphs are numbered are as
issued.

    .venv/bin/python scripts/amended_annexes.py
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import amendments  # noqa: E402
from app.cli import run  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.reading import read_document  # noqa: E402
from app.model import Annex, Resolution  # noqa: E402
from app.storage import save_project  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
BASE = FIXTURES / "structure" / "A_RES_77_5-2225005E.xml"


def _words(text: str, notes: dict[str, str]) -> str:
    """Words as compared: spacing evened, each footnote reference as its note's words (read back, a note has an
    id of its own), invisible direction marks left out (no export prints them)."""
    said = re.sub(r"\[\^(\w+)\]", lambda m: f"[^{notes.get(m.group(1), '?')}]", text.replace("\u200e", ""))
    return " ".join(said.split())


def _shape(annex: Annex, res: Resolution) -> list[tuple]:
    """The annex's title, then each paragraph: numbered or not, its heading, its words, its table's cells."""
    notes = {key: " ".join(note.text.split()) for key, note in res.footnotes.items()}
    out: list[tuple] = [(_words(annex.title, notes),)]
    for p in annex.paragraphs:
        cells = [[_words(c, notes) for c in row] for row in p.table]
        out.append((p.numbered, _words(p.heading, notes), _words(p.text, notes), cells))
    return out


def main() -> None:
    base = read_document(BASE).resolution
    sources = sorted((FIXTURES / "akn").glob("*.xml")) + sorted((FIXTURES / "structure").glob("*.xml"))
    counts = {".txt": 0, ".docx": 0, ".xml": 0}
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in sources:
            if path == BASE:
                continue
            try:
                source = read_document(path).resolution
            except InputError:
                continue
            annexes = [a for a in source.annexes if a.labelled]
            for number, annex in enumerate(annexes, start=1):
                proposed = copy.deepcopy(base)
                proposed.annexes.append(copy.deepcopy(annex))
                proposed.footnotes.update(source.footnotes)
                try:
                    made = amendments.amendment(base, proposed)
                except InputError as exc:
                    print(f"{path.name} annex {number}: refused: {exc}")
                    continue
                total += 1
                project = Path(tmp) / "amendment.json"
                save_project(made, project)
                for suffix in counts:
                    out = Path(tmp) / f"amendment{suffix}"
                    out.unlink(missing_ok=True)
                    if run(["export", str(project), "-o", str(out)]) != 0:
                        print(f"{path.name} annex {number} {suffix}: not exported")
                        continue
                    read = read_document(out).resolution
                    amended = amendments.apply(read.instructions, base, read)
                    same = _shape(amended.annexes[-1], amended) == _shape(annex, source)
                    counts[suffix] += same
                    if not same:
                        print(f"{path.name} annex {number} {suffix}: differs")
    print("SUMMARY " + ", ".join(f"{s} {n}/{total}" for s, n in counts.items()))


if __name__ == "__main__":
    main()
