"""Affirmations: the built-in ones and the person's own, as one carousel.

Own affirmations have source "own" (written here) or "reframe" (kept from a
journal reframe, with ``entry_id`` linking back to the entry). Any affirmation
may be a favourite; a built-in one may be hidden (shown only under "hidden").
The carousel shows them in order or in a seeded shuffle that shows every one
once before any repeats.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from tui.core.affirmation_rules import MAX_AFFIRMATION_CHARS as MAX_AFFIRMATION_CHARS
from tui.core.affirmation_rules import TAGS as TAGS
from tui.core.affirmation_rules import clean_affirmation_text as clean_affirmation_text
from tui.core.affirmation_rules import tag_problem as tag_problem
from tui.core.day_choice import choose_for_day, day_weight_of
from tui.core.ids import new_id

BUILT_IN = "built-in"
OWN_SOURCES = ("own", "reframe")
ALL = "all"
FAVOURITES = "favourites"
MINE = "mine"
HIDDEN = "hidden"


@dataclass
class Affirmation:
    """One affirmation; ``source`` is "built-in", "own" or "reframe"."""

    text: str
    tag: str = ""
    created_at: str = ""
    source: str = "own"
    favourite: bool = False
    id: str = field(default_factory=new_id)
    entry_id: str = ""  # the journal entry a reframe was kept from
    hidden: bool = False  # a built-in one set aside by the person

    @property
    def is_own(self) -> bool:
        return self.source in OWN_SOURCES


def source_label(affirmation: Affirmation) -> str:
    """Where it came from, in the person's words: built-in, yours, from your journal."""
    if affirmation.source == BUILT_IN:
        return "built-in"
    return "from your journal" if affirmation.source == "reframe" else "yours"


def day_weight(affirmation: Affirmation) -> int:
    """How often an affirmation is the day's choice: own and favourite ones more often, hidden never."""
    return day_weight_of(affirmation.is_own, affirmation.favourite, affirmation.hidden)


def affirmation_of_the_day(affirmations: Sequence[Affirmation], day: date) -> Affirmation | None:
    """The same affirmation all day (seeded by the date), weighted by :func:`day_weight`."""
    by_id = {a.id: a for a in affirmations}
    chosen = choose_for_day([(a.id, day_weight(a)) for a in by_id.values()], day.toordinal())
    return None if chosen is None else by_id[chosen]


def filter_names(affirmations: Iterable[Affirmation]) -> list[str]:
    """The filters to cycle through: all, favourites, mine, then each tag."""
    tags = list(dict.fromkeys([*TAGS, *(a.tag for a in affirmations if a.tag)]))
    return [ALL, FAVOURITES, MINE, HIDDEN, *tags]


def apply_filter(affirmations: Sequence[Affirmation], name: str) -> list[Affirmation]:
    """The affirmations a filter shows; hidden ones only under "hidden"."""
    if name == HIDDEN:
        return [a for a in affirmations if a.hidden]
    shown = [a for a in affirmations if not a.hidden]
    if name == ALL:
        return shown
    if name == FAVOURITES:
        return [a for a in shown if a.favourite]
    if name == MINE:
        return [a for a in shown if a.is_own]
    return [a for a in shown if a.tag == name]


def filter_label(name: str) -> str:
    return {ALL: "all", FAVOURITES: "favourites", MINE: "your own", HIDDEN: "hidden"}.get(name, name.replace("-", " "))


def shuffled(items: Sequence[Affirmation], seed: int, round_number: int) -> list[Affirmation]:
    """One round of a seeded shuffle: every item once; the same seed and round give the same order."""
    order = sorted(items, key=lambda a: a.id)
    random.Random(seed * 1_000_003 + round_number).shuffle(order)
    return order


@dataclass
class Carousel:
    """Which affirmation is showing, under which filter; pure position logic."""

    affirmations: list[Affirmation]
    filter_name: str = ALL
    index: int = 0
    shuffle_seed: int | None = None  # None: in order
    round_number: int = 0  # which pass through the shuffle

    @property
    def shown(self) -> list[Affirmation]:
        filtered = apply_filter(self.affirmations, self.filter_name)
        if self.shuffle_seed is None:
            return filtered
        return shuffled(filtered, self.shuffle_seed, self.round_number)

    def set_shuffle(self, seed: int | None) -> None:
        """Shuffle with ``seed`` (None: back to order), staying on the affirmation now showing."""
        current = self.current
        self.shuffle_seed, self.round_number = seed, 0
        self.replace_all(self.affirmations, keep_id=current.id if current else None)

    @property
    def current(self) -> Affirmation | None:
        shown = self.shown
        if not shown:
            return None
        self.index %= len(shown)
        return shown[self.index]

    def move(self, step: int) -> None:
        """Step through; a shuffle starts a new round after every one was shown."""
        shown = self.shown
        if not shown:
            return
        position = self.index + step
        if self.shuffle_seed is not None and not 0 <= position < len(shown):
            self.round_number += 1 if position >= len(shown) else -1
        self.index = position % len(shown)

    def next_filter(self) -> str:
        names = filter_names(self.affirmations)
        position = names.index(self.filter_name) if self.filter_name in names else 0
        self.filter_name = names[(position + 1) % len(names)]
        self.index = self.round_number = 0
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
