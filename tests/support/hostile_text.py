"""A store seeded the way a foreign or restored file could be: text full of terminal control."""

from __future__ import annotations

from tui.store.store import Store

RENAME_WINDOW = "\x1b]0;PWNED\x07"
CLEAR_SCREEN = "\x1b[2J"
C1_CSI = "\x9b31m"


def seed_hostile_text(store: Store, day: str = "2026-03-02") -> None:
    """Raw documents written straight into the tables (no repository): what another program could leave."""
    database = store.database
    database.table("checkins").insert(
        {
            "id": "hostile-checkin",
            "at": f"{day}T08:00:00+00:00",
            "pleasantness": 4,
            "energy": 5,
            "emotions": [f"calm{RENAME_WINDOW}"],
            "tags": [f"work{RENAME_WINDOW}"],
            "note": f"note{CLEAR_SCREEN}{C1_CSI}",
        }
    )
    database.table("journal_entries").insert(
        {
            "id": "hostile-entry",
            "created_at": f"{day}T08:05:00+00:00",
            "updated_at": f"{day}T08:05:00+00:00",
            "entry_date": day,
            "kind": "free",
            "title": f"Title{RENAME_WINDOW}",
            "body": f"first line{CLEAR_SCREEN}\nsecond\tline{RENAME_WINDOW}",
            "tags": [f"tag{RENAME_WINDOW}"],
            "prompt_id": None,
            "prompt_text": None,
            "fields": {},
        }
    )
