"""What reading an L draft's PDF through Poppler's pdftotext adds to the check, on texts the readers know exactly.

Each adopted GA resolution of some sessions (the UN's XML, github.com/UNxml/GAresolutions, English) is read as
the product reads UN XML, made an L draft (a symbol, a sponsor, an agenda item), exported to Word as the product
exports it, printed to PDF by LibreOffice and read back from that PDF's pdftotext text by the text reader. The
findings that the PDF reading draws and the XML reading does not are reading errors (or checks that text alone
cannot satisfy): each is listed by rule, with examples, and paragraphs the two readings put in other places are
counted. The UN's own PDFs come from Word, ours from LibreOffice, so this finds classes of the PDF text's shape
(justified lines, page breaks, notes, headers), not of one PDF maker.

Texts are split as scripts/false_alarms_l.py splits them (the SHA-256 of the file name); only the development
half is read unless --half held-out, whose summary line alone is printed. Sessions 74–77 only by default: the
L drafts of the 80th session that the other scripts measure are never among them.

    python scripts/roundtrip_pdftotext.py [--sessions 74-77] [--limit N] [--examples N] [--rule R] [--docs N]
        [--half dev|held-out] [--notes] [--keep DIR] [--hyphens]

`--keep DIR` keeps each pdftotext text in DIR and reads it from there next time (a reader's change measured
before and after on the same texts, without printing them again); `--hyphens` counts the compounds the reading
wrote otherwise than the XML: a hyphen lost ("confidencebuilding" for "confidence-building") or one added.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import redirect_stderr
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import storage  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.io.docx_writer import write_docx  # noqa: E402
from app.io.reading import read_data  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import AgendaItem, DocumentKind, Resolution  # noqa: E402
from scripts.false_alarms_l import LOUD, UN_XML, excerpt, held_out, resolution_xml  # noqa: E402


def as_draft(res: Resolution, number: int) -> None:
    """Give an adopted resolution an L draft's header, so that it prints as the L drafts do."""
    head = res.header
    head.kind = DocumentKind.DRAFT_RESOLUTION
    head.template = "ga-plenary"
    head.session = head.session or 77
    head.symbol = f"A/{head.session}/L.{number}"
    head.sponsors = head.sponsors or ["Fiji", "Portugal"]
    head.agenda_items = head.agenda_items or [AgendaItem("15", "", "Culture of peace")]


def without_notes(res: Resolution) -> Resolution:
    """The same text with no footnotes: LibreOffice sets a page's notes apart from their numbers in its PDF's
    text, where Word's PDFs keep them together, so notes would measure LibreOffice rather than the reader."""
    data = json.loads(re.sub(r"\[\^[A-Za-z0-9_-]+\]", "", json.dumps(storage.to_dict(res))))
    data["footnotes"] = []
    return storage.from_dict(data)


def loud(res: Resolution, reader_findings: list) -> Counter[str]:
    return Counter(f.rule for f in [*reader_findings, *check_document(res)] if f.severity in LOUD)


def places(res: Resolution) -> list[tuple[str, str]]:
    """(part, first words) of every paragraph of the draft's body, to see where the two readings part."""
    return [(part.value, " ".join(p.text.split()[:6])) for part, p in res.paragraphs()]


def printed(docs: dict[str, Path], folder: Path) -> dict[str, str]:
    """pdftotext's text of each exported .docx, printed by LibreOffice in one batch."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, docs.values())],
        capture_output=True,
        timeout=3600,
    )
    out = {}
    for name, docx in docs.items():
        pdf = docx.with_suffix(".pdf")
        if pdf.exists():
            out[name] = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", default="74-77")
    ap.add_argument("--half", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="read the first N texts only")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--rule", default="")
    ap.add_argument("--docs", type=int, default=0)
    ap.add_argument("--notes", action="store_true", help="keep the footnotes (LibreOffice sets them apart)")
    ap.add_argument("--keep", type=Path, help="keep the pdftotext texts in this folder and reuse them")
    ap.add_argument("--hyphens", action="store_true", help="count compounds whose hyphen was lost or added")
    args = ap.parse_args()
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        sys.exit("soffice and pdftotext must be on the PATH")
    texts = [
        (name.rpartition("/")[2], xml)
        for name, xml in resolution_xml(UN_XML, args.sessions)
        if held_out(name.rpartition("/")[2]) == (args.half == "held-out")
    ]
    if args.limit:
        texts = texts[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        models: dict[str, tuple[Resolution, Counter[str]]] = {}
        docs: dict[str, Path] = {}
        for number, (name, xml) in enumerate(texts, 1):
            try:
                with redirect_stderr(io.StringIO()):
                    result = read_data(xml, name)
                res = result.resolution if args.notes else without_notes(result.resolution)
                as_draft(res, number)
                models[name] = (res, loud(res, result.findings))
                docs[name] = folder / f"d{number}.docx"
                write_docx(res, docs[name])
            except Exception as exc:  # noqa: BLE001 - the round trip measures reading, not the XML reader
                print(f"  {name}: left out ({type(exc).__name__}: {str(exc)[:80]})")
        kept = _kept(args.keep, docs)
        texts_read = {**kept, **printed({n: d for n, d in docs.items() if n not in kept}, folder)}
        if args.keep:
            for name, text in texts_read.items():
                (args.keep / f"{name}.txt").write_text(text, encoding="utf-8")
    report(args, models, texts_read)


def _kept(folder: Path | None, docs: dict[str, Path]) -> dict[str, str]:
    if folder is None:
        return {}
    folder.mkdir(parents=True, exist_ok=True)
    return {
        n: (folder / f"{n}.txt").read_text(encoding="utf-8") for n in docs if (folder / f"{n}.txt").exists()
    }


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _words(res: Resolution) -> Counter[str]:
    return Counter(
        w
        for _, p in res.paragraphs()
        for node in p.walk()
        for w in _WORD.findall(node.opener + " " + node.text)
    )


def hyphen_changes(res0: Resolution, res1: Resolution) -> tuple[list[str], list[str]]:
    """(compounds of the XML read without their hyphen, words read with a hyphen the XML does not write)."""
    xml, read = _words(res0), _words(res1)
    glued = {w.replace("-", ""): w for w in xml if "-" in w}
    lost = [f"{glued[w]} → {w}" for w in read if w in glued and w not in xml for _ in range(read[w])]
    plain = {w for w in xml if "-" not in w}
    added = [
        w for w in read if "-" in w and w not in xml and w.replace("-", "") in plain for _ in range(read[w])
    ]
    return lost, added


def report(args: argparse.Namespace, models: dict, texts_read: dict[str, str]) -> None:
    added: Counter[str] = Counter()
    moved = paragraphs = 0
    per_doc = []
    samples: dict[str, list[str]] = {}
    for name, text in texts_read.items():
        res0, base = models[name]
        try:
            result = read_text(text)
        except Exception as exc:  # noqa: BLE001 - a refusal is one reading error
            added["refused"] += 1
            samples.setdefault("refused", []).append(f"{name}: {exc}")
            continue
        res1 = result.resolution
        now = loud(res1, result.findings)
        extra = now - base
        added += extra
        a, b = places(res0), places(res1)
        paragraphs += len(a)
        moved += sum(1 for x in a if x not in b) + max(len(b) - len(a), 0)
        per_doc.append((name, sum(extra.values()), extra))
        for f in [*result.findings, *check_document(res1)]:
            if f.severity in LOUD and extra[f.rule]:
                samples.setdefault(f.rule, []).append(f"{name}: {f.message} | {excerpt(res1, f)}")
    print(
        f"{args.half}: {len(texts_read)} texts, {paragraphs:,} paragraphs; {sum(added.values())} errors and "
        f"warnings more than the XML's; {moved} paragraphs read elsewhere or more"
    )
    if args.half == "held-out":
        return
    for rule, n in added.most_common(15):
        print(f"    {n:4} {rule}")
    if args.hyphens:
        changes = [
            hyphen_changes(models[name][0], read_text(text).resolution) for name, text in texts_read.items()
        ]
        lost = [w for one, _ in changes for w in one]
        more = [w for _, one in changes for w in one]
        print(f"  compounds read without their hyphen: {len(lost)}; hyphens added: {len(more)}")
        for w in (lost + more)[: args.examples]:
            print(f"    {w}")
    for name, n, extra in sorted(per_doc, key=lambda d: d[1], reverse=True)[: args.docs]:
        print(f"  {name:28} {n:3}  {dict(extra.most_common(4))}")
    for rule in [args.rule] if args.rule else [r for r, _ in added.most_common(15)] if args.examples else []:
        print(f"{rule}:")
        for line in samples.get(rule, [])[: args.examples]:
            print(f"  {line}")


if __name__ == "__main__":
    main()
