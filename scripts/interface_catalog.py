"""The editor's texts and the finding messages a catalog must translate, found by reading the code, and what each
catalog lacks or keeps that the code no longer has.

    python scripts/interface_catalog.py [CODE ...]     (default: every catalog in resources/interface/)

A text ([text]) is the string literal given to `tr`, `marked` or `plural` (app.interface) anywhere in app/ and
widgets/; a message ([messages]) is the template given to `say` (app.messages) there, or the `message` of a rule
file of the English style (resources/styles/UN: app.spelling.rules formats it with `say`). For each catalog it
prints the missing entries as TOML lines to fill in (`"English" = ""`) under their table and the stale keys, and
exits 1 when anything is missing. tests/core/test_interface_catalogs.py and test_message_catalogs.py run the same
reading.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOOKUPS = {
    "tr": (0,),
    "marked": (0,),
    "plural": (1, 2),
    "fill": (0,),
}  # function -> the arguments that are texts
MESSAGE_LOOKUPS = {"say": (0,), "say_plural": (1, 2)}
ENGLISH_STYLE = ROOT / "resources" / "styles" / "UN"  # the rule files whose messages are English templates


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def file_texts(path: Path, lookups: dict[str, tuple[int, ...]] = LOOKUPS) -> dict[str, str]:
    """text -> "file:line" of its first use in one source file (the literals given to `lookups`)."""
    out: dict[str, str] = {}
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or _name(node.func) not in lookups:
            continue
        for index in lookups[_name(node.func)]:
            arg = node.args[index] if index < len(node.args) else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                out.setdefault(arg.value, f"{shown}:{node.lineno}")
    return out


def texts(lookups: dict[str, tuple[int, ...]] = LOOKUPS) -> dict[str, str]:
    """Every text of the interface: text -> where it is first used."""
    out: dict[str, str] = {}
    for folder in ("app", "widgets"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for text, where in file_texts(path, lookups).items():
                out.setdefault(text, where)
    return out


def messages() -> dict[str, str]:
    """Every finding message and fix label template: template -> where it is first used."""
    from app.datafile import read_toml

    out = texts(MESSAGE_LOOKUPS)
    for path in sorted(ENGLISH_STYLE.glob("*.toml")):
        message = read_toml(path).get("message")
        if isinstance(message, str):
            out.setdefault(message, str(path.relative_to(ROOT)))
    return out


def toml_key(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string is a JSON string


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from app import interface

    tables = {"text": (texts(), interface.catalog), "messages": (messages(), interface.message_catalog)}
    codes = argv or [c for c in interface.languages() if c != interface.ENGLISH]
    status = 0
    for code in codes:
        for table, (wanted, catalog) in tables.items():
            have = catalog(code)
            missing = [t for t in wanted if t not in have]
            stale = [t for t in have if t not in wanted]
            print(
                f"# {code} [{table}]: {len(wanted)} texts, {len(missing)} missing, {len(stale)} no longer in the code"
            )
            for text in missing:
                print(f'{toml_key(text)} = ""  # {wanted[text]}')
            for text in stale:
                print(f"# stale: {toml_key(text)}")
            status = status or int(bool(missing))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
