"""The Store: one open database plus its repositories, handed to the app.

Repositories are created on first use and shared, so a screen asks for the one
it needs: ``store.repo(CheckinRepository)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from tui.store.database import Database
from tui.store.repository import Repository
from tui.store.settings_repository import SettingsRepository

R = TypeVar("R", bound=Repository)  # type: ignore[type-arg]


class Store:
    """What the app and the CLI use to reach saved data."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._repositories: dict[type, Repository] = {}  # type: ignore[type-arg]

    @classmethod
    def open(cls, path: Path, *, own_folder: bool = False) -> Store:
        return cls(Database.open(path, own_folder=own_folder))

    @classmethod
    def open_read_only(cls, path: Path, *, own_folder: bool = False) -> Store:
        """The saved data as it is now; nothing on disk is written, chmodded or migrated."""
        return cls(Database.open_read_only(path, own_folder=own_folder))

    @classmethod
    def in_memory(cls) -> Store:
        return cls(Database.in_memory())

    @property
    def path(self) -> Path | None:
        return self.database.path

    def repo(self, kind: type[R]) -> R:
        """The shared repository of class ``kind``."""
        found = self._repositories.get(kind)
        if found is None:
            found = self._repositories[kind] = kind(self.database)
        return found  # type: ignore[return-value]

    @property
    def settings(self) -> SettingsRepository:
        return self.repo(SettingsRepository)

    def close(self) -> None:
        self.database.close()
