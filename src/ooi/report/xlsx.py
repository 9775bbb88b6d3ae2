"""`ooi export --format xlsx`: summary, agencies, records and findings sheets; frozen headers, filters, widths.

XlsxWriter, in constant-memory mode: it writes 20,000 records about four times faster than
openpyxl without lxml, and row by row. Every text goes through `write_string`, so a value
like `=HYPERLINK(…)` is stored as text and a spreadsheet never runs it as a formula.
"""

from __future__ import annotations

import io
from datetime import date
from itertools import chain, islice

import xlsxwriter

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

WIDTH_SAMPLE = 300  # rows looked at to size a column


def _width(values) -> float:
    longest = max((len(v.isoformat() if isinstance(v, date) else str(v)) for v in values if v is not None), default=4)
    return min(max(longest, 4) + 2, 60)


class _Writer:
    def __init__(self, book: xlsxwriter.Workbook):
        self.book = book
        self.head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        self.day = book.add_format({"num_format": "yyyy-mm-dd"})
        self.text = book.add_format({"quote_prefix": True})  # Excel shows "=…" as typed text

    def sheet(self, title: str, columns, rows, header=None, count: int | None = None) -> None:
        """One sheet: a bold frozen header row with a filter over every column, widths from the first rows.

        `rows` may be an iterator (records: one row made at a time) when `count` says how many.
        """
        sheet = self.book.add_worksheet(title)
        names = list(header or columns)
        count = len(rows) if count is None else count
        rows = iter(rows)
        sample = list(islice(rows, WIDTH_SAMPLE))
        for index, name in enumerate(columns):
            values = [names[index], *(row[name] if isinstance(row, dict) else row[index] for row in sample)]
            sheet.set_column(index, index, _width(values))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, count, len(names) - 1)
        for index, name in enumerate(names):
            sheet.write_string(0, index, name, self.head)
        for number, row in enumerate(chain(sample, rows), 1):
            values = [row[name] for name in columns] if isinstance(row, dict) else row
            for index, value in enumerate(values):
                self.cell(sheet, number, index, value)

    def cell(self, sheet, row: int, column: int, value) -> None:
        if value is None:
            return
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, column, value)
        elif isinstance(value, date):
            sheet.write_datetime(row, column, value, self.day)
        elif value[:1] in ("=", "+", "-", "@"):
            sheet.write_string(row, column, value, self.text)
        else:
            sheet.write_string(row, column, value)


def _summary(coverage: Coverage) -> list[list]:
    figures = status_data(coverage)
    summary = figures["summary"]
    first, last = coverage.window
    rows = [[tr("pemda", "region"), coverage.pemda], ["tahun", coverage.tahun], ["per", coverage.per],
            [tr("jendela tahun", "window of years"), f"{first}–{last}"], [tr("jumlah OPD", "agencies"), coverage.total]]
    rows += [[label(status), summary[status]] for status in STATUSES]
    rows += [[tr("capaian target (%)", "target achievement (%)"), summary["achievement"]],
             [tr("kepatuhan melapor (%)", "reporting compliance (%)"), summary["compliance"]],
             [tr("OPD dengan inovasi", "agencies with an innovation"), summary["agencies_with_innovation"]],
             [tr("inovasi", "innovations"), summary["innovations"]],
             [tr("berkas dilapor setelah per (tidak dihitung)", "files filed after per (not counted)"), coverage.later]]
    return rows


def render(coverage: Coverage, **_) -> bytes:
    out = io.BytesIO()
    # constant_memory writes each row as it comes; strings_to_* off: text stays text, whatever it looks like.
    book = xlsxwriter.Workbook(out, {"in_memory": False, "constant_memory": True, "strings_to_formulas": False,
                                     "strings_to_urls": False, "strings_to_numbers": False})
    writer = _Writer(book)
    writer.sheet(tr("Ringkasan", "Summary"), ("key", "value"), _summary(coverage),
                 header=(tr("ukuran", "measure"), tr("nilai", "value")))
    writer.sheet("OPD", AGENCY_COLUMNS, agency_rows(coverage))
    writer.sheet(tr("Inovasi", "Innovations"), RECORD_COLUMNS, record_rows(coverage), count=record_count(coverage))
    writer.sheet(tr("Temuan", "Findings"), FINDING_COLUMNS, finding_rows(coverage))
    book.close()
    return out.getvalue()
