"""Issue 12.2: the first frame never waits for the database; keys pressed meanwhile are honoured once it is open.

The load is held back with an event (never a sleep): the loader blocks in its
thread worker until the test lets it go.
"""

from __future__ import annotations

import gc
import importlib
import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Static

from tui.core.checkin import Checkin
from tui.core.clock import FakeClock
from tui.sections import SECTIONS
from tui.store.checkin_repository import CheckinRepository
from tui.store.errors import CorruptDatabaseError
from tui.store.store import Store
from tui.ui.app import OPENING_MODE, HeartworkApp, Launch, create_app
from tui.ui.screens.opening.opening import OpeningScreen
from tui.ui.store_loading import OPENING_LINE, NotOpened, Opened, StoreOutcome, Unreadable

SIZE = (100, 32)


class GatedLoader:
    """Opens ``outcome`` only once :meth:`let_go` is called, as a slow disk would."""

    def __init__(self, outcome: StoreOutcome) -> None:
        self.outcome = outcome
        self.gate = threading.Event()
        self.started = threading.Event()

    def __call__(self) -> StoreOutcome:
        self.started.set()
        assert self.gate.wait(20), "the test never let the load finish"
        return self.outcome

    def let_go(self) -> None:
        self.gate.set()


def gated_app(
    tmp_path: Path, clock: FakeClock, outcome: StoreOutcome, section: str = "home"
) -> tuple[HeartworkApp, GatedLoader]:
    loader = GatedLoader(outcome)
    app = create_app(None, clock, launch=Launch(section=section), themes_dir=tmp_path / "no-themes", loader=loader)
    return app, loader


async def until(pilot: Any, condition: Any) -> None:
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app never got there")


def shown_text(app: HeartworkApp) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def screen_class(path: str) -> type:
    module_name, class_name = path.split(":")
    return getattr(importlib.import_module(module_name), class_name)  # type: ignore[no-any-return]


async def test_item12_2_home_paints_the_opening_line_before_the_database_is_read(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    store.repo(CheckinRepository).add(Checkin(at=clock.now(), pleasantness=7))
    app, loader = gated_app(tmp_path, clock, Opened(store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.ready
        assert app.screen.query_one("#home-summary", Static).render().plain == OPENING_LINE
        assert "Today is" in shown_text(app)
        assert not app.screen.query_one("#home-sparkline").display
        loader.let_go()
        await until(pilot, lambda: app.ready and OPENING_LINE not in shown_text(app))
        await pilot.pause()
        assert "So far today" in shown_text(app)
        assert app.screen.query_one("#home-sparkline").display


async def test_item12_2_keys_pressed_before_the_load_are_honoured_in_order(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "m", "c")
        assert app.current_mode == "home" and not app.ready
        loader.let_go()
        await until(pilot, lambda: type(app.screen).__name__ == "CheckinScreen")
        assert app.current_mode == "mood"


async def test_item12_2_help_asked_for_before_the_load_opens_once_it_is_in(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store), section="mood")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, OpeningScreen)
        loader.let_go()
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "MoodScreen")


async def test_item12_2_a_palette_action_before_the_load_waits_for_it(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.run_action("section('selfcare')")
        assert app.current_mode == "home"
        loader.let_go()
        await until(pilot, lambda: app.current_mode == "selfcare")


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)
async def test_item12_2_every_section_shows_the_opening_line_before_load_then_itself(
    tmp_path: Path, clock: FakeClock, store: Store, section: Any
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store), section=section.name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert OPENING_LINE in shown_text(app)
        if section.name != "home":
            assert isinstance(app.screen, OpeningScreen) and section.title in shown_text(app)
        await pilot.resize_terminal(70, 24)  # a resize before load redraws the stand-in, never the real screen
        await pilot.pause()
        assert OPENING_LINE in shown_text(app)
        loader.let_go()
        await until(
            pilot, lambda: isinstance(app.screen, screen_class(section.screen)) and OPENING_LINE not in shown_text(app)
        )
        assert app.current_mode == section.name
        await until(pilot, lambda: OPENING_MODE not in app._screen_stacks)  # the stand-in is gone


async def test_item12_2_typing_before_the_load_reaches_the_journal(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    from textual.widgets import TextArea

    app, loader = gated_app(tmp_path, clock, Opened(store), section="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        loader_started = loader.started.wait(5)
        assert loader_started
        await pilot.press(*"calm")
        app.post_message(events.Paste(" and \x1b[31mrested"))
        await pilot.pause()
        loader.let_go()
        await until(pilot, lambda: type(app.screen).__name__ == "JournalScreen")
        await pilot.pause()
        assert isinstance(app.focused, TextArea) and app.focused.text.startswith("calm and ")
        assert "\x1b" not in app.focused.text and app.focused.text.endswith("rested")


async def test_item12_2_an_unreadable_file_found_by_the_worker_ends_in_the_recovery_flow(
    tmp_path: Path, clock: FakeClock
) -> None:
    error = CorruptDatabaseError(tmp_path / "heartwork.json", "it does not parse")
    app, loader = gated_app(tmp_path, clock, Unreadable(error))
    async with app.run_test(size=SIZE) as pilot:
        loader.let_go()
        await until(pilot, lambda: app.return_code is not None)
    assert isinstance(app.wait_for_store_outcome(), Unreadable)


async def test_item12_2_quitting_before_the_load_finishes_still_hands_back_the_store(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    threading.Timer(0.05, loader.let_go).start()
    outcome = app.wait_for_store_outcome()
    if loader.started.is_set():
        assert isinstance(outcome, Opened) and outcome.store is store
    else:
        assert outcome is None  # quit before the load began: nothing was opened, nothing to close


def test_item12_2_the_launcher_shows_recovery_then_reopens(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tui.cli.launch as launch
    from tui.cli.main import build_parser

    error = CorruptDatabaseError(tmp_path / "heartwork.json", "it does not parse")
    outcomes: list[tuple[StoreOutcome | None, int]] = [(Unreadable(error), 1), (Opened(Store.in_memory()), 0)]
    recoveries: list[CorruptDatabaseError] = []
    monkeypatch.setattr(launch, "_run_app", lambda *args: outcomes.pop(0))
    monkeypatch.setattr("tui.cli.recovery.run_recovery", lambda e: recoveries.append(e) or True)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    args = build_parser().parse_args(["--db", str(tmp_path / "heartwork.json")])
    assert launch._launch(args) == 0
    assert recoveries == [error] and outcomes == []


def test_item12_2_a_failed_open_is_one_line_and_its_exit_code(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tui.cli.launch as launch
    from tui.cli.main import build_parser

    monkeypatch.setattr(launch, "_run_app", lambda *args: (NotOpened("no such pattern 'x'", 2), 2))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    args = build_parser().parse_args(["--db", str(tmp_path / "heartwork.json")])
    assert launch._launch(args) == 2
    assert capsys.readouterr().err.strip() == "heartwork: no such pattern 'x'"


@pytest.mark.parametrize("section", [s for s in SECTIONS if s.name != "home"], ids=lambda s: s.name)
async def test_item12_2_a_section_key_pressed_on_home_before_load_keeps_the_opening_line_then_opens_it(
    tmp_path: Path, clock: FakeClock, store: Store, section: Any
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(section.key)
        await pilot.pause()
        assert not app.ready and app.current_mode == "home"  # held, not acted on half-ready
        assert app.screen.query_one("#home-summary", Static).render().plain == OPENING_LINE
        loader.let_go()
        await until(pilot, lambda: isinstance(app.screen, screen_class(section.screen)))
        assert app.current_mode == section.name and OPENING_LINE not in shown_text(app)
        await pilot.pause()
        assert len(app.screen_stack) == 1  # honoured once: the section, nothing pushed twice


async def test_item12_2_a_check_in_asked_for_before_load_opens_exactly_one_dialog(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert not app.ready and OPENING_LINE in shown_text(app) and len(app.screen_stack) == 1
        loader.let_go()
        await until(pilot, lambda: type(app.screen).__name__ == "CheckinScreen")
        await pilot.pause(0.05)
        assert [type(screen).__name__ for screen in app.screen_stack].count("CheckinScreen") == 1


async def test_item12_2_the_palette_asked_for_before_load_waits_then_opens_over_the_loaded_screen(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    from textual.command import CommandPalette

    app, loader = gated_app(tmp_path, clock, Opened(store), section="mood")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert isinstance(app.screen, OpeningScreen) and OPENING_LINE in shown_text(app)
        loader.let_go()
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.current_mode == "mood"
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "MoodScreen")


async def test_item12_4_home_fills_in_from_the_day_figures_and_follows_a_new_checkin(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    store.repo(CheckinRepository).add(Checkin(at=clock.now(), pleasantness=4))
    app, loader = gated_app(tmp_path, clock, Opened(store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#home-summary", Static).render().plain == OPENING_LINE
        loader.let_go()
        await until(pilot, lambda: "1 check-in, feeling 4.0 of 10" in shown_text(app))
        store.repo(CheckinRepository).add(Checkin(at=clock.now(), pleasantness=8))
        app.data_changed()
        await until(pilot, lambda: "2 check-ins, feeling 6.0 of 10" in shown_text(app))


async def test_item12_2_what_the_warm_up_builds_is_frozen_then_collection_resumes(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    built: list[list[int]] = []
    warmed = threading.Event()

    def warm_up() -> None:
        built.extend([n] for n in range(5000))  # long-lived, like the journal's index
        warmed.set()

    app, loader = gated_app(tmp_path, clock, Opened(store, warm_up=warm_up))
    gc.disable()  # as the launcher leaves it until the data is in
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            loader.let_go()
            await until(pilot, lambda: warmed.is_set() and gc.isenabled())
            collectable = {id(thing) for thing in gc.get_objects()}  # the frozen are in none of the generations
            assert id(built[0]) not in collectable and id(built[-1]) not in collectable
    finally:
        gc.enable()


async def test_item12_2_a_load_whose_thread_had_not_begun_when_the_app_ended_is_given_up(
    tmp_path: Path, clock: FakeClock, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, loader = gated_app(tmp_path, clock, Opened(store))
    late: list[Any] = []
    monkeypatch.setattr(app, "run_worker", lambda work, **options: late.append(work))  # the thread is slow to start
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(late))
        await pilot.press("ctrl+q")
        await pilot.pause()
    loader.let_go()
    assert app.wait_for_store_outcome() is None  # before: waited for ever for a thread that never ran
    late[0]()  # the thread runs after all, late: it opens nothing
    assert not loader.started.is_set() and app.store_outcome is None
