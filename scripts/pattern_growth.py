"""How the cost of every regular expression in app/ grows with hostile input: n vs 16n, best of three runs.

Each pattern (compiled at module level, or a literal passed to `re.*` in the code) is run with `finditer` over
inputs built to make it backtrack: strings it matches (generated from the pattern) repeated and broken at the
end, runs of each of their characters, and runs of common pieces of text. A cost that grows with the square of
the input shows as a ratio near 16, linear near 1 (the growth of a plain scan over the same texts divided out). Patterns past `--ratio` are listed with the input that
made them grow; `can_hang` (the shape reader for user patterns) names those that can backtrack for ever.

    .venv/bin/python scripts/pattern_growth.py [--from app.io.akn_reader] [--to app.negotiation] [--ratio 4]
        [--chars 2000] [--package app|widgets] [--verbose]

`finditer` is the worst use (a search from every position); a pattern the code only ever `match`es at one
place may be listed and still be fine there: read the listed ones, don't trust the ratio alone.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib
import re
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.spelling.pattern_shape import can_hang  # noqa: E402

FACTOR = 16  # how much longer the long text is than the short
_RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
_PIECES = [" ", "a", "A", "1", ".", ",", ";", "(", ")", "-", "*", "[^1]", "\n", "a ", "1.", "(a) ", "\t", "é"]


def modules(start: str, stop: str = "~", package: str = "app") -> list[str]:
    """Dotted names of a package's modules after `start` and before `stop`, in alphabetical order."""
    names = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts) for path in (ROOT / package).rglob("*.py")
    )
    return [n.removesuffix(".__init__") for n in names if start < n < stop]


def _flags(node: ast.expr | None) -> int:
    if node is None:
        return 0
    try:
        return int(eval(compile(ast.Expression(node), "<flags>", "eval"), {"re": re}))  # noqa: S307 - re.X | re.Y
    except Exception:  # noqa: BLE001 - flags from a variable: read the pattern without them
        return 0


def patterns(module: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """(where, pattern) for each pattern of a module: literals in re.* calls, then compiled module globals."""
    seen: set[tuple[str, int]] = set()
    path = ROOT / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = ROOT / module.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
            continue
        if node.func.attr not in _RE_CALLS or not node.args or not isinstance(node.args[0], ast.Constant):
            continue
        text = node.args[0].value
        if not isinstance(text, str):
            continue
        flag_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
        if flag_node is None and node.func.attr == "compile" and len(node.args) > 1:
            flag_node = node.args[1]
        flags = _flags(flag_node)
        if (text, flags) not in seen:
            seen.add((text, flags))
            yield f"{module}:{node.lineno}", re.compile(text, flags)
    mod = importlib.import_module(module)
    for name, value in vars(mod).items():
        if not (isinstance(value, re.Pattern) and isinstance(value.pattern, str)):
            continue
        if (value.pattern, value.flags) not in seen and (
            value.pattern,
            value.flags & ~re.UNICODE,
        ) not in seen:
            seen.add((value.pattern, value.flags))
            yield f"{module}.{name}", value


def _samples(pattern: re.Pattern[str]) -> list[str]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    found: list[str] = []
    try:
        strategy = st.from_regex(pattern, fullmatch=True)
    except Exception:  # noqa: BLE001 - lookbehinds and other features hypothesis cannot generate from
        return found

    @settings(max_examples=12, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(text: str) -> None:
        if text and len(text) < 60:
            found.append(text)

    with contextlib.suppress(Exception):  # generation gave up: the generic pieces only
        collect()
    return found


def hostile_inputs(pattern: re.Pattern[str]) -> Iterator[str]:
    """Pieces to repeat: what the pattern matches, each of its characters, common text."""
    pieces = list(dict.fromkeys(_samples(pattern)))[:4]
    chars = dict.fromkeys(ch for piece in pieces for ch in piece)
    yield from pieces
    yield from [c for c in chars if c not in _PIECES][:6]
    yield from _PIECES


def _best_time(pattern: re.Pattern[str], text: str) -> float:
    """The quickest of three runs: a loaded machine only ever adds time."""
    times = []
    for _ in range(3):
        start = time.process_time()  # this process's own time: other work on the machine does not count
        for _match in pattern.finditer(text):
            pass
        times.append(time.process_time() - start)
    return min(times)


_BASELINE = re.compile(r"[\x01\x02]\x03")  # tried at every position, matching nowhere: the cost of reading


def growth(pattern: re.Pattern[str], piece: str, chars: int) -> float:
    """How much faster than the text the pattern's time grows from the piece repeated to fill `chars`
    characters to FACTOR times that (each broken by a final "\\x00"): the ratio of the pattern's times over the
    ratio of a plain scan's times on the same texts, so that a long text leaving the processor's cache does
    not count. 1 for linear, FACTOR for a cost that grows with the square. The input first grows until a run
    takes half a millisecond, so that timer noise does not count."""
    n = max(1, chars // len(piece))
    small = _best_time(pattern, piece * n + "\x00")
    while small < 5e-4 and n * len(piece) < 50_000:
        n *= 4
        small = _best_time(pattern, piece * n + "\x00")
    short, long = piece * n + "\x00", piece * (FACTOR * n) + "\x00"
    big = _best_time(pattern, long)
    reading = _best_time(_BASELINE, long) / max(_best_time(_BASELINE, short), 1e-7)
    return big / max(small, 1e-7) / max(reading, 1.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="start", default="app.io.akn_reader")
    parser.add_argument("--to", dest="stop", default="~", help="stop before this module")
    parser.add_argument(
        "--package", default="app", help="app, or widgets (needs Qt: QT_QPA_PLATFORM=offscreen)"
    )
    parser.add_argument("--verbose", action="store_true", help="name each module as it starts")
    parser.add_argument("--ratio", type=float, default=4.0)
    parser.add_argument("--chars", type=int, default=2000)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    total = flagged = 0
    for module in modules(args.start, args.stop, args.package):
        if args.verbose:
            print(f"[{module}]", flush=True)
        for where, pattern in patterns(module):
            total += 1
            worst, worst_piece = 0.0, ""
            for piece in hostile_inputs(pattern):
                ratio = growth(pattern, piece, args.chars)
                if (
                    ratio > args.ratio
                ):  # confirmed only if it stays high: a busy machine makes single runs jump
                    ratio = min(ratio, growth(pattern, piece, args.chars), growth(pattern, piece, args.chars))
                if ratio > worst:
                    worst, worst_piece = ratio, piece
                if worst > args.ratio * 2:
                    break
            hang = can_hang(pattern.pattern, pattern.flags)
            if worst > args.ratio or hang:
                flagged += 1
                print(f"{where}: x{worst:.0f} on {worst_piece!r}{' (can hang)' if hang else ''}")
                print(f"    {pattern.pattern[:160]!r}", flush=True)
    print(f"{total} patterns, {flagged} listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
