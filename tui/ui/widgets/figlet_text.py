"""Large text drawn with pyfiglet, in the biggest font that fits the width.

Falls back to smaller fonts, then to plain bold text, so it never wraps into
a mess on a narrow terminal. The plain words are always available to screen
readers through ``plain``.
"""

from __future__ import annotations

import json
from functools import lru_cache

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.content import files

FONTS: tuple[str, ...] = ("standard", "small", "mini")


# Words the app always draws large, pre-rendered so the first frame need not load
# pyfiglet's fonts. tests/unit/test_figlet_cache.py checks every entry still equals
# what pyfiglet draws; `python -m tui.ui.widgets.figlet_text` rewrites the file.
CACHED_WORDS: tuple[str, ...] = (
    "Heartwork",
    "Get ready",
    "Breathe in",
    "Hold",
    "Breathe out",
    "Sip in",
    "Paused",
    "Well done",
)
CACHE_FILE = "figlet_cache.json"


@lru_cache(maxsize=1)
def _cached_art() -> dict[str, dict[str, str]]:
    try:
        art: dict[str, dict[str, str]] = json.loads(
            files("tui.content").joinpath(CACHE_FILE).read_text(encoding="utf-8")
        )
    except (OSError, ValueError):
        return {}
    return art


def figlet_art(text: str, font: str) -> str | None:
    """Raw pyfiglet output for ``text`` in ``font`` (pre-rendered when possible)."""
    cached = _cached_art().get(font, {}).get(text)
    if cached is not None:
        return cached
    import pyfiglet

    try:
        return str(pyfiglet.figlet_format(text, font=font, width=10_000))
    except pyfiglet.FontNotFound:
        return None


def build_cache(words: tuple[str, ...] = CACHED_WORDS, fonts: tuple[str, ...] = FONTS) -> dict[str, dict[str, str]]:
    """Render ``words`` in every font with pyfiglet (for the cache file)."""
    import pyfiglet

    return {font: {word: pyfiglet.figlet_format(word, font=font, width=10_000) for word in words} for font in fonts}


@lru_cache(maxsize=256)
def render_figlet(text: str, width: int, max_height: int, fonts: tuple[str, ...] = FONTS) -> str | None:
    """The text in the largest font that fits ``width`` x ``max_height``, or None."""
    for font in fonts:
        art = figlet_art(text, font)
        if art is None:
            continue
        lines = [line.rstrip() for line in art.splitlines()]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        widest = max((len(line) for line in lines), default=0)
        if lines and widest <= width and len(lines) <= max_height:
            return "\n".join(line.ljust(widest) for line in lines)
    return None


class FigletText(Widget):
    """Big friendly letters that fit the space they are given."""

    DEFAULT_CSS = """
    FigletText {
        width: 100%;
        height: auto;
        content-align: center middle;
        text-align: center;
        color: $accent;
    }
    """

    text: reactive[str] = reactive("", layout=True)

    def __init__(
        self, text: str = "", *, max_height: int = 8, fonts: tuple[str, ...] = FONTS, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.max_height = max_height
        self.fonts = fonts
        self.text = text

    @property
    def plain(self) -> str:
        return self.text

    def render(self) -> Text:
        width = max(1, self.size.width or self.app.size.width)
        art = render_figlet(self.text, width, self.max_height, self.fonts) if self.text else None
        if art is None:
            return Text(self.text, style="bold", justify="center")
        return Text(art, justify="center", no_wrap=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        art = render_figlet(self.text, max(1, width), self.max_height, self.fonts) if self.text else None
        return 1 if art is None else art.count("\n") + 1


if __name__ == "__main__":
    target = files("tui.content").joinpath(CACHE_FILE)
    with open(str(target), "w", encoding="utf-8") as handle:
        json.dump(build_cache(), handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"wrote {target}")
