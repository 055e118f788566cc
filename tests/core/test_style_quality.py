"""Quality of the spelling and style checker, measured.

False alarms: findings per 1,000 words on issued UN texts in the corpus, which should draw almost none. The word
lists were built looking only at the BUILD files; HELD_OUT files measure how the checker does on UN text it
has not seen. Catch rate: drafts in tests/fixtures/style/ with planted errors of every kind; each planted error
must draw a finding of its rule, through the API the conventions engine calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.model import Footnote, Paragraph, Resolution
from app.spelling import SpellingSettings, checker, document_findings, paragraph_findings
from app.templates import get_template

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "style"
SETTINGS = SpellingSettings(personal_dictionary=None)  # never the user's own dictionary

# -- the corpus, read roughly into paragraphs of running text ---------------------------------------------------
BUILD = (
    "A_C.1_80_L.43.txt",
    "A_RES_80_70.txt",
    "A_80_L.6.txt",
    "A_RES_80_4.txt",
    "A_C.6_80_L.21.txt",
    "S_2024_302.txt",
)
HELD_OUT = (
    "000_142118633ec4707d.txt",
    "A_C.3_80_L.20.txt",
    "A_RES_79_174.txt",
    "A_C.1_80_L.39.txt",
    "A_80_L.19.txt",
)
MAX_PER_1000 = 1.0  # measured 0.25 (build) and 0.22 (held-out); the target is at most 1

_FURNITURE = re.compile(
    r"^\s*(?:[A-Z]{1,2}/\S+|\d{2}-\d{5}(?:\s*\(E\))?.*|\d+/\d+|\*\d+\*|_{5,}|United Nations|General Assembly|"
    r"Security Council|Distr\.:.*|Original:.*|\d{1,2} \w+ \d{4})\s*$"
)
_START = re.compile(
    r"^\s*(?:The (?:General Assembly|Security Council|Human Rights Council|Economic and Social Council)"
    r"|.*: (?:draft resolution|draft decision|amendment))",
    re.M,
)
_NUMBER = re.compile(r"^\d{1,3}\.?\s+")  # paragraph and footnote numbers are not stored text
_GLUED_NOTE = re.compile(r"(?<=[A-Za-z,.;:”)])\d{1,2}(?=[\s,;.]|$)")  # "Rights,3 which": a footnote indicator
_LOOSE_NOTE = re.compile(r"(?<=[.,;])\s\d{1,2}(?:\s{2,}|\s(?=[A-Z]))|\s\d{1,2}$")
_OPENER = re.compile(r"^\*[^*]+\*\s*")
_LINK = re.compile(r"\[([^\]]+)\]\(#\)")


def corpus_paragraphs(path: Path) -> list[str]:
    """Body paragraphs of a corpus text: after the masthead, without page furniture and footnote numbers."""
    text = path.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("# source:"))
    start = _START.search(text)
    if start:
        text = text[start.end() :]
    kept = [line for line in text.splitlines() if not _FURNITURE.match(line)]
    out = []
    for block in re.split(r"\n\s*\n", "\n".join(kept)):
        joined = ""
        for line in (line.strip() for line in block.splitlines()):
            if line:
                joined += line if joined.endswith("-") or not joined else " " + line
        joined = _LINK.sub(r"\1", joined)
        joined = _NUMBER.sub("", joined)
        joined = _OPENER.sub("", joined)
        joined = _LOOSE_NOTE.sub(" ", _GLUED_NOTE.sub("", joined))
        if len(re.findall(r"\w+", joined)) >= 3:
            out.append(joined)
    return out


def word_count(paras: list[str]) -> int:
    return sum(len(re.findall(r"[^\W\d_]+|\d+", p)) for p in paras)


def false_alarms(path: Path) -> tuple[int, int]:
    """(findings, words) for one corpus text."""
    check = checker(SETTINGS)
    paras = corpus_paragraphs(path)
    return sum(len(check.field_findings(p, field="text")) for p in paras), word_count(paras)


@pytest.mark.parametrize("group", [BUILD, HELD_OUT], ids=["build", "held-out"])
def test_issued_un_text_draws_almost_no_findings(corpus: Path, group: tuple[str, ...]) -> None:
    found = words = 0
    for name in group:
        if (corpus / name).is_file():
            f, w = false_alarms(corpus / name)
            found, words = found + f, words + w
    if not words:
        pytest.skip("no corpus text of this group is here")
    assert words > 1000  # the splitter really read running text
    assert 1000 * found / words <= MAX_PER_1000


@pytest.mark.parametrize("group", [BUILD, HELD_OUT], ids=["build", "held-out"])
def test_imported_corpus_draws_almost_no_findings(corpus: Path, group: tuple[str, ...]) -> None:
    """The same through the text importer and the API the engine calls: openers, footnotes, title."""
    from app import inline
    from app.io import text_reader

    found = words = 0
    for name in group:
        path = corpus / name
        if not path.is_file():
            continue
        res = text_reader.read_text(path.read_text(encoding="utf-8"))
        res = getattr(res, "resolution", res)
        template = get_template("sc" if name.startswith("S_") else "ga-plenary")
        found += len(document_findings(res, template=template, settings=SETTINGS))
        for part, node in res.paragraphs():
            found += len(paragraph_findings(node, part=part, template=template, settings=SETTINGS))
            words += sum(len(inline.plain(getattr(node, f)).split()) for f in ("opener", "text", "tail"))
    if not words:
        pytest.skip("no corpus text of this group is here")
    assert 1000 * found / words <= MAX_PER_1000


def test_corpus_splitter_reads_paragraphs_not_furniture(corpus: Path) -> None:
    paras = corpus_paragraphs(corpus / "A_C.1_80_L.43.txt")
    assert any(
        p.startswith("Reiterating that the cessation of nuclear-weapon test explosions") for p in paras
    )
    assert not any(re.fullmatch(r"A/C\.1/80/L\.43", p) for p in paras)
    assert not any(p.startswith("Stresses") and p[:1].isdigit() for p in paras)


# -- planted errors ---------------------------------------------------------------------------------------------
_MARK = re.compile(r"\{\{([\w.-]+)\|(.+?)\}\}")


@dataclass
class Planted:
    rule: str
    node: str  # paragraph id, footnote id, or "" for the title
    field: str
    span: tuple[int, int]
    text: str


@dataclass
class Draft:
    name: str
    res: Resolution
    planted: list[Planted] = field(default_factory=list)


def _unmark(raw: str, node: str, fld: str, planted: list[Planted]) -> str:
    out, pos = [], 0
    for m in _MARK.finditer(raw):
        out.append(raw[pos : m.start()])
        start = sum(map(len, out))
        out.append(m.group(2))
        planted.append(Planted(m.group(1), node, fld, (start, start + len(m.group(2))), m.group(2)))
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out)


def read_draft(path: Path) -> Draft:
    draft = Draft(path.stem, Resolution())
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, rest = line.partition(": ")
        if kind == "title":
            draft.res.title = _unmark(rest, "", "title", draft.planted)
        elif kind == "footnote":
            note = Footnote()
            note.text = _unmark(rest, note.id, "footnote", draft.planted)
            draft.res.footnotes[note.id] = note
        elif kind in ("pre", "op"):
            para = Paragraph()
            opener, _, text = rest.partition(":: ")
            text = text.rstrip(",;.")  # as in the model: terminal punctuation is never stored
            para.opener = _unmark(opener, para.id, "opener", draft.planted)
            para.text = _unmark(text, para.id, "text", draft.planted)
            (draft.res.preamble if kind == "pre" else draft.res.operative).append(para)
        else:
            raise ValueError(f"{path.name}: cannot read line {line!r}")
    return draft


def check_draft(draft: Draft) -> list:
    template = get_template("ga-c1")
    findings = list(document_findings(draft.res, template=template, settings=SETTINGS))
    for part, node in draft.res.paragraphs():
        findings += paragraph_findings(node, part=part, template=template, settings=SETTINGS)
    return findings


def _caught(p: Planted, findings: list) -> bool:
    return any(
        f.rule == p.rule
        and f.paragraph_id == p.node
        and f.field == p.field
        and f.span[0] < p.span[1]
        and p.span[0] < f.span[1]
        for f in findings
    )


def drafts() -> list[Draft]:
    return [read_draft(path) for path in sorted(FIXTURES.glob("draft-*.txt"))]


def catch_rates() -> dict[str, tuple[int, int]]:
    """rule -> (caught, planted) over every draft."""
    rates: dict[str, tuple[int, int]] = {}
    for draft in drafts():
        findings = check_draft(draft)
        for p in draft.planted:
            caught, total = rates.get(p.rule, (0, 0))
            rates[p.rule] = (caught + _caught(p, findings), total + 1)
    return rates


def test_planted_errors_are_caught() -> None:
    rates = catch_rates()
    caught = sum(c for c, _ in rates.values())
    planted = sum(t for _, t in rates.values())
    assert planted >= 100
    assert caught / planted >= 0.95, {r: v for r, v in rates.items() if v[0] < v[1]}


def test_every_rule_has_planted_errors() -> None:
    rules = {r.id for r in checker(SETTINGS).rules} | {"spelling.unknown-word"}
    assert rules <= set(catch_rates())


def test_correct_text_around_planted_errors_draws_nothing() -> None:
    for draft in drafts():
        planted = draft.planted
        for f in check_draft(draft):
            assert any(
                p.node == f.paragraph_id
                and p.field == f.field
                and f.span[0] < p.span[1]
                and p.span[0] < f.span[1]
                for p in planted
            ), (draft.name, f)


def test_fixture_marks_are_read() -> None:
    draft = read_draft(FIXTURES / "draft-disarmament.txt")
    first = draft.res.preamble[1]
    assert first.opener == "Recognising"
    hit = next(p for p in draft.planted if p.node == first.id and p.field == "opener")
    assert (hit.rule, hit.span) == ("UN.Ize", (0, 11))
    assert draft.res.preamble and draft.res.operative and draft.res.footnotes


def report() -> None:
    """Print the measurements: `python tests/core/test_style_quality.py` (from the project root)."""
    from tests.conftest import CORPUS

    for label, group in (("build", BUILD), ("held-out", HELD_OUT)):
        total_found = total_words = 0
        for name in group:
            if (CORPUS / name).is_file():
                found, words = false_alarms(CORPUS / name)
                total_found, total_words = total_found + found, total_words + words
                print(
                    f"{label:9} {name:28} {words:6} words {found:3} findings {1000 * found / words:5.2f} per 1,000"
                )
        if total_words:
            print(
                f"{label:9} {'all':28} {total_words:6} words {total_found:3} findings "
                f"{1000 * total_found / total_words:5.2f} per 1,000"
            )
    rates = catch_rates()
    for rule, (caught, planted) in sorted(rates.items()):
        print(f"caught {rule:24} {caught:3}/{planted:<3}")
    caught = sum(c for c, _ in rates.values())
    planted = sum(t for _, t in rates.values())
    print(f"caught {'all':24} {caught:3}/{planted:<3} = {100 * caught / planted:.1f}%")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    report()
