"""A read the user stops ends where it is (app/cancelling.py): the Word, UN XML and text readers look at the
read's token at every step of their passes over parts, paragraphs, tables and runs, so a cancelled read raises
Cancelled within a step or two, whatever the file's size, and the next read does not wait for it.

Deterministic: a Cancel is made from inside the read after its N-th paragraph (not by timing), and the work
between two looks at the token is counted in lines of Python run (tests/cancel_gaps.py), not in seconds.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cancelling, render, storage
from app.io import akn_paragraphs, text_reader, wordml
from app.io.docx_writer import build_docx
from app.io.reading import read_data, read_document
from app.io.text_writer import to_text
from benchmarks.bench_docx_import import tracked
from benchmarks.sample import omnibus
from tests.cancel_gaps import CountingFlag, gaps

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PACT = FIXTURES / "akn" / "A_RES_79_1-2416433E.xml"  # the largest UN XML here: annexes, notes, sections
ISSUED_TEXT = FIXTURES / "reading" / "pdftotext" / "A_80_L.5.txt"  # an issued PDF's text, 60 kB
MOST_LINES = 20_000  # between two looks: a few milliseconds of Python on a slow machine, far under 100 ms


def _ids_in_order(dumped: str) -> str:
    """A project's JSON with its random ids numbered in order of first appearance: two reads compared."""
    seen: dict[str, str] = {}
    return re.sub(
        r"(?<![0-9a-f])[0-9a-f]{10}(?![0-9a-f])", lambda m: seen.setdefault(m[0], f"#{len(seen)}"), dumped
    )


def _model(data: bytes, name: str) -> str:
    return _ids_in_order(storage.dumps(read_data(data, name).resolution))


def _word() -> bytes:
    return build_docx(omnibus(300, footnotes=40, seed=5))


def _xml() -> bytes:
    return PACT.read_bytes()


def _text() -> bytes:
    return to_text(omnibus(300, footnotes=40, seed=5)).encode()


# the step each reader takes once per paragraph, in each of its passes: (module, attribute)
STEPS = {
    "word: paragraphs read": (wordml.Walker, "pieces"),
    "word: paragraphs placed": (render, "blocks_for"),
    "xml: paragraphs read": (akn_paragraphs.Reader, "paragraph"),
    "text: paragraphs placed": (text_reader._Placing, "take"),
}
FILES: dict[str, tuple[Callable[[], bytes], str]] = {
    "word": (_word, "draft.docx"),
    "xml": (_xml, "a.xml"),
    "text": (_text, "draft.txt"),
}


class _CancelAt:
    """Wraps a reader's per-paragraph step: at its `at`-th call the user cancels (the token is set); the calls
    made after that are counted."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str, flag: threading.Event, at: int
    ):
        self.real = getattr(owner, name)
        self.flag, self.at, self.calls, self.after = flag, at, 0, 0
        monkeypatch.setattr(owner, name, self._wrapped())

    def _wrapped(self) -> Callable[..., object]:
        real, hook = self.real, self

        def step(*args: object, **kwargs: object) -> object:
            hook.calls += 1
            if hook.flag.is_set():
                hook.after += 1
            elif hook.calls == hook.at:
                hook.flag.set()
            return real(*args, **kwargs)

        return step


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("where", [0.1, 0.5, 0.9], ids=["early", "midway", "late"])
def test_a_read_cancelled_after_n_paragraphs_stops_there(
    monkeypatch: pytest.MonkeyPatch, step: str, where: float
) -> None:
    make, name = FILES[step.split(":")[0]]
    data = make()
    owner, attribute = STEPS[step]
    want = _model(data, name)
    counting = _CancelAt(monkeypatch, owner, attribute, threading.Event(), at=0)
    read_data(data, name)
    steps = counting.calls  # how many paragraphs that pass takes in all
    assert steps > 20, "the step is not one per paragraph"
    monkeypatch.undo()
    flag = threading.Event()
    at = max(1, int(steps * where))
    hook = _CancelAt(monkeypatch, owner, attribute, flag, at)
    with pytest.raises(cancelling.Cancelled), cancelling.stoppable(flag):
        read_data(data, name)
    assert hook.calls >= at and hook.after <= 1  # the paragraph after the Cancel, at most, was begun
    monkeypatch.undo()
    # nothing left behind: no token outside the read, and the next read of the file is as a first one
    assert not cancelling.requested()
    assert _model(data, name) == want


def test_a_read_cancelled_at_its_nth_look_stops_at_once() -> None:
    """Wherever the Cancel falls (a dozen looks at the token spread over a Word read), the read ends there."""
    data = _word()
    total = CountingFlag()
    with cancelling.stoppable(total):
        read_data(data, "draft.docx")
    assert total.asked > 1000
    for at in range(1, total.asked, total.asked // 12):
        flag = CountingFlag(stop_at=at)
        with pytest.raises(cancelling.Cancelled), cancelling.stoppable(flag):
            read_data(data, "draft.docx")
        assert flag.asked == at


@pytest.mark.parametrize("kind", ["word", "xml", "text"])
def test_a_token_never_set_changes_nothing(kind: str) -> None:
    make, name = FILES[kind]
    data = make()
    with cancelling.stoppable(threading.Event()):
        inside = _model(data, name)
    assert inside == _model(data, name)


def _warm(read: Callable[[], object]) -> Callable[[], object]:
    read()  # modules imported and the patterns built once, as any earlier read in the editor did
    return read


@pytest.mark.parametrize(
    ("label", "data", "name"),
    [
        ("omnibus of 1,200 paragraphs", lambda: build_docx(omnibus(1200, footnotes=150, seed=3)), "a.docx"),
        ("same, every run a tracked change", lambda: tracked(build_docx(omnibus(600, seed=3))), "a.docx"),
        ("the Pact, annexes and tables", lambda: build_docx(read_document(PACT).resolution), "a.docx"),
        ("the Pact as UN XML", _xml, "a.xml"),
    ],
    ids=["word", "word-tracked", "word-annexes", "xml"],
)
def test_word_and_xml_reads_look_at_the_token_at_bounded_intervals(label: str, data, name: str) -> None:  # noqa: ANN001
    """From the start to the first look, between any two, and from the last to the end: a bounded amount of
    work, the same for a long file as for a short one (each pass over the file looks at every step)."""
    blob = data()
    found = gaps(_warm(lambda: read_data(blob, name)))
    assert len(found) > 500
    assert found[0].lines <= MOST_LINES, f"{label}: {found[0]}"


def test_text_reads_look_at_the_token_between_and_within_their_passes() -> None:
    """The text reader's passes run over the whole text one after the other: each looks at the token between
    passes, the longest per line or paragraph: no stretch is a large share of the read."""
    blob = ISSUED_TEXT.read_bytes()
    found = gaps(_warm(lambda: read_data(blob, "a.txt")))
    total = sum(gap.lines for gap in found)
    assert found[0].lines <= max(MOST_LINES, total // 50), f"{found[0]} of {total:,} lines"
