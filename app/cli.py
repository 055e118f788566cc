"""The command line: check, export, new, templates, compare, amend, compile.

Exit codes: 0 fine, 1 the document has errors (check), 2 the input cannot be read or the command is wrong,
3 an internal error (a bug in Resolute: one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
from pathlib import Path

from app import __version__, interface
from app.errors import InputError, ResoluteError
from app.findings import Severity
from app.interface import counted
from app.interface import languages as interface_languages
from app.messages import localize, reason, say
from app.reasons import why

COMMANDS = ("check", "export", "new", "templates", "compare", "amend", "compile")
EXIT_ERRORS, EXIT_INPUT, EXIT_INTERNAL = 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="resolute", description="Draft UN resolutions that follow UN conventions."
    )
    p.add_argument("--version", action="version", version=f"resolute {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="list convention, spelling and style findings")
    c.add_argument("file", type=Path)
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument(
        "--lang",
        default="en",
        choices=tuple(interface_languages()),
        help="language of the messages (default English: the JSON's `message` is always English; another "
        "language adds `text`)",
    )
    c.add_argument("--base", type=Path, help="for an amendment: the draft it amends, to find each paragraph")

    e = sub.add_parser("export", help="write the document as .docx, .pdf, .json (project), .txt or .xml")
    e.add_argument("file", type=Path)
    e.add_argument("-o", "--output", type=Path, required=True)

    n = sub.add_parser("new", help="start a project file from an organ template")
    n.add_argument("--template", required=True, help="template id (see: resolute templates)")
    n.add_argument("--language", default="en", help="the draft's language: en, fr, es (resources/languages/)")
    n.add_argument("-o", "--output", type=Path, required=True)
    n.add_argument(
        "--force", action="store_true", help="replace OUTPUT if it exists (the old file is kept as OUTPUT~)"
    )

    sub.add_parser("templates", help="list the organ templates")

    cmp_ = sub.add_parser("compare", help="a .docx with Word tracked changes from BASE to NEW")
    cmp_.add_argument("base", type=Path)
    cmp_.add_argument("new", type=Path)
    cmp_.add_argument("-o", "--output", type=Path, required=True)

    a = sub.add_parser(
        "amend", help="the amendment that turns BASE into PROPOSED; --apply: the amended draft"
    )
    a.add_argument("first", type=Path, metavar="BASE", help="the draft amended (with --apply: the amendment)")
    a.add_argument("second", type=Path, metavar="PROPOSED", help="the draft as proposed (with --apply: BASE)")
    a.add_argument("--apply", action="store_true", help="apply the amendment FIRST to the draft SECOND")
    a.add_argument("--sponsor", default="", help="who submits the amendment: 'Russian Federation'")
    a.add_argument("--symbol", default="", help="the amendment's own symbol: A/80/L.19")
    a.add_argument("-o", "--output", type=Path, required=True)
    comp = sub.add_parser("compile", help="a compilation of delegations' proposals on BASE (.docx or .txt)")
    comp.add_argument("base", type=Path)
    comp.add_argument("proposals", nargs="+", metavar="PROPOSAL", help="a tracked .docx, or NAME=FILE")
    comp.add_argument("-o", "--output", type=Path, required=True)
    return p


def _tolerant_output() -> None:
    """Findings quote the draft's words and its file name: an output that cannot encode one (an ASCII pipe, a
    console code page, a name with a byte that is not UTF-8 under a strict UTF-8 locale) shows it escaped,
    where it stopped the command half-way with an internal error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream already closed or detached
                reconfigure(errors="backslashreplace")


def run(argv: list[str]) -> int:
    _tolerant_output()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message
        return 0 if exc.code == 0 else 2
    if not args.command:
        parser.print_help()
        return 2
    try:
        _refuse_overwriting_an_input(args)
        code = _COMMANDS[args.command](args)
        sys.stdout.flush()  # here, where a closed pipe or a full disk is said, not at the interpreter's exit
        return code
    except ResoluteError as exc:  # in the language --lang asked for, where the command takes one
        print(f"resolute: {localize(reason(exc))}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("resolute: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        if exc.errno not in _OUTPUT_LOST:
            return _internal(exc)
        return _output_lost(exc)
    except Exception as exc:  # a bug, not the user's file: its own code, and one line instead of a traceback
        return _internal(exc)


# the output's reader went away (`resolute check x | head -1`), or the disk under it is full: the user's
# surroundings, not a bug in Resolute (they ended as "internal error … please report it", exit 3)
_OUTPUT_LOST = {errno.EPIPE, errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def _output_lost(exc: OSError) -> int:
    with contextlib.suppress(OSError, ValueError, AttributeError):  # nothing more goes to a closed pipe
        out = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out)
        os.close(devnull)
    if exc.errno == errno.EPIPE:
        said = say("the output was closed before all of it was written")
    else:
        said = say("cannot write the output: {reason}", reason=why(exc))
    with contextlib.suppress(OSError, ValueError):
        print(f"resolute: {localize(said)}", file=sys.stderr)
    return EXIT_INPUT


def _internal(exc: BaseException) -> int:
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    print(
        f"resolute: internal error ({exc.__class__.__name__}{': ' + detail if detail else ''}); "
        "please report it with the file",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _check(args: argparse.Namespace) -> int:
    from app.conventions.engine import check_document
    from app.io.reading import read_document

    interface.use(args.lang)
    result = read_document(args.file)
    findings = result.findings + check_document(result.resolution)
    if args.base is not None:
        from app.conventions.amendment import base_findings

        findings += base_findings(result.resolution, read_document(args.base).resolution)
    if args.format == "json":
        print(json.dumps([f.as_dict(args.lang) for f in findings], ensure_ascii=False, indent=1))
    else:
        from app.place_words import place_in, severity_in
        from app.render import place_names, render

        labels = place_names(render(result.resolution).blocks)
        for f in findings:
            where = place_in(labels.get(f.paragraph_id, f.paragraph_id))
            print(f"{args.file.name}: {where}: {severity_in(f.severity)}: {localize(f.message)} [{f.rule}]")
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = sum(f.severity is Severity.WARNING for f in findings)
        notes = len(findings) - errors - warnings
        print(counted(errors, warnings, notes))
    return EXIT_ERRORS if any(f.severity is Severity.ERROR for f in findings) else 0


def _export(args: argparse.Namespace) -> int:
    from app.io.reading import read_document

    result = read_document(args.file)
    for f in result.findings:
        print(f"{args.file.name}: {f.severity.value}: {f.message} [{f.rule}]", file=sys.stderr)
    _write(result.resolution, args.output)
    return 0


def _refuse_overwriting_an_input(args: argparse.Namespace) -> None:
    """`-o` naming a file the command reads would replace it, and lose what Resolute cannot read."""
    out = getattr(args, "output", None)
    if out is None:
        return
    inputs = [v for k, v in vars(args).items() if k != "output" and isinstance(v, Path)]
    inputs += [Path(v.partition("=")[2] or v) for v in getattr(args, "proposals", None) or []]
    for path in inputs:
        if _same_file(path, out):
            raise ResoluteError(
                say(
                    "the output {name} is a file this command reads: choose another name (what Resolute cannot "
                    "read, such as embedded content, would be lost)",
                    name=out.name,
                )
            )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return b.exists() and a.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _write(res, out: Path) -> None:
    from app.model import refuse_oversized

    # an amended draft may grow past what every reader takes (an amendment's rows added to a table of 4,990):
    # written, it was a file `check` and the editor refused as damaged
    refuse_oversized(res)
    suffix = out.suffix.lower()
    if suffix == ".docx":
        from app.io.docx_writer import write_docx
        from app.negotiation.status import refuse_brackets

        refuse_brackets(res)  # the L document is made only from a text without brackets
        write_docx(res, out)
    elif suffix == ".json":
        from app.storage import save_project

        save_project(res, out)
    elif suffix == ".txt":
        from app.atomic import write_text
        from app.io.text_writer import to_text

        write_text(out, to_text(res))
    elif suffix == ".pdf":
        try:  # the PDF is drawn by Qt, which the core does without
            from widgets.pdf_export import write_pdf
        except ImportError as exc:
            raise InputError(
                say("PDF export needs PySide6 (Qt), which is not available: {reason}", reason=str(exc))
            ) from None
        write_pdf(res, out)
    elif suffix == ".xml":
        from app.atomic import write_atomic
        from app.io.akn_writer import to_akn

        write_atomic(out, to_akn(res))
    else:
        raise ResoluteError(
            say("cannot export to '{kind}': use .docx, .pdf, .json, .txt or .xml", kind=suffix or out.name)
        )


def _new(args: argparse.Namespace) -> int:
    from app.documents import new_resolution
    from app.files import exists
    from app.storage import save_project

    if (
        exists(args.output, regular=True) and not args.force
    ):  # an empty draft over a delegate's project is no start
        raise InputError(
            say(
                "{name} already exists: choose another name, or pass --force to replace it",
                name=args.output.name,
            )
        )
    save_project(new_resolution(args.template, language=args.language), args.output)
    return 0


def _templates(args: argparse.Namespace) -> int:
    from app.templates import all_templates

    for tpl in all_templates().values():
        print(f"{tpl.id:<12} {tpl.name:<36} {tpl.symbol_pattern}")
    return 0


def _compare(args: argparse.Namespace) -> int:
    from app.compare.tracked import write_tracked_docx
    from app.io.reading import read_document

    if args.output.suffix.lower() != ".docx":  # Word revisions: a .txt or .json name would hide a Word file
        raise InputError(
            say(
                "cannot write a comparison to '{kind}': use .docx",
                kind=args.output.suffix or args.output.name,
            )
        )
    base = read_document(args.base).resolution
    new = read_document(args.new).resolution
    write_tracked_docx(base, new, args.output)
    return 0


def _amend(args: argparse.Namespace) -> int:
    from app import amendments
    from app.io.amendment_reader import SHOWN, unread
    from app.io.reading import read_document
    from app.io.text_header import split_sponsors
    from app.model import DocumentKind

    first = read_document(args.first).resolution
    second = read_document(args.second).resolution
    if args.apply:
        if first.header.kind is not DocumentKind.AMENDMENT:
            raise ResoluteError(
                say(
                    "{name} is not an amendment (its sponsor line names no draft amended)",
                    name=args.first.name,
                )
            )
        if texts := unread(first):  # an instruction no reader could read would be no change, exit 0
            raise InputError(
                say(
                    "{name} holds an instruction that cannot be read: “{text}”",
                    name=args.first.name,
                    text=texts[0][:SHOWN],
                )
            )
        _write(amendments.apply(first.instructions, second, first), args.output)
        return 0
    sponsors = split_sponsors(args.sponsor) if args.sponsor.strip() else []
    made = amendments.amendment(first, second, sponsors=sponsors, symbol=args.symbol.strip())
    if not made.instructions:  # an amendment of no instruction was written, exit 0, nothing said
        raise InputError(
            say(
                "{proposed} reads the same as {base}: there is no change for an amendment to carry",
                proposed=args.second.name,
                base=args.first.name,
            )
        )
    _write(made, args.output)
    return 0


def _compile(args: argparse.Namespace) -> int:
    from app.negotiation.commandline import compile_files

    compile_files(args.base, args.proposals, args.output)
    return 0


_COMMANDS = {
    "check": _check,
    "export": _export,
    "new": _new,
    "templates": _templates,
    "compare": _compare,
    "amend": _amend,
    "compile": _compile,
}
