"""Journal benchmark (run by hand): ten years of entries, search, and typing in a long entry.

    python tests/perf/bench_journal.py

Prints figures and ratios: first (issue 12.4, in a real terminal with the
installed ``heartwork``) opening the entry list at 1, 10 and 30 years of
realistic data, 30 years <= 1.5x 1 year (``--years`` picks the sizes; none
skips it); then the targets in issue 6:
- opening the entry list with 3,650 entries <= 2x the time with 10 entries;
- a search over all entries answers <= 100 ms after the keystroke;
- typing in a 50,000-character entry: keystroke to screen <= 50 ms.
Data is generated here (seeded), in a real database file in a temporary folder.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from textual import events
from textual.widgets import Input, OptionList, TextArea

from tui.core.clock import SystemClock
from tui.core.journal import JournalEntry
from tui.core.journal_search import SearchFilter, filter_entries
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store
from tui.ui.app import Launch, create_app
from tui.ui.screens.journal.journal import JournalScreen
from tui.ui.screens.journal.journal_list import JournalListScreen

WORDS = [
    "quiet",
    "morning",
    "walk",
    "kind",
    "tired",
    "hopeful",
    "river",
    "friend",
    "work",
    "heavy",
    "light",
    "slow",
    "breath",
    "tea",
    "rain",
    "garden",
    "laugh",
    "worry",
    "rest",
    "gentle",
    "enough",
    "today",
    "tomorrow",
    "small",
    "step",
    "café",
    "naïve",
    "Zoë",
    "crème",
    "felt",
    "noticed",
    "wanted",
    "needed",
    "sleep",
    "music",
    "cold",
    "warm",
    "sun",
    "window",
    "door",
    "home",
    "family",
    "call",
]


def make_entries(count: int, rng: random.Random) -> list[JournalEntry]:
    start = date(2026, 3, 1)
    now = datetime(2026, 3, 2, 9, 30).astimezone()
    entries = []
    for index in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 1500:
            words.append(rng.choice(WORDS))
        entry = JournalEntry.new(
            now, body=" ".join(words), title=f"Day {index}", tags=[rng.choice(["work", "home", "rest"])]
        )
        entry.entry_date = (start - timedelta(days=index)).isoformat()
        entries.append(entry)
    return entries


def open_store(folder: Path, count: int) -> Store:
    store = Store.open(folder / f"bench-{count}.json")
    store.repo(JournalRepository).save_many(make_entries(count, random.Random(count)))
    store.close()
    return Store.open(folder / f"bench-{count}.json")


async def time_open_list(store: Store, rounds: int = 5) -> tuple[float, float]:
    """(first open incl. building the index, median of later opens) in seconds."""
    app = create_app(store, SystemClock(), launch=Launch("journal"), themes_dir=Path("/nonexistent"))
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(rounds):
            started = time.perf_counter()
            await pilot.press("ctrl+l")
            while not (isinstance(app.screen, JournalListScreen) and app.screen.query_one(OptionList).option_count):
                await asyncio.sleep(0)
            await pilot.pause()
            times.append(time.perf_counter() - started)
            await pilot.press("escape")
            await pilot.pause()
    return times[0], statistics.median(times[1:])


async def time_search(store: Store, query: str) -> list[tuple[float, float, int]]:
    """For each keystroke of ``query``: (keystroke to results set, keystroke to next frame, matches)."""
    app = create_app(store, SystemClock(), launch=Launch("journal"), themes_dir=Path("/nonexistent"))
    results: list[tuple[float, float, int]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalListScreen)
        marks: dict[str, float] = {}
        original_refresh = screen.refresh_list
        original_frame = screen._compositor_refresh

        def refresh_list(**kwargs: Any) -> None:
            original_refresh(**kwargs)
            marks.setdefault("results", time.perf_counter())

        def frame() -> None:
            original_frame()
            if "results" in marks:
                marks.setdefault("frame", time.perf_counter())

        screen.refresh_list = refresh_list  # type: ignore[method-assign]
        screen._compositor_refresh = frame  # type: ignore[method-assign]
        await pilot.press("slash")
        for char in query:
            marks.clear()
            started = time.perf_counter()
            send_key(app, char)
            while "frame" not in marks:
                await asyncio.sleep(0)
            results.append((marks["results"] - started, marks["frame"] - started, screen.matching))
        assert screen.query_one("#list-search", Input).value == query
    return results


def send_key(app: Any, char: str) -> None:
    """Deliver one key press as the terminal driver would, without Pilot's waiting."""
    app._driver.send_message(events.Key(char, char))


async def time_typing(store: Store, length: int, paragraph: int, keys: int = 30) -> list[tuple[float, float]]:
    """Per keystroke in a ``length``-character entry of ``paragraph``-character paragraphs: (model, screen)."""
    app = create_app(store, SystemClock(), launch=Launch("journal"), themes_dir=Path("/nonexistent"))
    latencies: list[tuple[float, float]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        rng = random.Random(5)
        paragraphs: list[str] = []
        total = 0
        while total < length:
            words: list[str] = []
            paragraph_length = 0
            while paragraph_length < paragraph:
                words.append(rng.choice(WORDS))
                paragraph_length += len(words[-1]) + 1
            paragraphs.append(" ".join(words))
            total += len(paragraphs[-1]) + 1
        body = "\n".join(paragraphs)[:length]
        area = screen.query_one("#journal-text", TextArea)
        area.load_text(body)
        area.move_cursor((area.document.line_count // 2, 10))
        await pilot.pause()
        marks: dict[str, float] = {}
        original_changed = screen._text_changed
        original_frame = screen._compositor_refresh

        def frame() -> None:
            original_frame()
            if "model" in marks:
                marks.setdefault("frame", time.perf_counter())

        screen._compositor_refresh = frame  # type: ignore[method-assign]
        for _index in range(keys):
            marks.clear()
            before = len(screen._body)
            started = time.perf_counter()
            send_key(app, "a")
            while len(screen._body) == before:
                await asyncio.sleep(0)
            marks["model"] = time.perf_counter()
            while "frame" not in marks:
                await asyncio.sleep(0)
            latencies.append((marks["model"] - started, marks["frame"] - started))
            await pilot.pause(0.02)
        assert original_changed is not None
    return latencies


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, nargs="*", default=[1, 10, 30])
    parser.add_argument("--sizes-only", action="store_true", help="only the 1/10/30-year comparison")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.years:
        from terminal_timing import compare_sizes

        compare_sizes(
            "opening the journal list", ["journal"], "Heartwork", "C-l", "newest first", args.years, args.runs
        )
    if args.sizes_only:
        return
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        small, large = open_store(folder, 10), open_store(folder, 3650)
        size = (folder / "bench-3650.json").stat().st_size
        print(f"database: 3,650 entries, {size / 1e6:.1f} MB")

        repo = large.repo(JournalRepository)
        started = time.perf_counter()
        repo.summaries()
        print(f"index build (fold 3,650 entries): {(time.perf_counter() - started) * 1000:.1f} ms")
        summaries = repo.summaries()
        started = time.perf_counter()
        for _ in range(20):
            filter_entries(summaries, SearchFilter(query="crème zoe"))
        print(f"core search, all entries: {(time.perf_counter() - started) / 20 * 1000:.2f} ms")
        large.close()
        large = Store.open(folder / "bench-3650.json")

        small_first, small_warm = asyncio.run(time_open_list(small))
        large_first, large_warm = asyncio.run(time_open_list(large))
        print(f"open list, 10 entries:    first {small_first * 1000:6.1f} ms, then {small_warm * 1000:6.1f} ms")
        print(f"open list, 3,650 entries: first {large_first * 1000:6.1f} ms, then {large_warm * 1000:6.1f} ms")
        print(f"  ratio first {large_first / small_first:.2f}x, then {large_warm / small_warm:.2f}x (target <= 2x)")

        search = asyncio.run(time_search(large, "zoë"))
        for char, (to_results, to_frame, matches) in zip("zoë", search, strict=False):
            print(
                f"search key {char!r}: results {to_results * 1000:5.1f} ms, on screen {to_frame * 1000:5.1f} ms ({matches:,} matches)"
            )
        worst = max(to_frame for _, to_frame, _ in search)
        print(f"  worst keystroke to screen {worst * 1000:.1f} ms (target <= 100 ms)")

        for paragraph in (600, 5_000, 50_000):
            typing = asyncio.run(time_typing(small, 50_000, paragraph))
            model = [m for m, _ in typing]
            frames = [f for _, f in typing]
            print(
                f"typing in a 50,000-character entry ({paragraph:,}-char paragraphs): model median "
                f"{statistics.median(model) * 1000:.1f} ms, to screen median {statistics.median(frames) * 1000:.1f} ms, "
                f"worst {max(frames) * 1000:.1f} ms (target <= 50 ms)"
            )
        small.close()
        large.close()


if __name__ == "__main__":
    main()
