"""The code is ruff clean (lint and format), so that CI and every developer's test run hold the same bar."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff(command: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]


# The house's ratchet on long functions, in statements (a count the formatter cannot change): a function may
# shrink below these, never grow past them. Lower them when a long function is split.
LONGEST_FUNCTION = 65
FUNCTIONS_OVER_50 = 3


def _function_lengths():
    spec = importlib.util.spec_from_file_location(
        "function_lengths", ROOT / "scripts" / "function_lengths.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return sorted(module.functions(ROOT), reverse=True)


def test_no_function_grows_past_the_ratchet() -> None:
    rows = _function_lengths()
    assert rows[0][0] <= LONGEST_FUNCTION, f"longest function: {rows[0]}"
    long = [row for row in rows if row[0] > 50]
    assert len(long) <= FUNCTIONS_OVER_50, "functions over 50 statements:\n" + "\n".join(map(str, long))


def test_the_formatter_owns_every_line() -> None:
    """No comment that switches the formatter off for a line or a block: one layout, the formatter's."""
    marked = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("app", "widgets", "tests", "scripts", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#\s*fmt:\s*(skip|off)", line)
    ]
    assert not marked, marked
