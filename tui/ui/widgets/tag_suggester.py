"""Completion for a comma-separated tags field: suggests earlier tags for the word being typed."""

from __future__ import annotations

from collections.abc import Callable

from textual.suggester import Suggester


class TagSuggester(Suggester):
    """Completes the last tag in "work, fam" to "work, family" from the tags used before."""

    def __init__(self, known_tags: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._known_tags = known_tags

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        folded = typed.casefold()
        already = {part.strip().casefold() for part in head.split(",")}
        for tag in self._known_tags():
            if tag.startswith(folded) and tag != folded and tag not in already:
                return value[: len(value) - len(typed)] + typed + tag[len(typed) :]
        return None
