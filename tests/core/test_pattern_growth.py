"""Regular expressions whose cost grew faster than their input (found with scripts/pattern_growth.py), one test
per class: each builds the hostile text at n and 8n characters and compares the medians of the runs' times
(a ratio: the machine's load slows both alike). Linear is near 8; the old patterns gave 60 to 500.

- a run retried from each of its characters before an end test: a lazy `.*?` or a class that can also take
  spaces, then `\\s*$` (a label of many spaces before its suffix, an agenda line, a French masthead's colon);
- a lookahead to the end of the text at each match (the last "et" of a French sponsor line, weighed again at
  every "et" before it);
- a comma then `\\W*$`, where the marks after each comma are read again from each comma;
- a start that can recur inside the stretch it scans, unbounded ("A/RES/" again and again before a comma; an
  amendment's opening quotes never closed, each read to the end);
- a pattern that opens with a run of spaces, searched from each space of a long run (a job number's "(E)");
  so also a run of letters, spaces or digits before an end test, tried again from each of its characters (a
  long word before a spaced joiner "Da ’esh", an opener's spaces before a trailing "of", a word before a line's
  hyphen, a label's digits, a subparagraph's closing "and", the line breaks the editor takes out of a typed
  paragraph at each keystroke): each is tried from the first character of its run only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard  # noqa: E402

from app.conventions.subparagraphs import _AND_END  # noqa: E402
from app.io.docx_writer import later_job  # noqa: E402
from app.io.foreign_header import english_line  # noqa: E402
from app.io.spaced_words import close_up  # noqa: E402
from app.io.structure import section_preamble  # noqa: E402
from app.io.text_header import AGENDA  # noqa: E402
from app.io.text_joining import LineJoiner  # noqa: E402
from app.io.text_structure import _OPENS_ADOPTED, _one_line_ending_in_a_comma  # noqa: E402
from app.languages import get_language  # noqa: E402
from app.negotiation.numbering import before_first, root_of  # noqa: E402
from app.rollover import adoption_info  # noqa: E402
from app.wording.words import holes  # noqa: E402
from widgets.fields import one_line  # noqa: E402

FRENCH = get_language("fr")
LINEAR = 8 * 3  # 8x the input: near 8 when linear, 64 and more when square


def _repeated(
    run: Callable[[str], object], text_of: Callable[[int], str]
) -> Callable[[int], Callable[[], object]]:
    """A growth maker: the hostile text of n characters, read 5 times a run (a run long enough to time)."""

    def make(n: int) -> Callable[[], object]:
        text = text_of(n)
        return lambda: [run(text) for _ in range(5)]

    return make


CASES = {
    "a label's spaces before its suffix": (root_of, lambda n: "OP" + " " * n + "x"),
    "an agenda line's spaces": (AGENDA.match, lambda n: "Agenda item 1" + " " * n + "x"),
    "a French masthead's spaces before its colon": (
        lambda s: english_line(s, FRENCH),
        lambda n: "France" + " " * n + ": projet de résolution",
    ),
    "a French sponsor line of many et": (
        lambda s: english_line(s, FRENCH),
        lambda n: "France et " * (n // 10) + "Mexique : projet de résolution",
    ),
    "commas before the end": (lambda t: _opens_adopted(t), lambda n: "a" + "," * n + "x"),
    "a run of spaces opening the pattern": (later_job, lambda n: "25-16697" + " " * n + "x"),
    "a long word before a spaced joiner": (
        lambda s: close_up(s, set(), lambda _word: False),
        lambda n: "a" * n + " -led",
    ),
    "an opener's spaces before a trailing of": (section_preamble, lambda n: "Taking" + " " * n + "note"),
    "a long word before the hyphen ending a line": (
        lambda s: LineJoiner().keep_hyphen(s, "tion"),
        lambda n: "a" * n + "-b-",
    ),
    "a label's digits before its end": (before_first, lambda n: "OP " + "1" * n + "x"),
    "a typed paragraph's spaces before a line break (each keystroke)": (
        one_line,
        lambda n: "a" + " " * n + "x\n",
    ),
    "an amendment's opening quotes never closed": (holes, lambda n: "replace the words «a" * (n // 20)),
    "a subparagraph's spaces before its closing and": (_AND_END.search, lambda n: "to act" + " " * n + "x"),
    "a resolution symbol started again and again": (
        lambda s: adoption_info(s.encode()),
        lambda n: "A/RES/" * (n // 6) + ",",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_text_costs_its_length(name: str) -> None:
    run, text_of = CASES[name]
    with hang_guard(60):
        assert growth(_repeated(run, text_of), 2000) < LINEAR


def _opens_adopted(text: str) -> bool:
    """What opens a text a paragraph adopts (text_structure): the pattern, or one line ending in a comma."""
    return bool(_OPENS_ADOPTED.match(text)) or _one_line_ending_in_a_comma(text)


def test_the_patterns_still_read_what_they_read() -> None:
    assert root_of("OP 7 ter") == "OP 7"
    assert root_of("PP 3 bis-15") == "PP 3"
    assert root_of("OP 7") == "OP 7"
    agenda = AGENDA.match("Agenda items 68 (a) and 69   ")
    assert agenda is not None and agenda.group("items") == "68 (a) and 69"
    assert (
        english_line("France et Mexique : projet de résolution", FRENCH)
        == "France and Mexique: draft resolution"
    )
    assert english_line("Belgique, France et Mexique* : projet de résolution", FRENCH) == (
        "Belgique, France and Mexique*: draft resolution"
    )
    assert _opens_adopted("Recalling its resolution 70/1, ”")
    assert not _opens_adopted("Recalling its resolution, and more")
    assert later_job("25-16697 (E)") == "25-16697"
    assert close_up("the Da ’esh and Iraqi -led forces", set(), lambda _word: False)[0] == (
        "the Da’esh and Iraqi-led forces"
    )
    assert section_preamble("Taking note with appreciation  of")  # the trailing "of" is no part of it
    assert not section_preamble("Decides  of")
    assert _AND_END.search("to act;   and  ").start() == 6 and _AND_END.search("to act and").start() == 6
    assert one_line("to act \n\n  and\nto report") == "to act and to report"
    assert holes("replace « a » with “b” after «c") == (
        "replace \x000\x00 with \x001\x00 after «c",
        ["a", "b"],
    )
    assert before_first("OP 12") == "OP 0" and before_first("OP 2 (a)") == "OP 2 (0)"
    assert adoption_info(b"A/RES/80/70\n\nThe General Assembly,\n\n1. Decides.\n").symbol == "A/RES/80/70"
