"""The sections of the app (Textual modes): names, keys and where their screens live.

Kept free of textual so the CLI can validate section names without loading
the UI. Screens are imported only when a section is first opened.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """One top-level section, reachable by a key, the palette and the CLI."""

    name: str
    key: str
    title: str
    description: str
    screen: str  # "module:Class"


SECTIONS: tuple[Section, ...] = (
    Section("home", "h", "Home", "Today at a glance", "tui.ui.screens.home.home:HomeScreen"),
    Section("breathe", "b", "Breathe", "Guided breathing timer", "tui.ui.screens.breathe.breathe:BreatheScreen"),
    Section("journal", "j", "Journal", "Write with a kind prompt", "tui.ui.screens.journal.journal:JournalScreen"),
    Section(
        "affirm", "a", "Affirm", "Affirmations, built-in and your own", "tui.ui.screens.affirm.affirm:AffirmScreen"
    ),
    Section(
        "selfcare",
        "s",
        "Self-care",
        "Small routines that look after you",
        "tui.ui.screens.selfcare.selfcare:SelfCareScreen",
    ),
    Section(
        "homework",
        "w",
        "Homework",
        "The practice you agreed with your therapist",
        "tui.ui.screens.homework.homework:HomeworkScreen",
    ),
    Section("mood", "m", "Mood", "Check-ins and what they show", "tui.ui.screens.mood.mood:MoodScreen"),
)

SECTION_NAMES: tuple[str, ...] = tuple(section.name for section in SECTIONS)


def section_named(name: str) -> Section:
    for section in SECTIONS:
        if section.name == name:
            return section
    raise KeyError(name)
