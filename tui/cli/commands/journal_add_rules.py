"""What ``heartwork journal add`` refuses and what it says after saving (cheap to import).

Shared by the full command (:mod:`tui.cli.commands.journal_add`) and the quick
capture (:mod:`tui.cli.commands.capture_fast`), so both judge and say alike.
"""

from __future__ import annotations

from tui.core.journal_rules import MAX_ENTRY_CHARS, count_words, title_and_tags_problem


def entry_problem(text: str, title: str, tags: list[str]) -> str | None:
    """Why the entry cannot be saved (the whole message), or None; ``title`` stripped, ``tags`` normalised."""
    if len(text) > MAX_ENTRY_CHARS:
        return f"that entry is {len(text):,} characters; the limit is {MAX_ENTRY_CHARS:,}. Nothing was saved."
    if not text.strip():
        return "there is nothing to save: the entry text is empty."
    problem = title_and_tags_problem(title, tags)
    return None if problem is None else f"{problem}. Nothing was saved."


def saved_line(entry_date: str, text: str, tags: list[str]) -> str:
    """The one line after saving: the day, the words, the tags."""
    words = count_words(text)
    tag_text = f", tagged {', '.join('#' + tag for tag in tags)}" if tags else ""
    return f"Saved a journal entry for {entry_date} ({words:,} word{'s' if words != 1 else ''}{tag_text})."
