"""The longest functions of the product, in statements (the formatter cannot change that count).

    python scripts/function_lengths.py [--top N] [--over S]

Prints the N longest functions of app/ and widgets/ with their statements and lines, and how many have more
than S statements. tests/core/test_lint.py holds the ceilings, so a long function can shrink but not grow.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "widgets")


def functions(root: Path = ROOT) -> Iterator[tuple[int, int, str]]:
    """(statements, lines, 'path:line name') for every function and method, nested ones counted apart."""
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield (
                        _statements(node),
                        node.end_lineno - node.lineno + 1,
                        f"{path.relative_to(root)}:{node.lineno} {node.name}",
                    )


def _statements(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Statements in the body, not counting those of functions defined inside it."""
    count, todo = 0, list(function.body)
    while todo:
        node = todo.pop()
        count += 1
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        todo.extend(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--over", type=int, default=50)
    args = parser.parse_args()
    rows = sorted(functions(), reverse=True)
    print(f"{'statements':>10} {'lines':>6}  function")
    for statements, lines, name in rows[: args.top]:
        print(f"{statements:>10} {lines:>6}  {name}")
    print(f"{len(rows)} functions; {sum(1 for r in rows if r[0] > args.over)} over {args.over} statements")


if __name__ == "__main__":
    main()
