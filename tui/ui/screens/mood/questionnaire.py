"""Answer a questionnaire item by item (number keys), then save it with its total."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Header, Static

from tui.core.questionnaire import Questionnaire
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.ui.base import HeartworkScreen
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter


class QuestionnaireScreen(HeartworkScreen[bool]):
    """One statement at a time; 1-5 answers and moves on; ← → go back and forth.

    Dismisses with True once a result has been saved.
    """

    BINDINGS = [
        Binding("1", "answer(1)", "Answer", key_display="1-5"),
        Binding("2", "answer(2)", "2", show=False),
        Binding("3", "answer(3)", "3", show=False),
        Binding("4", "answer(4)", "4", show=False),
        Binding("5", "answer(5)", "5", show=False),
        # priority: the scrolling body would otherwise take the arrow keys
        Binding("left,backspace", "step(-1)", "Back", key_display="←", priority=True),
        Binding("right", "step(1)", "Next", key_display="→", priority=True),
        Binding("enter", "save", "Save", show=False),
        Binding("escape", "close", "Leave"),
    ]

    DEFAULT_CSS = """
    QuestionnaireScreen #questionnaire-body { padding: 0 2; align-horizontal: center; }
    QuestionnaireScreen #questionnaire-title { text-style: bold; margin-top: 1; width: 100%; max-width: 80; }
    QuestionnaireScreen #questionnaire-note { color: $text-muted; width: 100%; max-width: 80; }
    QuestionnaireScreen #questionnaire-progress { color: $secondary; margin-top: 1; width: 100%; max-width: 80; }
    QuestionnaireScreen #questionnaire-card { height: auto; width: 100%; max-width: 80; padding: 0 2; border: round $primary 40%; }
    QuestionnaireScreen #questionnaire-item { text-style: bold; margin-bottom: 1; }
    QuestionnaireScreen #questionnaire-hint { color: $text-muted; width: 100%; max-width: 80; }
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        super().__init__()
        self.questionnaire = questionnaire
        self.answers: dict[str, int] = {}
        self.position = 0
        self.saved_total: float | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="questionnaire-body"):
            yield Static(self.questionnaire.title, id="questionnaire-title", markup=False)
            note = " ".join(part for part in (self.questionnaire.note, self.questionnaire.instructions) if part)
            yield Static(note, id="questionnaire-note", markup=False)
            yield Static(id="questionnaire-progress")
            with Vertical(id="questionnaire-card"):
                yield Static(id="questionnaire-item", markup=False)
                yield Static(id="questionnaire-scale", markup=False)
            yield Static(id="questionnaire-hint")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.show_position()

    @property
    def count(self) -> int:
        return len(self.questionnaire.items)

    @property
    def complete(self) -> bool:
        return all(item.id in self.answers for item in self.questionnaire.items)

    def _scale_text(self, chosen: int | None) -> str:
        rows = []
        for value in self.questionnaire.scale:
            mark = "●" if value == chosen else "○"
            label = self.questionnaire.label_for(value)
            rows.append(f" {mark} {value}  {label}".rstrip())
        return "\n".join(rows)

    def show_position(self) -> None:
        # The note is read once, on the first statement; later the statement gets the room.
        self.query_one("#questionnaire-note", Static).display = self.position == 0 and self.saved_total is None
        progress = self.query_one("#questionnaire-progress", Static)
        item_text = self.query_one("#questionnaire-item", Static)
        scale = self.query_one("#questionnaire-scale", Static)
        hint = self.query_one("#questionnaire-hint", Static)
        low, high = self.questionnaire.scale_min, self.questionnaire.scale_max
        if self.saved_total is not None:
            progress.update("Saved.")
            item_text.update(f"Your total this time: {self.saved_total:.1f} (on a scale of {low} to {high}).")
            scale.update("It joins your earlier totals on the mood dashboard. Thank you for taking a moment for this.")
            hint.update("Esc goes back.")
            return
        if self.position >= self.count:
            total = self.questionnaire.total(self.answers)
            progress.update(f"All {self.count} answered.")
            item_text.update(f"Your total: {total:.1f} (on a scale of {low} to {high}, higher means more of it).")
            scale.update(
                self._elements_text() + "There is no right score. It is just a way to notice how things are going."
            )
            hint.update("Enter saves · ← changes an answer · Esc leaves (asks first)")
            return
        item = self.questionnaire.items[self.position]
        progress.update(f"Statement {self.position + 1} of {self.count}")
        item_text.update(item.text)
        scale.update(self._scale_text(self.answers.get(item.id)))
        hint.update(f"Press {low}-{high} to answer · ← back · → next")

    def _elements_text(self) -> str:
        means = self.questionnaire.element_means(self.answers)
        if not means:
            return ""
        labels = {name: (name if name.startswith("self-") else name.replace("-", " ")).capitalize() for name in means}
        return " · ".join(f"{labels[name]} {mean:.1f}" for name, mean in means.items()) + "\n\n"

    def action_answer(self, value: int) -> None:
        if self.saved_total is not None or self.position >= self.count:
            return
        if value not in self.questionnaire.scale:
            self.notify(
                f"This one goes from {self.questionnaire.scale_min} to {self.questionnaire.scale_max}.", timeout=3
            )
            return
        self.answers[self.questionnaire.items[self.position].id] = value
        self.position = self._next_position()
        self.show_position()

    def _next_position(self) -> int:
        """The next unanswered statement after this one, or the end once all are answered."""
        for offset in range(1, self.count + 1):
            candidate = self.position + offset
            if candidate >= self.count:
                break
            if self.questionnaire.items[candidate].id not in self.answers:
                return candidate
        if self.complete:
            return self.count
        return min(self.position + 1, self.count - 1)

    def action_step(self, step: int) -> None:
        if self.saved_total is not None:
            return
        if step > 0:
            at_item = self.position < self.count
            answered = at_item and self.questionnaire.items[self.position].id in self.answers
            if not answered:
                return
            last = self.position == self.count - 1
            if last and not self.complete:
                return
        self.position = max(0, min(self.count, self.position + step))
        self.show_position()

    def action_save(self) -> None:
        if self.saved_total is not None or not self.complete or self.position < self.count:
            return
        repository = self.store.repo(QuestionnaireRepository)
        with store_write(self.app, "Not saved") as attempt:
            result = repository.record(self.questionnaire, self.answers, self.clock.now())
        if attempt.failed:
            return
        self.saved_total = result.total
        self.show_position()

    def action_close(self) -> None:
        """Esc: back at once, unless answers given here would be lost (then ask first)."""
        from tui.ui.dialogs.leave_confirm import leave_or_ask

        unsaved = self.saved_total is None and bool(self.answers)
        leave_or_ask(
            self,
            unsaved,
            lambda: self.dismiss(self.saved_total is not None),
            detail="The answers you gave here will not be kept.",
            stay="Keep answering",
        )
