"""The built-in breathing patterns and the words shown for each phase, from ``breathing_patterns.toml``."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from tui import content
from tui.core.breathing import CUSTOM_SAFETY, Pattern, Phase


def _phases_from(items: Sequence[Mapping[str, Any]]) -> tuple[Phase, ...]:
    return tuple(Phase(str(item["kind"]), float(item["seconds"])) for item in items)


def builtin_patterns() -> list[Pattern]:
    """Box, 4-7-8, coherent and cyclic sighing, from the content file."""
    data = content.load("breathing_patterns")
    patterns = []
    for item in data["pattern"]:
        patterns.append(
            Pattern(
                key=str(item["key"]),
                name=str(item["name"]),
                phases=_phases_from(item["phases"]),
                summary=str(item.get("summary", "")),
                safety=str(item.get("safety", CUSTOM_SAFETY)),
                suggested_cycles=int(item.get("suggested_cycles", 0)),
                suggested_minutes=int(item.get("suggested_minutes", 3)),
                custom=False,
                id=f"builtin:{item['key']}",
            )
        )
    return patterns


def builtin_pattern(key: str) -> Pattern:
    for pattern in builtin_patterns():
        if pattern.key == key:
            return pattern
    raise KeyError(key)


@functools.lru_cache(maxsize=1)
def _phase_words() -> tuple[dict[str, str], dict[str, str]]:
    data = content.load("breathing_patterns")
    return dict(data["phase_words"]), dict(data["phase_plain"])


def phase_word(kind: str) -> str:
    """The cue shown large, e.g. ``Breathe in``."""
    return _phase_words()[0].get(kind, kind.capitalize())


def phase_plain_word(kind: str) -> str:
    """One plain word for the phase, e.g. ``Inhale`` (screen readers, small terminals)."""
    return _phase_words()[1].get(kind, kind.capitalize())
