"""Tables of many shapes, made as Word files and printed to PDF by LibreOffice: the answer for the tables an
opened PDF's geometry gives (app/io/pdf_grid.py), cell for cell, on shapes no issued document chose.

Each class varies one thing a grid can go wrong on: the rules drawn (the UN's thin/thick/thick, a rule under
every row, every border with vertical rules, a box, rules all as thin), columns from 2 to 12, header cells
merged over columns (and down over two header rows), figures set right, empty cells, cells wrapped over
several lines, a table going on over a page under its repeated header. The words and figures are drawn from a
fixed seed, so the set is the same on every run.

    python scripts/make_pdf_tables.py OUT_DIR      # OUT_DIR/NAME.pdf and OUT_DIR/NAME.json (the answer)
    python scripts/make_pdf_tables.py --score DIR  # the tables read from DIR's PDFs against the answers

The PDFs kept for the tests are in tests/fixtures/pdf_tables/synthetic (its README says how they were made).
Needs `soffice` (LibreOffice) on the PATH to make them, not to score them.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = (
    "travel staff consultants experts contractual services general operating expenses supplies furniture "
    "equipment grants contributions posts field offices regional programme support management information "
    "technology communications security safety conference services"
).split()
SHORT = "posts travel staff grants field total gross other rent fees".split()  # for narrow columns' headings
RULES = ("un", "un_rows", "grid", "horizontal", "box", "thin")


@dataclass
class Spec:
    """One table: its cells (a merged cell's text in its first cell, the covered ones ""), how many of its
    rows are the header, the rules drawn, and what the cells hold."""

    name: str
    rows: list[list[str]]
    header_rows: int
    rules: str
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # (row, first column, last column)
    down: list[int] = field(default_factory=list)  # columns whose two header cells are merged downwards
    right: list[int] = field(default_factory=list)  # columns set right (figures)
    repeat: bool = True  # the header rows repeated on a next page
    widths: list[float] = field(default_factory=list)  # inches
    spaced: bool = False  # 4 pt after each cell's paragraph, as issued tables space their rows
    total: bool = False  # a thin rule above the last row (a total)
    bottom: bool = False  # the header's cells set at their foot (a short heading beside a wrapped one)


def _words(rng: random.Random, low: int, high: int, words: list[str] = WORDS) -> str:
    text = " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:]


def _figure(rng: random.Random, digits: int) -> str:
    n = rng.randint(0, 10**digits - 1)
    text = f"{n:,}".replace(",", " ")
    return rng.choice([text, text, text, f"({text})", "–"]) if digits > 2 else text


def spec(
    rng: random.Random,
    name: str,
    columns: int,
    body: int,
    rules: str,
    *,
    merged: bool = False,
    empty: float = 0.0,
    wrapped: bool = False,
    repeat: bool = True,
) -> Spec:
    """A table of `columns` columns and `body` rows under its header: the first column words, the others
    figures set right; `merged` two header rows, the second's years under the first's words merged over them."""
    digits = 3 if columns > 8 else 5 if columns > 5 else 7
    first_words = (4, 9) if wrapped else (1, 3)
    rows = []
    for _ in range(body):
        row = [_words(rng, *first_words)]
        row += ["" if rng.random() < empty else _figure(rng, digits) for _ in range(columns - 1)]
        rows.append(row)
    merges: list[tuple[int, int, int]] = []
    down: list[int] = []
    if merged and columns >= 3:
        top, under = ["Item"], [""]
        k = 1
        while k < columns:
            span = min(2, columns - k)
            top += [_words(rng, 1, 1)] + [""] * (span - 1)
            under += [str(2024 + j) for j in range(span)] if span > 1 else [""]
            if span > 1:
                merges.append((0, k, k + span - 1))
            else:
                down.append(k)
            k += span
        down.append(0)
        header = [top, under]
    else:
        vocabulary = SHORT if columns > 5 else WORDS  # a word wider than its cell is broken mid-word
        header = [["Item", *(_words(rng, 1, 2, vocabulary) for _ in range(columns - 1))]]
    first = 2.2 if wrapped else 1.8
    rest = ((9.0 if columns > 8 else 6.5) - first) / max(columns - 1, 1)  # a wide table on a landscape page
    return Spec(
        name,
        header + rows,
        len(header),
        rules,
        merges,
        down,
        list(range(1, columns)),
        repeat,
        [first, *([rest] * (columns - 1))],
    )


def specs(seed: int = 2026) -> list[Spec]:
    """The set: every rule style with 2 to 12 columns, then merged headers, empty cells, wrapped cells and
    tables over a page, each on several of the styles."""
    rng = random.Random(seed)
    out = []
    for rules in RULES:
        for columns in (2, 3, 5, 8, 12):
            out.append(spec(rng, f"{rules}-c{columns}", columns, rng.randint(3, 7), rules))
    for rules in ("un", "un_rows", "grid", "horizontal"):
        out.append(spec(rng, f"{rules}-merged", rng.choice((4, 5, 7)), 4, rules, merged=True))
        out.append(spec(rng, f"{rules}-empty", rng.randint(3, 7), 6, rules, empty=0.3))
        out.append(spec(rng, f"{rules}-wrapped", rng.randint(3, 5), 5, rules, wrapped=True))
    for rules in ("un", "grid"):
        out.append(spec(rng, f"{rules}-pages", 4, 70, rules))
    out.append(spec(rng, "un-pages-merged", 5, 70, "un", merged=True))
    out.append(spec(rng, "un-pages-norepeat", 3, 70, "un", repeat=False))
    for name, columns, body, kind in [
        ("c5", 5, 6, {}),
        ("wrapped", 4, 5, {"wrapped": True}),
        ("merged", 5, 4, {"merged": True}),
        ("empty", 6, 6, {"empty": 0.3}),
        ("pages", 4, 60, {}),
    ]:
        spaced = spec(rng, f"un-spaced-{name}", columns, body, "un", **kind)
        spaced.spaced = True
        out.append(spaced)
    for name, rules in [("un-total", "un"), ("un-spaced-total", "un"), ("grid-total", "grid")]:
        total = spec(rng, name, rng.randint(3, 6), rng.randint(3, 6), rules)
        total.rows[-1][0] = "Total"
        total.total, total.spaced = True, "spaced" in name
        out.append(total)
    for name, rules in [("un-spaced-bottom", "un"), ("horizontal-bottom", "horizontal")]:
        bottom = spec(rng, name, 4, 5, rules)
        bottom.rows[0][1] = _words(rng, 4, 5)  # a heading wrapped over lines, the others set at the foot
        bottom.bottom, bottom.spaced = True, "spaced" in name
        out.append(bottom)
    # drawn after the shapes above, so their draws stay as they were: on every style, rows spaced or not, a
    # header set at its foot beside a wrapped heading, and two header rows of words under merged headings
    for rules in RULES:
        for spaced in ("", "-spaced"):
            foot = spec(rng, f"{rules}{spaced}-foot", rng.choice((3, 4, 5)), 5, rules)
            foot.rows[0][1] = _words(rng, 4, 5)
            foot.bottom, foot.spaced = True, bool(spaced)
            out.append(foot)
            subheads = spec(rng, f"{rules}{spaced}-subheads", 5, 4, rules, merged=True)
            subheads.rows[1] = ["", "Posts", "Non-post", "Posts", "Non-post"]
            subheads.spaced = bool(spaced)
            out.append(subheads)
    return out


# ------------------------------------------------------------------ Word


def _border(cell, **sides: tuple[int, str]) -> None:  # noqa: ANN001 (a python-docx cell)
    """Borders of one cell: side → (eighths of a point, "single")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        size, value = sides.get(side, (0, "nil"))
        el.set(qn("w:val"), value)
        if value != "nil":
            el.set(qn("w:sz"), str(size))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    pr.append(borders)


def _sides(s: Spec, r: int, c: int) -> dict[str, tuple[int, str]]:
    thin, thick = (4, "single"), (12, "single")
    last, columns = len(s.rows) - 1, len(s.rows[0])
    head_end = s.header_rows - 1
    out: dict[str, tuple[int, str]] = {}
    if s.rules in ("un", "un_rows", "thin"):
        strong = thin if s.rules == "thin" else thick
        if r == 0:
            out["top"] = thin
        if r in (head_end, last):
            out["bottom"] = strong
        elif (s.rules == "un_rows" and r > head_end) or (s.total and r == last - 1):
            out["bottom"] = thin
    elif s.rules in ("grid", "horizontal"):
        out["top"] = out["bottom"] = thin
        if s.rules == "grid":
            out["left"] = out["right"] = thin
    elif s.rules == "box":
        if r == 0:
            out["top"] = thin
        if r in (head_end, last):
            out["bottom"] = thin
        if c == 0:
            out["left"] = thin
        if c == columns - 1:
            out["right"] = thin
    return out


def docx_of(s: Spec, path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(9 if len(s.rows[0]) > 8 else 10)
    style.paragraph_format.space_after = Pt(0)
    for section in doc.sections:
        if len(s.rows[0]) > 8:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Inches(11), Inches(8.5)
        section.left_margin = section.right_margin = Inches(1)
    doc.add_paragraph("1. Approves the following table:")
    table = doc.add_table(rows=len(s.rows), cols=len(s.rows[0]))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for c, width in enumerate(s.widths):
        table.columns[c].width = Inches(width)  # the grid's widths, which LibreOffice follows
    for r, row in enumerate(s.rows):
        if r < s.header_rows and s.repeat:
            pr = table.rows[r]._tr.get_or_add_trPr()
            el = OxmlElement("w:tblHeader")
            el.set(qn("w:val"), "true")
            pr.append(el)
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Inches(s.widths[c])
            cell.text = text
            if s.spaced:
                cell.paragraphs[0].paragraph_format.space_after = Pt(4)
            if s.bottom and r < s.header_rows:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
            if c in s.right and r >= s.header_rows:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif r < s.header_rows and c:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _border(cell, **_sides(s, r, c))
    for r, c0, c1 in s.merges:
        table.cell(r, c0).merge(table.cell(r, c1)).text = s.rows[r][c0]
    if s.header_rows == 2:
        for c in s.down:
            table.cell(0, c).merge(table.cell(1, c)).text = s.rows[0][c]
    doc.add_paragraph("2. Requests the Secretary-General to report thereon.")
    doc.save(str(path))


def make(out: Path, seed: int = 2026) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice (LibreOffice) is needed to make the PDFs")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for s in specs(seed):
            path = Path(tmp) / f"{s.name}.docx"
            docx_of(s, path)
            paths.append(str(path))
            answer = {"rows": s.rows, "header_rows": s.header_rows, "rules": s.rules}
            (out / f"{s.name}.json").write_text(json.dumps(answer, ensure_ascii=False, indent=0) + "\n")
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), *paths],
            check=True,
            capture_output=True,
        )


# ------------------------------------------------------------------ scoring


def read_grids(data: bytes) -> list:
    """The ruled tables the opened PDF's geometry gives, joined over pages, before they are placed."""
    from app.io.pdf_file import pdf_layer
    from app.io.pdf_grid import PdfGrids

    grids = PdfGrids()
    pdf_layer(data, "table", grids)
    return grids.tables


def score(answer: dict, tables: list) -> tuple[str, int, int]:
    """('exact' | 'none' | 'header' | 'wrong', cells, cells matched): a table read must be the answer cell for
    cell; none read is the text path, not a wrong grid; 'header' is a grid whose body is the answer's, its
    header rows read otherwise (a heading's lines split or joined: no figure leaves its row or column)."""
    want = [[" ".join(c.split()) for c in row] for row in answer["rows"]]
    cells = sum(len(r) for r in want)
    if not tables:
        return "none", cells, 0
    got = tables[0].rows
    hits = sum(
        1
        for i, row in enumerate(want)
        for k, c in enumerate(row)
        if i < len(got) and k < len(got[i]) and got[i][k] == c
    )
    if len(tables) == 1 and got == want and tables[0].header_rows == answer["header_rows"]:
        return "exact", cells, hits
    body = len(tables) == 1 and got[tables[0].header_rows :] == want[answer["header_rows"] :]
    return ("header" if body else "wrong"), cells, hits


def score_dir(folder: Path, verbose: bool) -> dict[str, int]:
    totals = {"exact": 0, "none": 0, "header": 0, "wrong": 0, "cells": 0, "matched": 0}
    for path in sorted(folder.glob("*.json")):
        answer = json.loads(path.read_text())
        tables = read_grids(path.with_suffix(".pdf").read_bytes())
        verdict, cells, hits = score(answer, tables)
        totals[verdict] += 1
        totals["cells"] += cells
        totals["matched"] += hits
        if verbose or verdict in ("wrong", "header"):
            print(f"{path.stem}: {verdict}, {hits}/{cells} cells, {len(tables)} tables")
    print(
        f"{totals['exact']} exact, {totals['none']} left as text, {totals['header']} wrong in the header only, "
        f"{totals['wrong']} wrong; "
        f"{totals['matched']}/{totals['cells']} cells"
    )
    return totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--score", action="store_true", help="score the PDFs in FOLDER against their answers")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument(
        "--seed", type=int, default=2026, help="another draw of words and figures, as a new sample"
    )
    args = ap.parse_args()
    if args.score:
        score_dir(args.folder, args.verbose)
    else:
        make(args.folder, args.seed)


if __name__ == "__main__":
    main()
