"""A small form for breathing timings: a custom pattern, or the parts of cyclic sighing.

Typed values are checked by ``tui.core.breathing.validate_timings``; anything
that needs changing is explained right under its field, and nothing is saved
until every field is fine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from tui.core.breathing import MAX_NAME_LENGTH, TimingField, ValidationResult, validate_timings
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter

NAME_FIELD = "name"


class BreathingPatternFormScreen(HeartworkModal[ValidationResult | None]):
    """Type seconds for each part (0 to 20, decimals allowed); returns the checked values."""

    CSS_PATH = "../../styles/breathe.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        fields: Sequence[TimingField],
        values: Mapping[str, str],
        *,
        name: str | None = None,
        taken_names: Sequence[str] = (),
        note: str = "Seconds for each part, 0 to 20 (decimals are fine, like 5.5). Leave a part at 0 to skip it.",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = tuple(fields)
        self.values = dict(values)
        self.pattern_name = name
        self.taken_names = tuple(taken_names)
        self.note = note

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pattern-form-sheet"):
            yield Static(Text(self.form_title, style="bold"), id="pattern-form-title")
            yield Static(self.note, id="pattern-form-note", markup=False)
            if self.pattern_name is not None:
                yield from self._field_row(NAME_FIELD, "Name", self.pattern_name, max_length=MAX_NAME_LENGTH)
            for timing in self.fields:
                yield from self._field_row(timing.field_id, timing.label, self.values.get(timing.field_id, "0"))
            with Horizontal(id="pattern-form-buttons"):
                yield Button("Save", variant="primary", id="pattern-form-save")
                yield Button("Cancel", id="pattern-form-cancel")
        yield CalmFooter()

    def _field_row(self, field_id: str, label: str, value: str, max_length: int = 8) -> ComposeResult:
        input_classes = "pattern-form-input" + ("" if field_id == NAME_FIELD else " -seconds")
        with Vertical(classes="pattern-form-field"):
            with Horizontal(classes="pattern-form-row"):
                yield Label(label, classes="pattern-form-label")
                yield Input(value, id=f"field-{field_id}", max_length=max_length, compact=True, classes=input_classes)
                if field_id != NAME_FIELD:
                    yield Label("seconds", classes="pattern-form-unit")
            error = Static("", id=f"error-{field_id}", classes="pattern-form-error", markup=False)
            error.display = False
            yield error

    def on_mount(self) -> None:
        self._opened_with = self._typed()
        self.query(Input).first().focus()

    def current_values(self) -> dict[str, str]:
        return {timing.field_id: self.query_one(f"#field-{timing.field_id}", Input).value for timing in self.fields}

    def check(self) -> ValidationResult:
        """Validate what is typed and show each problem at its field."""
        name = self.query_one(f"#field-{NAME_FIELD}", Input).value if self.pattern_name is not None else None
        result = validate_timings(self.current_values(), self.fields, name=name, taken_names=self.taken_names)
        field_ids = ([NAME_FIELD] if self.pattern_name is not None else []) + [t.field_id for t in self.fields]
        for field_id in field_ids:
            message = result.errors.get(field_id, "")
            error = self.query_one(f"#error-{field_id}", Static)
            error.update(message)
            error.display = bool(message)
            self.query_one(f"#field-{field_id}", Input).set_class(bool(message), "-invalid")
        return result

    def _save(self) -> None:
        result = self.check()
        if result.ok:
            self.dismiss(result)
        else:
            first = next(iter(result.errors))
            self.query_one(f"#field-{first}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "pattern-form-save":
            self._save()
        else:
            self.action_cancel()

    def _typed(self) -> dict[str, str]:
        typed = self.current_values()
        if self.pattern_name is not None:
            typed[NAME_FIELD] = self.query_one(f"#field-{NAME_FIELD}", Input).value
        return typed

    def action_cancel(self) -> None:
        """Esc or Cancel: back at once, unless a value was changed (then ask first)."""
        from tui.ui.dialogs.leave_confirm import leave_or_ask

        leave_or_ask(self, self._typed() != self._opened_with, lambda: self.dismiss(None))
