"""Loops over paragraphs, notes or sponsors whose cost grew faster than the draft (found reading every loop of the
modules scripts/pattern_growth.py reaches), one test per class: the hostile draft at n and 8n, comparing the
medians of the runs' process times (`tests/fixtures/robust/hostile.growth`; linear is near 8, the old code gave
40 and more), or counting the searches of the whole text, which must not grow with n.

- a search of a paragraph's list for the paragraph itself inside a loop over that list (the opener a repeated
  opener repeats, looked up again for each paragraph of a long run of one opener);
- a search of every bracket and of the whole text for each bracket a merge resolves;
- a paragraph that runs on over page after page of PDF text, joined whole again at each page break to ask
  whether it is a label alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard  # noqa: E402

from app.conventions.engine import build_context  # noqa: E402
from app.model import Header, Paragraph, Resolution  # noqa: E402

LINEAR = 8 * 3  # 8x the input: near 8 when linear, 64 and more when square


def _one_run(n: int) -> Resolution:
    """n operative paragraphs with the same opener: one run, every paragraph repeating the one before."""
    res = Resolution(header=Header(template="ga-c3"), title="Oceans")
    res.operative = [Paragraph(opener="Decides", text="to remain seized of the matter;") for _ in range(n)]
    return res


def test_a_long_run_of_one_opener_costs_its_length() -> None:
    def make(n: int):  # noqa: ANN202
        res = _one_run(n)
        return lambda: build_context(res)

    with hang_guard(60):
        assert growth(make, 800) < LINEAR


def test_each_paragraph_of_a_run_names_the_opener_it_repeats() -> None:
    res = _one_run(3)
    res.operative[1].opener = "Decides also"
    ctx = build_context(res)
    ops = res.operative
    assert ctx.previous_opener == {ops[1].id: "Decides", ops[2].id: "Decides also"}
    assert [ctx.run[p.id] for p in ops] == [1, 2, 3]


def _bracketed(n: int) -> tuple:
    """A draft of n operative paragraphs, a bracket in each and every bracket resolved in one merge."""
    from app.negotiation import merging, rounds
    from app.negotiation.status import Alternative, make_bracket

    res = _one_run(n)
    for i, para in enumerate(res.operative):
        para.text = f"to consider item {i} at its next session;"
    neg = rounds.start(res)
    neg.brackets = [
        make_bracket(res, p.id, "next", [Alternative("next", ["EU"]), Alternative("eighty-first", ["G77"])])
        for p in res.operative
    ]
    choices = merging.Choices(brackets={b.id: "eighty-first" for b in neg.brackets})
    return neg, res, choices


def test_brackets_resolved_in_a_merge_cost_their_number(monkeypatch: pytest.MonkeyPatch) -> None:
    """An operation count, not a time: the merge searches the text for no bracket's paragraph (it searched the
    whole text for each, and the list of brackets too: n brackets read n times n paragraphs)."""
    from app.negotiation import merging

    searches = []
    locate = Resolution.locate
    monkeypatch.setattr(Resolution, "locate", lambda self, pid: searches.append(pid) or locate(self, pid))
    counts = []
    for n in (20, 160):
        neg, res, choices = _bracketed(n)
        searches.clear()
        merging.merged(neg, res, choices)
        counts.append(len(searches))
    assert counts[0] == counts[1]


def test_every_bracket_takes_its_choice_and_goes() -> None:
    from app.negotiation import merging

    neg, res, choices = _bracketed(3)
    out = merging.merged(neg, res, choices)
    assert [p.text for p in out.operative] == [
        f"to consider item {i} at its eighty-first session;" for i in range(3)
    ]
    assert out.negotiation is not None and not out.negotiation.brackets


_L_HEADER = (
    "United Nations A/C.3/80/L.5\nGeneral Assembly Distr.: Limited\n1 October 2025\nOriginal: English\n\n"
    "Eightieth session\nThird Committee\nAgenda item 68\n\nFrance: draft resolution\n\nA title\n\n"
)


def test_a_paragraph_over_thousands_of_pages_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A characters count, not a time: each page break asked whether the paragraph so far was a label alone by
    joining all its lines (a paragraph over n pages read n times n lines)."""
    from app.io import text_blocks
    from app.io.text_reader import read_text

    asked: list[int] = []
    label = text_blocks._LABEL_LINE
    spy = type("Spy", (), {"fullmatch": lambda self, s: asked.append(len(s)) or label.fullmatch(s)})()
    monkeypatch.setattr(text_blocks, "_LABEL_LINE", spy)
    read = []
    for n in (50, 400):
        asked.clear()
        text = _L_HEADER + "The General Assembly,\n\nRecalling the thing,\n" + "and the thing,\n\f" * n
        result = read_text(text)
        read.append(sum(asked))
        assert result.resolution.preamble[-1].text.count("and the thing") == n  # one paragraph, every page
    assert read[1] < 8 * 3 * read[0]


def test_a_word_misspelt_a_thousand_times_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each misspelt word of a text searched the lexicon for its suggestions again (a PDF page that repeats one
    unknown word 100,000 times checked in 34 s); the search is made once per word, however often it stands,
    unquoted, quoted or capitalized inside a sentence."""
    from app.spelling import lexicon as lexicon_module
    from app.spelling.checker import Checker, SpellingSettings

    asked: list[str] = []
    suggestions, near = lexicon_module.Lexicon.suggestions, lexicon_module.Lexicon.near
    monkeypatch.setattr(
        lexicon_module.Lexicon,
        "suggestions",
        lambda self, w, *a, **k: asked.append(w) or suggestions(self, w, *a, **k),
    )
    monkeypatch.setattr(lexicon_module.Lexicon, "near", lambda self, w: asked.append(w) or near(self, w))
    checker = Checker(SpellingSettings(personal_dictionary=None))
    text = " ".join(["the goverment of", "“stalbe transit”", "the Goverment region"] * 1_000)
    found = checker.field_findings(text, field="text")
    assert len([f for f in found if f.rule == "spelling.unknown-word"]) >= 2_000
    assert len(asked) < 30
