"""Issue 10 items 3 and 8: one notation for keys, one way to cut a person's words."""

from __future__ import annotations

from tui.core.keys import key_display, keys_display
from tui.core.shorten import shorten_at_word
from tui.ui.dialogs.delete_confirm import delete_detail, delete_question


def test_item10_3_key_display_writes_every_key_one_way() -> None:
    assert key_display("ctrl+s") == "Ctrl+S"
    assert key_display("ctrl+p") == "Ctrl+P"
    assert key_display("escape") == "Esc"
    assert key_display("enter") == "Enter"
    assert key_display("space") == "Space"
    assert key_display("tab") == "Tab"
    assert key_display("left") == "←" and key_display("right") == "→"
    assert key_display("question_mark") == "?"
    assert key_display("f2") == "F2"
    assert key_display("d") == "d"
    assert keys_display("d,delete") == "d, Del"


def test_item10_3_delete_question_is_one_wording_for_every_kind() -> None:
    assert delete_question("check-in") == "Delete this check-in?"
    assert delete_question("affirmation") == "Delete this affirmation?"
    detail = delete_detail("x " * 80, note="Written on Monday.")
    assert detail.splitlines()[1:] == ["Written on Monday.", "You can undo this right after with u."]


def test_item10_8_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    text = "Tea with a friend by the park, and a long talk about everything that happened this winter"
    short = shorten_at_word(text, 40)
    assert short == "Tea with a friend by the park, and a…"
    assert len(short) <= 40 and short.endswith("…")
    assert text.startswith(short[:-1])
    assert shorten_at_word("Short and\nsweet", 40) == "Short and sweet"
    assert shorten_at_word("a" * 50, 10) == "a" * 9 + "…"
