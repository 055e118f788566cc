"""Measure the AKN reader on omnibus resolutions: operative numbers as issued and headings before the paragraph
they head, the files' own markup being the answer (`<num>` of each numbered paragraph of `mainBody`, and the
paragraphs holding only a `<subheading>`). Files with no such headings are left out.

    .venv/bin/python scripts/measure_akn_headings.py DIR [REGEX]

DIR holds UN XML files (the UNxml/GAresolutions repository's `NNsession/English/*.xml`); REGEX picks file names
(for a held-out set: the sessions kept out of development). Prints each file that differs and a summary.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def expected(root: etree._Element) -> tuple[list[str], list[str]] | None:
    body = next((e for e in root.iter() if _local(e) == "mainBody"), None)
    if body is None:
        return None
    numbers: list[str] = []
    headings: list[str] = []
    pending: list[str] = []
    for para in body:
        kids = [k for k in para if _local(k)]
        names = [_local(k) for k in kids]
        if kids and set(names) <= {"heading", "subheading", "crossHeading"}:
            pending += [_norm("".join(k.itertext())) for k in kids]
        elif "num" in names:
            numbers.append(_norm("".join(kids[names.index("num")].itertext())).rstrip("."))
            headings.append(" ".join(pending))
            pending = []
    return (numbers, headings) if numbers and any(headings) else None


def main() -> None:
    folder, pick = Path(sys.argv[1]), re.compile(sys.argv[2] if len(sys.argv) > 2 else "")
    good = bad = 0
    for path in sorted(folder.glob("*.xml")):
        if not pick.search(path.name):
            continue
        data = path.read_bytes()
        answer = expected(etree.fromstring(data))
        if answer is None:
            continue
        numbers, headings = answer
        try:
            res = read_akn(data, name=path.name).resolution
        except InputError as exc:
            bad += 1
            print(f"{path.name}: refused: {exc}")
            continue
        got = [_norm(p.heading) for p in res.operative]
        if numbers == [str(i) for i in range(1, len(res.operative) + 1)] and got == headings:
            good += 1
        else:
            bad += 1
            print(
                f"{path.name}: {len(res.operative)} operative paragraphs for {len(numbers)} numbered, "
                f"{sum(map(bool, got))} headings for {sum(map(bool, headings))}"
            )
    print(f"{good} of {good + bad} as issued")


if __name__ == "__main__":
    main()
