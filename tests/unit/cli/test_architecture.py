"""The domain, the store and the shell commands never load textual (they must answer fast)."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import tui.cli.commands

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_core_store_cli_and_commands_import_without_textual() -> None:
    commands = [f"tui.cli.commands.{module.name}" for module in pkgutil.iter_modules(tui.cli.commands.__path__)]
    store = [f"tui.store.{module.name}" for module in pkgutil.iter_modules([str(REPO_ROOT / "tui" / "store")])]
    core = [f"tui.core.{module.name}" for module in pkgutil.iter_modules([str(REPO_ROOT / "tui" / "core")])]
    modules = ["tui.core", "tui.store", "tui.cli.main", "tui.cli.recovery", *core, *store, *commands]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(name for name in sys.modules if name == 'textual' or name.startswith('textual.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert "tui.cli.commands.export" in commands and "tui.cli.commands.restore" in commands
    assert "tui.store.instance" in store
    assert done.stdout.strip() == "[]"


def test_no_store_or_core_module_imports_textual_even_lazily() -> None:
    importing = re.compile(r"^\s*(import textual|from textual)", re.MULTILINE)
    for folder in ("store", "core"):
        for source in (REPO_ROOT / "tui" / folder).glob("*.py"):
            assert not importing.search(source.read_text()), source
