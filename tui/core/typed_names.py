"""The one thing a name typed in the shell means, over plain texts: the rule :mod:`tui.core.name_match` follows.

``heartwork selfcare done NAME`` and ``plan tick NAME`` must find the routine
or task before they import the core dataclasses (see
:mod:`tui.cli.commands.selfcare_done_fast`), so the folding and the choice
live here, free of dataclasses and difflib, and
:func:`tui.core.name_match.match_name` uses the same :func:`folded` (a test
checks both choose alike).
"""

from __future__ import annotations

import unicodedata

TYPE_CHECKING = False  # importing typing costs the quick command time; annotations only
if TYPE_CHECKING:
    from collections.abc import Sequence


def folded(text: str) -> str:
    """``text`` without case, accents or extra spaces (``"  Café  au LAIT"`` -> ``"cafe au lait"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split()).rstrip(".!")


def only_match(name: str, texts: Sequence[str]) -> int | None:
    """The index of the one text ``name`` means (the only one equal, else the only one containing it).

    None when it means none or several: then :func:`tui.core.selfcare_names.match_routine` says which come close.
    """
    wanted = folded(name)
    if not wanted:
        return None
    names = [folded(text) for text in texts]
    exact = [index for index, text in enumerate(names) if text == wanted]
    if exact:
        return exact[0] if len(exact) == 1 else None
    containing = [index for index, text in enumerate(names) if wanted in text]
    return containing[0] if len(containing) == 1 else None
