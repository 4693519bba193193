"""The app's own actions and its command palette: sections, check-in, help, settings, and the rest."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

from tui.sections import SECTIONS
from tui.ui.app_safety import CarefulApp
from tui.ui.app_undo import UndoingApp
from tui.ui.store_errors import store_write

if TYPE_CHECKING:
    from tui.core.meditation import Guide


class CommandsApp(UndoingApp, CarefulApp):
    """What the global keys and the command palette do."""

    def action_section(self, name: str) -> None:
        if self.current_mode != name:
            self.switch_mode(name)

    def action_checkin(self) -> None:
        from tui.ui.screens.mood.checkin import CheckinScreen

        if not isinstance(self.screen, CheckinScreen):
            self.push_screen(CheckinScreen())

    def action_meditate(self) -> None:
        """Choose a guide (shipped or the person's own), then play it."""
        from tui.ui.screens.breathe.guided import load_all_guides
        from tui.ui.screens.meditate.guide_picker import GuidePickerScreen
        from tui.ui.screens.meditate.guide_player import GuidePlayerScreen

        def start(guide: Guide | None) -> None:
            if guide is not None:
                self.push_screen(GuidePlayerScreen(guide))

        self.push_screen(GuidePickerScreen(load_all_guides(self)), start)

    def action_recently_deleted(self) -> None:
        """Deleted entries and set-aside drafts of the last 30 days, to bring back."""
        from tui.ui.screens.journal.recently_deleted import RecentlyDeletedScreen

        if not isinstance(self.screen, RecentlyDeletedScreen):
            self.push_screen(RecentlyDeletedScreen())

    def action_help(self) -> None:
        from tui.ui.screens.help.help import HelpScreen, help_sheet_for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(help_sheet_for(self, self.screen))

    def action_settings(self) -> None:
        from tui.ui.screens.settings.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_export(self) -> None:
        from tui.ui.screens.settings.export_dialog import ExportDialog

        if not isinstance(self.screen, ExportDialog):
            self.push_screen(ExportDialog())

    def action_session_report(self) -> None:
        from tui.ui.screens.report.report_dialog import ReportDialog

        if not isinstance(self.screen, ReportDialog):
            self.push_screen(ReportDialog())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for section in SECTIONS:
            yield SystemCommand(
                f"Go to {section.title}", section.description, lambda name=section.name: self.action_section(name)
            )
        yield SystemCommand("Check in", "Record how you feel right now", self.action_checkin)
        yield SystemCommand(
            "Guided meditation", "A body scan, loving-kindness or a self-compassion pause", self.action_meditate
        )
        yield SystemCommand("Settings", "Theme, motion, bell, week start, passphrase", self.action_settings)
        yield SystemCommand("Export my data", "A copy of everything as JSON, or check-ins as CSV", self.action_export)
        yield SystemCommand(
            "Session report", "A summary of recent days to bring to therapy", self.action_session_report
        )
        yield SystemCommand("Help and support", "Every key, and how to reach crisis support", self.action_help)
        yield SystemCommand(
            "Recently deleted", "Journal entries and drafts deleted in the last 30 days", self.action_recently_deleted
        )
        if self._undo_available():
            yield SystemCommand("Undo delete", "Bring back what you just deleted", self.undo_last_delete)
        yield SystemCommand("Retry saving", "Save again after a full disk or read-only folder", self.action_retry_save)
        if self._locked_with_a_passphrase():
            yield SystemCommand(
                "Lock now", "Save, forget the key and ask for your passphrase again (Ctrl+O)", self.lock_now
            )
        yield from super().get_system_commands(screen)

    def _locked_with_a_passphrase(self) -> bool:
        ready = getattr(self, "ready", True)
        return bool(ready) and getattr(self.store.database.storage, "envelope", None) is not None

    def lock_now(self) -> None:
        """Save, forget the key and ask for the passphrase (the app provides it: tui.ui.app_lock)."""
        raise NotImplementedError

    def action_retry_save(self) -> None:
        """Try again to save changes that could not be written (full disk, read-only folder)."""
        with store_write(self, "Still not saved") as attempt:
            self.store.database.retry_save()
        if attempt.failed:
            return
        self.notify("Saved.", timeout=3)
        self.data_changed()
