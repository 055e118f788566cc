"""Background work through one helper (Anki's QueryOp/TaskManager, ReText's debounced conversion).

`Runner.run(op, on_done)` runs `op` on a single worker thread and calls `on_done(result)` back on the main
thread. The op receives core objects only (a snapshot of the model) and must never touch a widget. Tests use
`SyncRunner`, which runs the op at once. `Debouncer` delays work until the user pauses (QTimer.singleShot).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)


class Runner(QObject):
    """One worker thread; results come back through a queued signal, on the thread that owns the runner."""

    _finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="resolute-bg")
        self._finished.connect(self._deliver)

    def run(self, op: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        future = self._pool.submit(op)
        future.add_done_callback(lambda f: self._finished.emit(on_done, f))

    def _deliver(self, on_done: Callable[[Any], None], future: Future) -> None:
        try:
            result = future.result()
        except Exception:  # a failing check must never take the editor down
            log.exception("background work failed")
            return
        on_done(result)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class SyncRunner:
    """Runs the op at once, on the caller's thread: for tests and benchmarks."""

    def run(self, op: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        on_done(op())

    def shutdown(self) -> None:
        pass


class Debouncer(QObject):
    """Call `fn` once the calls stop for `delay_ms`; each new call restarts the wait."""

    def __init__(self, delay_ms: int, fn: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(fn)

    def poke(self) -> None:
        self._timer.start()

    def set_delay(self, delay_ms: int) -> None:
        self._timer.setInterval(delay_ms)

    def stop(self) -> None:
        """Drop a pending call."""
        self._timer.stop()

    def flush(self) -> None:
        """Run now if a call is pending."""
        if self._timer.isActive():
            self._timer.stop()
            self._timer.timeout.emit()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
