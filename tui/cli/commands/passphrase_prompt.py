"""Reading a passphrase: from the terminal (getpass) or the file named by an environment variable.

A passphrase is never taken as a command-line argument (it would show in the
process list and the shell history). For scripts and tests,
``HEARTWORK_PASSPHRASE_FILE`` (and ``HEARTWORK_NEW_PASSPHRASE_FILE`` for the
new one in ``passphrase change``) name a file whose first line is used.
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from pathlib import Path

PASSPHRASE_FILE_VARIABLE = "HEARTWORK_PASSPHRASE_FILE"
NEW_PASSPHRASE_FILE_VARIABLE = "HEARTWORK_NEW_PASSPHRASE_FILE"
ATTEMPTS = 3


class NoPassphraseError(Exception):
    """No passphrase could be read (no terminal, no file)."""


def read_secret(prompt: str, variable: str = PASSPHRASE_FILE_VARIABLE) -> str:
    """The passphrase from the file named by ``variable``, else typed at the terminal."""
    named = os.environ.get(variable)
    if named:
        try:
            text = Path(named).read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise NoPassphraseError(f"the passphrase file {named} ({variable}) does not exist") from error
        except PermissionError as error:
            raise NoPassphraseError(f"Heartwork may not read the passphrase file {named} ({variable})") from error
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
            raise NoPassphraseError(f"could not read the passphrase file {named} ({variable}): {reason}") from error
        first = text.splitlines()[0] if text else ""
        if not first:
            raise NoPassphraseError(f"the passphrase file {named} ({variable}) is empty; its first line is used")
        return first
    if not sys.stdin.isatty():
        raise NoPassphraseError(f"no passphrase given (type it at a terminal, or set {variable})")
    try:
        return getpass.getpass(prompt)
    except EOFError as error:
        raise NoPassphraseError(f"no passphrase given (type it at a terminal, or set {variable})") from error


def unlock_locked(error: object) -> None:
    """Ask for the passphrase (or recovery code) of a locked database and keep the key in memory.

    Up to three tries at a terminal, with a short growing pause after a wrong
    one; one try from a file. Raises NoPassphraseError when it gives up.
    """
    from tui.store.encryption import (
        RECOVERY_LENGTH,
        DatabaseLockedError,
        WrongSecretError,
        normalise_recovery_code,
        remember,
        unlock,
    )

    assert isinstance(error, DatabaseLockedError)
    from_file = bool(os.environ.get(PASSPHRASE_FILE_VARIABLE))
    secret = ""
    for attempt in range(1 if from_file else ATTEMPTS):
        secret = read_secret("Passphrase (or recovery code): ")
        try:
            remember(unlock(error.header, error.header_bytes, secret))
            return
        except WrongSecretError:
            if not from_file:
                print("That did not open it. Take your time and try again.")
                time.sleep(0.5 * (attempt + 1))
    if len(normalise_recovery_code(secret)) == RECOVERY_LENGTH:
        raise NoPassphraseError(
            "that recovery code did not open the data; check it letter by letter against the one you kept "
            "(spaces, dashes and small letters do not matter). Nothing was changed."
        )
    raise NoPassphraseError("that passphrase or recovery code did not open the data; nothing was changed")
