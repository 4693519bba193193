"""Stable record ids: short random strings that survive export and import."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A new unique id, e.g. ``'4f1c2b9a7d3e4a51b0c6d2e8f9a1b3c5'``."""
    return uuid.uuid4().hex
