"""The Breathe section's "Guided" list: load the guides, show one, start it.

Kept apart from ``breathe.py`` (the patterns): the screen composes a
:class:`~tui.ui.widgets.guided_list.GuidedList` and hands its messages here.
Guides are loaded when the section opens: the shipped ones and the person's own
from the config folder's ``guides/``; a broken file is named (file, line,
problem) in a notification and skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events
from textual.app import App
from textual.widgets import Static

from tui.content.guides import load_guides
from tui.core.meditation import Guide, GuideError, find_guide, meditation_summary
from tui.paths import user_guides_dir
from tui.store.meditation_repository import MeditationSessionRepository
from tui.ui.base import HeartworkScreen
from tui.ui.widgets.guided_list import GuidedList


def guides_folder() -> Path:
    """Where the person's own guides live (a function, so tests can point it elsewhere)."""
    return user_guides_dir()


def notify_guide_problems(app: App[Any], problems: list[GuideError]) -> None:
    """Name each broken guide file, its line and the problem, once, calmly."""
    for problem in problems:
        app.notify(f"A guide was skipped: {problem}", severity="warning", timeout=10, markup=False)


def load_all_guides(app: App[Any]) -> list[Guide]:
    """The shipped and the person's own guides; problems are notified, never raised."""
    guides, problems = load_guides(guides_folder())
    notify_guide_problems(app, problems)
    return guides


class GuidedHandlers:
    """The Breathe screen's handlers for its Guided list (mixed into the screen class)."""

    guided: GuidedSection

    def show_detail(self) -> None: ...

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id != "breathe-guided":
            self.show_detail()  # away from the guides: Enter starts the pattern, so show the pattern

    def on_guided_list_highlighted(self, event: GuidedList.Highlighted) -> None:
        self.guided.show_detail(event.guide)

    def on_guided_list_chosen(self, event: GuidedList.Chosen) -> None:
        self.guided.start(event.guide)


class GuidedSection:
    """What the Breathe screen does with its Guided list."""

    def __init__(self, screen: HeartworkScreen[Any]) -> None:
        self.screen = screen
        self.guides: list[Guide] = []

    def load(self) -> None:
        self.guides = load_all_guides(self.screen.app)
        self.screen.query_one("#breathe-guided", GuidedList).show_guides(self.guides)

    def show_detail(self, guide: Guide) -> None:
        """The guide's length, purpose and safety note in the detail pane (the purpose stays when narrow)."""
        screen = self.screen
        about = Text()
        about.append(guide.title + "\n", style="bold")
        about.append(f"{len(guide.steps)} steps, one instruction at a time")
        screen.query_one("#breathe-about", Static).update(about)
        screen.query_one("#breathe-safety", Static).update(Text(guide.safety))
        screen.query_one("#breathe-length", Static).update(Text(f"Length: about {guide.minutes_text}. {guide.purpose}"))
        keys = "Enter start · Space pause · ←/→ step · Esc end"
        screen.query_one("#breathe-keys", Static).update(Text(keys))

    def history(self, limit: int) -> list[tuple[datetime, str]]:
        """The newest guided sessions, as (when, one calm line), for the Recent sessions list."""
        records = self.screen.store.repo(MeditationSessionRepository).recent(limit)
        return [(record.started_at, meditation_summary(record)) for record in records]

    def start(self, guide: Guide) -> None:
        from tui.ui.screens.meditate.guide_player import GuidePlayerScreen

        self.screen.app.push_screen(GuidePlayerScreen(guide))  # the list redraws on screen resume

    def open_from_launch(self, options: Mapping[str, Any]) -> bool:
        """``heartwork meditate [GUIDE]``: start that guide, or show the list. True when handled."""
        if "guide" not in options:
            return False
        guided = self.screen.query_one("#breathe-guided", GuidedList)
        name = str(options.get("guide") or "")
        guide = find_guide(name, self.guides) if name else None
        if name and guide is None:
            self.screen.notify(f"No guide called {name}.", severity="warning", markup=False)
        guided.focus()
        if guide is not None:
            guided.highlighted = self.guides.index(guide)
            self.start(guide)
        return True
