"""The pre-rendered large words must equal what pyfiglet draws, font by font."""

from __future__ import annotations

import pyfiglet

from tui.ui.widgets.figlet_text import CACHED_WORDS, FONTS, _cached_art, render_figlet


def test_every_cached_word_matches_pyfiglet() -> None:
    cache = _cached_art()
    for font in FONTS:
        for word in CACHED_WORDS:
            assert cache[font][word] == pyfiglet.figlet_format(word, font=font, width=10_000), (font, word)


def test_uncached_words_are_still_drawn() -> None:
    art = render_figlet("Kindness", 200, 10)
    assert art is not None and len(art.splitlines()) >= 3


def test_too_narrow_falls_back_to_none() -> None:
    assert render_figlet("Heartwork", 8, 10) is None
