"""`ooi export --format xlsx`: summary, agencies, records and findings sheets; frozen headers, filters, widths."""

from __future__ import annotations

import io
from datetime import date
from itertools import chain, islice

from ooi.coverage.rows import (
    AGENCY_COLUMNS,
    FINDING_COLUMNS,
    RECORD_COLUMNS,
    agency_rows,
    finding_rows,
    record_count,
    record_rows,
)
from ooi.coverage.tally import STATUSES, Coverage, label
from ooi.i18n import tr
from ooi.report.status_json import data as status_data
from ooi.report.xlsx_writer import Sheet, write

WIDTH_SAMPLE = 300  # rows looked at to size a column


def _width(values) -> float:
    longest = max((len(v.isoformat() if isinstance(v, date) else str(v)) for v in values if v is not None), default=4)
    return min(max(longest, 4) + 2, 60)


def _sheet(title: str, header, rows, count: int) -> Sheet:
    """A sheet of value lists; widths from the header and the first rows, the rest streamed as they come."""
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    widths = [_width([name, *(row[index] for row in sample)]) for index, name in enumerate(header)]
    return Sheet(title, list(header), chain(sample, rows), count, widths)


def _values(rows, columns):
    return ([row[name] for name in columns] for row in rows)


def _summary(coverage: Coverage) -> list[list]:
    figures = status_data(coverage)
    summary = figures["summary"]
    first, last = coverage.window
    rows = [[tr("pemda", "region"), coverage.pemda], ["tahun", coverage.tahun], ["per", coverage.per],
            [tr("jendela tahun", "window of years"), f"{first}–{last}"],
            [tr("jumlah OPD", "agencies"), coverage.total]]
    rows += [[label(status), summary[status]] for status in STATUSES]
    rows += [[tr("capaian target (%)", "target achievement (%)"), summary["achievement"]],
             [tr("kepatuhan melapor (%)", "reporting compliance (%)"), summary["compliance"]],
             [tr("OPD dengan inovasi", "agencies with an innovation"), summary["agencies_with_innovation"]],
             [tr("inovasi", "innovations"), summary["innovations"]],
             [tr("berkas dilapor setelah per (tidak dihitung)", "files filed after per (not counted)"), coverage.later]]
    return rows


def render(coverage: Coverage, **_) -> bytes:
    summary, agencies, findings = _summary(coverage), agency_rows(coverage), finding_rows(coverage)
    sheets = [
        _sheet(tr("Ringkasan", "Summary"), (tr("ukuran", "measure"), tr("nilai", "value")), summary, len(summary)),
        _sheet("OPD", AGENCY_COLUMNS, _values(agencies, AGENCY_COLUMNS), len(agencies)),
        _sheet(tr("Inovasi", "Innovations"), RECORD_COLUMNS, _values(record_rows(coverage), RECORD_COLUMNS),
               record_count(coverage)),
        _sheet(tr("Temuan", "Findings"), FINDING_COLUMNS, _values(findings, FINDING_COLUMNS), len(findings)),
    ]
    out = io.BytesIO()
    write(out, sheets)
    return out.getvalue()
