"""Meditation guides: the shipped ones and the person's own TOML files, checked into core objects.

A file with a problem becomes a ``GuideError`` naming the file, the line when it can be
found, and the problem; loading a folder collects those problems instead of raising, so
one broken file never hides the others and never stops the app.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

from tui import content
from tui.core.meditation import Guide, GuideError, parse_guide

GUIDES_FOLDER = "guides"
_STEPS_HEADER = re.compile(r"^\s*\[\[\s*steps\s*\]\]")
_TOML_LINE = re.compile(r"at line (\d+)")


def _step_lines(text: str) -> Callable[[int, str], int | None]:
    """For step n (0-based) and a key: the 1-based line of that key in the step, else of its header."""
    lines = text.splitlines()
    headers = [number for number, line in enumerate(lines, start=1) if _STEPS_HEADER.match(line)]

    def line_of(index: int, key: str) -> int | None:
        if not 0 <= index < len(headers):
            return None
        start = headers[index]
        end = headers[index + 1] if index + 1 < len(headers) else len(lines) + 1
        if key:
            wanted = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for number in range(start + 1, end):
                if wanted.match(lines[number - 1]):
                    return number
        return start

    return line_of


def parse_guide_text(text: str, source: str) -> Guide:
    """Check a guide given as TOML text; GuideError names the line and problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found.group(1)) if found else max(1, len(text.splitlines()))  # "at end of document"
        raise GuideError(source, f"not valid TOML ({error})", line) from None
    return parse_guide(data, source, _step_lines(text))


def load_guide_file(path: Path) -> Guide:
    """Read and check one guide file; GuideError names the file, line and problem."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuideError(source, "file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GuideError(source, f"cannot be read ({error})") from None
    return parse_guide_text(text, source)


def built_in_guides() -> list[Guide]:
    """The shipped guides, shortest first."""
    guides = []
    for name in content.available(GUIDES_FOLDER):
        data = content.load(name)
        guides.append(parse_guide(data, f"built-in {name.split('/')[-1]}"))
    return sorted(guides, key=lambda guide: (guide.total_seconds, guide.title))


def load_guides(folder: Path | None) -> tuple[list[Guide], list[GuideError]]:
    """The shipped guides plus every valid ``*.toml`` in ``folder``, and the problems found.

    A user file whose id is already taken is reported and skipped.
    """
    found = built_in_guides()
    problems: list[GuideError] = []
    if folder is None or not folder.is_dir():
        return found, problems
    for path in sorted(folder.glob("*.toml")):
        try:
            guide = load_guide_file(path)
        except GuideError as error:
            problems.append(error)
            continue
        if any(existing.id == guide.id for existing in found):
            problems.append(GuideError(str(path), f"the id '{guide.id}' is already used by another guide"))
            continue
        found.append(guide)
    return found, problems
