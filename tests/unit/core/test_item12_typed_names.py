"""Issue 12: the quick ``selfcare done`` picks a routine by name exactly as ``match_routine`` does.

:func:`tui.core.typed_names.only_match` (plain texts, no dataclasses or
difflib) must choose the same routine as
:func:`tui.core.selfcare_names.match_routine`, and choose none whenever that
one finds none or several (then the full command says which come close).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.selfcare import SelfCareItem
from tui.core.selfcare_names import match_routine
from tui.core.typed_names import only_match

TEXTS = [
    "Walk outside",
    "walk  OUTSIDE",
    "Drink water",
    "Café au lait",
    "Cafe\u0301 au lait",
    "🌿 Water the plants",
    "👩🏽‍💻 Code a little",
    "שלום עליך",
    "مرحبا بك",
    "Read",
    "Read a book",
    "Tea.",
    "Tea!",
    "ﬁnish the puzzle",
    "Straße",
    "İstanbul call",
    "",
    "   ",
]
NAMES = [
    "walk outside",
    "WALK",
    "walk outsid",
    "wlak",
    "water",
    "cafe",
    "CAFÉ AU LAIT",
    "🌿",
    "💻",
    "שלום",
    "مرحبا",
    "read",
    "read a",
    "tea",
    "tea!",
    "tea.",
    "finish",
    "strasse",
    "istanbul",
    "a",
    "",
    "  ",
    "!",
    "zzz",
]


def _choice(name: str, texts: Sequence[str]) -> int | None:
    items = [SelfCareItem(text=text, id=f"id{index}") for index, text in enumerate(texts)]
    found = match_routine(name, items)
    return None if found.item is None else items.index(found.item)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", [1, 3, 9, len(TEXTS)])
def test_the_quick_rule_chooses_what_match_routine_chooses(name: str, size: int) -> None:
    for start in range(len(TEXTS)):
        texts = (TEXTS[start:] + TEXTS[:start])[:size]
        assert only_match(name, texts) == _choice(name, texts), (name, texts)


def test_the_cases_that_matter_are_among_those_compared() -> None:
    assert only_match("walk", ["Walk outside", "Drink water"]) == 0  # the only one containing it
    assert only_match("read", ["Read a book", "Read"]) == 1  # equal beats containing
    assert only_match("walk outside", ["Walk outside", "walk  OUTSIDE"]) is None  # ambiguous
    assert only_match("wlak", ["Walk outside"]) is None  # close only: the full command suggests it
    assert only_match("  ", ["Walk"]) is None


words = st.text(alphabet=st.sampled_from(list("aAeéÉ .!ß\u0301🌿שا")), max_size=6)


@settings(max_examples=300, deadline=None)
@given(name=words, texts=st.lists(words, max_size=6))
def test_any_name_and_routines_get_the_same_choice(name: str, texts: list[str]) -> None:
    assert only_match(name, texts) == _choice(name, texts)
