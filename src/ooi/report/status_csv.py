"""Coverage as CSV, one row per active agency, for a spreadsheet; columns named as the JSON keys."""

from __future__ import annotations

import csv
from io import StringIO

from ooi.coverage.tally import Coverage, label

COLUMNS = ("kode", "nama", "jenis", "induk", "status", "label", "innovations", "plans", "errors", "warnings")


def render(coverage: Coverage, **_) -> str:
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in coverage.agencies:
        writer.writerow((entry.kode, entry.nama, entry.agency.jenis, entry.agency.induk or "", entry.status,
                         label(entry.status), len(entry.innovations), len(entry.plans), entry.errors, entry.warnings))
    return out.getvalue()
