"""``heartwork affirm today`` in a few milliseconds, for a shell start-up file.

Run before argparse and the store are imported (see ``tui.cli.entry``): reads
the database file as plain JSON without writing, locking or migrating, and
chooses with the same :func:`tui.core.day_choice.choose_for_day` as the app.
Whenever anything is unusual (other arguments, a file that does not parse, an
older format, a record the store would set aside) it answers None and the
ordinary command runs instead, so the answer is always the same as the app's.
"""

from __future__ import annotations

import os
import sys

OWN_SOURCES = ("own", "reframe")
# The database format this reader understands; importing tui.store for it would cost
# the time saved (tests/unit/test_affirm_cli.py checks it equals migrations.CURRENT_VERSION).
# A newer format simply falls back to the full command.
SCHEMA_VERSION = 3


def fast_affirm_today(argv: list[str]) -> int | None:
    """Print the day's affirmation and return 0, or None to let the full command answer."""
    db = _db_argument(argv)
    if db is None:
        return None
    try:
        return _answer(db)
    except Exception:  # anything unexpected: the full command answers and explains
        return None


def _db_argument(argv: list[str], wanted: list[str] | None = None) -> str | None:
    """The --db value ("" for none) when ``argv`` is exactly ``wanted`` (``affirm today``) with --db/--theme; else None."""
    words: list[str] = []
    db = ""
    tokens = iter(argv)
    for token in tokens:
        if token in ("--db", "--theme"):
            value = next(tokens, None)
            if value is None:
                return None
            db = value if token == "--db" else db
        elif token.startswith("--db="):
            db = token[5:]
        elif token.startswith("--theme="):
            continue
        else:
            words.append(token)
    return db if words == (wanted or ["affirm", "today"]) else None


def _database_file(db: str) -> str:
    path = db or os.environ.get("HEARTWORK_DB", "").strip()
    if not path:
        import platformdirs

        path = os.path.join(platformdirs.user_data_dir("heartwork", appauthor=False), "heartwork.json")
    return os.path.realpath(os.path.expanduser(path))


def _answer(db: str) -> int | None:
    import json

    from tui.core.safe_text import visible_text

    path = _database_file(db)
    try:
        if os.path.getsize(path + ".inbox") > 0:
            return None  # quick captures wait in the inbox: the full command reads them too
    except OSError:
        pass
    if os.path.exists(path):
        with open(path, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))
        if data.get("_meta", {}).get("1", {}).get("schema_version") != SCHEMA_VERSION:
            return None
    else:
        data = {}
    text = affirmation_text(data)
    if text is None:
        return None
    sys.stdout.buffer.write((visible_text(" ".join(text.split())) + "\n").encode("utf-8"))
    sys.stdout.flush()
    return 0


def affirmation_text(data: dict[str, object]) -> str | None:
    """Today's affirmation chosen from the plain database ``data``, or None when the full command must answer."""
    import json
    import time
    import zlib

    from tui.core.day_choice import choose_for_day, day_weight_of

    marks = _documents(data, "affirmation_marks")
    own = _documents(data, "affirmations")
    if marks is None or own is None:
        return None
    content = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "content")
    with open(os.path.join(content, "affirmations.toml"), "rb") as handle:
        source_crc = zlib.crc32(handle.read())
    with open(os.path.join(content, "affirmations_quick.json"), "rb") as handle:
        quick = json.loads(handle.read().decode("utf-8"))
    if quick.get("crc32") != source_crc:  # the TOML was edited since the copy was made
        return None
    texts: dict[str, str] = {}
    weighted: list[tuple[str, int]] = []
    for built_in_id, text in quick["affirmations"]:
        mark = marks.get(built_in_id, {})
        texts[built_in_id] = text
        weighted.append((built_in_id, day_weight_of(False, mark.get("favourite") is True, mark.get("hidden") is True)))
    for own_id, document in own.items():
        texts[own_id] = str(document["text"])  # checked to be text by _documents
        weighted.append((own_id, day_weight_of(True, document.get("favourite") is True, False)))
    chosen = choose_for_day(weighted, _local_day_ordinal(time.time(), time.localtime().tm_gmtoff))
    return None if chosen is None else texts[chosen]


def _local_day_ordinal(seconds: float, utc_offset: int) -> int:
    """``date.today().toordinal()`` without importing datetime (1970-01-01 is ordinal 719163)."""
    return 719163 + int(seconds + utc_offset) // 86400


def _documents(data: dict[str, object], table: str) -> dict[str, dict[str, object]] | None:
    """The table's documents by id, or None if any is one the store might read differently."""
    documents = data.get(table, {})
    if not isinstance(documents, dict):
        return None
    by_id: dict[str, dict[str, object]] = {}
    for document in documents.values():
        if not isinstance(document, dict) or not isinstance(document.get("id"), str) or not document["id"]:
            return None
        for flag in ("favourite", "hidden"):
            if flag in document and not isinstance(document[flag], bool):
                return None
        if table == "affirmations" and not (
            isinstance(document.get("text"), str)
            and document.get("source", "own") in OWN_SOURCES
            and all(isinstance(document.get(k, ""), str | None) for k in ("tag", "created_at", "entry_id"))
        ):
            return None
        by_id[str(document["id"])] = document
    return by_id
