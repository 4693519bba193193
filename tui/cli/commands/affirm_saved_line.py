"""What ``heartwork affirm add`` says after saving: shared by the full command and the quick capture."""

from __future__ import annotations


def saved_affirmation_line(text: str, tag: str) -> str:
    """One line: saved, the tag if any, and the words."""
    return f"Saved with your own affirmations{f' (tagged {tag})' if tag else ''}: {text}"
