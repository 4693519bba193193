"""The built-in affirmations, read from ``affirmations.toml`` into core ``Affirmation`` objects."""

from __future__ import annotations

from tui import content
from tui.core.affirmations import BUILT_IN, Affirmation


def built_in_affirmations() -> list[Affirmation]:
    """The shipped affirmations, in file order."""
    return [
        Affirmation(text=str(a["text"]), tag=str(a.get("tag", "")), source=BUILT_IN, id=str(a["id"]))
        for a in content.load("affirmations")["affirmation"]
    ]


def built_in_tags() -> list[str]:
    """The tags of the shipped affirmations, in first-seen order."""
    return list(dict.fromkeys(a.tag for a in built_in_affirmations() if a.tag))
