"""The bounds of a breathing session, kept apart so the CLI can check them cheaply."""

from __future__ import annotations

BUILTIN_KEYS: tuple[str, ...] = ("box", "4-7-8", "coherent", "sigh")
MIN_MINUTES, MAX_MINUTES = 1, 30
MIN_CYCLES, MAX_CYCLES = 1, 100
