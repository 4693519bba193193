"""Completion for comma-separated lists: suggests the rest of the word being typed last."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester


class CommaListSuggester(Suggester):
    """Like ``SuggestFromList``, but for the last item of ``"work, fam"`` (-> ``family``)."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = list(words)

    async def get_suggestion(self, value: str) -> str | None:
        head, separator, last = value.rpartition(",")
        typed = last.lstrip().lower()
        if not typed:
            return None
        already = {part.strip().lower() for part in head.split(",")} if separator else set()
        for word in self.words:
            if word.lower().startswith(typed) and word.lower() != typed and word.lower() not in already:
                return value + word[len(typed) :]
        return None
