"""The live check the editor runs while a delegate types gives what a whole-document check gives.

The paragraph check re-runs only the edited paragraphs and those `DocumentContext.changed_since` names; after
each edit the findings shown must equal a full check of the same text (drafts from the corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QHeaderView

from app import edits, storage
from app.conventions import engine
from app.model import Footnote, Header, Paragraph, Resolution
from widgets import issues_panel
from widgets.main_window import MainWindow
from widgets.paragraph_editor import ParagraphRow


def full(window: MainWindow) -> set:
    return set(engine.check_document(window.res, speller=window.spelling.settings))


def shown(window: MainWindow) -> set:
    imported = set(window.checks.import_findings)
    assert_list_is_whole(window)
    return {f for f in window.checks.findings() if f not in imported}


def _listed(window: MainWindow) -> tuple:
    tree = window.issues.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return (
        list(window.issues.findings),
        [tuple(item.text(c) for c in range(tree.columnCount())) for item in items],
        window.issues.counts(),
        window.issues.summary.text(),
        window.counts_label.text(),
        dict(window.paragraphs._fixes),
        [tree.header().sectionSize(c) for c in issues_panel.FITTED_COLUMNS],
    )


def assert_list_is_whole(window: MainWindow) -> None:
    """The issues list and the fixes beside the rows, updated paragraph by paragraph after each check, are
    what showing every finding afresh gives."""
    window.paragraphs.finish()
    updated = _listed(window)
    window.issues._shown = None  # forget what is shown: every item is made again
    window.findings_view.show()
    assert _listed(window) == updated


@pytest.mark.parametrize("name", ["A_C.1_80_L.43.txt", "A_C.3_80_L.20.txt"])
def test_incremental_check_equals_the_full_check(qtbot, window: MainWindow, corpus: Path, name: str) -> None:  # noqa: ANN001
    assert window.files.open_path(corpus / name)
    window.flush()  # the whole-document check of the draft as opened
    assert shown(window) == full(window)
    res = window.res
    tops = [p for part in (res.preamble, res.operative) for p in part]
    # edits whose findings reach other paragraphs: an opener repeated from the paragraph before (a run, the
    # next paragraph's place in it), a citation that becomes the first mention, the last paragraph emptied
    edits_made = 0
    for before, para in zip(tops, tops[1:], strict=False):
        if para.opener == before.opener or not before.opener:
            continue
        window.apply(
            edits.set_field,
            paragraph_id=para.id,
            field="opener",
            value=before.opener,
            initiator=(para.id, "opener"),
        )
        window.checks.paragraph_timer.flush()  # only the incremental check: the full one stays pending
        assert shown(window) == full(window), para.opener
        edits_made += 1
        if edits_made == 4:
            break
    assert edits_made
    last = res.operative[-1]
    for value in ("Recalls its resolution 70/1 of 25 September 2015 and resolution 70/1, ", ""):
        window.apply(
            edits.set_field,
            paragraph_id=tops[0].id,
            field="text",
            value=value + tops[0].text,
            initiator=(tops[0].id, "text"),
        )
        window.checks.paragraph_timer.flush()
        assert shown(window) == full(window)
    # prose typed into texts keeps the context (no pass over the document): still what a full check says
    for para in tops[1::7]:
        value = para.text + " and requests the secretariat to report thereon"
        window.apply(
            edits.set_field, paragraph_id=para.id, field="text", value=value, initiator=(para.id, "text")
        )
        window.checks.paragraph_timer.flush()
        assert shown(window) == full(window)
    window.apply(edits.set_field, paragraph_id=last.id, field="text", value="", initiator=(last.id, "text"))
    window.checks.paragraph_timer.flush()
    assert shown(window) == full(window)


def test_a_first_paragraph_with_a_tail_keeps_the_header_and_footnote_findings_in_the_list(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    """A paragraph with subparagraphs and a tail has two rows; the first such paragraph's place in the list
    must not be the place of the findings that have no row (the header's, a footnote's), or typing in it
    takes those out of the list."""

    def with_tail() -> Paragraph:
        return Paragraph(
            opener="Recalling", text="its", subparagraphs=[Paragraph(text="its")], tail="and recalls"
        )

    res = Resolution(header=Header(template="ga-c3"), title="Oceans")
    res.operative = [with_tail(), with_tail()]
    res.footnotes["n1"] = Footnote(text="A/80/1.", id="n1")  # referenced nowhere: the reader says so
    storage.save_project(res, tmp_path / "draft.json")
    assert window.files.open_path(tmp_path / "draft.json")
    window.flush()
    unplaced = [f for f in window.issues.findings if f.paragraph_id == "n1"]
    assert unplaced
    first = window.res.operative[0]
    window.apply(edits.set_field, paragraph_id=first.id, field="text", value="", initiator=(first.id, "text"))
    window.checks.paragraph_timer.flush()
    assert shown(window) == full(window)
    assert all(f in window.issues.findings for f in unplaced)


def test_the_personal_dictionary_reaches_every_check_without_module_state(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    from app import spelling

    window.files.new_document("ga-c1")
    first = window.res.preamble[0]
    window.apply(
        edits.set_field,
        paragraph_id=first.id,
        field="text",
        value="the zorblat initiative",
        initiator=(first.id, "text"),
    )
    window.flush()
    assert any(
        f.rule == spelling.SPELLING_RULE for f in window.checks.findings() if f.paragraph_id == first.id
    )
    window.spelling.add("zorblat")
    window.apply(
        edits.set_field,
        paragraph_id=first.id,
        field="text",
        value="the zorblat initiatives",
        initiator=(first.id, "text"),
    )
    window.flush()  # the paragraph check and the whole-document check both know the word now
    assert not [f for f in window.checks.findings() if f.rule == spelling.SPELLING_RULE]
    assert not spelling._active  # the editor passes its settings; it never sets the module's default


_WORDS = [
    "its",
    "resolution",
    "70/1",
    "70/1 of 25 September 2015",
    "78/45",
    "1325 (2000)",
    "4 December 2023",
    "04/12/2023",
    "2030",
    "the",
    "UN",
    "present",
    "report",
    "and",
    ",",
    "[^n1]",
    "seventy-ninth session",
]
_TEXT = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)
_OPENERS = st.sampled_from(["Recalling", "Recalling also", "Requests", "Decides", "Noting"])


@st.composite
def _draft(draw: st.DrawFn) -> Resolution:
    def para(depth: int = 0) -> Paragraph:
        p = Paragraph(opener=draw(_OPENERS) if depth == 0 else "", text=draw(_TEXT))
        if depth == 0 and draw(st.integers(0, 3)) == 0:
            p.subparagraphs = [para(1) for _ in range(draw(st.integers(2, 3)))]
            p.tail = draw(st.sampled_from(["", "and recalls resolution 78/45"]))
        return p

    res = Resolution(header=Header(template=draw(st.sampled_from(["ga-c3", "hrc"]))), title="Oceans")
    res.preamble = [para() for _ in range(draw(st.integers(0, 3)))]
    res.operative = [para() for _ in range(draw(st.integers(1, 3)))]
    res.footnotes["n1"] = Footnote(text="A/80/1.", id="n1")
    return res


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(draft=_draft(), data=st.data())
def test_live_checks_after_random_typing_equal_the_full_check(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    draft: Resolution,
    data: st.DataObject,
) -> None:  # noqa: ANN001
    """Random typing into texts and tails (digits, citations, dates, footnote markers) and now and then into
    an opener: after each paragraph check the findings shown are what a whole-document check gives, and
    typing into texts and tails never builds the document context again."""
    storage.save_project(draft, tmp_path / "draft.json")
    assert window.files.open_path(tmp_path / "draft.json")
    window.flush()
    builds = []
    monkeypatch.setattr(engine, "build_context", _counted(engine.build_context, builds))
    for _ in range(data.draw(st.integers(1, 6))):
        node = data.draw(st.sampled_from([p for _, p in window.res.paragraphs()]))
        field = data.draw(st.sampled_from(["text", "text", "tail", "opener"]))
        if field == "tail" and not node.subparagraphs:
            field = "text"
        value = data.draw(_OPENERS if field == "opener" else st.one_of(st.just(""), _TEXT))
        window.apply(
            edits.set_field, paragraph_id=node.id, field=field, value=value, initiator=(node.id, field)
        )
        builds.clear()
        window.checks.paragraph_timer.flush()
        assert field == "opener" or not builds  # the context is updated, not built again
        assert shown(window) == full(window)
    monkeypatch.undo()


def _counted(function, calls: list):  # noqa: ANN001, ANN202
    def wrapped(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        return function(*args, **kwargs)

    return wrapped


def _typing_cost(window: MainWindow, tmp_path: Path, paragraphs: int) -> list[int]:
    """Items made for the issues list, places named, fixes set beside rows and paragraphs walked by the engine
    for each keystroke's check, typing into one paragraph of a draft of `paragraphs` paragraphs."""
    res = Resolution(header=Header(template="ga-c3"), title="Oceans")
    res.preamble = [Paragraph(opener="Recalling", text="its resolution 70/1") for _ in range(paragraphs)]
    res.operative = [
        Paragraph(opener="Requests", text="the UN to report 04/12/2023") for _ in range(paragraphs)
    ]
    path = tmp_path / f"draft-{paragraphs}.json"
    storage.save_project(res, path)
    assert window.files.open_path(path)
    window.paragraphs.finish()
    window.flush()
    assert len(window.issues.findings) > paragraphs  # every paragraph has findings in the list
    counts = {"items": 0, "places": 0, "fixes": 0, "walked": 0, "measured": 0}

    def counting(name: str, function):  # noqa: ANN001, ANN202
        def wrapped(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            counts[name] += 1
            return function(*args, **kwargs)

        return wrapped

    class Measuring(issues_panel.WrappingDelegate):  # rows of the list Qt measures (sizes, wrapping)
        def sizeHint(self, option, index):  # noqa: ANN001, ANN202
            counts["measured"] += 1
            return super().sizeHint(option, index)

    QApplication.processEvents()  # what opening left to do in idle time, done before counting
    window.flush()
    tree = window.issues.tree
    delegate = tree.itemDelegate()
    tree.setItemDelegate(Measuring(tree))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(issues_panel, "_item", counting("items", issues_panel._item))
        patch.setattr(window.findings_view, "where", counting("places", window.findings_view.where))
        patch.setattr(ParagraphRow, "show_fix", counting("fixes", ParagraphRow.show_fix))
        patch.setattr(engine, "nodes", counting("walked", engine.nodes))
        target = res.operative[paragraphs // 2].id
        text = window.res.find(target).text
        for char in " and the UN":
            text += char
            window.apply(
                edits.set_field, paragraph_id=target, field="text", value=text, initiator=(target, "text")
            )
            window.checks.paragraph_timer.flush()
            window.checks.stop()  # the whole-document check stays off: this keystroke's work alone
            QApplication.processEvents()  # the list laid out and painted
    tree.setItemDelegate(delegate)
    assert_list_is_whole(window)
    return list(counts.values())


def test_a_keystroke_costs_its_paragraph_not_the_draft(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    """The paragraph check, the issues list and the fixes beside the rows do the same work for a keystroke in
    a draft of 20 or 160 paragraphs (the list was remade and every fix set again at each keystroke; then the
    list's columns sized to their contents measured up to a thousand rows again at each change)."""
    small = _typing_cost(window, tmp_path, 10)
    large = _typing_cost(window, tmp_path, 80)
    assert small == large
    assert small[0] > 0  # the keystrokes did reach the list


@pytest.mark.parametrize("name", ["A_C.1_80_L.43.txt", "A_C.3_80_L.20.txt"])
def test_the_kind_place_and_fix_columns_fit_as_qt_would_fit_them(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    corpus: Path,
    name: str,
) -> None:
    """The columns the list keeps as wide as their widest entry are as wide as Qt's ResizeToContents makes them
    when it measures every row."""
    assert window.files.open_path(corpus / name)
    for para in window.res.operative[:3]:  # findings with places and fixes of several widths
        text = para.text + " by the UN on 04/12/2023 in teh region"
        window.apply(edits.set_field, paragraph_id=para.id, field="text", value=text)
    window.flush()
    tree = window.issues.tree
    header = tree.header()
    assert tree.topLevelItemCount() >= 6
    assert any(tree.topLevelItem(i).text(issues_panel.FIX_COLUMN) for i in range(tree.topLevelItemCount()))
    kept = [header.sectionSize(c) for c in issues_panel.FITTED_COLUMNS]
    header.setResizeContentsPrecision(-1)  # every row
    for column in issues_panel.FITTED_COLUMNS:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSections()
    assert kept == [header.sectionSize(c) for c in issues_panel.FITTED_COLUMNS]
