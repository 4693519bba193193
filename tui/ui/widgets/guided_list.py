"""The "Guided" list: meditation guides with their lengths; says which is highlighted or chosen.

Presentational: it shows the guides it is given and posts :class:`GuidedList.Highlighted`
and :class:`GuidedList.Chosen`; the screen decides what to show and what to open. The
plain option-list messages are stopped here, so a screen with another list (the
breathing patterns) never mistakes a guide for a pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.meditation import Guide


def guide_detail(guide: Guide) -> Text:
    """The guide's title, length, purpose and how many steps, as plain text (never markup)."""
    text = Text()
    text.append(guide.title + "\n", style="bold")
    steps = len(guide.steps)
    text.append(f"About {guide.minutes_text} · {steps} step{'s' if steps != 1 else ''}\n")
    text.append(guide.purpose)
    return text


class GuidedList(OptionList):
    """Guides to choose from, each with its length."""

    class Highlighted(Message):
        """The highlighted guide changed."""

        def __init__(self, guided_list: GuidedList, guide: Guide) -> None:
            super().__init__()
            self.guided_list = guided_list
            self.guide = guide

        @property
        def control(self) -> GuidedList:
            return self.guided_list

    class Chosen(Message):
        """A guide was chosen (Enter or a click): start it."""

        def __init__(self, guided_list: GuidedList, guide: Guide) -> None:
            super().__init__()
            self.guided_list = guided_list
            self.guide = guide

        @property
        def control(self) -> GuidedList:
            return self.guided_list

    def __init__(self, guides: Sequence[Guide] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Guided"
        self.guides: list[Guide] = []
        if guides:
            self.show_guides(guides)

    def show_guides(self, guides: Sequence[Guide]) -> None:
        """Replace the list with ``guides`` (title and length on one line each)."""
        self.guides = list(guides)
        self.clear_options()
        for index, guide in enumerate(self.guides):
            prompt = Text()
            prompt.append(guide.title, style="bold")
            prompt.append(f"  {guide.minutes_text}", style="dim")
            self.add_option(Option(prompt, id=str(index)))
        if self.guides:
            self.highlighted = 0

    @property
    def highlighted_guide(self) -> Guide | None:
        index = self.highlighted
        return self.guides[index] if index is not None and 0 <= index < len(self.guides) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        guide = self.highlighted_guide
        if guide is not None:
            self.post_message(self.Highlighted(self, guide))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        guide = self.highlighted_guide
        if guide is not None:
            self.post_message(self.Chosen(self, guide))
