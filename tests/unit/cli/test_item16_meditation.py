"""Issue 16: guides as data, the schedule shared with breathing, sessions, the store and the shell."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.content.guides import built_in_guides, load_guide_file, load_guides, parse_guide_text
from tui.core.breathing import Pattern, Phase, Schedule
from tui.core.homework_effects import MIN_SESSIONS_PER_PATTERN, pattern_sentence
from tui.core.meditation import GuideError, MeditationSession, find_guide
from tui.core.timed_steps import StepClock, TimedSteps
from tui.store.homework_effects_repository import load_homework_effects
from tui.store.meditation_repository import MeditationSessionRepository
from tui.store.store import Store
from tui.store.today_repository import summarize_day

WHEN = datetime(2026, 3, 2, 9, 30).astimezone()

GOOD = """\
id = "evening"
title = "Evening wind-down"
purpose = "Let the day go."
safety = "Stop whenever you like."
minutes = 1

[[steps]]
section = "Settling"
text = "Sit back."
seconds = 20

[[steps]]
text = "Breathe out slowly."
seconds = 40
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- guides are data --------------------------------------------------------------------


def test_item16_shipped_guides_parse_and_add_up_to_their_stated_length() -> None:
    guides = {guide.id: guide for guide in built_in_guides()}
    expected = {"body-scan-short": 5, "body-scan-long": 15, "loving-kindness": 8, "self-compassion-pause": 3}
    assert {key: guides[key].stated_minutes for key in expected} == expected
    for key, minutes in expected.items():
        guide = guides[key]
        assert guide.total_seconds == minutes * 60
        assert guide.schedule.total_seconds == minutes * 60
        assert guide.title and guide.purpose and guide.safety
        assert all(step.text and step.seconds > 0 for step in guide.steps)
        assert guide.steps[0].section  # every shipped guide opens with a heading


def test_item16_loving_kindness_goes_from_oneself_to_all_beings() -> None:
    guide = find_guide("loving-kindness", built_in_guides())
    assert guide is not None
    sections = [step.section for step in guide.steps if step.section]
    wanted = ["Yourself", "Someone dear", "Someone neutral", "Someone difficult", "All beings"]
    assert [s for s in sections if s in wanted] == wanted


def test_item16_user_guide_parses_and_adds_up(tmp_path: Path) -> None:
    write(tmp_path, "evening.toml", GOOD)
    guides, problems = load_guides(tmp_path)
    assert problems == []
    mine = find_guide("Evening wind-down", guides)
    assert mine is not None and mine.total_seconds == 60 == mine.stated_minutes * 60  # type: ignore[operator]
    assert mine.section_of(1) == "Settling"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace('title = "Evening wind-down"\n', ""), None, "'title' is missing"),
        (GOOD.replace("seconds = 40", "seconds = -5"), 14, "'seconds' must be more than 0"),
        (GOOD.replace('text = "Breathe out slowly."\n', ""), 12, "'text' is missing"),
        (GOOD.split("[[steps]]")[0] + "steps = []\n", None, "the list of steps is empty"),
        (GOOD.split("[[steps]]")[0], None, "there are no steps"),
        (GOOD.replace('text = "Sit back."', 'text = "Sit back'), 9, "not valid TOML"),
        (GOOD.replace("minutes = 1", "minutes = 2"), None, "add up to 60 seconds, not the 2 minutes"),
    ],
    ids=["missing-field", "negative-seconds", "missing-text", "empty-steps", "no-steps", "bad-toml", "wrong-length"],
)
def test_item16_broken_guides_give_the_named_error(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = write(tmp_path, "broken.toml", text)
    with pytest.raises(GuideError) as raised:
        load_guide_file(path)
    assert raised.value.line == line
    assert words in str(raised.value)
    assert str(raised.value).startswith(str(path) + (f", line {line}" if line else ""))


def test_item16_a_broken_guide_is_skipped_and_the_others_still_load(tmp_path: Path) -> None:
    write(tmp_path, "a_broken.toml", "title = ")
    write(tmp_path, "b_good.toml", GOOD)
    write(tmp_path, "c_same_id.toml", GOOD.replace("Evening wind-down", "Another"))
    guides, problems = load_guides(tmp_path)
    assert [guide.id for guide in guides].count("evening") == 1
    assert len(guides) == len(built_in_guides()) + 1
    assert [Path(problem.source).name for problem in problems] == ["a_broken.toml", "c_same_id.toml"]
    assert problems[0].line == 1


def test_item16_guide_text_is_kept_as_plain_words() -> None:
    guide = parse_guide_text(GOOD.replace("Sit back.", "Sit   back\\n[b]now[/b]."), "mine")
    assert guide.steps[0].text == "Sit back [b]now[/b]."  # whitespace folded; markup shown as written


# -- one schedule for breathing and guides ----------------------------------------------


def test_item16_breathing_schedule_is_the_shared_timed_steps() -> None:
    pattern = Pattern("box", "Box", (Phase("inhale", 4), Phase("hold", 4), Phase("exhale", 4), Phase("hold", 0)))
    schedule = Schedule.for_cycles(pattern, 3)
    assert isinstance(schedule.steps, TimedSteps)
    assert schedule.steps.seconds == (4.0, 4.0, 4.0, 0.0) * 3
    for moment in (0.0, 3.99, 4.0, 11.5, 12.0, 20.0, 35.9):
        state, step = schedule.phase_at(moment), schedule.steps.step_at(moment)
        assert (state.cycle - 1) * 4 + state.phase_index == step.index
        assert state.seconds_left_in_phase == pytest.approx(step.left_in_step)
    assert schedule.phase_at(12.0).phase_index == 0  # the zero-length hold is never current
    assert schedule.next_change_after(5.0) == schedule.steps.next_change_after(5.0) == 8.0


def test_item16_guide_schedule_is_the_same_code() -> None:
    guide = parse_guide_text(GOOD, "mine")
    assert isinstance(guide.schedule, TimedSteps)
    assert guide.schedule.step_at(19.99).index == 0
    assert guide.schedule.step_at(20.0).index == 1
    assert guide.schedule.step_at(60.0).finished


def test_item16_pause_shifts_the_schedule() -> None:
    steps = TimedSteps.of([20, 40])
    clock = StepClock(start=100.0)
    clock.pause(110.0)
    assert clock.elapsed(500.0) == 10.0  # frozen while paused
    clock.resume(130.0)
    assert steps.step_at(clock.elapsed(139.9)).index == 0
    assert steps.step_at(clock.elapsed(140.0)).index == 1  # 20 s of practice, 20 s of pause later


def test_item16_step_forward_and_back() -> None:
    steps = TimedSteps.of([20, 40, 30])
    clock = StepClock(start=0.0)
    clock.jump_to(steps.neighbour_start(clock.elapsed(5.0), 1), 5.0)
    assert clock.elapsed(5.0) == 20.0 and clock.practised(5.0) == 5.0
    clock.jump_to(steps.neighbour_start(clock.elapsed(15.0), -1), 15.0)  # 10 s into step 2: back to its start
    assert clock.elapsed(15.0) == 20.0
    clock.jump_to(steps.neighbour_start(clock.elapsed(15.5), -1), 15.5)  # just begun: back to the one before
    assert clock.elapsed(15.5) == 0.0
    assert steps.neighbour_start(0.0, -1) == 0.0
    assert steps.neighbour_start(80.0, 1) == 90.0


def test_item16_breathing_session_pauses_on_the_shared_clock() -> None:
    pattern = Pattern("box", "Box", (Phase("inhale", 4), Phase("exhale", 4)))
    from tui.core.breathing import BreathingSession

    session = BreathingSession(Schedule.for_cycles(pattern, 2), 0.0, WHEN, lead_in=0.0, session_id="b")
    assert isinstance(session.clock, StepClock)
    session.pause(3.0)
    session.resume(10.0)
    assert session.state(11.0).kind == "exhale"  # 4 s breathed at 11 s, after 7 s of pause
    session.stop(12.0)
    assert session.to_record(99.0).actual_seconds == 5.0


# -- a session and its record -----------------------------------------------------------


def test_item16_session_record_finished_and_ended_early() -> None:
    guide = parse_guide_text(GOOD, "mine")
    done = MeditationSession(guide, 0.0, WHEN, session_id="one", feeling_before=4)
    assert done.to_record(60.0).finished
    early = MeditationSession(guide, 0.0, WHEN, session_id="two")
    early.step_by(1, 5.0)
    early.stop(12.0)
    record = early.to_record(50.0)
    assert not record.finished
    assert record.actual_seconds == 12.0  # time really spent, not the stretch skipped
    assert record.planned_seconds == 60.0
    assert (record.guide_id, record.guide_title) == ("evening", "Evening wind-down")


def test_item16_sessions_are_stored_and_counted_today() -> None:
    store = Store.in_memory()
    guide = parse_guide_text(GOOD, "mine")
    session = MeditationSession(guide, 0.0, WHEN, session_id="s1", feeling_before=3)
    session.feeling_after = 7
    repository = store.repo(MeditationSessionRepository)
    repository.save(session.to_record(60.0))
    assert repository.recent() == [session.to_record(60.0)]
    summary = summarize_day(store.database, WHEN.date())
    assert summary.meditation_sessions == 1 and summary.meditation_seconds == 60.0
    assert summary.mindful_seconds == 60.0
    assert any("guided meditation" in line for line in summary.lines())
    assert summarize_day(store.database, date(2026, 3, 3)).meditation_sessions == 0


def test_item16_guides_show_in_what_the_homework_does_with_the_same_minimum() -> None:
    store = Store.in_memory()
    repository = store.repo(MeditationSessionRepository)
    guide = find_guide("self-compassion-pause", built_in_guides())
    assert guide is not None
    for number in range(MIN_SESSIONS_PER_PATTERN):
        session = MeditationSession(guide, 0.0, WHEN, session_id=f"m{number}", feeling_before=4)
        session.feeling_after = 6
        repository.save(session.to_record(180.0))
        effects = load_homework_effects(store.database)
        (effect,) = effects.guides
        if number + 1 < MIN_SESSIONS_PER_PATTERN:
            assert effect.mean_change is None and "more session" in pattern_sentence(effect)
    assert effect.mean_change == 2.0
    assert pattern_sentence(effect).startswith("Self-compassion pause: after a session you felt 2.0 points better")


# -- the shell --------------------------------------------------------------------------


def test_item16_meditate_list_prints_guides_with_lengths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    write(tmp_path / "heartwork" / "guides", "evening.toml", GOOD)
    write(tmp_path / "heartwork" / "guides", "broken.toml", GOOD.replace("seconds = 40", "seconds = -1"))
    assert main(["meditate", "--list"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert any(line.startswith("body-scan-long") and "15 min" in line for line in lines)
    assert any(line.startswith("evening") and "1 min" in line for line in lines)
    assert "broken.toml, line 14: 'seconds' must be more than 0" in err


def test_item16_meditate_unknown_guide_lists_the_known_ones_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert main(["meditate", "no-such-guide", "--db", str(tmp_path / "db.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unknown guide 'no-such-guide'; known guides: self-compassion-pause, body-scan-short" in err
    assert not (tmp_path / "db.json").exists()


def test_item16_meditate_opens_the_app_on_that_guide(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    opened: list[dict[str, object]] = []
    import tui.cli.main as cli_main

    def fake_run_app(args: object) -> int:
        from tui.cli.launch import section_options

        opened.append({"section": args.section, **section_options(args)})  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(cli_main, "run_app", fake_run_app)
    assert main(["meditate", "Loving-kindness"]) == 0
    assert opened == [{"section": "breathe", "guide": "loving-kindness"}]


def test_item16_export_includes_meditation_sessions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    database = tmp_path / "data" / "heartwork.json"
    store = Store.open(database, own_folder=False)
    guide = parse_guide_text(GOOD, "mine")
    store.repo(MeditationSessionRepository).save(MeditationSession(guide, 0.0, WHEN, session_id="m1").to_record(30.0))
    store.close()
    out = tmp_path / "export.json"
    assert main(["export", "--format", "json", "--out", str(out), "--db", str(database)]) == 0
    (session,) = json.loads(out.read_text(encoding="utf-8"))["tables"]["meditation_sessions"]
    assert session["guide_id"] == "evening" and session["actual_seconds"] == 30.0 and session["finished"] is False


def test_item16_a_damaged_meditation_record_is_set_aside() -> None:
    from tui.store.record_checks import record_problem

    good = {"id": "m1", "started_at": WHEN.isoformat(), "guide_id": "g", "actual_seconds": 10.0, "finished": True}
    assert record_problem("meditation_sessions", good) is None
    assert record_problem("meditation_sessions", {**good, "feeling_after": 11}) is not None
    assert record_problem("meditation_sessions", {**good, "actual_seconds": "lots"}) is not None
    assert record_problem("meditation_sessions", {"id": "m2"}) == "started_at is missing"
