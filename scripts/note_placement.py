"""How many footnotes the text reader places where the UN put them, on adopted GA resolutions flattened to text.

Each resolution of the UN's XML (github.com/UNxml/GAresolutions) is flattened to text as a PDF's text layer
prints it (note numbers glued where the XML has its <authorialNote>, notes at the end) and read by the text
reader. A note is placed right when the words before its reference in the model end as the words before the
<authorialNote> in the XML do (letters and digits only, the last 16, within its printed line). Prints the
count and, with --examples N, the first misplaced note of N resolutions with both contexts.

    python scripts/note_placement.py --resolutions 75-77 --language Spanish [--examples N]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from false_alarms_l import UN_XML, resolution_xml  # noqa: E402
from lxml import etree  # noqa: E402

from app import inline  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import Resolution  # noqa: E402
from tests.core.test_text_structure import flatten  # noqa: E402

TAIL = 16  # letters and digits compared before each reference
_SENTINEL = re.compile(r"\x01(\d+)\x02")
_NOT_ALNUM = re.compile(r"[\W_]+")


def _tail(text: str) -> str:
    return _NOT_ALNUM.sub("", text)[-TAIL:]


def expected(xml: bytes) -> list[str]:
    """Per note, in order: the letters and digits before its reference on its printed line (the UN's place)."""
    text = flatten(xml, lambda n: f"\x01{n}\x02")
    text = text[: text.rfind("\n__________________\n")] if "__________________" in text else text
    out = []
    for m in _SENTINEL.finditer(text):
        before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        out.append(_tail(_SENTINEL.sub("", before)))
    return out


def _fields(res: Resolution) -> list[str]:
    out = [res.title, res.part_title]
    for _, p in res.paragraphs():
        out += [p.heading, f"{p.opener} {p.text} {p.tail}"]
    for unit in [*res.later_parts, *res.annexes]:
        out.append(unit.title)
    for p in res.annex_paragraphs():
        out += [p.heading, f"{p.opener} {p.text} {p.tail}"]
    return out + list(res.unplaced)


def placed(res: Resolution) -> dict[str, str]:
    """Per footnote id: the letters and digits before its reference in the model."""
    out: dict[str, str] = {}
    ref = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
    for field in _fields(res):
        for m in ref.finditer(field):
            out.setdefault(m.group(1), _tail(inline.plain(ref.sub("", field[: m.start()]))))
    return out


def measure(items: list[tuple[str, bytes]], examples: int) -> None:
    right = total = 0
    shown = 0
    for name, xml in items:
        try:
            want = expected(xml)
            text = flatten(xml)
        except etree.XMLSyntaxError:
            continue
        res = read_text(text).resolution
        got = placed(res)
        ids = list(res.footnotes)
        first = True  # a note found too far on takes the place of the notes after it: show the first only
        for n, ctx in enumerate(want):
            total += 1
            have = got.get(ids[n], "") if n < len(ids) else ""
            if have == ctx or (len(ctx) < TAIL and have.endswith(ctx)):
                right += 1
            elif first and shown < examples:
                first = False
                shown += 1
                print(f"  {Path(name).name} note {n + 1}: expected …{ctx} | read …{have}")
    print(f"{right} of {total} notes placed where the UN XML has them ({100 * right / max(total, 1):.1f}%)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--resolutions", default="75-77")
    ap.add_argument("--language", default="English", help="English, French or Spanish")
    ap.add_argument("--examples", type=int, default=0, help="N misplaced notes with both contexts")
    ap.add_argument("--repo", type=Path, default=UN_XML)
    args = ap.parse_args()
    measure(resolution_xml(args.repo, args.resolutions, args.language), args.examples)


if __name__ == "__main__":
    main()
