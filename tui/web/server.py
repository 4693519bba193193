"""Serve Heartwork to a browser on this machine: textual-serve's server behind the access guard.

The page, fonts and script all come from this server (``templates/app_index.html``
uses the Roboto Mono files textual-serve ships instead of Google Fonts), and
every URL in the page is built from the request's own, checked, Host.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from tui.web.access import AccessGuard
from tui.web.app_processes import LiveProcesses, TrackedAppService

TEMPLATES = Path(__file__).resolve().parent / "templates"
SHUTDOWN_TIMEOUT_SECONDS = 3.0

log = logging.getLogger("heartwork.serve")


class HeartworkServer(Server):
    """textual-serve's Server with Heartwork's page, access control and app processes."""

    def __init__(self, argv: Sequence[str], guard: AccessGuard) -> None:
        super().__init__(" ".join(argv), host="127.0.0.1", port=guard.port, title="Heartwork", templates_path=TEMPLATES)
        self.argv = list(argv)
        self.guard = guard
        self.live = LiveProcesses()

    def make_app(self) -> web.Application:
        """textual-serve's routes, each behind the guard."""
        app = web.Application(middlewares=[self.guard.middleware()])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        return app

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, with every URL on the Host the browser used (its cookie is for that name only)."""
        base = f"http://{request.host}"
        static = f"{base}{request.app.router['static'].url_for(filename='/')}".rstrip("/") + "/"
        context: dict[str, Any] = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{request.host}{request.app.router['websocket'].url_for()}",
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab: start an app process for it and pass keys and screen both ways."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: TrackedAppService | None = None
        try:
            await websocket.prepare(request)
            service = TrackedAppService(
                self.argv,
                self.live,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # never with locals: what the person types passes through here
            log.error("A browser tab's connection failed: %s", type(error).__name__)
        finally:
            if service is not None:
                await service.stop()
        return websocket


def bind_local(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 only (port 0: a free one the system picks)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def serve(argv: Sequence[str], sock: socket.socket, guard: AccessGuard, on_ready: Callable[[], None]) -> None:
    """Serve until Ctrl+C (SIGINT), SIGTERM or SIGHUP, then stop every app process and return."""
    logging.basicConfig(level=logging.WARNING, format="heartwork serve: %(message)s")
    asyncio.run(_serve(HeartworkServer(argv, guard), sock, on_ready))


async def _serve(server: HeartworkServer, sock: socket.socket, on_ready: Callable[[], None]) -> None:
    runner = web.AppRunner(
        server.make_app(), access_log=None, handle_signals=False, shutdown_timeout=SHUTDOWN_TIMEOUT_SECONDS
    )
    await runner.setup()
    await web.SockSite(runner, sock).start()
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stopping.set)
    on_ready()
    try:
        await stopping.wait()
    finally:
        await server.live.stop_all()
        await runner.cleanup()
