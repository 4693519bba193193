"""Issue 13: the pure parsers for Daylio CSV, jrnl JSON and Heartwork backups, recognised by content."""

from __future__ import annotations

import csv
import io

import orjson
import pytest

from tui.core.daylio import STANDARD_MOODS, parse_daylio, parse_time
from tui.core.import_formats import recognise
from tui.core.import_plan import ImportRefused
from tui.core.portable_export import build_export, checkins_csv

DAYLIO_8 = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2024-03-02,March 2,Saturday,8:05 PM,Rad,"family | walk | friends",Dinner,"We laughed, a lot: ""so good"" 😊\n'
    'second line"\n'
    "2024-03-01,March 1,Friday,07:30,meh,,,\n"
    "2024-02-29,February 29,Thursday,12:15 am,AWFUL,work,,ערב קשה\n"
)
DAYLIO_9 = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note,scales\n"
    "2024-01-05,January 5,Friday,21:40,good,reading | tea,,e\u0301te\u0301,\n"
    "2024-01-04,January 4,Thursday,9:00 AM,bad,sleep,Tired,,\n"
)


def test_item13_daylio_8_column_layout_maps_moods_times_tags_and_notes() -> None:
    plan = recognise(DAYLIO_8, newest_schema=2)
    assert plan.source == "Daylio export"
    checkins = plan.tables["checkins"]
    assert [c["pleasantness"] for c in checkins] == [1, 5, 9]  # oldest first
    assert [c["at"][:16] for c in checkins] == ["2024-02-29T00:15", "2024-03-01T07:30", "2024-03-02T20:05"]
    newest = checkins[-1]
    assert newest["tags"] == ["family", "walk", "friends"]
    assert newest["note"] == 'Dinner\n\nWe laughed, a lot: "so good" 😊\nsecond line'
    assert checkins[0]["note"] == "ערב קשה" and checkins[1]["note"] == "" and checkins[1]["tags"] == []


def test_item13_daylio_9_column_layout_with_scales_and_combining_marks() -> None:
    checkins = recognise(DAYLIO_9, newest_schema=2).tables["checkins"]
    assert [c["pleasantness"] for c in checkins] == [STANDARD_MOODS["bad"], STANDARD_MOODS["good"]]
    assert checkins[0]["at"][11:16] == "09:00" and checkins[0]["note"] == "Tired"
    assert checkins[1]["note"] == "e\u0301te\u0301" and checkins[1]["tags"] == ["reading", "tea"]


def test_item13_daylio_ids_come_from_the_source_so_parsing_twice_gives_the_same_ids() -> None:
    first = [c["id"] for c in parse_daylio(DAYLIO_8).tables["checkins"]]
    assert first == [c["id"] for c in parse_daylio(DAYLIO_8).tables["checkins"]]
    assert len(set(first)) == 3
    doubled = DAYLIO_8 + "2024-03-01,March 1,Friday,07:30,meh,,,\n"
    assert len({c["id"] for c in parse_daylio(doubled).tables["checkins"]}) == 4


def test_item13_daylio_custom_moods_are_listed_or_mapped() -> None:
    text = DAYLIO_8 + "2024-03-03,March 3,Sunday,10:00,Sleepy,,,\n2024-03-04,March 4,Monday,10:00,so so,,,\n"
    with pytest.raises(ImportRefused) as refused:
        parse_daylio(text)
    message = str(refused.value)
    assert "'sleepy'" in message and "'so so'" in message and "--map" in message and "\n" not in message
    checkins = parse_daylio(text, {"Sleepy": 4, "so so": 6}).tables["checkins"]
    assert sorted(c["pleasantness"] for c in checkins) == [1, 4, 5, 6, 9]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2024-13-01,x,y,10:00,good,,,", "row 4 (line 6), field full_date"),
        ("2024-03-05,x,y,25:00,good,,,", "row 4 (line 6), field time"),
        ("2024-03-05,x,y,10:00,,,,", "row 4 (line 6), field mood"),
        ("2024-03-05,x,y,10:00,good,,", "row 4 (line 6): has 7 fields"),
    ],
)
def test_item13_daylio_a_broken_row_refuses_the_whole_file_naming_row_line_and_field(row: str, expected: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        parse_daylio(DAYLIO_8 + row + "\n")
    assert str(refused.value).startswith(expected)


def test_item13_twelve_and_twenty_four_hour_times() -> None:
    assert parse_time("12:00 PM") == (12, 0) and parse_time("12:30 am") == (0, 30)
    assert parse_time("8:05 p.m.") == (20, 5) and parse_time("23:59") == (23, 59)
    for bad in ("13:00 PM", "7", "24:00", "10:61"):
        with pytest.raises(ValueError):
            parse_time(bad)


JRNL = {
    "tags": {"@work": 1},
    "entries": [
        {
            "date": "2023-06-01",
            "time": "09:15",
            "title": "Morning",
            "body": "Slept well 🌙",
            "tags": ["@work"],
            "starred": True,
        },
        {"date": "2023-06-02", "time": "21:00", "title": "مساء", "body": "", "tags": [], "starred": False},
    ],
}


def test_item13_jrnl_entries_keep_dates_times_titles_bodies_tags_and_stars() -> None:
    plan = recognise(orjson.dumps(JRNL).decode(), newest_schema=2)
    entries = plan.tables["journal_entries"]
    assert [e["entry_date"] for e in entries] == ["2023-06-01", "2023-06-02"]
    assert entries[0]["created_at"][:16] == "2023-06-01T09:15" and entries[0]["title"] == "Morning"
    assert entries[0]["body"] == "Slept well 🌙" and entries[0]["tags"] == ["work"] and entries[0]["starred"] is True
    assert entries[1]["title"] == "مساء" and entries[1]["starred"] is False
    assert plan.date_range() is not None and str(plan.date_range()[0]) == "2023-06-01"


def test_item13_jrnl_a_malformed_entry_is_named() -> None:
    broken = {"entries": [JRNL["entries"][0], {"date": "2023-06-02", "title": "x", "body": "y"}]}
    with pytest.raises(ImportRefused) as refused:
        recognise(orjson.dumps(broken).decode(), newest_schema=2)
    assert str(refused.value) == "entry 2, field time: missing"


def test_item13_heartwork_backup_from_a_newer_version_is_refused_naming_the_version() -> None:
    export = build_export({}, schema_version=2, exported_at="2026-01-01T00:00:00+00:00")
    newer = {**export, "version": 7}
    with pytest.raises(ImportRefused) as refused:
        recognise(orjson.dumps(newer).decode(), newest_schema=2)
    assert "version 7" in str(refused.value)
    with pytest.raises(ImportRefused) as refused:
        recognise(orjson.dumps({**export, "schema_version": 3}).decode(), newest_schema=2)
    assert "version 3" in str(refused.value)


def test_item13_heartwork_backup_records_need_unique_ids() -> None:
    export = build_export(
        {"checkins": {"1": {"id": "a"}, "2": {"id": "a"}}}, schema_version=2, exported_at="2026-01-01T00:00:00Z"
    )
    with pytest.raises(ImportRefused) as refused:
        recognise(orjson.dumps(export).decode(), newest_schema=2)
    assert str(refused.value).startswith("table checkins, record 2, field id")


@pytest.mark.parametrize("text", ["", "   \n", "hello\nworld\n", "{}", "[1, 2]", '{"format": "other"}', "{oops"])
def test_item13_unknown_or_empty_content_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        recognise(text, newest_schema=2)
    assert "\n" not in str(refused.value)


def test_item13_csv_export_is_oldest_first_with_a_header_and_quoted_notes() -> None:
    records = [
        {"id": "b", "at": "2026-03-03T09:00:00+01:00", "pleasantness": 4, "emotions": ["sad"], "note": 'a, "b"\nc'},
        {"id": "a", "at": "2026-03-02T09:00:00+01:00", "pleasantness": 8, "energy": 5, "tags": ["x", "y"]},
    ]
    text = checkins_csv(records)
    assert text.splitlines()[0] == "id,at,pleasantness,energy,emotions,tags,note"
    assert text.split("\r\n")[1] == "a,2026-03-02T09:00:00+01:00,8,5,,x | y,"
    assert '"a, ""b""\nc"' in text
    from datetime import date

    assert checkins_csv(records, start=date(2026, 3, 3)).count("\r\n") == 2


@pytest.mark.parametrize("note", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_export_keeps_a_would_be_formula_as_text(note: str) -> None:
    text = checkins_csv(
        [{"id": "a", "at": "2026-03-02T09:00:00+01:00", "pleasantness": 5, "note": note, "tags": [note]}]
    )
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[5] == "'" + note
    assert row[6] == "'" + note


def test_csv_export_leaves_ordinary_notes_alone() -> None:
    text = checkins_csv(
        [{"id": "a", "at": "2026-03-02T09:00:00+01:00", "pleasantness": 5, "note": "a calm day = good"}]
    )
    assert text.split("\r\n")[1].endswith(",a calm day = good")
