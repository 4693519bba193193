"""The app's part in "undo delete": the last delete kept a short while, and ``u`` to bring it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from tui.ui.pending_undo import PendingUndo
from tui.ui.store_errors import store_write

if TYPE_CHECKING:
    from tui.core.clock import Clock


class UndoingApp(App[None]):
    """Keeps the newest delete's way back; every delete dialog hands it over (see dialogs.delete_confirm)."""

    clock: Clock
    pending_undo: PendingUndo | None

    def data_changed(self) -> None:
        """Tell the showing screen that saved data changed (the app fills this in)."""

    def offer_undo(self, kind: str, restore: Callable[[], object]) -> None:
        """Remember how to bring back the ``kind`` just deleted, and say so."""
        from tui.ui.pending_undo import UNDO_SECONDS

        self.pending_undo = PendingUndo(kind, restore, self.clock.monotonic())
        self.notify(f"The {kind} is deleted. Press u to undo.", title="Deleted", timeout=10)
        self.data_changed()
        self.refresh_bindings()
        self.set_timer(UNDO_SECONDS + 0.1, self.refresh_bindings)

    def _undo_available(self) -> bool:
        pending = self.pending_undo
        return pending is not None and pending.is_fresh(self.clock.monotonic())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``u`` is "Undo delete" only right after a delete; otherwise the key belongs to the screen."""
        return action != "undo_delete" or self._undo_available()

    def action_undo_delete(self) -> None:
        """``u``: bring back the last delete, unless the key belongs to a text field or a dialog."""
        from textual.actions import SkipAction
        from textual.screen import ModalScreen
        from textual.widgets import Input, TextArea

        if isinstance(self.focused, (Input, TextArea)) or isinstance(self.screen, ModalScreen):
            raise SkipAction()  # the key is the person's: a letter in their text, or a dialog's
        if not self.undo_last_delete():
            raise SkipAction()

    def undo_last_delete(self) -> bool:
        """Restore the last deleted record through its repository; False if there is none to restore."""
        pending = self.pending_undo
        if pending is None or not pending.is_fresh(self.clock.monotonic()):
            return False
        with store_write(self, "Not restored") as attempt:
            pending.restore()
        if attempt.failed:
            return True
        self.pending_undo = None
        self.refresh_bindings()
        self.notify(f"The {pending.kind} is back.", title="Restored", timeout=4)
        self.data_changed()
        return True
