"""What is left to do (`ooi show`) judges as of --per, exactly as coverage does."""

from __future__ import annotations

from datetime import date

from conftest import make_root, sample

from ooi.coverage.next_steps import next_steps
from ooi.coverage.tally import summarize, tally
from ooi.engine.checker import check
from ooi.input.config import load_settings


def steps_for(tmp_path, pilot: str, per: str):
    record = sample("uji_coba")
    record["tanggal_lapor"] = "2023-01-10"
    record["waktu"]["uji_coba"] = pilot
    record["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"] = False  # a P4 error holds it back
    root = make_root(tmp_path, files={"data/inovasi/dispendukcapil/contoh.yaml": record})
    coverage = tally(check(root, load_settings(root), records=summarize), 2023, date.fromisoformat(per))
    entry = coverage.find("dispendukcapil")
    return entry.status, next_steps(entry, coverage)


def test_a_faulty_pilot_after_per_would_not_count_yet_so_a_plan_is_asked_for(tmp_path):
    status, steps = steps_for(tmp_path, "2023-09-01", "2023-06-01")
    assert status == "missing"
    assert steps[1:] == [
        "ajukan rencana inovasi 2023 dengan `ooi new --opd dispendukcapil --tahapan inisiatif`",
        "inovasi yang sudah diuji coba pada 2023 dilaporkan dengan `ooi new --opd dispendukcapil --tahapan uji_coba`"]


def test_a_faulty_pilot_before_per_only_needs_its_errors_fixed(tmp_path):
    status, steps = steps_for(tmp_path, "2023-03-01", "2023-06-01")
    assert status == "missing"
    assert steps == ["perbaiki 1 error di data/inovasi/dispendukcapil/contoh.yaml agar terhitung "
                     "(periksa dengan `ooi validate data/inovasi/dispendukcapil/contoh.yaml`)"]
