"""The IID export as CSV (SPEC §14): profile rows or indicator rows, UTF-8 with BOM, formula-injection safe."""

from __future__ import annotations

import csv
from io import StringIO

from ooi.coverage.iid_rows import IidExport
from ooi.report.export_csv import BOM, safe


def render(export: IidExport, part: str = "profil", delimiter: str = ",", **_) -> str:
    """`part="profil"`: one row per innovation; `"indikator"`: one per (innovation, indicator). Header first."""
    columns, rows = ((export.profile_columns, export.profiles) if part == "profil"
                     else (export.indicator_columns, export.indicators))
    out = StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    decimal = "," if delimiter == ";" else "."
    writer.writerows([safe(value, decimal) for value in row] for row in rows)
    return BOM + out.getvalue()
