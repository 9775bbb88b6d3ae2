"""The IID export as one xlsx (SPEC §14): a profile sheet and an indicator sheet, frozen headers and filters."""

from __future__ import annotations

import io
from datetime import date

from ooi.coverage.iid_rows import IidExport
from ooi.text_safety import looks_like_formula


def render(export: IidExport, **_) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _sheet(book, "Profil", export.profile_columns, export.profiles)
    _sheet(book, "Indikator", export.indicator_columns, export.indicators)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(book, title: str, columns: tuple[str, ...], rows: tuple[tuple, ...]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for index, name in enumerate(columns, 1):  # widths from the header and the first rows, capped
        longest = max((len(_shown(row[index - 1])) for row in rows[:300]), default=0)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(name), longest, 4) + 2, 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    heads = []
    for name in columns:
        head = WriteOnlyCell(sheet, name)
        head.font = Font(bold=True)
        heads.append(head)
    sheet.append(heads)
    for row in rows:
        sheet.append([_cell(sheet, value, WriteOnlyCell) for value in row])


def _cell(sheet, value, make):
    """A string a spreadsheet would evaluate stays a string cell (never a formula); dates keep a date format."""
    if isinstance(value, str) and looks_like_formula(value):
        cell = make(sheet, value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    if isinstance(value, date):
        cell = make(sheet, value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def _shown(value) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    return max(text.split("\n"), key=len)
