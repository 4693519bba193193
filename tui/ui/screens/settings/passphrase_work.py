"""The passphrase changes Settings makes, run in a worker thread, each ending in a kind outcome.

They call the same store functions as ``heartwork passphrase`` (tui.store.passphrase)
and only add what an app that stays open needs: the current passphrase is
checked first, and if the save fails the key in use stays exactly as it was
(so a later save can never write under a passphrase the person was told did not take).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.core.safe_text import visible_text
from tui.store.database import Database
from tui.store.encryption import Envelope, WrongSecretError, unlock
from tui.store.errors import StoreError
from tui.store.file_storage import AtomicFileStorage
from tui.store.passphrase import BackupsNotRewrittenError, change_passphrase, remove_passphrase, set_passphrase

WRONG_CURRENT = "That is not your current passphrase. Nothing was changed; take your time and try again."


@dataclass(frozen=True)
class PassphraseOutcome:
    """How a change ended: ``problem`` to show (None when it worked), the recovery code after turning on."""

    problem: str | None = None
    recovery_code: str | None = None
    note: str | None = None  # it worked, with something the person should know


@dataclass(frozen=True)
class KeyCost:
    """Argon2id cost for a new passphrase; None keeps the store's default (about 0.5 s here)."""

    opslimit: int | None = None
    memlimit: int | None = None


def _storage(database: Database) -> AtomicFileStorage:
    storage = database.storage
    if not isinstance(storage, AtomicFileStorage):
        raise StoreError("Only data kept in a file can be locked with a passphrase.")
    return storage


def _check_current(database: Database, current: str) -> Envelope:
    envelope = _storage(database).envelope
    if envelope is None:
        raise StoreError("Your data is not locked with a passphrase.")
    return unlock(envelope.header, envelope.header_bytes, current)  # WrongSecretError if it is not


def _guarded(database: Database, change: Callable[[], str | None], backups_note: str) -> PassphraseOutcome:
    _storage(database)
    try:
        code = change()
    except WrongSecretError:
        return PassphraseOutcome(problem=WRONG_CURRENT)
    except (StoreError, ValueError) as error:  # ValueError: the data is not (or no longer) locked
        # The store has put the key the file opens with back (tui.store.passphrase), so the next save matches it.
        return PassphraseOutcome(problem=visible_text(str(error)))
    except OSError as error:  # the database was rewritten; an older backup was not
        reason = visible_text(error.strerror or str(error))
        code = error.recovery_code if isinstance(error, BackupsNotRewrittenError) else None
        return PassphraseOutcome(note=f"{backups_note} ({reason}).", recovery_code=code)
    return PassphraseOutcome(recovery_code=code)


def turn_on(database: Database, passphrase: str, cost: KeyCost) -> PassphraseOutcome:
    """Encrypt the data and its backups under ``passphrase``; the outcome carries the recovery code."""
    limits = {key: value for key, value in (("opslimit", cost.opslimit), ("memlimit", cost.memlimit)) if value}
    return _guarded(
        database,
        lambda: set_passphrase(database, passphrase, **limits),
        "Your data is locked with your passphrase, but an older backup could not be locked yet and can "
        "still be read without it; Heartwork locks it the next time it opens your data",
    )


def change(database: Database, current: str, passphrase: str) -> PassphraseOutcome:
    """Check ``current``, then rewrap the data key under ``passphrase`` (the recovery code keeps working)."""

    def run() -> None:
        _check_current(database, current)
        change_passphrase(database, passphrase)

    return _guarded(
        database,
        run,
        "Your new passphrase is in use, but an older backup could not be rewritten and still opens with the old one",
    )


def turn_off(database: Database, current: str) -> PassphraseOutcome:
    """Check ``current``, then store the data and its backups unencrypted again."""

    def run() -> None:
        _check_current(database, current)
        remove_passphrase(database)

    return _guarded(
        database,
        run,
        "Your data is no longer locked, but an older backup could not be rewritten and still opens "
        "with your passphrase",
    )
