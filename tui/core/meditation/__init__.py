"""Guided meditation: guides as data, a running guide, and the record it leaves.

* ``guide``: a guide's steps, sections and stated length, checked from plain data;
* ``session``: a guide in progress on the shared timed-steps schedule, and its record.
"""

from __future__ import annotations

from tui.core.meditation.guide import (
    MAX_STEP_SECONDS,
    MAX_STEPS,
    Guide,
    GuideError,
    GuideStep,
    find_guide,
    parse_guide,
)
from tui.core.meditation.session import MeditationRecord, MeditationSession, meditation_summary

__all__ = [
    "MAX_STEPS",
    "MAX_STEP_SECONDS",
    "Guide",
    "GuideError",
    "GuideStep",
    "MeditationRecord",
    "MeditationSession",
    "find_guide",
    "meditation_summary",
    "parse_guide",
]
