"""Nothing lost at the end: saving what is open on quit, on SIGTERM/SIGHUP and after a crash.

Textual does not handle termination signals, and an unhandled exception would
print locals (which could hold journal text): the app installs its own
handlers, asks every open screen to save (after the writer's queue has
landed), writes a crash log with no private text, and keeps one marker so a
second window is told, calmly, that it is a second window.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from tui.crash import CrashLogRefusedError, crash_message, crash_message_without_log, write_crash_log
from tui.paths import crash_log_path
from tui.ui.store_errors import store_write

if TYPE_CHECKING:
    from tui.store.instance import InstanceMarker
    from tui.store.store import Store
    from tui.ui.store_writer import StoreWriter

WRITE_DRAIN_SECONDS = 20.0  # at quit: queued writes may wait for another process's lock this long


class CarefulApp(App[None]):
    """Signals, saving everything open, the crash log, and the one-window marker."""

    writes: StoreWriter
    _instance_marker: InstanceMarker

    @property
    def store(self) -> Store:
        """The open database (the app provides it)."""
        raise NotImplementedError

    def _mark_instance(self) -> None:
        from tui.store.instance import InstanceMarker

        if self.store.path is None:
            return
        self._instance_marker = InstanceMarker(self.store.path)
        if self._instance_marker.acquire():
            # Busy: perhaps an app whose terminal just closed and is still saving. Wait for it off the UI thread.
            self.run_worker(self._wait_for_closing_app, thread=True, exclusive=True, group="instance")

    def _wait_for_closing_app(self) -> None:
        if self._instance_marker.another_app_still_open():
            self.call_from_thread(self._say_open_twice)

    def _say_open_twice(self) -> None:
        self.notify(
            "Heartwork is also open in another window. Both are safe to use; "
            "changes from each appear in the other within a few seconds.",
            title="Open twice",
            timeout=10,
        )

    def _install_signal_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self._on_terminate_signal)
        except (NotImplementedError, RuntimeError, ValueError):
            pass

    def _on_terminate_signal(self) -> None:
        self.save_pending()
        marker = getattr(self, "_instance_marker", None)
        if marker is not None:
            marker.release()  # saved: a restart from a new terminal is not "open twice"
        self.exit()

    def save_pending(self) -> None:
        """Ask every open screen to save what it holds (drafts, running sessions)."""
        self.writes.drain(timeout=WRITE_DRAIN_SECONDS)  # what is queued lands first, in order
        for screen in self._open_screens():
            saver = getattr(screen, "save_pending", None)
            if callable(saver):
                with store_write(self):
                    saver()

    def _open_screens(self) -> Iterable[Screen[Any]]:
        seen: set[int] = set()
        stacks = [self.screen_stack, *self._screen_stacks.values()]
        for stack in stacks:
            for screen in stack:
                if id(screen) not in seen:
                    seen.add(id(screen))
                    yield screen

    def _fatal_error(self) -> None:
        """Never print tracebacks with locals (they could hold journal text)."""
        from rich.text import Text

        error = getattr(self, "_last_error", None)
        message = crash_message(crash_log_path())
        try:
            if error is not None:
                message = crash_message(write_crash_log(error))
        except CrashLogRefusedError as refused:
            message = crash_message_without_log(refused)
        except OSError:
            pass
        self.save_pending_quietly()
        self._exit_renderables.append(Text(message))
        self._close_messages_no_wait()

    def _handle_exception(self, error: Exception) -> None:
        self._last_error = error
        super()._handle_exception(error)

    def save_pending_quietly(self) -> None:
        try:
            self.save_pending()
        except Exception:
            pass
