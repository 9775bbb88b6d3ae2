"""The IID export as CSV (SPEC §14): profile rows or indicator rows, UTF-8 with BOM, formula-injection safe."""

from __future__ import annotations

import csv
from datetime import date
from io import StringIO

from ooi.coverage.iid_rows import IidExport
from ooi.text_safety import not_a_formula

BOM = "\ufeff"  # Excel set to Indonesian reads UTF-8 only with it


def cell(value) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; dates as YYYY-MM-DD; None empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return not_a_formula(value) if isinstance(value, str) else value


def render(export: IidExport, part: str = "profil", delimiter: str = ",", **_) -> str:
    """`part="profil"`: one row per innovation; `"indikator"`: one per (innovation, indicator). Header first."""
    columns, rows = ((export.profile_columns, export.profiles) if part == "profil"
                     else (export.indicator_columns, export.indicators))
    out = StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([cell(value) for value in row] for row in rows)
    return BOM + out.getvalue()
