"""`ooi iid --export`: the portal's profile columns in the catalogue's order, indicator rows, xlsx and CSV, safety."""

from __future__ import annotations

import copy
import csv
import io

import pytest
from conftest import make_root, sample
from openpyxl import load_workbook
from test_rules_iid import COMPLETE, EVIDENCE, LONG
from typer.testing import CliRunner

from ooi.cli import app
from ooi.coverage.iid_rows import INDICATOR_COLUMNS, profile_columns
from ooi.model import iid_catalogue

REL = "data/inovasi/dispendukcapil/penak-pkk.yaml"
PORTAL = ["Nama Inovasi", "Tahapan Inovasi", "Inisiator Inovasi", "Nama Inisiator", "Jenis Inovasi",
          "Bentuk Inovasi", "Tematik", "Urusan Utama", "Urusan Beririsan", "Waktu Uji Coba", "Waktu Penerapan",
          "Rancang Bangun dan Pokok Perubahan", "Tujuan", "Manfaat", "Hasil", "Anggaran", "Profil Bisnis"]


def ready() -> dict:
    """A record ready for the portal: every mandatory indicator claimed, a design of 300+ words, profile keys."""
    record = sample("penerapan")
    record.update(bukti=[dict(item) for item in EVIDENCE], iid=copy.deepcopy(COMPLETE), rancang_bangun=LONG,
                  nama_inisiator="Dinas Kependudukan dan Pencatatan Sipil", tematik=["digitalisasi layanan"])
    return record


def run(root, *args):
    return CliRunner().invoke(app, ["iid", "--root", str(root), *args], env={"OOI_LANG": None, "OOI_ROOT": None})


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_profile_header_is_the_catalogue_order(year):
    chosen = iid_catalogue.catalogue(year)
    assert profile_columns(chosen) == ("Berkas", "OPD", *(column.judul for column in chosen.columns))
    assert list(profile_columns(chosen))[2:] == PORTAL


def test_csv_export_of_a_ready_record(tmp_path):
    root = make_root(tmp_path / "root", {REL: ready()})
    out = tmp_path / "iid.csv"
    outcome = run(root, "--export", str(out))
    assert outcome.exit_code == 0, outcome.output
    assert "Persyaratan IID: 0 temuan, 0 menghalangi pengiriman yang bersih" in outcome.stderr
    profiles = read_csv(out)
    assert profiles[0] == ["Berkas", "OPD", *PORTAL] and len(profiles) == 2
    row = dict(zip(profiles[0], profiles[1]))
    assert (row["Berkas"], row["Tahapan Inovasi"], row["Inisiator Inovasi"], row["Jenis Inovasi"]) == (
        REL, "penerapan", "OPD", "non digital")
    assert (row["Bentuk Inovasi"], row["Tematik"], row["Urusan Utama"], row["Urusan Beririsan"]) == (
        "pelayanan publik", "digitalisasi layanan", "2.12 Administrasi Kependudukan dan Pencatatan Sipil",
        "2.08 Pemberdayaan Perempuan dan Pelindungan Anak")
    assert (row["Waktu Uji Coba"], row["Waktu Penerapan"], row["Anggaran"]) == ("2020-03-02", "2020-09-01",
                                                                                "APBD Rp25.000.000")
    indicators = read_csv(tmp_path / "iid-indikator.csv")
    assert indicators[0] == list(INDICATOR_COLUMNS) and len(indicators) == 1 + 20
    regulasi = dict(zip(indicators[0], indicators[1]))
    assert regulasi == {"Berkas": REL, "OPD": "dispendukcapil",
                        "Nama Inovasi": "PENAK PKK (Pelayanan Akta Kelahiran Kolektif melalui TP PKK)",
                        "Nomor SID": "16", "Indikator": "Regulasi inovasi daerah", "Kunci": "regulasi", "Bobot": "3",
                        "Wajib": "ya", "Level": "1",
                        "Parameter": "SK Kepala Perangkat Daerah a.n. kepala daerah, atau SK kepala daerah",
                        "Skor": "3", "Judul Bukti": "SK Kepala Dispendukcapil tentang PENAK PKK",
                        "Tautan Bukti": "https://dispendukcapil.batukota.go.id/bukti"}
    unclaimed = dict(zip(indicators[0], indicators[3]))
    assert (unclaimed["Kunci"], unclaimed["Level"], unclaimed["Skor"], unclaimed["Judul Bukti"]) == (
        "anggaran", "", "0", "")


def test_xlsx_export_has_two_sheets_with_the_same_rows(tmp_path):
    root = make_root(tmp_path / "root", {REL: ready()})
    out = tmp_path / "iid.xlsx"
    assert run(root, "--export", str(out), "--siklus", "2024").exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Profil", "Indikator"]
    profile = [[cell.value for cell in row] for row in book["Profil"].iter_rows()]
    assert profile[0] == ["Berkas", "OPD", *PORTAL] and profile[1][2].startswith("PENAK PKK")
    assert profile[1][11].date().isoformat() == "2020-03-02"
    assert book["Profil"].freeze_panes == "A2" and book["Profil"].auto_filter.ref == "A1:S2"
    indicator = list(book["Indikator"].iter_rows(values_only=True))
    assert list(indicator[0]) == list(INDICATOR_COLUMNS) and len(indicator) == 21 and indicator[1][10] == 3


def test_findings_on_stderr_and_exit_1_when_a_requirement_blocks(tmp_path):
    record = sample("penerapan")  # no iid block: exporting still holds it to the portal's requirements
    root = make_root(tmp_path / "root", {REL: record})
    outcome = run(root, "--export", str(tmp_path / "iid.csv"))
    assert outcome.exit_code == 1
    lines = outcome.stderr.splitlines()  # validate's reporter: each finding, then its hint
    assert [line for line in lines if not line.startswith(" ")][:3] == [
        f"{REL}:1:1: warning I005 indikator IID wajib belum diklaim: regulasi, sdm, kecepatan, kemanfaatan, video "
        "(portal memberinya nilai 0)",
        f"{REL}:18:1: warning I006 `rancang_bangun` 34 kata; portal IID meminta minimal 300 kata",
        "Persyaratan IID: 2 temuan, 1 menghalangi pengiriman yang bersih (error, dan I006: portal menolak rancang "
        "bangun yang terlalu pendek)"]
    assert lines[1].startswith("    saran: tambahkan mis. `iid: {regulasi: {level: 1, bukti: [0]}}`")
    assert (tmp_path / "iid.csv").exists() and (tmp_path / "iid-indikator.csv").exists()


def test_an_error_blocks_but_a_mandatory_gap_alone_does_not(tmp_path):
    gap = ready()
    del gap["iid"]["video"]
    root = make_root(tmp_path / "gap", {REL: gap})
    assert run(root, "--export", str(tmp_path / "gap.csv")).exit_code == 0
    wrong = ready()
    wrong["iid"]["regulasi"]["level"] = 3
    root = make_root(tmp_path / "wrong", {REL: wrong})
    outcome = run(root, "--export", str(tmp_path / "wrong.csv"))
    assert outcome.exit_code == 1 and "error I004 level 3 `regulasi` tidak sesuai" in outcome.stderr


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    record = ready()
    record["tujuan"] = '=HYPERLINK("https://example.org","klik")'
    record["nama_inisiator"] = "@SUM(A1:A9)"
    root = make_root(tmp_path / "root", {REL: record})
    outcome = run(root, "--export", str(tmp_path / "iid.csv"), "--delimiter", ";")
    assert outcome.exit_code == 0, outcome.stderr
    raw = (tmp_path / "iid.csv").read_bytes()[3:].decode("utf-8")
    row = dict(zip(*csv.reader(io.StringIO(raw, newline=""), delimiter=";")))
    assert row["Tujuan"] == """'=HYPERLINK("https://example.org","klik")""" and row["Nama Inisiator"] == "'@SUM(A1:A9)"
    assert run(root, "--export", str(tmp_path / "iid.xlsx")).exit_code == 0
    cells = {cell.value: cell for cell in next(load_workbook(tmp_path / "iid.xlsx")["Profil"].iter_rows(min_row=2))}
    formula = cells['=HYPERLINK("https://example.org","klik")']
    assert formula.data_type == "s" and formula.quotePrefix


def test_usage_errors(tmp_path):
    root = make_root(tmp_path / "root", {REL: ready()})
    outcome = run(root, "--export", str(tmp_path / "iid.pdf"))
    assert outcome.exit_code == 2 and "berakhiran .xlsx atau .csv" in outcome.output
    assert run(root, "--export", str(tmp_path / "iid.csv"), "--delimiter", "|").exit_code == 2
    outcome = run(root, "--export", str(tmp_path / "missing" / "iid.csv"))
    assert outcome.exit_code == 2 and "tidak dapat menulis" in outcome.output
