"""Choose which questionnaire to answer (the built-in one and any from the config folder)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.questionnaire import Questionnaire
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter


class QuestionnairePickerScreen(HeartworkModal[Questionnaire | None]):
    """A short list of questionnaires; Enter chooses, Esc closes."""

    BINDINGS = [Binding("escape", "close", "Close")]

    DEFAULT_CSS = """
    QuestionnairePickerScreen { align: center middle; }
    QuestionnairePickerScreen #picker-sheet {
        width: 90%; max-width: 70; height: auto; max-height: 80%; padding: 0 1;
        border: round $primary; background: $surface;
    }
    QuestionnairePickerScreen #picker-title { text-style: bold; padding: 1 1 0 1; }
    QuestionnairePickerScreen #picker-hint { color: $text-muted; padding: 0 1 1 1; }
    QuestionnairePickerScreen #picker-list { height: auto; max-height: 16; border: none; }
    """

    def __init__(self, questionnaires: list[Questionnaire]) -> None:
        super().__init__()
        self._questionnaires = questionnaires

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-sheet"):
            yield Static("Which questionnaire?", id="picker-title")
            yield Static("Enter chooses · Esc closes", id="picker-hint")
            yield OptionList(
                *(
                    Option(f"{q.title}  ·  {len(q.items)} statements", id=str(index))
                    for index, q in enumerate(self._questionnaires)
                ),
                id="picker-list",
                markup=False,
            )
        yield CalmFooter()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._questionnaires[int(event.option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)
