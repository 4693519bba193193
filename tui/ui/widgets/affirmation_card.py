"""One affirmation, large: pyfiglet letters when the words fit, else big plain text, wrapped.

Presentational: shows the text it is given at the size it is given. Short
text is set in the largest figlet font whose lines (words packed greedily)
fit the width and the height allowed; anything longer, or any size where no
font fits, is shown as bold plain text that wraps, so nothing is ever cut off.
The plain words are always in ``#affirm-card`` (shown when figlet is not).
"""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.ui.widgets.figlet_text import FONTS, figlet_art

FIGLET_MAX_CHARS = 48
"""Longer affirmations are shown as plain text: figlet letters would need too many lines."""


@lru_cache(maxsize=512)
def _art_lines(text: str, font: str) -> tuple[str, ...] | None:
    art = figlet_art(text, font)
    if art is None:
        return None
    lines = [line.rstrip() for line in art.splitlines()]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return tuple(lines)


def _width(lines: tuple[str, ...]) -> int:
    return max((len(line) for line in lines), default=0)


@lru_cache(maxsize=256)
def figlet_block(text: str, width: int, max_height: int) -> str | None:
    """``text`` in figlet, words packed into as few lines as fit ``width``; None if no font fits."""
    words = text.split()
    if not words or len(text) > FIGLET_MAX_CHARS or width < 8 or max_height < 3:
        return None
    for font in FONTS:
        blocks: list[tuple[str, ...]] = []
        line_words: list[str] = []
        fits = True
        for word in words:
            candidate = _art_lines(" ".join([*line_words, word]), font)
            if candidate is None:
                fits = False
                break
            if _width(candidate) <= width:
                line_words.append(word)
                continue
            if not line_words:  # one word wider than the space: try a smaller font
                fits = False
                break
            done = _art_lines(" ".join(line_words), font)
            blocks.append(done or ())
            line_words = [word]
            if _width(_art_lines(word, font) or ()) > width:
                fits = False
                break
        if not fits:
            continue
        last = _art_lines(" ".join(line_words), font)
        if last:
            blocks.append(last)
        height = sum(len(block) for block in blocks)
        if blocks and height <= max_height:
            rows: list[str] = []
            for block in blocks:
                block_width = _width(block)
                rows.extend(line.ljust(block_width) for line in block)
            return "\n".join(rows)
    return None


class AffirmationCard(Vertical):
    """The affirmation now showing, as large as the room allows."""

    DEFAULT_CSS = """
    AffirmationCard { width: 100%; height: auto; }
    AffirmationCard #affirm-big { width: 100%; height: auto; text-align: center; color: $accent; }
    AffirmationCard #affirm-card { width: 100%; height: auto; text-align: center; text-style: bold; color: $text; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.max_art_height = 8

    def compose(self) -> ComposeResult:
        yield Static(id="affirm-big", markup=False)
        yield Static(id="affirm-card", markup=False)

    def show(self, text: str, max_art_height: int) -> None:
        """Show ``text``; figlet may use at most ``max_art_height`` rows."""
        self.text, self.max_art_height = text, max_art_height
        self.query_one("#affirm-card", Static).update(Text(text))
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    @property
    def uses_figlet(self) -> bool:
        return bool(self.query_one("#affirm-big", Static).display)

    def _draw(self) -> None:
        width = self.content_region.width or self.app.size.width - 8
        art = figlet_block(self.text, max(1, width), self.max_art_height) if self.text else None
        big = self.query_one("#affirm-big", Static)
        plain = self.query_one("#affirm-card", Static)
        big.display = art is not None
        plain.display = art is None
        if art is not None:
            big.update(Text(art, justify="center", no_wrap=True, overflow="crop"))
