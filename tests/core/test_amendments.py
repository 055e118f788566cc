"""Amendments: the instructions that turn one draft into another, applied back, worded, read and written."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import _OP, _PRE, canonical, paragraph, resolutions

from app import inline
from app.amendments import amendment, apply, check_fits, derive, items, texts
from app.conventions.engine import check_document
from app.errors import InputError
from app.formatting import ordinal_words
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import Action, DocumentKind, Footnote, Header, Instruction, Paragraph, Part, Resolution
from app.render import render
from app.wording.reading import parse_sentence
from app.wording.sentences import sentence

ROOT = Path(__file__).resolve().parents[2]


def _base() -> Resolution:
    return Resolution(
        header=Header(template="ga-c3", session=80, symbol="A/C.3/80/L.20", sponsors=["Japan"]),
        title="Rights of the child",
        preamble=[
            Paragraph("Recalling", "its resolution 79/158 of 17 December 2024"),
            Paragraph("Noting", "the report of the Secretary-General"),
            Paragraph("Concerned", "about the situation of children in armed conflict"),
        ],
        operative=[
            Paragraph("Urges", "States to protect children"),
            Paragraph("Calls upon", "States to ratify the Convention"),
            Paragraph(
                "Requests",
                "the Secretary-General",
                [Paragraph("", "to report annually"), Paragraph("", "to consult States")],
            ),
            Paragraph("Decides", "to continue its consideration of the question"),
        ],
    )


def _proposed(base: Resolution) -> Resolution:
    new = copy.deepcopy(base)
    new.preamble[2].text = "about the grave situation of children in armed conflict"
    new.operative[0].text = "all States to protect children"
    new.operative[2].subparagraphs[1].text = "to consult Member States and observers"
    del new.operative[1]
    new.operative.insert(2, Paragraph("Welcomes", "the contributions received"))
    new.preamble.insert(0, Paragraph("Guided", "by the Charter of the United Nations"))
    return new


def _sentences(res: Resolution) -> list[str]:
    return [
        b.label + " " * bool(b.label) + "".join(s.text for s in b.spans) + b.end
        for b in render(res).blocks
        if b.role == "instruction"
    ]


def test_derived_instructions_read_in_the_set_wording_and_apply_back() -> None:
    base = _base()
    new = _proposed(base)
    instructions = derive(base, new)
    assert [i.sentence for i in items(instructions)] == [
        "At the beginning of the preamble, insert a new preambular paragraph reading",
        "In the third preambular paragraph, after “about the”, insert “grave”",
        "In operative paragraph 1, after “Urges”, insert “all”",
        "Delete operative paragraph 2 reading",
        "In operative paragraph 3 (b), replace “States” with “Member States and observers”",
        "After operative paragraph 3, insert a new operative paragraph reading",
    ]
    amended = apply(instructions, base)
    assert texts(amended.preamble) == texts(new.preamble)
    assert texts(amended.operative) == texts(new.operative)


def test_every_sentence_parses_back_to_its_instruction() -> None:
    base = _base()
    for item in items(derive(base, _proposed(base))):
        parsed, _ = parse_sentence(item.sentence + (":" if item.quoted else ""))
        keys = [(i.action, i.part, i.number, i.sub, i.old, i.new, i.after) for i in item.instructions]
        assert [(i.action, i.part, i.number, i.sub, i.old, i.new, i.after) for i in parsed] == keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delete the thirty-eighth preambular paragraph reading:", (Action.DELETE, Part.PREAMBLE, 38, "")),
        ("Replace operative paragraph 7 with the following:", (Action.REPLACE, Part.OPERATIVE, 7, "")),
        (
            "Insert a new operative paragraph after operative paragraph 4 reading:",
            (Action.INSERT, Part.OPERATIVE, 4, ""),
        ),
        (
            "Insert a new preambular paragraph before the second preambular paragraph reading:",
            (Action.INSERT, Part.PREAMBLE, 1, ""),
        ),
        ("Delete subparagraph (c) of operative paragraph 12", (Action.DELETE, Part.OPERATIVE, 12, "(c)")),
        ("Delete operative paragraph 12 (c) (ii);", (Action.DELETE, Part.OPERATIVE, 12, "(c) (ii)")),
        (
            "Insert the following new preambular paragraph after the fifth preambular paragraph:",
            (Action.INSERT, Part.PREAMBLE, 5, ""),
        ),
        ("Replace operative paragraph 7 with the following text:", (Action.REPLACE, Part.OPERATIVE, 7, "")),
    ],
)
def test_whole_paragraph_instructions_are_read(text: str, expected: tuple) -> None:
    (ins,), _ = parse_sentence(text)
    assert (ins.action, ins.part, ins.number, ins.sub) == expected


def test_subparagraphs_are_inserted_deleted_and_replaced() -> None:
    base = _base()  # operative paragraph 3 has (a) "to report annually", (b) "to consult States"
    said = [
        ("Before operative paragraph 3 (a), insert a new subparagraph reading:", "to act"),
        ("Delete operative paragraph 3 (b)", ""),
        ("After operative paragraph 3 (a), insert a new subparagraph reading:", "to inform States"),
        ("In operative paragraph 3 (a), replace “annually” with “every year”", ""),
    ]
    instructions = []
    for text, quoted in said:
        (ins,), _ = parse_sentence(text)
        if quoted:
            ins.paragraph = Paragraph(text=quoted)
        instructions.append(ins)
        assert (
            parse_sentence(sentence(ins) if quoted else text)[0][0].sub == ins.sub
        )  # the wording reads back
    amended = apply(instructions, base)
    subs = [p.text for p in amended.operative[2].subparagraphs]
    assert subs == ["to act", "to report every year", "to inform States"]


def test_derived_subparagraph_changes_name_the_subparagraph() -> None:
    base = _base()
    new = copy.deepcopy(base)
    subs = new.operative[2].subparagraphs
    subs.insert(0, Paragraph("", "to convene a meeting"))
    del subs[2]  # "to consult States"
    found = [(i.sentence, i.quoted.text if i.quoted else "") for i in items(derive(base, new))]
    assert found == [
        ("Before operative paragraph 3 (a), insert a new subparagraph reading", "to convene a meeting"),
        ("Delete operative paragraph 3 (b) reading", "to consult States"),
    ]
    written = amendment(base, new)
    read = read_text(to_text(written)).resolution
    assert texts(apply(read.instructions, base).operative) == texts(new.operative)


def test_text_edits_in_one_sentence_are_read() -> None:
    found, _ = parse_sentence(
        "In operative paragraph 5, after “States”, insert “and regional organizations”; "
        "replace “report” with “comprehensive report”; and delete “annually”;"
    )
    assert [(i.action, i.number, i.old, i.new, i.after) for i in found] == [
        (Action.INSERT, 5, "", "and regional organizations", "States"),
        (Action.REPLACE, 5, "report", "comprehensive report", ""),
        (Action.DELETE, 5, "annually", "", ""),
    ]


def test_several_paragraphs_deleted_in_one_sentence() -> None:
    found, _ = parse_sentence("Delete operative paragraphs 5, 6 and 8;")
    assert [(i.part, i.number) for i in found] == [
        (Part.OPERATIVE, 5),
        (Part.OPERATIVE, 6),
        (Part.OPERATIVE, 8),
    ]
    found, _ = parse_sentence("Delete the second and third preambular paragraphs")
    assert [(i.part, i.number) for i in found] == [(Part.PREAMBLE, 2), (Part.PREAMBLE, 3)]
    assert texts(apply(found, _base()).preamble) == texts(_base().preamble)[:1]


def test_sentences_outside_the_set_wording_are_refused_in_one_line() -> None:
    with pytest.raises(InputError):
        parse_sentence("Consider rephrasing the fifth paragraph")
    with pytest.raises(InputError):
        parse_sentence("Delete the umpteenth preambular paragraph")


def test_an_instruction_naming_a_missing_paragraph_or_words_is_refused() -> None:
    base = _base()
    with pytest.raises(InputError, match="operative paragraph 9"):
        apply([Instruction(Action.DELETE, Part.OPERATIVE, 9)], base)
    with pytest.raises(InputError, match="not in the text"):
        apply([Instruction(Action.INSERT, Part.OPERATIVE, 1, after="Nations", new="and others")], base)


# -- the property: apply(derive(B, P), B) == P ----------------------------------------------------------


@st.composite
def _edited(draw: st.DrawFn, base: Resolution) -> Resolution:
    """The base with paragraphs deleted, inserted, moved and reworded, subparagraphs changed."""
    new = copy.deepcopy(base)
    notes: list[Footnote] = []
    for part, openers in ((Part.PREAMBLE, _PRE), (Part.OPERATIVE, _OP)):
        items_ = new.part(part)
        for _ in range(draw(st.integers(0, 3))):
            action = draw(st.sampled_from(["delete", "insert", "reword", "sub"]))
            if action == "insert" or not items_:
                items_.insert(draw(st.integers(0, len(items_))), draw(paragraph(notes, openers)))
                continue
            target = items_[draw(st.integers(0, len(items_) - 1))]
            if action == "delete":
                items_.remove(target)
            elif action == "sub":
                nodes = list(target.walk())
                node = nodes[draw(st.integers(0, len(nodes) - 1))]
                node.subparagraphs.append(draw(paragraph(notes, openers, 1)))
            else:
                node = draw(st.sampled_from(list(target.walk())))
                words = node.text.split(" ")
                at = draw(st.integers(0, len(words)))
                how = draw(st.sampled_from(["add", "drop", "swap"]))
                extra = draw(
                    st.sampled_from(["regional", "all", "and in particular", "in particular, effective"])
                )
                if how == "add" or "*" in node.text:  # dropping a word could break an italic span
                    words.insert(at, extra)
                elif how == "drop" and len(words) > 1:  # a paragraph keeps some text
                    del words[min(at, len(words) - 1)]
                else:
                    words[min(at, len(words) - 1)] = extra
                # a paragraph's text holds no end punctuation (every reader takes it as the end mark): a
                # dropped last word leaves none behind it
                node.text = " ".join(w for w in words if w).rstrip(",;: ")
    new.footnotes.update({n.id: n for n in notes})
    return new


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_applying_the_derived_instructions_gives_the_proposed_draft(data: st.DataObject) -> None:
    base = data.draw(resolutions())
    new = data.draw(_edited(base))
    instructions = derive(base, new)
    amended = apply(instructions, base)
    assert texts(amended.preamble) == texts(new.preamble)
    assert texts(amended.operative) == texts(new.operative)
    for item in items(instructions):  # and every sentence reads back in the set wording
        parsed, _ = parse_sentence(item.sentence)
        assert [(i.action, i.part, i.number, i.sub) for i in parsed] == [
            (i.action, i.part, i.number, i.sub) for i in item.instructions
        ]


def _outcome(run) -> str:
    try:
        run()
    except InputError as exc:
        return str(exc)
    return ""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_each_instruction_fits_or_not_as_applying_it_alone_says(data: st.DataObject) -> None:
    """`check_fits` (the amendment check against its base, one instruction at a time without copying the
    draft) refuses exactly what applying the one instruction refuses, with the same message; tried on the
    draft amended and on another draft, where many do not fit."""
    base = data.draw(resolutions())
    instructions = derive(base, data.draw(_edited(base)))
    instructions.append(Instruction(data.draw(st.sampled_from(list(Action))), Part.OPERATIVE, 1))
    for target in (base, data.draw(resolutions())):
        for ins in instructions:
            expected = _outcome(lambda ins=ins, target=target: apply([ins], target))
            assert _outcome(lambda ins=ins, target=target: check_fits(ins, target)) == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_written_amendment_reads_back_and_applies_from_text_and_word(data: st.DataObject) -> None:
    # footnote marks and the punctuation beside them are the text writer's and readers' own round trip
    base = _without_notes(data.draw(resolutions()))
    new = _without_notes(data.draw(_edited(base)))
    written = amendment(base, new, sponsors=["Mexico"], symbol="A/C.3/80/L.77")
    if not written.instructions:
        return
    for read in (read_text(to_text(written)).resolution, read_document_bytes(build_docx(written))):
        assert read.header.kind is DocumentKind.AMENDMENT
        assert read.header.amends == base.header.full_symbol
        assert not read.preamble and not read.operative  # nothing left over, no organ line invented
        amended = apply(read.instructions, base, read)
        assert _plain(amended.preamble) == _plain(new.preamble)
        assert _plain(amended.operative) == _plain(new.operative)


def _without_notes(res: Resolution) -> Resolution:
    """No footnotes, subparagraphs two levels deep at most ((a), (i)), the depth amendments quote, and text
    after a list only at the end of a paragraph (plain text does not say which level such text closes)."""
    for _, para in res.paragraphs():
        para.text = re.sub(r"\[\^[^\]]+\]", "", para.text)
        para.tail = re.sub(r"\[\^[^\]]+\]", "", para.tail)
    for part in Part:
        for para in res.part(part):
            for sub in para.subparagraphs:
                sub.tail = ""
                for inner in sub.subparagraphs:
                    inner.subparagraphs, inner.tail = [], ""
    res.footnotes.clear()
    return res


def read_document_bytes(data: bytes) -> Resolution:
    from app.io.docx_reader import read_docx

    return read_docx(data, name="amendment.docx").resolution


def _plain(paragraphs: list[Paragraph]) -> list:
    """Texts as printed and read back: footnote ids are new on reading, so references are compared as marks."""

    def one(p: Paragraph) -> tuple:
        lead = re.sub(r"\[\^[^\]]+\]", "[^]", inline.plain(p.opener + " " + p.text).replace("  ", " "))
        return (
            " ".join(lead.split()),
            [one(s) for s in p.subparagraphs],
            " ".join(inline.plain(p.tail).split()),
        )

    return [one(p) for p in paragraphs]


# -- A/80/L.19 as issued ---------------------------------------------------------------------------------


def _pdf_body(path: Path) -> list[tuple[bool, str, str]]:
    """The body paragraphs of an issued amendment, from the PDF's typography: (starts in italics, the italic
    opener, the whole paragraph's text), from the first body-size roman line after the 12 pt title."""
    from tests.pdf_lines import text_lines

    lines = []
    for _, line, found in text_lines(path):
        chars = [c for c in found if c.get_text().strip()]
        if chars:
            lines.append((line.x0, -line.y0, chars, line.get_text()))
    lines.sort(key=lambda t: t[1])
    title_end = max(
        i
        for i, (_, _, chars, _) in enumerate(lines)
        if round(chars[0].size) == 12 and "Bold" in chars[0].fontname and "Barcode" not in chars[0].fontname
    )
    body = []
    for t in lines[title_end + 1 :]:
        if round(t[2][0].size) != 10:
            break  # the footnotes below the body
        body.append(t)
    left = Counter(round(x) for x, _, _, _ in body).most_common(1)[0][0]  # where continuation lines start
    paragraphs: list[tuple[bool, str, str]] = []
    for x, _, chars, text in body:
        if x > left + 10 or not paragraphs:  # a first line is indented
            italic = "Italic" in chars[0].fontname
            opener = "".join(c.get_text() for c in chars if "Italic" in c.fontname) if italic else ""
            paragraphs.append((italic, opener, text))
        else:
            paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1], paragraphs[-1][2] + " " + text)
    return [(i, o, " ".join(t.split())) for i, o, t in paragraphs]


def test_issued_amendment_is_read_as_instructions(corpus: Path) -> None:
    expected = _pdf_body(corpus / "originals" / "A_80_L.19.pdf")
    sentences = [text for italic, _, text in expected if not italic]
    quoted = [(opener, text) for italic, opener, text in expected if italic]
    assert sentences and quoted
    res = read_document(corpus / "A_80_L.19.txt").resolution
    assert res.header.kind is DocumentKind.AMENDMENT
    assert res.header.amends == "A/80/L.18"
    assert (
        not res.preamble and not res.operative
    )  # the quoted paragraph is the instruction's, not the draft's
    assert render(res).organ_line == ""
    assert _sentences(res) == sentences  # the model prints the PDF's instruction line exactly
    assert [sentence(i) for i in res.instructions] == [s.rstrip(":") + ":" for s in sentences]
    got = [i.paragraph for i in res.instructions if i.paragraph is not None]
    assert [p.opener for p in got] == [o for o, _ in quoted]
    for para, (_, text) in zip(got, quoted, strict=True):
        printed = inline.plain(para.opener + " " + re.sub(r"\[\^[^\]]+\]", "", para.text))
        assert re.sub(r"\*+", "", text).startswith(" ".join(printed.split()))
    # the number names the paragraph in words, as the PDF does
    assert ordinal_words(res.instructions[0].number) in sentences[0]


def test_issued_amendment_checks_clean_and_exports_as_issued(corpus: Path, tmp_path: Path) -> None:
    res = read_document(corpus / "A_80_L.19.txt").resolution
    assert not [f for f in check_document(res) if f.severity.value == "error"]
    text = to_text(res)
    assert "The General Assembly" not in text
    again = read_text(text).resolution
    assert [(i.action, i.part, i.number) for i in again.instructions] == [
        (i.action, i.part, i.number) for i in res.instructions
    ]


def test_check_names_bad_instructions_and_checks_quoted_text() -> None:
    res = Resolution(
        header=Header(
            template="ga-c3",
            session=80,
            kind=DocumentKind.AMENDMENT,
            amends="A/C.3/80/L.20",
            sponsors=["Japan"],
        )
    )
    res.instructions = [
        Instruction(Action.REPLACE, Part.OPERATIVE, 0),
        Instruction(Action.INSERT, Part.OPERATIVE, 2, paragraph=Paragraph("", "requests the UN to act")),
    ]
    found = check_document(res)
    rules = {(f.rule, f.paragraph_id) for f in found}
    assert ("amendment.place", res.instructions[0].id) in rules
    assert ("amendment.quoted-text", res.instructions[0].id) in rules
    quoted_id = res.instructions[1].paragraph.id  # type: ignore[union-attr]
    assert any(f.paragraph_id == quoted_id and f.rule == "organs.abbreviation" for f in found)
    assert check_document(Resolution(header=res.header))[0].rule == "amendment.instructions"


# -- the command line ------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".json"])
def test_cli_amend_writes_and_applies(tmp_path: Path, suffix: str) -> None:
    from app.storage import load_project, save_project

    base = _base()
    new = _proposed(base)
    save_project(base, tmp_path / "base.json")
    save_project(new, tmp_path / "new.json")
    out = tmp_path / f"amendment{suffix}"
    done = _cli(
        "amend",
        str(tmp_path / "base.json"),
        str(tmp_path / "new.json"),
        "--sponsor",
        "Cuba and Nicaragua",
        "--symbol",
        "A/C.3/80/L.77",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    read = read_document(out).resolution
    assert read.header.full_symbol == "A/C.3/80/L.77" and read.header.sponsors == ["Cuba", "Nicaragua"]
    assert read.title == base.title
    done = _cli(
        "amend", "--apply", str(out), str(tmp_path / "base.json"), "-o", str(tmp_path / "amended.json")
    )
    assert done.returncode == 0, done.stderr
    amended = load_project(tmp_path / "amended.json")
    assert texts(amended.operative) == texts(new.operative)
    assert texts(amended.preamble) == texts(new.preamble)
    done = _cli("check", str(out), "--base", str(tmp_path / "base.json"))
    assert done.returncode == 0, done.stdout


def test_cli_exports_an_issued_amendment_as_akn_and_reads_it_back(tmp_path: Path) -> None:
    source = ROOT / "tests" / "fixtures" / "corpus" / "A_80_L.19.txt"
    out = tmp_path / "x.akn.xml"
    done = _cli("export", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    issued, back = read_document(source).resolution, read_document(out).resolution
    assert canonical(back)["instructions"] == canonical(issued)["instructions"]
    assert canonical(back)["footnotes"] == canonical(issued)["footnotes"]
    assert (back.header.kind, back.header.symbol, back.header.amends, back.header.sponsors) == (
        issued.header.kind,
        issued.header.symbol,
        issued.header.amends,
        issued.header.sponsors,
    )


# -- symbol footnotes as issued --------------------------------------------------------------------------


def _pdf_symbols(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """From the issued PDF: the notes set in footnote type that open with a symbol, (symbol, text), and where
    the body sets each symbol, (symbol, the words before it), in reading order (the barcode font aside)."""
    from tests.pdf_lines import text_lines

    lines = []
    for _, line, found in text_lines(path):
        chars = [c for c in found if "Barcode" not in c.fontname]
        if chars:
            lines.append((-line.y0, chars))
    lines.sort(key=lambda t: t[0])
    body_size = Counter(round(c.size) for _, chars in lines for c in chars).most_common(1)[0][0]
    notes, marks = [], []
    for _, chars in lines:
        text = "".join(c.get_text() for c in chars)
        if round(chars[0].size) < body_size:
            m = re.match(r"(\*+)\s+(.*\S)", text)
            if m:
                notes.append((m.group(1), m.group(2)))
            continue
        for m in re.finditer(r"(?<=\S)\*+", text):
            marks.append((m.group(0), " ".join(text[: m.start()].split()[-2:])))
    return notes, marks


def test_symbol_footnotes_of_an_issued_amendment_are_kept_in_every_format(corpus: Path) -> None:
    """A/80/L.19 sets a "*" note on its sponsor line and a "**" note in the paragraph it quotes: each symbol
    stays where the PDF sets it, with its text, read from the issued text and through .docx, text and AKN."""
    from app.io.akn_reader import read_akn
    from app.io.akn_writer import to_akn
    from app.io.docx_reader import read_docx

    notes, marks = _pdf_symbols(corpus / "originals" / "A_80_L.19.pdf")
    assert notes and len(notes) == len(marks)
    sponsor_mark = next(mark for mark, before in marks if before.endswith(":"))  # "Federation:*"
    issued = read_document(corpus / "A_80_L.19.txt").resolution
    for name, res in (
        ("text", issued),
        ("docx", read_docx(build_docx(issued)).resolution),
        ("export", read_text(to_text(issued)).resolution),
        ("akn", read_akn(to_akn(issued)).resolution),
    ):
        assert res.header.sponsor_note == dict(notes)[sponsor_mark], name
        kept = {n.mark: n for n in res.footnotes.values()}
        assert sorted(kept) == sorted(mark for mark, _ in notes if mark != sponsor_mark), name
        for mark, before in marks:
            if mark == sponsor_mark:
                continue
            assert inline.plain(kept[mark].text) == re.sub(r"\s+", " ", dict(notes)[mark]), name
            quoted = [i.paragraph for i in res.instructions if i.paragraph is not None]
            text = " ".join(p.text for p in quoted)
            assert re.search(re.escape(before) + r"\[\^" + kept[mark].id + r"\]", text), name
    # printed as issued: the symbol after the words in text, a Word note with its own mark
    printed = to_text(issued)
    for mark, before in marks:
        assert f"{before}{mark}" in " ".join(printed.split()) or mark == sponsor_mark
        assert f"\n{mark} " in printed
    import zipfile
    from io import BytesIO

    document = zipfile.ZipFile(BytesIO(build_docx(issued))).read("word/document.xml").decode()
    for mark, _ in marks:
        assert re.search(
            r'<w:footnoteReference w:customMarkFollows="1" w:id="\d+"/>'
            rf"<w:t[^>]*>{re.escape(mark)}</w:t>",
            document,
        ), mark


def test_cli_refuses_to_apply_a_draft_and_names_a_missing_paragraph(tmp_path: Path) -> None:
    from app.storage import save_project

    base = _base()
    save_project(base, tmp_path / "base.json")
    done = _cli(
        "amend",
        "--apply",
        str(tmp_path / "base.json"),
        str(tmp_path / "base.json"),
        "-o",
        str(tmp_path / "x.json"),
    )
    assert done.returncode == 2 and "not an amendment" in done.stderr and len(done.stderr.splitlines()) == 1
    bad = Resolution(
        header=Header(template="ga-c3", kind=DocumentKind.AMENDMENT, amends="A/C.3/80/L.20"),
        instructions=[Instruction(Action.DELETE, Part.PREAMBLE, 12)],
    )
    save_project(bad, tmp_path / "bad.json")
    done = _cli(
        "amend",
        "--apply",
        str(tmp_path / "bad.json"),
        str(tmp_path / "base.json"),
        "-o",
        str(tmp_path / "x.json"),
    )
    assert done.returncode == 2 and "twelfth preambular paragraph" in done.stderr
    done = _cli("check", str(tmp_path / "bad.json"), "--base", str(tmp_path / "base.json"))
    assert done.returncode == 1 and "twelfth preambular paragraph" in done.stdout


def test_a_custom_footnote_mark_in_the_run_after_its_reference_is_read(corpus: Path) -> None:
    """Word may set a note's own symbol in the run after the reference, with the text going on after it."""
    import zipfile
    from io import BytesIO

    from app.io.docx_reader import read_docx

    issued = read_document(corpus / "A_80_L.19.txt").resolution
    (note,) = issued.footnotes.values()
    source = zipfile.ZipFile(BytesIO(build_docx(issued)))
    document = source.read("word/document.xml").decode()
    pattern = rf'(<w:footnoteReference w:customMarkFollows="1" w:id="\d+"/>)(<w:t[^>]*>){re.escape(note.mark)}</w:t>'
    # the mark leaves the reference's run and opens the next run of text (" and noting" → "** and noting")
    document, count = re.subn(
        pattern + r"</w:r>(.*?<w:t[^>]*>)", rf"\1</w:r>\3{note.mark}", document, count=1
    )
    assert count == 1
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = document.encode() if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item, data)
    back = read_docx(out.getvalue()).resolution
    (read,) = back.footnotes.values()
    assert (read.mark, read.text) == (note.mark, note.text)
    quoted = back.instructions[0].paragraph
    assert quoted is not None and quoted.text == issued.instructions[0].paragraph.text.replace(
        note.id, read.id
    )  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("attribute", "value", "says"),
    [("href", "/akn/un/draft#article_3", "names no paragraph"), ("type", "renumbering", "renumbering")],
)
def test_an_akn_modification_the_reader_cannot_place_is_refused_in_one_line(
    corpus: Path, attribute: str, value: str, says: str
) -> None:
    from app.io.akn_reader import read_akn
    from app.io.akn_writer import to_akn

    data = to_akn(read_document(corpus / "A_80_L.19.txt").resolution).decode()
    element = "destination" if attribute == "href" else "textualMod"
    data, count = re.subn(rf'(<{element}\b[^>]*\b{attribute}=")[^"]*"', rf'\g<1>{value}"', data, count=1)
    assert count == 1
    with pytest.raises(InputError, match=says) as refused:
        read_akn(data.encode(), name="amendment.xml")
    assert "\n" not in str(refused.value)


def test_a_symbol_note_glued_to_a_word_with_no_rule_above_the_notes(corpus: Path) -> None:
    """Some PDF text layers set "Development**" (the mark after the word, before its comma) and lose the rule
    above the notes (A/80/L.31): the "**" note is still found and referenced where its mark stands."""
    text = (corpus / "A_80_L.19.txt").read_text(encoding="utf-8")
    assert "Court,**" in text
    glued = re.sub(r"^_{5,}\s*$", "", text.replace("Court,**", "Court**,"), flags=re.M)
    res = read_text(glued).resolution
    kept = {n.mark: n for n in res.footnotes.values()}
    assert "**" in kept
    quoted = " ".join(i.paragraph.text for i in res.instructions if i.paragraph is not None)
    assert f"Court[^{kept['**'].id}]" in quoted


@pytest.mark.parametrize("subparagraphs", [[], ["The, the"]])
def test_a_short_quoted_paragraph_is_the_quotation_not_a_heading_or_an_annex(
    subparagraphs: list[str],
) -> None:
    """Right after "… insert a new preambular paragraph reading:" a short line with no end of its own
    ("*Recalling* the, and") is the quoted paragraph: the Word reader took it for a heading, the text reader,
    with a subparagraph under it, for the title of an adopted text (hypothesis found both)."""
    from fixtures.robust.hostile import sample

    base = sample(paragraphs=2, footnotes=0)
    base.preamble = []
    new = copy.deepcopy(base)
    new.preamble = [
        Paragraph("Recalling", "the, and", subparagraphs=[Paragraph("", t) for t in subparagraphs])
    ]
    written = amendment(base, new, sponsors=["Mexico"], symbol="A/C.3/80/L.77")
    for read in (read_text(to_text(written)).resolution, read_document_bytes(build_docx(written))):
        assert not read.annexes and not read.unplaced
        amended = apply(read.instructions, base, read)
        assert _plain(amended.preamble) == _plain(new.preamble)


@pytest.mark.parametrize("heading", ["Travel ban", "II\nOceans and the law of the sea"])
def test_a_quoted_paragraph_keeps_its_section_heading_through_text_and_word(heading: str) -> None:
    """An amendment that quotes a paragraph under a section heading prints the heading as a heading (it was a
    quoted line and came back from Word as the paragraph's text)."""
    from fixtures.robust.hostile import sample

    base = sample(paragraphs=4, footnotes=0)
    new = copy.deepcopy(base)
    new.operative[1].heading = heading
    new.operative[1].text = "that all States shall take the necessary measures"
    written = amendment(base, new, sponsors=["Mexico"], symbol="A/C.3/80/L.77")
    for read in (read_text(to_text(written)).resolution, read_document_bytes(build_docx(written))):
        amended = apply(read.instructions, base, read)
        assert [(p.heading, p.text) for p in amended.operative] == [
            (p.heading, p.text) for p in new.operative
        ]
