"""The Store: one open database plus its repositories, handed to the app.

Repositories are created on first use and shared, so a screen asks for the one
it needs: ``store.repo(CheckinRepository)``. Opening a database also merges
any sync-tool conflict copies found beside it (``opening_conflicts`` says what).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tui.store.database import Database
from tui.store.errors import StoreError
from tui.store.repository import Repository
from tui.store.settings_repository import SettingsRepository

if TYPE_CHECKING:
    from tui.store.conflict_copies import ConflictReport

R = TypeVar("R", bound=Repository)  # type: ignore[type-arg]


class Store:
    """What the app and the CLI use to reach saved data."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._repositories: dict[type, Repository] = {}  # type: ignore[type-arg]
        self._reported_conflicts: set[Path] = set()
        self.opening_conflicts: ConflictReport | None = None

    @classmethod
    def open(cls, path: Path, *, own_folder: bool = False) -> Store:
        store = cls(Database.open(path, own_folder=own_folder))
        try:
            store.opening_conflicts = store.merge_conflict_copies()
        except StoreError:
            pass  # busy or unwritable: the copies stay where they are and are merged next time
        return store

    def merge_conflict_copies(self) -> ConflictReport:
        """Merge the sync tool's conflict copies beside the database, if any (raises StoreError if saving fails)."""
        from tui.store.conflict_copies import ConflictReport, find_conflict_copies, merge_conflict_copies

        if self.database.path is None or not find_conflict_copies(self.database.path):
            return ConflictReport()  # the usual case, every 2 s: one look at the folder, nothing read
        return merge_conflict_copies(
            self.database,
            keep_days=self.settings.load().keep_deletion_marks_days,
            already_reported=self._reported_conflicts,
        )

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
