"""The session report in a chosen format ("md" or "html"), and the file suffix for each."""

from __future__ import annotations

from tui.core.report.html import render_html
from tui.core.report.markdown import render_markdown
from tui.core.report.model import Report

FORMATS: tuple[str, ...] = ("md", "html")
SUFFIXES: dict[str, str] = {"md": ".md", "html": ".html"}


def render_report(report: Report, report_format: str) -> str:
    """``report`` as Markdown ("md") or one self-contained HTML page ("html")."""
    return render_html(report) if report_format == "html" else render_markdown(report)
