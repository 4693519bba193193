"""Settings: a single record in the ``settings`` table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
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
