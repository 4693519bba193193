"""Finding a routine by the name a person types in the shell: case- and accent-insensitive."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.name_match import NameMatch, folded, match_name
from tui.core.selfcare import SelfCareItem

__all__ = ["NameMatch", "folded", "match_routine"]


def match_routine(name: str, items: Sequence[SelfCareItem]) -> NameMatch[SelfCareItem]:
    """The one routine whose name is ``name`` (or, failing that, the only one containing it)."""
    return match_name(name, items, lambda item: item.text)
