"""P2 efektivitas: a real statement; in force, a target and a realisation, warned when under target."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]
KEYS = "prinsip.efektivitas"


def effect(stage: str, **facts) -> dict:
    record = sample(stage)
    principle = record["prinsip"]["efektivitas"]
    principle.pop("target", None)
    principle.pop("realisasi", None)
    principle.update({k: v for k, v in facts.items() if v is not None})
    return record


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P2",))


@pytest.mark.parametrize("stage", STAGES)
def test_placeholder_statement_fails_at_every_stage(stage):
    record = sample(stage)
    record["prinsip"]["efektivitas"]["uraian"] = "-"
    assert_findings(record, [("P2", f"{KEYS}.uraian")])


@pytest.mark.parametrize("stage", ["inisiatif", "uji_coba"])
def test_before_penerapan_no_target_or_realisation_is_asked(stage):
    assert_findings(effect(stage), [], codes=("P2",))


def test_in_force_target_and_realisation_are_required():
    assert_findings(effect("penerapan"), [("P2", f"{KEYS}.target"), ("P2", f"{KEYS}.realisasi")])
    assert_findings(effect("penerapan", target=97), [("P2", f"{KEYS}.realisasi")])
    assert_findings(effect("penerapan", realisasi=97.6), [("P2", f"{KEYS}.target")])


@pytest.mark.parametrize(("realisation", "expected"), [
    (96.99, [("P2", f"{KEYS}.realisasi", "warning")]),  # just under the target
    (97, []),
    (120, []),
])
def test_realisation_against_target(realisation, expected):
    found = assert_findings(effect("penerapan", target=97, realisasi=realisation), expected, codes=("P2",))
    assert all("96.99 di bawah target 97 persen" in f.message for f in found)


@pytest.mark.parametrize("stage", STAGES)
def test_target_must_be_the_output_indicator_target(stage):
    record = sample(stage)
    record["prinsip"]["efektivitas"]["target"] = record["keluaran"]["target"] - 1
    found = assert_findings(record, [("P2", f"{KEYS}.target", "warning")], codes=("P2",))
    assert "keluaran.target" in found[0].message
