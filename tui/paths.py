"""Every filesystem location Heartwork uses, decided in one place.

The database is, in order of precedence: ``--db PATH``, the environment
variable ``HEARTWORK_DB``, or ``heartwork.json`` in the platform's user data
folder (e.g. ``~/.local/share/heartwork`` on Linux).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "heartwork"
DATABASE_ENV = "HEARTWORK_DB"
DATABASE_FILENAME = "heartwork.json"


@dataclass(frozen=True)
class DatabaseLocation:
    """Where the database is, and whether its folder is Heartwork's own."""

    path: Path
    own_folder: bool
    source: str


def data_dir() -> Path:
    import platformdirs  # imported here: shell commands given --db never pay for it

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    import platformdirs  # imported here: shell commands given --db never pay for it

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    import platformdirs  # imported here: shell commands given --db never pay for it

    return platformdirs.user_state_path(APP_NAME, appauthor=False)


def user_themes_dir() -> Path:
    """Extra themes the person adds: ``*.toml`` files here."""
    return config_dir() / "themes"


def screenshots_dir() -> Path:
    """Where the palette's "Screenshot" saves SVG files (private: they may show journal text)."""
    return data_dir() / "screenshots"


def crash_log_path() -> Path:
    """Where details of an unexpected error are written (private, 0600)."""
    return state_dir() / "crash.log"


def database_location(cli_value: str | None = None) -> DatabaseLocation:
    """Resolve the database path from the CLI, the environment, or the default.

    This is the one place the path is resolved: symbolic links are followed
    (``os.path.realpath``) so that everything is written beside the real file
    and a link, say into a synced folder, stays a link.
    """
    if cli_value:
        return DatabaseLocation(real_path(Path(cli_value)), False, "--db")
    from_env = os.environ.get(DATABASE_ENV, "").strip()
    if from_env:
        return DatabaseLocation(real_path(Path(from_env)), False, DATABASE_ENV)
    return DatabaseLocation(real_path(data_dir() / DATABASE_FILENAME), True, "default")


def real_path(path: Path) -> Path:
    """``path`` made absolute with every symbolic link followed: the file that is really written."""
    return Path(os.path.realpath(path.expanduser()))


def user_questionnaires_dir() -> Path:
    """Questionnaires the person or their therapist adds: ``*.toml`` files here."""
    return config_dir() / "questionnaires"


def user_guides_dir() -> Path:
    """Guided meditations the person adds: ``*.toml`` files here."""
    return config_dir() / "guides"
