"""The breathing schedule: exact phase boundaries, pauses, skipped phases, validation."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.content.breathing_patterns import builtin_pattern, builtin_patterns
from tui.core.breathing import (
    CUSTOM_FIELDS,
    SIGH_FIELDS,
    BreathingSession,
    Pattern,
    Phase,
    Schedule,
    breath_level,
    coherent_pace_of,
    format_clock,
    validate_timings,
    with_coherent_pace,
    with_sigh_parts,
)

# Quarter seconds are exact in binary floating point, so sums can be compared exactly.
quarter_seconds = st.integers(min_value=0, max_value=80).map(lambda quarters: quarters / 4)
kinds = st.sampled_from(["inhale", "hold", "exhale", "top-up"])
phase_lists = st.lists(st.tuples(kinds, quarter_seconds), min_size=1, max_size=5).filter(
    lambda phases: any(seconds > 0 for _, seconds in phases)
)


def make_pattern(phases: list[tuple[str, float]]) -> Pattern:
    return Pattern("test", "Test", tuple(Phase(kind, seconds) for kind, seconds in phases))


def expected_boundaries(pattern: Pattern, cycles: int) -> list[tuple[float, int, int]]:
    """Cumulative sums of the phase seconds, walked one phase at a time."""
    result, running = [], 0.0
    for cycle in range(cycles):
        for index, phase in enumerate(pattern.phases):
            if phase.seconds > 0:
                result.append((running, cycle, index))
            running += phase.seconds
    return result


@settings(max_examples=150, deadline=None)
@given(phase_lists, st.integers(min_value=1, max_value=6))
def test_phase_boundaries_fall_exactly_on_cumulative_sums(phases: list[tuple[str, float]], cycles: int) -> None:
    pattern = make_pattern(phases)
    schedule = Schedule.for_cycles(pattern, cycles)
    boundaries = expected_boundaries(pattern, cycles)
    assert schedule.boundaries() == boundaries
    for position, (start, cycle, index) in enumerate(boundaries):
        at_start = schedule.phase_at(start)
        assert (at_start.cycle, at_start.phase_index) == (cycle + 1, index)
        assert at_start.seconds_left_in_phase == pattern.phases[index].seconds
        assert at_start.phase_progress == 0.0
        if position > 0:
            just_before = schedule.phase_at(start - 1e-6)
            _previous_start, previous_cycle, previous_index = boundaries[position - 1]
            assert (just_before.cycle, just_before.phase_index) == (previous_cycle + 1, previous_index)
    assert schedule.phase_at(schedule.total_seconds).finished
    assert not schedule.phase_at(schedule.total_seconds - 1e-6).finished


@settings(max_examples=100, deadline=None)
@given(phase_lists, st.floats(min_value=0, max_value=200, allow_nan=False))
def test_zero_length_phases_are_never_current(phases: list[tuple[str, float]], elapsed: float) -> None:
    pattern = make_pattern(phases)
    state = Schedule.for_cycles(pattern, 3).phase_at(elapsed)
    assert pattern.phases[state.phase_index].seconds > 0
    assert 0.0 <= state.phase_progress <= 1.0
    assert 0.0 <= breath_level(state) <= 1.0


@settings(max_examples=100, deadline=None)
@given(
    phase_lists,
    st.integers(min_value=1, max_value=4),
    st.lists(st.tuples(quarter_seconds, quarter_seconds), max_size=4),
)
def test_pauses_shift_every_boundary_by_the_paused_time(
    phases: list[tuple[str, float]], cycles: int, pauses: list[tuple[float, float]]
) -> None:
    pattern = make_pattern(phases)
    schedule = Schedule.for_cycles(pattern, cycles)
    session = BreathingSession(schedule, 100.0, datetime(2026, 3, 2, 9, 30).astimezone(), lead_in=0.0, session_id="s")
    now, paused_total = 100.0, 0.0
    for run, pause_length in pauses:
        now += run
        session.pause(now)
        frozen = session.state(now)
        now += pause_length
        assert session.state(now) == frozen  # nothing moves while paused
        session.resume(now)
        paused_total += pause_length
    for start, cycle, index in schedule.boundaries():
        moment = 100.0 + paused_total + start
        if moment >= now:
            state = session.state(moment)
            assert (state.cycle, state.phase_index) == (cycle + 1, index)


def test_minutes_become_whole_cycles() -> None:
    box = builtin_pattern("box")
    assert Schedule.for_minutes(box, 2).cycles == 8  # 120 s / 16 s = 7.5 -> 8
    assert Schedule.for_minutes(box, 3).cycles == 11  # 180 / 16 = 11.25
    assert Schedule.for_minutes(builtin_pattern("4-7-8"), 1).cycles == 3  # 60 / 19
    long_pattern = make_pattern([("inhale", 20), ("hold", 20), ("exhale", 20), ("hold", 20)])
    assert Schedule.for_minutes(long_pattern, 1).cycles == 1  # never zero


def test_builtins_match_the_clinical_timings() -> None:
    timings = {p.key: [(ph.kind, ph.seconds) for ph in p.phases] for p in builtin_patterns()}
    assert timings["box"] == [("inhale", 4), ("hold", 4), ("exhale", 4), ("hold", 4)]
    assert timings["4-7-8"] == [("inhale", 4), ("hold", 7), ("exhale", 8)]
    assert timings["sigh"] == [("inhale", 2), ("top-up", 1), ("exhale", 6)]
    assert builtin_pattern("4-7-8").suggested_cycles == 4
    assert all(p.safety for p in builtin_patterns())


def test_coherent_pace_is_adjustable_within_range() -> None:
    coherent = builtin_pattern("coherent")
    slow = with_coherent_pace(coherent, 4.5)
    assert [p.seconds for p in slow.phases] == pytest.approx([60 / 4.5 / 2] * 2)
    assert coherent_pace_of(with_coherent_pace(coherent, 3)) == 4.5
    assert coherent_pace_of(with_coherent_pace(coherent, 9)) == 7.0
    sigh = with_sigh_parts(builtin_pattern("sigh"), 3, 1.5, 7)
    assert [(p.kind, p.seconds) for p in sigh.phases] == [("inhale", 3), ("top-up", 1.5), ("exhale", 7)]


def test_breath_grows_in_holds_and_shrinks_out() -> None:
    schedule = Schedule.for_cycles(builtin_pattern("box"), 1)
    levels = [breath_level(schedule.phase_at(t)) for t in (0, 2, 3.99, 4, 6, 8, 10, 11.99, 12, 14)]
    assert levels[0] == 0.0 and levels[1] == pytest.approx(0.5) and levels[2] > 0.99
    assert levels[3] == levels[4] == 1.0  # the hold keeps the lungs full
    assert levels[5] == 1.0 and levels[6] == pytest.approx(0.5) and levels[7] < 0.01
    assert levels[8] == levels[9] == 0.0
    sigh = Schedule.for_cycles(builtin_pattern("sigh"), 1)
    assert breath_level(sigh.phase_at(2.0)) == pytest.approx(0.75)  # the top-up tops up
    assert breath_level(sigh.phase_at(2.5)) == pytest.approx(0.875)


def test_session_record_counts_what_was_done() -> None:
    schedule = Schedule.for_minutes(builtin_pattern("box"), 1)  # 4 cycles, 64 s
    session = BreathingSession(schedule, 10.0, datetime(2026, 3, 2, 9, 30).astimezone(), session_id="x")
    assert session.is_getting_ready(12.0)
    session.pause(20.0)
    session.resume(25.0)
    record = session.to_record(13.0 + 5.0 + 35.0)  # 35 s breathed
    assert record.actual_seconds == pytest.approx(35.0)
    assert record.cycles_completed == 2 and not record.finished
    assert record.planned_seconds == 64.0 and record.planned_cycles is None
    session.stop(200.0)
    done = session.to_record(500.0)
    assert done.finished and done.actual_seconds == 64.0 and done.cycles_completed == 4


def test_custom_validation_gives_a_message_per_field() -> None:
    good = validate_timings({"inhale": "4", "hold-in": "", "exhale": "6,5", "hold-out": "0"}, name="Evening")
    assert good.ok and [p.seconds for p in good.phases] == [4, 0, 6.5, 0]
    bad = validate_timings(
        {"inhale": "four", "hold-in": "-1", "exhale": "21", "hold-out": "nan"}, name=" ", taken_names=["Box"]
    )
    assert set(bad.errors) == {"name", "inhale", "hold-in", "exhale", "hold-out"}
    assert "number" in bad.errors["inhale"] and "below 0" in bad.errors["hold-in"] and "20" in bad.errors["exhale"]
    zeros = validate_timings({f.field_id: "0" for f in CUSTOM_FIELDS}, name="Still")
    assert zeros.errors == {"inhale": "At least one part needs more than 0 seconds."}
    taken = validate_timings({"inhale": "4"}, name="box", taken_names=["box", "4-7-8"])
    assert "already used" in taken.errors["name"]
    sigh = validate_timings({"inhale": "2", "top-up": "1", "exhale": "6"}, SIGH_FIELDS)
    assert sigh.ok and sigh.name == ""


def test_clock_text() -> None:
    assert format_clock(0) == "0:00" and format_clock(59.2) == "1:00" and format_clock(125) == "2:05"


@settings(max_examples=100, deadline=None)
@given(phase_lists, st.integers(min_value=1, max_value=4), st.floats(min_value=-5, max_value=400, allow_nan=False))
def test_next_change_is_the_next_boundary(phases: list[tuple[str, float]], cycles: int, elapsed: float) -> None:
    schedule = Schedule.for_cycles(make_pattern(phases), cycles)
    later = [start for start, _, _ in schedule.boundaries() if start > elapsed] + [schedule.total_seconds]
    expected = 0.0 if elapsed < 0 else later[0] if elapsed < schedule.total_seconds else schedule.total_seconds
    assert schedule.next_change_after(elapsed) == pytest.approx(expected, abs=1e-9)
