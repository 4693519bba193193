"""The app's store writes, in order, without ever making the screen wait for another process.

A write the lock allows at once (the usual case: a few milliseconds on this
machine) runs right away on the UI thread, so what the person sees follows
at once. When another Heartwork process (a second window, a shell command,
a sync tool's merge) holds the lock, the write goes to one writer thread
that may wait for it; every later write queues behind it, so writes always
reach the disk in the order they were made (a draft never lands after the
entry that replaced it). Store errors become the one calm notification
(:func:`tui.ui.store_errors.report_store_error`), wherever the write ran.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message import Message

from tui.store.errors import StoreError
from tui.ui.store_errors import report_store_error, store_write

if TYPE_CHECKING:
    from textual.app import App

    from tui.store.database import Database

T = TypeVar("T")


class WriteFinished(Message):
    """A write in the writer thread ended: run ``then`` on the UI thread (posting is thread-safe)."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self.then = then


class StoreWriter:
    """One queue of store writes for one app (the app runs :class:`WriteFinished` messages)."""

    def __init__(self, app: App[Any], database: Callable[[], Database]) -> None:
        self._app = app
        self._database = database  # asked for at each write: the store may open after the app starts
        self._executor: ThreadPoolExecutor | None = None
        self._queued: list[Future[None]] = []
        self._lock = threading.Lock()

    @property
    def waiting(self) -> int:
        """How many writes are waiting in the writer thread."""
        with self._lock:
            self._queued = [future for future in self._queued if not future.done()]
            return len(self._queued)

    def submit(
        self,
        work: Callable[[], T],
        *,
        title: str = "Not saved",
        done: Callable[[T], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> bool:
        """Run ``work`` now if the lock is free and nothing is queued, else in the writer thread.

        ``done`` gets the result on the UI thread once the write has reached the
        disk; ``failed`` runs instead if it could not be saved (after the calm
        notification). Returns True when the write ran at once.
        """
        if not self.waiting:
            with self._database().transaction_if_free() as free:
                if free:
                    with store_write(self._app, title) as attempt:
                        result = work()
            if free:
                if attempt.failed:
                    if failed is not None:
                        failed()
                elif done is not None:
                    done(result)
                return True
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heartwork-store-writes")
        future = self._executor.submit(self._in_thread, work, title, done, failed)
        with self._lock:
            self._queued.append(future)
        return False

    def _in_thread(
        self,
        work: Callable[[], T],
        title: str,
        done: Callable[[T], None] | None,
        failed: Callable[[], None] | None,
    ) -> None:
        try:
            result = work()  # may wait for the lock here, never on the UI thread
        except StoreError as error:
            problem = error  # the name "error" is cleared when the except block ends

            def report() -> None:
                report_store_error(self._app, problem, title)
                if failed is not None:
                    failed()

            self._app.post_message(WriteFinished(report))
            return
        if done is not None:
            finished = done
            self._app.post_message(WriteFinished(lambda: finished(result)))

    def drain(self, timeout: float | None = None) -> None:
        """Wait until every queued write has finished (at quit, before the last saves)."""
        with self._lock:
            queued = list(self._queued)
        for future in queued:
            try:
                future.result(timeout=timeout)
            except Exception:  # already reported from the thread; quitting goes on
                pass

    def close(self) -> None:
        """Finish what is queued and stop the writer thread."""
        self.drain()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
