"""Coverage as CSV, one row per active agency, for a spreadsheet; columns named as the JSON keys."""

from __future__ import annotations

import csv
from io import StringIO

from ooi.coverage.tally import Coverage, label
from ooi.text_safety import spreadsheet

COLUMNS = ("kode", "nama", "jenis", "induk", "status", "label", "innovations", "plans", "errors", "warnings")


def render(coverage: Coverage, **_) -> str:
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    quota = any(entry.kuota > 1 for entry in coverage.agencies)  # columns only where a quota above one exists
    writer.writerow(COLUMNS + (("kuota", "innovations_in_target") if quota else ()))
    for entry in coverage.agencies:
        # Names are the files' text: a leading `=` would run as a formula when the sheet is opened.
        row = (spreadsheet(entry.kode), spreadsheet(entry.nama), entry.agency.jenis, spreadsheet(entry.agency.induk or ""),
               entry.status, label(entry.status), len(entry.innovations), len(entry.plans), entry.errors, entry.warnings)
        writer.writerow(row + ((entry.kuota, entry.in_target) if quota else ()))
    return out.getvalue()
