"""Each page of a PDF loaded once in a child process before the editor or the command line loads it.

PDFium builds a page's objects when it loads the page, and it draws a form XObject (a drawing reused by name)
anew at each use, forms inside forms included: a 2 KB page whose form draws itself twice took 4 GB in 20 s and
then PDFium aborted the whole process (an editor with unsaved drafts open would be gone). Nothing can be counted
before the page is loaded, so the pages are loaded first in a process of their own, with a deadline and, where
the system allows, a memory limit: a page that takes too long, too much memory or stops PDFium is said in one
line, and the file is then read in this process only when every page loaded there.

Where no child process can be started (a locked-down system), the file is read as before, with the bounds of
`app.io.pdf_file` on each page's objects.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from multiprocessing.connection import Connection

from app.errors import InputError

DEADLINE = 60.0  # seconds for all pages: 500 pages load in about 2 s
# bytes of address space for the child (Unix): loading the 52 pages of A/80/L.17 fits in 256 MB
MEMORY = 1 << 30
_STARTED: list[multiprocessing.context.BaseContext] = []


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one (a child forked from a small process with PDFium loaded: fast, and safe
    beside the editor's threads), spawn elsewhere (Windows)."""
    if not _STARTED:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["app.io.pdf_probe", "pypdfium2"])
        _STARTED.append(context)
    return _STARTED[0]


def probe_pages(data: bytes, name: str, bounds: tuple[int, int]) -> None:
    """Load each page of the PDF `data` in a child process; InputError naming the page that stopped it, took too
    long or drew more objects than `bounds` allow. Returns when every page loaded."""
    try:
        context = _context()
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_load_pages, args=(sender, data, name, bounds, MEMORY), daemon=True)
        child.start()
    except (OSError, RuntimeError, ValueError):  # no child process here: read in this one, within the bounds
        return
    sender.close()
    page = 0
    try:
        while True:
            if not receiver.poll(DEADLINE):
                raise InputError(
                    f"{name}: page {max(page, 1)} takes far too long to read (a damaged PDF file)"
                )
            try:
                kind, said = receiver.recv()
            except (EOFError, OSError):
                raise InputError(
                    f"{name}: page {max(page, 1)} cannot be read (PDFium ran out of memory or stopped on it: a damaged PDF file)"
                ) from None
            if kind == "page":
                page = said
            elif kind == "refused":
                raise InputError(said)
            else:
                return
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)


def _load_pages(sender: Connection, data: bytes, name: str, bounds: tuple[int, int], memory: int) -> None:
    """In the child: load each page, say which before loading it, and say whether its objects pass `bounds`."""
    # no resource module (Windows), or a limit the system does not allow: the deadline still holds
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    import pypdfium2

    from app.io.pdf_file import refuse_crowded

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:  # the parent says what is wrong with the file
        sender.send(("done", None))
        return
    try:
        for number in range(len(document)):
            sender.send(("page", number + 1))
            page = document[number]
            try:
                refuse_crowded(page, f"{name}: page {number + 1}", bounds)
            finally:
                page.close()
    except InputError as exc:
        sender.send(("refused", str(exc)))
        return
    except (pypdfium2.PdfiumError, MemoryError):  # the parent reads the page again and says what it finds
        pass
    finally:
        document.close()
    sender.send(("done", None))
