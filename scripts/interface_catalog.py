"""The editor's texts a catalog must translate, found by reading the code, and what each catalog lacks or keeps
that the code no longer has.

    python scripts/interface_catalog.py [CODE ...]     (default: every catalog in resources/interface/)

A text is the string literal given to `tr`, `marked` or `plural` (app.interface) anywhere in app/ and widgets/.
For each catalog it prints the missing texts as TOML lines to fill in (`"English" = ""`) and the stale keys, and
exits 1 when anything is missing. tests/core/test_interface_catalogs.py runs the same reading.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOOKUPS = {"tr": (0,), "marked": (0,), "plural": (1, 2)}  # function -> the arguments that are texts


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def file_texts(path: Path) -> dict[str, str]:
    """text -> "file:line" of its first use in one source file."""
    out: dict[str, str] = {}
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or _name(node.func) not in LOOKUPS:
            continue
        for index in LOOKUPS[_name(node.func)]:
            arg = node.args[index] if index < len(node.args) else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                out.setdefault(arg.value, f"{shown}:{node.lineno}")
    return out


def texts() -> dict[str, str]:
    """Every text of the interface: text -> where it is first used."""
    out: dict[str, str] = {}
    for folder in ("app", "widgets"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for text, where in file_texts(path).items():
                out.setdefault(text, where)
    return out


def toml_key(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string is a JSON string


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from app import interface

    wanted = texts()
    codes = argv or [c for c in interface.languages() if c != interface.ENGLISH]
    status = 0
    for code in codes:
        have = interface.catalog(code)
        missing = [t for t in wanted if t not in have]
        stale = [t for t in have if t not in wanted]
        print(f"# {code}: {len(wanted)} texts, {len(missing)} missing, {len(stale)} no longer in the code")
        for text in missing:
            print(f'{toml_key(text)} = ""  # {wanted[text]}')
        for text in stale:
            print(f"# stale: {toml_key(text)}")
        status = status or int(bool(missing))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
