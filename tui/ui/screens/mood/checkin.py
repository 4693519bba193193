"""Check in: how pleasant this moment feels, energy, feeling words, tags, a note, and when.

Pushed by the global ``c`` key (a new check-in), or from the mood dashboard with
an existing check-in to change it. Number keys set pleasantness wherever the
focus is not in a text field. Nothing typed is lost by mistake: Escape asks
before discarding, and a bad date gets a message at the field.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from tui import content
from tui.core.care import care_due
from tui.core.checkin import (
    DATE_TIME_FORMAT,
    MAX_NOTE_LENGTH,
    Checkin,
    CheckinError,
    make_checkin,
    parse_moment,
    split_words,
)
from tui.sections import SECTIONS
from tui.store.checkin_repository import CheckinRepository
from tui.ui.base import HeartworkModal
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.comma_suggester import CommaListSuggester
from tui.ui.widgets.emotion_picker import EmotionGroup, EmotionPicker
from tui.ui.widgets.scale_picker import ScalePicker


class CheckinScreen(HeartworkModal[bool]):
    """Record a new check-in, or change ``existing``; dismisses with True when saved."""

    CSS_PATH = "../../styles/checkin.tcss"
    BINDINGS = [
        *(Binding(str(digit), f"pleasantness({digit or 10})", show=False) for digit in range(10)),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        # A form: section keys must not whisk the person away from what they chose.
        *(Binding(section.key, "stay", show=False) for section in SECTIONS),
    ]

    def __init__(self, existing: Checkin | None = None) -> None:
        super().__init__()
        self.existing = existing
        self.texts = content.load("mood_dashboard")["checkin"]
        self.labels: list[str] = content.pleasantness_labels()
        groups = content.load("emotions")["quadrant"]
        self.groups = [EmotionGroup(group["label"], tuple(group["words"])) for group in groups]
        self.known_words = {word for group in self.groups for word in group.words}
        self._initial_state: tuple[object, ...] | None = None

    # -- building ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        existing = self.existing
        repository = self.store.repo(CheckinRepository)
        chosen = existing.emotions if existing else ()
        own_words = [word for word in chosen if word not in self.known_words]
        when = existing.at if existing else self.clock.now()
        with Vertical(id="checkin-sheet"):
            with VerticalScroll(id="checkin-fields"):
                yield Static(self.texts["title_edit" if existing else "title_new"], id="checkin-title")
                yield Static(self.texts["pleasantness_prompt"], classes="checkin-prompt")
                with Horizontal(classes="checkin-row"):
                    yield ScalePicker(existing.pleasantness if existing else None, id="checkin-pleasantness")
                    yield Static(id="checkin-pleasantness-label")
                yield Static(id="checkin-pleasantness-message", classes="checkin-message")
                yield Static(self.texts["energy_prompt"], classes="checkin-prompt")
                yield ScalePicker(existing.energy if existing else None, optional=True, id="checkin-energy")
                yield Static(self.texts["emotions_prompt"], classes="checkin-prompt")
                yield EmotionPicker(self.groups, chosen, id="checkin-emotions")
                yield Input(
                    ", ".join(own_words),
                    placeholder=self.texts["own_words_prompt"],
                    suggester=CommaListSuggester(repository.emotions_used()),
                    compact=True,
                    id="checkin-own-words",
                )
                yield Static(id="checkin-emotions-message", classes="checkin-message")
                yield Input(
                    ", ".join(existing.tags) if existing else "",
                    placeholder=self.texts["tags_prompt"],
                    suggester=CommaListSuggester(repository.tags_used()),
                    compact=True,
                    id="checkin-tags",
                )
                yield Static(id="checkin-tags-message", classes="checkin-message")
                yield Input(
                    existing.note if existing else "",
                    placeholder=self.texts["note_prompt"],
                    max_length=MAX_NOTE_LENGTH,
                    compact=True,
                    id="checkin-note",
                )
            # When and Save stay in view below the fields, which scroll only if they must.
            with Vertical(id="checkin-end"):
                yield Static(self.texts["when_prompt"], classes="checkin-prompt")
                self._shown_when = (when, when.strftime(DATE_TIME_FORMAT))
                with Horizontal(id="checkin-buttons"):
                    yield Input(self._shown_when[1], compact=True, id="checkin-at")
                    yield Button("Save", id="checkin-save", variant="primary", compact=True)
                    yield Button("Cancel", id="checkin-cancel", compact=True)
                yield Static(id="checkin-at-message", classes="checkin-message")
        yield CalmFooter()

    def on_mount(self) -> None:
        for message in self.query(".checkin-message"):
            message.display = False
        self._show_pleasantness()
        self._initial_state = self._state()
        self.query_one("#checkin-pleasantness", ScalePicker).focus()

    # -- reading the form --------------------------------------------------------

    def _state(self) -> tuple[object, ...]:
        return (
            self.query_one("#checkin-pleasantness", ScalePicker).value,
            self.query_one("#checkin-energy", ScalePicker).value,
            tuple(self.query_one("#checkin-emotions", EmotionPicker).chosen),
            *(self.query_one(f"#checkin-{name}", Input).value for name in ("own-words", "tags", "note", "at")),
        )

    @property
    def has_changes(self) -> bool:
        return self._initial_state is not None and self._state() != self._initial_state

    def _show_pleasantness(self) -> None:
        value = self.query_one("#checkin-pleasantness", ScalePicker).value
        label = self.query_one("#checkin-pleasantness-label", Static)
        label.update(f"  {value} · {self.labels[value - 1]}" if value else "")

    def on_scale_picker_changed(self, event: ScalePicker.Changed) -> None:
        if event.picker.id == "checkin-pleasantness":
            self._show_pleasantness()
            self._say("pleasantness", "")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "checkin-at":
            self._check_when()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the last field (when) saves, like the end of a paper form."""
        if event.input.id == "checkin-at":
            self.action_save()

    def _check_when(self) -> bool:
        text = self.query_one("#checkin-at", Input).value
        try:
            parse_moment(text, self.clock.now())
        except CheckinError as error:
            self._say("at", error.message)
            return False
        self._say("at", "")
        return True

    def _say(self, field_name: str, message: str) -> None:
        target = {
            "pleasantness": "pleasantness",
            "energy": "pleasantness",
            "emotions": "emotions",
            "tags": "tags",
            "note": "tags",
            "at": "at",
        }[field_name]
        widget = self.query_one(f"#checkin-{target}-message", Static)
        widget.update(message)
        widget.display = bool(message)

    def _moment(self, text: str, now: datetime) -> datetime:
        """The moment typed; the one shown (seconds and all) when the field was left as it was."""
        shown, shown_text = self._shown_when
        if " ".join(text.split()) == shown_text:
            return shown
        return parse_moment(text, now)

    def build_checkin(self) -> Checkin | None:
        """The check-in the form describes, or None (with messages at the fields)."""
        now = self.clock.now()
        pleasantness = self.query_one("#checkin-pleasantness", ScalePicker).value
        if pleasantness is None:
            self._say("pleasantness", self.texts["pleasantness_missing"])
            self.query_one("#checkin-pleasantness", ScalePicker).focus()
            return None
        try:
            at = self._moment(self.query_one("#checkin-at", Input).value, now)
            own_words = split_words(self.query_one("#checkin-own-words", Input).value)
            return make_checkin(
                pleasantness=pleasantness,
                now=now,
                at=at,
                energy=self.query_one("#checkin-energy", ScalePicker).value,
                emotions=[*self.query_one("#checkin-emotions", EmotionPicker).chosen, *own_words],
                tags=split_words(self.query_one("#checkin-tags", Input).value),
                note=self.query_one("#checkin-note", Input).value,
                checkin_id=self.existing.id if self.existing else None,
            )
        except CheckinError as error:
            self._say(error.field, error.message)
            return None

    # -- actions -------------------------------------------------------------------

    def action_pleasantness(self, value: int) -> None:
        self.query_one("#checkin-pleasantness", ScalePicker).value = value

    def action_stay(self) -> None:
        """Section keys do nothing here; Escape or ctrl+s first."""

    def action_save(self) -> None:
        checkin = self.build_checkin()
        if checkin is None:
            self.notify("Not saved yet: see the message in the form.", severity="warning", timeout=4)
            return
        with store_write(self.app, "Not saved") as attempt:
            self.store.repo(CheckinRepository).save(checkin)
        if attempt.failed:
            return
        self.notify(self.texts["updated" if self.existing else "saved"], timeout=3)
        self._offer_care(checkin)
        self.dismiss(True)
        self.heartwork.data_changed()

    def _offer_care(self, checkin: Checkin) -> None:
        """After a check-in of 1 or 2, a gentle pointer to Help and support, once a day."""
        app = self.heartwork
        today = app.clock.now().date()
        last_shown_on = app.settings.care_shown_on
        with store_write(app, "Settings not read"):
            # Another process (the shell) may have shown the line today: read what is saved.
            last_shown_on = app.store.settings.load().care_shown_on
        if not care_due(checkin.pleasantness, today, last_shown_on):
            return
        app.update_settings(care_shown_on=today.isoformat())
        app.notify(content.load_json("care")["app"], title="Support is here", timeout=20)

    def action_cancel(self) -> None:
        from tui.ui.dialogs.leave_confirm import leave_or_ask

        leave_or_ask(self, self.has_changes, lambda: self.dismiss(False), detail=self.texts["discard_detail"])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "checkin-save":
            self.action_save()
        elif event.button.id == "checkin-cancel":
            self.action_cancel()
