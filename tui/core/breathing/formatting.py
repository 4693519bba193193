"""How breathing numbers read on screen: seconds, pace and a clock."""

from __future__ import annotations

import math


def format_seconds(seconds: float) -> str:
    """``4`` for whole seconds, ``5.5`` otherwise (at most two decimals)."""
    if float(seconds).is_integer():
        return str(int(seconds))
    return f"{seconds:.2f}".rstrip("0").rstrip(".")


def format_pace(breaths_per_minute: float) -> str:
    """``5.5`` or ``6``: breaths a minute to one decimal."""
    return f"{breaths_per_minute:.1f}".rstrip("0").rstrip(".")


def format_clock(seconds: float) -> str:
    """``2:05`` for a duration in seconds (rounded up, never negative)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"
