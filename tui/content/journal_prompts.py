"""The built-in journal prompts, read from ``journal_prompts.toml`` into core ``Prompt`` objects."""

from __future__ import annotations

from tui import content
from tui.core.journal_prompts import Prompt


def load_prompts() -> list[Prompt]:
    """Every built-in prompt, in file order."""
    return [
        Prompt(id=item["id"], text=item["text"], tag=item["tag"]) for item in content.load("journal_prompts")["prompt"]
    ]
