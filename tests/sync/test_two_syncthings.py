"""Issue 19: one Heartwork database shared by two real Syncthing instances on this computer.

Two Syncthing instances (separate homes, 127.0.0.1 only, no discovery, no
relays) share one folder through their REST API. Heartwork shell commands
write on both sides, including while the link is paused, so both change the
file at once and Syncthing leaves a conflict copy. After the link is resumed
and ``heartwork sync`` has run on both sides, both hold exactly the union of
entries, what was deleted stays deleted, and nothing is duplicated.

Slow (about half a minute) and needs Syncthing, so it is not in the default
run: ``pytest -q tests/sync``. Skipped, saying why, without ``syncthing``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SYNCTHING = shutil.which("syncthing")
pytestmark = pytest.mark.skipif(
    SYNCTHING is None, reason="syncthing is not installed (Debian: apt-get install syncthing); this test runs two"
)
FOLDER_ID = "heartwork"
STIGNORE = "(?d).heartwork.json.*.tmp\n(?d)heartwork.json.lock\n(?d)backups\n"
HEARTWORK = [sys.executable, "-m", "tui"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Syncthing:
    """One Syncthing instance with its own home, reachable only on 127.0.0.1."""

    def __init__(self, home: Path, folder: Path) -> None:
        assert SYNCTHING is not None
        self.home, self.folder = home, folder
        self.gui_port, self.listen_port = _free_port(), _free_port()
        self.api_key = os.urandom(12).hex()
        subprocess.run(
            [SYNCTHING, "generate", f"--home={home}", "--no-default-folder"], check=True, capture_output=True
        )
        config = home / "config.xml"
        text = config.read_text(encoding="utf-8")
        for tag, value in (
            ("listenAddress", f"tcp://127.0.0.1:{self.listen_port}"),
            ("globalAnnounceEnabled", "false"),
            ("localAnnounceEnabled", "false"),
            ("relaysEnabled", "false"),
            ("natEnabled", "false"),
            ("urAccepted", "-1"),
            ("autoUpgradeIntervalH", "0"),
            ("crashReportingEnabled", "false"),
        ):
            text = re.sub(rf"<{tag}>[^<]*</{tag}>", f"<{tag}>{value}</{tag}>", text)
        config.write_text(text, encoding="utf-8")
        self.log = (home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            [
                SYNCTHING,
                "serve",
                f"--home={home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                "--no-default-folder",
                "--skip-port-probing",
                f"--gui-address=http://127.0.0.1:{self.gui_port}",
                f"--gui-apikey={self.api_key}",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "STNOUPGRADE": "1", "HOME": str(home)},
        )
        self.device_id = str(_wait_for(lambda: self.api("GET", "/rest/system/status")["myID"], 30))

    def api(self, method: str, path: str, body: Any = None) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            payload = response.read()
        return json.loads(payload) if payload.strip() else None

    def share_with(self, other: Syncthing) -> None:
        self.api(
            "POST",
            "/rest/config/devices",
            {"deviceID": other.device_id, "name": "other", "addresses": [f"tcp://127.0.0.1:{other.listen_port}"]},
        )
        self.api(
            "POST",
            "/rest/config/folders",
            {
                "id": FOLDER_ID,
                "label": FOLDER_ID,
                "path": str(self.folder),
                "type": "sendreceive",
                "devices": [{"deviceID": self.device_id}, {"deviceID": other.device_id}],
                "rescanIntervalS": 2,
                "fsWatcherEnabled": True,
                "fsWatcherDelayS": 1,
                "maxConflicts": -1,
            },
        )

    def connected_to(self, other: Syncthing) -> bool:
        connections = self.api("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def in_sync_with(self, other: Syncthing) -> bool:
        completion = self.api("GET", f"/rest/db/completion?folder={FOLDER_ID}&device={other.device_id}")
        status = self.api("GET", f"/rest/db/status?folder={FOLDER_ID}")
        return bool(completion["completion"] == 100 and status["needTotalItems"] == 0 and status["state"] == "idle")

    def scan(self) -> None:
        self.api("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def _wait_for(check: Callable[[], Any], seconds: float) -> Any:
    deadline = time.monotonic() + seconds
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = check()
        except (OSError, KeyError, ValueError) as error:
            last_error, result = error, None
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting after {seconds:.0f} s (last error: {last_error})")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Syncthing, Syncthing]]:
    folders = [tmp_path / "laptop" / "Sync", tmp_path / "desktop" / "Sync"]
    for folder in folders:
        folder.mkdir(parents=True)
        (folder / ".stignore").write_text(STIGNORE, encoding="utf-8")
    laptop = Syncthing(tmp_path / "laptop" / "st-home", folders[0])
    desktop = Syncthing(tmp_path / "desktop" / "st-home", folders[1])
    try:
        laptop.share_with(desktop)
        desktop.share_with(laptop)
        _wait_for(lambda: laptop.connected_to(desktop) and desktop.connected_to(laptop), 60)
        yield laptop, desktop
    finally:
        laptop.stop()
        desktop.stop()


def heartwork(side: Syncthing, *args: str) -> str:
    done = subprocess.run(
        [*HEARTWORK, "--db", str(side.folder / "heartwork.json"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HEARTWORK_DB": ""},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def delete_entry(side: Syncthing, body: str) -> None:
    """There is no shell command to delete an entry: the journal's own repository does it, in a new process."""
    code = (
        "import sys; from pathlib import Path; from tui.store.store import Store;"
        "from tui.store.journal_repository import JournalRepository as J;"
        "s = Store.open(Path(sys.argv[1])); r = s.repo(J);"
        "[r.delete(e.id) for e in r.all() if e.body == sys.argv[2]]; s.close()"
    )
    subprocess.run([sys.executable, "-c", code, str(side.folder / "heartwork.json"), body], check=True, timeout=60)


def bodies(side: Syncthing) -> list[str]:
    code = (
        "import sys, json; from pathlib import Path; from tui.store.store import Store;"
        "from tui.store.journal_repository import JournalRepository as J;"
        "s = Store.open_read_only(Path(sys.argv[1])); print(json.dumps(sorted(e.body for e in s.repo(J).all())))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(side.folder / "heartwork.json")], capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout))


def conflict_copies(side: Syncthing) -> list[str]:
    """Conflict copies still waiting (Syncthing's own hidden temp files for a copy it no longer needs do not count)."""
    return [path.name for path in side.folder.iterdir() if "sync-conflict" in path.name and path.name[0] != "."]


def converge(laptop: Syncthing, desktop: Syncthing, expected: list[str], seconds: float = 90) -> None:
    """Let Syncthing carry files both ways and Heartwork merge conflict copies until both agree."""

    def settled() -> bool:
        for side in (laptop, desktop):
            side.scan()
            if (side.folder / "heartwork.json").exists():
                heartwork(side, "sync")
        time.sleep(1)
        return (
            laptop.in_sync_with(desktop)
            and desktop.in_sync_with(laptop)
            and not conflict_copies(laptop)
            and not conflict_copies(desktop)
            and bodies(laptop) == expected
            and bodies(desktop) == expected
        )

    try:
        _wait_for(settled, seconds)
    except AssertionError:
        raise AssertionError(
            f"no convergence: laptop {bodies(laptop)} {conflict_copies(laptop)}, "
            f"desktop {bodies(desktop)} {conflict_copies(desktop)}, expected {expected}"
        ) from None


def test_item19_4_two_real_syncthings_converge_to_the_union(pair: tuple[Syncthing, Syncthing]) -> None:
    laptop, desktop = pair
    heartwork(laptop, "journal", "add", "laptop one")
    converge(laptop, desktop, ["laptop one"])
    heartwork(desktop, "journal", "add", "desktop one")
    converge(laptop, desktop, ["desktop one", "laptop one"])
    delete_entry(laptop, "laptop one")
    converge(laptop, desktop, ["desktop one"])

    # the link goes down; both computers write at once; the link comes back
    laptop.api("POST", f"/rest/system/pause?device={desktop.device_id}")
    desktop.api("POST", f"/rest/system/pause?device={laptop.device_id}")
    heartwork(laptop, "journal", "add", "laptop offline a")
    heartwork(laptop, "journal", "add", "laptop offline b")
    heartwork(desktop, "journal", "add", "desktop offline")
    delete_entry(desktop, "desktop one")
    laptop.api("POST", f"/rest/system/resume?device={desktop.device_id}")
    desktop.api("POST", f"/rest/system/resume?device={laptop.device_id}")

    converge(laptop, desktop, ["desktop offline", "laptop offline a", "laptop offline b"])
    for side in (laptop, desktop):  # every conflict copy was kept, in backups/, never deleted
        assert (side.folder / "backups").is_dir()
