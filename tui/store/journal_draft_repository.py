"""The unfinished journal draft in ``journal_drafts``: one record, id "draft".

Guided exercises keep their own unfinished answers beside it ("draft:<kind>").
The editor writes here (debounced while typing, and on leaving, quitting or a
termination signal) so no word is lost; the draft is cleared when the entry
is saved or the person chooses to discard it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.core.journal import JournalEntry
from tui.store.journal_repository import entry_from_document, entry_to_document
from tui.store.repository import Repository

DRAFT_ID = "draft"


@dataclass
class JournalDraft:
    """What was in the editor: an entry's fields plus the id of the entry being edited (or None)."""

    entry: JournalEntry
    entry_id: str | None = None
    id: str = DRAFT_ID


class JournalDraftRepository(Repository[JournalDraft]):
    """Keep, read and clear the single current draft."""

    table_name = "journal_drafts"

    def to_document(self, item: JournalDraft) -> dict[str, Any]:
        document = entry_to_document(item.entry)
        document["draft_of"] = document.pop("id")
        document["id"] = item.id
        document["entry_id"] = item.entry_id
        return document

    def from_document(self, document: Mapping[str, Any]) -> JournalDraft:
        values = dict(document)
        values["id"] = values.pop("draft_of", None) or values.get("entry_id") or ""
        entry = entry_from_document(values)
        return JournalDraft(entry=entry, entry_id=document.get("entry_id"), id=str(document["id"]))

    def current(self, slot: str | None = None) -> JournalDraft | None:
        """The unfinished draft (of the editor, or of an exercise ``slot``), if it holds anything."""
        draft = self.get(draft_id(slot))
        if draft is None or draft.entry.is_empty():
            return None
        return draft

    def keep(self, entry: JournalEntry, entry_id: str | None, slot: str | None = None) -> None:
        """Save ``entry`` as the current draft (an empty one clears the draft)."""
        if entry.is_empty():
            self.clear(slot)
            return
        self.save(JournalDraft(entry=entry, entry_id=entry_id, id=draft_id(slot)))

    def clear(self, slot: str | None = None) -> None:
        if self.get(draft_id(slot)) is not None:
            self.delete(draft_id(slot))


def draft_id(slot: str | None) -> str:
    """The editor's draft is "draft"; each guided exercise keeps its own, e.g. "draft:kind-letter"."""
    return DRAFT_ID if slot is None else f"{DRAFT_ID}:{slot}"
