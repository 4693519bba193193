"""Journal prompts: the built-in list and drawing one at random.

Prompts live in ``tui/content/journal_prompts.toml`` (read by ``tui.content``), each tagged with the part
of self-compassion it serves; the screen draws one with an injected random
source so snapshots can be deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TAG_TITLES: dict[str, str] = {
    "self-kindness": "Self-kindness",
    "common-humanity": "Common humanity",
    "mindfulness": "Mindfulness",
    "personal-needs": "Personal needs",
    "creativity": "Creativity",
}


@dataclass(frozen=True)
class Prompt:
    """One writing prompt."""

    id: str
    text: str
    tag: str


def prompt_tags(prompts: Iterable[Prompt]) -> list[str]:
    """The tags in use, in the order they first appear."""
    tags: list[str] = []
    for prompt in prompts:
        if prompt.tag not in tags:
            tags.append(prompt.tag)
    return tags


def draw(
    rng: random.Random,
    tag: str | None = None,
    exclude: Iterable[str] = (),
    *,
    prompts: Sequence[Prompt],
) -> Prompt:
    """A random prompt (from ``tag`` if given), avoiding ids in ``exclude`` when possible."""
    pool = list(prompts)
    if tag is not None:
        pool = [prompt for prompt in pool if prompt.tag == tag]
        if not pool:
            raise ValueError(f"no prompts tagged {tag!r}")
    excluded = set(exclude)
    fresh = [prompt for prompt in pool if prompt.id not in excluded]
    return rng.choice(fresh or pool)
