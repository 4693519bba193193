"""What the homework seems to do, in plain words (only with enough data)."""

from __future__ import annotations

from textual.widgets import Static

from tui.core.homework_effects import (
    HomeworkEffects,
    pattern_sentence,
    selfcare_sentence,
)


def effects_text(effects: HomeworkEffects) -> str:
    """The panel's words: one line per breathing pattern and guided meditation, one for self-care."""
    lines: list[str] = []
    if effects.patterns:
        lines += [f"• {pattern_sentence(effect)}" for effect in effects.patterns]
    else:
        lines.append(
            "• Breathing: after a few sessions where you note how you feel before and after, "
            "the average change shows here."
        )
    lines += [f"• {pattern_sentence(effect)}" for effect in effects.guides]
    lines.append(f"• {selfcare_sentence(effects.selfcare)}")
    return "\n".join(lines)


class HomeworkEffectsPanel(Static):
    """A bordered panel with the homework-effects sentences."""

    DEFAULT_CSS = """
    HomeworkEffectsPanel {
        height: auto; padding: 0 1; border: round $primary 40%; border-title-color: $text-muted;
    }
    """

    def on_mount(self) -> None:
        self.border_title = "What the homework seems to do"

    def show(self, effects: HomeworkEffects) -> None:
        self.update(effects_text(effects))
