"""Item 9.2: terminal control characters in stored text are shown as symbols, never obeyed."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_text import seed_hostile_text
from pty_app import AppInPty
from textual.widgets import OptionList, TextArea

from tui.store.store import Store
from tui.ui.screens.journal.journal import JournalScreen
from tui.ui.screens.journal.journal_list import JournalListScreen

MakeApp = Callable[..., Any]


def _screen_text(app: Any) -> str:
    """Every character the current screen draws."""
    return app.export_screenshot()  # type: ignore[no-any-return]


def _assert_visible_not_raw(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "\u241b" in text, "the escape character is shown as its symbol"


async def test_item9_2_mood_latest_checkins_show_controls_as_symbols(make_app: MakeApp, store: Store) -> None:
    seed_hostile_text(store)
    app = make_app("mood")
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        latest = app.screen.query_one(OptionList)
        prompts = " ".join(str(latest.get_option_at_index(i).prompt) for i in range(latest.option_count))
        _assert_visible_not_raw(prompts)
        _assert_visible_not_raw(_screen_text(app))


async def test_item9_2_journal_list_and_entry_show_controls_as_symbols(make_app: MakeApp, store: Store) -> None:
    seed_hostile_text(store)
    app = make_app("journal")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, JournalListScreen)
        _assert_visible_not_raw(_screen_text(app))
        assert "Title\u241b]0;PWNED\u2407" in _screen_text(app)
        await pilot.press("enter")  # open the entry
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        body = app.screen.query_one(TextArea).text
        assert body == "first line\u241b[2J\nsecond\tline\u241b]0;PWNED\u2407", "newline and tab kept, controls shown"
        _assert_visible_not_raw(_screen_text(app))


async def test_item9_2_home_shows_no_raw_control(make_app: MakeApp, store: Store) -> None:
    seed_hostile_text(store)
    app = make_app("home")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert "\x1b" not in _screen_text(app)


def _read_until_drawn(app: AppInPty, marker: bytes, timeout: float = 20) -> None:
    """Keep reading until ``marker`` is somewhere in all that was drawn (a fixed wait is too short when busy)."""
    deadline = time.monotonic() + timeout
    while marker not in app.output and time.monotonic() < deadline:
        app.read_for(0.1)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_item9_2_bytes_written_to_the_terminal_carry_no_injected_sequence(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db)
    try:
        seed_hostile_text(store, day="2026-01-05")
    finally:
        store.close()
    tag = "work\u241b]0;PWNED\u2407".encode()
    with AppInPty("--db", str(db), "mood", columns=110, rows=50) as app:
        assert app.read_until(b"Questionnaire", timeout=20), "the mood dashboard did not start"
        _read_until_drawn(app, tag)  # the check-ins (with the tag) load after the first frame
        app.read_for(0.5)
        app.type("j")  # to the journal, then its list of entries
        app.read_for(1.5)
        app.type("\x0c")  # ctrl+l
        assert app.read_until(b"Title", timeout=10), "the journal list did not show the entry"
        app.read_for(1.0)
        app.type("\r")
        app.read_for(1.5)
        drawn = app.output
    # Textual never renames the window itself (no OSC 0) nor clears with ESC[2J: any of these came from the data.
    assert b"\x1b]0;" not in drawn
    assert b"PWNED\x07" not in drawn
    assert b"\x1b[2J" not in drawn
    assert b"\xc2\x9b" not in drawn  # C1 CSI, UTF-8 encoded
    assert tag in drawn, "the tag is drawn with visible symbols"
    assert "Title\u241b]0;PWNED\u2407".encode() in drawn, "the title is drawn with visible symbols"


async def test_item9_2_pasted_control_characters_are_made_visible_at_input(make_app: MakeApp, store: Store) -> None:
    from textual import events

    from tui.store.journal_draft_repository import JournalDraftRepository

    app = make_app("journal")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        text_area = app.screen.query_one(TextArea)
        text_area.focus()
        await pilot.pause()
        app.post_message(events.Paste("kind\x1b]0;X\x07 words\nnext\tline"))
        await pilot.pause()
        assert text_area.text == "kind\u241b]0;X\u2407 words\nnext\tline"
        app.screen.save_draft()
    draft = store.repo(JournalDraftRepository).current()
    assert draft is not None and "\x1b" not in draft.entry.body
