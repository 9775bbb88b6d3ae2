"""Settings that would switch a check off: Y and S codes made warnings, waivers for ever, dates in other forms."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from conftest import SETTINGS, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine.checker import check
from ooi.input.config import load_settings

TODAY = date(2026, 11, 28)
REL = "data/inovasi/dispendukcapil/penak-pkk.yaml"


def run(root, *args):
    return CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json", *args],
                              env={"OOI_LANG": None})


@pytest.mark.parametrize(("code", "content"), [
    ("Y003", "nama: [tidak ditutup\n"),
    ("S001", {"nama": "Hanya nama"}),
])
def test_y_and_s_codes_cannot_be_made_warnings(tmp_path, code, content):
    root = make_root(tmp_path, {REL: content}, settings=SETTINGS + f"aturan:\n  P6: warning\n  {code}: warning\n")
    outcome = run(root)
    report = json.loads(outcome.stdout)
    assert outcome.exit_code == 1, outcome.output
    assert {(f["code"], f["severity"]) for f in report["findings"] if f["path"] == REL} >= {(code, "error")}
    [refused] = [f for f in report["findings"] if f["path"] == "ooi.yaml"]
    assert (refused["line"], refused["column"], refused["code"], refused["severity"], refused["field"]) == (
        7, 3, "R012", "error", f"aturan.{code}")
    assert refused["message"] == (f"`aturan` tidak dapat melemahkan {code}: berkas yang tidak terbaca atau tidak "
                                  "sesuai skema tidak pernah dinilai")
    assert refused["hint"] == f"hapus `{code}` dari `aturan`; {code} tetap error"


def test_other_codes_can_still_be_made_warnings(tmp_path):
    root = make_root(tmp_path, settings=SETTINGS + "aturan:\n  P6: warning\n  R011: warning\n")
    assert load_settings(root).aturan_ditolak == ()
    assert {code: level.value for code, level in load_settings(root).aturan.items()} == {
        "P6": "warning", "R011": "warning"}


def faulty() -> dict:
    record = sample("penerapan")
    del record["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"]  # one P4 error
    return record


def waived(tmp_path, sampai, extra: str = ""):
    waiver = {"berkas": REL, "kode": "P4", "alasan": "Pernyataan sedang ditandatangani",
              "disetujui_oleh": "Kepala Bappelitbangda", "sampai": sampai}
    settings = SETTINGS + extra + f"pengecualian:\n  - {json.dumps(waiver)}\n"
    root = make_root(tmp_path, {REL: faulty()}, settings=settings)
    result = check(root, load_settings(root), today=TODAY)
    return result, [(f.code, f.severity.value, f.field, f.message) for f in result.findings if f.path == "ooi.yaml"]


def test_a_waiver_ending_in_2999_is_an_error_and_does_not_apply(tmp_path):
    result, found = waived(tmp_path, "2999-12-31")
    assert found == [("R012", "error", "pengecualian[0].sampai",
                      f"pengecualian P4 untuk {REL} berakhir 2999-12-31, lebih dari 365 hari setelah hari ini; "
                      "tidak berlaku")]
    assert result.errors == 2  # the P4 finding is not waived, and the waiver itself is an error


@pytest.mark.parametrize(("days", "applies"), [(365, True), (366, False)])
def test_the_longest_waiver_is_pengecualian_maks_hari(tmp_path, days, applies):
    result, found = waived(tmp_path, str(TODAY + timedelta(days=days)))
    assert (result.errors == 0) is applies and bool(found) is not applies


def test_pengecualian_maks_hari_is_read_from_ooi_yaml(tmp_path):
    result, found = waived(tmp_path, str(TODAY + timedelta(days=31)), extra="pengecualian_maks_hari: 30\n")
    assert [(code, message.split(", lebih")[1]) for code, _, _, message in found] == [
        ("R012", " dari 30 hari setelah hari ini; tidak berlaku")]


@pytest.mark.parametrize("sampai", ["29991231", 29991231, "2999-W52-7", "2027-3-31", "２０２７-０３-３１"])
def test_waiver_dates_are_strict(tmp_path, sampai):
    result, found = waived(tmp_path, sampai)
    assert [(code, field) for code, _, field, _ in found] == [("R012", "pengecualian[0].sampai")], found
    assert result.errors == 2


@pytest.mark.parametrize("value", ["29991231", "2999-W52-7", "2023-060"])
def test_record_dates_are_strict(tmp_path, value):
    record = sample("uji_coba")
    record["tanggal_lapor"] = value
    root = make_root(tmp_path, {REL: record})
    found = [(f.code, f.field) for f in check(root, load_settings(root), today=TODAY).findings]
    assert found == [("S006", "tanggal_lapor")], found


@pytest.mark.parametrize("value", ['"29991231"', "2999-W52-7", "29991231"])
def test_settings_dates_are_strict(tmp_path, value):
    root = make_root(tmp_path, settings=SETTINGS + f"tenggat: {value}\n")
    outcome = run(root)  # validate: a finding on ooi.yaml, placed (issue 10)
    assert outcome.exit_code == 1 and outcome.stderr == ""
    assert [(f["path"], f["line"], f["code"], f["message"]) for f in json.loads(outcome.stdout)["findings"]] == [
        ("ooi.yaml", 5, "S007", "`tenggat` harus tanggal YYYY-MM-DD")]
