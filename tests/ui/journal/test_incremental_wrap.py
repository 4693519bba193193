"""Incremental soft wrap gives exactly what Textual's full wrap gives, for any text and any edit."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual._wrap import compute_wrap_offsets
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument
from textual.widgets import TextArea

from tui.ui.widgets.capped_text_area import CappedTextArea
from tui.ui.widgets.incremental_wrap import IncrementalWrappedDocument, rewrap_line

PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\u3000",
        "\u00a0",
        "a",
        "word",
        "kind",
        "hopeful ",
        "x" * 25,
        "naïve",
        "crème",
        "日本語",
        "漢字かな",
        "😀",
        "👍🏽",
        "👩‍👩‍👧",
        "e\u0301",
        "\u200b",
        "\x07",
        "-",
        ".",
        "1234567890" * 4,
        "\t",
    ]
)


def texts(min_size: int = 0) -> st.SearchStrategy[str]:
    return st.lists(PIECES, min_size=min_size, max_size=120).map("".join)


def untabbed(min_size: int = 0) -> st.SearchStrategy[str]:
    return texts(min_size).map(lambda text: text.replace("\t", " "))


@st.composite
def edits(draw: st.DrawFn, line: str) -> str:
    """The line after one random replacement (insert, delete or replace) somewhere in it."""
    start = draw(st.integers(0, len(line)))
    end = draw(st.integers(start, min(len(line), start + draw(st.sampled_from([0, 1, 3, 40])))))
    return line[:start] + draw(untabbed().filter(lambda t: len(t) < 30)) + line[end:]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    width=st.integers(1, 40),
    tab_size=st.sampled_from([1, 4, 8]),
    window_rows=st.sampled_from([1, 2, 8]),
)
def test_rewrap_line_equals_full_wrap(data: st.DataObject, width: int, tab_size: int, window_rows: int) -> None:
    line = data.draw(untabbed())
    old_offsets = compute_wrap_offsets(line, width, tab_size)
    for _ in range(data.draw(st.integers(1, 4))):
        new = data.draw(edits(line))
        expected = compute_wrap_offsets(new, width, tab_size)
        assert rewrap_line(line, old_offsets, new, width, tab_size, window_rows) == expected
        line, old_offsets = new, expected


def wrapped_state(wrapped: WrappedDocument) -> tuple[object, ...]:
    return (
        wrapped._wrap_offsets,
        wrapped._offset_to_line_info,
        wrapped._line_index_to_offsets,
        wrapped._tab_width_cache,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), width=st.integers(0, 30))
def test_document_edits_keep_every_wrap_table_as_a_full_wrap_would(data: st.DataObject, width: int) -> None:
    lines = data.draw(st.lists(texts(), min_size=1, max_size=4))
    document = Document("\n".join(lines))
    wrapped = IncrementalWrappedDocument(document, width=width, tab_width=4)
    wrapped.min_line_length = 0
    for _ in range(data.draw(st.integers(1, 5))):
        row = data.draw(st.integers(0, document.line_count - 1))
        line = document[row]
        start = data.draw(st.integers(0, len(line)))
        end = data.draw(st.integers(start, len(line)))
        multi_line = data.draw(st.booleans()) and document.line_count > 1 and row + 1 < document.line_count
        insert = data.draw(st.one_of(untabbed(), texts(), st.just("\n"), st.just("a\nb")))
        bottom = (row + 1, 0) if multi_line else (row, end)
        result = document.replace_range((row, start), bottom, insert)
        wrapped.wrap_range((row, start), bottom, result.end_location)
        fresh = WrappedDocument(document, width=width, tab_width=4)
        assert wrapped_state(wrapped) == wrapped_state(fresh)
        for index in range(document.line_count):
            assert wrapped.get_sections(index) == fresh.get_sections(index)


def test_typing_through_a_long_paragraph_wraps_as_a_full_wrap() -> None:
    words = ("quiet morning walk 日本語 kind 😀 " * 3000).strip()
    document = Document(words)
    wrapped = IncrementalWrappedDocument(document, width=57, tab_width=4)
    for column in (0, 5, 1234, 30_000, len(words) // 2, len(words)):
        for insert in ("a", " ", "xyz ", "\u3000"):
            result = document.replace_range((0, column), (0, column), insert)
            wrapped.wrap_range((0, column), (0, column), result.end_location)
            assert wrapped._wrap_offsets == WrappedDocument(document, width=57, tab_width=4)._wrap_offsets
        document.replace_range((0, column), (0, column + 9), "")
        wrapped.wrap_range((0, column), (0, column + 9), (0, column))
        assert wrapped._wrap_offsets == WrappedDocument(document, width=57, tab_width=4)._wrap_offsets


class TwinAreas(App[None]):
    """A stock TextArea and the journal's CappedTextArea, same size, same text."""

    CSS = "TextArea { width: 46; height: 12; }"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield TextArea(self.text, soft_wrap=True, tab_behavior="focus", id="stock")
            yield CappedTextArea(self.text, max_length=100_000, id="capped")


KEYS = [
    *"kind",
    "space",
    "backspace",
    "backspace",
    "up",
    "up",
    *"x y",
    "down",
    "down",
    "down",
    "shift+down",
    "shift+right",
    *"zz",
    "ctrl+z",
    "delete",
    "delete",
    "end",
    *"Zoë 日本 ",
    "up",
    "home",
    "shift+end",
    "backspace",
    "ctrl+z",
    "ctrl+z",
    "pagedown",
    *"ab",
    "ctrl+z",
    "ctrl+y",
    "shift+up",
    "shift+up",
    "space",
    "down",
    "left",
    *"q" * 12,
]


async def test_capped_area_edits_moves_and_draws_like_a_stock_text_area() -> None:
    paragraph = " ".join(["quiet", "morning", "日本語", "walk", "x" * 50, "😀", "kind", "hopeful"] * 60)
    app = TwinAreas(f"Title line\n{paragraph}\n\nlast {paragraph[:300]}")
    async with app.run_test(size=(100, 16)) as pilot:
        stock, capped = app.query_one("#stock", TextArea), app.query_one("#capped", CappedTextArea)
        assert isinstance(capped.wrapped_document, IncrementalWrappedDocument)
        for area in (stock, capped):
            area.cursor_blink = False
            area.move_cursor((1, 700))
        for key in KEYS:
            drawn = []
            for area in (stock, capped):
                area.focus()
                await pilot.press(key)
                await pilot.pause()
                drawn.append([list(area.render_line(y)) for y in range(area.size.height)])
            assert capped.text == stock.text
            assert capped.selection == stock.selection, key
            assert capped.scroll_offset == stock.scroll_offset
            assert wrapped_state(capped.wrapped_document) == wrapped_state(stock.wrapped_document)
            assert (
                capped.wrapped_document._wrap_offsets
                == WrappedDocument(capped.document, capped.wrap_width, 4)._wrap_offsets
            )
            assert drawn[0] == drawn[1], key
