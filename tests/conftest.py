"""Shared fixtures: an in-memory store, a fake clock, an app built by the factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tui.core.clock import FakeClock
from tui.store.store import Store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 30).astimezone())


@pytest.fixture
def store() -> Store:
    return Store.in_memory()


@pytest.fixture
def file_store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "data" / "heartwork.json", own_folder=True)


@pytest.fixture
def make_app(store: Store, clock: FakeClock, tmp_path: Path) -> Callable[..., object]:
    """Build the app the way the CLI does, with test doubles."""
    from tui.ui.app import Launch, create_app

    def build(section: str = "home", **options: object) -> object:
        return create_app(
            store, clock, launch=Launch(section=section, options=dict(options)), themes_dir=tmp_path / "no-user-themes"
        )

    return build


@pytest.fixture
def no_keys_in_memory() -> Iterator[None]:
    """No encryption key is remembered when the test starts, nor after it ends."""
    from tui.store import encryption

    encryption.forget_all()
    yield
    encryption.forget_all()
