"""No second wave: the first `ooi validate` of a new record already names every field a later round will."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import AGENCY, make_root, sample

from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.input.loading import load
from ooi.model.records import TAHAPAN, Agency
from ooi.workflow import template

REL = "data/inovasi/dispendukcapil/layanan-baru.yaml"
TODAY = date(2023, 12, 1)


def keys_of(field: str) -> tuple:
    """`bukti[0].tautan` → ("bukti", 0, "tautan")."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", field))


def findings_of(root) -> dict[tuple, str]:
    """Field → code of every finding in the record."""
    return {keys_of(f.field): f.code for f in check(root, load_settings(root), today=TODAY).findings if f.path == REL}


def at(data, keys):
    for key in keys:
        data = data[key]
    return data


def put(data, keys, value) -> None:
    at(data, keys[:-1])[keys[-1]] = value


def covered(keys: tuple, earlier: set[tuple]) -> bool:
    return any(keys[:len(other)] == other or other[:len(keys)] == keys for other in earlier)


@pytest.mark.parametrize("stage", TAHAPAN)
def test_every_field_flagged_after_the_basics_was_flagged_in_round_one(tmp_path, stage):
    text = template.render(Agency.model_validate(AGENCY), "Layanan Baru", stage, TODAY)
    first = findings_of(make_root(tmp_path / "one", {REL: text}))
    # Round two: every schema finding of round one fixed with a sample's value; statements still blank.
    data, good = load(make_root(tmp_path / "tmp", {REL: text}) / REL).data, sample(stage)
    for keys in [keys for keys, code in first.items() if code[0] == "S"]:
        try:
            put(data, keys, at(good, keys))
        except (KeyError, IndexError, TypeError):
            continue
    second = findings_of(make_root(tmp_path / "two", {REL: data}))
    assert {keys for keys in second if keys[-1] == "uraian"} == {("prinsip", key, "uraian") for key in good["prinsip"]}
    assert all(covered(keys, first) for keys in second), sorted(map(str, second.keys() - first.keys()))
    statements = {("prinsip", key, "uraian") for key in good["prinsip"]}
    assert statements <= first.keys()


def test_a_record_the_schema_rejects_is_still_judged_and_each_problem_said_once(tmp_path):
    data = sample("uji_coba")
    data["penanggung_jawab"]["nip"] = "19750812 200003 2 004"  # S005, and P8 must not judge it again
    data["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"] = "ya"  # S003, and P4 must not say it is missing
    data["penerima_manfaat"]["jumlah"] = "200 orang"  # S003, and P5 must not compare it with 0
    data["tujuan"] = "ada"  # S010 placeholder, judged although the schema failed
    data["prinsip"]["efisiensi"]["uraian"] = "-"  # P1 placeholder
    data["prinsip"]["kepatutan"]["uraian"] = data["prinsip"]["kepentingan_umum"]["uraian"]  # P7 copied from P5
    root = make_root(tmp_path, {REL: data})
    found = [(f.code, f.field) for f in check(root, load_settings(root), today=TODAY).findings]
    assert found == [
        ("S010", "tujuan"),
        ("S003", "penerima_manfaat.jumlah"),
        ("S005", "penanggung_jawab.nip"),
        ("P1", "prinsip.efisiensi.uraian"),
        ("S003", "prinsip.tanpa_konflik_kepentingan.pernyataan"),
        ("P7", "prinsip.kepatutan.uraian"),
    ]


def test_a_rejected_value_stops_only_the_check_that_needs_it(tmp_path):
    data = sample("uji_coba")
    data["waktu"]["uji_coba"] = "3 Juli 2023"  # every date check meets this hole first
    data["bukti"][0].pop("berkas", None)
    data["bukti"][0]["tautan"] = "dinsos.batukota.go.id/sk"  # ... and must still be judged (R008)
    data["anggaran"]["jumlah"] = "25.000.000"  # P7's budget check stops here ...
    data["prinsip"]["kepatutan"]["uraian"] = "sudah"  # ... its statement is still judged
    data["penerima_manfaat"]["jumlah"] = "banyak"  # P5's count stops here ...
    data["bentuk"], data["penerima_manfaat"]["kelompok"] = "pelayanan_publik", ["aparatur"]  # ... not its groups
    root = make_root(tmp_path, {REL: data})
    found = [(f.code, f.field) for f in check(root, load_settings(root), today=TODAY).findings]
    assert found == [
        ("P5", "penerima_manfaat.kelompok"),
        ("S003", "penerima_manfaat.jumlah"),
        ("S003", "anggaran.jumlah"),
        ("S006", "waktu.uji_coba"),
        ("R008", "bukti[0].tautan"),
        ("P7", "prinsip.kepatutan.uraian"),
    ]
