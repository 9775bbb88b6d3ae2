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


SPLIT = 'warga Batu; =HYPERLINK("http://x","klik"), lalu -1+1 dan 2.20'


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = golden_root(tmp_path_factory.mktemp("export"))
    record = sample("uji_coba")
    record.update(FORMULAS)
    record["penerima_manfaat"]["uraian"] = SPLIT  # a formula once the line is split at `;`
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
        # Printed: A4 landscape, every column on the page's width, the header row on every page.
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$1"
    summary = dict(book["Ringkasan"].values)
    figures = status(root)
    assert (summary["tahun target"], summary["keadaan data per"]) == ("2023", "30 Juni 2023")
    assert (summary["jumlah OPD"], summary["Tercapai"], summary["Belum melapor"]) == (
        str(figures["total"]), str(figures["summary"]["achieved"]), str(figures["summary"]["missing"]))
    assert summary["capaian target"] == f"{figures['summary']['achievement']:.1f}%".replace(".", ",")
    agencies = list(book["OPD"].values)
    assert agencies[0][:2] == ("nama", "kode")
    assert [row[1] for row in agencies[1:]] == [a["kode"] for a in figures["agencies"]]
    assert {row[5] for row in agencies[1:]} <= {"Tercapai", "Direncanakan", "Sudah melapor", "Belum melapor"}


def test_xlsx_records_are_typed_and_formulas_stay_text(root, tmp_path):
    book = openpyxl.load_workbook(export(root, tmp_path / "x.xlsx"))
    rows = list(book["Inovasi"].values)
    assert rows[0] == RECORD_COLUMNS and (RECORD_COLUMNS[:4], RECORD_COLUMNS[-1]) == (
        ("nama", "kode_opd", "nama_opd", "tahapan"), "path")  # the name first, the path last
    records = {row[-1]: dict(zip(RECORD_COLUMNS, row)) for row in rows[1:]}
    penak = records["data/inovasi/dispendukcapil/penak-pkk.yaml"]
    assert penak["tanggal_lapor"] == datetime(2023, 1, 27) and isinstance(penak["anggaran.jumlah"], int)
    assert penak["waktu.penerapan"] == datetime(2020, 9, 1) and penak["keluaran.target"] == 97
    assert (penak["kode_opd"], penak["status_opd"], penak["terhitung"], penak["tahun_terhitung"], penak["error"]) == (
        "dispendukcapil", "Tercapai", "di luar jendela tahun", "2020", 0)  # statuses in Indonesian words
    broken = records["data/inovasi/disparta/rusak.yaml"]
    assert (broken["terhitung"], broken["error"], broken["nama"]) == ("tidak terbaca sebagai rekaman", 1, None)
    sheet = book["Inovasi"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[-1].value.endswith("rumus.yaml"))
    cells = {RECORD_COLUMNS[c.column - 1]: c for c in row}
    for key, text in FORMULAS.items():
        assert cells[key].value == text and cells[key].data_type == "s", key  # a string, never a formula
        assert cells[key].quotePrefix, key  # and shown as text typed with a leading apostrophe
    findings = list(book["Temuan"].values)
    assert findings[0] == ("pesan", "saran", "kunci", "tingkat", "kode", "dikecualikan", "baris", "kolom", "path")
    assert ("data/inovasi/disparta/rusak.yaml", "Y003", "error") in {(r[-1], r[4], r[3]) for r in findings}
    assert "peringatan" in {r[3] for r in findings}
    assert "data/inovasi/dinkes/skrining.yaml" not in {r[-1] for r in findings}  # filed after per: left out
    orphan = records["data/inovasi/tanpa-opd/x.yaml"]
    assert (orphan["kode_opd"], orphan["status_opd"], orphan["error"]) == ("tanpa-opd", None, 1)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_records_only_with_bom_and_either_delimiter(root, tmp_path, delimiter):
    raw = export(root, tmp_path / "x.csv", "--format", "csv", "--delimiter", delimiter).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith(f'"nama"{delimiter}"kode_opd"') and lines[1].startswith('"') and lines[1].endswith('"')
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    assert tuple(rows[0]) == RECORD_COLUMNS and len(rows[0]) == 8 + len(FIELDS)
    records = {row[-1]: dict(zip(RECORD_COLUMNS, row)) for row in rows[1:]}
    assert len(records) == len(rows) - 1 == 9
    penak = records["data/inovasi/dispendukcapil/penak-pkk.yaml"]
    assert (penak["tanggal_lapor"], penak["keluaran.target"], penak["prinsip.efektivitas.realisasi"]) == (
        "2023-01-27", "97", "97.6" if delimiter == "," else "97,6")  # Excel in Indonesian reads 97,6
    assert (penak["status_opd"], penak["urusan.utama"]) == ("Tercapai", "\u20602.12")  # a code opens as text
    assert penak["penanggung_jawab.nip"] == "\u2060" + sample("uji_coba")["penanggung_jawab"]["nip"]
    formulas = records["data/inovasi/dispendukcapil/rumus.yaml"]
    assert {key: formulas[key] for key in FORMULAS} == {key: "'" + text for key, text in FORMULAS.items()}
    assert formulas["penerima_manfaat.uraian"] == 'warga Batu; \'=HYPERLINK("http://x","klik"), lalu -1+1 dan 2.20'


@pytest.mark.parametrize(("text", "written"), [
    ("x;=HYPERLINK(\"http://x\")", "x;'=HYPERLINK(\"http://x\")"),  # opened with `;`, the second cell: text
    ("a, -b", "a, '-b"), ("x;\"=1", "x;\"'=1"), ("=1", "'=1"), ("baris\n@SUM(A1)", "baris\\n@SUM(A1)"),
    ("2.20", "\u20602.20"), ("197805122005011003", "\u2060197805122005011003"), ("nama\x01", "nama\\x01"),
    ("Rp 5.000, 10%", "Rp 5.000, 10%"), ("dua\r\nbaris", "dua\\r\\nbaris"),
])
def test_csv_guard_keeps_every_cell_text_with_either_separator(text, written):
    from ooi.text_safety import spreadsheet

    assert spreadsheet(text) == written


def test_json_records(root, tmp_path):
    data = json.loads(export(root, tmp_path / "x.json", "--format", "json").read_text(encoding="utf-8"))
    assert (data["tahun"], data["per"], len(data["records"])) == (2023, "2023-06-30", 9)
    assert list(data["records"][0]) == list(RECORD_COLUMNS)
    first = data["records"][0]
    assert (first["path"], first["kode_opd"], first["tanggal_lapor"]) == (  # JSON keeps machine values
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
    assert [c.value for c in sheet[2]] == ['a\\x00b\\x1fc <&> "d"', 1.5, True, None]  # shown, never written
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


@pytest.mark.parametrize("fmt", ["xlsx", "iid-xlsx"])
def test_a_control_character_in_a_name_never_breaks_an_xlsx(tmp_path, fmt):
    import re
    import zipfile

    root = golden_root(tmp_path / "root")
    record = sample("penerapan")
    record["nama"] = "Antre\x01an Daring"
    record["penanggung_jawab"]["jabatan"] = "Kepala\x1b[2K Seksi"
    (root / "data/inovasi/dispendukcapil/kendali.yaml").write_text(json.dumps(record), encoding="utf-8")
    target = tmp_path / "x.xlsx"
    outcome = run("export", "--root", str(root), *WHEN, "-f", fmt, "--output", str(target))
    assert outcome.exit_code in (0, 1) and "Traceback" not in outcome.output, outcome.output  # 1: IID findings
    with zipfile.ZipFile(target) as book:
        xml = "".join(book.read(name).decode("utf-8") for name in book.namelist())
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)  # none written
    assert "Antre\\x01an Daring" in xml  # the name is there, its control character shown
    assert openpyxl.load_workbook(target).sheetnames  # and the book opens
