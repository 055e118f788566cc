"""`resolute compile` on a real draft (A/C.3/80/L.20) with proposals in every form: a tracked Word file with two
authors, an edited Word copy and an edited text copy; the compilation is read back out of the produced .docx
(python-docx) and .txt and every proposal and proposer is found where it applies."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from test_negotiation_proposals import _l20, _long_paragraph, _relabel

from app.cli import run
from app.compare.tracked import build_tracked_docx
from app.io.docx_parts import package_problems
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.io.text_writer import to_text
from app.model import Paragraph
from app.negotiation.compilation import DELETE, INSERT, compile_text
from app.negotiation.numbering import printed_labels
from app.negotiation.proposals import derive
from app.storage import save_project
from tests.libreoffice import TEXT, convert, need_soffice


def _proposals(corpus, tmp_path):
    base = _l20(corpus)
    labels = printed_labels(base)
    eu = copy.deepcopy(base)
    target = _long_paragraph(eu, 2)
    words = target.text.split()
    disputed = " ".join(words[4:7])
    target.text = " ".join(words[:4] + words[7:])  # EU deletes three words
    deleted = eu.preamble.pop(3)
    note_id = next(iter(eu.footnotes))
    eu.footnotes[note_id].text += " See also A/80/1."
    g77 = copy.deepcopy(base)
    g77_para = _long_paragraph(g77, 20)
    g77_para.text = g77_para.text.replace(" ", " and girls ", 1)
    anchor = base.operative[9]
    g77.operative.insert(10, Paragraph("Decides", "to remain seized of the matter"))
    both = copy.deepcopy(eu)
    both.find(g77_para.id).text = g77_para.text
    both.operative.insert(both.operative.index(both.find(anchor.id)) + 1, g77.operative[10])
    marks = (" ".join(words[:4]), base.preamble[3].text[:30])

    def author_of(text: str, story: str) -> str:
        return "European Union" if story.endswith("footnotes.xml") or any(m in text for m in marks) else "G77"

    tracked = tmp_path / "tracked.docx"
    tracked.write_bytes(_relabel(build_tracked_docx(base, both, author="x"), author_of))
    canz = copy.deepcopy(base)  # CANZ replaces the very words the EU deletes
    canz.find(target.id).text = " ".join(words[:4] + ["with due urgency"] + words[7:])
    (tmp_path / "canz.txt").write_text(to_text(canz), encoding="utf-8")
    au = copy.deepcopy(base)  # the African Group adds a paragraph after the same one as the G77
    au.operative.insert(10, Paragraph("Requests", "the Secretary-General to report on the matter"))
    (tmp_path / "au.docx").write_bytes(build_docx(au))
    base_path = tmp_path / "base.json"
    save_project(base, base_path)
    args = [str(tracked), f"CANZ={tmp_path / 'canz.txt'}", f"African Group={tmp_path / 'au.docx'}"]
    facts = {
        "target": labels[target.id],
        "disputed": disputed,
        "deleted": labels[deleted.id],
        "g77_para": labels[g77_para.id],
        "anchor": labels[anchor.id],
        "note": str(_note_number(base, note_id)),
    }
    return base_path, args, facts


def _note_number(base, note_id):
    from app.render import render

    return render(base).footnote_numbers[note_id]


def _paragraphs(path):
    """{label: [(text, 'insert'|'delete'|'tag'|'equal'), ...]} read from the compilation's runs."""
    out = {}
    for p in docx.Document(str(path)).paragraphs:
        runs = p.runs
        if len(runs) < 2 or runs[1].text != "\t" or not runs[0].bold:
            continue
        kinds = []
        for r in runs[2:]:
            kind = "insert" if r.underline else "delete" if r.font.strike else "tag" if r.bold else "equal"
            kinds.append((r.text, kind))
        out.setdefault(runs[0].text, kinds)
    return out


def _after(kinds, text, kind):
    """The runs after the first run of `kind` that contains `text`."""
    at = next(i for i, (t, k) in enumerate(kinds) if k == kind and text in t)
    return kinds[at + 1 :]


def test_compile_docx_has_every_proposal_and_proposer(corpus, tmp_path):
    base_path, args, facts = _proposals(corpus, tmp_path)
    out = tmp_path / "compilation.docx"
    assert run(["compile", str(base_path), *args, "-o", str(out)]) == 0
    assert package_problems(out.read_bytes()) == []
    paras = _paragraphs(out)
    # overlapping proposals on the same words: the EU's deletion, then CANZ's replacement, each attributed
    target = paras[facts["target"]]
    rest = _after(target, facts["disputed"], "delete")
    assert rest[0] == (" [European Union]", "tag")
    assert (" / ", "tag") in rest[:2]
    canz = _after(rest, facts["disputed"], "delete")
    assert canz[0][1] == "insert" and "with due urgency" in canz[0][0]
    assert canz[1] == (" [CANZ]", "tag")
    # a deleted paragraph: struck whole, with its proposer
    deleted = paras[facts["deleted"]]
    assert all(k == "delete" for t, k in deleted if k != "tag")
    assert (" [European Union]", "tag") in deleted
    # the G77's words in another paragraph
    g77 = paras[facts["g77_para"]]
    assert _after(g77, "and girls", "insert")[0] == (" [G77]", "tag")
    # new paragraphs after the same paragraph: bis and ter, each with its proposer
    bis, ter = paras[facts["anchor"] + " bis"], paras[facts["anchor"] + " ter"]
    new_paras = {bis[-1][0].strip(" []"): bis, ter[-1][0].strip(" []"): ter}
    assert set(new_paras) == {"G77", "African Group"}
    assert all(k == "insert" for t, k in new_paras["G77"][:-1])
    assert "remain seized" in "".join(t for t, _ in new_paras["G77"])
    assert "to report on the matter" in "".join(t for t, _ in new_paras["African Group"])
    # the proposal on a footnote
    note = paras[facts["note"] + "."]
    assert any(k == "insert" and "See also A/80/1." in t for t, k in note)
    assert (" [European Union]", "tag") in note
    # the other paragraphs are the base text, unmarked
    named = {facts["target"], facts["deleted"], facts["g77_para"], facts["note"] + "."}
    named |= {facts["anchor"] + " bis", facts["anchor"] + " ter"}
    assert all(k == "equal" for label, kinds in paras.items() if label not in named for _, k in kinds)
    text = out.with_suffix(".txt")
    assert run(["compile", str(base_path), *args, "-o", str(text)]) == 0
    written = text.read_text(encoding="utf-8")
    disputed = facts["disputed"]
    compact = re.sub(r" +", " ", written.replace("[- ", "[-").replace("{+ ", "{+"))
    assert f"[-{disputed}-] [European Union] / [-{disputed}-]{{+with due urgency+}} [CANZ]" in compact
    assert f"\n{facts['anchor']} bis\t" in written and f"\n{facts['anchor']} ter\t" in written
    assert "{+and girls+} [G77]" in compact


def test_compile_refuses_what_it_cannot_read(corpus, tmp_path):
    base = tmp_path / "base.json"
    save_project(_l20(corpus), base)
    plain = tmp_path / "copy.docx"
    plain.write_bytes(build_docx(_l20(corpus)))
    assert run(["compile", str(base), str(plain), "-o", str(tmp_path / "c.docx")]) == 2  # no tracked changes
    assert run(["compile", str(base), f"EU={tmp_path / 'missing.txt'}", "-o", str(tmp_path / "c.docx")]) == 2
    assert run(["compile", str(base), f"EU={plain}", "-o", str(tmp_path / "c.pdf")]) == 2


def test_several_proposals_on_one_paragraph_stand_one_after_another(corpus):
    base = _l20(corpus)
    para = _long_paragraph(base)
    words = para.text.split()
    proposals = []
    for name, word in (("EU", "urgently"), ("G77", "fully"), ("US", "")):
        copy_ = copy.deepcopy(base)
        copy_.find(para.id).text = " ".join(words[:2] + ([word] if word else []) + words[3:])
        proposals.append(derive(base, copy_, name, "zero draft"))
    entry = next(e for e in compile_text(base, proposals).entries if e.paragraph_id == para.id)
    assert entry.proposers == ["EU", "G77", "US"]
    tags = [p.text for p in entry.pieces if p.op == "tag"]
    assert tags == [" [EU]", " / ", " [G77]", " / ", " [US]"]
    assert [p.text.strip() for p in entry.pieces if p.op == INSERT] == ["urgently", "fully"]
    assert [p.text.strip() for p in entry.pieces if p.op == DELETE] == [words[2]] * 3


def test_libreoffice_reads_the_compilation(corpus, tmp_path):
    need_soffice("cannot check that it opens the compilation")
    base_path, args, facts = _proposals(corpus, tmp_path)
    out = tmp_path / "compilation.docx"
    assert run(["compile", str(base_path), *args, "-o", str(out)]) == 0
    convert(tmp_path, out, to=TEXT)
    text = out.with_suffix(".txt").read_text(encoding="utf-8-sig")
    for name in ("[European Union]", "[G77]", "[CANZ]", "[African Group]"):
        assert name in text
    assert f"{facts['anchor']} bis" in text and "with due urgency" in text


@pytest.mark.parametrize(
    "draft", sorted(p.name for p in (Path(__file__).parent.parent / "fixtures" / "corpus").glob("*.txt"))
)
def test_compile_on_every_issued_text(corpus, tmp_path, draft):
    """BASE as the issued text (.txt from the PDF), a tracked Word file and an edited Word copy made from it: each
    proposer is shown once, after their own words, and nothing else is marked."""
    base = read_document(corpus / draft).resolution
    paras = [p for _, p in base.paragraphs() if len(p.text.split()) > 6 and "[^" not in p.text]
    if len(paras) < 2:
        assert base.instructions or len([p for _, p in base.paragraphs()]) < 2  # an amendment or a one-liner
        return
    eu, g77 = copy.deepcopy(base), copy.deepcopy(base)
    first = eu.find(paras[0].id)
    words = first.text.split()
    first.text = " ".join(words[:3] + ["urgently"] + words[3:])
    last = g77.find(paras[-1].id)
    old = last.text.split()[2]
    last.text = last.text.replace(f" {old} ", " several ", 1)
    (tmp_path / "eu.docx").write_bytes(build_tracked_docx(base, eu, author="EU"))
    (tmp_path / "g77.docx").write_bytes(build_docx(g77))
    out = tmp_path / "compilation.txt"
    assert (
        run(
            [
                "compile",
                str(corpus / draft),
                str(tmp_path / "eu.docx"),
                f"G77={tmp_path / 'g77.docx'}",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert re.findall(r"\[(?:EU|G77)[^\]]*\]", text) == ["[EU]", "[G77]"]
    assert re.search(r"\{\+ ?urgently ?\+\} \[EU\]", text)
    assert re.search(rf"\[- ?{re.escape(old)} ?-\]\{{\+ ?several ?\+\}} \[G77\]", text)
