"""What a cancel token costs a read nobody cancels, and how soon a cancelled read ends (app/cancelling.py).

    .venv/bin/python benchmarks/bench_cancel.py [repeats]
    .venv/bin/python benchmarks/bench_cancel.py --large

`--large`: a generated draft of 56,000 paragraphs as UN XML (49 MB) and as a project (41 MB), past what a reader
keeps (refused after the parse): how long the whole read takes and how long it went on after Cancel at a tenth,
a quarter, half and three quarters of it, the parse included (lxml fed a megabyte at a time, JSON a paragraph at
a time: before, one call each, 0.6 s and 1.9 s).

For the largest files of each kind the readers take (a generated omnibus draft as Word, with and without every
run a tracked change; the largest UN XML and PDF-text fixtures): the median read with no token (the command
line), with a token never set (the editor's read), the looks at the token the read made and what they cost at
the time one look takes here (timed alone: steadier than the difference of two reads on a busy machine), and the
longest a read went on after its token was set from another thread at a quarter, half and three quarters of its
length (the editor's Cancel: the next read waits for that). Wall-clock times: other work on the machine moves
them; compare the columns run by run.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import threading
import time
import timeit
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import cancelling  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.reading import read_data  # noqa: E402
from benchmarks.bench_docx_import import tracked  # noqa: E402
from benchmarks.sample import omnibus  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _files() -> list[tuple[str, bytes, str]]:
    big = build_docx(omnibus(2000, footnotes=250, seed=3))
    return [
        ("omnibus 400 (.docx)", build_docx(omnibus(400, seed=3)), "draft.docx"),
        ("omnibus 2000 (.docx)", big, "draft.docx"),
        ("omnibus 2000, tracked (.docx)", tracked(big), "draft.docx"),
        ("A/RES/79/1 (UN XML)", (FIXTURES / "akn" / "A_RES_79_1-2416433E.xml").read_bytes(), "a.xml"),
        ("A/80/L.17 (PDF text)", (FIXTURES / "page_flow" / "A_80_L.17.txt").read_bytes(), "a.txt"),
    ]


def _medians_ms(reads: list[Callable[[], object]], repeats: int) -> list[float]:
    """The median time of each read, taken in turn (so that the machine's load falls on all alike)."""
    times: list[list[float]] = [[] for _ in reads]
    for _ in range(repeats):
        for read, kept in zip(reads, times, strict=True):
            start = time.perf_counter()
            read()
            kept.append(time.perf_counter() - start)
    return [statistics.median(kept) * 1000 for kept in times]


def _with_token(data: bytes, name: str) -> object:
    with cancelling.stoppable(threading.Event()):
        return read_data(data, name)


class _Counting(threading.Event):
    """A token never set that counts the looks at it."""

    looks = 0

    def is_set(self) -> bool:
        self.looks += 1
        return False


def _looks(data: bytes, name: str) -> int:
    flag = _Counting()
    with cancelling.stoppable(flag):
        read_data(data, name)
    return flag.looks


def _look_ns() -> float:
    """One look at a token never set: `cancelling.check()` with a token held, as in the editor's read."""
    with cancelling.stoppable(threading.Event()):
        return min(timeit.repeat(cancelling.check, number=200_000, repeat=5)) / 200_000 * 1e9


def _ran_on_ms(data: bytes, name: str, after_s: float) -> float:
    """Start the read on a thread, set its token after `after_s`, and time how long the read went on."""
    flag = threading.Event()
    ended: list[float] = []

    def run() -> None:
        try:
            with cancelling.stoppable(flag):
                read_data(data, name)
        except (cancelling.Cancelled, InputError):
            pass
        ended.append(time.perf_counter())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    time.sleep(after_s)
    asked = time.perf_counter()
    flag.set()
    thread.join()
    return max(0.0, ended[0] - asked) * 1000


def _large() -> None:
    from app import storage
    from app.io.akn_writer import to_akn

    res = omnibus(56_000, footnotes=7000, seed=3)
    print(f"{'file':<30} {'MB':>5} {'read s':>7} {'ran on after Cancel ms (1/10, 1/4, 1/2, 3/4)':>46}")
    for label, data, name in [
        ("56,000 paragraphs (UN XML)", to_akn(res), "a.xml"),
        ("56,000 paragraphs (project)", storage.dumps(res).encode(), "a.json"),
    ]:
        start = time.perf_counter()
        with contextlib.suppress(InputError):
            _with_token(data, name)
        whole = time.perf_counter() - start
        ran_on = [_ran_on_ms(data, name, whole * part) for part in (0.1, 0.25, 0.5, 0.75)]
        print(
            f"{label:<30} {len(data) / 1e6:>5.0f} {whole:>7.1f} {'  '.join(f'{r:>5.0f}' for r in ran_on):>46}"
        )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--large"]:
        _large()
        return
    repeats = int(argv[0]) if argv else 7
    look = _look_ns()
    print(f"one look at the token: {look:.0f} ns")
    print(
        f"{'file':<30} {'kB':>5} {'no token ms':>11} {'token ms':>9} {'looks':>7} {'their cost':>11} "
        f"{'ran on after Cancel ms':>22}"
    )
    for label, data, name in _files():
        read_data(data, name)  # once, unmeasured: modules imported
        plain, token = _medians_ms(
            [lambda d=data, n=name: read_data(d, n), lambda d=data, n=name: _with_token(d, n)],  # type: ignore[misc]
            repeats,
        )
        looks = _looks(data, name)
        cost = looks * look / 1e6
        ran_on = max(_ran_on_ms(data, name, plain / 1000 * part) for part in (0.25, 0.5, 0.75))
        print(
            f"{label:<30} {len(data) / 1000:>5.0f} {plain:>11.0f} {token:>9.0f} {looks:>7} "
            f"{cost:>5.1f} ms {cost / plain * 100:>3.1f}% {ran_on:>22.0f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
