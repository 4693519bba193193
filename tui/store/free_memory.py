"""Handing freed memory back to the system once a big piece of work is done (issue 12.3).

Python frees its objects, but glibc keeps the freed heap pages in the process
unless asked to return them; after parsing a database or building the views'
data, that is several megabytes a person's machine never gets back.
"""

from __future__ import annotations

from collections.abc import Callable


def _free_memory_function() -> Callable[[], object]:
    """glibc's ``malloc_trim`` (hands freed heap pages back to the system), or a no-op elsewhere."""
    try:
        import ctypes

        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    return lambda: trim(0)


give_back_memory = _free_memory_function()
"""Return the heap pages freed so far to the system (cheap: milliseconds; a no-op without glibc)."""
