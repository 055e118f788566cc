"""The command line: check, export, new, templates, compare.

Exit codes: 0 fine, 1 the document has errors (check), 2 the input cannot be read or the command is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app import __version__
from app.errors import InputError, ResoluteError
from app.findings import Severity

COMMANDS = ("check", "export", "new", "templates", "compare")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="resolute", description="Draft UN resolutions that follow UN conventions."
    )
    p.add_argument("--version", action="version", version=f"resolute {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="list convention, spelling and style findings")
    c.add_argument("file", type=Path)
    c.add_argument("--format", choices=("text", "json"), default="text")

    e = sub.add_parser("export", help="write the document as .docx, .pdf, .json (project), .txt or .xml")
    e.add_argument("file", type=Path)
    e.add_argument("-o", "--output", type=Path, required=True)

    n = sub.add_parser("new", help="start a project file from an organ template")
    n.add_argument("--template", required=True, help="template id (see: resolute templates)")
    n.add_argument("-o", "--output", type=Path, required=True)

    sub.add_parser("templates", help="list the organ templates")

    cmp_ = sub.add_parser("compare", help="a .docx with Word tracked changes from BASE to NEW")
    cmp_.add_argument("base", type=Path)
    cmp_.add_argument("new", type=Path)
    cmp_.add_argument("-o", "--output", type=Path, required=True)
    return p


def run(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message
        return 0 if exc.code == 0 else 2
    if not args.command:
        parser.print_help()
        return 2
    try:
        return _COMMANDS[args.command](args)
    except ResoluteError as exc:
        print(f"resolute: {exc}", file=sys.stderr)
        return 2


def _check(args: argparse.Namespace) -> int:
    from app.conventions.engine import check_document
    from app.io.reading import read_document

    result = read_document(args.file)
    findings = result.findings + check_document(result.resolution)
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        from app.render import place_names, render

        labels = place_names(render(result.resolution).blocks)
        for f in findings:
            where = labels.get(f.paragraph_id, "header" if not f.paragraph_id else f.paragraph_id)
            print(f"{args.file.name}: {where}: {f.severity.value}: {f.message} [{f.rule}]")
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = sum(f.severity is Severity.WARNING for f in findings)
        print(f"{errors} errors, {warnings} warnings, {len(findings) - errors - warnings} notes")
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _export(args: argparse.Namespace) -> int:
    from app.io.reading import read_document

    result = read_document(args.file)
    for f in result.findings:
        print(f"{args.file.name}: {f.severity.value}: {f.message} [{f.rule}]", file=sys.stderr)
    _write(result.resolution, args.output)
    return 0


def _write(res, out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix == ".docx":
        from app.io.docx_writer import write_docx

        write_docx(res, out)
    elif suffix == ".json":
        from app.storage import save_project

        save_project(res, out)
    elif suffix == ".txt":
        from app.atomic import write_atomic
        from app.io.text_writer import to_text

        write_atomic(out, to_text(res).encode("utf-8"))
    elif suffix == ".pdf":
        try:  # the PDF is drawn by Qt, which the core does without
            from widgets.pdf_export import write_pdf
        except ImportError as exc:
            raise InputError(f"PDF export needs PySide6 (Qt), which is not available: {exc}") from None
        write_pdf(res, out)
    elif suffix == ".xml":
        from app.atomic import write_atomic
        from app.io.akn_writer import to_akn

        write_atomic(out, to_akn(res))
    else:
        raise ResoluteError(f"cannot export to '{suffix or out.name}': use .docx, .pdf, .json, .txt or .xml")


def _new(args: argparse.Namespace) -> int:
    from app.documents import new_resolution
    from app.storage import save_project

    save_project(new_resolution(args.template), args.output)
    return 0


def _templates(args: argparse.Namespace) -> int:
    from app.templates import all_templates

    for tpl in all_templates().values():
        print(f"{tpl.id:<12} {tpl.name:<36} {tpl.symbol_pattern}")
    return 0


def _compare(args: argparse.Namespace) -> int:
    from app.compare.tracked import write_tracked_docx
    from app.io.reading import read_document

    base = read_document(args.base).resolution
    new = read_document(args.new).resolution
    write_tracked_docx(base, new, args.output)
    return 0


_COMMANDS = {"check": _check, "export": _export, "new": _new, "templates": _templates, "compare": _compare}
