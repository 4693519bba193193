"""The ``heartwork`` command line: argparse (``main``), the app launcher and shell commands.

Nothing here imports textual at import time; ``launch`` loads the UI only when
the full-screen app is asked for.
"""
