"""Item 9.2: the one sanitiser, the repositories, and the shell make control characters visible."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from tui.core.journal import JournalEntry
from tui.core.safe_text import has_control_characters, visible_text, visible_values
from tui.store.checkin_repository import CheckinRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[3]
OSC_TITLE = "\x1b]0;X\x07"


def test_item9_2_c0_del_and_c1_become_visible_symbols() -> None:
    assert visible_text(OSC_TITLE) == "\u241b]0;X\u2407"
    assert visible_text("a\x7fb\x9bc\x00") == "a\u2421b\ufffdc\u2400"
    assert visible_text("one\ntwo\tthree") == "one\u240atwo\u2409three"
    assert visible_text("one\r\ntwo\tthree\r", keep_newlines=True) == "one\r\ntwo\tthree\u240d"
    assert has_control_characters("x\x1b") and not has_control_characters("x\n", keep_newlines=True)


def test_item9_2_printable_text_in_any_script_is_untouched() -> None:
    for text in ("Café 三四 🌱", "שלום עולם", "مرحبا", "\u200fRTL mark kept"):
        assert visible_text(text) is text
    document = {"a": ["x", 1, None], "b": {"c": "d"}}
    assert visible_values(document) is document


def test_item9_2_repositories_store_and_return_visible_text() -> None:
    store = Store.in_memory()
    now = datetime(2026, 3, 2, 9, 30).astimezone()
    entry = JournalEntry.new(
        now, body=f"line one{OSC_TITLE}\n\tline two", title=f"T{OSC_TITLE}", tags=[f"t{OSC_TITLE}"]
    )
    journal = store.repo(JournalRepository)
    journal.save(entry)
    (stored,) = store.database.table("journal_entries").all()
    assert "\x1b" not in stored["title"] + stored["body"] + "".join(stored["tags"])
    assert stored["body"] == "line one\u241b]0;X\u2407\n\tline two"
    store.database.table("checkins").insert(
        {"id": "raw", "at": "2026-03-02T08:00:00+00:00", "pleasantness": 5, "tags": [OSC_TITLE], "note": OSC_TITLE}
    )
    checkins = store.repo(CheckinRepository)
    (latest,) = checkins.latest(5)
    assert latest.tags == ("\u241b]0;X\u2407",) and latest.note == "\u241b]0;X\u2407"
    assert checkins.points()[0].tags == ("\u241b]0;X\u2407",)
    assert checkins.tags_used() == ["\u241b]0;X\u2407"]
    summary = next(row for row in journal.summaries() if row.id == entry.id)
    assert "\x1b" not in summary.title + summary.excerpt + "".join(summary.tags)


def test_item9_2_shell_checkin_tag_is_neither_echoed_nor_stored_raw(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), "checkin", "4", "--tag", OSC_TITLE, "--note", "a\x1b[2Jb"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream
    assert "\u241b" in result.stdout
    from tui.store.database import Database

    Database.open(db).close()  # the capture waited in the inbox (issue 12.1): merge it into the file
    (saved,) = json.loads(db.read_text(encoding="utf-8"))["checkins"].values()
    assert all("\x1b" not in tag and "\x07" not in tag for tag in saved["tags"])
    assert "\x1b" not in saved["note"]


def test_item9_2_shell_usage_errors_do_not_echo_control(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(tmp_path / "hw.json"), "checkin", OSC_TITLE],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_item9_2_a_questionnaire_file_from_anywhere_shows_no_raw_control() -> None:
    from tui.core.questionnaire import parse_questionnaire

    data = {"id": "odd", "title": f"Odd{OSC_TITLE}", "item": [{"id": "i1", "text": "How\x1b[2J?"}]}
    questionnaire = parse_questionnaire(data, "odd.toml")
    assert questionnaire.title == "Odd\u241b]0;X\u2407"
    assert questionnaire.items[0].text == "How\u241b[2J?"


def test_item9_2_export_escapes_every_control_character_and_keeps_the_value() -> None:
    from tui.cli.commands.export import encode_export

    value = {"text": f"x\x9b31m\u2028y{OSC_TITLE}é 三"}
    payload = encode_export(value)
    assert not any(byte < 0x20 and byte != 0x0A for byte in payload)
    assert b"\xc2\x9b" not in payload and "\u2028".encode() not in payload
    assert json.loads(payload) == value and "é 三".encode() in payload
