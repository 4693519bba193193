"""Help: every key, and how to reach crisis support right now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from tui import content
from tui.sections import SECTIONS


def help_markdown() -> str:
    """The help text, built from the sections and the support content."""
    support = content.load("support")
    lines = ["# Help", "", "## Keys anywhere", ""]
    lines += [f"- `{s.key}` {s.title}: {s.description}" for s in SECTIONS]
    lines += [
        "- `c` Check in: how are you feeling right now?",
        "- `,` Settings: theme, reduced motion, bell, week start",
        "- `Ctrl+P` Command palette: search every command",
        "- `?` This help",
        "- `Ctrl+Q` Quit (everything is saved)",
        "",
        "Each screen shows its own keys in the footer at the bottom.",
        "",
        "## If you need support now",
        "",
        support["crisis_intro"],
        "",
    ]
    lines += [f"- **{line['region']}**: {line['how']}" for line in support["line"]]
    lines += ["", "## About Heartwork", "", support["not_therapy"], "", support["privacy"]]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """A scrollable help sheet over the current screen."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-sheet"):
            yield Markdown(help_markdown(), id="help-text")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
