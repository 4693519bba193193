"""The session report dialog (the app's form of ``heartwork report``)."""

from tui.ui.screens.report.report_dialog import ReportDialog

__all__ = ["ReportDialog"]
