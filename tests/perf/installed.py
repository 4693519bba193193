"""The installed ``heartwork`` command for benchmarks, and the ``python -c pass`` baseline beside it.

Benchmarks time what a person runs: the ``heartwork`` script of an installed
copy, run from compiled bytecode, never ``python -m tui`` from the source tree.
By default that is the script in the running virtual environment (next to
``sys.executable``); with ``fresh=True`` the repository is first installed
with ``pip install .`` (not editable) into a new virtual environment in a
temporary folder, as a user would install it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def installed_heartwork(fresh: bool = False) -> tuple[Path, Path]:
    """(the ``heartwork`` script, the Python that runs it)."""
    if fresh:
        folder = Path(tempfile.mkdtemp(prefix="heartwork-installed-"))
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run(
            [str(folder / "bin" / "pip"), "install", "-q", str(REPO_ROOT)], check=True, stdout=subprocess.DEVNULL
        )
        return folder / "bin" / "heartwork", folder / "bin" / "python"
    found = shutil.which("heartwork", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit("heartwork is not installed in this environment: pip install . (or -e .) first")
    return Path(found), Path(sys.executable)


def run_env() -> dict[str, str]:
    """The environment a person's shell gives: bytecode allowed, no source tree on the path."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    return env
