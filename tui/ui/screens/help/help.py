"""Help: every key, and how to reach crisis support right now."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from tui import content
from tui.sections import SECTIONS
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter


def screen_keys(screen: Screen[Any]) -> list[tuple[str, str]]:
    """(key, what it does) for the bindings a screen declares itself."""
    keys: list[tuple[str, str]] = []
    own: list[object] = []
    for cls in type(screen).__mro__:  # Heartwork's own bindings, not Textual's defaults
        if cls.__module__.startswith("tui.") and "BINDINGS" in cls.__dict__:
            own.extend(item for item in cls.__dict__["BINDINGS"] if item not in own)
    for binding in own:
        if isinstance(binding, tuple):
            binding = Binding(*binding)
        if isinstance(binding, Binding) and binding.description:
            shown = ", ".join(screen.app.get_key_display(Binding(key.strip(), "")) for key in binding.key.split(","))
            keys.append((shown, binding.description))
    return keys


def help_markdown(here: list[tuple[str, str]] | None = None, title: str = "") -> str:
    """The help text, built from the sections, the current screen's keys and the support content."""
    support = content.load("support")
    # Support comes first, above the keys, so it is in view the moment help opens at any size.
    lines = ["# Help", "", "## If you need support now", "", support["crisis_intro"], ""]
    lines += [f"- **{line['region']}**: {line['how']}" for line in support["line"]]
    lines += [""]
    if here:
        lines += [f"## Keys {('in ' + title) if title else 'on this screen'}", ""]
        lines += [f"- `{key}` {description}" for key, description in here]
        lines += [""]
    lines += ["## Keys anywhere", ""]
    lines += [f"- `{s.key}` {s.title}: {s.description}" for s in SECTIONS]
    lines += [
        "- `c` Check in: how are you feeling right now?",
        "- `,` Settings: theme, reduced motion, bell, week start",
        "- `Ctrl+P` Command palette: search every command",
        "- `u` Right after a delete: bring it back",
        "- `?` This help",
        "- `Ctrl+O` Lock now, when your data is locked with a passphrase (Settings turns one on)",
        "- `Ctrl+Q` Quit (everything is saved)",
        "",
        "Each screen shows its own keys in the footer at the bottom.",
    ]
    lines += ["", "## About Heartwork", "", support["not_therapy"], "", support["privacy"]]
    return "\n".join(lines)


class HelpScreen(HeartworkModal[None]):
    """A scrollable help sheet over the current screen."""

    CSS_PATH = "../../styles/dialogs.tcss"

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, below: Screen[Any] | None = None) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        here = screen_keys(self.below) if self.below is not None else []
        title = (getattr(self.below, "SUB_TITLE", "") or "") if self.below is not None else ""
        with VerticalScroll(id="help-sheet"):
            yield Markdown(help_markdown(here, title), id="help-text")
        yield CalmFooter()

    def on_screen_resume(self) -> None:
        self.query_one("#help-sheet", VerticalScroll).scroll_home(animate=False)  # kept sheets open at the top

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


def help_sheet_for(app: App[Any], below: Screen[Any]) -> str:
    """The name of the help sheet for screens like ``below``: built on first use, then kept and shown again.

    The sheet depends only on the kind of screen below (its declared keys and
    title) and on the built-in texts, and building its Markdown took most of
    half a second, every time Help opened.
    """
    kind = type(below)
    name = f"help:{kind.__module__}.{kind.__qualname__}"
    if not app.is_screen_installed(name):
        app.install_screen(HelpScreen(below=below), name)
    return name
