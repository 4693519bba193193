"""Finding the one thing a person means by a name typed in the shell: case- and accent-insensitive.

Shared by ``heartwork selfcare done NAME`` (routines) and ``heartwork plan
tick NAME`` (homework): an exact name wins, then the only name containing
what was typed; otherwise the close names are offered.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from tui.core.typed_names import folded

T = TypeVar("T")

__all__ = ["NameMatch", "folded", "match_name"]


@dataclass(frozen=True)
class NameMatch(Generic[T]):
    """The thing a name means, or the close ones when it means none or several."""

    item: T | None
    close: tuple[T, ...] = ()
    ambiguous: bool = False  # several fit, rather than none


def match_name(name: str, items: Sequence[T], name_of: Callable[[T], str]) -> NameMatch[T]:
    """The one item whose name is ``name`` (or, failing that, the only one containing it)."""
    wanted = folded(name)
    if not wanted:
        return NameMatch(None, tuple(items[:5]))
    exact = [item for item in items if folded(name_of(item)) == wanted]
    if len(exact) == 1:
        return NameMatch(exact[0])
    if exact:
        return NameMatch(None, tuple(exact), ambiguous=True)
    containing = [item for item in items if wanted in folded(name_of(item))]
    if len(containing) == 1:
        return NameMatch(containing[0])
    if containing:
        return NameMatch(None, tuple(containing[:5]), ambiguous=True)
    by_name = {folded(name_of(item)): item for item in items}
    close = difflib.get_close_matches(wanted, list(by_name), n=5, cutoff=0.5)
    return NameMatch(None, tuple(by_name[key] for key in close))
