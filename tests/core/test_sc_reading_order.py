"""Issued Security Council drafts read from their PDF text as the original reads: bulleted lists, labels set
after their item's first line, headings over a numbered paragraph, apostrophes set apart from their word.

Each test reads an issued draft twice, from the text layer of its issued PDF (`*_pdf.txt`, as pdfminer reads it)
and from the original's own text (`*_content.txt`, UNBench's `Content`), and expects the structure the original
shows. Sources in tests/fixtures/issued_sc/README.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import inline
from app.conventions.engine import check_document
from app.io.spaced_words import close_up
from app.io.text_reader import read_text
from app.model import Paragraph, Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"


def _read(name: str) -> Resolution:
    return read_text((FIXTURES / name).read_text(encoding="utf-8")).resolution


def _plain(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def _paragraph(res: Resolution, words: str) -> Paragraph:
    """The one operative paragraph whose text holds `words`."""
    found = [p for p in res.operative if words in _plain(p.text)]
    assert len(found) == 1, [_plain(p.text)[:60] for p in found]
    return found[0]


def _content_items(name: str, chapeau_end: str, bullet: str = "• ") -> list[str]:
    """The bulleted items after `chapeau_end` in an original's text, as written (end punctuation dropped)."""
    content = (FIXTURES / name).read_text(encoding="utf-8")
    after = content.split(chapeau_end + "\n", 1)[1]
    items: list[str] = []
    for line in after.split("\n"):
        if line.startswith(bullet):
            items.append(line[len(bullet) :])
        elif items and line and not re.match(r"\d+\.\s", line):
            items[-1] += " " + line  # a line break inside an item
        else:
            break
    return [" ".join(item.split()).rstrip(",;") for item in items]


@pytest.mark.parametrize("name", ["S_2018_1021_pdf.txt", "S_2018_1021_content.txt"])
def test_bulleted_items_read_as_the_subparagraphs_of_their_chapeau(name: str) -> None:
    """S/2018/1021, operative paragraph 33: "… include reporting on:" and eight bullets."""
    items = _content_items("S_2018_1021_content.txt", "include reporting on:")
    assert len(items) > 1
    para = _paragraph(_read(name), "include reporting on")
    assert [_plain(s.text) for s in para.subparagraphs] == items
    assert para.heading == "Reporting"  # the heading over it, in the PDF and in the original's own lines


def test_bullets_are_said_and_a_single_bullet_is_still_flagged() -> None:
    result = read_text((FIXTURES / "S_2018_1021_content.txt").read_text(encoding="utf-8"))
    said = [f.message for f in result.findings if f.rule == "import.items"]
    # how many items, as a number (the message once printed the items' ids)
    assert len(said) == 1 and said[0].split()[0] == str(len(result.relabelled))
    assert not any(f.rule == "subparagraphs.single" for f in check_document(result.resolution))
    # the same draft with one bullet left: a list of one item is still a mistake
    content = (FIXTURES / "S_2018_1021_content.txt").read_text(encoding="utf-8")
    head, rest = content.split("include reporting on:\n", 1)
    first, _, tail = rest.partition("\n• the potential")
    tail = tail.split("\n34.", 1)[1]
    one = read_text(f"{head}include reporting on:\n{first}\n34.{tail}").resolution
    para = _paragraph(one, "include reporting on")
    assert len(para.subparagraphs) == 1
    assert any(f.rule == "subparagraphs.single" and f.paragraph_id == para.id for f in check_document(one))


def test_a_label_set_after_its_items_first_line_goes_before_it() -> None:
    """S/2018/693, operative paragraph 7: the PDF's text layer prints "progress … paragraphs 5", then "(i)",
    then "and 6 of this resolution;"; the items read as the original's."""
    pdf = _paragraph(_read("S_2018_693_pdf.txt"), "an assessment on the following")
    original = _paragraph(_read("S_2018_693_content.txt"), "an assessment on the following")
    assert len(original.subparagraphs) > 1
    assert [_plain(s.text) for s in pdf.subparagraphs] == [_plain(s.text) for s in original.subparagraphs]
    # paragraph 56: "(i)" printed after "information on the political, …" and its heading "Reporting"
    pdf = _paragraph(_read("S_2018_693_pdf.txt"), "every 90 days following adoption")
    original = _paragraph(_read("S_2018_693_content.txt"), "every 90 days following adoption")
    assert _plain(pdf.subparagraphs[0].text) == _plain(original.subparagraphs[0].text)
    assert pdf.heading == original.heading == "Reporting"


def test_a_label_alone_in_typed_text_heads_the_text_after_it() -> None:
    """Typed text (no page furniture) is read as written: a label typed after its item's first line is not
    moved before it."""
    text = (FIXTURES / "S_2018_693_content.txt").read_text(encoding="utf-8")
    line = re.search(r"^\(i\)\s+(progress in implementing the reconfiguration[^\n]*)\n", text, re.M)
    assert line
    typed = text.replace(line.group(0), f"{line.group(1)}\n(i)\n", 1)
    para = _paragraph(read_text(typed).resolution, "an assessment on the following")
    read = " ".join(_plain(p.text) for p in para.walk())
    assert f"{line.group(1).strip()} (i) and 6" in read  # left where it was typed


def test_an_apostrophe_set_apart_from_its_word_is_closed_up() -> None:
    """S/2018/693's PDF text prints "UNAMID ’s", "Sudan ’s"; the original writes them whole."""
    content_words = set(
        re.findall(r"\w+’\w+", (FIXTURES / "S_2018_693_content.txt").read_text(encoding="utf-8"))
    )
    res = _read("S_2018_693_pdf.txt")
    text = " ".join(_plain(p.text) for _, items in res.lists() for top in items for p in top.walk())
    assert " ’" not in text
    read_words = set(re.findall(r"\w+’\w+", text))
    assert "UNAMID’s" in read_words & content_words


def test_quotation_marks_around_words_stay_apart() -> None:
    text = "the ‘weapons free area’ and the ’ mark alone"
    assert close_up(text, set(), lambda w: True)[0] == text


def _headed_items(text: str) -> list[tuple[str, int]]:
    """(text, number of "(i)"-style items under it) of each lettered line that roman-numbered lines follow."""
    out: list[tuple[str, int]] = []
    for line in text.split("\n"):
        letter = re.match(r"\s*\(([a-h])\)\s+(.*)", line)
        if letter:
            out.append((" ".join(letter.group(2).split()), 0))
        elif out and re.match(r"\s*\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s", line):
            out[-1] = (out[-1][0], out[-1][1] + 1)
    return [item for item in out if item[1]]


def test_an_item_that_heads_a_list_stands_apart_from_the_list() -> None:
    """An unnamed CAR draft (UNBench task3), paragraph 36: "(a) Protection of civilians" over "(i) To protect
    …", each line a paragraph: the lettered line is an item of its own holding the roman items."""
    text = (FIXTURES / "CAR_priority_tasks.txt").read_text(encoding="utf-8")
    expected = _headed_items(text)
    assert len(expected) > 1
    para = _paragraph(read_text(text).resolution, "the following priority tasks")
    assert [(_plain(s.text), len(s.subparagraphs)) for s in para.subparagraphs if s.subparagraphs] == expected
    # a lettered line that breaks off mid-phrase runs on into the next line: it heads nothing
    first = expected[0][0]
    broken = read_text(text.replace(first, first + " and the", 1)).resolution
    para = _paragraph(broken, "the following priority tasks")
    assert not _plain(para.subparagraphs[0].text).endswith("and the")


def test_a_line_that_starts_with_a_number_in_brackets_does_not_cut_an_item() -> None:
    """A/C.5/80/L.7 (issued PDF text, mandate-pipeline data/extracted/A_C.5_80_L.7.json), paragraph 1 (b) (ii):
    a printed line starts with "50)" and the item runs on."""
    issued = (
        "(ii) The calling of witnesses and the appointment of experts (Statute, Article\n"
        "50) and the appointment of assessors (Statute, Article 30), not exceeding a total\n"
        "of 25,000 dollars;"
    )
    text = (FIXTURES / "CAR_priority_tasks.txt").read_text(encoding="utf-8")
    start = text.index("(ii)  To fully implement")
    end = text.index("\n", start)
    res = read_text(text[:start] + issued + text[end:]).resolution
    para = _paragraph(res, "the following priority tasks")
    item = para.subparagraphs[0].subparagraphs[1]
    assert _plain(item.text) == " ".join(issued[5:].split()).rstrip(";")
    # the same with "Article" wrapped onto a line of its own after a comma: still one item, no heading
    wrapped = issued.replace("(Statute, Article\n", "(Statute,\nArticle\n")
    res = read_text(text[:start] + wrapped + text[end:]).resolution
    item = _paragraph(res, "the following priority tasks").subparagraphs[0].subparagraphs[1]
    assert _plain(item.text) == " ".join(issued[5:].split()).rstrip(";")


def test_a_hyphen_set_apart_from_its_word_is_closed_up() -> None:
    """S/2018/693's PDF text prints "gender -based", "inter -communal", "co -located"; the draft writes
    "gender-based" whole elsewhere. A dash between words ("2015 - 2030", "(SLM) -Second") is not a hyphen."""
    pdf = (FIXTURES / "S_2018_693_pdf.txt").read_text(encoding="utf-8")
    apart = set(re.findall(r"[^\W\d_]+ -[^\W\d_]+", pdf))
    assert "gender -based" in apart
    res = _read("S_2018_693_pdf.txt")
    text = " ".join(_plain(p.text) for _, items in res.lists() for top in items for p in top.walk())
    for pair in apart:
        assert pair not in text
    assert "gender-based" in (FIXTURES / "S_2018_693_content.txt").read_text(encoding="utf-8")
    assert "gender-based" in text
    assert "(SLM) -Second" in text
    for dashed in ("2015 - 2030", "the Council - and"):
        assert close_up(dashed, set(), lambda w: True)[0] == dashed


def test_a_separator_stands_over_a_sections_own_preambular_paragraph() -> None:
    """An unnamed Bosnia and Herzegovina draft (UNBench task3): "* * *", then "Reaffirming …," among numbered
    operative paragraphs, each a line: the asterisks are a heading, the paragraph a section's own unnumbered
    preambular paragraph, as its opener and its comma show."""
    text = (FIXTURES / "separator_section.txt").read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith("Reaffirming"))
    assert line.endswith(",")
    res = read_text(text).resolution
    para = _paragraph(res, _plain(line.split(" ", 1)[1])[:40])
    assert (para.opener, para.numbered, _plain(para.heading)) == ("Reaffirming", False, "* * *")
    assert not [f for f in check_document(res) if f.paragraph_id == para.id and f.severity.name != "INFO"]
    # the same paragraph with no opener of the preamble stays a numbered one and is flagged for its opener
    res = read_text(
        text.replace(line, "The legal basis" + line[len("Reaffirming the legal basis") :])
    ).resolution
    para = _paragraph(res, "in the Charter of the United Nations on which the IPTF")
    assert para.numbered and not para.opener
    assert any(f.rule == "openers.operative-form" and f.paragraph_id == para.id for f in check_document(res))


@pytest.mark.parametrize(
    ("separator", "blank_lines"),
    [("* * *", False), ("***", True), ("***", False)],
    ids=["pdfium", "typed", "pdftotext"],
)
def test_a_separator_as_a_pdfs_text_layer_gives_it(separator: str, blank_lines: bool) -> None:
    """The same lines as a PDF's text layer gives them: no blank lines between paragraphs (pdftotext, PDFium),
    and the spaced asterisks closed up ("***": pdftotext). The asterisks still stand apart, over the section's
    own preambular paragraph, and are never read as an italic "*" opening a paragraph; paragraph 18 still ends
    with its own semicolon."""
    text = (FIXTURES / "separator_section.txt").read_text(encoding="utf-8").replace("* * *", separator)
    if not blank_lines:
        text = "\n".join(x for x in text.split("\n") if x.strip())
    line = next(x for x in text.split("\n") if x.startswith("Reaffirming"))
    res = read_text(text).resolution
    para = _paragraph(res, _plain(line.split(" ", 1)[1])[:40])
    assert (para.opener, para.numbered, _plain(para.heading).replace(" ", "")) == (
        "Reaffirming",
        False,
        "***",
    )
    assert _plain(res.operative[res.operative.index(para) - 1].text).endswith("at monthly intervals")
    assert not [f for f in check_document(res) if f.severity.name != "INFO" and "*" in f.message]
    assert not [p for p in res.operative if p.opener.startswith("*") or _plain(p.text) == "*"]


@pytest.mark.parametrize("name", ["S_2018_1021_pdf.txt", "S_2018_1021_content.txt"])
def test_items_a_paragraph_numbers_after_its_colon_are_its_subparagraphs(name: str) -> None:
    """S/2018/1021, operative paragraph 7 ends "… towards the following:", numbers its items "1." to "3.", and
    the next paragraph is "8.": the items are paragraph 7's, and the numbering goes on at 8."""
    content = (FIXTURES / "S_2018_1021_content.txt").read_text(encoding="utf-8")
    lines = content.split("\n")
    at = next(i for i, x in enumerate(lines) if x.startswith("1. Resolution of the final status"))
    items, outer = [], 0
    for line in lines[at:]:
        m = re.match(r"(\d+)\.\s+(.*)", line)
        assert m
        if int(m.group(1)) != len(items) + 1:
            outer = int(m.group(1))
            break
        items.append(" ".join(m.group(2).split()).rstrip(",;"))
    res = _read(name)
    para = _paragraph(res, "taken towards the following")
    assert [_plain(s.text) for s in para.subparagraphs] == items
    after = res.operative[res.operative.index(para) + 1]
    assert after.opener == lines[at + len(items)].split()[1] and outer == 8
    # items numbered from 1 after a paragraph that does not end with a colon stay paragraphs of their own
    plain = read_text(content.replace("towards the following:\n", "towards the following.\n", 1)).resolution
    assert not _paragraph(plain, "taken towards the following").subparagraphs


@pytest.mark.parametrize("name", ["S_2024_400_points.txt", "S_2024_400_points_pdftotext.txt"])
def test_a_paragraph_number_without_its_point_numbers_the_paragraph(name: str) -> None:
    """S/2024/400 prints "11  Condemns …" after "10.  Calls upon …": the eleventh operative paragraph, whether
    the text has blank lines between paragraphs (pdfminer) or none (pdftotext, "9." alone on its line)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    numbers = [int(m.group(1)) for m in re.finditer(r"^(\d+)\.?\s+[A-Z]", text, re.M)]
    res = read_text(text).resolution
    assert [p.opener.split()[0] for p in res.operative] == [
        m.group(1) for m in re.finditer(r"^\d+\.?\s+([A-Z]\w+)", text, re.M)
    ]
    assert res.operative[2].opener == "Condemns"
    assert numbers == list(range(numbers[0], numbers[0] + len(res.operative)))
    # a number that is not the next one, or no operative verb after it, stays text: flagged as no opener, or
    # (no blank line before a line that does not open as a paragraph does) read on and the numbers' gap flagged
    for wrong in ("13  Condemns", "11  Member States condemn"):
        result = read_text(re.sub(r"^11\s+Condemns", wrong, text, count=1, flags=re.M))
        res = result.resolution
        apart = [p for p in res.operative if _plain(p.text).startswith(wrong.replace("  ", " "))]
        findings = check_document(res)
        if apart:
            assert not apart[0].opener
            assert any(f.rule == "openers.operative-form" and f.paragraph_id == apart[0].id for f in findings)
        else:
            assert any(f.rule == "import.numbering" and f.severity.name == "WARNING" for f in result.findings)


def test_pieces_of_a_line_set_apart_between_paragraphs_are_kept_unplaced() -> None:
    """S/2018/693's PDF text sets "including" and "through close cooperation with" (words of paragraph 35, as
    the original's text shows) alone between paragraphs 34 and 35: kept, said, not read as a paragraph."""
    result = read_text((FIXTURES / "S_2018_693_pdf.txt").read_text(encoding="utf-8"))
    res = result.resolution
    content = " ".join((FIXTURES / "S_2018_693_content.txt").read_text(encoding="utf-8").split())
    pieces = [_plain(u) for u in res.unplaced]
    assert pieces and all(p in content for p in pieces)
    assert not [p for p in res.operative if not p.opener and _plain(p.text) in pieces]
    assert any(f.rule == "import.unplaced" and f.severity.name == "INFO" for f in result.findings)
    # in typed text such a line stays a paragraph of its own, and one without an opener is flagged
    typed = (FIXTURES / "S_2018_693_content.txt").read_text(encoding="utf-8")
    at = typed.index("35.  Welcomes")
    res = read_text(typed[:at] + f"\n{pieces[0]}\n\n" + typed[at:]).resolution
    para = next(p for p in res.operative if _plain(p.text) == pieces[0])
    assert any(f.rule == "openers.operative-form" and f.paragraph_id == para.id for f in check_document(res))


def _label_tree(text: str) -> list[int]:
    """From the labels that open lines ("(a)" … "(f)", a run "(i)", "(ii)" … under a letter), the number of
    roman items under each letter, in order."""
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    tree: list[int] = []
    for label in re.findall(r"^\(([a-z]+)\)", text, re.M):
        if tree and label == romans[tree[-1]]:
            tree[-1] += 1
        else:
            tree.append(0)
    return tree


def test_a_list_whose_chapeau_lost_its_colon_is_read_as_its_labels_set_it() -> None:
    """S/2020/449 through pdftotext: paragraph 2 ends "… shall" with no colon, "(a) prioritize …" on the next
    line (no blank line), "(b)" and "(c)" alone on their lines with their text after a blank line. The items are
    the labels that open the PDF's lines, with the roman ones under their letter."""
    text = (FIXTURES / "S_2020_449_list_pdftotext.txt").read_text(encoding="utf-8")
    res = read_text(text).resolution
    para = _paragraph(res, "shall")
    assert [len(s.subparagraphs) for s in para.subparagraphs] == _label_tree(text.partition("shall")[2])
    assert _plain(para.subparagraphs[0].text).startswith("prioritize the provision")
    assert _plain(para.subparagraphs[1].text).startswith("further advise")


@pytest.mark.parametrize("cited", ["paragraph 4", "paragraphs 3 and", "resolution 2379 (2017), paragraph 2"])
def test_a_reference_letter_at_a_line_start_stays_in_its_sentence(cited: str) -> None:
    """ "… paragraph 4 / (a) of resolution …" broken at a line end: the letter is a reference's, not a list's."""
    text = (FIXTURES / "S_2020_449_list_pdftotext.txt").read_text(encoding="utf-8")
    text = text.replace(
        "(S/2020/448), shall\n(a) prioritize", f"(S/2020/448), under {cited}\n(a) prioritize", 1
    )
    res = read_text(text).resolution
    para = _paragraph(res, "(S/2020/448)")
    assert f"{cited} (a) prioritize" in _plain(para.text)


def test_a_skipped_label_after_a_chapeau_without_colon_is_still_reported() -> None:
    text = (FIXTURES / "S_2020_449_list_pdftotext.txt").read_text(encoding="utf-8")
    result = read_text(text.replace("\n(b)\n", "\n(c)\n", 1))
    assert any(f.rule == "import.numbering" and "(c)" in f.message for f in result.findings)


def test_a_word_set_apart_in_a_joined_line_is_closed_up_not_hyphenated() -> None:
    """S/2021/1075 through pdftotext: a justified line joined into one long line sets a word apart ("assist with
    appropr iate"): the original's "appropriate" (UNBench's Content beside the PDF), not "ap-propr iate"."""
    result = read_text((FIXTURES / "S_2021_1075_pdftotext.txt").read_text(encoding="utf-8"))
    text = " ".join(_plain(p.text) for p in result.resolution.preamble)
    assert "assist with appropriate expertise" in text
    assert not [w for f in result.findings for w in ("ap-propr",) if w in f.message]


def test_a_word_typed_with_a_space_inside_is_still_reported() -> None:
    """Typed text (no page furniture, a paragraph a line) is never closed up: the broken word is a mistake."""
    res = read_text(
        "The Security Council,\n\n1. Decides that peacekeeping operations may assist with appropr iate "
        "expertise and capacity-building for host governments in the field of weapons collection;\n"
    ).resolution
    assert any(f.rule == "spelling.unknown-word" for f in check_document(res))


def test_pdf_text_copied_without_page_furniture_has_its_broken_words_closed_up() -> None:
    """S/2024/790 as UNBench has its text: the printed lines with no page furniture (as a delegate copies
    a page from a viewer). "disabil ities" is the issued PDF's "disabilities", closed up and said."""
    text = (FIXTURES / "S_2024_790_copied.txt").read_text(encoding="utf-8")
    result = read_text(text)
    words = " ".join(_plain(p.text) for p in result.resolution.preamble)
    assert "persons with disabilities," in words
    assert any(f.rule == "import.spaced-word" and "disabilities" in f.message for f in result.findings)
    # the same paragraphs typed a paragraph a line: the space inside the word is a mistake, reported
    typed = "\n\n".join(
        " ".join(p.split()) for p in re.split(r"\n(?=\s*[A-Z][a-z]+ing\b)", text.partition("\n")[2])
    )
    res = read_text(typed).resolution
    assert any(f.rule == "spelling.unknown-word" and "ities" in f.message for f in check_document(res))


def test_pdftotext_text_reads_every_preambular_paragraph_and_its_heading() -> None:
    """S/2018/693 through pdftotext: no blank lines, openers in the sponsor's -ise spelling ("Emphasising",
    "Recognising") after a paragraph that ended, and a heading as long as a printed line at a page top over
    "Welcoming …". The preambular paragraphs are the original's (UNBench's Content beside the PDF), and the
    heading is the line the PDF sets over its paragraph."""
    text = (FIXTURES / "S_2018_693_pdftotext.txt").read_text(encoding="utf-8")
    res = read_text(text).resolution
    original = _read("S_2018_693_content.txt")
    assert [p.opener for p in res.preamble] == [p.opener for p in original.preamble]
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Welcoming significant reductions"))
    para = next(p for p in res.preamble if _plain(p.text).startswith("significant reductions"))
    assert para.heading == lines[at - 1]


def test_an_ise_opener_is_read_as_an_opener_and_still_held_to_ize_in_a_ga_text() -> None:
    res = read_text(
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n"
        "Emphasising that those responsible for violations\nmust be held accountable,\n\n"
        "1. Decides to remain seized of the matter.\n"
    ).resolution
    assert [p.opener for p in res.preamble] == ["Recalling", "Emphasising"]
    assert any(f.rule == "UN.Ize" and "Emphasizing" in f.message for f in check_document(res))


def test_a_last_line_set_before_its_paragraphs_first_line_goes_back_after_it() -> None:
    """S/2021/443 through pdftotext: "4." / "2021;" / "" / "Decides to extend … until 31 October": paragraph 4
    reads as the original's ("Decides to extend the mandate of the Verification Mission until 31 October 2021;",
    UNBench's Content), and the paragraphs are the original's."""
    text = (FIXTURES / "S_2021_443_pdftotext.txt").read_text(encoding="utf-8")
    res = read_text(text).resolution
    para = _paragraph(res, "the Verification Mission until 31 October")
    assert para.opener == "Decides" and _plain(para.text).endswith("until 31 October 2021")
    source = text.partition("\n")[0]
    original = re.search(r"4\. (Decides to extend [^\"]*?);", source)
    assert original and f"{para.opener} {_plain(para.text)}" == original.group(1)
    assert len(res.operative) == len(re.findall(r"^\d+\.$", text, re.M))
    # a first line that ends a sentence is no first line of a longer paragraph: nothing moves, and the short
    # line standing as a paragraph of its own is flagged
    moved = read_text(text.replace("until 31 October\n", "until 31 October;\n", 1)).resolution
    stray = [p for p in moved.operative if not p.opener]
    assert stray and any(f.rule == "openers.operative-form" for f in check_document(moved))


def test_a_heading_that_opens_a_page_stands_over_the_paragraph_under_it() -> None:
    """S/2018/693 through PyMuPDF: a preambular paragraph ends a page with its comma, and the next page opens with
    a heading alone ("Current situation", a blank line, "Welcoming …"). The heading was read into the paragraph
    before as more of its text. The expected headings are those pdftotext's text layer of the same PDF gives."""
    expected = {
        _plain(p.opener + " " + p.text)[:50]: _plain(p.heading)
        for p in _read("S_2018_693_pdftotext.txt").preamble
        if p.heading
    }
    res = _read("S_2018_693_pymupdf.txt")
    found = {_plain(p.opener + " " + p.text)[:50]: _plain(p.heading) for p in res.preamble if p.heading}
    assert found and found == {k: v for k, v in expected.items() if k in found}
    assert len(found) == 2
    assert not [p for p in res.preamble if any(h in _plain(p.text) for h in found.values())]


def test_an_item_whose_end_the_typed_text_lost_stays_apart_from_the_next() -> None:
    """The unnamed Mali draft (UNBench task3), paragraph 57: item "(i) … and whether and how the mission’s" lost its
    end in UNBench's text, a paragraph a line; "(ii) coordination …" on the next line is the next item, not more of
    (i) (it was read into (i), and "(iii)" reported out of sequence). Expected: the original's own labelled
    lines. A label really skipped is still reported."""
    text = (FIXTURES / "mali_items_cut.txt").read_text(encoding="utf-8")
    typed = [line.split(" ", 1)[1] for line in text.split("\n") if re.match(r"\([ivx]+\) ", line)]
    result = read_text(text)
    para = _paragraph(result.resolution, "every three months after the adoption")
    assert [_plain(s.text) for s in para.subparagraphs] == [_plain(x).rstrip(",;") for x in typed]
    assert not [f for f in result.findings if f.rule == "import.numbering" and "(" in f.message]
    skipped = read_text(re.sub(r"\n\(ii\) [^\n]*", "", text)).findings
    assert [f for f in skipped if f.rule == "import.numbering" and "“(iii)”" in f.message]


def test_the_closed_up_note_counts_in_the_singular_and_the_plural() -> None:
    """One broken word is "1 word … was closed up", two are "2 words … were": the count is the words listed."""
    text = (FIXTURES / "S_2024_790_copied.txt").read_text(encoding="utf-8")
    notes = [f.message for f in read_text(text).findings if f.rule == "import.spaced-word"]
    listed = notes[0].partition("(")[2].rstrip(")").split(", ")
    assert notes[0].startswith(f"{len(listed)} word{'s' if len(listed) > 1 else ''} ")
    assert (" was closed up" in notes[0]) == (len(listed) == 1)
    # break one more word of the same paragraphs the same way: the note counts it
    extra = text.replace("humanitarian", "humani tarian", 1)
    assert extra != text
    again = [f.message for f in read_text(extra).findings if f.rule == "import.spaced-word"][0]
    assert again.startswith(f"{len(listed) + 1} words ") and " were closed up" in again
