"""P5 kepentingan umum: beneficiaries counted above 0, and a public service serves more than civil servants."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]


def serving(stage: str, groups: list[str], count: int = 300, form: str = "pelayanan_publik") -> dict:
    record = sample(stage)
    record["bentuk"] = form
    record["penerima_manfaat"].update(kelompok=groups, jumlah=count)
    return record


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P5",))


@pytest.mark.parametrize("stage", STAGES)
def test_placeholder_statement_fails_at_every_stage(stage):
    record = sample(stage)
    record["prinsip"]["kepentingan_umum"]["uraian"] = "Untuk kepentingan umum."
    found = assert_findings(record, [("P5", "prinsip.kepentingan_umum.uraian")])
    assert "3 kata" in found[0].message and "minimal 6" in found[0].message


@pytest.mark.parametrize("stage", STAGES)
def test_no_beneficiaries_fails_at_every_stage(stage):
    assert_findings(serving(stage, ["masyarakat"], 0), [("P5", "penerima_manfaat.jumlah")])
    assert_findings(serving(stage, ["masyarakat"], 1), [], codes=("P5",))


@pytest.mark.parametrize("stage", STAGES)
def test_public_service_for_civil_servants_alone_fails(stage):
    assert_findings(serving(stage, ["aparatur"]), [("P5", "penerima_manfaat.kelompok")])


@pytest.mark.parametrize(("groups", "form"), [
    (["aparatur", "masyarakat"], "pelayanan_publik"),
    (["aparatur"], "tata_kelola"),  # an internal innovation may serve the staff
])
def test_who_may_benefit(groups, form):
    assert_findings(serving("penerapan", groups, form=form), [], codes=("P5",))
