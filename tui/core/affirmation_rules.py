"""What an affirmation of one's own may be: its length and tag, without the dataclass (cheap to import).

:mod:`tui.core.affirmations` re-exports these; the shell's quick capture
(:mod:`tui.cli.commands.capture_fast`) checks ``affirm add`` with them directly.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick capture time; annotations only
if TYPE_CHECKING:
    from collections.abc import Sequence

MAX_AFFIRMATION_CHARS = 500
TAGS: tuple[str, ...] = ("self-kindness", "common-humanity", "mindfulness", "worth", "rest", "growth")


def clean_affirmation_text(text: str) -> str:
    """Trimmed single-line text; raises ValueError (a kind, one-line reason) if empty or too long."""
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise ValueError("An affirmation needs a few words.")
    if len(cleaned) > MAX_AFFIRMATION_CHARS:
        raise ValueError(
            f"That is {len(cleaned):,} characters; an affirmation can be up to {MAX_AFFIRMATION_CHARS} characters."
        )
    return cleaned


def tag_problem(tag: str, known: Sequence[str] = TAGS) -> str | None:
    """Why ``tag`` is not one of the known tags (naming them), or None if it is (or is empty)."""
    if not tag or tag in known:
        return None
    return f"there is no tag {tag!r}; the tags are: {', '.join(known)}."
