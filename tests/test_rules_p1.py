"""P1 efisiensi: a real statement; from the pilot on, before/after measures that did not get worse."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]
MEASURES = "prinsip.efisiensi.ukuran"


def with_measures(stage: str, *measures: dict) -> dict:
    record = sample(stage)
    record["prinsip"]["efisiensi"]["ukuran"] = list(measures)
    return record


def measure(before, after, direction="turun"):
    return {"indikator": "waktu layanan", "satuan": "hari", "sebelum": before, "sesudah": after, "arah": direction}


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P1",))


@pytest.mark.parametrize("stage", STAGES)
def test_placeholder_statement_fails_at_every_stage(stage):
    record = sample(stage)
    record["prinsip"]["efisiensi"]["uraian"] = "sudah"
    assert_findings(record, [("P1", "prinsip.efisiensi.uraian")])


@pytest.mark.parametrize(("stage", "expected"), [
    ("inisiatif", []),  # a plan has nothing to measure yet
    ("uji_coba", [("P1", MEASURES)]),
    ("penerapan", [("P1", MEASURES)]),
])
def test_measures_are_required_from_the_pilot_on(stage, expected):
    found = assert_findings(with_measures(stage), expected)
    assert all("uji_coba" in f.message for f in found)


@pytest.mark.parametrize("stage", STAGES)
def test_a_measure_that_got_worse_is_an_error(stage):
    assert_findings(with_measures(stage, measure(3, 7)), [("P1", f"{MEASURES}[0]")])


def test_direction_naik_reads_larger_as_better():
    assert_findings(with_measures("penerapan", measure(20, 75, "naik")), [], codes=("P1",))
    found = assert_findings(with_measures("penerapan", measure(75, 20, "naik")), [("P1", f"{MEASURES}[0]")])
    assert "75 → 20" in found[0].message and "naik" in found[0].message


def test_the_edge_of_turun_and_an_unchanged_measure():
    assert_findings(with_measures("penerapan", measure(7, 6.99)), [], codes=("P1",))
    assert_findings(with_measures("penerapan", measure(7, 7)), [("P1", f"{MEASURES}[0]", "warning")])


def test_each_measure_is_judged_on_its_own():
    record = with_measures("penerapan", measure(7, 3), measure(10, 12), measure(5, 5, "naik"))
    assert_findings(record, [("P1", f"{MEASURES}[1]"), ("P1", f"{MEASURES}[2]", "warning")])
