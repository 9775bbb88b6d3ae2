"""`ooi export --format xlsx`: summary, agencies, records and findings sheets; frozen headers, filters, print set-up.

A workbook for people: each record's name first and its path last, statuses in Indonesian
words, the summary's figures written as Indonesian reads them (`34,3%`, `30 Juni 2023`).
"""

from __future__ import annotations

import io

from ooi.coverage.rows import (
    AGENCY_COLUMNS,
    FINDING_COLUMNS,
    RECORD_COLUMNS,
    STANDING,
    agency_rows,
    finding_rows,
    record_count,
    record_rows,
)
from ooi.coverage.tally import STATUSES, Coverage, label
from ooi.i18n import tr
from ooi.report.figures import day, number, percent
from ooi.report.status_json import data as status_data
from ooi.report.xlsx_writer import sheet, write

SEVERITY = {"error": ("error", "error"), "warning": ("peringatan", "warning")}


def worded(row: dict) -> dict:
    """A record row with its agency's status and its own standing in words (`Tercapai`, `terhitung tahun target`)."""
    status, standing = row["status_opd"], row["terhitung"]
    return {**row, "status_opd": label(status) if status else None,
            "terhitung": tr(*STANDING[standing]) if standing in STANDING else standing}


def _summary(coverage: Coverage) -> list[list]:
    figures = status_data(coverage)
    summary = figures["summary"]
    first, last = coverage.window
    rows = [[tr("pemda", "region"), coverage.pemda], [tr("tahun target", "target year"), str(coverage.tahun)],
            [tr("keadaan data per", "data as of"), day(coverage.per)],
            [tr("inovasi yang dihitung", "innovations counted"), f"{first}–{last}"],
            [tr("jumlah OPD", "agencies"), number(coverage.total)]]
    rows += [[label(status), number(summary[status])] for status in STATUSES]
    rows += [[tr("capaian target", "target achievement"), percent(summary["achievement"])],
             [tr("kepatuhan melapor", "reporting compliance"), percent(summary["compliance"])],
             [tr("OPD dengan inovasi", "agencies with an innovation"), number(summary["agencies_with_innovation"])],
             [tr("inovasi", "innovations"), number(summary["innovations"])],
             [tr("laporan masuk setelah tanggal per (tidak dihitung)", "reports filed after the as-of date (not counted)"),
              number(coverage.later)]]
    return rows


def render(coverage: Coverage, **_) -> bytes:
    summary, agencies, findings = _summary(coverage), agency_rows(coverage), finding_rows(coverage)
    for row in agencies:
        row["status"] = label(row["status"])
    for row in findings:
        row["tingkat"] = tr(*SEVERITY.get(row["tingkat"], (row["tingkat"],) * 2))
    sheets = [
        sheet(tr("Ringkasan", "Summary"), (tr("ukuran", "measure"), tr("nilai", "value")), summary, len(summary)),
        sheet("OPD", AGENCY_COLUMNS, ([row[name] for name in AGENCY_COLUMNS] for row in agencies), len(agencies)),
        sheet(tr("Inovasi", "Innovations"), RECORD_COLUMNS,
              ([row[name] for name in RECORD_COLUMNS] for row in map(worded, record_rows(coverage))),
              record_count(coverage)),
        sheet(tr("Temuan", "Findings"), FINDING_COLUMNS, ([row[name] for name in FINDING_COLUMNS] for row in findings),
              len(findings)),
    ]
    out = io.BytesIO()
    write(out, sheets)
    return out.getvalue()
