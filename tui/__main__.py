"""Allow ``python -m tui`` to behave exactly like the ``heartwork`` command."""

from tui.cli.entry import main

if __name__ == "__main__":
    raise SystemExit(main())
