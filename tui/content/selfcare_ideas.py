"""The built-in self-care ideas and the few a new checklist starts with, from ``selfcare_ideas.toml``."""

from __future__ import annotations

from tui import content
from tui.core.selfcare import STARTER_IDEAS, SelfCareIdea


def selfcare_ideas() -> list[SelfCareIdea]:
    """The built-in ideas, in file order."""
    return [
        SelfCareIdea(str(i["id"]), str(i["text"]), str(i["category"])) for i in content.load("selfcare_ideas")["idea"]
    ]


def starter_ideas() -> list[SelfCareIdea]:
    """The few ideas a new checklist starts with."""
    by_id = {idea.id: idea for idea in selfcare_ideas()}
    return [by_id[idea_id] for idea_id in STARTER_IDEAS if idea_id in by_id]
