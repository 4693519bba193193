"""Terminal input that takes a bracketed paste in one piece instead of one character at a time.

Textual's input parser runs every pasted character through its generator
(several Python calls each, in the input thread, competing with the app for
the interpreter): a 145 KB paste into the journal took about 3 s to arrive.
:class:`FastPasteParser` finds the end of a paste with ``str.find`` and hands
the text over as the same ``Paste`` event. Whatever it is not sure about (a
paste holding escape sequences, a start marker split between two reads, a
paste arriving while an escape sequence is half read) goes to Textual's own
parser unchanged, so the result is always what Textual would have produced.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Iterable

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class FastPasteParser(XTermParser):
    """Textual's xterm parser with a quick path for bracketed pastes."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._paste: list[str] | None = None  # the text so far while inside a paste taken on the quick path
        self._tail = ""  # the last characters read, if they may begin the end marker

    def _at_rest(self) -> bool:
        """True when Textual's parser waits for a fresh character (not inside an escape sequence)."""
        return self._awaiting.timeout is None

    def feed(self, data: str) -> Iterable[Message]:
        if not data:
            yield from self._flush_unfinished_paste()
            yield from super().feed(data)
            return
        while data:
            if self._paste is None:
                start = data.find(PASTE_START)
                if start == -1:
                    yield from super().feed(data)
                    return
                if start:
                    yield from super().feed(data[:start])
                if not self._at_rest():  # an escape sequence was cut off by the paste: Textual decides
                    yield from super().feed(data[start:])
                    return
                self._paste = []
                data = data[start + len(PASTE_START) :]
            else:
                data, self._tail = self._tail + data, ""
                end = data.find(PASTE_END)
                if end == -1:
                    keep = _partial_marker_length(data, PASTE_END)  # the end marker may be split between reads
                    self._paste.append(data[: len(data) - keep])
                    self._tail = data[len(data) - keep :]
                    return
                text = "".join(self._paste) + data[:end]
                self._paste = None
                data = data[end + len(PASTE_END) :]
                if "\x1b" in text:  # escape sequences inside a paste: Textual's own handling
                    yield from super().feed(PASTE_START + text + PASTE_END)
                else:
                    yield events.Paste(text.replace("\x00", ""))

    def _flush_unfinished_paste(self) -> Iterable[Message]:
        if self._paste is not None:
            text, self._paste, self._tail = "".join(self._paste) + self._tail, None, ""
            yield from super().feed(PASTE_START + text)


class FastPasteLinuxDriver(LinuxDriver):
    """Textual's Linux driver reading input with :class:`FastPasteParser`.

    ``run_input_thread`` is Textual 8's own, with the parser swapped: Textual
    offers no other way to choose the parser.
    """

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = FastPasteParser(self._debug)
        feed, tick = parser.feed, parser.tick
        decode = getincrementaldecoder("utf-8")().decode

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            for last, (_selector_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    unicode_data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break  # stdin is piped
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass


def _partial_marker_length(data: str, marker: str) -> int:
    """How many characters at the end of ``data`` could be the start of ``marker``."""
    for length in range(min(len(marker) - 1, len(data)), 0, -1):
        if marker.startswith(data[-length:]):
            return length
    return 0
