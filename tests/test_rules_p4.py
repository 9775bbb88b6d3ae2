"""P4 tanpa konflik kepentingan: the declaration at every stage, and mitigation of close ties."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]
KEYS = "prinsip.tanpa_konflik_kepentingan"


def with_party(stage: str, tie: str, mitigation: str | None = None) -> dict:
    record = sample(stage)
    party = {"nama": "CV Sumber Makmur", "peran": "penyedia cetak formulir", "hubungan": tie}
    if mitigation is not None:
        party["mitigasi"] = mitigation
    record["prinsip"]["tanpa_konflik_kepentingan"]["pihak_terkait"] = [party]
    return record


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P4",))


@pytest.mark.parametrize("stage", STAGES)
def test_missing_declaration_fails_at_every_stage(stage):
    record = sample(stage)
    del record["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"]
    found = assert_findings(record, [("P4", f"{KEYS}.pernyataan")])
    assert found[0].message == "pernyataan bebas konflik kepentingan belum ada"  # SPEC §7's own example
    assert "pernyataan: true" in found[0].hint


@pytest.mark.parametrize("stage", STAGES)
def test_a_false_declaration_fails(stage):
    record = sample(stage)
    record["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"] = False
    assert_findings(record, [("P4", f"{KEYS}.pernyataan")])


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("tie", ["keluarga", "kepemilikan"])
def test_family_or_ownership_needs_a_mitigation(stage, tie):
    assert_findings(with_party(stage, tie), [("P4", f"{KEYS}.pihak_terkait[0].mitigasi")])
    assert_findings(with_party(stage, tie, "-"), [("P4", f"{KEYS}.pihak_terkait[0].mitigasi")])
    assert_findings(with_party(stage, tie, "Tidak ikut memilih penyedia; pengadaan lewat e-katalog."), [],
                    codes=("P4",))


@pytest.mark.parametrize(("tie", "expected"), [
    ("jabatan", [("P4", f"{KEYS}.pihak_terkait[0].mitigasi", "warning")]),
    ("lainnya", [("P4", f"{KEYS}.pihak_terkait[0].mitigasi", "warning")]),
    ("tidak_ada", []),
])
def test_other_ties_are_advised_a_mitigation(tie, expected):
    assert_findings(with_party("penerapan", tie), expected, codes=("P4",))


def test_placeholder_statement_is_an_error():
    record = sample("penerapan")
    record["prinsip"]["tanpa_konflik_kepentingan"]["uraian"] = "Tidak ada."
    assert_findings(record, [("P4", f"{KEYS}.uraian")])
