"""Journal storage: entries, drafts, the list index, and exact text round trips."""

from __future__ import annotations

from datetime import datetime

from tui.core.journal import JournalEntry
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store

NOW = datetime(2026, 3, 2, 9, 30).astimezone()
HARD_TEXT = "Emoji 🌱👩🏽‍💻 🇳🇿, CJK 今日は雨, RTL שלום עולם مرحبا, combining cafe\u0301 n\u0303 a\u0308\u0301, ZWJ\u200d, tab\tend\r\nline"


def test_save_list_newest_first_and_search_index(store: Store) -> None:
    repo = store.repo(JournalRepository)
    older = JournalEntry.new(NOW, body="An older day with Crème", tags=["Work"])
    older.entry_date = "2025-12-30"
    newer = JournalEntry.new(NOW, body="Today", title="Now")
    repo.save(older)
    repo.save(newer)
    rows = repo.summaries()
    assert [row.id for row in rows] == [newer.id, older.id]
    assert rows[1].tags == ("work",) and "creme" in rows[1].folded and rows[1].month == "2025-12"
    assert repo.all_tags() == ["work"]
    assert repo.summaries() is rows  # cached
    repo.delete(newer.id)
    assert [row.id for row in repo.summaries()] == [older.id]
    assert repo.get(older.id) == older


def test_index_notices_a_change_by_another_process(file_store: Store) -> None:
    repo = file_store.repo(JournalRepository)
    repo.save(JournalEntry.new(NOW, body="first"))
    assert len(repo.summaries()) == 1
    assert file_store.path is not None
    other = Store.open(file_store.path)
    other.repo(JournalRepository).save(JournalEntry.new(NOW, body="second"))
    other.close()
    file_store.database.refresh()
    assert sorted(row.excerpt for row in repo.summaries()) == ["first", "second"]


def test_exact_round_trip_through_the_file(file_store: Store) -> None:
    entry = JournalEntry.new(NOW, body=HARD_TEXT, title="ت 标题 é", tags=["ملاحظة", "日記"])
    file_store.repo(JournalRepository).save(entry)
    assert file_store.path is not None
    reopened = Store.open(file_store.path)
    loaded = reopened.repo(JournalRepository).get(entry.id)
    assert loaded is not None
    assert loaded.body.encode("utf-8") == HARD_TEXT.encode("utf-8")
    assert loaded.title == "ت 标题 é" and loaded.tags == ["ملاحظة", "日記"]
    assert HARD_TEXT.encode("utf-8") in file_store.path.read_bytes().replace(b"\\t", b"\t").replace(b"\\r\\n", b"\r\n")
    reopened.close()


def test_draft_keep_current_clear(store: Store) -> None:
    drafts = store.repo(JournalDraftRepository)
    assert drafts.current() is None
    entry = JournalEntry.new(NOW, body="half a thought")
    drafts.keep(entry, entry_id=None)
    draft = drafts.current()
    assert draft is not None and draft.entry.body == "half a thought" and draft.entry_id is None
    assert draft.entry.id == entry.id
    drafts.keep(entry, entry_id="abc")
    assert drafts.count() == 1 and drafts.current().entry_id == "abc"  # type: ignore[union-attr]
    entry.body = "   "
    drafts.keep(entry, entry_id=None)
    assert drafts.current() is None and drafts.count() == 0


def test_affirmations_from_reframes(store: Store) -> None:
    repo = store.repo(AffirmationRepository)
    repo.add_own("I am learning.", "self-kindness", "reframe", at=datetime(2026, 3, 2, 9, 30).astimezone())
    assert repo.has_text("  i am   LEARNING. ")
    assert store.database.table("affirmations").all()[0]["source"] == "reframe"
