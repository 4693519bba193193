"""The session report as one self-contained HTML file that prints well.

Inline CSS (with ``@media print``) and an inline SVG mood chart; no script,
no external link, no image or font fetched from anywhere. Every text is
escaped with :func:`html.escape` (stored text is already made visible).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from tui.core.report.model import Report, Section
from tui.core.sparkline import SCALE_MAX, SCALE_MIN

CHART_WIDTH = 560
CHART_HEIGHT = 120
CHART_PAD = 8

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 44rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; background: #fff; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: 1.5rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; margin-top: 1.8rem; }
h3 { font-size: 1rem; margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; }
td { padding: .2rem .4rem; border-bottom: 1px solid #eee; vertical-align: top; }
td.detail { text-align: right; white-space: nowrap; }
blockquote { margin: 0 0 1rem 0; padding-left: .8rem; border-left: 3px solid #ccc; white-space: pre-wrap; }
svg.mood { width: 100%; height: auto; max-width: 35rem; }
svg.mood .bar { fill: #5b7fa6; }
svg.mood .gap { fill: #ccc; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  section, blockquote, tr { break-inside: avoid; }
  svg.mood .bar { fill: #555; }
}
"""


def mood_chart_svg(values: Sequence[float | None]) -> str:
    """An inline SVG bar chart: one bar per day on the fixed 1-10 scale, a small mark for no check-in."""
    days = max(len(values), 1)
    slot = (CHART_WIDTH - 2 * CHART_PAD) / days
    usable = CHART_HEIGHT - 2 * CHART_PAD
    shapes: list[str] = []
    for index, value in enumerate(values):
        x = CHART_PAD + index * slot + slot * 0.15
        width = max(slot * 0.7, 1.0)
        if value is None:
            y = float(CHART_HEIGHT - CHART_PAD - 2)
            shapes.append(f'<rect class="gap" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="2"/>')
            continue
        share = (min(max(value, SCALE_MIN), SCALE_MAX) - SCALE_MIN + 1) / (SCALE_MAX - SCALE_MIN + 1)
        height = usable * share
        y = CHART_HEIGHT - CHART_PAD - height
        shapes.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}">'
            f"<title>{escape(f'{value:.1f}'.removesuffix('.0'))}</title></rect>"
        )
    return (
        f'<svg class="mood" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" '
        'role="img" aria-label="Daily mood, one bar per day">' + "".join(shapes) + "</svg>"
    )


def _section_html(section: Section, report: Report) -> str:
    parts = [f'<section id="{escape(section.key)}"><h2>{escape(section.title)}</h2>']
    if section.key == "mood" and any(value is not None for value in report.mood_values):
        parts.append(mood_chart_svg(report.mood_values))
    parts.extend(f"<p>{escape(line)}</p>" for line in section.lines)
    if section.rows:
        parts.append("<table>")
        parts.extend(
            f'<tr><td>{escape(term)}</td><td class="detail">{escape(detail)}</td></tr>' for term, detail in section.rows
        )
        parts.append("</table>")
    for heading, text in section.body:
        parts.append(f"<h3>{escape(heading)}</h3><blockquote>{escape(text)}</blockquote>")
    parts.append("</section>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """The whole report as one HTML document: no script, no external resource."""
    body = "\n".join(_section_html(section, report) for section in report.sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(report.title)}</title><style>{STYLE}</style></head>\n"
        f"<body><h1>{escape(report.title)}</h1>\n{body}\n</body></html>\n"
    )
