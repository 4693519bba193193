"""The shell's output and arguments with control characters made visible.

Whatever a shell command prints (a tag, a title, a path, an error that quotes
what was typed) goes through :func:`tui.core.safe_text.visible_text` on its
way to the terminal, so stored or typed escape sequences are shown, never
obeyed. Arguments are made visible as soon as they are parsed, so what the
shell saves is visible too. Raw bytes (``export`` writing JSON to
``sys.stdout.buffer``) pass untouched: JSON escapes control characters itself.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from tui.core.safe_text import visible_text

# Arguments that name files: left as typed, since changing them would name another file.
PATH_ARGUMENTS = frozenset({"db", "export_out", "restore_from"})
# Arguments that may hold several lines (a journal entry's text).
MULTI_LINE_ARGUMENTS = frozenset({"journal_text"})


class VisibleTextStream:
    """A text stream that shows control characters in what is written as visible symbols."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible_text(text, keep_newlines=True))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def visible_standard_streams() -> Iterator[None]:
    """While inside, ``sys.stdout`` and ``sys.stderr`` make control characters visible."""
    import sys

    saved = sys.stdout, sys.stderr
    sys.stdout = VisibleTextStream(saved[0])
    sys.stderr = VisibleTextStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def make_arguments_visible(args: argparse.Namespace) -> None:
    """Replace control characters in every text argument (single-line ones lose newlines too)."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        keep = name in MULTI_LINE_ARGUMENTS
        if isinstance(value, str):
            setattr(args, name, visible_text(value, keep_newlines=keep))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            setattr(args, name, [visible_text(item, keep_newlines=keep) for item in value])
