"""`ooi export --format xlsx`: summary, agencies, records and findings sheets; frozen headers, filters, widths."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ooi.coverage.rows import AGENCY_COLUMNS, FINDING_COLUMNS, RECORD_COLUMNS, agency_rows, finding_rows, record_rows
from ooi.coverage.tally import STATUSES, Coverage, label
from ooi.i18n import tr
from ooi.report.export_csv import RISKY
from ooi.report.status_json import data as status_data

WIDTH_SAMPLE = 300  # rows looked at to size a column
HEAD_FONT, HEAD_FILL = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")


def _cell(sheet, value):
    """A value as a cell; text a spreadsheet would run as a formula is stored as plain text, never a formula."""
    if isinstance(value, str) and value.startswith(RISKY):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"  # openpyxl would store "=…" as a formula; a string cell is never evaluated
        cell.quotePrefix = True  # and Excel shows it as text typed with a leading apostrophe
        return cell
    return value


def _width(values) -> float:
    longest = max((len(v.isoformat() if isinstance(v, date) else str(v)) for v in values if v is not None), default=4)
    return min(max(longest, 4) + 2, 60)


def _sheet(book: Workbook, title: str, columns, rows: list, header=None) -> None:
    """One sheet: a bold frozen header row with a filter over every column, widths from the first rows."""
    sheet = book.create_sheet(title)
    names = list(header or columns)
    sample = rows[:WIDTH_SAMPLE]
    for index, name in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(
            [names[index - 1], *(row[name] if isinstance(row, dict) else row[index - 1] for row in sample)])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{len(rows) + 1}"
    heads = []
    for name in names:
        cell = WriteOnlyCell(sheet, name)
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
        heads.append(cell)
    sheet.append(heads)
    for row in rows:
        values = [row[name] for name in columns] if isinstance(row, dict) else row
        sheet.append([_cell(sheet, value) for value in values])


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
    book = Workbook(write_only=True)
    _sheet(book, tr("Ringkasan", "Summary"), ("key", "value"), _summary(coverage),
           header=(tr("ukuran", "measure"), tr("nilai", "value")))
    _sheet(book, "OPD", AGENCY_COLUMNS, agency_rows(coverage))
    _sheet(book, tr("Inovasi", "Innovations"), RECORD_COLUMNS, record_rows(coverage))
    _sheet(book, tr("Temuan", "Findings"), FINDING_COLUMNS, finding_rows(coverage))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
