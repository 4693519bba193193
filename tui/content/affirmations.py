"""The built-in affirmations, read from ``affirmations.toml`` into core ``Affirmation`` objects.

``affirmations_quick.json`` holds the same ids and texts for ``heartwork affirm
today``, which cannot afford a TOML parser; it records the CRC-32 of the TOML
file it was made from, so a stale copy is noticed and not used.
``python -m tui.content.affirmations`` rewrites it (tests check it is current).
"""

from __future__ import annotations

import json
import zlib
from importlib.resources import files

from tui import content
from tui.core.affirmations import BUILT_IN, Affirmation

QUICK_FILE = "affirmations_quick.json"


def built_in_affirmations() -> list[Affirmation]:
    """The shipped affirmations, in file order."""
    return [
        Affirmation(text=str(a["text"]), tag=str(a.get("tag", "")), source=BUILT_IN, id=str(a["id"]))
        for a in content.load("affirmations")["affirmation"]
    ]


def built_in_tags() -> list[str]:
    """The tags of the shipped affirmations, in first-seen order."""
    return list(dict.fromkeys(a.tag for a in built_in_affirmations() if a.tag))


def quick_copy() -> dict[str, object]:
    """What ``affirmations_quick.json`` should hold: the TOML file's CRC-32, then (id, text) pairs."""
    source = files("tui.content").joinpath("affirmations.toml").read_bytes()
    return {"crc32": zlib.crc32(source), "affirmations": [[a.id, a.text] for a in built_in_affirmations()]}


if __name__ == "__main__":
    target = files("tui.content").joinpath(QUICK_FILE)
    with open(str(target), "w", encoding="utf-8") as handle:
        json.dump(quick_copy(), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(f"wrote {target}")
