"""Shell subcommands that answer without opening the full-screen app.

None of these modules may import textual at import time: they must answer fast.
Each module exposes ``register(subparsers, common)`` which adds its parser and
sets ``func`` to a callable taking the parsed arguments and returning an exit code.
"""
