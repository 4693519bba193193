"""Journal entries in the ``journal_entries`` table, with a fast list and search index.

Listing ten years of entries must feel instant, so the list is built straight
from the stored documents into light :class:`EntrySummary` rows (never full
entries) that refer to the stored strings rather than copy them. Search text
is folded as a search asks for it; only entries beyond plain ASCII, whose
folding is slow, keep theirs folded ahead (issue 12.3: the journal is not held
twice). The cache is tied to the database's current data: it is rebuilt
(reusing folded text of entries that did not change) after any write here or
when another process replaced the file.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tui.core.journal import JournalEntry, normalize_tags
from tui.core.journal_search import EntrySummary, search_text_of
from tui.core.safe_text import visible_text
from tui.store.journal_document import journal_document
from tui.store.repository import Repository

if TYPE_CHECKING:
    from tui.store.database import Database


def entry_to_document(entry: JournalEntry) -> dict[str, Any]:
    return journal_document(
        entry_id=entry.id,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
        entry_date=entry.entry_date,
        kind=entry.kind,
        title=entry.title,
        body=entry.body,
        tags=entry.tags,
        prompt_id=entry.prompt_id,
        prompt_text=entry.prompt_text,
        fields=entry.fields,
    )


def entry_from_document(document: Mapping[str, Any]) -> JournalEntry:
    return JournalEntry(
        id=str(document["id"]),
        created_at=str(document.get("created_at", "")),
        updated_at=str(document.get("updated_at", document.get("created_at", ""))),
        entry_date=str(document.get("entry_date") or str(document.get("created_at", ""))[:10]),
        kind=str(document.get("kind") or "free"),
        title=str(document.get("title") or ""),
        body=str(document.get("body") or ""),
        tags=[str(tag) for tag in document.get("tags") or []],
        prompt_id=document.get("prompt_id"),
        prompt_text=document.get("prompt_text"),
        fields=dict(document.get("fields") or {}),
    )


class JournalRepository(Repository[JournalEntry]):
    """Save, list, search and delete journal entries."""

    table_name = "journal_entries"

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self._summaries: list[EntrySummary] | None = None
        self._cached_data: Any = None  # held (not just its id) so a new dict can never reuse the id
        self._cached_writes = -1
        self._folded_by_version: dict[tuple[str, str], str] = {}
        self._writes = 0
        self._documents_by_id: dict[str, Mapping[str, Any]] = {}
        self._build_lock = threading.Lock()

    def to_document(self, item: JournalEntry) -> dict[str, Any]:
        return entry_to_document(item)

    def from_document(self, document: Mapping[str, Any]) -> JournalEntry:
        return entry_from_document(document)

    # -- writes invalidate the index ----------------------------------------------

    def save(self, item: JournalEntry) -> JournalEntry:
        item.tags = normalize_tags(item.tags)
        self._writes += 1
        try:
            return super().save(item)
        finally:
            self._writes += 1

    def save_many(self, items: Any) -> int:
        self._writes += 1
        try:
            return super().save_many(items)
        finally:
            self._writes += 1

    def delete(self, item_id: str) -> bool:
        self._writes += 1
        try:
            return super().delete(item_id)
        finally:
            self._writes += 1

    # -- fast reads ---------------------------------------------------------------

    def warm_up(self) -> None:
        """Build the list and search index ahead of need (safe to call from a worker thread)."""
        try:
            self.summaries()
        except RuntimeError:
            pass  # the table changed while we read it; the next call rebuilds

    def summaries(self) -> list[EntrySummary]:
        """Every entry as a light summary, newest first (by date, then time written)."""
        with self._build_lock:
            return self._build_summaries()

    def _build_summaries(self) -> list[EntrySummary]:
        data = self.database.storage.read() or {}
        writes_at_start = self._writes
        if self._summaries is not None and data is self._cached_data and writes_at_start == self._cached_writes:
            return self._summaries
        documents = self.database.readable_table(self.table_name)
        folded_cache = self._folded_by_version
        fresh_cache: dict[tuple[str, str], str] = {}
        rows: list[EntrySummary] = []
        by_id: dict[str, Mapping[str, Any]] = {}
        tag_tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        share_tags = tag_tuples.setdefault  # one tuple per distinct set of tags: entries repeat them
        for document in documents.values():
            entry_id = str(document.get("id", ""))
            by_id[entry_id] = document
            title = visible_text(str(document.get("title") or ""), keep_newlines=True)
            body = visible_text(str(document.get("body") or ""), keep_newlines=True)
            tags = tuple(visible_text(str(tag), keep_newlines=True) for tag in document.get("tags") or ())
            tags = share_tags(tags, tags)
            folded = None
            if not (title.isascii() and body.isascii() and all(tag.isascii() for tag in tags)):
                version = (entry_id, str(document.get("updated_at", "")))
                folded = folded_cache.get(version)
                if folded is None:
                    folded = search_text_of(title, body, tags)
                fresh_cache[version] = folded
            created = str(document.get("created_at", ""))
            rows.append(
                EntrySummary(
                    id=entry_id,
                    entry_date=str(document.get("entry_date") or created[:10]),
                    created_at=created,
                    kind=str(document.get("kind") or "free"),
                    title=title,
                    body=body,
                    tags=tags,
                    folded_text=folded,
                )
            )
        rows.sort(key=lambda row: (row.entry_date, row.created_at), reverse=True)
        self._summaries, self._folded_by_version, self._documents_by_id = rows, fresh_cache, by_id
        self._cached_data, self._cached_writes = data, writes_at_start
        return rows

    def get(self, item_id: str) -> JournalEntry | None:
        self.summaries()
        document = self._documents_by_id.get(item_id)
        return None if document is None else self.from_document(document)

    def text_of(self, item_id: str) -> tuple[str, str]:
        """(title, body) of an entry, straight from the stored document (for highlighting)."""
        self.summaries()
        document = self._documents_by_id.get(item_id) or {}
        title, body = str(document.get("title") or ""), str(document.get("body") or "")
        return visible_text(title, keep_newlines=True), visible_text(body, keep_newlines=True)

    def earlier_versions(self, entry_id: str) -> list[JournalEntry]:
        """Versions of an entry that a merge with another computer's copy set aside (newest first).

        When both computers edited the same entry, the later edit is the entry
        and the other is kept in ``_history``; nothing either side wrote is lost.
        """
        from tui.core.record_merge import HISTORY_TABLE, moment_order

        kept = (self.database.storage.read() or {}).get(HISTORY_TABLE) or {}
        versions = [
            document["version"]
            for document in kept.values()
            if document.get("table") == self.table_name
            and document.get("record_id") == entry_id
            and isinstance(document.get("version"), dict)
        ]
        versions.sort(key=lambda version: moment_order(version.get("updated_at")), reverse=True)
        return [self.from_document(version) for version in versions]

    def all_tags(self) -> list[str]:
        """Every tag used so far, most used first, then alphabetically."""
        counts: dict[str, int] = {}
        for summary in self.summaries():
            for tag in summary.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts, key=lambda tag: (-counts[tag], tag))
