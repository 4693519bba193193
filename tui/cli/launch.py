"""Open the full-screen app for the CLI: resolve paths, open the store, run."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import Any

from tui.cli.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, fail
from tui.cli.commands.passphrase_prompt import PASSPHRASE_FILE_VARIABLE, NoPassphraseError, unlock_locked
from tui.cli.section_hooks import SECTION_VALIDATORS
from tui.content.themes import theme_names
from tui.paths import database_location, user_themes_dir
from tui.store.errors import CorruptDatabaseError, DatabaseLockedError, StoreError, UnsafeFolderError
from tui.store.store import Store


def section_options(args: argparse.Namespace) -> dict[str, Any]:
    """Arguments named "<section>_<option>" become the section screen's options."""
    prefix = f"{args.section}_"
    return {key[len(prefix) :]: value for key, value in vars(args).items() if key.startswith(prefix)}


def launch_app(args: argparse.Namespace) -> int:
    # Start-up builds tens of thousands of long-lived objects (modules, CSS,
    # widgets); the cyclic collector would walk them again and again before the
    # first frame. It is paused until the app has drawn, then the start-up heap
    # is frozen and collection resumes (see HeartworkApp._freeze_startup_heap).
    gc.disable()
    try:
        return _launch(args)
    finally:
        gc.enable()


def _open_unlocking(path: Path, own_folder: bool) -> Store:
    """Open the store, asking for the passphrase first if the file is locked (key kept in memory only)."""
    try:
        return Store.open(path, own_folder=own_folder)
    except DatabaseLockedError as locked:
        if os.environ.get(PASSPHRASE_FILE_VARIABLE) or not (sys.stdin.isatty() and sys.stdout.isatty()):
            unlock_locked(locked)
        else:
            from tui.ui.unlock_app import UnlockApp

            if not UnlockApp(locked).run():
                raise NoPassphraseError("the data stays locked; nothing was changed") from None
        return Store.open(path, own_folder=own_folder)


def _launch(args: argparse.Namespace) -> int:
    theme = getattr(args, "theme", None)
    if theme is not None:
        known = theme_names(user_themes_dir())
        if theme not in known:
            return fail(f"unknown theme {theme!r}; known themes: {', '.join(known)}", EXIT_USAGE)
    location = database_location(getattr(args, "db", None))
    try:
        store = _open_unlocking(location.path, location.own_folder)
    except NoPassphraseError as error:
        return fail(str(error), EXIT_USAGE)
    except CorruptDatabaseError as error:
        from tui.cli.recovery import run_recovery

        if not run_recovery(error):
            return EXIT_FAILURE
        store = Store.open(location.path, own_folder=location.own_folder)
    except UnsafeFolderError as error:
        return fail(str(error), EXIT_USAGE)
    except StoreError as error:
        return fail(str(error), EXIT_FAILURE)
    validator = SECTION_VALIDATORS.get(args.section)
    problem = validator(args, store) if validator is not None else None
    if problem:
        store.close()
        return fail(problem, EXIT_USAGE)
    from tui.ui.app import Launch, create_app

    options = section_options(args)
    app = create_app(store, launch=Launch(section=args.section, options=options), theme=theme)
    try:
        app.run()
    finally:
        store.close()
    return EXIT_OK if app.return_code in (None, 0) else int(app.return_code or EXIT_FAILURE)
