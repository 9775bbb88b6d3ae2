"""A small streaming xlsx (Office Open XML) writer: sheets of typed cells, frozen header, filter, widths.

Why not a library: XlsxWriter spent ~70 µs a cell on a loaded machine (it checks, stores
and re-serialises every cell), so 20,000 records × 63 columns took twice as long as
`ooi status` itself; one f-string a cell does the same work several times faster. What is
written is deliberately plain: inline strings (no shared-string table), four styles, one
frozen header row, an autofilter and a print set-up per sheet (A4 landscape, fit to the
page's width, the header row on every page), as Excel, LibreOffice and openpyxl read them.
Every text is a text cell, so an identifier or code (a NIP, sector `2.20`) stays as written;
control characters are shown escaped (`\x01`, through `ooi.text_safety`), never written.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice
from typing import BinaryIO, Iterable

from ooi.text_safety import looks_like_formula, visible

EPOCH = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk folded in)
MAX_TEXT = 32767  # Excel's longest cell text
WIDTH_SAMPLE = 300  # rows looked at to size a column
# Styles (cellXfs order in STYLES): 0 plain, 1 header, 2 date, 3 text typed with a leading apostrophe.
HEAD, DAY, QUOTED = 1, 2, 3


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: Iterable[list]
    count: int  # rows after the header (for the filter's range, known before the rows are written)
    widths: list[float]


def sheet(title: str, header, rows, count: int) -> Sheet:
    """A sheet of value lists; widths from the header and the first rows, the rest streamed as they come."""
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    widths = [_width([name, *(row[index] for row in sample)]) for index, name in enumerate(header)]
    return Sheet(title, list(header), chain(sample, rows), count, widths)


def _width(values) -> float:
    longest = max((max(map(len, (v.isoformat() if isinstance(v, date) else str(v)).split("\n")))
                   for v in values if v is not None), default=4)
    return min(max(longest, 4) + 2, 60)


def shown(text: str) -> str:
    """A text with every control character but line breaks and tabs shown escaped (`\x01`), never written."""
    if text.isprintable():
        return text
    return "\n".join("\t".join(visible(part) for part in line.split("\t"))
                     for line in text.replace("\r\n", "\n").split("\n"))


def _letters(count: int) -> list[str]:
    out = []
    for number in range(1, count + 1):
        name = ""
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        out.append(name)
    return out


def _text(value: str) -> str:
    value = shown(value)
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT - 1] + "…"
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(ref: str, value, style: int = 0) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{DAY}"><v>{(value - EPOCH).days}</v></c>'
    text = str(value)
    # Always a string cell, so nothing typed in a record ever becomes a formula; one that looks
    # like a formula is also shown as typed text (quotePrefix), as Excel does for '=…
    style = style or (QUOTED if looks_like_formula(text) else 0)
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{styled} t="inlineStr"><is><t xml:space="preserve">{_text(text)}</t></is></c>'


def _sheet_xml(sheet: Sheet, stream: BinaryIO) -> None:
    letters = _letters(len(sheet.header))
    last = f"{letters[-1]}{sheet.count + 1}"
    cols = "".join(f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>' for i, w in enumerate(sheet.widths, 1))
    stream.write((
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
        '<row r="1">' + "".join(_cell(f"{letters[i]}1", name, HEAD) for i, name in enumerate(sheet.header)) + "</row>"
    ).encode("utf-8"))
    chunk = []
    for number, row in enumerate(sheet.rows, 2):
        chunk.append(f'<row r="{number}">' + "".join(_cell(f"{letters[i]}{number}", v) for i, v in enumerate(row))
                     + "</row>")
        if len(chunk) == 500:
            stream.write("".join(chunk).encode("utf-8"))
            chunk = []
    # Printed: A4 (paperSize 9) landscape, all columns on the page's width, as many pages down as it takes.
    stream.write(("".join(chunk) + f'</sheetData><autoFilter ref="A1:{last}"/>'
                  '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>'
                  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
                  '</worksheet>').encode("utf-8"))


STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def write(target: BinaryIO, sheets: list[Sheet]) -> None:
    """The workbook, each sheet's XML streamed into the zip as its rows come."""
    ns = "http://schemas.openxmlformats.org"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    sheet_types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                          f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                          for i in range(1, len(sheets) + 1))
    names = [f'<sheet name="{_text(s.title)}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1)]
    filters = [f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
               f"'{_text(s.title)}'!$A$1:${_letters(len(s.header))[-1]}${s.count + 1}</definedName>"
               f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">\'{_text(s.title)}\'!$1:$1</definedName>'
               for i, s in enumerate(sheets)]
    rels = "".join(f'<Relationship Id="rId{i}" Type="{ns}/officeDocument/2006/relationships/worksheet" '
                   f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    parts = {
        "[Content_Types].xml": f'{head}<Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{sheet_types}</Types>",
        "_rels/.rels": f'{head}<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{head}<workbook xmlns="{ns}/spreadsheetml/2006/main" '
        f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>{"".join(names)}</sheets>'
        f'<definedNames>{"".join(filters)}</definedNames></workbook>',
        "xl/_rels/workbook.xml.rels": f'{head}<Relationships xmlns="{ns}/package/2006/relationships">{rels}'
        f'<Relationship Id="rId{len(sheets) + 1}" Type="{ns}/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/></Relationships>',
        "xl/styles.xml": STYLES,
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as book:
        for name, text in parts.items():
            book.writestr(name, text)
        for index, sheet in enumerate(sheets, 1):
            with book.open(f"xl/worksheets/sheet{index}.xml", "w", force_zip64=True) as stream:
                _sheet_xml(sheet, stream)
