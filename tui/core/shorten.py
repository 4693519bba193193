"""Cutting a person's text to fit a line: at a word, with an ellipsis, never mid-word."""

from __future__ import annotations

ELLIPSIS = "…"


def shorten_at_word(text: str, limit: int = 60) -> str:
    """``text`` on one line, at most ``limit`` characters, cut after a whole word with ``…``.

    Runs of whitespace (newlines too) become one space. A single word longer
    than the whole line is cut where it must be, still marked with ``…``.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    room = max(1, limit - len(ELLIPSIS))
    cut = flat[: room + 1]
    space = cut.rfind(" ")
    kept = cut[:space] if space > 0 else flat[:room]
    return kept.rstrip(" ,;:.-–—") + ELLIPSIS
