"""`ooi export --format csv`: the records only, a header row first; UTF-8 with BOM, as Excel in Indonesian reads it.

Every field is quoted. No cell can become a formula, whether the file is opened with `,` or
`;` as separator: wherever a text, split at either, would start a piece with `=`, `+`, `-` or
`@`, an apostrophe goes before that character (`x;=HYPERLINK(…)` is written `x;'=HYPERLINK(…)`).
No control character is written: line breaks stay (inside quotes), others are shown escaped (`\\x01`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date

from ooi.coverage.rows import RECORD_COLUMNS, record_rows
from ooi.coverage.tally import Coverage
from ooi.report.xlsx import worded
from ooi.text_safety import visible

BOM = "\ufeff"  # Excel set to Indonesian reads UTF-8 only with it
# A piece a spreadsheet would run: at the start, or after a separator or line break, past any spaces.
_OPENS = re.compile(r"(^|[,;\n])([\s\"]*)(?=[=+\-@])")  # spaces or quotes may come first
_NUMBER_LIKE = re.compile(r"\s*\d[\d\s.,/:%-]*")  # digits and what numbers and dates are written with
JOINER = "\u2060"


def guarded(text: str) -> str:
    """A text as a CSV cell read by a spreadsheet with either separator: kept as text, never a formula."""
    text = "\n".join(visible(line) for line in text.replace("\r\n", "\n").split("\n"))
    if _NUMBER_LIKE.fullmatch(text):
        return JOINER + text
    return _OPENS.sub(r"\1\2'", text)


def safe(value, decimal: str = ".") -> str:
    """One value as CSV text: dates ISO, whole numbers without a fraction, text guarded.

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
    return guarded(str(value))  # numbers, negative ones included, stayed numbers above


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
