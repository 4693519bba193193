"""Quick captures in a few milliseconds, before argparse is imported: ``checkin``, ``journal add``, ``affirm add``.

Run from :mod:`tui.cli.entry` ahead of the full CLI. It handles only what it
can answer with certainty: the command line is plainly ``checkin SCORE``
(with ``--energy``, ``--emotion``, ``--tag``, ``--note``, ``--at``),
``journal add TEXT`` (``--title``, ``--tag``) or ``affirm add TEXT``
(``--tag``), with ``--db`` and ``--theme``, and no abbreviation, ``--help`` or
standard input; every value passes the same checks as the full command (the
``*_rules`` modules of :mod:`tui.core`, shared with it); the score gets no
care line; the folder needs no creating or tightening and backups are not
refused. Then it appends the same record to the inbox with the same code
(:mod:`tui.store.inbox_append`) and prints the same line. Anything else,
including every mistake in what was typed, returns None before anything is
written, and the full CLI answers with its own message and exit code. A lock
or disk that refuses the append gets the full command's message here, so a
record is never appended twice.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # importing typing would cost a good part of the time budget; annotations only
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any

CHECKIN_OPTIONS = {"--energy": "energy", "--emotion": "emotion", "--tag": "tag", "--note": "note", "--at": "at"}
JOURNAL_OPTIONS = {"--title": "title", "--tag": "tag"}
AFFIRM_OPTIONS = {"--tag": "one_tag"}
REPEATED = frozenset({"emotion", "tag"})


def fast_capture(argv: list[str]) -> int | None:
    """Save the capture and return its exit code, or None (nothing written) to let the full CLI answer."""
    try:
        if "checkin" in argv:
            prepared = _prepare_checkin(argv)
        elif "journal" in argv:
            prepared = _prepare_journal_entry(argv)
        else:
            prepared = _prepare_own_affirmation(argv)
    except Exception:  # anything unexpected: the full command answers and explains
        return None
    if prepared is None:
        return None
    database, payload, line, what = prepared
    from tui.store.inbox_append import AppendFailedError, LockRefusedError, append_under_lock

    try:
        append_under_lock(database, payload)
    except (LockRefusedError, AppendFailedError) as refused:
        return say_not_saved(database, refused, what)  # never a second try: it could save the record twice
    try:
        sys.stdout.buffer.write((line + "\n").encode("utf-8", "replace"))
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # saved; the reader went away, as the full command allows
    return 0


def say_not_saved(database: str, refused: Exception, what: str) -> int:
    """The full command's message and exit code for a lock or a disk that refused (speed no longer matters)."""
    from pathlib import Path

    from tui.cli.commands.common import fail_store
    from tui.cli.commands.utf8_streams import use_utf8_streams
    from tui.cli.commands.visible_output import visible_standard_streams
    from tui.store.errors import StoreBusyError, StoreError, StoreWriteError
    from tui.store.file_lock import lock_timeout_errors
    from tui.store.inbox_append import LOCK_TIMEOUT_SECONDS, LockRefusedError, inbox_file_for, lock_file_for

    cause = refused.__cause__ if isinstance(refused.__cause__, Exception) else refused
    error: StoreError  # as tui.store.inbox.append_many raises them
    if isinstance(refused, LockRefusedError) and isinstance(cause, lock_timeout_errors()):
        error = StoreBusyError(Path(lock_file_for(database)), LOCK_TIMEOUT_SECONDS)
    elif isinstance(refused, LockRefusedError):
        error = StoreWriteError(Path(database), cause, change_kept=False)
    else:
        error = StoreWriteError(Path(inbox_file_for(database)), cause, change_kept=False)
    use_utf8_streams()
    with visible_standard_streams():
        return fail_store(error, what)


def parse_command_line(argv: list[str], command: str, options: dict[str, str]) -> dict[str, Any] | None:
    """``argv`` as {"db", "words", option name: value(s)} when it is plainly ``command`` with ``options``; else None.

    "words" are the plain words after ``command``, and "together" says whether
    they follow it directly (argparse reads optional positionals differently otherwise).
    """
    values: dict[str, Any] = {"db": "", "words": [], "together": True, **{name: [] for name in REPEATED}}
    last_word = False
    known = {"--db": "db", "--theme": "theme", **options}
    seen_command = False
    tokens = iter(argv)
    for token in tokens:
        name, value, was_word, last_word = token, None, last_word, False
        if token.startswith("--") and "=" in token:
            name, value = token.split("=", 1)
        if token.startswith("-"):
            key = known.get(name)
            if key is None or (key in options.values() and not seen_command):
                return None  # --help, an abbreviation, "--", a negative number, a command's option too early
            if value is None:
                value = next(tokens, None)
                if value is None or value.startswith("-"):
                    return None
            if key in REPEATED:
                values[key].append(value)
            else:
                values[key] = value  # argparse keeps the last
        elif not seen_command:
            if token != command:
                return None
            seen_command = last_word = True
        else:
            values["together"] = values["together"] and was_word
            values["words"].append(token)
            last_word = True
    return values if seen_command else None


def _prepare_checkin(argv: list[str]) -> tuple[str, bytes, str, str] | None:
    """(database file, inbox bytes, confirmation) for a check-in the full command would save alike; else None."""
    parsed = parse_command_line(argv, "checkin", CHECKIN_OPTIONS)
    if parsed is None or len(parsed["words"]) != 1:
        return None
    from datetime import datetime

    from tui.cli.commands.utf8_streams import shell_text
    from tui.core.care import care_due
    from tui.core.checkin_rules import CheckinError, check_moment, check_note, check_score, normalize_words
    from tui.core.safe_text import visible_text

    now = datetime.now().astimezone()
    try:
        score = check_score(parsed["words"][0], "pleasantness")
        energy = check_score(parsed["energy"], "energy") if "energy" in parsed else None
        at = _moment(parsed["at"], now) if "at" in parsed else None
        emotions = normalize_words(_words(parsed["emotion"], shell_text, visible_text), "emotions")
        tags = normalize_words(_words(parsed["tag"], shell_text, visible_text), "tags")
        note = check_note(visible_text(shell_text(parsed.get("note", ""))))
        moment = check_moment(at if at is not None else now, now)
    except CheckinError:
        return None  # the full command gives the message
    assert score is not None
    if care_due(score, now.date(), ""):
        return None  # a low score may get the care line, which reads the settings: the full command
    database = _database_ready(parsed["db"])
    if database is None:
        return None
    from tui.cli.commands.checkin_confirmation import confirmation_line
    from tui.core.ids import new_id
    from tui.store.checkin_document import checkin_document

    document = checkin_document(
        checkin_id=new_id(), at=moment, pleasantness=score, energy=energy, emotions=emotions, tags=tags, note=note
    )
    _stamp_change(document)
    payload = _inbox_line(database, "checkins", document)
    if payload is None:
        return None
    line = confirmation_line(at=moment, pleasantness=score, energy=energy, emotions=emotions, tags=tags, note=note)
    return database, payload, visible_text(line, keep_newlines=True), "your check-in"


def _prepare_journal_entry(argv: list[str]) -> tuple[str, bytes, str, str] | None:
    """(database file, inbox bytes, confirmation) for ``journal add TEXT`` the full command would save alike."""
    parsed = parse_command_line(argv, "journal", JOURNAL_OPTIONS)
    if parsed is None or len(parsed["words"]) != 2 or parsed["words"][0] != "add" or not parsed["together"]:
        return None  # no text (standard input), "-", or words where argparse reads them otherwise
    from datetime import datetime

    from tui.cli.commands.journal_add_rules import entry_problem, saved_line
    from tui.cli.commands.utf8_streams import shell_text
    from tui.core.journal_rules import normalize_tags
    from tui.core.safe_text import visible_text

    text = visible_text(shell_text(parsed["words"][1]), keep_newlines=True)
    title = visible_text(shell_text(parsed["title"])).strip() if "title" in parsed else ""
    tags = normalize_tags([visible_text(shell_text(tag)) for tag in parsed["tag"]])
    if entry_problem(text, title, tags) is not None:
        return None  # the full command gives the message
    database = _database_ready(parsed["db"])
    if database is None:
        return None
    from tui.core.ids import new_id
    from tui.core.timefmt import to_text
    from tui.store.journal_document import journal_document

    now = datetime.now().astimezone()
    stamp, day = to_text(now), now.date().isoformat()  # as tui.core.journal.JournalEntry.new
    document = journal_document(
        entry_id=new_id(),
        created_at=stamp,
        updated_at=stamp,
        entry_date=day,
        kind="free",
        title=title,
        body=text,
        tags=tags,
    )
    payload = _inbox_line(database, "journal_entries", document)
    if payload is None:
        return None
    return database, payload, visible_text(saved_line(day, text, tags), keep_newlines=True), "your journal entry"


def _prepare_own_affirmation(argv: list[str]) -> tuple[str, bytes, str, str] | None:
    """(database file, inbox bytes, confirmation) for ``affirm add TEXT`` the full command would save alike."""
    parsed = parse_command_line(argv, "affirm", AFFIRM_OPTIONS)
    if parsed is None or len(parsed["words"]) != 2 or parsed["words"][0] != "add" or not parsed["together"]:
        return None  # no text (standard input), "-", or words where argparse reads them otherwise
    from datetime import datetime

    from tui.cli.commands.affirm_saved_line import saved_affirmation_line
    from tui.cli.commands.utf8_streams import shell_text
    from tui.core.affirmation_rules import clean_affirmation_text, tag_problem
    from tui.core.safe_text import visible_text

    tag = visible_text(shell_text(parsed["one_tag"])).strip() if "one_tag" in parsed else ""
    if tag_problem(tag) is not None:
        return None  # the full command gives the message
    try:
        text = clean_affirmation_text(visible_text(shell_text(parsed["words"][1])))
    except ValueError:
        return None
    database = _database_ready(parsed["db"])
    if database is None:
        return None
    from tui.core.ids import new_id
    from tui.core.timefmt import to_text
    from tui.store.affirmation_document import affirmation_document

    document = affirmation_document(
        affirmation_id=new_id(), text=text, tag=tag, created_at=to_text(datetime.now().astimezone()), source="own"
    )
    _stamp_change(document)
    payload = _inbox_line(database, "affirmations", document)
    if payload is None:
        return None
    return database, payload, visible_text(saved_affirmation_line(text, tag), keep_newlines=True), "your affirmation"


def _stamp_change(document: dict[str, Any]) -> None:
    """``updated_at`` as :func:`tui.store.repository._stamped` sets it (``tombstones.now_stamp``, default clock)."""
    from datetime import datetime

    document["updated_at"] = datetime.now().astimezone().isoformat(timespec="microseconds")


def _moment(text: str, now: datetime) -> datetime:
    """``--at`` as the full command's argument type reads it (raw text, not decoded or made visible)."""
    from tui.core.checkin_rules import parse_moment

    return parse_moment(text, now)


def _words(values: list[str], shell_text: Any, visible_text: Any) -> list[str]:
    """Repeated word options as the full command sees them: decoded, made visible, split on commas."""
    return [part for value in values for part in visible_text(shell_text(value)).split(",")]


def _database_ready(db: str) -> str | None:
    """The real database file, if its folder is there and needs nothing done (else None: the full command)."""
    from tui.cli.commands.affirm_today_fast import _database_file

    own_folder = not db and not os.environ.get("HEARTWORK_DB", "").strip()
    database = _database_file(db)
    folder = os.path.dirname(database)
    try:
        info = os.stat(folder)
        backups = os.lstat(os.path.join(folder, "backups"))
    except FileNotFoundError:
        backups = None
        if not os.path.isdir(folder):
            return None  # a folder to create: the full command makes every level private
    if not os.path.isdir(folder):
        return None
    if own_folder and (info.st_uid != os.getuid() or info.st_mode & 0o777 != 0o700):
        return None  # Heartwork's own folder to tighten or refuse: the full command
    if backups is not None and (backups.st_mode & 0o170000) != 0o040000:
        return None  # a link or a file where backups go: the full command warns after saving
    return database


def _inbox_line(database: str, table: str, document: dict[str, Any]) -> bytes | None:
    """The inbox line for ``document``, sealed if the database is encrypted; None if unsure."""
    from tui.core.encryption_header_fields import MAGIC
    from tui.store.inbox_append import framed, record_body, sealed_body

    try:
        with open(database, "rb") as handle:
            encrypted = handle.read(len(MAGIC)) == MAGIC
    except FileNotFoundError:
        encrypted = False
    try:
        body = record_body(table, document)
    except ValueError:  # text the store refuses (lone surrogates): the full command explains
        return None
    if encrypted:
        from tui.store.locked_file import read_header_fields

        fields = read_header_fields(database)
        public_key = None if fields is None else fields["public_key"]
        if not isinstance(public_key, bytes):
            return None  # a damaged header: the full command decides
        body = sealed_body(public_key, body)
    return framed(body)
