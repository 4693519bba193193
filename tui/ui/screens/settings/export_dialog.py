"""A small dialog to export: everything as JSON, or the check-ins as CSV, to a file the person names.

The export is the same as ``heartwork export`` (:mod:`tui.store.export_data`):
read through the store, written atomically to a new private file (0600). A
file that is already there is never replaced without asking first, and the
question's safe answer (keep it) has the focus.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tui.core.safe_text import visible_text
from tui.store.errors import describe_write_problem
from tui.store.export_data import SUFFIXES, export_bytes, write_export
from tui.ui.base import HeartworkModal
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.widgets.calm_footer import CalmFooter


def default_export_path(day: str, export_format: str = "json") -> Path:
    """``~/heartwork-export-2026-03-02.json``: in the home folder, named for the day."""
    return Path.home() / f"heartwork-export-{day}{SUFFIXES[export_format]}"


class ExportDialog(HeartworkModal[Path | None]):
    """Choose a format and where; dismisses with the written path, or None if nothing was written."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog #export-sheet { width: 90%; max-width: 76; height: auto; padding: 1 2; border: round $primary; background: $surface; }
    ExportDialog #export-title { text-style: bold; margin-bottom: 1; }
    ExportDialog #export-message { color: $text-muted; margin-top: 1; }
    ExportDialog #export-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ExportDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        day = self.clock.now().date().isoformat()
        with Vertical(id="export-sheet"):
            yield Static("Export your data", id="export-title", markup=False)
            with RadioSet(id="export-format"):
                yield RadioButton("Everything, as JSON (a complete backup)", value=True, id="export-json")
                yield RadioButton("Check-ins, as CSV (for a spreadsheet)", id="export-csv")
            yield Label("Save to")
            yield Input(str(default_export_path(day)), id="export-path")
            yield Static("The file is private to your account (0600).", id="export-message", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Cancel", id="export-cancel")
                yield Button("Export", variant="primary", id="export-go")
        yield CalmFooter()

    @property
    def export_format(self) -> str:
        return "csv" if self.query_one("#export-csv", RadioButton).value else "json"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Follow the format with the file's suffix, when the name still has the other one."""
        field = self.query_one("#export-path", Input)
        wanted = SUFFIXES[self.export_format]
        for suffix in SUFFIXES.values():
            if field.value.endswith(suffix) and suffix != wanted:
                field.value = field.value[: -len(suffix)] + wanted

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-go":
            self.action_export()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._say("Please name a file to export to.")
            return
        path = Path(text).expanduser()
        path = path if path.is_absolute() else Path.home() / path
        if path.is_dir():
            self._say(f"{path} is a folder; please add a file name.")
            return
        if not path.parent.is_dir():
            self._say(f"There is no folder {path.parent}.")
            return
        if path.exists():

            def answered(replace: bool | None) -> None:
                if replace:
                    self._write(path, overwrite=True)

            self.app.push_screen(
                ConfirmScreen(
                    f"Replace {path.name}?",
                    "Replace",
                    "Keep it",
                    detail=f"{path} is already there. Replacing it cannot be undone.",
                ),
                answered,
            )
            return
        self._write(path, overwrite=False)

    def _write(self, path: Path, *, overwrite: bool) -> None:
        payload = export_bytes(self.store.database, self.export_format)
        self._say("Exporting…")
        self._write_in_background(path, payload, overwrite)

    @work(thread=True, exclusive=True, group="export")
    def _write_in_background(self, path: Path, payload: bytes, overwrite: bool) -> None:
        try:
            write_export(path, payload, overwrite=overwrite)
        except FileExistsError:
            self.app.call_from_thread(self._say, f"{path} appeared meanwhile; it was left as it is.")
        except OSError as error:
            self.app.call_from_thread(self._say, f"Could not write {path}: {describe_write_problem(path, error)}.")
        else:
            self.app.call_from_thread(self._done, path)

    def _done(self, path: Path) -> None:
        self.app.notify(visible_text(f"Exported to {path}"), title="Exported", markup=False, timeout=6)
        self.dismiss(path)

    def _say(self, message: str) -> None:
        self.query_one("#export-message", Static).update(visible_text(message))
