"""The latest reflections, newest first, with a hint to write one."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.core.reflection import Reflection, ReflectionQuestion, excerpt


def reflections_text(reflections: list[Reflection], questions: list[ReflectionQuestion], width: int = 200) -> Text:
    """One line per reflection: the day and the first answer (cut with … to fit the panel)."""
    if not reflections:
        return Text("No reflections yet. Now and then, press r to look back\non how the homework is going.")
    text = Text()
    for number, reflection in enumerate(reflections):
        if number:
            text.append("\n")
        text.append(f"{reflection.date:%a %-d %b}", style="bold")
        text.append("  " + excerpt(reflection, questions, width=max(10, width - 13)))
    return text


class ReflectionsPanel(Static):
    """A bordered panel listing recent reflections; r writes one (bound by the dashboard)."""

    DEFAULT_CSS = """
    ReflectionsPanel {
        height: auto; padding: 0 1; border: round $primary 40%;
        text-wrap: nowrap; text-overflow: ellipsis;
        border-title-color: $text-muted; border-subtitle-color: $text-muted;
    }
    """

    def on_mount(self) -> None:
        self.border_title = "Reflections"
        self.border_subtitle = "r write one"

    def show(self, reflections: list[Reflection], questions: list[ReflectionQuestion]) -> None:
        self.update(reflections_text(reflections, questions))
