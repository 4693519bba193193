"""The one place the app turns a store error into a calm notification.

Every write the app makes (a draft, an entry, a tick, a check-in, a setting)
runs inside :func:`store_write`. If the store cannot save (a full or read-only
disk, a lock file that cannot be made, a file another program damaged), the
person sees what happened in a plain sentence and the app keeps running;
nothing else needs its own ``try``/``except``.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from tui.core.safe_text import visible_text
from tui.store.errors import StoreError

NOTIFY_SECONDS = 10


class StoreWrite:
    """A block of store writes: a :class:`StoreError` inside it is shown, not raised.

    After the block, ``failed`` says whether it stopped part-way, so the
    caller can leave things as they were (``if attempt.failed: return``).
    """

    def __init__(self, app: Any, title: str) -> None:
        self._app = app
        self._title = title
        self.error: StoreError | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> bool:
        if not isinstance(error, StoreError):
            return False
        self.error = error
        report_store_error(self._app, error, self._title)
        return True


def store_write(app: Any, title: str = "Not saved") -> StoreWrite:
    """``with store_write(self.app) as attempt: ...``: store errors in the block become a notification."""
    return StoreWrite(app, title)


def report_store_error(app: Any, error: StoreError, title: str = "Not saved") -> None:
    """Tell the person, calmly and in plain words, that something could not be saved."""
    app.notify(visible_text(str(error)), title=title, severity="error", timeout=NOTIFY_SECONDS, markup=False)
