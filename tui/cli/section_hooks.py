"""What a section adds to the command line: its options, shell actions and store checks.

Shared by ``main`` (which builds the parser) and ``launch`` (which checks the
options against the open store), so neither imports the other.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.cli.commands import affirm, breathe_options, journal_add, selfcare_shell

if TYPE_CHECKING:
    from tui.store.store import Store

# Options a section's screen understands, e.g. ``heartwork breathe --pattern box``.
# Each adder adds arguments whose ``dest`` starts with "<section>_"; launch.py passes
# them (prefix removed) to the screen as ``app.launch.options``.
SECTION_OPTIONS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "breathe": breathe_options.add_breathe_options,
    "journal": journal_add.add_journal_options,
    "selfcare": selfcare_shell.add_selfcare_options,
    "affirm": affirm.add_affirm_options,
}

# Sections whose options can ask for a shell action instead of the app
# (``heartwork journal add ...``): (wants it?, run it), checked before textual loads.
SECTION_SHELL_ACTIONS: dict[str, tuple[Callable[[argparse.Namespace], bool], Callable[[argparse.Namespace], int]]] = {
    "journal": (journal_add.wants_shell_action, journal_add.run),
    "selfcare": (selfcare_shell.wants_shell_action, selfcare_shell.run),
    "affirm": (affirm.wants_shell_action, affirm.run),
}

# One-line help for sections that do more than open the app (``heartwork --help`` lists it).
SECTION_HELP: dict[str, str] = {
    "breathe": "open the app on breathe, or straight into a session (--pattern, --minutes, --cycles)",
    "journal": "open the app on journal; 'journal add TEXT' saves an entry from the shell",
    "selfcare": "open the app on self-care; 'selfcare add|list|done' keeps routines from the shell",
    "affirm": "open the app on affirm; 'affirm add TEXT', 'affirm list', 'affirm today' answer from the shell",
}

# Checks that need the open store (e.g. a custom pattern name): return an error
# message for a one-line exit-code-2 failure, or None when the options are fine.
SECTION_VALIDATORS: dict[str, Callable[[argparse.Namespace, Store], str | None]] = {
    "breathe": breathe_options.check_breathe_pattern,
}
