"""How time grows with the size of a draft: 1x, 10x and 100x footnotes, sponsors, paragraphs, note
references, annexes, parts and an amendment's instructions, for the full check, Word import, text import, Word
export and a tracked-changes compare; and of proposals compiled, paragraphs a proposal adds and deletes, an
amendment derived, applied, checked against its draft and written as UN XML, a proposal derived from an edited
copy read from a file, a revision merged from a proposal on every paragraph, and the PDF's pages, a PDF's text layer of many pages, proposals on one paragraph, and a word of up to a
million letters shown in the editor. Near-linear
growth shows as a ratio near 10 from one column to the next; a cost that grows with the square shows as a ratio
near 100.

    .venv/bin/python benchmarks/bench_scaling.py [dimension ...]

Each cell is the best of a few runs (one at 100x), in milliseconds.
"""

from __future__ import annotations

import copy
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "core"))

from sample import omnibus  # noqa: E402

from app.amendments import amendment  # noqa: E402
from app.amendments import apply as apply_amendment  # noqa: E402
from app.compare.tracked import build_tracked_docx  # noqa: E402
from app.conventions.amendment import base_findings  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_layout import layout_for_paper  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.model import Annex, Header, Paragraph, Resolution, ResolutionPart, new_id  # noqa: E402
from app.negotiation import merging, rounds  # noqa: E402
from app.negotiation.compilation import compile_text  # noqa: E402
from app.negotiation.proposals import apply as apply_proposal  # noqa: E402
from app.negotiation.proposals import derive  # noqa: E402
from app.print_layout import lay_out  # noqa: E402
from app.render import render  # noqa: E402
from app.states import member_states  # noqa: E402

SCALES = (1, 10, 100)
BASE_PARAGRAPHS = 40


def with_footnotes(scale: int) -> Resolution:
    return omnibus(BASE_PARAGRAPHS, footnotes=50 * scale)


def with_sponsors(scale: int) -> Resolution:
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    names = member_states()
    res.header.sponsors = [
        names[i % len(names)] for i in range(20 * scale)
    ]  # repeats past 193, as a careless list
    return res


def with_paragraphs(scale: int) -> Resolution:
    return omnibus(BASE_PARAGRAPHS * scale, footnotes=5)


def with_note_references(scale: int) -> Resolution:
    """Ten footnotes, each referred to again and again (a second reference to the same note)."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=10)
    ids = list(res.footnotes)
    nodes = [p for _, p in res.paragraphs()]
    for k in range(10 * scale):
        nodes[k % len(nodes)].text += f" and again[^{ids[k % len(ids)]}]"
    return res


def with_empty_italics(scale: int) -> Resolution:
    """A paragraph strewn with empty italic pairs ("**"), as a careless find-and-replace leaves them."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.operative[0].text += " word**" * (2000 * scale)
    return res


def with_italic_runs(scale: int) -> Resolution:
    """One paragraph of italic and plain words in turn: a run of text for every word."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.operative[0].text += " *Treaty* and" * (400 * scale)
    return res


def with_annexes(scale: int) -> Resolution:
    """Annexes of a title and two paragraphs each (10 to 1,000)."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.annexes = [
        Annex(f"Plan of action {i}", [Paragraph(text=f"Step {i} of the plan."), Paragraph(text="Review.")])
        for i in range(10 * scale)
    ]
    return res


def with_parts(scale: int) -> Resolution:
    """Parts B, C ... of a title, a preambular and an operative paragraph each (10 to 1,000)."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.part_title = "General questions"
    res.later_parts = [
        ResolutionPart(
            f"Question {i}",
            [Paragraph(text="*Recalling* its earlier resolutions,")],
            [Paragraph(text=f"*Decides* to consider question {i} at its next session;")],
        )
        for i in range(10 * scale)
    ]
    return res


def _edited(res: Resolution) -> Resolution:
    out = copy.deepcopy(res)
    for _, para in out.paragraphs():
        para.text = para.text.replace(" the ", " a ", 1)
    return out


def with_instructions(scale: int) -> Resolution:
    """An amendment changing every paragraph of a draft of 40 to 4,000 paragraphs: about as many instructions."""
    base = omnibus(BASE_PARAGRAPHS * scale, footnotes=5)
    return amendment(base, _edited(base), sponsors=["Japan"], symbol="A/80/L.99")


def with_one_opener(scale: int) -> Resolution:
    """40 to 4,000 operative paragraphs that all open with "Decides" (each named the opener before it by
    searching its list for itself: the square of the run, fifth red-team pass)."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.operative = [Paragraph("Decides", f"to act on matter {k};") for k in range(BASE_PARAGRAPHS * scale)]
    return res


DIMENSIONS: dict[str, Callable[[int], Resolution]] = {
    "footnotes": with_footnotes,
    "sponsors": with_sponsors,
    "paragraphs": with_paragraphs,
    "note references": with_note_references,
    "empty italics": with_empty_italics,
    "italic runs": with_italic_runs,
    "annexes": with_annexes,
    "parts": with_parts,
    "amendment instructions": with_instructions,
    "paragraphs with one opener": with_one_opener,
}


def proposals_compiled(scale: int) -> dict[str, Callable[[], object]]:
    """1 to 100 delegations' proposals, each editing every paragraph, compiled on a 40-paragraph draft."""
    base = omnibus(BASE_PARAGRAPHS, footnotes=5)
    proposals = [derive(base, _edited(base), f"Delegation {i}") for i in range(scale)]
    return {"compile": lambda: compile_text(base, proposals)}


def paragraphs_proposed(scale: int) -> dict[str, Callable[[], object]]:
    """One proposal deleting every paragraph of a 40- to 4,000-paragraph draft and proposing as many new ones;
    compiled, and merged into the working text with every place accepted."""
    base = omnibus(BASE_PARAGRAPHS * scale, footnotes=5)
    proposed = copy.deepcopy(base)
    proposed.operative = [Paragraph(text=f"*Urges* new step {i};") for i in range(len(base.operative))]
    proposal = derive(base, proposed, "EU")
    working = copy.deepcopy(base)
    neg = rounds.start(working)
    rounds.add_proposals(neg, [derive(rounds.base_text(neg), proposed, "EU")])
    choices = merging.Choices(accepted={i.key: [p.id for p in i.proposals] for i in merging.items(neg)})
    return {
        "derive": lambda: derive(base, proposed, "EU"),
        "apply": lambda: apply_proposal(base, proposal),
        "compile": lambda: compile_text(base, [proposal]),
        "merge, every place accepted": lambda: merging.merged(neg, working, choices),
    }


def copies_proposed(scale: int) -> dict[str, Callable[[], object]]:
    """A proposal derived from an edited copy of a 40- to 4,000-paragraph draft read back from a file (every
    paragraph reworded, no paragraph id shared: paired by content)."""
    base = omnibus(BASE_PARAGRAPHS * scale, footnotes=5)
    copied = _edited(base)
    for _, para in copied.paragraphs():
        para.id = new_id()
    return {"derive": lambda: derive(base, copied, "EU")}


def revision_merged(scale: int) -> dict[str, Callable[[], object]]:
    """A proposal rewording every paragraph of a 40- to 4,000-paragraph zero draft, accepted at every place
    and merged into Rev.1."""
    res = omnibus(BASE_PARAGRAPHS * scale, footnotes=5)
    neg = rounds.start(res)
    base = rounds.base_text(neg)
    rounds.add_proposals(neg, [derive(base, _edited(base), "EU")])
    places = merging.items(neg)
    choices = merging.Choices(accepted={i.key: [p.id for p in i.proposals] for i in places})
    return {"merge": lambda: merging.merge_into_revision(neg, res, choices)}


def amendment_derived(scale: int) -> dict[str, Callable[[], object]]:
    """An amendment derived from a 40- to 4,000-paragraph draft and its edited copy, then applied back and
    checked against the draft (`resolute check AMENDMENT --base DRAFT`)."""
    base = omnibus(BASE_PARAGRAPHS * scale, footnotes=5)
    edited = _edited(base)
    made = amendment(base, edited)
    return {
        "derive": lambda: amendment(base, edited),
        "apply": lambda: apply_amendment(made.instructions, base, made),
        "check against the draft": lambda: base_findings(made, base),
        "write .xml": lambda: to_akn(made),
        "read .xml": lambda: read_akn(to_akn(made)),
    }


def pages_laid_out(scale: int) -> dict[str, Callable[[], object]]:
    """The PDF's page layout (app/print_layout.py, a width per character standing in for Qt's fonts) of a
    40- to 4,000-paragraph draft."""
    rendered = render(omnibus(BASE_PARAGRAPHS * scale, footnotes=5))
    layout = layout_for_paper(rendered.template.paper)
    return {
        "lay out pages": lambda: lay_out(rendered, layout, lambda text, font: 0.5 * font.size * len(text))
    }


def notes_gone_and_changed(scale: int) -> dict[str, Callable[[], object]]:
    """A compare in which every other one of 50 to 5,000 notes is gone and the rest reworded (each searched the
    notes part for its note or a free id: the square of the notes, fifth red-team pass)."""
    base = omnibus(BASE_PARAGRAPHS, footnotes=50 * scale)
    new = copy.deepcopy(base)
    for k, (note_id, note) in enumerate(list(new.footnotes.items())):
        if k % 2:
            note.text += " (revised)"
        else:
            for _, para in new.paragraphs():
                para.text = para.text.replace(f"[^{note_id}]", "")
    return {"compare .docx": lambda: build_tracked_docx(base, new)}


def pdf_text_pages(scale: int) -> dict[str, Callable[[], object]]:
    """A PDF's text layer of 30 to 3,000 pages, each with its running symbol, job number and page counter and a
    note at its foot, and one preambular paragraph running on over every page (such a paragraph was joined whole
    at each page break: the square of the pages, tenth round)."""
    pages = 30 * scale
    out = ["United Nations A/C.3/80/L.5\nGeneral Assembly Distr.: Limited\n\nThe General Assembly,\n\n"]
    out.append("Recalling the measures taken,\n")
    for i in range(1, pages + 1):
        out.append(f"and the steps in its resolution 79/{i}\u00b9 agreed on,\n\n\u00b9 See A/79/{i}.\n")
        out.append(f"25-12345 {i}/{pages}\n\fA/C.3/80/L.5\n\n")
    text = "".join(out)
    return {"import text": lambda: read_text(text)}


def proposals_on_one_paragraph(scale: int) -> dict[str, Callable[[], object]]:
    """20 to 2,000 delegations' proposals all changing the same word of one paragraph of the working text
    (every pair weighed for a clash, and each hunk against its whole run: the square of the proposals, sixth
    red-team pass); compiled, listed for the merge, and merged with every one rejected."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    neg = rounds.start(res)
    target = res.operative[0]
    proposed = copy.deepcopy(rounds.base_text(neg))
    para = proposed.find(target.id)
    assert para is not None
    for i in range(20 * scale):
        para.text = f"{target.text} and step {i}"
        neg.proposals.append(derive(rounds.base_text(neg), proposed, f"Delegation {i}", neg.version))
    return {
        "compile": lambda: rounds.compilation(neg, res),
        "merge places": lambda: merging.items(neg),
        "merge, every one rejected": lambda: merging.merged(neg, res, merging.Choices()),
    }


def unbroken_word_shown(scale: int) -> dict[str, Callable[[], object]]:
    """A paragraph of 10,000 to 1,000,000 letters with no space in the editor's field and in the preview (Qt's
    default wrapping laid such a run out in time growing with its square: 100,000 letters 2.6 s to open,
    redteam7); offscreen Qt."""
    from PySide6.QtWidgets import QApplication

    from widgets.fields import TextField
    from widgets.preview import PreviewPane

    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.operative[0].text = "ab" * (5_000 * scale)
    rendered = render(res)
    field, pane = TextField(), PreviewPane()
    field.resize(500, 40)
    pane.resize(600, 400)
    field.show()  # a hidden widget is laid out at no width: the cost is in a shown one
    pane.show()

    def in_field() -> None:
        field.set_text_quietly("")
        field.set_text_quietly(res.operative[0].text)
        field.document().size()  # laid out (not painted: the app shows it in a scrolled list, not whole)

    def in_preview() -> None:
        pane.html = ""
        pane.show_rendered(rendered)
        pane.document().size()
        app.processEvents()

    return {"paragraph field": in_field, "preview": in_preview}


def tables_in_cells(scale: int) -> dict[str, Callable[[], object]]:
    """A Word table of 5 to 500 rows of 20 cells, each cell holding a one-cell table (each nested line searched
    every cell read before it for its place: 40,000 cells 50 s, redteam8)."""
    from test_hostile_tables import _docx_with, _nested_grid

    blob = _docx_with(_nested_grid(5 * scale, 20, [True]))
    return {"import .docx": lambda: read_docx(blob)}


def notes_in_the_pane(scale: int) -> dict[str, Callable[[], object]]:
    """80 to 8,000 notes shown in the footnotes pane (a line edit per note: 1,000 notes 7.8 s, redteam8)."""
    from PySide6.QtWidgets import QApplication

    from widgets.footnotes import FootnotesPane

    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    pane = FootnotesPane()
    pane.resize(700, 300)
    pane.show()
    notes = [(i + 1, f"n{i}", f"See A/80/{i}.") for i in range(80 * scale)]

    def shown() -> None:
        pane.show_footnotes([])
        pane.show_footnotes(notes)
        app.processEvents()

    return {"open the pane": shown}


def carried_note(scale: int) -> dict[str, Callable[[], object]]:
    """A note of 300 to 30,000 words on operative paragraph 2 of 40, carried over its pages (each page it ran
    onto took one line of text: redteam8)."""
    from app.model import Footnote

    res = omnibus(BASE_PARAGRAPHS, footnotes=0)
    res.footnotes["long"] = Footnote(" ".join(["word"] * 300 * scale), id="long")
    res.operative[1].text += "[^long]"
    r = render(res)
    layout = layout_for_paper(r.template.paper)

    def measure(text: str, font: object) -> float:
        return 5.0 * len(text)

    return {"PDF pages": lambda: lay_out(r, layout, measure)}


def title_shaped_note(scale: int) -> dict[str, Callable[[], object]]:
    """A note of 200 to 20,000 pieces the publication-title patterns look for ("Ibid., ", "Report of the ",
    "Official Records of the General Assembly, ", "(", ", vols. I and II, ")."""
    from test_hostile_notes_titles import _note

    from app.publication_titles import italic_titles

    note = _note(200 * scale, 1)
    return {code: (lambda c=code: italic_titles(note, c)) for code in ("en", "fr", "es")}


def pdf_pages_opened(scale: int) -> dict[str, Callable[[], object]]:
    """An issued PDF's first 4 pages (A/C.1/80/L.51) repeated 1 to 100 times (4 to 400 pages, under the 500
    a PDF opened may have), opened as a file: PDFium's text layer, the text reader and the PDF's italics."""
    import io

    import pypdfium2

    from app.io.reading import read_data

    issued = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reading" / "A_C.1_80_L.51.pdf"
    source, made = pypdfium2.PdfDocument(issued.read_bytes()), pypdfium2.PdfDocument.new()
    for _ in range(scale):
        made.import_pages(source, [0, 1, 2, 3])
    out = io.BytesIO()
    made.save(out)
    blob = out.getvalue()
    return {"open .pdf": lambda: read_data(blob, "issued.pdf")}


def one_word_misspelt(scale: int) -> dict[str, Callable[[], object]]:
    """One paragraph where a misspelt word stands 1,000 to 100,000 times (its suggestions were searched at
    each occurrence: 100,000 took 34 s)."""
    res = Resolution(header=Header(template="ga-c3"), title="Oceans")
    res.operative = [Paragraph(opener="Decides", text=" ".join(["the goverment of"] * (1_000 * scale)))]
    return {"check": lambda: check_document(res)}


def tabbed_table_rows(scale: int) -> dict[str, Callable[[], object]]:
    """A typed draft holding a table of 40 to 4,000 rows whose cells tabs set apart (Word's clipboard shape),
    an empty row every tenth, between two numbered paragraphs."""
    rows = [("\t\t" if i % 10 == 9 else f"Post {i}\tP-4\t{i:,}") for i in range(40 * scale)]
    text = "1.\t*Decides* as follows:\n" + "\n".join(rows) + "\n2.\t*Requests* a report.\n"
    return {"import text": lambda: read_text(text)}


PROCESSES: dict[str, Callable[[int], dict[str, Callable[[], object]]]] = {
    "proposals compiled": proposals_compiled,
    "paragraphs proposed": paragraphs_proposed,
    "copies proposed": copies_proposed,
    "revision merged": revision_merged,
    "amendment paragraphs": amendment_derived,
    "PDF paragraphs": pages_laid_out,
    "notes gone or changed": notes_gone_and_changed,
    "PDF text pages": pdf_text_pages,
    "proposals on one paragraph": proposals_on_one_paragraph,
    "unbroken word shown": unbroken_word_shown,
    "Word cells holding tables": tables_in_cells,
    "notes in the footnotes pane": notes_in_the_pane,
    "a note carried over pages": carried_note,
    "a note of title-shaped pieces": title_shaped_note,
    "issued PDF pages opened": pdf_pages_opened,
    "one word misspelt many times": one_word_misspelt,
    "plain-text table rows": tabbed_table_rows,
}


def best_ms(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def measure(res: Resolution, repeats: int) -> dict[str, float]:
    blob = build_docx(res)
    text = to_text(res)
    changed = copy.deepcopy(res)  # every paragraph edited: the compare has words to weigh everywhere
    for _, para in changed.paragraphs():
        para.text = para.text.replace(" the ", " a ")
    return {
        "check": best_ms(lambda: check_document(res), repeats),
        "import .docx": best_ms(lambda: read_docx(blob), repeats),
        "import text": best_ms(lambda: read_text(text), repeats),
        "export .docx": best_ms(lambda: build_docx(res), repeats),
        "compare .docx": best_ms(lambda: build_tracked_docx(res, changed), repeats),
    }


def main(names: list[str]) -> None:
    print("| what grows | operation | " + " | ".join(f"{s}x ms" for s in SCALES) + " | 10x/1x | 100x/10x |")
    print("|---|---|" + "---:|" * (len(SCALES) + 2))
    for name in names or [*DIMENSIONS, *PROCESSES]:
        if name in PROCESSES:
            sizes = {}
            for scale in SCALES:
                runs = PROCESSES[name](scale)
                sizes[scale] = {op: best_ms(run, 3 if scale < 100 else 1) for op, run in runs.items()}
        else:
            build = DIMENSIONS[name]
            sizes = {scale: measure(build(scale), 3 if scale < 100 else 1) for scale in SCALES}
        for op in sizes[1]:
            t = [sizes[s][op] for s in SCALES]
            print(
                f"| {name} | {op} | "
                + " | ".join(f"{x:.0f}" for x in t)
                + f" | {t[1] / t[0]:.1f} | {t[2] / t[1]:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
