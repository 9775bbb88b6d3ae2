"""History as CSV, one row per point, for a spreadsheet chart; columns named as the JSON keys."""

from __future__ import annotations

import csv
from io import StringIO

from ooi.history.series import Series
from ooi.report.status_json import summary

COLUMNS = ("per", "total", "achieved", "planned", "reported", "missing", "agencies_with_innovation", "innovations",
           "achievement", "compliance")


def render(found: Series, **_) -> str:
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for point in found.points:
        figures = {"per": point.per.isoformat(), "total": point.total, **summary(point)}
        writer.writerow(figures[column] for column in COLUMNS)
    return out.getvalue()
