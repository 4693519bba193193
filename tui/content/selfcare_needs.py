"""The "what do I need?" questions, read from ``selfcare_needs.toml``."""

from __future__ import annotations

from tui import content


def needs_intro() -> str:
    """The opening sentence of the needs page."""
    return str(content.load("selfcare_needs")["intro"])


def needs_questions() -> list[tuple[str, str]]:
    """``(category, question)`` pairs in file order."""
    return [(str(q["category"]), str(q["text"])) for q in content.load("selfcare_needs")["question"]]
