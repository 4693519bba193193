"""Issue 10 item 8: an app that is closing, or a mark from a process that is gone, is not another window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tui.store.instance import InstanceMarker, app_lock_path_for

REPO_ROOT = Path(__file__).resolve().parents[3]

HOLDER = (
    "import sys, time; from pathlib import Path; from tui.store.instance import InstanceMarker; "
    "m = InstanceMarker(Path(sys.argv[1])); m.acquire(); print('held', flush=True); time.sleep(float(sys.argv[2]))"
)


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_item10_8_restart_while_the_old_app_is_closing_is_not_open_twice(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    closing = _hold(path, 0.4)  # the old window, still saving for a moment after its terminal closed
    try:
        marker = InstanceMarker(path)
        assert marker.acquire() is True  # busy at first
        assert marker.holder_pid() == closing.pid
        started = time.monotonic()
        assert marker.another_app_still_open(grace=3.0) is False
        assert marker.held and time.monotonic() - started < 2.5
        assert marker.holder_pid() == os.getpid()
        marker.release()
    finally:
        closing.wait(5)


def test_item10_8_a_live_window_is_still_noticed(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    other = _hold(path, 5)
    try:
        marker = InstanceMarker(path)
        assert marker.acquire() is True
        assert marker.another_app_still_open(grace=0.3) is True
    finally:
        other.kill()
        other.wait(5)


def test_item10_8_a_mark_naming_a_dead_process_is_not_a_window(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    other = _hold(path, 5)
    try:
        app_lock_path_for(path).write_text(gone.stdout.strip(), encoding="ascii")  # as if the holder had gone
        marker = InstanceMarker(path)
        assert marker.acquire() is True
        assert marker.another_app_still_open(grace=2.0) is False
    finally:
        other.kill()
        other.wait(5)
