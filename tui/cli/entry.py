"""The ``heartwork`` command's entry point: quick answers for captures, ``affirm today`` and ``today``, else the full CLI.

``affirm today`` is meant for a shell start-up file, so it is answered before
argparse, the store or the sections are imported (see
:mod:`tui.cli.commands.affirm_today_fast`), and a quick capture (``checkin 7``)
is saved without them (:mod:`tui.cli.commands.capture_fast`), and so is a self-care tick by name
(:mod:`tui.cli.commands.selfcare_done_fast`) and a homework tick by name
(:mod:`tui.cli.commands.plan_tick_fast`); every other command goes to
:func:`tui.cli.main.main` unchanged.
"""

from __future__ import annotations

import sys


def main() -> int:
    argv = sys.argv[1:]
    if "checkin" in argv or ("add" in argv and ("journal" in argv or "affirm" in argv)):
        from tui.cli.commands.capture_fast import fast_capture

        answered = fast_capture(argv)
        if answered is not None:
            return answered
    if "selfcare" in argv and "done" in argv:
        from tui.cli.commands.selfcare_done_fast import fast_selfcare_done

        answered = fast_selfcare_done(argv)
        if answered is not None:
            return answered
    if "plan" in argv and "tick" in argv:
        from tui.cli.commands.plan_tick_fast import fast_plan_tick

        answered = fast_plan_tick(argv)
        if answered is not None:
            return answered
    if len(argv) >= 2 and "today" in argv and "affirm" in argv:
        from tui.cli.commands.affirm_today_fast import fast_affirm_today

        answered = fast_affirm_today(argv)
        if answered is not None:
            return answered
    if "today" in argv and "affirm" not in argv:
        from tui.cli.commands.today_fast import fast_today

        answered = fast_today(argv)
        if answered is not None:
            return answered
    from tui.cli.main import main as full_main

    return full_main()
