"""Entry point of the frozen app: the same `resolute` as the installed command (editor, or CLI with a subcommand)."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
