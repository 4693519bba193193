"""The journal's limits and word and tag rules, without the dataclass: cheap to import.

:mod:`tui.core.journal` re-exports them; the shell's quick capture
(:mod:`tui.cli.commands.capture_fast`) checks an entry with them directly,
because importing ``dataclasses`` would cost a third of its time.
"""

from __future__ import annotations

import re

MAX_ENTRY_CHARS = 200_000
# Limits shared by the journal screen and ``heartwork journal add``.
MAX_TITLE_CHARS = 200
MAX_TAGS = 20
MAX_TAG_CHARS = 40
# The tags field holds at most MAX_TAGS tags of MAX_TAG_CHARS, with ", " between them.
MAX_TAGS_TEXT_CHARS = MAX_TAGS * (MAX_TAG_CHARS + 2)

# Scripts written without spaces between words: each character counts as a word.
_UNSPACED = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\u0e00-\u0e7f"  # Thai
    "\U00020000-\U0002fa1f"
)
_WORD_PATTERN = re.compile(rf"[{_UNSPACED}]|[^\s{_UNSPACED}]+")
_HAS_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def count_words(text: str) -> int:
    """Words in ``text``: space-separated runs, plus one per CJK/kana/Thai character."""
    return sum(1 for token in _WORD_PATTERN.findall(text) if _HAS_LETTER_OR_DIGIT.search(token))


def normalize_tags(tags: list[str] | tuple[str, ...]) -> list[str]:
    """Tags trimmed, lower-cased, '#' removed, without duplicates, in order."""
    seen: list[str] = []
    for tag in tags:
        cleaned = " ".join(tag.strip().lstrip("#").split()).casefold()
        if cleaned and cleaned not in seen:
            seen.append(cleaned)
    return seen


def title_and_tags_problem(title: str, tags: list[str]) -> str | None:
    """Why ``title`` or ``tags`` (already normalised) go beyond the journal's limits, or None."""
    if len(title) > MAX_TITLE_CHARS:
        return f"the title is {len(title):,} characters; the limit is {MAX_TITLE_CHARS:,}"
    if len(tags) > MAX_TAGS:
        return f"that is {len(tags):,} tags; the limit is {MAX_TAGS} tags per entry"
    for tag in tags:
        if len(tag) > MAX_TAG_CHARS:
            return f"the tag {tag[:20]!r}... is {len(tag):,} characters; the limit is {MAX_TAG_CHARS} per tag"
    return None
