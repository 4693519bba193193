"""The care line after a low check-in: the rule, the saved date, and the shell's output."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checkin_cli import run_cli

from tui.core.care import care_due
from tui.core.settings import Settings
from tui.store.store import Store


def test_item10_9_care_is_due_for_1_or_2_once_a_day() -> None:
    today = date(2026, 3, 2)
    assert care_due(1, today, "") and care_due(2, today, "2026-03-01")
    assert not care_due(2, today, "2026-03-02")
    assert not care_due(3, today, "") and not care_due(10, today, "")


def test_item10_9_the_day_shown_is_kept_in_the_settings() -> None:
    store = Store.in_memory()
    store.settings.save(Settings().with_changes(care_shown_on="2026-03-02"))
    assert store.settings.load().care_shown_on == "2026-03-02"
    assert store.settings.from_document({"id": "settings", "care_shown_on": 5}).care_shown_on == ""


def test_item10_9_shell_checkin_of_1_gets_the_care_line_once_a_day(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    first = run_cli("1", db=db)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.strip().splitlines()
    assert len(lines) == 2 and "press ?" in lines[1] and "Saved your check-in" in lines[0]
    again = run_cli("2", db=db)
    assert again.returncode == 0 and len(again.stdout.strip().splitlines()) == 1
    assert Store.open(db).settings.load().care_shown_on == date.today().isoformat()


def test_item10_9_shell_checkin_of_3_gets_no_care_line(tmp_path: Path) -> None:
    result = run_cli("3", db=tmp_path / "hw.json")
    assert result.returncode == 0 and len(result.stdout.strip().splitlines()) == 1


def test_item12_1_the_care_line_reads_only_the_settings_table(tmp_path: Path) -> None:
    from tui.store.settings_repository import SettingsRepository

    db = tmp_path / "hw.json"
    store = Store.open(db)
    store.database.table("journal_entries").save_records([{"id": "j", "body": '"settings":{"1":{}} in a text'}])
    store.settings.save(Settings().with_changes(care_shown_on=date.today().isoformat()))
    store.close()
    peeked = SettingsRepository.peek(db)
    assert peeked is not None and peeked.care_shown_on == date.today().isoformat()
    result = run_cli("1", db=db)
    assert result.returncode == 0 and len(result.stdout.strip().splitlines()) == 1  # already shown today


def test_item12_1_a_nested_settings_key_is_told_apart_by_the_line_it_starts(tmp_path: Path) -> None:
    from tui.store.settings_repository import SettingsRepository

    db = tmp_path / "hw.json"
    store = Store.open(db)
    store.database.table("odd").save_records([{"id": "o", "settings": {"1": {}}}])  # the same key, nested
    store.settings.save(Settings().with_changes(care_shown_on=date.today().isoformat()))
    store.close()
    peeked = SettingsRepository.peek(db)
    assert peeked is not None and peeked.care_shown_on == date.today().isoformat()
    result = run_cli("2", db=db)
    assert result.returncode == 0 and len(result.stdout.strip().splitlines()) == 1


def test_item12_1_an_older_one_line_file_with_the_key_twice_falls_back_to_reading_the_file(tmp_path: Path) -> None:
    import orjson

    from tui.store.settings_repository import SettingsRepository

    db = tmp_path / "hw.json"
    store = Store.open(db)
    store.database.table("odd").save_records([{"id": "o", "settings": {"1": {}}}])  # the same key, nested
    store.settings.save(Settings().with_changes(care_shown_on=date.today().isoformat()))
    store.close()
    db.write_bytes(
        orjson.dumps(orjson.loads(db.read_bytes()))
    )  # as versions before the one-table-a-line layout wrote it
    assert b"\n" not in db.read_bytes()
    assert SettingsRepository.peek(db) is None
    result = run_cli("2", db=db)
    assert result.returncode == 0 and len(result.stdout.strip().splitlines()) == 1
