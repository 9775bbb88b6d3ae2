"""Server-side SVG charts for the HTML report: no script, no font or image, readable when printed in grey."""

from __future__ import annotations

from markupsafe import Markup, escape

# Status colours that stay apart for colour-blind readers and print as distinct greys.
COLOURS = {"achieved": "#1a7f37", "planned": "#0969da", "reported": "#bf8700", "missing": "#cf222e"}


def stacked(parts: list[tuple[str, str, int]], title: str) -> Markup:
    """One bar split into parts (key, label, value), widths in percent of the total; the legend is the page's."""
    total = sum(value for _, _, value in parts) or 1
    x, rects = 0.0, []
    for key, label, value in parts:
        width = 100.0 * value / total
        if width:
            rects.append(f'<rect x="{x:.3f}%" y="0" width="{width:.3f}%" height="28" '
                         f'fill="{COLOURS.get(key, "#57606a")}"><title>{escape(label)}: {value}</title></rect>')
        x += width
    return Markup(f'<svg class="chart" role="img" aria-label="{escape(title)}" width="100%" height="28" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{"".join(rects)}</svg>')


def bars(rows: list[tuple[str, int]], title: str, colour: str = "#0969da") -> Markup:
    """Horizontal bars, one per (label, value), scaled to the largest value; labels in their own column."""
    high = max((value for _, value in rows), default=0) or 1
    height = 22 * len(rows) + 4
    items = []
    for index, (label, value) in enumerate(rows):
        y = index * 22 + 2
        width = 42.0 * value / high  # bars from 48% to 90% at most, the count after them
        short = label if len(label) <= 30 else label[:29] + "…"
        items.append(f'<text x="0" y="{y + 14}" font-size="12"><title>{escape(label)}</title>{escape(short)}</text>'
                     f'<rect x="48%" y="{y + 2}" width="{width:.3f}%" height="16" fill="{colour}"/>'
                     f'<text x="{48 + width + 1:.3f}%" y="{y + 14}" font-size="12">{value}</text>')
    return Markup(f'<svg class="chart" role="img" aria-label="{escape(title)}" width="100%" height="{height}" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{"".join(items)}</svg>')


def trend(points: list[tuple[str, float]], title: str) -> Markup:
    """A line of percentages (0–100) over labelled points, e.g. target achievement per month."""
    if not points:
        return Markup("")
    width, height, left, bottom = 600, 180, 36, 24
    step = (width - left - 10) / max(len(points) - 1, 1)
    xy = [(left + index * step, 10 + (height - bottom - 10) * (1 - value / 100)) for index, (_, value)
          in enumerate(points)]
    grid = "".join(f'<line x1="{left}" x2="{width - 10}" y1="{10 + (height - bottom - 10) * (1 - v / 100):.1f}" '
                   f'y2="{10 + (height - bottom - 10) * (1 - v / 100):.1f}" stroke="#d0d7de"/>'
                   f'<text x="0" y="{14 + (height - bottom - 10) * (1 - v / 100):.1f}" font-size="11">{v}%</text>'
                   for v in (0, 50, 100))
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1a7f37"/>' for x, y in xy)
    labels = "".join(f'<text x="{x:.1f}" y="{height - 6}" font-size="11" text-anchor="middle">{escape(label)}</text>'
                     for (x, _), (label, _) in zip(xy, points) if len(points) <= 12 or label.endswith("-01"))
    return Markup(f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
                  f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{grid}'
                  f'<polyline points="{line}" fill="none" stroke="#1a7f37" stroke-width="2"/>{dots}{labels}</svg>')
