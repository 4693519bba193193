"""Locking the open app: after N idle minutes (a setting) or at once ("Lock now", Ctrl+O).

Locking saves everything open (the journal draft included), forgets the key
(:func:`tui.store.session_lock.lock_session`) and covers whatever was showing
with the unlock screen. While locked only that screen answers: no section
key, no palette, no external-change poll (which would need the key). After
the passphrase, the person is back exactly where they were; Escape there
quits, with everything already saved.

Idleness is measured with the injected clock (``app.clock.monotonic()``), so
a Pilot test can move a fake clock forward instead of waiting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from tui.ui.app_safety import CarefulApp
from tui.ui.messages import DataChanged
from tui.ui.store_errors import store_write

if TYPE_CHECKING:
    from tui.core.clock import Clock
    from tui.core.settings import Settings
    from tui.store.errors import DatabaseLockedError

IDLE_CHECK_SECONDS = 5.0  # how often idleness is looked at (a comparison, nothing more)
ACTIVITY_EVENTS = (events.Key, events.MouseDown, events.MouseMove, events.MouseScrollDown, events.MouseScrollUp)
ACTIONS_WHILE_LOCKED = frozenset({"quit"})


class LockingApp(CarefulApp):
    """Idle lock and "Lock now" for an app whose data is locked with a passphrase."""

    clock: Clock
    settings: Settings
    idle_check_seconds = IDLE_CHECK_SECONDS
    # Argon2id (opslimit, memlimit) for a new passphrase; None is the store's default. Tests pass a cheap one.
    passphrase_cost: tuple[int, int] | None = None
    session_lock: DatabaseLockedError | None = None
    _last_activity: float | None = None

    def passphrase_in_use(self) -> bool:
        """True when the open data is encrypted (whether or not the app is locked right now)."""
        ready = getattr(self, "ready", True)
        return bool(ready) and getattr(self.store.database.storage, "envelope", None) is not None

    @property
    def locked(self) -> bool:
        """True while the unlock screen covers the app."""
        return self.session_lock is not None

    def start_idle_watch(self) -> None:
        """Begin counting idle time (once the data is open)."""
        self._last_activity = self.clock.monotonic()
        self.set_interval(self.idle_check_seconds, self.check_idle_lock, name="idle-lock")

    def note_activity(self, event: events.Event) -> None:
        """A key, click, scroll or mouse move: the person is here, so idle time starts again."""
        if isinstance(event, (*ACTIVITY_EVENTS, events.Paste)):
            self._last_activity = self.clock.monotonic()

    def idle_seconds(self) -> float:
        """Seconds since the last key or mouse event (by the app's clock)."""
        if self._last_activity is None:
            return 0.0
        return self.clock.monotonic() - self._last_activity

    def check_idle_lock(self) -> None:
        """Lock if the setting asks for it and the person has been away that long."""
        minutes = self.settings.lock_after_minutes
        if minutes <= 0 or self.locked or not self.passphrase_in_use():
            return
        stack = self.screen_stack  # empty while the app starts or closes
        if not stack:
            return
        if getattr(stack[-1], "KEEPS_AWAKE", False):
            self._last_activity = self.clock.monotonic()  # a breathing session or a guide plays on: not away
            return
        if self.idle_seconds() >= minutes * 60:
            self.lock_now()

    def action_lock_now(self) -> None:
        self.lock_now()

    def lock_now(self) -> None:
        """Save everything, forget the key and show the unlock screen (only when a passphrase is in use)."""
        if self.locked or not self.passphrase_in_use():
            return
        from tui.store.session_lock import is_session_locked, lock_session
        from tui.ui.screens.unlock.unlock import UnlockScreen

        self.save_pending()
        if is_session_locked(self.store.database):
            return
        locked = lock_session(self.store.database)
        if locked is None:
            return
        self.session_lock = locked
        self.push_screen(UnlockScreen(locked), callback=self._after_unlock)

    def _after_unlock(self, unlocked: bool | None) -> None:
        locked = self.session_lock
        if not unlocked or locked is None:
            self.exit()  # Escape on the unlock screen: everything was saved when it locked
            return
        from tui.store.session_lock import resume_session

        with store_write(self, "Not saved yet"):
            resume_session(self.store.database, locked)
        self.session_lock = None
        self._last_activity = self.clock.monotonic()
        self.screen.post_message(DataChanged())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While locked, the app's own keys (sections, palette, settings) are off; Ctrl+Q still quits."""
        if self.locked and action not in ACTIONS_WHILE_LOCKED:
            return False
        if action == "lock_now":
            return self.passphrase_in_use()
        return super().check_action(action, parameters)
