"""The session report: what happened between two dates, to bring to a therapy session.

:mod:`tui.core.report.model` builds it as sections from plain inputs;
:mod:`tui.core.report.markdown` and :mod:`tui.core.report.html` turn it into text.
"""

from tui.core.report.model import (
    HomeworkLine,
    JournalLine,
    QuestionnaireLine,
    Report,
    ReportInputs,
    Section,
    SelfCareLine,
    build_report,
)

__all__ = [
    "HomeworkLine",
    "JournalLine",
    "QuestionnaireLine",
    "Report",
    "ReportInputs",
    "Section",
    "SelfCareLine",
    "build_report",
]
