"""The xlsx of `ooi export` opened by a real spreadsheet program (LibreOffice Calc, headless), as a person would.

openpyxl reads what it was built to read; a spreadsheet program is stricter. Calc converts every
sheet to CSV, and what it shows must be what ooi wrote: the four sheets, the headers, one row per
record, sector codes as text (`1.10` never becomes 1.1), dates as dates, and a name that looks
like a formula shown as the text it is. `.ci/run` installs `libreoffice-calc-nogui`; missing,
the test skips with that reason, or fails under `OOI_REQUIRE_REAL_PARTS=1` (tests/parts.py).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from parts import need
from test_export import FORMULAS, export, root  # noqa: F401  (root: the module's fixture)

pytestmark = pytest.mark.lambat  # a real LibreOffice Calc: left out by `-m "not lambat"`


def soffice() -> str:
    return need(shutil.which("soffice") or shutil.which("libreoffice"),
                "LibreOffice Calc is missing: install the Debian package libreoffice-calc-nogui (.ci/run does)")


def calc_sheets(xlsx: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet as Calc shows it (formatted text), through Calc's own CSV export: UTF-8, comma, all sheets."""
    profile = out / "profil"
    done = subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
                           "--outdir", str(out), str(xlsx)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    sheets = {}
    for path in sorted(out.glob(f"{xlsx.stem}-*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            sheets[path.stem.removeprefix(f"{xlsx.stem}-")] = list(csv.reader(stream))
    return sheets


def test_calc_opens_every_sheet_as_ooi_wrote_it(root, tmp_path):  # noqa: F811
    xlsx = export(root, tmp_path / "ekspor.xlsx")
    sheets = calc_sheets(xlsx, tmp_path)
    book = openpyxl.load_workbook(xlsx)
    assert set(sheets) == set(book.sheetnames) == {"Ringkasan", "OPD", "Inovasi", "Temuan"}
    for name, rows in sheets.items():
        sheet = book[name]
        assert rows[0] == [str(cell.value) for cell in sheet[1]], name  # the header row
        assert len(rows) == sheet.max_row, name  # every row arrived
    records = sheets["Inovasi"]
    header = records[0]
    wanted = {row[0]: row for row in records[1:]}
    assert list(wanted) == [cell.value for cell in book["Inovasi"]["A"][1:]]  # every record, in ooi's order
    hostile = wanted["data/inovasi/dispendukcapil/rumus.yaml"]
    for key, text in FORMULAS.items():  # shown as written, never computed
        assert hostile[header.index(key)] == text, key
    column = [cell.value for cell in book["Inovasi"][1]].index("urusan.utama") + 1
    codes = [cell.value or "" for cell in next(book["Inovasi"].iter_cols(column, column, min_row=2))]
    assert [row[header.index("urusan.utama")] for row in records[1:]] == codes  # text: "2.10" never 2.1
    assert "2.12" in codes
    days = [row[header.index("tanggal_lapor")] for row in records[1:]]
    assert "2023-04-03" in days and all(len(day) == 10 for day in days if day)  # dates, shown YYYY-MM-DD
