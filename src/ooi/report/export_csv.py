"""`ooi export --format csv`: the records only, a header row first; UTF-8 with BOM, as Excel in Indonesian reads it.

Every field is quoted. No cell can become a formula, whether the file is opened with `,` or
`;` as separator: wherever a text, split at either, would start a piece with `=`, `+`, `-` or
`@`, an apostrophe goes before that character (`x;=HYPERLINK(…)` is written `x;'=HYPERLINK(…)`).
No control character is written: line breaks included, they are shown escaped (`\\n`, `\\x01`), since the
file may go to a terminal or a CI log. A text a spreadsheet would read as a number or a date (a NIP, `2.20`)
starts with an invisible WORD JOINER, so its digits stay as written (`text_safety.spreadsheet`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

from ooi.coverage.rows import RECORD_COLUMNS, record_rows
from ooi.coverage.tally import Coverage
from ooi.report.xlsx import worded
from ooi.text_safety import spreadsheet

BOM = "\ufeff"  # Excel set to Indonesian reads UTF-8 only with it


def safe(value, decimal: str = ".") -> str:
    """One value as CSV text: dates ISO, whole numbers without a fraction, text guarded (`text_safety.spreadsheet`).

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
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(RECORD_COLUMNS)
    decimal = "," if delimiter == ";" else "."
    for number, row in enumerate(map(worded, record_rows(coverage)), 1):
        writer.writerow([safe(row[name], decimal) for name in RECORD_COLUMNS])
        if number % 1000 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
