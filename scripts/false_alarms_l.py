"""False alarms of `resolute check` on the issued L drafts of the 80th session, read from their PDF text.

The drafts come from the public mandate-pipeline data (github.com/wannli/mandate-pipeline,
data/extracted/*.json, field `text`: the text layer of each issued PDF). They are split once, by a fixed rule,
into a development half (look at it, tune on it) and a held-out half (only measured): a draft is held out when
the first byte of the SHA-256 of its symbol is odd. Prints errors and warnings per 1,000 words for each half and,
for the development half only, the rules that fire most and, with --docs, the drafts that draw most.

With --resolutions 75-77 it measures the adopted GA resolutions of those sessions instead (the UN's XML,
github.com/UNxml/GAresolutions, English), flattened to text as a PDF's text layer prints them and read by the
same text reader: they share the L drafts' wording, so what fires on them predicts the held-out drafts.
--examples N prints, for each rule that fires most, N findings with the sentence they point at (never used
on the held-out half).

`--extractor opened` opens each issued PDF itself, as File › Open does (its PDFium text and its italics).

    python scripts/false_alarms_l.py [--repo PATH_TO_GIT_DIR] [--half dev|held-out|both] [--docs N] [--rule R]
    python scripts/false_alarms_l.py --resolutions 75-77 [--language Spanish] [--examples N] [--rule R]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from app import inline  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.findings import Finding, Severity  # noqa: E402
from app.io.reading import read_data  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import Resolution  # noqa: E402
from scripts.pdf_extractors import EXTRACTORS, pdf_bytes, reextract  # noqa: E402
from tests.core.test_false_alarms import words  # noqa: E402
from tests.core.test_text_structure import flatten  # noqa: E402

LOUD = (Severity.ERROR, Severity.WARNING)
DEFAULT_REPO = Path("/work/.mirror/wannli+mandate-pipeline/repo")
UN_XML = Path("/work/.mirror/UNxml+GAresolutions/repo")


def held_out(symbol: str) -> bool:
    """The fixed split: the first byte of the symbol's SHA-256 is odd."""
    return hashlib.sha256(symbol.encode()).digest()[0] % 2 == 1


def drafts(repo: Path, marker: str = "_L.") -> list[tuple[str, str]]:
    """(symbol, text) of every L draft in the mirror (with `marker` "A_RES_": every adopted resolution), in name
    order."""
    names = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "--name-only", "HEAD:data/extracted"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    out = []
    for name in sorted(n for n in names if marker in n and n.endswith(".json")):
        raw = subprocess.run(
            ["git", "-C", str(repo), "show", f"HEAD:data/extracted/{name}"], capture_output=True, check=True
        ).stdout
        data = json.loads(raw)
        out.append((data.get("symbol") or name[:-5].replace("_", "/"), data.get("text") or ""))
    return out


def resolution_xml(repo: Path, sessions: str, language: str = "English") -> list[tuple[str, bytes]]:
    """(path, UN XML) of every GA resolution of the sessions "75-77" in a language folder of the mirror
    ("English", "French", "Spanish")."""
    first, _, last = sessions.partition("-")
    wanted = range(int(first), int(last or first) + 1)
    git = ["git", "-C", str(repo)]
    names = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    out = []
    for name in names:
        session, _, rest = name.partition(f"session/{language}/")
        if rest.endswith(".xml") and session.isdigit() and int(session) in wanted:
            out.append(
                (name, subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True, check=True).stdout)
            )
        session, _, rest = name.partition("session/")
        if rest.endswith(f"_{language}.zip") and session.isdigit() and int(session) in wanted:
            # session 74 comes zipped: "74session/GA resolutions_74session_English.zip", English/74_117.xml
            raw = subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True, check=True).stdout
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                for inner in sorted(n for n in z.namelist() if n.endswith(".xml")):
                    out.append((f"{session}session/{inner}", z.read(inner)))
    return out


def resolutions(repo: Path, sessions: str, language: str = "English") -> list[tuple[str, str]]:
    """(file name, text) of every GA resolution of the sessions in a language, flattened to text."""
    out = []
    for name, xml in resolution_xml(repo, sessions, language):
        try:
            out.append((name.partition(f"session/{language}/")[2], flatten(xml)))
        except etree.XMLSyntaxError:
            print(f"  {name}: not well-formed XML, left out")
    return out


def excerpt(res: Resolution, f: Finding, width: int = 90) -> str:
    """The words a finding points at, in brackets, with some context either side."""
    para = res.find(f.paragraph_id) if f.paragraph_id else None
    note = res.footnotes.get(f.paragraph_id)
    if para is not None:
        text = {"opener": para.opener, "tail": para.tail}.get(f.field, para.text)
    else:
        text = note.text if note else res.title
    start, end = f.span
    if 0 <= start < end <= len(text):
        text = f"{text[max(start - width, 0) : start]}[{text[start:end]}]{text[end : end + width]}"
    return " ".join(inline.plain(text).split())[: 3 * width]


def measure(
    items: list[tuple[str, str | bytes]],
) -> tuple[Counter[str], int, list[tuple[str, int, int, Counter[str]]], dict[str, list[str]]]:
    found: Counter[str] = Counter()
    total = 0
    per_doc = []
    examples: dict[str, list[str]] = {}
    for symbol, text in items:
        try:  # a text layer, or (--extractor opened) the PDF itself, opened as the product opens it
            result = read_text(text) if isinstance(text, str) else read_data(text, "draft.pdf")
        except Exception as exc:  # noqa: BLE001 - a draft the reader refuses is counted as one alarm
            per_doc.append((symbol, 1, 0, Counter({f"refused: {exc}"[:60]: 1})))
            found["refused"] += 1
            examples.setdefault("refused", []).append(f"{symbol}: {exc}")
            continue
        res = result.resolution
        # what `resolute check` prints: the reader's findings and the checks'
        loud = [f for f in [*result.findings, *check_document(res)] if f.severity in LOUD]
        a = Counter(f.rule for f in loud)
        for f in loud:
            examples.setdefault(f.rule, []).append(f"{symbol}: {f.message} | {excerpt(res, f)}")
        n = words(res)
        found += a
        total += n
        per_doc.append((symbol, sum(a.values()), n, a))
    return found, total, per_doc, examples


def report(name: str, part: list[tuple[str, str]], docs: int = 0, rule: str = "", examples: int = 0) -> None:
    """Print one set's summary line and, except for the held-out half (whose findings are not to be seen), the
    rules that fire most, with docs the texts that draw most, with examples N findings of each top rule."""
    found, total, per_doc, samples = measure(part)
    rate = 1000 * sum(found.values()) / max(total, 1)
    print(
        f"{name}: {len(part)} texts, {total:,} words, {sum(found.values())} errors and warnings, "
        f"{rate:.2f} per 1,000"
    )
    if name.startswith("held-out"):
        return  # its summary only: never its findings or texts
    for r, n in found.most_common(12):
        print(f"    {n:4} {r}")
    key = (lambda d: d[3][rule]) if rule else (lambda d: d[1])
    for symbol, n, w, a in sorted(per_doc, key=key, reverse=True)[:docs]:
        print(f"  {symbol:18} {n:3} alarms {w:6} words  {dict(a.most_common(4))}")
    for r in ([rule] if rule else [r for r, _ in found.most_common(12)]) if examples else []:
        print(f"{r}:")
        for line in samples.get(r, [])[:examples]:
            print(f"  {line}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--half", choices=("dev", "held-out", "both"), default="both")
    ap.add_argument(
        "--resolutions", default="", help='adopted GA resolutions of these sessions instead: "75-77"'
    )
    ap.add_argument("--language", default="English", help="with --resolutions: French or Spanish instead")
    ap.add_argument("--docs", type=int, default=0, help="list the N drafts with most alarms")
    ap.add_argument(
        "--examples", type=int, default=0, help="N findings of each top rule, with their sentence"
    )
    ap.add_argument("--rule", default="", help="with --docs or --examples: only this rule")
    ap.add_argument(
        "--extractor",
        choices=(*EXTRACTORS, "opened"),
        default="pymupdf",
        help="read each draft's PDF with this instead (opened: the PDF itself, with its italics)",
    )
    ap.add_argument("--adopted", action="store_true", help="the adopted resolutions' PDFs (A/RES/…) instead")
    args = ap.parse_args()
    if args.resolutions:
        repo = UN_XML if args.repo == DEFAULT_REPO else args.repo
        name = f"GA resolutions {args.resolutions} ({args.language})"
        halves = {name: resolutions(repo, args.resolutions, args.language)}
    else:
        listed = drafts(args.repo, "A_RES_" if args.adopted else "_L.")
        if args.extractor == "opened":
            items = [(s, pdf) for s, _ in listed if (pdf := pdf_bytes(args.repo, s.replace("/", "_")))]
        else:
            items = reextract(args.repo, listed, args.extractor)
        halves = {
            "dev": [x for x in items if not held_out(x[0])],
            "held-out": [x for x in items if held_out(x[0])],
        }
        halves = {k: v for k, v in halves.items() if args.half in (k, "both")}
    for name, part in halves.items():
        report(name, part, args.docs, args.rule, args.examples)


if __name__ == "__main__":
    main()
