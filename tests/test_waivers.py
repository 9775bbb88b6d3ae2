"""Waivers (`pengecualian`): a waived finding stays shown, an expired one comes back, a bad waiver is an error."""

import json
from datetime import date, timedelta

import pytest
from conftest import SETTINGS, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock
from ooi.engine.checker import check
from ooi.input.config import load_settings

TODAY = date(2026, 11, 28)
REL = "data/inovasi/dispendukcapil/penak-pkk.yaml"


@pytest.fixture(autouse=True)
def _today():
    """Every run here, through the CLI too, is judged on TODAY: the waivers end in 2027, whenever the tests run."""
    with clock.frozen(TODAY):
        yield


def faulty() -> dict:
    record = sample("penerapan")
    del record["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"]  # one P4 error
    return record


def waiver(**fields) -> dict:
    return {"berkas": REL, "kode": "P4", "alasan": "Pernyataan sedang ditandatangani Kepala Dinas",
            "disetujui_oleh": "Kepala Bappelitbangda", "sampai": "2027-03-31", **fields}


def settings_with(*waivers, extra: str = "") -> str:
    return SETTINGS + extra + "pengecualian:\n" + "".join(f"  - {json.dumps(w)}\n" for w in waivers)


def run_check(tmp_path, *waivers, record=None, today=TODAY, targets=None, extra=""):
    root = make_root(tmp_path, {REL: record or faulty()}, settings=settings_with(*waivers, extra=extra))
    targets = [root / t for t in targets] if targets else None
    return check(root, load_settings(root), targets=targets, today=today)


def codes(result, path: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity.value, f.field) for f in result.findings if f.path == path]


def test_a_waived_finding_stays_shown_and_no_longer_counts(tmp_path):
    result = run_check(tmp_path, waiver())
    [finding] = [f for f in result.findings if f.path == REL]
    assert finding.code == "P4" and finding.severity.value == "error"
    assert finding.waived_by == ("Kepala Bappelitbangda, sampai 2027-03-31: "
                                 "Pernyataan sedang ditandatangani Kepala Dinas")
    assert result.errors == 0 and result.warnings == 0
    assert [f for f in result.files if f.path == REL][0].errors == 0  # so the file counts toward coverage


def test_without_a_waiver_the_same_record_fails(tmp_path):
    result = run_check(tmp_path)
    assert result.errors == 1
    assert codes(result, REL) == [("P4", "error", "prinsip.tanpa_konflik_kepentingan.pernyataan")]


def test_an_expired_waiver_no_longer_applies(tmp_path):
    result = run_check(tmp_path, waiver(sampai="2026-11-27"))
    assert [f.waived_by for f in result.findings if f.path == REL] == [""]
    assert result.errors == 1
    [notice] = [f for f in result.findings if f.path == "ooi.yaml"]
    assert (notice.code, notice.severity.value, notice.field) == ("R013", "warning", "pengecualian[0].sampai")
    assert "berlaku lagi" in notice.message and notice.line == 6  # the line after `pengecualian:`


@pytest.mark.parametrize(("days", "notice"), [(0, True), (30, True), (31, False)])
def test_a_waiver_ending_within_30_days_is_announced(tmp_path, days, notice):
    result = run_check(tmp_path, waiver(sampai=str(TODAY + timedelta(days=days))))
    assert result.errors == 0  # still in force, through its last day
    expected = [("R013", "warning", "pengecualian[0].sampai")] if notice else []
    assert codes(result, "ooi.yaml") == expected


@pytest.mark.parametrize(("change", "field"), [
    ({"alasan": None}, "pengecualian[0]"),
    ({"alasan": "-"}, "pengecualian[0].alasan"),
    ({"sampai": None}, "pengecualian[0]"),
    ({"disetujui_oleh": ""}, "pengecualian[0].disetujui_oleh"),
    ({"berkas": None}, "pengecualian[0]"),
    ({"kode": None}, "pengecualian[0]"),
    ({"sampai": "31-03-2027"}, "pengecualian[0].sampai"),
    ({"sampai": "2027-02-30"}, "pengecualian[0].sampai"),
    ({"kode": "P9"}, "pengecualian[0].kode"),
    ({"kode": "S001"}, "pengecualian[0].kode"),  # a schema error cannot be waived
    ({"kode": "Y003"}, "pengecualian[0].kode"),
    ({"berkas": "data/inovasi/dispendukcapil/tidak-ada.yaml"}, "pengecualian[0].berkas"),
    ({"berkas": "../ooi.yaml"}, "pengecualian[0].berkas"),
    ({"catatan": "x"}, "pengecualian[0].catatan"),
])
def test_an_invalid_waiver_is_an_error_and_does_not_apply(tmp_path, change, field):
    broken = {k: v for k, v in waiver(**change).items() if v is not None}
    result = run_check(tmp_path, broken)
    assert ("R012", "error", field) in codes(result, "ooi.yaml"), codes(result, "ooi.yaml")
    assert [f.waived_by for f in result.findings if f.path == REL] == [""]


def test_a_mistyped_code_or_key_gets_a_suggestion(tmp_path):
    result = run_check(tmp_path, {**waiver(kode="p4"), "sampaii": "2027-01-01"})
    hints = {f.field: f.hint for f in result.findings if f.path == "ooi.yaml"}
    assert hints["pengecualian[0].kode"] == "maksudnya `P4`?"
    assert hints["pengecualian[0].sampaii"] == "maksudnya `sampai`?"


def test_a_waiver_must_be_a_mapping(tmp_path):
    root = make_root(tmp_path, {REL: faulty()}, settings=SETTINGS + "pengecualian:\n  - data/inovasi/x.yaml\n")
    result = check(root, load_settings(root), today=TODAY)
    assert codes(result, "ooi.yaml") == [("R012", "error", "pengecualian[0]")]


def test_an_unused_waiver_is_a_warning(tmp_path):
    result = run_check(tmp_path, waiver(kode="P6"))
    assert codes(result, "ooi.yaml") == [("R013", "warning", "pengecualian[0].kode")]


def test_a_waiver_covers_every_finding_of_its_code_in_its_file_only(tmp_path):
    record = faulty()
    record["prinsip"]["tanpa_konflik_kepentingan"]["pihak_terkait"] = [
        {"nama": "CV Makmur", "peran": "penyedia", "hubungan": "keluarga"}]
    other = "data/inovasi/dispendukcapil/lain.yaml"
    second = {**faulty(), "nama": "Inovasi Lain"}
    # `second` is the same text under another name: kemiripan_maks 1.0 keeps R015 out of this test.
    root = make_root(tmp_path, {REL: record, other: second},
                     settings=settings_with(waiver(), extra="kemiripan_maks: 0.95\n"))
    result = check(root, load_settings(root), today=TODAY)
    assert [bool(f.waived_by) for f in result.findings if f.path == REL] == [True, True]
    assert [bool(f.waived_by) for f in result.findings if f.path == other] == [False]


def test_severity_of_waiver_notices_follows_aturan(tmp_path):
    result = run_check(tmp_path, waiver(kode="P6"), extra="aturan:\n  R013: error\n")
    assert codes(result, "ooi.yaml") == [("R013", "error", "pengecualian[0].kode")]


def test_a_run_over_some_files_applies_waivers_but_reports_on_ooi_yaml_only_if_named(tmp_path):
    result = run_check(tmp_path, waiver(kode="P6"), waiver(), targets=[REL])
    assert codes(result, "ooi.yaml") == [] and result.errors == 0
    result = run_check(tmp_path / "b", waiver(kode="P6"), targets=["ooi.yaml", REL])
    assert codes(result, "ooi.yaml") == [("R013", "warning", "pengecualian[0].kode")]


def test_validate_shows_the_waiver_and_exits_zero(tmp_path):
    root = make_root(tmp_path, {REL: faulty()}, settings=settings_with(waiver()))
    runner = CliRunner()
    text = runner.invoke(app, ["validate", "--root", str(root)], env={"OOI_LANG": None})
    assert text.exit_code == 0, text.output
    assert "error P4 pernyataan bebas konflik kepentingan belum ada [dikecualikan: Kepala Bappelitbangda" in text.output
    data = json.loads(runner.invoke(app, ["validate", "--root", str(root), "--format", "json"]).stdout)
    assert data["ok"] is True and data["errors"] == 0
    assert data["findings"][0]["waived_by"].startswith("Kepala Bappelitbangda")
    sarif = json.loads(runner.invoke(app, ["validate", "--root", str(root), "--format", "sarif"]).stdout)
    assert sarif["runs"][0]["results"][0]["suppressions"][0]["kind"] == "external"


def test_english_waiver_label(tmp_path):
    from ooi import i18n

    i18n.use("en")
    result = run_check(tmp_path, waiver())
    assert result.findings[-1].waived_by.startswith("Kepala Bappelitbangda, until 2027-03-31: ")


def test_a_control_character_in_a_waivers_path_is_r012_not_a_crash(tmp_path):
    result = run_check(tmp_path, waiver(berkas=REL + "\0"))
    assert [(f.code, f.field, f.message) for f in result.findings if f.path == "ooi.yaml"] == [
        ("R012", "pengecualian[0].berkas", "`berkas` memuat karakter kendali U+0000")]
