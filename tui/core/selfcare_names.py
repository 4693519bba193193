"""Finding a routine by the name a person types in the shell: case- and accent-insensitive."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.routine_names import folded
from tui.core.selfcare import SelfCareItem

__all__ = ["NameMatch", "folded", "match_routine"]


@dataclass(frozen=True)
class NameMatch:
    """The routine a name means, or the close ones when it means none or several."""

    item: SelfCareItem | None
    close: tuple[SelfCareItem, ...] = ()
    ambiguous: bool = False  # several routines fit, rather than none


def match_routine(name: str, items: Sequence[SelfCareItem]) -> NameMatch:
    """The one routine whose name is ``name`` (or, failing that, the only one containing it)."""
    wanted = folded(name)
    if not wanted:
        return NameMatch(None, tuple(items[:5]))
    exact = [item for item in items if folded(item.text) == wanted]
    if len(exact) == 1:
        return NameMatch(exact[0])
    if exact:
        return NameMatch(None, tuple(exact), ambiguous=True)
    containing = [item for item in items if wanted in folded(item.text)]
    if len(containing) == 1:
        return NameMatch(containing[0])
    if containing:
        return NameMatch(None, tuple(containing[:5]), ambiguous=True)
    by_name = {folded(item.text): item for item in items}
    close = difflib.get_close_matches(wanted, list(by_name), n=5, cutoff=0.5)
    return NameMatch(None, tuple(by_name[key] for key in close))
