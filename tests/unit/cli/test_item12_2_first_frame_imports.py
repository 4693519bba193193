"""Issue 12.2: what the first frame needs imports no database code; the store is imported in the opening worker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]

FIRST_FRAME = ("tui.cli.main", "tui.cli.launch", "tui.ui.app", "tui.ui.screens.home.home")
"""What runs before Home's first frame: the CLI, the launcher, the app and Home."""

NOT_BEFORE_THE_FIRST_FRAME = (
    "tinydb",
    "orjson",
    "tui.store.store",
    "tui.store.database",
    "tui.store.homework_queries",
    "tui.store.journal_repository",
    "tui.core.journal_search",
    # Not needed to draw Home either: the sections' command-line options and
    # what Home shows only once the data is in.
    "tui.cli.section_hooks",
    "tui.cli.commands.affirm",
    "tui.cli.commands.breathe_options",
    "tui.cli.commands.journal_add",
    "tui.cli.commands.selfcare_shell",
    "tui.core.affirmations",
    "tui.core.mood_stats",
    "tui.core.unreadable_records",
    # Package data is read from the package's folder: importlib.resources brings zipfile.
    "importlib.resources",
    "zipfile",
)


def test_item12_2_the_first_frame_imports_no_store_tinydb_or_journal_index() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {FIRST_FRAME!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(name for name in {NOT_BEFORE_THE_FIRST_FRAME!r} if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
