"""Questionnaire totals over time: one row of block characters per questionnaire.

Taller blocks mean higher totals; the numbers are written beside them, so the
chart reads the same without colour.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from tui.core.questionnaire import Questionnaire, QuestionnaireResult, block_line
from tui.core.timefmt import day_of

MAX_POINTS = 40


def chart_text(
    results: Mapping[str, list[QuestionnaireResult]], questionnaires: Mapping[str, Questionnaire], width: int = 70
) -> Text:
    """Rows of: title, a block sparkline of totals (oldest → newest), first and latest totals."""
    if not results:
        return Text("No questionnaires answered yet. Press q to take a short self-compassion check-in.")
    text = Text()
    points = max(5, min(MAX_POINTS, width - 36))
    for number, (questionnaire_id, history) in enumerate(
        sorted(results.items(), key=lambda kv: kv[1][-1].at, reverse=True)
    ):
        if number:
            text.append("\n")
        definition = questionnaires.get(questionnaire_id)
        low = definition.scale_min if definition else 1
        high = definition.scale_max if definition else 5
        title = definition.title if definition else (history[-1].title or questionnaire_id)
        shown = history[-points:]
        latest = shown[-1]
        text.append(title, style="bold")
        text.append(f"  ({low}-{high}, {len(history)} {'time' if len(history) == 1 else 'times'})\n")
        text.append(block_line([r.total for r in shown], low, high), style="bold")
        text.append(f"  latest {latest.total:.1f} on {day_of(latest.at):%-d %b}")
        if len(history) > 1:
            text.append(f", first {history[0].total:.1f}")
    return text


class QuestionnaireChart(Static):
    """A bordered panel with each questionnaire's totals over time."""

    DEFAULT_CSS = """
    QuestionnaireChart {
        height: auto; padding: 0 1; border: round $primary 40%;
        border-title-color: $text-muted; border-subtitle-color: $text-muted;
    }
    """

    def on_mount(self) -> None:
        self.border_title = "Questionnaires over time"
        self.border_subtitle = "q answer one"

    def show(
        self, results: Mapping[str, list[QuestionnaireResult]], questionnaires: Mapping[str, Questionnaire]
    ) -> None:
        width = self.content_size.width or 70
        self.update(chart_text(results, questionnaires, width=width))
