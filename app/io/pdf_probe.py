"""A PDF's pages read in a child process, so that no PDF can take the editor or the command line down.

PDFium builds a page's objects when it loads the page, and it draws a form XObject (a drawing reused by name)
anew at each use, forms inside forms included: a 2 KB page whose form draws itself twice took 4 GB in 20 s and
then PDFium aborted the whole process (an editor with unsaved drafts open would be gone). A font whose
/ToUnicode maps one code to 10,000 characters did the same from a page of one object, while its text was made.
Neither can be counted before PDFium has done it, so the pages are read in a process of their own, with a
deadline and, where the system allows, a memory limit: a page that takes too long, too much memory or stops PDFium is said in one
line, and the texts read there come back to this process.

Where no child process can be started (a locked-down system), the file is read as before, with the bounds of
`app.io.pdf_file` on each page's objects.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import time
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from app import cancelling
from app.errors import InputError
from app.messages import reason, say

if TYPE_CHECKING:
    from app.io.pdf_grid import PdfGrids

DEADLINE = 60.0  # seconds for all pages: the 500 pages of the bound are read in about 8 s
# bytes of address space for the child (Unix): loading the 52 pages of A/80/L.17 fits in 256 MB
MEMORY = 1 << 30
_SLICE = 0.1  # seconds between looks at whether the user stopped the read
_STARTED: list[multiprocessing.context.BaseContext] = []


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one (a child forked from a small process with PDFium loaded: fast, and safe
    beside the editor's threads), spawn elsewhere (Windows) and in the frozen app (its launcher calls
    `multiprocessing.freeze_support`, which knows spawn's command line)."""
    if not _STARTED:
        frozen = getattr(sys, "frozen", False)
        method = (
            "forkserver"
            if "forkserver" in multiprocessing.get_all_start_methods() and not frozen
            else "spawn"
        )
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["app.io.pdf_probe", "app.io.pdf_file", "pypdfium2"])
        _STARTED.append(context)
    return _STARTED[0]


def pages_apart(
    data: bytes, name: str, bounds: tuple[int, int, int], tables: bool = False
) -> tuple[list[str], list[bytearray], PdfGrids | None] | None:
    """What `app.io.pdf_file.read_pages` reads (the pages' texts and italic flags, and with `tables` their ruled
    tables), read in a child process; InputError naming the page that stopped it, took too long or passed
    `bounds`; `app.cancelling.Cancelled`, the child ended, when the user stops the read. None where no child
    process can start."""
    try:
        context = _context()
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_read_pages, args=(sender, data, name, bounds, MEMORY, tables), daemon=True
        )
        child.start()
    except (OSError, EOFError, RuntimeError, ValueError):  # no child process here: read in this one
        return None
    sender.close()
    page, end = 1, time.monotonic() + DEADLINE  # for all pages: a page each under it could add up to hours
    started = (
        False  # the child said it runs: until then, a child that ends is this system's doing, not the file's
    )
    try:
        while True:
            if not _answered(receiver, end):  # started or not: the file may be why
                raise InputError(
                    say(
                        "{name}: page {page} takes far too long to read (a damaged PDF file)",
                        name=name,
                        page=page,
                    )
                )
            try:
                kind, said = receiver.recv()
            except (EOFError, OSError):
                if not started:
                    return None
                raise InputError(
                    say(
                        "{name}: page {page} cannot be read (it needs far more memory than a page of text, or "
                        "PDFium stopped on it: a damaged PDF file)",
                        name=name,
                        page=page,
                    )
                ) from None
            started = True
            if kind in ("started", "page"):
                page = said
            elif kind == "refused":
                raise InputError(said)
            elif kind == "damaged":
                raise InputError(say("{name} is a damaged PDF file (a page cannot be read)", name=name))
            else:
                return said
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)


def _answered(receiver: Connection, end: float) -> bool:
    """Wait for the child's next word until `end` (False: the deadline passed), a slice at a time: a user who
    stops the read (app.cancelling) stops it within a tenth of a second, and the caller's `finally` ends the child."""
    while True:
        cancelling.check()
        left = end - time.monotonic()
        if receiver.poll(max(0.0, min(left, _SLICE))):
            return True
        if left <= _SLICE:
            return False


def _read_pages(
    sender: Connection, data: bytes, name: str, bounds: tuple[int, int, int], memory: int, tables: bool
) -> None:
    """In the child: read the pages, saying each page's number before loading it, then send what was read."""
    # no resource module (Windows), or a limit the system does not allow: the deadline still holds
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    import pypdfium2

    from app.io.pdf_file import read_pages

    sender.send(("started", 1))
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        sender.send(("damaged", None))
        return
    try:
        read = read_pages(document, name, bounds, lambda number: sender.send(("page", number)), tables=tables)
    except InputError as exc:
        sender.send(("refused", reason(exc)))  # a `say` message: this process words it in its own language
    except (pypdfium2.PdfiumError, MemoryError):
        sender.send(("damaged", None))
    else:
        sender.send(("done", read))
    finally:
        document.close()
