"""The extras' core and store modules never load textual (they run in shell commands too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
MODULES = [
    "tui.core.homework_effects",
    "tui.core.reflection",
    "tui.core.questionnaire",
    "tui.core.selfcare",
    "tui.core.affirmations",
    "tui.store.homework_effects_repository",
    "tui.store.reflection_repository",
    "tui.store.questionnaire_repository",
    "tui.store.selfcare_repository",
    "tui.store.affirmation_repository",
]


def test_core_and_store_do_not_import_textual() -> None:
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in MODULES)
    code += "print(sorted(name for name in sys.modules if name == 'textual' or name.startswith('textual.')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
