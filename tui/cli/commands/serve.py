"""``heartwork serve [--port N] [--open]``: the app in a browser tab, on this machine only.

Needs the optional extra ``heartwork[web]`` (textual-serve), imported only
inside :func:`run`. The server listens on 127.0.0.1 and nowhere else, prints
one URL with a one-time token, and runs each tab's app in its own process on
the same database (the store's locking keeps them safe together).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Any

from tui.cli.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, fail

LOCAL_HOSTS = ("127.0.0.1", "localhost")
MISSING_EXTRA = "the browser version needs an extra: pip install 'heartwork[web]'"
OPEN_PAGE_LIFETIME_SECONDS = 60.0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "serve", parents=[common], help="open Heartwork in a browser tab on this computer (needs heartwork[web])"
    )
    parser.add_argument("--port", type=int, default=0, metavar="N", help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument(
        "--host", default="127.0.0.1", metavar="HOST", help="only 127.0.0.1 or localhost: never the network"
    )
    parser.add_argument("--open", action="store_true", help="open the page in your default browser")
    parser.set_defaults(func=run)


def app_argv(args: argparse.Namespace) -> list[str]:
    """The command each tab runs: this same Heartwork, on the same database and theme."""
    argv = [sys.executable, "-m", "tui"]
    db = getattr(args, "db", None)
    if db:
        argv += ["--db", str(Path(os.path.realpath(Path(db).expanduser())))]
    theme = getattr(args, "theme", None)
    if theme:
        argv += ["--theme", theme]
    return argv


def problem_with(args: argparse.Namespace) -> str | None:
    """Why these options cannot be served, in one line; None when they can."""
    if args.host.lower() not in LOCAL_HOSTS:
        return f"serve listens on 127.0.0.1 only, so what you write stays on this computer (not {args.host!r})"
    if not 0 <= args.port <= 65535:
        return f"--port must be between 1 and 65535 (or 0 for a free one), not {args.port}"
    theme = getattr(args, "theme", None)
    if theme is not None:
        from tui.content.themes import theme_names
        from tui.paths import user_themes_dir

        known = theme_names(user_themes_dir())
        if theme not in known:
            return f"unknown theme {theme!r}; known themes: {', '.join(known)}"
    return None


def database_problem(args: argparse.Namespace) -> str | None:
    """Open the database read-only once, so a problem is told here and not in a browser tab."""
    from tui.cli.commands.common import open_store
    from tui.store.errors import CorruptDatabaseError, StoreError

    try:
        open_store(args, read_only=True).close()
    except CorruptDatabaseError:
        return "your database needs looking after first: run `heartwork` in this terminal, then serve again"
    except StoreError as error:
        return str(error)
    return None


def run(args: argparse.Namespace) -> int:
    problem = problem_with(args)
    if problem:
        return fail(problem, EXIT_USAGE)
    if importlib.util.find_spec("textual_serve") is None:
        return fail(MISSING_EXTRA, EXIT_USAGE)
    problem = database_problem(args)
    if problem:
        return fail(problem, EXIT_FAILURE)
    from tui.web.access import AccessGuard
    from tui.web.server import bind_local, serve

    try:
        sock = bind_local(args.port)
    except OSError as error:
        return fail(f"could not listen on 127.0.0.1:{args.port}: {error.strerror or error}", EXIT_USAGE)
    guard = AccessGuard(port=sock.getsockname()[1])
    url = guard.start_url("localhost" if args.host.lower() == "localhost" else "127.0.0.1")

    leftovers: list[Path] = []

    def ready() -> None:
        print("Heartwork is ready in your browser, on this computer only. Open this link (it works once):")
        print(f"    {url}")
        print("Press Ctrl+C here to stop; every open tab saves what it holds first.", flush=True)
        if args.open:
            leftovers.append(open_in_browser(url))

    try:
        serve(app_argv(args), sock, guard, ready)
    finally:
        for folder in leftovers:
            remove_open_page(folder)
    print("Stopped. Every tab's app has closed.")
    return EXIT_OK


def open_in_browser(url: str) -> Path:
    """Open ``url`` through a private page, so the token never shows in another process's arguments.

    Like Jupyter: the browser is given a file only this person can read, which
    moves on to the URL; the file is removed a minute later, or when serving stops.
    Returns the folder to remove.
    """
    page = write_open_page(url)
    if not webbrowser.open(page.as_uri()):
        print("heartwork: could not open a browser; open the link above by hand.", file=sys.stderr)
    timer = threading.Timer(OPEN_PAGE_LIFETIME_SECONDS, remove_open_page, args=(page.parent,))
    timer.daemon = True
    timer.start()
    return page.parent


def write_open_page(url: str) -> Path:
    """A page readable only by this person (0600 in a 0700 folder) that moves on to ``url``."""
    folder = Path(tempfile.mkdtemp(prefix="heartwork-open-"))
    page = folder / "open.html"
    descriptor = os.open(page, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(f'<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={url}">\n')
    return page


def remove_open_page(folder: Path) -> None:
    (folder / "open.html").unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass
