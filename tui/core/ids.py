"""Stable record ids: short random strings that survive export and import."""

from __future__ import annotations

import os


def new_id() -> str:
    """A new unique id: 128 random bits as 32 hex digits, e.g. ``'4f1c2b9a7d3e4a51b0c6d2e8f9a1b3c5'``.

    The same randomness as a version-4 UUID, without importing ``uuid`` (which
    pulls in ``platform`` and slows every shell command).
    """
    return os.urandom(16).hex()
