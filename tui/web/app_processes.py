"""One app process per browser tab, and stopping every one of them the way a terminal would.

textual-serve's ``AppService`` starts the app with a shell and stops it with a
"quit" message, which ends the app without saving what is pending (a journal
draft, a running session). Here each app runs directly (no shell), in its own
session so the terminal's Ctrl+C reaches only the server, and is stopped with
SIGTERM, which the app answers by saving what is pending and exiting
(``HeartworkApp._on_terminate_signal``); one that has not ended in
``STOP_GRACE_SECONDS`` is killed.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from asyncio.subprocess import Process
from collections.abc import Sequence
from typing import Any

from textual_serve.app_service import AppService

STOP_GRACE_SECONDS = 10.0


class LiveProcesses:
    """Every app process this server started and that has not ended yet."""

    def __init__(self) -> None:
        self._live: set[Process] = set()

    def add(self, process: Process) -> None:
        self._live.add(process)

    def discard(self, process: Process) -> None:
        self._live.discard(process)

    def __len__(self) -> int:
        return len(self._live)

    async def stop_all(self) -> None:
        """Ask every app to save and end; kill the ones still running after the grace time."""
        await asyncio.gather(*(stop_process(process) for process in list(self._live)))
        self._live.clear()


async def stop_process(process: Process) -> None:
    if process.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), STOP_GRACE_SECONDS)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()


class TrackedAppService(AppService):
    """textual-serve's AppService, running ``argv`` directly and stopped with SIGTERM."""

    def __init__(self, argv: Sequence[str], live: LiveProcesses, **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self._argv = list(argv)
        self._live = live

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        process = await asyncio.create_subprocess_exec(
            *self._argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,  # Ctrl+C in the terminal goes to the server, which stops each app
        )
        assert process.stdin is not None
        self._process = process
        self._stdin = process.stdin
        self._live.add(process)
        return process

    async def stop(self) -> None:
        """The tab closed or the server is stopping: the app saves what is pending and ends."""
        process = self._process
        if process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        await stop_process(process)
        self._live.discard(process)
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
