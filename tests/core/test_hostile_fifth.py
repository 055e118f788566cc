"""Fifth red-team pass: costs that grew with the square of an input the earlier passes did not grow.

- a run of paragraphs with one opener ("Decides", "Decides", ...): each one looked for itself in its list to
  name the opener before it;
- a comparison in which thousands of notes of the base are gone or changed: each one searched the notes part
  for a free id or for its own note.
Each is measured by how its cost grows from n to 8n (`growth`: near 8 for a linear cost, near 64 for one
that grows with the square).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard, sample  # noqa: E402

from app import recovery, storage  # noqa: E402
from app.compare.tracked import build_tracked_document  # noqa: E402
from app.conventions.engine import build_context  # noqa: E402
from app.documents import new_resolution  # noqa: E402
from app.findings import Severity  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.reading import read_document  # noqa: E402
from app.languages import settle_language  # noqa: E402
from app.model import Footnote, Paragraph  # noqa: E402
from app.storage import save_project  # noqa: E402

HANG = 20.0


def _repeated_openers(n: int):
    res = new_resolution("ga-c1")
    res.operative = [Paragraph("Decides", f"to act on matter {i};") for i in range(n)]
    return lambda: build_context(res)


def test_a_long_run_of_one_opener_is_checked_in_linear_time() -> None:
    with hang_guard(HANG):
        assert growth(_repeated_openers, 1000) < 8 * 2.5  # 34 before


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["Decides", "Decides also", "Decides further", "Requests", ""]), max_size=30))
def test_the_opener_before_each_repeated_one_is_the_paragraph_before_it(openers: list[str]) -> None:
    res = new_resolution("ga-c1")
    res.operative = [Paragraph(opener, f"text {i};") for i, opener in enumerate(openers)]
    ctx = build_context(res)
    for i, para in enumerate(res.operative):
        if para.id in ctx.previous_opener:
            assert ctx.run[para.id] > 1 and ctx.previous_opener[para.id] == openers[i - 1].strip()


def _notes_gone_and_changed(n: int):
    """A base with `n` notes and a new version in which every other one is gone and the rest are reworded."""
    base = sample(paragraphs=4, footnotes=n)
    new = copy.deepcopy(base)
    for i, (note_id, note) in enumerate(list(new.footnotes.items())):
        if i % 2:
            new.footnotes[note_id] = Footnote(note.text + " (revised)", note_id)
        else:
            for para in new.operative:
                para.text = para.text.replace(f"[^{note_id}]", "")
    return lambda: build_tracked_document(base, new)


def test_a_comparison_of_thousands_of_gone_and_changed_notes_grows_linearly() -> None:
    with hang_guard(HANG * 2):
        assert growth(_notes_gone_and_changed, 250) < 8 * 2.5  # 30 before


@pytest.mark.parametrize("code", ["zz", "de", "../../etc/passwd", "\u202e", "x" * 300])
def test_a_project_in_a_language_this_resolute_lacks_opens_in_english_and_says_so(
    tmp_path: Path, code: str
) -> None:
    """As an unknown template does: before, the code was kept and the draft checked and exported in English
    without a word."""
    res = sample()
    res.header.language = code
    path = tmp_path / "draft.json"
    save_project(res, path)
    result = read_document(path)
    assert result.resolution.header.language == "en"
    [finding] = [f for f in result.findings if f.rule == "import.language"]
    assert code[:40] in finding.message and "\n" not in finding.message
    saver = recovery.Autosaver(tmp_path / "recovery")
    saver.save(res, source=None)
    assert recovery.Recoverable(saver.path, None, 0.0, "").load().header.language == "en"


def test_a_language_code_in_capitals_is_that_language() -> None:
    res = sample()
    res.header.language = "FR"
    assert not settle_language(res) and res.header.language == "fr"


# --- UN XML: what was read nowhere, planted in an issued resolution --------------------------------------------

ISSUED_AKN = (
    Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "originals" / "A_RES_80_4-2517552E.xml"
)
_LAST = "</content>\n      </paragraph>\n    </mainBody>"
PLANTED = {
    # element beside the <p>s of a paragraph's content: dropped
    "table": (_LAST, f"<table><tr><td><p>Plantedtable cell</p></td></tr></table>{_LAST}"),
    "note": (_LAST, f'<authorialNote marker="9" eId="fn_x"><p>Plantednote text</p></authorialNote>{_LAST}'),
    "foreign": (_LAST, f"<foreign><p>Plantedforeign words</p></foreign>{_LAST}"),
    # a component of a resolution that is no collection of parts, and an annex's own preface: dropped
    "component": (
        "</statement>",
        '<components><component><doc name="x"><mainBody><p>Plantedcomponent text</p></mainBody></doc>'
        "</component></components></statement>",
    ),
    "preface": (
        "</conclusions>",
        '</conclusions><attachments><attachment><doc name="annex"><preface><p>Plantedpreface title</p></preface>'
        '<mainBody><paragraph eId="a1"><num>1.</num><content><p>Plantedannex text.</p></content></paragraph>'
        "</mainBody></doc></attachment></attachments>",
    ),
}


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_un_xml_content_read_nowhere_before_is_kept_and_said(kind: str) -> None:
    issued = ISSUED_AKN.read_text(encoding="utf-8")
    old, new = PLANTED[kind]
    assert old in issued
    planted = issued.replace(old, new, 1)
    clean = read_akn(issued.encode("utf-8"), name="clean.xml")
    result = read_akn(planted.encode("utf-8"), name="planted.xml")
    saved = storage.dumps(result.resolution)
    words = [w for w in new.split(">") if w.startswith("Planted")]
    assert words and all(w.split("<")[0] in saved for w in words), kind
    said = {f.message for f in result.findings} - {f.message for f in clean.findings}
    assert said or kind in ("note", "preface"), kind  # a note and an annex title are where they belong


def test_an_image_in_the_text_is_said() -> None:
    issued = ISSUED_AKN.read_text(encoding="utf-8")
    target = '<span class="italic">Decides</span> to include'
    planted = issued.replace(target, target + ' <img alt="a chart" src="chart.png"/>', 1)
    assert not [f for f in read_akn(issued.encode("utf-8")).findings if "image" in f.message]
    [finding] = [f for f in read_akn(planted.encode("utf-8")).findings if "image" in f.message]
    assert finding.severity is Severity.WARNING
