"""How a key is written for people: one notation in the footer, hints, help and README.

Textual names keys ``ctrl+s``, ``escape``, ``question_mark``; people read
``Ctrl+S``, ``Esc``, ``?``. :func:`key_display` is the one mapping, so the
footer (through ``App.get_key_display``), the help screen and written hints
all say the same thing.
"""

from __future__ import annotations

NAMED_KEYS: dict[str, str] = {
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Del",
    "insert": "Ins",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "question_mark": "?",
    "slash": "/",
    "comma": ",",
    "full_stop": ".",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "exclamation_mark": "!",
}

MODIFIERS: dict[str, str] = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta", "super": "Super"}


def key_display(key: str) -> str:
    """``ctrl+s`` -> ``Ctrl+S``, ``escape`` -> ``Esc``, ``question_mark`` -> ``?``, ``f2`` -> ``F2``."""
    *modifiers, name = key.strip().split("+") if key.strip() != "+" else ["plus"]
    if not name:  # "ctrl++"
        name = "plus"
    shown = NAMED_KEYS.get(name)
    if shown is None:
        if len(name) == 1:
            shown = name.upper() if modifiers else name
        elif name[0] == "f" and name[1:].isdigit():
            shown = name.upper()
        else:
            shown = name.replace("_", " ").capitalize()
    return "+".join([*(MODIFIERS.get(m, m.capitalize()) for m in modifiers), shown])


def keys_display(keys: str) -> str:
    """A binding's comma-separated keys, each written for people: ``d,delete`` -> ``d, Del``."""
    return ", ".join(key_display(key) for key in keys.split(",") if key.strip())
