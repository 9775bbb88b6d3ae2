"""`ooi export`: xlsx read back with openpyxl, CSV with both delimiters, JSON; formulas never run; any output path."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import sample
from test_status_cli import WHEN, golden_root, run

from ooi.coverage.rows import FIELDS, RECORD_COLUMNS

FORMULAS = {"nama": "=HYPERLINK(\"http://x\",\"klik\")", "tujuan": "+1+1", "manfaat": "@SUM(A1)",
            "catatan": "-2+3"}


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = golden_root(tmp_path_factory.mktemp("export"))
    record = sample("uji_coba")
    record.update(FORMULAS)
    (root / "data/inovasi/dispendukcapil/rumus.yaml").write_text(json.dumps(record), encoding="utf-8")
    return root


def export(root: Path, target: Path, *args: str) -> Path:
    outcome = run("export", "--root", str(root), *WHEN, "--output", str(target), *args)
    assert outcome.exit_code == 0, outcome.output
    return target


def status(root: Path) -> dict:
    return json.loads(run("status", "--root", str(root), *WHEN, "--format", "json").stdout)


def test_xlsx_has_four_sheets_with_frozen_headers_and_filters(root, tmp_path):
    book = openpyxl.load_workbook(export(root, tmp_path / "x.xlsx"))
    assert book.sheetnames == ["Ringkasan", "OPD", "Inovasi", "Temuan"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert all(4 < sheet.column_dimensions[c.column_letter].width <= 62 for c in sheet[1])
    summary = dict(book["Ringkasan"].values)
    figures = status(root)
    assert (summary["tahun"], summary["per"]) == (2023, datetime(2023, 6, 30))
    assert (summary["jumlah OPD"], summary["Tercapai"], summary["Belum melapor"]) == (
        figures["total"], figures["summary"]["achieved"], figures["summary"]["missing"])
    agencies = list(book["OPD"].values)
    assert [row[0] for row in agencies[1:]] == [a["kode"] for a in figures["agencies"]]


def test_xlsx_records_are_typed_and_formulas_stay_text(root, tmp_path):
    book = openpyxl.load_workbook(export(root, tmp_path / "x.xlsx"))
    rows = list(book["Inovasi"].values)
    assert rows[0] == RECORD_COLUMNS
    records = {row[0]: dict(zip(RECORD_COLUMNS, row)) for row in rows[1:]}
    penak = records["data/inovasi/dispendukcapil/penak-pkk.yaml"]
    assert penak["tanggal_lapor"] == datetime(2023, 1, 27) and isinstance(penak["anggaran.jumlah"], int)
    assert penak["waktu.penerapan"] == datetime(2020, 9, 1) and penak["keluaran.target"] == 97
    assert (penak["kode_opd"], penak["status_opd"], penak["terhitung"], penak["tahun_terhitung"], penak["error"]) == (
        "dispendukcapil", "achieved", "outside", "2020", 0)
    broken = records["data/inovasi/disparta/rusak.yaml"]
    assert (broken["terhitung"], broken["error"], broken["nama"]) == ("broken", 1, None)
    sheet = book["Inovasi"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value.endswith("rumus.yaml"))
    cells = {RECORD_COLUMNS[c.column - 1]: c for c in row}
    for key, text in FORMULAS.items():
        assert cells[key].value == text and cells[key].data_type == "s", key  # a string, never a formula
        assert cells[key].quotePrefix, key  # and shown as text typed with a leading apostrophe
    findings = list(book["Temuan"].values)
    assert findings[0][:5] == ("path", "baris", "kolom", "kode", "tingkat")
    assert ("data/inovasi/disparta/rusak.yaml", "Y003", "error") in {(r[0], r[3], r[4]) for r in findings}
    assert "data/inovasi/dinkes/skrining.yaml" not in {r[0] for r in findings}  # filed after per: left out
    orphan = records["data/inovasi/tanpa-opd/x.yaml"]
    assert (orphan["kode_opd"], orphan["status_opd"], orphan["error"]) == ("tanpa-opd", None, 1)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_records_only_with_bom_and_either_delimiter(root, tmp_path, delimiter):
    raw = export(root, tmp_path / "x.csv", "--format", "csv", "--delimiter", delimiter).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    assert tuple(rows[0]) == RECORD_COLUMNS and len(rows[0]) == 8 + len(FIELDS)
    records = {row[0]: dict(zip(RECORD_COLUMNS, row)) for row in rows[1:]}
    assert len(records) == len(rows) - 1 == 9
    penak = records["data/inovasi/dispendukcapil/penak-pkk.yaml"]
    assert (penak["tanggal_lapor"], penak["keluaran.target"], penak["prinsip.efektivitas.realisasi"]) == (
        "2023-01-27", "97", "97.6" if delimiter == "," else "97,6")  # Excel in Indonesian reads 97,6
    formulas = records["data/inovasi/dispendukcapil/rumus.yaml"]
    assert {key: formulas[key] for key in FORMULAS} == {key: "'" + text for key, text in FORMULAS.items()}


def test_json_records(root, tmp_path):
    data = json.loads(export(root, tmp_path / "x.json", "--format", "json").read_text(encoding="utf-8"))
    assert (data["tahun"], data["per"], len(data["records"])) == (2023, "2023-06-30", 9)
    assert list(data["records"][0]) == list(RECORD_COLUMNS)
    first = data["records"][0]
    assert (first["path"], first["kode_opd"], first["tanggal_lapor"]) == (
        "data/inovasi/dinkes/siap-antar.yaml", "dinkes", "2023-03-10")  # agencies in the order of ooi status


def test_output_anywhere_and_to_stdout(root, tmp_path):
    outside = tmp_path / "elsewhere" / "ekspor.csv"
    outside.parent.mkdir()
    export(root, outside, "--format", "csv")
    assert outside.read_bytes().startswith(b"\xef\xbb\xbf")
    piped = run("export", "--root", str(root), *WHEN, "--format", "json", "--output", "-")
    assert piped.exit_code == 0 and json.loads(piped.stdout)["tahun"] == 2023


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "ods"], "ooi: --format ods tidak dikenal; pilih: xlsx, csv, json, iid-xlsx, iid-csv\n"),
    (["--format", "csv", "--delimiter", "|"], "ooi: --delimiter harus `,` atau `;`\n"),
    (["--output", "-"], "ooi: xlsx tidak dapat ditulis ke keluaran standar; beri --output BERKAS.xlsx\n"),
    (["-f", "iid-csv", "--output", "-"],
     "ooi: iid-csv tidak dapat ditulis ke keluaran standar; beri --output BERKAS.csv\n"),
])
def test_usage_errors(root, args, message):
    outcome = run("export", "--root", str(root), *WHEN, *args)
    assert (outcome.exit_code, outcome.stderr) == (2, message)


def test_xlsx_writer_keeps_xml_valid_and_cells_within_excel_limits(tmp_path):
    import xml.etree.ElementTree as ET
    import zipfile

    from ooi.report.xlsx_writer import MAX_TEXT, Sheet, write

    rows = [["a\x00b\x1fc <&> \"d\"", 1.5, True, None], ["x" * 40000, -3, False, "=1+1"]]
    target = tmp_path / "w.xlsx"
    with target.open("wb") as out:
        write(out, [Sheet("Uji", ["teks", "angka", "ya", "kosong"], iter(rows), 2, [10, 8, 6, 6])])
    with zipfile.ZipFile(target) as book:
        for name in book.namelist():
            ET.fromstring(book.read(name))  # every part is well-formed XML
    sheet = openpyxl.load_workbook(target)["Uji"]
    assert [c.value for c in sheet[2]] == ['abc <&> "d"', 1.5, True, None]
    assert len(sheet["A3"].value) == MAX_TEXT and sheet["A3"].value.endswith("…")
    assert (sheet["B3"].value, sheet["D3"].value, sheet["D3"].data_type) == (-3, "=1+1", "s")
    assert (sheet.freeze_panes, sheet.auto_filter.ref, sheet.column_dimensions["A"].width) == ("A2", "A1:D3", 10)


@pytest.mark.parametrize("fmt", ["iid-xlsx", "iid-csv"])
def test_iid_formats_are_ooi_iid_exports(tmp_path, fmt):
    """`ooi export --format iid-…` writes what `ooi iid --export` writes, for the same records."""
    shipped = Path(__file__).parent.parent
    suffix = ".xlsx" if fmt == "iid-xlsx" else ".csv"
    mine = run("export", "--root", str(shipped), "-f", fmt, "--output", str(tmp_path / f"a{suffix}"))
    theirs = run("iid", "--root", str(shipped), "--export", str(tmp_path / f"b{suffix}"))
    assert mine.exit_code == theirs.exit_code, mine.output
    if suffix == ".csv":
        assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
        assert (tmp_path / "a-indikator.csv").read_bytes() == (tmp_path / "b-indikator.csv").read_bytes()
    else:
        read = [list(openpyxl.load_workbook(tmp_path / name)[sheet].values) for name in ("a.xlsx", "b.xlsx")
                for sheet in ("Profil", "Indikator")]
        assert read[:2] == read[2:]
