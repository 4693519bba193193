"""Benchmark (run by hand): encryption at rest at 10 years of data (issue 18).

    python tests/perf/bench_encryption.py [--rounds 7] [--use-this-venv]

Prints, each interleaved with its baseline in the same run:
- an encrypted save vs an unencrypted save of the same 10-year database (target <= 1.5x),
- unlock: open + Argon2id derive (the real cost) + decrypt + parse (target <= 1.5 s),
- ``heartwork checkin 7`` of the installed command on an encrypted database
  (sealed into the inbox) vs on a plain one (target <= 1.3x).
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datagen import YEARS, write_database
from installed import installed_heartwork, run_env

from tui.store import encryption
from tui.store.database import Database
from tui.store.passphrase import set_passphrase


def _save_seconds(database: Database) -> float:
    storage = database.storage
    data = storage.read() or {}
    start = time.perf_counter()
    storage.write(data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--use-this-venv", action="store_true")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="heartwork-bench-enc-"))
    try:
        plain_path = write_database(folder / "plain.json", YEARS["10 years"])
        locked_path = folder / "locked.json"
        shutil.copy(plain_path, locked_path)
        plain = Database.open(plain_path)
        locked = Database.open(locked_path)
        set_passphrase(locked, "bench passphrase")
        saves: dict[str, list[float]] = {"plain": [], "encrypted": []}
        for _ in range(options.rounds):
            for name in random.sample(list(saves), 2):
                saves[name].append(_save_seconds(plain if name == "plain" else locked))
        plain.close()
        locked.close()
        unlocks = []
        for _ in range(3):
            encryption.forget_all()
            start = time.perf_counter()
            payload = locked_path.read_bytes()
            header, header_bytes, _ = encryption.decode_header(payload)
            encryption.remember(encryption.unlock(header, header_bytes, "bench passphrase"))
            Database.open(locked_path).close()
            unlocks.append(time.perf_counter() - start)
        script, _python = installed_heartwork(fresh=not options.use_this_venv)
        env = run_env()
        captures: dict[str, list[float]] = {"plain": [], "sealed": []}
        for _ in range(options.rounds):
            for name in random.sample(list(captures), 2):
                target = plain_path if name == "plain" else locked_path
                start = time.perf_counter()
                subprocess.run(
                    [str(script), "--db", str(target), "checkin", "7"],
                    env=env,
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                captures[name].append(time.perf_counter() - start)
        save_plain, save_enc = statistics.median(saves["plain"]), statistics.median(saves["encrypted"])
        cap_plain, cap_sealed = statistics.median(captures["plain"]), statistics.median(captures["sealed"])
        print(
            f"save at 10 years: plain {save_plain * 1000:.1f} ms, encrypted {save_enc * 1000:.1f} ms, "
            f"ratio {save_enc / save_plain:.2f}x (target <= 1.5x)"
        )
        print(f"unlock (open + derive + decrypt + parse): {statistics.median(unlocks):.2f} s (target <= 1.5 s)")
        print(
            f"shell check-in: plain {cap_plain * 1000:.0f} ms, sealed {cap_sealed * 1000:.0f} ms, "
            f"ratio {cap_sealed / cap_plain:.2f}x (target <= 1.3x)"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop("HEARTWORK_PASSPHRASE_FILE", None)


if __name__ == "__main__":
    main()
