"""Notes of hostile shape (the eighth red-team pass): marks of thousands of characters, notes made of the very
words the publication-title patterns look for, and a languages file whose [titles] pattern can backtrack for
ever.

A note's mark hangs its first line a digit further left per character (`docx_layout.note_style`): 10,000
digits hung it 28,000 pt off the page's left edge in the PDF and 395 inches in the .docx; it now hangs at most
to the column's edge and the rest of the mark wraps. A [titles] pattern that repeats a repeat ("(?P<t>(a+)+)")
was compiled as written; it is now refused in one line when the language is read, before any note is."""

from __future__ import annotations

import dataclasses
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard, xml_parts  # noqa: E402
from test_hostile_pdf_export import _base, _pages, measure  # noqa: E402

from app import cli, publication_titles, storage  # noqa: E402
from app.errors import TemplateError  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.languages import get_language  # noqa: E402
from app.model import Footnote  # noqa: E402
from app.print_layout import Text  # noqa: E402
from app.publication_titles import italic_titles, title_patterns  # noqa: E402

SOME = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- marks ------------------------------------------------------------------------------------------------

MARKS = st.one_of(
    st.integers(1, 10_000).map(lambda n: "7" * n),
    st.text(st.sampled_from("0123456789*†‡§a \t\n"), min_size=1, max_size=600),
)


@SOME
@given(MARKS)
def test_a_note_with_any_mark_prints_inside_the_page(mark: str) -> None:
    res = _base()
    res.footnotes["m"] = Footnote("A note with a mark of its own.", id="m", mark=mark)
    res.operative[0].text += "[^m]"
    pages = _pages(res)
    width = 612.0
    for page in pages:
        for item in page.items:
            if isinstance(item, Text) and item.text.strip():
                assert item.x >= 0 and item.x + measure(item.text, item.font) <= width + 1, item.text[:20]
    printed = " ".join(t.text for p in pages for t in p.items if isinstance(t, Text))
    assert "A note with a mark of its own." in printed
    notes = xml_parts(build_docx(res))["word/footnotes.xml"].decode("utf-8")
    for left, hanging in re.findall(r'<w:ind w:left="(\d+)"[^>]*w:hanging="(\d+)"', notes):
        assert int(hanging) <= int(left)  # the first line starts inside the page, never left of it


# --- publication titles ------------------------------------------------------------------------------------

HANGING = [
    r"(?P<t>(a+)+$)",
    r"(?P<t>(\w*\s?)*)\.",
    r"Report of the (?P<t>(?:[A-Z]\w*\s?)+)\(",
    r"(?P<t>(x{1,5}){2,})",
]


def _with_patterns(monkeypatch: pytest.MonkeyPatch, patterns: list[str]) -> None:
    lang = get_language("en")
    edited = dataclasses.replace(lang, titles={**lang.titles, "patterns": patterns})
    monkeypatch.setattr(publication_titles, "get_language", lambda code: edited)
    title_patterns.cache_clear()


@pytest.mark.parametrize("pattern", HANGING)
def test_a_title_pattern_that_can_hang_is_refused_in_one_line(
    pattern: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_patterns(monkeypatch, [pattern])
    try:
        with pytest.raises(TemplateError) as caught:
            italic_titles("See Report of the " + "Word " * 40 + "!", "en")
        assert "en.toml: [titles] pattern" in str(caught.value) and "\n" not in str(caught.value)
        text = tmp_path / "draft.txt"
        text.write_text(
            "The General Assembly,\n\n1. Decides to consider the report.1\n\n"
            "1 See Report of the " + "Word " * 30 + "!\n",
            encoding="utf-8",
        )
        with hang_guard(20):
            code = cli.run(["check", str(text)])
        assert code == 2
        assert (
            capsys.readouterr().err.strip().splitlines()[-1].startswith("resolute: en.toml: [titles] pattern")
        )
    finally:
        title_patterns.cache_clear()


def test_the_shipped_title_patterns_are_accepted() -> None:
    for code in ("en", "fr", "es"):
        assert title_patterns(code)


PIECES = [
    "Ibid., ",
    "Ibid. ",
    "See ",
    "Report of the ",
    "Official Records of the General Assembly, ",
    "Seventy-ninth Session, ",
    "Supplement No. 53 ",
    "(",
    ")",
    ", vols. I and II, ",
    "United Nations, Treaty Series ",
    "4–15 September 1995",
    "Yearbook of the ",
    "2000 Review Conference of the Parties to the ",
    "; ",
    "Word ",
    "Rapport de la ",
    "Documents officiels de l’",
    "Informe de la ",
    "período de sesiones, ",
]


def _note(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PIECES) for _ in range(n))


@pytest.mark.parametrize("code", ["en", "fr", "es"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_note_of_title_shaped_pieces_is_marked_in_linear_time(code: str, seed: int) -> None:
    def make(n: int):
        note = _note(n, seed)
        return lambda: italic_titles(note, code)

    with hang_guard(60):
        ratio = growth(make, 2_000, factor=8, repeats=3)
    assert ratio < 20, f"8x the note took {ratio:.1f}x the time"


def test_a_hundred_thousand_ibids_and_a_megabyte_note_are_marked_in_time() -> None:
    with hang_guard(30):
        assert italic_titles("Ibid. " * 100_000, "en").count("Ibid.") == 100_000
        note = "See Report of the " + "Conference on Things " * 50_000  # a megabyte with no end in sight
        assert italic_titles(note, "en") == note


def test_titles_found_in_a_note_read_back_as_italics_through_the_project_file() -> None:
    res = _base()
    res.footnotes["t"] = Footnote("United Nations, Treaty Series, vol. 2187, No. 38544.", id="t")
    res.operative[0].text += "[^t]"
    publication_titles.italicize_note_titles(res)
    assert "*Treaty Series*" in storage.loads(storage.dumps(res)).footnotes["t"].text
