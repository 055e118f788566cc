"""Word and UN XML import time: a generated 400-paragraph resolution exported by Resolute, the same text with
Word's automatic numbering and tracked changes, and the corpus AKN4UN files.

    .venv/bin/python benchmarks/bench_docx_import.py [repeats]

Target: a 400-paragraph .docx in well under a second.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import omnibus  # noqa: E402

from app.io.akn_reader import read_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def tracked(data: bytes) -> bytes:
    """Every run of the body wrapped in an insertion, plus a deletion per paragraph: a heavy redline."""
    src = zipfile.ZipFile(io.BytesIO(data))
    xml = src.read("word/document.xml").decode("utf-8")
    ins = '<w:ins w:id="1" w:author="bench" w:date="2025-01-01T00:00:00Z">'
    dele = '<w:del w:id="2" w:author="bench" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>old</w:delText></w:r></w:del>'
    xml = (
        xml.replace("<w:r>", ins + "<w:r>")
        .replace("</w:r>", "</w:r></w:ins>")
        .replace("</w:p>", dele + "</w:p>")
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = xml.encode("utf-8") if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, blob)
    return out.getvalue()


def timed(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    res = omnibus(400)
    plain = build_docx(res)
    cases: list[tuple[str, bytes, Callable[[bytes], object]]] = [
        ("generated 400 paragraphs (.docx)", plain, lambda d: read_docx(d)),
        ("same, every run a tracked change", tracked(plain), lambda d: read_docx(d)),
    ]
    if CORPUS.is_dir():
        for path in sorted((CORPUS / "originals").glob("*.xml")):
            cases.append((f"corpus {path.name}", path.read_bytes(), lambda d: read_akn(d)))
    for name, data, read in cases:
        seconds = timed(lambda d=data, r=read: r(d), repeats)  # type: ignore[misc]
        back = read(data).resolution  # type: ignore[attr-defined]
        count = sum(1 for _ in back.paragraphs())
        print(f"{name:45s} {len(data) / 1000:7.1f} kB  {count:5d} paragraphs  {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
