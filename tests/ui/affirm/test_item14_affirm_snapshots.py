"""Issue 14 snapshots: a short affirmation (figlet) and a long one (wrapped) at 60x20, 80x24 and 200x50."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tui.store.affirmation_repository import AffirmationRepository
from tui.store.store import Store

SHORT = "I am enough."
LONG = (
    "Some days I do not get much done, and my worth is still the same; I can rest, come back to what matters, "
    "and treat myself the way I would treat a friend who is doing their best with what they have today."
)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 50)], ids=["60x20", "80x24", "200x50"])
@pytest.mark.parametrize("kind", ["short", "long"])
def test_item14_affirm_carousel_snapshot(
    snap_compare: Any, make_app: Callable[..., Any], store: Store, clock: Any, kind: str, size: tuple[int, int]
) -> None:
    mine = store.repo(AffirmationRepository).add_own(SHORT if kind == "short" else LONG, "worth", at=clock.now())

    async def show_it(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.screen.show_affirmation(mine.id)
        await pilot.pause()

    assert snap_compare(make_app("affirm"), terminal_size=size, run_before=show_it)
