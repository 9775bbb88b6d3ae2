"""`ooi show KODE`: one agency's records, how each counts, findings with hints, and what is left to do."""

from __future__ import annotations

import pytest
from test_status_cli import WHEN, assert_golden, golden_root, run


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> str:
    return str(golden_root(tmp_path_factory.mktemp("show")))


def show(root: str, kode: str, *args):
    return run("show", kode, "--root", root, *WHEN, *args)


@pytest.mark.parametrize(("kode", "lang"), [("disparta", "id"), ("dinkes", "id"), ("setda", "id"),
                                            ("disparta", "en")])
def test_golden_output(root, kode, lang):
    outcome = show(root, kode, "--lang", lang)
    assert outcome.exit_code == 0, outcome.output
    assert_golden(f"show.{kode}{'' if lang == 'id' else '.' + lang}.txt", outcome.stdout)


def test_records_findings_and_what_to_fix(root):
    text = show(root, "disparta").stdout
    assert "Status 2023 per 2023-06-30: ● Sudah melapor" in text
    assert "SIP BANGET · uji coba · dilapor 2023-01-20 · uji coba 2022-03-01" in text
    assert "terhitung sebagai inovasi 2022" in text
    assert "data/inovasi/disparta/rusak.yaml" in text and "tidak terbaca sebagai rekaman: 1 error" in text
    assert "warning R004" in text and "saran:" in text
    assert "perbaiki 1 error di data/inovasi/disparta/rusak.yaml agar terhitung" in text
    assert "ajukan rencana inovasi 2023 dengan `ooi new --opd disparta --tahapan inisiatif`" in text


def test_each_status_says_what_is_left(root):
    planned = show(root, "dinkes").stdout
    assert "◆ terhitung: rencana untuk 2023" in planned
    assert "dilapor setelah 2023-06-30: diabaikan" in planned  # the pilot filed in August
    assert "ubah `tahapan: uji_coba`" in planned
    achieved = show(root, "dispendukcapil").stdout
    assert "target 2023 sudah tercapai" in achieved and "ooi new" not in achieved
    assert "tahun 2020 di luar jendela 2021–2023" in achieved
    missing = show(root, "setda").stdout
    assert "belum ada berkas di data/inovasi/setda/" in missing
    assert "`ooi new --opd setda --tahapan inisiatif`" in missing
    ended = show(root, "dinlama").stdout
    assert "Tidak aktif per 2023-06-30" in ended and "ooi new" not in ended


def test_a_kelurahan_names_its_kecamatan(root):
    assert "Kelurahan Sisir (kel-sisir) · kelurahan · induk kec-batu" in show(root, "kel-sisir").stdout


@pytest.mark.parametrize(("kode", "suggestion"), [("disprata", "disparta"), ("Dinkes", "dinkes"),
                                                  ("kel-sisr", "kel-sisir")])
def test_unknown_agency_suggests_the_nearest(root, kode, suggestion):
    outcome = show(root, kode)
    assert outcome.exit_code == 2, outcome.output
    assert f"OPD `{kode}` tidak terdaftar (maksudnya `{suggestion}`?)" in outcome.stderr


def test_unknown_agency_without_a_near_match(root):
    outcome = show(root, "zzzzzz", "--lang", "en")
    assert outcome.exit_code == 2
    assert "agency `zzzzzz` is not registered; the codes are in data/opd/" in outcome.stderr


def test_a_plan_held_back_by_errors_is_fixed_rather_than_filed_again(tmp_path):
    from conftest import make_root, sample

    faulty = sample("inisiatif")
    faulty["urusan"] = {"utama": "9.99"}
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/siap-antar.yaml": faulty})
    text = run("show", "dispendukcapil", "--root", str(root), *WHEN).stdout
    assert "perbaiki 1 error di data/inovasi/dispendukcapil/siap-antar.yaml agar terhitung" in text
    assert "ooi new" not in text
