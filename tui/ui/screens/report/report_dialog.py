"""A small dialog to write a session report: a range of days, a format, journal or not, a file.

The report is the same as ``heartwork report`` (:mod:`tui.core.report`, read
through :mod:`tui.store.report_data`), written atomically to a new private
file (0600). A file that is already there is never replaced without asking
first, and the question's safe answer (keep it) has the focus.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from tui.core.dates import DateProblem, parse_user_date
from tui.core.report.model import DEFAULT_DAYS, build_report
from tui.core.report.render import SUFFIXES, render_report
from tui.core.safe_text import visible_text
from tui.store.errors import describe_write_problem
from tui.store.export_data import write_export
from tui.store.report_data import report_inputs
from tui.ui.base import HeartworkModal
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.widgets.calm_footer import CalmFooter


def default_report_path(day: str, report_format: str = "html") -> Path:
    """``~/heartwork-report-2026-03-02.html``: in the home folder, named for the day."""
    return Path.home() / f"heartwork-report-{day}{SUFFIXES[report_format]}"


class ReportDialog(HeartworkModal[Path | None]):
    """Choose days, format and where; dismisses with the written path, or None if nothing was written."""

    DEFAULT_CSS = """
    ReportDialog { align: center middle; }
    ReportDialog #report-sheet { width: 90%; max-width: 76; height: auto; max-height: 100%; overflow-y: auto;
                                 padding: 0 2; border: round $primary; background: $surface; }
    ReportDialog #report-title { text-style: bold; }
    ReportDialog #report-range { height: auto; }
    ReportDialog #report-range Input { width: 1fr; }
    ReportDialog #report-message { color: $text-muted; }
    ReportDialog #report-buttons { height: auto; align-horizontal: right; }
    ReportDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        today = self.clock.now().date()
        with Vertical(id="report-sheet"):
            yield Static("A report for your next session", id="report-title", markup=False)
            yield Label("From and to (YYYY-MM-DD)")
            with Horizontal(id="report-range"):
                yield Input((today - timedelta(days=DEFAULT_DAYS - 1)).isoformat(), id="report-from")
                yield Input(today.isoformat(), id="report-to")
            with RadioSet(id="report-format"):
                yield RadioButton("A page to print or open in a browser (HTML)", value=True, id="report-html")
                yield RadioButton("Plain text (Markdown)", id="report-md")
            yield Checkbox("Include my journal entries", id="report-journal")
            yield Label("Save to")
            yield Input(str(default_report_path(today.isoformat())), id="report-path")
            yield Static("The file is private to your account (0600).", id="report-message", markup=False)
            with Horizontal(id="report-buttons"):
                yield Button("Cancel", id="report-cancel")
                yield Button("Write report", variant="primary", id="report-go")
        yield CalmFooter()

    @property
    def report_format(self) -> str:
        return "md" if self.query_one("#report-md", RadioButton).value else "html"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Follow the format with the file's suffix, when the name still has the other one."""
        field = self.query_one("#report-path", Input)
        wanted = SUFFIXES[self.report_format]
        for suffix in SUFFIXES.values():
            if field.value.endswith(suffix) and suffix != wanted:
                field.value = field.value[: -len(suffix)] + wanted

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "report-go":
            self.action_write()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _range(self) -> tuple[date, date] | None:
        try:
            start = parse_user_date(self.query_one("#report-from", Input).value.strip())
            end = parse_user_date(self.query_one("#report-to", Input).value.strip())
        except DateProblem as problem:
            self._say(str(problem))
            return None
        if start > end:
            self._say(f"{start} comes after {end}; please swap them.")
            return None
        return start, end

    def action_write(self) -> None:
        days = self._range()
        if days is None:
            return
        text = self.query_one("#report-path", Input).value.strip()
        if not text:
            self._say("Please name a file for the report.")
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
                    self._write(path, days, overwrite=True)

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
        self._write(path, days, overwrite=False)

    def _write(self, path: Path, days: tuple[date, date], *, overwrite: bool) -> None:
        include_journal = self.query_one("#report-journal", Checkbox).value
        inputs = report_inputs(self.store, days[0], days[1], include_journal=include_journal)
        payload = render_report(build_report(inputs), self.report_format).encode("utf-8")
        self._say("Writing the report…")
        self._write_in_background(path, payload, overwrite)

    @work(thread=True, exclusive=True, group="report")
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
        self.app.notify(visible_text(f"Report written to {path}"), title="Report", markup=False, timeout=6)
        self.dismiss(path)

    def _say(self, message: str) -> None:
        self.query_one("#report-message", Static).update(visible_text(message))
