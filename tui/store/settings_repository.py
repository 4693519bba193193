"""Settings: a single record in the ``settings`` table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from tui.core.settings import WEEK_STARTS, Settings
from tui.store.repository import Repository


class SettingsRepository(Repository[Settings]):
    """Load and save the one Settings record."""

    table_name = "settings"

    def to_document(self, item: Settings) -> dict[str, Any]:
        return asdict(item)

    def from_document(self, document: Mapping[str, Any]) -> Settings:
        defaults = Settings()
        values: dict[str, Any] = {}
        for field in fields(Settings):
            value = document.get(field.name, getattr(defaults, field.name))
            if type(value) is not type(getattr(defaults, field.name)):
                value = getattr(defaults, field.name)
            values[field.name] = value
        if values["week_start"] not in WEEK_STARTS:
            values["week_start"] = defaults.week_start
        values["id"] = defaults.id
        return Settings(**values)

    def load(self) -> Settings:
        """The saved settings, or the defaults if none were saved yet."""
        return self.get(Settings().id) or Settings()

    @classmethod
    def peek(cls, database: Path) -> Settings | None:
        """The saved settings read without parsing the whole file (None if that cannot be done).

        For quick shell commands (see :mod:`tui.store.table_peek`); the inbox is included.
        """
        from tui.store.record_checks import record_problem
        from tui.store.table_peek import peek_table

        table = peek_table(database, cls.table_name)
        if table is None:
            return None
        converter = cls.__new__(cls)  # from_document needs no database
        for document in table.values():
            if document.get("id") == Settings().id and record_problem(cls.table_name, document) is None:
                return converter.from_document(document)
        return Settings()
