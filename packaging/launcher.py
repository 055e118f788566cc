"""Entry point of the frozen app: the same `resolute` as the installed command (editor, or CLI with a subcommand)."""

import multiprocessing
import sys

from app.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the child process that loads a PDF's pages first (app/io/pdf_probe.py)
    sys.exit(main())
