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


# Chart text is drawn at its own size, never scaled with the chart: 12 px is 9 pt on paper and
# stays 12 px on a 390 px phone (a viewBox would shrink it to 6 px there).
FONT = 12


def bars(rows: list[tuple[str, int]], title: str, colour: str = "#0969da") -> Markup:
    """Horizontal bars, one per (label, value), scaled to the largest value; each label on its own line above
    its bar, so a long sector name never hides under a bar; the count just after the bar."""
    high = max((value for _, value in rows), default=0) or 1
    row = 36
    items = []
    for index, (label, value) in enumerate(rows):
        y = index * row
        width = 80.0 * value / high  # bars to 80% at most, the count after them
        short = label if len(label) <= 40 else label[:39] + "…"  # 40 characters fit 360 px at 12 px
        items.append(f'<text x="0" y="{y + 13}" font-size="{FONT}"><title>{escape(label)}</title>{escape(short)}'
                     f'</text><rect x="0" y="{y + 17}" width="{width:.3f}%" height="14" fill="{colour}"/>'
                     f'<text x="{width + 1:.3f}%" y="{y + 29}" font-size="{FONT}">{value}</text>')
    return Markup(f'<svg class="chart" role="img" aria-label="{escape(title)}" width="100%" '
                  f'height="{row * len(rows) + 2}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
                  f'{"".join(items)}</svg>')


def trend(points: list[tuple[str, float]], title: str) -> Markup:
    """A line of percentages (0–100) over labelled points, e.g. target achievement per month.

    x in percent of the chart's width and y in pixels, so the chart fills any width while
    its text keeps its size; the first label starts and the last ends inside the chart.
    """
    if not points:
        return Markup("")
    height, top, bottom, left, right = 170, 10, 24, 10.0, 98.0  # y in px; left/right in % (the axis labels before)
    plot = height - top - bottom
    step = (right - left) / max(len(points) - 1, 1)
    xy = [(left + index * step, top + plot * (1 - value / 100)) for index, (_, value) in enumerate(points)]
    grid = "".join(f'<line x1="{left}%" x2="{right}%" y1="{top + plot * (1 - v / 100):.1f}" '
                   f'y2="{top + plot * (1 - v / 100):.1f}" stroke="#d0d7de"/>'
                   f'<text x="0" y="{top + 4 + plot * (1 - v / 100):.1f}" font-size="{FONT}">{v}%</text>'
                   for v in (0, 50, 100))
    line = "".join(f'<line x1="{a:.2f}%" y1="{b:.1f}" x2="{c:.2f}%" y2="{d:.1f}" stroke="#1a7f37" '
                   f'stroke-width="2"/>' for (a, b), (c, d) in zip(xy, xy[1:]))
    dots = "".join(f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="3" fill="#1a7f37"/>' for x, y in xy)
    every = -(-len(points) // 12)  # at most 12 labels: 24 months show every other one
    last = len(points) - 1
    labels = "".join(
        f'<text x="{x:.2f}%" y="{height - 6}" font-size="{FONT}" '
        f'text-anchor="{"end" if index == last and index else "middle"}">{escape(label)}</text>'
        for index, ((x, _), (label, _)) in enumerate(zip(xy, points)) if (last - index) % every == 0)
    return Markup(f'<svg class="chart" role="img" aria-label="{escape(title)}" width="100%" height="{height}" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{grid}{line}{dots}{labels}'
                  f'</svg>')
