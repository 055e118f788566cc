"""Hostile classes found by the fourth red-team pass: long runs of one kind of character in any field (a search
retried from every position of the run took the square of its length), output names the system refuses,
impossible projects (a footnote id given twice, a note no text refers to, 100,000 sponsors).

Each test builds the class (hypothesis or a parametrized family). Time limits are hang guards far above a
linear run: they turn a hang into a failure and time nothing."""

from __future__ import annotations

import copy
import functools
import json
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import hang_guard, sample  # noqa: E402

from app import cli, inline  # noqa: E402
from app.atomic import write_atomic  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.errors import InputError, SaveError  # noqa: E402
from app.findings import Finding, Severity  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.model import MAX_SPONSORS, Resolution  # noqa: E402
from app.punctuation import ends_with_mark  # noqa: E402
from app.storage import dumps, loads  # noqa: E402

HANG = 20.0
RUN = 60_000  # characters: a quadratic scan of this takes minutes, a linear one well under a second

# one of each kind of character a long run can be made of: letters and marks of every script, punctuation,
# spaces of every width
RUNS = {
    "letters": "abcdefghij",
    "emoji with joiners": "👨\u200d👩\u200d👧\u200d👦",
    "CJK without spaces": "国家主权平等",
    "Arabic words": "تأكيد ",
    "combining marks": "\u0301",
    "full stops": ".",
    "commas and spaces": ", ",
    "spaces": " ",
    "no-break spaces": "\u00a0",
    "slashes": "a/",
    "at signs": "a@",
    "fullwidth commas": "，",
    "tabs": "a\t",
}
FIELDS = ("operative", "sponsor", "opener", "title", "footnote")


@functools.cache
def _base() -> Resolution:
    return sample()


def with_run(run: str, where: str) -> Resolution:
    res = copy.deepcopy(_base())
    # a symbol and an address first: the masks for them run only on a field that has a "/" or an "@"
    text = "A/80/L.1, info@un.org x" + run * (RUN // len(run)) + "x"
    if where == "operative":
        res.operative[0].text += " " + text
    elif where == "sponsor":
        res.header.sponsors.append(text)
    elif where == "opener":
        res.operative[0].opener += " " + text
    elif where == "title":
        res.title += " " + text
    else:
        note = res.add_footnote(text)
        res.operative[0].text += inline.footnote_ref(note.id)
    return res


@pytest.mark.parametrize("where", FIELDS)
@pytest.mark.parametrize("run", list(RUNS.values()), ids=list(RUNS))
def test_a_long_run_of_any_character_checks_and_reads_back_in_time(run: str, where: str) -> None:
    """Before: 60,000 full stops or spaces in the sponsor line or an opener never finished reading back as text
    (`[,;:.]\\W*$` searched from every mark), a 55,000-letter word took minutes to spell-check (the symbol
    mask `[^\\s/]*\\w/` restarted at every letter)."""
    res = with_run(run, where)
    start = time.monotonic()
    with hang_guard(HANG):
        check_document(res)
        read_text(to_text(res))
        read_akn(to_akn(res))
    assert time.monotonic() - start < HANG  # the style step catches what it raises, the guard's signal too


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(",;:.!?a_1 )”\n\u00b9é\u0301\u00a0")), max_size=14))
def test_ends_with_mark_is_the_search_it_replaced(text: str) -> None:
    for marks in (",;:.", ";:", ",;:.!?", ","):
        assert ends_with_mark(text, marks) == bool(re.search("[" + re.escape(marks) + r"]\W*$", text))


def test_a_finding_quoting_a_huge_word_is_one_short_line() -> None:
    word = "abcdefghij" * 20_000
    f = Finding("spelling.unknown-word", Severity.INFO, f"'{word}' is not in the dictionary\nsecond line")
    assert "\n" not in f.message and len(f.message) < 120 and f.message.startswith("'abcdefghij")


# --- output names the system refuses -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".txt", ".xml", ".docx", ".pdf"])
@pytest.mark.parametrize("name", ["x" * 300, "é" * 200, "folder"])
def test_an_output_name_the_system_refuses_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest, name: str, suffix: str
) -> None:
    """Before: a 300-character name was an internal error (exit 3); a PDF to a folder printed Qt warnings, wrote
    nothing and exited 0."""
    if suffix == ".pdf":
        pytest.importorskip("PySide6")
        request.getfixturevalue(
            "qapp"
        )  # a QApplication, as the editor's tests later need (not a bare GUI one)
    source = tmp_path / "draft.json"
    source.write_text(dumps(_base()), encoding="utf-8")
    out = tmp_path / (name + suffix)
    if name == "folder":
        out.mkdir()
    assert cli.run(["export", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("resolute: cannot") and "\n" not in err and len(err) < 200
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["draft.json"] + ([out.name] if name == "folder" else [])
    )


@pytest.mark.parametrize("bad", ["a\x00b.json", "x" * 300 + ".json"])
def test_write_atomic_refuses_bad_names_as_save_errors(tmp_path: Path, bad: str) -> None:
    with pytest.raises(SaveError):
        write_atomic(tmp_path / bad, b"{}")


def test_a_name_near_the_limit_saves_with_its_backup(tmp_path: Path) -> None:
    """The temporary beside the file is named after it: a 250-byte name once left no room for it."""
    path = tmp_path / ("n" * 245 + ".json")
    write_atomic(path, b"1")
    write_atomic(path, b"2", backup=True)
    assert path.read_bytes() == b"2" and (tmp_path / (path.name + "~")).read_bytes() == b"1"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_pdf_is_written_whole_or_not_at_all(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    pytest.importorskip("PySide6")
    request.getfixturevalue("qapp")
    from widgets.pdf_export import write_pdf

    out = tmp_path / "draft.pdf"
    write_pdf(_base(), out)
    assert out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")


# --- impossible projects -------------------------------------------------------------------------------------


def read_project(text: str):  # noqa: ANN201
    import tempfile

    from app.io.reading import read_document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.json"
        path.write_text(text, encoding="utf-8")
        return read_document(path)


def _project(mutate) -> str:  # noqa: ANN001
    data = json.loads(dumps(_base()))
    mutate(data)
    return json.dumps(data)


@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=6), st.sets(st.integers(0, 5)))
@settings(max_examples=40, deadline=None)
def test_footnotes_with_ids_given_twice_or_referenced_nowhere_keep_their_text_and_are_said(
    ids: list[str], referenced: set[int]
) -> None:
    """Before: the second of two notes with one id replaced the first without a word, and a note no text
    referred to was never printed, with no finding."""

    def mutate(data: dict) -> None:
        data["footnotes"] = [{"id": note_id, "text": f"Note number {i}."} for i, note_id in enumerate(ids)]
        data["operative"][0]["text"] += "".join(f"[^{ids[i]}]" for i in sorted(referenced) if i < len(ids))

    result = read_project(_project(mutate))
    res = result.resolution
    texts = sorted(note.text for note in res.footnotes.values())
    assert texts == sorted(f"Note number {i}." for i in range(len(ids)))
    printed_ids = {ids[i] for i in referenced if i < len(ids)}
    unprinted = {f.paragraph_id for f in result.findings if f.rule == "import.footnote-unplaced"}
    assert unprinted == {note.id for note in res.footnotes.values() if note.id not in printed_ids}


@pytest.mark.parametrize("size", [MAX_SPONSORS + 1, 100_000])
def test_a_sponsor_list_past_any_real_one_is_refused_in_one_line(size: int) -> None:
    def mutate(data: dict) -> None:
        data["header"]["sponsors"] = [f"State {i}" for i in range(size)]

    with hang_guard(HANG), pytest.raises(InputError, match="sponsors"):
        loads(_project(mutate))


def test_ten_thousand_made_up_sponsors_check_in_time() -> None:
    """Each unknown name looked for its nearest State (difflib) at 10 ms a name: 100,000 took a quarter of an
    hour. The first are still given a suggestion."""
    res = copy.deepcopy(_base())
    res.header.sponsors = ["Frnace"] + [f"State {i}" for i in range(MAX_SPONSORS - 1)]
    with hang_guard(HANG):
        found = [f for f in check_document(res, style=False) if f.rule == "sponsors.unknown-name"]
    assert len(found) == MAX_SPONSORS and "France" in found[0].message


# --- separators that are not newlines -----------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def _shape(res: Resolution) -> tuple[int, int, str]:
    return len(res.preamble), len(res.operative), res.title


@pytest.mark.parametrize("separator", ["\x0b", "\x1c", "\x1d", "\x1e", "\u2028", "\u2029", "\x85", "\r"])
def test_a_draft_whose_lines_end_in_any_line_separator_reads_as_with_newlines(separator: str) -> None:
    """Before: a draft whose lines ended in vertical tabs (Word's line break in copied text) read as an empty
    draft, exit 0, with no finding."""
    text = (CORPUS / "A_80_L.6.txt").read_text(encoding="utf-8")
    expected = _shape(read_text(text).resolution)
    assert expected[1] > 0
    assert _shape(read_text(text.replace("\n", separator)).resolution) == expected


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x1c", "\x1f"])
def test_a_separator_inside_a_paragraph_keeps_the_words_apart_in_every_export(control: str) -> None:
    """Before: the writers dropped the character, printing "financialembargo" in Word, UN XML and PDF."""
    res = copy.deepcopy(_base())
    res.operative[0].text = f"to act on the financial{control}embargo"
    assert "financial embargo" in docx_text(build_docx(res))
    assert "financial embargo" in to_akn(res).decode("utf-8")


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Recalling", "the", "Charter", "1.", "Decides", "to", "(a)", ",", ";"]), min_size=1
    )
)
def test_text_with_no_paragraph_found_is_kept_and_said(words: list[str]) -> None:
    """Before: a whole draft on one line read as an empty draft, exit 0, with no finding."""
    text = " ".join(words)
    result = read_text(text)
    kept = storage_text(result.resolution)
    assert all(w in kept for w in words if w.isalpha())  # labels ("1.", "(a)") are derived, not stored
    if not any(items for _, items in result.resolution.lists()) and not result.resolution.title:
        assert any(f.rule == "import.unplaced" for f in result.findings)


def test_a_whole_draft_on_one_line_is_kept_and_said() -> None:
    text = " ".join((CORPUS / "A_80_L.6.txt").read_text(encoding="utf-8").split())
    result = read_text(text)
    assert "import.unplaced" in {f.rule for f in result.findings}
    assert "Helms-Burton Act" in storage_text(result.resolution)


def storage_text(res: Resolution) -> str:
    return inline.plain(" ".join(json.loads(dumps(res)).__repr__().split()))


def docx_text(blob: bytes) -> str:
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


# --- PDF files ------------------------------------------------------------------------------------------------


def _pdfs() -> list[tuple[str, bytes]]:
    real = sorted((CORPUS / "originals").glob("*.pdf"))[:3]
    out = [(p.name, p.read_bytes()) for p in real]
    first = out[0][1]
    out += [
        ("truncated.pdf", first[: len(first) // 3]),
        ("no-xref.pdf", first.replace(b"xref", b"xxxx")),
        (
            "ascii-only.txt",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        ),
        ("leading-space.json", b"  \n%PDF-1.7\n" + first[9:2000]),
    ]
    return out


@pytest.mark.parametrize(("name", "data"), _pdfs(), ids=lambda x: x if isinstance(x, str) else "")
def test_a_pdf_file_under_any_name_is_read_as_a_pdf_or_refused_in_one_line(
    tmp_path: Path, name: str, data: bytes
) -> None:
    """Before: "not UTF-8 text", and a PDF whose streams happen to be ASCII read as a heap of text. Now the PDF
    reader takes it whatever its name: a whole issued PDF reads, a broken one is named a PDF in one line (PDFium
    repairs what it can: a lost cross-reference table still reads)."""
    from app.io.reading import read_document

    path = tmp_path / name
    path.write_bytes(data)
    whole = {p.name: p for p in sorted((CORPUS / "originals").glob("*.pdf"))[:3]}
    try:
        res = read_document(path).resolution
    except InputError as exc:
        assert "PDF" in str(exc) and "\n" not in str(exc)
        assert name not in whole
    else:  # what reads is the issued draft: its masthead, on page 1, gives the symbol of the PDF broken
        intact = whole.get(name, next(iter(whole.values())))
        assert res.header.symbol == intact.stem.replace("_", "/")
