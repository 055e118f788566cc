"""A read the user stops (app/cancelling.py): a PDF's child process is ended within a tenth of a second, the read
raises Cancelled, and a read nobody can stop (the command line, another thread) reads as before."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from app import cancelling
from app.io import pdf_probe
from app.io.reading import read_data
from tests.core.test_hostile_tenth import DRAFT, _lines, _shared, _with_forms


def _read_in_thread(data: bytes, flag: threading.Event) -> tuple[threading.Thread, dict[str, object]]:
    out: dict[str, object] = {}

    def run() -> None:
        try:
            with cancelling.stoppable(flag):
                out["result"] = read_data(data, "slow.pdf")
        except BaseException as exc:  # noqa: BLE001 - the test looks at what came out
            out["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def _until(condition, seconds: float) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "waited too long"
        time.sleep(0.02)


def test_stopping_a_pdf_read_ends_its_child_process() -> None:
    flag = threading.Event()
    thread, out = _read_in_thread(_shared(400, 20_000), flag)  # seconds of pages in the child
    _until(lambda: bool(multiprocessing.active_children()), 10)
    time.sleep(0.3)
    assert thread.is_alive()  # still reading
    started = time.monotonic()
    flag.set()
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - started < 2
    assert isinstance(out.get("error"), cancelling.Cancelled)
    assert not multiprocessing.active_children()


def test_without_a_child_process_the_pages_stop_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no child process can start, the pages are read here: the read stops at the next page."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no processes")

    monkeypatch.setattr(pdf_probe, "_context", refuse)
    flag = threading.Event()
    flag.set()
    thread, out = _read_in_thread(_with_forms([], _lines(DRAFT)), flag)
    thread.join(10)
    assert isinstance(out.get("error"), cancelling.Cancelled)


def test_a_stop_asked_on_one_thread_leaves_other_reads_alone() -> None:
    flag = threading.Event()
    flag.set()
    data = _with_forms([], _lines(DRAFT))
    with cancelling.stoppable(threading.Event()):  # a read that may be stopped, and is not
        assert read_data(data, "a.pdf").resolution.operative
    thread, out = _read_in_thread(data, flag)
    assert read_data(data, "b.pdf").resolution.operative  # no flag here: the command line's read
    thread.join(10)
    assert isinstance(out.get("error"), cancelling.Cancelled)
    assert not cancelling.requested()
