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
    wanted = {row[-1]: row for row in records[1:]}  # by the path, the last column
    paths = next(book["Inovasi"].iter_cols(len(header), len(header), min_row=2, values_only=True))
    assert list(wanted) == list(paths)  # every record, in ooi's order
    hostile = wanted["data/inovasi/dispendukcapil/rumus.yaml"]
    for key, text in FORMULAS.items():  # shown as written, never computed
        assert hostile[header.index(key)] == text, key
    column = [cell.value for cell in book["Inovasi"][1]].index("urusan.utama") + 1
    codes = [cell.value or "" for cell in next(book["Inovasi"].iter_cols(column, column, min_row=2))]
    assert [row[header.index("urusan.utama")] for row in records[1:]] == codes  # text: "2.10" never 2.1
    assert "2.12" in codes
    days = [row[header.index("tanggal_lapor")] for row in records[1:]]
    assert "2023-04-03" in days and all(len(day) == 10 for day in days if day)  # dates, shown YYYY-MM-DD


def calc_open_csv(csv_file: Path, separator: str, out: Path) -> list[tuple]:
    """A CSV opened in Calc as Excel would open it: UTF-8, `"` quotes, the given separator, formulas evaluated
    (token 13), English number settings (1033: `2.20` would be a number); read back from Calc's own xlsx."""
    out.mkdir(exist_ok=True)
    profile = out / "profil"
    options = f"CSV:{ord(separator)},34,76,1,,1033,false,false,false,false,false,-1,true"
    done = subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=" + options,
                           "--convert-to", "xlsx", "--outdir", str(out), str(csv_file)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    book = openpyxl.load_workbook(out / f"{csv_file.stem}.xlsx")  # formulas kept as formulas, not their values
    return [tuple(cell for cell in row) for row in book.active.iter_rows()]


@pytest.mark.lambat
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_calc_opens_both_csvs_with_either_separator_and_no_cell_is_a_formula(root, tmp_path, delimiter):  # noqa: F811
    """With its own separator every text cell is the record's text; with the other one no cell becomes a formula."""
    import json

    from ooi.coverage.rows import RECORD_COLUMNS
    from test_export import run
    from test_status_cli import WHEN

    target = export(root, tmp_path / f"ekspor-{ord(delimiter)}.csv", "--format", "csv", "--delimiter", delimiter)
    records = {r["path"]: r for r in json.loads(run("export", "--root", str(root), *WHEN, "-f", "json", "-o", "-")
                                                 .stdout)["records"]}
    for separator in (",", ";"):
        rows = calc_open_csv(target, separator, tmp_path / f"calc-{ord(separator)}")
        formulas = [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
        assert formulas == [], (separator, formulas)
        if separator != delimiter:
            continue
        header = [cell.value for cell in rows[0]]
        assert tuple(header) == RECORD_COLUMNS
        compared = 0
        for row in rows[1:]:
            seen = dict(zip(header, (cell.value for cell in row)))
            record = records[seen["path"]]
            for key, value in record.items():
                if isinstance(value, str) and key not in ("status_opd", "terhitung"):  # those two in words
                    assert as_written(seen[key]) == value, (seen["path"], key, seen[key], value)
                    compared += 1
        penak = records["data/inovasi/dispendukcapil/penak-pkk.yaml"]
        assert (penak["penanggung_jawab.nip"], penak["urusan.utama"]) == ("197805122005011003", "2.12")
        assert compared > 200


def as_written(shown) -> str:
    """A cell's text as the record wrote it, undoing the guard's two documented changes: the WORD JOINER before
    a text that looks like a number, and the apostrophe before a piece that would start a formula."""
    import re
    from datetime import datetime

    if isinstance(shown, datetime):  # a date the record wrote as a date: the JSON says it in ISO
        return shown.date().isoformat()
    text = "" if shown is None else str(shown)
    return re.sub(r"(^|[,;\n])([\s\"]*)'(?=[=+\-@])", r"\1\2", text.removeprefix("\u2060"))


@pytest.mark.lambat
def test_calc_shows_nips_codes_and_every_text_of_the_xlsx_as_the_records_hold_them(root, tmp_path):  # noqa: F811
    import json

    from test_export import run
    from test_status_cli import WHEN

    xlsx = export(root, tmp_path / "ekspor.xlsx")
    sheets = calc_sheets(xlsx, tmp_path)
    header, *rows = sheets["Inovasi"]
    records = {r["path"]: r for r in json.loads(run("export", "--root", str(root), *WHEN, "-f", "json", "-o", "-")
                                                 .stdout)["records"]}
    compared = 0
    for row in rows:
        seen = dict(zip(header, row))
        for key, value in records[seen["path"]].items():
            if isinstance(value, str) and key not in ("status_opd", "terhitung"):
                assert seen[key] == value, (seen["path"], key)
                compared += 1
    penak = next(dict(zip(header, row)) for row in rows if row[-1].endswith("penak-pkk.yaml"))
    assert (penak["penanggung_jawab.nip"], penak["urusan.utama"], penak["status_opd"]) == (
        "197805122005011003", "2.12", "Tercapai")
    assert compared > 200
