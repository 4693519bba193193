"""Messages the app sends to whichever screen is showing."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """Saved data changed (here or in another Heartwork process): redraw from the store."""
