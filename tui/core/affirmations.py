"""Affirmations: the built-in ones and the person's own, as one carousel.

Own affirmations have source "own" (written here) or "reframe" (saved from a
journal reframe) and may be marked as a favourite.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tui.core.ids import new_id

BUILT_IN = "built-in"
OWN_SOURCES = ("own", "reframe")
MAX_AFFIRMATION_CHARS = 280
ALL = "all"
FAVOURITES = "favourites"
MINE = "mine"


@dataclass
class Affirmation:
    """One affirmation; ``source`` is "built-in", "own" or "reframe"."""

    text: str
    tag: str = ""
    created_at: str = ""
    source: str = "own"
    favourite: bool = False
    id: str = field(default_factory=new_id)

    @property
    def is_own(self) -> bool:
        return self.source in OWN_SOURCES


def clean_affirmation_text(text: str) -> str:
    """Trimmed single-line text, capped; raises ValueError if empty."""
    cleaned = " ".join(str(text).split())[:MAX_AFFIRMATION_CHARS]
    if not cleaned:
        raise ValueError("An affirmation needs a few words.")
    return cleaned


def filter_names(affirmations: Iterable[Affirmation]) -> list[str]:
    """The filters to cycle through: all, favourites, mine, then each tag."""
    tags = list(dict.fromkeys(a.tag for a in affirmations if a.tag))
    return [ALL, FAVOURITES, MINE, *tags]


def apply_filter(affirmations: Sequence[Affirmation], name: str) -> list[Affirmation]:
    """The affirmations a filter shows."""
    if name == ALL:
        return list(affirmations)
    if name == FAVOURITES:
        return [a for a in affirmations if a.favourite]
    if name == MINE:
        return [a for a in affirmations if a.is_own]
    return [a for a in affirmations if a.tag == name]


def filter_label(name: str) -> str:
    return {ALL: "all", FAVOURITES: "favourites", MINE: "your own"}.get(name, name.replace("-", " "))


@dataclass
class Carousel:
    """Which affirmation is showing, under which filter; pure position logic."""

    affirmations: list[Affirmation]
    filter_name: str = ALL
    index: int = 0

    @property
    def shown(self) -> list[Affirmation]:
        return apply_filter(self.affirmations, self.filter_name)

    @property
    def current(self) -> Affirmation | None:
        shown = self.shown
        if not shown:
            return None
        self.index %= len(shown)
        return shown[self.index]

    def move(self, step: int) -> None:
        shown = self.shown
        if shown:
            self.index = (self.index + step) % len(shown)

    def next_filter(self) -> str:
        names = filter_names(self.affirmations)
        position = names.index(self.filter_name) if self.filter_name in names else 0
        self.filter_name = names[(position + 1) % len(names)]
        self.index = 0
        return self.filter_name

    def replace_all(self, affirmations: list[Affirmation], keep_id: str | None = None) -> None:
        """New contents; stay on ``keep_id`` if it is still shown."""
        self.affirmations = affirmations
        if keep_id is not None:
            for position, affirmation in enumerate(self.shown):
                if affirmation.id == keep_id:
                    self.index = position
                    return
        shown = self.shown
        self.index = min(self.index, max(0, len(shown) - 1))
