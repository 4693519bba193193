"""Open the full-screen app for the CLI: resolve paths, run the app, which opens the store in the background."""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, fail
from tui.paths import database_location, user_themes_dir

# Everything else is imported where it is needed: what the first frame waits for is
# only what it draws (issue 12.2), not the sections' options, the passphrase prompt or
# the store's folder checks.

if TYPE_CHECKING:
    from tui.ui.store_loading import Opened, StoreLoader, StoreOutcome


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


def _launch(args: argparse.Namespace) -> int:
    from tui.cli.commands.passphrase_prompt import NoPassphraseError

    theme = getattr(args, "theme", None)
    if theme is not None:
        from tui.content.themes import load_theme_specs, theme_names

        # Only the asked-for theme's files are read (the first frame waits for this); all of them only to say which exist.
        if not load_theme_specs(user_themes_dir(), only=theme)[0]:
            known = theme_names(user_themes_dir())
            return fail(f"unknown theme {theme!r}; known themes: {', '.join(known)}", EXIT_USAGE)
    location = database_location(getattr(args, "db", None))
    if location.own_folder:
        # A quick refusal before any window opens; it reads nothing from the file.
        from tui.store.errors import UnsafeFolderError
        from tui.store.permissions import ensure_private_dir

        try:
            ensure_private_dir(location.path.parent, ours=True, refuse_unsafe=True)
        except UnsafeFolderError as error:
            return fail(str(error), EXIT_USAGE)
        except OSError:
            pass  # opening says why, in the usual words
    try:
        _unlock_if_locked(location.path)
    except NoPassphraseError as error:
        return fail(str(error), EXIT_USAGE)
    from tui.ui.store_loading import NotOpened, Opened

    def load() -> StoreOutcome:
        return open_for_app(location.path, location.own_folder, args)

    # In a terminal the first frame never waits for the file: the app reads it in a worker.
    # Without one there is no frame to hurry, so it is opened first, as before.
    in_terminal = sys.stdin.isatty() and sys.stdout.isatty()
    while True:
        if in_terminal:
            outcome, code = _run_app(args, theme, load)
            if outcome is None or isinstance(outcome, Opened):
                return code
        else:
            outcome = load()
            if isinstance(outcome, Opened):
                return _run_app_on(args, theme, outcome)
        if isinstance(outcome, NotOpened):
            return fail(outcome.message, outcome.exit_code)
        from tui.cli.recovery import run_recovery
        from tui.store.errors import EncryptionHeaderError

        if not run_recovery(outcome.error):
            return EXIT_USAGE if isinstance(outcome.error, EncryptionHeaderError) else EXIT_FAILURE
        # a backup was restored: open it


def _unlock_if_locked(path: Path) -> None:
    """If the file is locked with a passphrase, ask for it before anything opens (the key stays in memory).

    Plain files cost one small read of their first bytes; no cryptography is loaded for them.
    """
    from tui.store.errors import DatabaseLockedError, EncryptionHeaderError
    from tui.store.locked_file import read_header

    try:
        if read_header(path) is None:
            return
    except EncryptionHeaderError:
        return  # opening it finds the same problem and offers the recovery screen
    from tui.cli.commands.passphrase_prompt import PASSPHRASE_FILE_VARIABLE, NoPassphraseError, unlock_locked
    from tui.core.encryption_header import decode_header

    header, header_bytes, _ = decode_header(path.read_bytes())
    locked = DatabaseLockedError(path, header, header_bytes)
    if os.environ.get(PASSPHRASE_FILE_VARIABLE) or not (sys.stdin.isatty() and sys.stdout.isatty()):
        unlock_locked(locked)
        return
    from tui.ui.unlock_app import UnlockApp

    if not UnlockApp(locked).run():
        raise NoPassphraseError("the data stays locked; nothing was changed")


def open_for_app(path: Path, own_folder: bool, args: argparse.Namespace) -> StoreOutcome:
    """Open the database and check the section's options against it; how it ended, never raised."""
    from tui.cli.section_hooks import SECTION_VALIDATORS
    from tui.store.errors import CorruptDatabaseError, DatabaseLockedError, StoreError, UnsafeFolderError
    from tui.store.store import Store  # here, in the worker: the first frame does not wait for its import
    from tui.ui.store_loading import NotOpened, Opened, Unreadable

    try:
        store = Store.open(path, own_folder=own_folder)
    except CorruptDatabaseError as error:
        return Unreadable(error)
    except UnsafeFolderError as error:
        return NotOpened(str(error), EXIT_USAGE)
    except DatabaseLockedError:
        return NotOpened("the data is locked with a passphrase; nothing was changed", EXIT_USAGE)
    except StoreError as error:
        return NotOpened(str(error), EXIT_FAILURE)
    validator = SECTION_VALIDATORS.get(args.section)
    problem = validator(args, store) if validator is not None else None
    if problem:
        store.close()
        return NotOpened(problem, EXIT_USAGE)
    from tui.store.view_data import prepare_first_views, warm_up_later_views

    # Built once per load, in the worker (issue 12.4): Home's sparkline needs the per-day
    # mood aggregate at once; the journal's list and search index can follow the first fill.
    prepare_first_views(store, date.today())
    return Opened(store, warm_up=functools.partial(warm_up_later_views, store))


def _run_app(args: argparse.Namespace, theme: str | None, load: StoreLoader) -> tuple[StoreOutcome | None, int]:
    """Run the app opening the database in the background: how opening ended, and the exit code."""
    from tui.ui.app import Launch, create_app
    from tui.ui.store_loading import Opened

    app = create_app(None, launch=Launch(section=args.section, options=section_options(args)), theme=theme, loader=load)
    try:
        app.run()
    finally:
        outcome = app.wait_for_store_outcome()
        if isinstance(outcome, Opened):
            outcome.store.close()
    return outcome, _exit_code(app.return_code)


def _run_app_on(args: argparse.Namespace, theme: str | None, outcome: Opened) -> int:
    from tui.ui.app import Launch, create_app

    app = create_app(outcome.store, launch=Launch(section=args.section, options=section_options(args)), theme=theme)
    try:
        app.run()
    finally:
        outcome.store.close()
    return _exit_code(app.return_code)


def _exit_code(return_code: int | None) -> int:
    return EXIT_OK if return_code in (None, 0) else int(return_code or EXIT_FAILURE)
