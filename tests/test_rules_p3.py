"""P3 kualitas pelayanan: SKM on the 25–100 scale (band D warned), complaints, and evidence for a public service."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]
KEYS = "prinsip.kualitas_pelayanan"


def quality(stage: str = "penerapan", **facts) -> dict:
    record = sample(stage)
    principle = record["prinsip"]["kualitas_pelayanan"]
    principle.pop("skm", None)
    principle.update(facts)
    return record


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P3",))


@pytest.mark.parametrize("stage", STAGES)
def test_placeholder_statement_fails_at_every_stage(stage):
    record = sample(stage)
    record["prinsip"]["kualitas_pelayanan"]["uraian"] = "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
    assert_findings(record, [("P3", f"{KEYS}.uraian")])


@pytest.mark.parametrize(("value", "expected"), [
    (24.99, [("P3", f"{KEYS}.skm.nilai")]),
    (25, [("P3", f"{KEYS}.skm.nilai", "warning")]),  # the scale's floor is in band D
    (64.99, [("P3", f"{KEYS}.skm.nilai", "warning")]),
    (64.995, [("P3", f"{KEYS}.skm.nilai", "warning")]),  # between the printed bands: still D
    (65.00, []),
    (88.31, []),
    (100, []),
    (100.01, [("P3", f"{KEYS}.skm.nilai")]),
])
@pytest.mark.parametrize("stage", STAGES)
def test_skm_scale_and_band_d_at_every_stage(stage, value, expected):
    assert_findings(quality(stage, skm={"nilai": value, "tahun": 2023}), expected, codes=("P3",))


def test_skm_year_must_have_come_and_follow_the_innovation():
    assert_findings(quality(skm={"nilai": 86.4, "tahun": 2027}), [("P3", f"{KEYS}.skm.tahun")])
    found = assert_findings(quality(skm={"nilai": 86.4, "tahun": 2019}), [("P3", f"{KEYS}.skm.tahun", "warning")])
    assert "2020-03-02" in found[0].message  # the pilot of the sample


def test_a_public_service_in_force_shows_skm_or_complaints():
    assert_findings(quality(), [("P3", KEYS)])
    assert_findings(quality(pengaduan={"masuk": 40, "selesai": 38}), [], codes=("P3",))
    assert_findings(quality(pengaduan={"masuk": 0, "selesai": 0}), [], codes=("P3",))


@pytest.mark.parametrize(("stage", "form"), [("uji_coba", "pelayanan_publik"), ("inisiatif", "pelayanan_publik"),
                                              ("penerapan", "tata_kelola"), ("penerapan", "lainnya")])
def test_evidence_is_asked_only_of_a_public_service_in_force(stage, form):
    record = quality(stage)
    record["bentuk"] = form
    assert_findings(record, [], codes=("P3",))


@pytest.mark.parametrize(("received", "resolved", "expected"), [
    (10, 11, [("P3", f"{KEYS}.pengaduan.selesai")]),
    (10, 8, []),  # 80%: the edge
    (10, 7, [("P3", f"{KEYS}.pengaduan.selesai", "warning")]),
])
def test_complaints_resolved(received, resolved, expected):
    assert_findings(quality(pengaduan={"masuk": received, "selesai": resolved}), expected, codes=("P3",))
