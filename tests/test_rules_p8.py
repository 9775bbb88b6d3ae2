"""P8 akuntabilitas: a plausible person in charge, monev and figures once in force, no self-interest."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]
KEYS = "prinsip.akuntabilitas"
MONEV = {"jenis": "internal", "tanggal": "2022-12-15", "ringkasan": "Evaluasi tahunan capaian akta kelahiran."}


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P8",))


@pytest.mark.parametrize("stage", STAGES)
def test_placeholder_statement_fails_at_every_stage(stage):
    record = sample(stage)
    record["prinsip"]["akuntabilitas"]["uraian"] = "Dapat dipertanggungjawabkan."
    assert_findings(record, [("P8", f"{KEYS}.uraian")])


@pytest.mark.parametrize(("stage", "expected"), [
    ("inisiatif", []),
    ("uji_coba", []),
    ("penerapan", [("P8", f"{KEYS}.monev")]),
])
def test_monev_is_required_in_force(stage, expected):
    record = sample(stage)
    record["prinsip"]["akuntabilitas"].pop("monev", None)
    assert_findings(record, expected, codes=("P8",))


def test_results_in_force_hold_figures():
    record = sample("penerapan")
    record["hasil"] = "Cakupan akta kelahiran anak naik dan warga merasa terbantu."
    assert_findings(record, [("P8", "hasil", "warning")], codes=("P8",))
    uji_coba = sample("uji_coba")
    uji_coba["hasil"] = "Kader PKK sudah mulai mengumpulkan berkas warga."
    assert_findings(uji_coba, [], codes=("P8",))


def test_monev_summary_and_date():
    record = sample("penerapan")
    record["prinsip"]["akuntabilitas"]["monev"] = {**MONEV, "ringkasan": "-"}
    assert_findings(record, [("P8", f"{KEYS}.monev.ringkasan")])
    record["prinsip"]["akuntabilitas"]["monev"] = {**MONEV, "tanggal": "2020-03-01"}  # the pilot began 2020-03-02
    assert_findings(record, [("P8", f"{KEYS}.monev.tanggal", "warning")])
    record["prinsip"]["akuntabilitas"]["monev"] = {**MONEV, "tanggal": "2020-03-02"}
    assert_findings(record, [], codes=("P8",))


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("key", ["nama", "jabatan"])
def test_person_in_charge_is_named_at_every_stage(stage, key):
    record = sample(stage)
    record["penanggung_jawab"][key] = "-"
    assert_findings(record, [("P8", f"penanggung_jawab.{key}")])


@pytest.mark.parametrize(("nip", "expected"), [
    ("197805122005011003", []),
    ("197805121996051003", []),  # appointed the month of turning 18
    ("197805121996041003", [("P8", "penanggung_jawab.nip")]),  # a month short of 18
    ("199001012026111002", []),  # appointed this month
    ("199001012026121002", [("P8", "penanggung_jawab.nip")]),  # appointed next month
])
def test_nip_must_be_plausible(nip, expected):
    record = sample("penerapan")
    record["penanggung_jawab"]["nip"] = nip
    assert_findings(record, expected, codes=("P8",))


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("written", ["Bambang Suprapto", "Drs. BAMBANG SUPRAPTO, M.Si.", "H. Bambang  Suprapto"])
def test_person_in_charge_is_not_a_related_party(stage, written):
    record = sample(stage)
    record["penanggung_jawab"]["nama"] = "Bambang Suprapto, S.H."
    record["prinsip"]["tanpa_konflik_kepentingan"]["pihak_terkait"] = [
        {"nama": "Siti Aminah", "peran": "kader PKK", "hubungan": "tidak_ada"},
        {"nama": written, "peran": "pemilik percetakan formulir", "hubungan": "kepemilikan", "mitigasi": "Tidak ada."},
    ]
    expected = [("P8", "prinsip.tanpa_konflik_kepentingan.pihak_terkait[1].nama")]
    found = assert_findings(record, expected, codes=("P8",))
    assert "Bambang Suprapto" in found[0].message
