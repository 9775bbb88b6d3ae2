"""S010: free texts outside the principles are not placeholders and reach their word counts."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]


def words(n: int) -> str:
    return " ".join(["warga"] * (n - 1) + ["menunggu."])


@pytest.mark.parametrize("stage", STAGES)
def test_samples_pass_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("S010",))


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("key", ["latar_belakang", "rancang_bangun"])
@pytest.mark.parametrize(("count", "expected"), [(14, "error"), (15, "warning"), (24, "warning"), (25, None)])
def test_background_and_design_length(stage, key, count, expected):
    record = sample(stage)
    record[key] = words(count)
    assert_findings(record, [("S010", key, expected)] if expected else [], codes=("S010",))


@pytest.mark.parametrize("text", ["-", "ada", "Sudah.", "lorem ipsum dolor sit amet", "Lorem", "TBD", "...", "n/a"])
@pytest.mark.parametrize("key", ["tujuan", "manfaat", "latar_belakang"])
def test_placeholders_are_errors(key, text):
    record = sample("inisiatif")
    record[key] = text
    found = assert_findings(record, [("S010", key)])
    assert "isian pengganti" in found[0].message


@pytest.mark.parametrize(("count", "expected"), [(3, [("S010", "tujuan")]), (4, [])])
def test_objective_needs_four_words(count, expected):
    record = sample("uji_coba")
    record["tujuan"] = words(count)
    assert_findings(record, expected, codes=("S010",))


def test_results_are_checked_when_present():
    record = sample("penerapan")
    record["hasil"] = "sudah ada"
    assert_findings(record, [("S010", "hasil")])


@pytest.mark.parametrize(("keys", "stage"), [(("keluaran", "indikator"), "penerapan"),
                                             (("penerima_manfaat", "uraian"), "uji_coba"),
                                             (("jadwal", 1, "kegiatan"), "inisiatif")])
def test_short_texts_must_not_be_placeholders(keys, stage):
    record = sample(stage)
    parent = record
    for key in keys[:-1]:
        parent = parent[key]
    parent[keys[-1]] = "-"
    field = ".".join(str(k) for k in keys).replace(".1.", "[1].")
    assert_findings(record, [("S010", field)])


def test_benefit_copied_from_objective_is_a_warning():
    record = sample("penerapan")
    record["manfaat"] = record["tujuan"].upper()
    assert_findings(record, [("S010", "manfaat", "warning")])
