"""`ooi export --format csv`: the records only, a header row first; UTF-8 with BOM, as Excel in Indonesian reads it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

from ooi.coverage.rows import RECORD_COLUMNS, record_rows
from ooi.coverage.tally import Coverage
from ooi.text_safety import spreadsheet



BOM = "\ufeff"  # Excel set to Indonesian reads UTF-8 only with it


def safe(value, decimal: str = ".") -> str:
    """One value as CSV text: dates ISO, whole numbers without a fraction, text defused (no formula, no control
    character, no line break: `--output -` may be a terminal or a CI log).

    With `;` between fields (Excel set to Indonesian) the decimal mark is `,` as that Excel
    expects; `97.6` would otherwise be read as text or worse.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value).replace(".", decimal)
    if isinstance(value, int):
        return str(value)
    return spreadsheet(value)  # numbers, negative ones included, stayed numbers above


def render(coverage: Coverage, delimiter: str = ",", **_) -> Iterator[str]:
    """The CSV in pieces of a thousand rows, so a national export never holds the whole text at once."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(RECORD_COLUMNS)
    decimal = "," if delimiter == ";" else "."
    for number, row in enumerate(record_rows(coverage), 1):
        writer.writerow([safe(row[name], decimal) for name in RECORD_COLUMNS])
        if number % 1000 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
