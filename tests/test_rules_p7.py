"""P7 kepatutan: a numbered, dated legal basis in force at penerapan; a budget that adds up at every stage."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]
KEYS = "prinsip.kepatutan.dasar_hukum"
SK = {"jenis": "sk_kepala_opd", "nomor": "474/123/422.203/2020", "tanggal": "2020-08-24"}


def based_on(stage: str, *acts: dict) -> dict:
    record = sample(stage)
    record["prinsip"]["kepatutan"]["dasar_hukum"] = list(acts)
    return record


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P7",))


@pytest.mark.parametrize("stage", STAGES)
def test_placeholder_statement_fails_at_every_stage(stage):
    record = sample(stage)
    record["prinsip"]["kepatutan"]["uraian"] = "Sesuai ketentuan."
    assert_findings(record, [("P7", "prinsip.kepatutan.uraian")])


@pytest.mark.parametrize(("stage", "expected"), [
    ("inisiatif", []),
    ("uji_coba", []),  # a pilot may run before its decree
    ("penerapan", [("P7", KEYS)]),
])
def test_a_legal_basis_is_required_in_force(stage, expected):
    assert_findings(based_on(stage), expected, codes=("P7",))


@pytest.mark.parametrize("missing", ["nomor", "tanggal"])
def test_the_act_needs_number_and_date(missing):
    act = {k: v for k, v in SK.items() if k != missing}
    assert_findings(based_on("penerapan", act), [("P7", KEYS)])
    assert_findings(based_on("penerapan", {**SK, "nomor": "-"}), [("P7", KEYS)])
    found = assert_findings(based_on("penerapan", SK, act), [("P7", f"{KEYS}[1].{missing}", "warning")])
    assert "ke-2" in found[0].message


def test_the_act_must_be_in_force_today():
    today_act = {**SK, "tanggal": "2026-11-28"}
    assert_findings(based_on("penerapan", today_act), [("P7", f"{KEYS}[0].tanggal", "warning")], codes=("P7",))
    found = assert_findings(based_on("penerapan", {**SK, "tanggal": "2026-11-29"}), [("P7", KEYS)], codes=("P7",))
    assert "belum berlaku" in found[0].message


def test_an_act_signed_after_the_start_is_a_warning():
    # the sample is in force from 2020-09-01
    assert_findings(based_on("penerapan", {**SK, "tanggal": "2020-09-01"}), [], codes=("P7",))
    assert_findings(based_on("penerapan", {**SK, "tanggal": "2020-09-02"}), [("P7", f"{KEYS}[0].tanggal", "warning")])
    assert_findings(based_on("penerapan", {**SK, "tanggal": "2021-01-04"}, SK), [], codes=("P7",))


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize(("budget", "expected"), [
    ({"sumber": "apbd", "jumlah": 0}, [("P7", "anggaran.jumlah")]),
    ({"sumber": "csr"}, [("P7", "anggaran.jumlah")]),
    ({"sumber": "apbd", "jumlah": 1}, []),
    ({"sumber": "tanpa_anggaran"}, []),
    ({"sumber": "tanpa_anggaran", "jumlah": 0}, []),
    ({"sumber": "tanpa_anggaran", "jumlah": 5000000}, [("P7", "anggaran.jumlah")]),
])
def test_budget_adds_up_at_every_stage(stage, budget, expected):
    record = sample(stage)
    record["anggaran"] = budget
    assert_findings(record, expected, codes=("P7",))
