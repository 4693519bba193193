"""The footer shows whole keys, the screen's own first, `?` always; a dialog shows its own keys."""

from __future__ import annotations

import pytest
from layout_checks import footer_problems, footer_words

from tui.ui.widgets.calm_footer import RANK_ALWAYS, RANK_APP, RANK_OWN, FooterEntry, fit_entries


def _entry(key: str, description: str, rank: int) -> FooterEntry:
    return FooterEntry(key, key, description, key, True, "", rank)


def test_item10_4_fit_keeps_help_and_stops_at_the_first_key_that_does_not_fit() -> None:
    entries = [
        _entry("1", "Week", RANK_OWN),
        _entry("2", "A very long description", RANK_OWN),
        _entry("3", "Year", RANK_OWN),
        _entry("h", "Home", RANK_APP),
        _entry("?", "Help", RANK_ALWAYS),
    ]
    shown = fit_entries(entries, 16)
    assert [entry.key for entry in shown] == ["1", "?"]
    assert sum(entry.width for entry in shown) <= 16
    assert [entry.key for entry in fit_entries(entries, 3)] == ["?"]


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize(
    ("section", "keys", "first_own"),
    [
        ("home", (), None),
        ("mood", (), "Week"),
        ("journal", ("escape",), "Save"),
        ("breathe", (), None),
        ("affirm", (), None),
        ("selfcare", (), None),
    ],
)
async def test_item10_4_footer_never_cuts_a_word_and_keeps_help(make_app, width, section, keys, first_own) -> None:
    app = make_app(section)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert footer_problems(app.screen) == []
        words = footer_words(app.screen)
        assert ("?", "Help") in words
        if first_own:
            assert words[0][1] == first_own


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize(
    ("opener", "expected"),
    [
        ("c", {"Save", "Cancel"}),
        ("comma", {"Close"}),
        ("question_mark", {"Close"}),
    ],
    ids=["checkin", "settings", "help"],
)
async def test_item10_4_a_dialog_shows_its_own_keys(make_app, width, opener, expected) -> None:
    app = make_app("mood")
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.press(opener)
        await pilot.pause()
        descriptions = {description for _key, description in footer_words(app.screen)}
        assert expected <= descriptions
        assert not descriptions & {"Week", "Reflect", "Home", "Breathe"}
        assert footer_problems(app.screen) == []


async def test_item10_4_confirmation_shows_yes_and_no(make_app) -> None:
    from tui.ui.dialogs.confirm import ConfirmScreen

    app = make_app("mood")
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmScreen("Delete this?"))
        await pilot.pause()
        # Its own keys only (the answers are buttons; no letter answers a destructive question).
        assert {description for _key, description in footer_words(app.screen)} == {"Back", "Next choice", "Answer"}
