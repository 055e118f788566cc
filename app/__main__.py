"""`resolute` and `python -m app`: the editor with no argument or a file, the CLI with a subcommand."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from app import cli

    if args and (args[0] in cli.COMMANDS or args[0] in ("-h", "--help", "--version")):
        return cli.run(args)
    from app.errors import ResoluteError
    from app.messages import localize, reason

    try:
        from widgets.app import run_editor
    except ImportError as exc:  # PySide6 missing or broken: the CLI still works
        print(
            f"resolute: the editor cannot start ({exc}); the command line works: resolute --help",
            file=sys.stderr,
        )
        return 2
    except (
        ResoluteError
    ) as exc:  # a data file edited by hand (a languages file): its one line, not a traceback
        print(f"resolute: {localize(reason(exc))}", file=sys.stderr)
        return 2
    try:
        return run_editor(args)
    except ResoluteError as exc:
        print(f"resolute: {localize(reason(exc))}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
