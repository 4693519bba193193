"""What a new passphrase needs before it is used, as kind sentences (pure, no I/O)."""

from __future__ import annotations

MIN_PASSPHRASE_LENGTH = 8


def new_passphrase_problem(passphrase: str, again: str) -> str | None:
    """Why ``passphrase`` (typed twice) cannot be used yet, or None if it can."""
    if not passphrase:
        return "Please type a passphrase first; an empty one would not protect anything."
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return (
            f"Please use at least {MIN_PASSPHRASE_LENGTH} characters. "
            "A few ordinary words with spaces between them work well."
        )
    if passphrase != again:
        return "The two passphrases were not the same. Nothing was changed; please type them again."
    return None
