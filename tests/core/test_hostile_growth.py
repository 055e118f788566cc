"""Costs that grow with counts and nesting in the code added since the first red-team passes: amendment
wording past the 999th paragraph, AKN lists nested over a long paragraph, AKN amendments of thousands of
instructions, proposals that add or delete thousands of paragraphs, words longer than any in the lists.

Each builds its class with hypothesis or at a size where the old cost grew with the square (tens of seconds
to minutes); the hang guards are far above a linear run and turn a hang into a failure."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard, sample  # noqa: E402
from fixtures.robust.strategies import NESTING, NUMBER_TEXT, PARAGRAPH_NUMBERS, list_edits  # noqa: E402

from app import amendments, inline  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.formatting import ordinal_words, parse_ordinal_words  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.model import Paragraph, Part, Resolution  # noqa: E402
from app.negotiation import merging, numbering, rounds  # noqa: E402
from app.negotiation.compilation import compile_text  # noqa: E402
from app.negotiation.proposals import apply, derive  # noqa: E402
from app.spelling.lexicon import Lexicon  # noqa: E402
from app.wording.places import paragraph_name  # noqa: E402
from app.wording.read_english import parse_place
from app.wording.reading import parse_sentence

HANG = 20.0
SOME = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- numbers in amendment wording ---------------------------------------------------------------------------


@SOME
@given(PARAGRAPH_NUMBERS, st.sampled_from(["", "(b)", "(c) (ii)"]))
def test_every_preambular_paragraph_has_a_name_that_reads_back(number: int, sub: str) -> None:
    name = paragraph_name(Part.PREAMBLE, number, sub)
    assert parse_place(name) == (Part.PREAMBLE, number, sub)
    assert parse_ordinal_words(ordinal_words(number)) == number


@SOME
@given(NUMBER_TEXT)
def test_any_paragraph_number_in_an_instruction_reads_or_refuses_in_one_line(value: str) -> None:
    text = f"Delete operative paragraph {value}"
    try:
        found, _ = parse_sentence(text)
    except InputError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300
        return
    assert [ins.number for ins in found] == [int(value)]


def test_an_amendment_of_a_draft_with_a_thousand_preambular_paragraphs_is_written() -> None:
    base = sample(paragraphs=4)
    base.preamble = [Paragraph(text=f"*Recalling* resolution {i}/1,") for i in range(1100)]
    proposed = copy.deepcopy(base)
    del proposed.preamble[1050]
    amendment = amendments.amendment(base, proposed)
    (ins,) = amendment.instructions
    assert (ins.part, ins.number) == (Part.PREAMBLE, 1051)
    back = read_akn(to_akn(amendment)).resolution
    assert [(i.part, i.number) for i in back.instructions] == [(Part.PREAMBLE, 1051)]


# --- AKN nesting and counts --------------------------------------------------------------------------------


def akn_nested_over(depth: int, words: int) -> bytes:
    """Operative paragraph 1 of a sample with `depth` lists nested in it, the innermost holding a paragraph of
    `words` words: a reader that reads a paragraph's whole text at each level pays depth times its size."""
    xml = to_akn(sample(paragraphs=4, footnotes=0)).decode("utf-8")
    inner = "<p>" + "word " * words + "</p>"
    for level in range(depth):
        inner = (
            f'<point eId="deep_{level}"><num>(a)</num><list eId="deep_{level}__list">{inner}</list></point>'
        )
    anchor = '<paragraph eId="para_1">'
    at = xml.index("</paragraph>", xml.index(anchor))
    return (xml[:at] + f'<list eId="deep">{inner}</list>' + xml[at:]).encode("utf-8")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NESTING)
def test_akn_lists_nested_over_a_long_paragraph_read_in_time(depth: int) -> None:
    words = 300_000
    with hang_guard(HANG):
        res = read_akn(akn_nested_over(depth, words)).resolution
    kept = [inline.plain(p.text) for _, p in res.paragraphs()] + [inline.plain(t) for t in res.unplaced]
    assert " ".join(kept).count("word") == words  # read once, wherever it was placed


def test_an_akn_amendment_of_thousands_of_instructions_writes_and_reads_back() -> None:
    base = sample(paragraphs=4)
    base.operative = [Paragraph(text=f"*Decides* that the {i} measures apply;") for i in range(4000)]
    proposed = copy.deepcopy(base)
    for para in proposed.operative:
        para.text = para.text.replace(" the ", " all ")
    amendment = amendments.amendment(base, proposed)
    with hang_guard(HANG * 3):
        back = read_akn(to_akn(amendment)).resolution
    assert len(back.instructions) == len(amendment.instructions) == 4000


# --- proposals that add and delete paragraphs --------------------------------------------------------------


def _texts(items: list[Paragraph]) -> list[str]:
    return [inline.plain(p.text) for p in items]


def _base_list(n: int) -> Resolution:
    """A draft of `n` operative paragraphs, each its own text."""
    res = sample(paragraphs=4)
    res.operative = [Paragraph(text=f"*Decides* on the base question {i};") for i in range(n)]
    return res


def _proposed(base: Resolution, kept: list[bool], inserted: list[int]) -> Resolution:
    """`base` as a proposal changes it: `kept[g]` says whether operative paragraph g stays, `inserted[g]` how many
    new ones go before it (the last count after the last)."""
    proposed = copy.deepcopy(base)
    proposed.operative = []
    for gap, count in enumerate(inserted):
        proposed.operative += [Paragraph(text=f"*Urges* new step {gap}-{k};") for k in range(count)]
        if gap < len(kept) and kept[gap]:
            proposed.operative.append(copy.deepcopy(base.operative[gap]))
    return proposed


@SOME
@given(list_edits())
def test_a_proposal_applies_to_give_the_proposed_list(edit: tuple[list[bool], list[int]]) -> None:
    kept, inserted = edit
    base = _base_list(len(kept))
    proposed = _proposed(base, kept, inserted)
    result = apply(base, derive(base, proposed, "EU"))
    assert _texts(result.operative) == _texts(proposed.operative)


def test_a_proposal_replacing_thousands_of_paragraphs_applies_and_compiles() -> None:
    base = sample(paragraphs=4)
    base.operative = [Paragraph(text=f"*Decides* on the base question {i};") for i in range(4000)]
    proposed = copy.deepcopy(base)
    proposed.operative = [Paragraph(text=f"*Urges* a new step {i};") for i in range(4000)]
    proposal = derive(base, proposed, "EU")
    with hang_guard(HANG * 2):
        result = apply(base, proposal)
        entries = compile_text(base, [proposal]).entries
    assert _texts(result.operative) == _texts(proposed.operative)
    new = [e.label for e in entries if e.kind == "new"]
    assert len(new) == len(set(new)) == 4000


def test_labels_after_one_paragraph_are_unique_and_in_order() -> None:
    taken = {"OP 7"}
    tried: dict[str, int] = {}
    labels = []
    with hang_guard(HANG):
        for _ in range(20_000):
            labels.append(numbering.next_after(labels[-1] if labels else "OP 7", taken, tried))
            taken.add(labels[-1])
    assert labels[:3] == ["OP 7 bis", "OP 7 ter", "OP 7 quater"]
    assert len(set(labels)) == len(labels) and labels[-1] == "OP 7 bis-20000"


# --- words longer than any in the lists ---------------------------------------------------------------------


@pytest.mark.parametrize("letters", [62, 5000, 100_000])  # the lists' longest word has 52 letters
def test_a_word_longer_than_any_known_checks_in_time(letters: int) -> None:
    res = sample(paragraphs=4)
    res.operative[0].text += " " + "m" * letters
    with hang_guard(HANG):
        findings = check_document(res)
    assert any(f.rule.startswith("spelling") for f in findings)  # still reported, without suggestions to make
    assert Lexicon((), "en").near("m" * letters) == []
    assert Lexicon((), "en").near("Governmnet") == ["government"]


# --- long runs of words joined once ----------------------------------------------------------------------


def _runs_docx(runs: int) -> bytes:
    """A sample in Word whose operative paragraph 1 is `runs` plain runs of one word each, as Word splits text
    it has edited (revision ids): a reader that joins run by run pays the square of the paragraph's length."""
    from fixtures.robust.hostile import xml_parts
    from test_hostile_classes import repack

    from app.io.docx_writer import build_docx

    blob = build_docx(sample(paragraphs=4, footnotes=0))
    xml = xml_parts(blob)["word/document.xml"].decode("utf-8")
    anchor = "the work of paragraph 2 and the Charter of the United Nations</w:t></w:r>"
    assert anchor in xml
    words = '<w:r><w:t xml:space="preserve">word </w:t></w:r>' * runs
    return repack(blob, {"word/document.xml": xml.replace(anchor, anchor + words, 1).encode("utf-8")})


def test_a_word_paragraph_of_a_hundred_thousand_runs_reads_in_time() -> None:
    from app.io.docx_reader import read_docx

    runs = 100_000
    blob = _runs_docx(runs)
    with hang_guard(HANG * 3):
        res = read_docx(blob).resolution
    assert " ".join(inline.plain(p.text) for p in res.operative).count("word") == runs


@pytest.mark.parametrize("words", [200_000])
def test_a_long_paragraph_proposed_compiles_and_compares_in_time(words: int) -> None:
    from app.compare.tracked import build_tracked_docx

    base = sample(paragraphs=4)
    proposed = copy.deepcopy(base)
    proposed.operative[0].text = "*Decides* " + "word " * words + "and more;"
    with hang_guard(HANG * 2):
        entries = compile_text(base, [derive(base, proposed, "EU")]).entries
        build_tracked_docx(base, proposed)
    shown = "".join(p.text for e in entries for p in e.pieces)
    assert shown.count("word") >= words


def test_a_tracked_proposal_on_a_draft_past_the_999th_paragraph_is_read() -> None:
    """Word numbering prints "1000." past the 999th paragraph: the number is read from it (it crashed the
    reading of the tracked file's rejected version)."""
    from app.compare.tracked import build_tracked_docx
    from app.model import Resolution
    from app.negotiation.tracked_reading import proposals_from_tracked

    res = Resolution(title="Questions", preamble=[Paragraph("Recalling", "its resolutions")])
    res.operative = [Paragraph("Decides", f"to act on question {i}") for i in range(1_003)]
    new = copy.deepcopy(res)
    new.operative[1_001].text += " at once"
    (proposal,) = proposals_from_tracked(build_tracked_docx(res, new), res, name="tracked.docx")
    assert [(e.paragraph_id, e.new) for e in proposal.edits] == [(res.operative[1_001].id, " at once")]


def _merged_round(kept: list[bool], inserted: list[int]) -> tuple[Resolution, Resolution, Resolution]:
    """(working text, zero draft, the proposer's text) of a round with one proposal keeping `kept` of the
    operative paragraphs and adding `inserted[g]` new ones in each gap g, every place of it accepted."""
    res = _base_list(len(kept))
    neg = rounds.start(res)
    base = rounds.base_text(neg)
    proposed = _proposed(base, kept, inserted)
    rounds.add_proposals(neg, [derive(base, proposed, "EU")])
    return res, base, proposed


def _accept_all(res: Resolution) -> merging.Choices:
    assert res.negotiation is not None
    places = merging.items(res.negotiation)
    return merging.Choices(accepted={item.key: [p.id for p in item.proposals] for item in places})


@SOME
@given(list_edits())
def test_a_merge_accepting_every_place_gives_the_proposed_list(edit: tuple[list[bool], list[int]]) -> None:
    """New paragraphs stand where the proposer put them, also after a paragraph the same merge deletes (it
    went to the end of the list when deletions were placed first)."""
    res, _, proposed = _merged_round(*edit)
    assert res.negotiation is not None
    out = merging.merged(res.negotiation, res, _accept_all(res))
    assert _texts(out.operative) == _texts(proposed.operative)


def test_a_merge_of_thousands_of_new_and_deleted_paragraphs_grows_linearly() -> None:
    """Each accepted new or deleted paragraph was placed by walking the whole text (1,600: 3 s; 400: 0.1 s)."""

    def merge(n: int) -> Callable[[], object]:
        return _merge_accepting_all(_merged_round([i % 2 == 0 for i in range(n)], [1] * (n + 1))[0])

    with hang_guard(HANG * 3):
        assert growth(merge, 200) < 8 * 3


def _merge_accepting_all(res: Resolution) -> Callable[[], object]:
    """The merge of `res`'s round that accepts every place, ready to run (to time it alone)."""
    choices = _accept_all(res)
    assert res.negotiation is not None
    neg = res.negotiation
    return lambda: merging.merged(neg, res, choices)


def _noted_round(n: int) -> tuple[Resolution, Resolution]:
    """(working text, the proposer's text) of a round with one proposal adding `n` paragraphs, each with a new
    footnote of its own."""
    res = sample(paragraphs=4)
    neg = rounds.start(res)
    base = rounds.base_text(neg)
    proposed = copy.deepcopy(base)
    for i in range(n):
        note = proposed.add_footnote(f"See document A/80/{i}.")
        proposed.operative.append(Paragraph(text=f"*Urges* new step {i}[^{note.id}];"))
    rounds.add_proposals(neg, [derive(base, proposed, "EU")])
    return res, proposed


def test_a_merge_adds_the_notes_of_the_paragraphs_it_takes() -> None:
    res, proposed = _noted_round(12)
    assert res.negotiation is not None
    out = merging.merged(res.negotiation, res, _accept_all(res))
    assert sorted(n.text for n in out.footnotes.values()) == sorted(
        n.text for n in proposed.footnotes.values()
    )
    places = merging.items(res.negotiation)
    only = merging.Choices(accepted={places[0].key: [p.id for p in places[0].proposals]})
    one = merging.merged(res.negotiation, res, only)  # one new paragraph: its note alone joins the text
    assert len(one.footnotes) == len(res.footnotes) + 1


def test_a_merge_of_thousands_of_new_notes_grows_linearly() -> None:
    """Every accepted paragraph copied every note the proposal adds (2,000 places: 4 million copies)."""

    def merge(n: int) -> Callable[[], object]:
        return _merge_accepting_all(_noted_round(n)[0])

    with hang_guard(HANG * 3):
        # about 8 on an idle machine; 24 was seen once on a loaded one (the cycle collector and the caches run
        # in this process's time too); a cost with the square of the notes gives 64
        assert growth(merge, 150) < 8 * 4


def test_a_note_added_to_the_footnotes_part_costs_the_same_however_many_are_there() -> None:
    """Each note the .docx writer added counted the notes already there (`len()` of an lxml element walks its
    children): a draft with 16,000 notes took 5 s to export, 50,000 over a minute. Adding 500 notes after
    8 times as many costs about the same, where counting made it about 8 times as much."""
    from docx.oxml.parser import OxmlElement

    from app.io import docx_parts

    docx_parts.install()

    def add_after(existing: int) -> Callable[[], object]:
        root = OxmlElement("w:footnotes")
        for i in range(existing):
            root.add_footnote(i + 1)

        def run() -> None:
            for i in range(500):
                root.add_footnote(existing + i + 1)
            for _ in range(500):
                root.remove(root[-1])

        return run

    assert growth(add_after, 4000) < 3


def _one_block(n: int, line: str) -> Callable[[], object]:
    from app.io.text_reader import read_text

    text = "The General Assembly,\n\n1. Decides that there are: (a) one and\n" + line * n
    return lambda: read_text(text)


def test_a_run_in_list_of_thousands_of_lines_reads_in_linear_time() -> None:
    """A run-in list that never ends ("(b) two and three: (a) more and" on each line): each labelled line read
    the whole block before it again (8,000 lines: 31 s; 1,000: 0.5 s)."""
    with hang_guard(HANG * 3):
        assert growth(lambda n: _one_block(n, "(b) two and three: (a) more and\n"), 500) < 8 * 3


def test_a_paragraph_ending_in_thousands_of_notes_renders_in_linear_time() -> None:
    """The notes that end a paragraph (printed after its end punctuation) were cut off one copy of the
    paragraph at a time (24,000 notes: 3 s)."""
    from app.inline import Span
    from app.render import Block

    def ending_in(n: int) -> Callable[[], object]:
        spans = (Span("text"), *(Span(footnote=f"n{i}") for i in range(n)))
        block = Block("preambular", "p1", Part.PREAMBLE, 0, "", "Recalling", spans, ",")
        # twenty times over: one pass over 2,000 notes takes a fraction of a millisecond, below what a loaded
        # machine's clock tells apart
        return lambda: [(block.body_spans, block.notes_after) for _ in range(20)]

    # the fastest of seven runs, and room for the cache: at 16,000 spans the tuples outgrow it, and on a loaded
    # machine the ratio of a linear pass reached 25 (the square measured 64 and more)
    assert growth(ending_in, 2000, repeats=7) < 8 * 4
