"""The session report as Markdown: headings, short lists, entries as quoted text.

Stored text is already visible (no control characters, see
:mod:`tui.core.report.model`); here it is also kept from acting as Markdown
or HTML: characters that would start markup are backslash-escaped, so a note
reading ``<script>`` or ``[link](http://...)`` shows as typed.
"""

from __future__ import annotations

import re

from tui.core.report.model import Report, Section

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|<>&~])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """``text`` with every character that Markdown or HTML could act on backslash-escaped.

    Inline markup (emphasis, code, links, HTML tags, tables) anywhere, and what
    would start a heading or a list at the beginning of a line.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda found: found.group(1) + "\\" + found.group(2), escaped)


def _section_markdown(section: Section) -> list[str]:
    out = [f"## {escape_markdown(section.title)}", ""]
    out.extend(escape_markdown(line) + "  " for line in section.lines)
    if section.lines:
        out.append("")
    for term, detail in section.rows:
        out.append(f"- {escape_markdown(term)}: {escape_markdown(detail)}")
    if section.rows:
        out.append("")
    for heading, text in section.body:
        out.append(f"### {escape_markdown(heading)}")
        out.append("")
        out.extend(f"> {escape_markdown(line)}".rstrip() for line in text.splitlines() or [""])
        out.append("")
    return out


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document (ends with a newline)."""
    out = [f"# {escape_markdown(report.title)}", ""]
    for section in report.sections:
        out.extend(_section_markdown(section))
    return "\n".join(out).rstrip("\n") + "\n"
