"""Stored text made safe to show: control characters become visible symbols.

A journal body, a tag or a file restored from elsewhere may hold terminal
control characters (ESC, BEL, CSI, ...). Written to a terminal as they are,
they can rename the window, clear the screen or worse. :func:`visible_text`
is the one function every screen and every shell command passes stored text
through before showing it, and every input passes through before it is saved:
each C0 control becomes its Unicode "control picture" (ESC shows as U+241B),
DEL shows as U+2421 and C1 controls as U+FFFD. Printable text in any script,
right-to-left included, is left exactly as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: `heartwork affirm today` cannot afford importing typing
if TYPE_CHECKING:
    from typing import Any

REPLACEMENT = "\ufffd"
"""What a C1 control (U+0080-U+009F) is shown as: it has no control picture."""

_SINGLE_LINE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_SINGLE_LINE[0x7F] = "\u2421"
_SINGLE_LINE.update(dict.fromkeys(range(128, 160), REPLACEMENT))
_SINGLE_LINE[0x2028] = "\u2424"  # LINE SEPARATOR would break a line behind the layout's back
_SINGLE_LINE[0x2029] = "\u2424"  # PARAGRAPH SEPARATOR likewise

_MULTI_LINE: dict[int, str] = {code: shown for code, shown in _SINGLE_LINE.items() if code not in (0x09, 0x0A)}

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_UNSAFE_IN_BODY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible_text(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character replaced by a visible symbol.

    With ``keep_newlines`` (bodies, notes), newline, tab and a Windows line
    ending (CR LF) stay as they are; a carriage return on its own is shown.
    """
    if text.isprintable():
        return text  # the common case, decided in C: no control character at all
    if keep_newlines:
        if _UNSAFE_IN_BODY.search(text) is None:
            return text
        shown = "\r\n".join(part.translate(_MULTI_LINE) for part in text.split("\r\n"))
        return text if shown == text else shown
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_SINGLE_LINE)


def has_control_characters(text: str, *, keep_newlines: bool = False) -> bool:
    """True if :func:`visible_text` would change ``text``."""
    pattern = _UNSAFE_IN_BODY if keep_newlines else _UNSAFE
    return pattern.search(text) is not None


def visible_values(value: Any) -> Any:
    """``value`` (a JSON-like document) with every string in it made visible.

    Newlines and tabs are kept, since a document mixes bodies with single-line
    fields; single-line inputs are made visible without them where they are typed.
    Returns ``value`` itself when nothing needed changing (no copying).
    """
    if isinstance(value, str):
        return visible_text(value, keep_newlines=True)
    if isinstance(value, Mapping):
        changed = {key: visible_values(item) for key, item in value.items()}
        if all(changed[key] is item for key, item in value.items()):
            return value
        return changed
    if isinstance(value, (list, tuple)):
        items = [visible_values(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=False)):
            return value
        return type(value)(items) if isinstance(value, tuple) else items
    return value
