"""Standard streams and command-line text as UTF-8, whatever the locale says.

Under ``LC_ALL=C`` (with UTF-8 mode off) Python reads the command line and the
standard streams as ASCII, so "café" arrives as undecodable bytes and is
refused, and ``PYTHONIOENCODING=ascii`` makes reading "é" from standard input
crash. Heartwork's text is UTF-8 everywhere: the streams are switched to UTF-8
(output never fails: what a terminal cannot show is replaced), and text
arguments are decoded from their original bytes as UTF-8.
"""

from __future__ import annotations

import codecs
import os
import sys

TYPE_CHECKING = False  # importing typing would slow the quick capture (capture_fast); annotations only
if TYPE_CHECKING:
    from typing import TextIO


def _is_utf8(stream: TextIO) -> bool:
    try:
        return codecs.lookup(stream.encoding or "ascii").name == "utf-8"
    except LookupError:
        return False


def use_utf8_streams() -> None:
    """Read standard input and write standard output and error as UTF-8."""
    for stream, errors in ((sys.stdin, "surrogateescape"), (sys.stdout, "replace"), (sys.stderr, "replace")):
        if stream is None or _is_utf8(stream):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors=errors)
        except (ValueError, OSError):
            pass  # a stream already in use in another way: leave it as it is


def shell_text(value: str) -> str:
    """A command-line argument that is text (a note, a title, a tag) as UTF-8.

    Python decoded it with the locale's encoding, keeping bytes it could not
    decode as surrogates; those bytes are taken back and decoded as UTF-8.
    Bytes that are not UTF-8 either stay as they were (and are refused when saved).
    """
    if value.isascii():
        return value
    try:
        raw = os.fsencode(value)
    except UnicodeError:
        return value
    return raw.decode("utf-8", "surrogateescape")
