"""Typed access to the running Heartwork app for every screen and dialog.

Screens subclass :class:`HeartworkScreen` and dialogs :class:`HeartworkModal`
so that ``self.store``, ``self.clock`` and ``self.settings`` are typed, with
no ``type: ignore`` at the call site.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from tui.core.clock import Clock
    from tui.core.settings import Settings
    from tui.store.store import Store
    from tui.ui.app import HeartworkApp

__all__ = ["AppAccess", "HeartworkModal", "HeartworkScreen"]

ResultT = TypeVar("ResultT")
T = TypeVar("T")


class AppAccess:
    """The running :class:`~tui.ui.app.HeartworkApp` and what it holds, typed."""

    @property
    def heartwork(self) -> HeartworkApp:
        return cast("HeartworkApp", cast(DOMNode, self).app)

    @property
    def store(self) -> Store:
        return self.heartwork.store

    @property
    def clock(self) -> Clock:
        return self.heartwork.clock

    @property
    def settings(self) -> Settings:
        return self.heartwork.settings

    def write(
        self,
        work: Callable[[], T],
        *,
        title: str = "Not saved",
        done: Callable[[T], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> bool:
        """Save through the app's writer: at once if the lock is free, else in order in its thread.

        ``done`` runs on the UI thread once the write reached the disk; a store
        error becomes the calm notification (then ``failed`` runs). True if it ran at once.
        """
        return self.heartwork.writes.submit(work, title=title, done=done, failed=failed)


class HeartworkScreen(AppAccess, Screen[ResultT]):
    """A full screen of Heartwork (a section, or a page inside one)."""


class HeartworkModal(AppAccess, ModalScreen[ResultT]):
    """A dialog over the current screen."""
