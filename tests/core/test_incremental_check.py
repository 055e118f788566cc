"""The editor's incremental check after any sequence of edits: the context updated from the typed paragraphs
alone (`engine.with_typed_texts`) is the context a full pass builds, and re-checking the edited paragraphs
plus what `changed_since` names gives the findings a full re-check gives. Edits type digits, citations that
become or stop being a first mention, dates, footnote markers, tails emptied, and now and then an opener or a
paragraph added or removed (after which the context is built again, as the editor does)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.conventions.engine import DocumentContext, build_context, check_paragraph, with_typed_texts
from app.model import Footnote, Header, Paragraph, Resolution

_WORDS = [
    "its",
    "resolution",
    "resolutions",
    "70/1",
    "70/1 of 25 September 2015",
    "78/45",
    "78/45 and 79/2",
    "1325 (2000)",
    "of",
    "4 December 2023",
    "04/12/2023",
    "2030",
    "the",
    "UN",
    "present",
    "and",
    ",",
    "seventy-ninth session",
    "79th",
    "[^n1]",
    "[^n2]",
    "*Agenda*",
    "report",
    "(a)",
    "PP3",
    ";",
]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=10).map(" ".join)
_OPENERS = st.sampled_from(
    ["Recalling", "Recalling also", "Requests", "Requests also", "Decides", "Noting", ""]
)
_TEMPLATES = st.sampled_from(["ga-c3", "sc", "hrc", "ga-plenary"])


@st.composite
def _paragraph(draw: st.DrawFn, depth: int = 0) -> Paragraph:
    para = Paragraph(opener=draw(_OPENERS) if depth == 0 else "", text=draw(_TEXT))
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        para.subparagraphs = draw(st.lists(_paragraph(depth + 1), min_size=1, max_size=3))
        para.tail = draw(st.sampled_from(["", "and decides to remain seized", "recalling resolution 78/45"]))
    return para


@st.composite
def _drafts(draw: st.DrawFn) -> Resolution:
    res = Resolution(header=Header(template=draw(_TEMPLATES)), title="Oceans")
    res.preamble = draw(st.lists(_paragraph(), max_size=4))
    res.operative = draw(st.lists(_paragraph(), min_size=1, max_size=4))
    for note_id, text in (("n1", "A/80/1."), ("n2", "Adopted on 4 December 2023.")):
        res.footnotes[note_id] = Footnote(text=text, id=note_id)
    return res


def _typed(draw: st.DrawFn, res: Resolution) -> tuple[set[str], bool]:
    """One edit as the editor makes it: (the paragraphs edited or added, whether only a text or tail was
    typed)."""
    nodes = [node for _, node in res.paragraphs()]
    node = draw(st.sampled_from(nodes))
    how = draw(st.sampled_from(["text", "text", "text", "tail", "append", "opener", "add", "remove"]))
    if how == "text":
        node.text = draw(_TEXT)
    elif how == "append":
        node.text = f"{node.text} {draw(_TEXT)}".strip()
    elif how == "tail":
        node.tail = draw(st.sampled_from(["", *_WORDS])) if node.subparagraphs else node.tail
    elif how == "opener":
        node.opener = draw(_OPENERS)
    elif how == "add":
        added = draw(_paragraph())
        res.operative.insert(draw(st.integers(0, len(res.operative))), added)
        return {node.id} | {p.id for p in added.walk()}, False
    elif len(res.operative) > 1:
        res.operative.remove(draw(st.sampled_from(res.operative)))
    return {node.id}, how in ("text", "tail", "append")


def _check_all(res: Resolution, ctx: DocumentContext) -> dict[str, list]:
    return {node.id: check_paragraph(res, node.id, context=ctx, style=False) for _, node in res.paragraphs()}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_drafts(), st.data())
def test_incremental_check_after_edit_sequences_equals_a_full_check(
    res: Resolution, data: st.DataObject
) -> None:
    context = build_context(res)
    shown = _check_all(res, context)
    for _ in range(data.draw(st.integers(1, 8))):
        pending: set[str] = set()
        typed_only = True
        for _ in range(data.draw(st.integers(1, 3))):  # edits before the next paragraph check runs
            ids, typed = _typed(data.draw, res)
            pending |= ids
            typed_only &= typed
        updated = with_typed_texts(context, res, pending) if typed_only else None
        full = build_context(res)
        if typed_only:
            assert updated == full  # exactly the context a full pass builds, first mentions included
        new = updated or full
        for pid in pending | new.changed_since(context):
            shown[pid] = check_paragraph(res, pid, context=new, style=False)
        context = new
        ids = {node.id for _, node in res.paragraphs()}
        shown = {pid: found for pid, found in shown.items() if pid in ids}
        assert shown == _check_all(res, full)


def test_a_typed_citation_moves_the_first_mention_without_a_full_pass() -> None:
    """Typing "resolution 70/1 of 25 September 2015" into the first paragraph takes the first mention from
    the second one: the context is updated from the typed paragraph alone, and the two are named again."""
    res = Resolution(
        header=Header(template="ga-c3"),
        preamble=[Paragraph("Recalling", "its work"), Paragraph("Noting", "resolution 70/1")],
        operative=[Paragraph("Requests", "a report on resolution 70/1")],
    )
    old = build_context(res)
    res.preamble[0].text = "its resolution 70/1 of 25 September 2015"
    new = with_typed_texts(old, res, {res.preamble[0].id})
    assert new == build_context(res)
    assert new is not None and new.changed_since(old) == {res.preamble[0].id, res.preamble[1].id}
    assert with_typed_texts(old, res, {"gone"}) is None  # a paragraph no longer there: build it again
