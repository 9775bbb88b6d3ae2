"""IID catalogues and scoring (SPEC §14): Σ weight × level, the maximum, the estimate and `ooi iid`."""

import json

import pytest
from conftest import make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.coverage.iid_scores import best_raise, score, scores
from ooi.model import iid_catalogue
from ooi.schema.validation import validate_innovation

CATALOGUE = iid_catalogue.catalogue(2023)
WEIGHTS = {"regulasi": 3, "sdm": 2, "anggaran": 2, "alat_kerja": 2, "bimtek": 1, "rkpd": 2, "aktor": 1,
           "pelaksana": 1, "jejaring": 1, "sosialisasi": 1, "pedoman_teknis": 1, "informasi_layanan": 1,
           "kemudahan_proses": 2, "pengaduan": 1, "layanan_terintegrasi": 2, "replikasi": 3, "kecepatan": 2,
           "kemanfaatan": 3, "monev": 2, "video": 4}


def record(stage: str = "penerapan", **claims):
    data = sample(stage)
    data["iid"] = {key: {"level": level, "bukti": [0]} for key, level in claims.items()}
    validated, problems = validate_innovation(data)
    assert validated is not None, problems
    return validated


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_every_catalogue_has_the_twenty_indicators_and_a_maximum_of_111(year):
    chosen = iid_catalogue.catalogue(year)
    assert chosen.siklus == year and chosen.maksimum == 111
    assert {item.kunci: item.bobot for item in chosen.indicators} == WEIGHTS
    assert [item.nomor for item in chosen.indicators] == list(range(16, 36))
    assert [item.kunci for item in chosen.indicators if item.wajib] == ["regulasi", "sdm", "kecepatan",
                                                                        "kemanfaatan", "video"]
    assert all(set(item.tingkat) == {1, 2, 3} and item.sumber and item.keyakinan in ("tinggi", "sedang", "rendah")
               for item in chosen.indicators)
    assert [band.nama for band in chosen.bands] == ["Sangat Inovatif", "Inovatif", "Kurang Inovatif",
                                                    "Tidak Dapat Dinilai"]


def test_the_2025_predikat_are_marked_low_confidence():
    assert iid_catalogue.catalogue(2025).bands_keyakinan == "rendah" and iid_catalogue.catalogue(2024).bands_keyakinan == "tinggi"


def test_nearest_catalogue():
    assert (iid_catalogue.nearest(2023), iid_catalogue.nearest(2026), iid_catalogue.nearest(2020), iid_catalogue.nearest(None)) == (2023, 2025, 2023, 2025)


@pytest.mark.parametrize("kunci", sorted(WEIGHTS))
@pytest.mark.parametrize("level", [1, 2, 3])
def test_score_is_weight_times_level_per_indicator(kunci, level):
    assert score(record(**{kunci: level}), CATALOGUE) == WEIGHTS[kunci] * level


def test_score_sums_the_indicators_and_ignores_unknown_keys():
    assert score(record(regulasi=1, video=3, sdm=2, unknown=3), CATALOGUE) == 3 + 12 + 4
    assert score(record(**{key: 3 for key in WEIGHTS}), CATALOGUE) == 111
    assert score(record(), CATALOGUE) == 0


def test_plans_score_nothing():
    assert score(record("inisiatif", regulasi=3), CATALOGUE) == 0
    assert score(record("uji_coba", regulasi=3), CATALOGUE) == 9


@pytest.mark.parametrize(("percent", "predikat"), [
    (100, "Sangat Inovatif"), (60.01, "Sangat Inovatif"), (60.004, "Inovatif"), (60, "Inovatif"),
    (35, "Inovatif"), (34.99, "Kurang Inovatif"), (0.01, "Kurang Inovatif"), (0.004, "Tidak Dapat Dinilai"),
    (0, "Tidak Dapat Dinilai"),
])
def test_predikat_bands(percent, predikat):
    assert CATALOGUE.predikat(percent) == predikat


def test_the_raise_that_adds_most():
    assert best_raise({}, CATALOGUE) == best_raise({}, CATALOGUE)
    top = best_raise({}, CATALOGUE)
    assert (top.kunci, top.dari, top.tambah) == ("video", 0, 12)
    step = best_raise({"video": 3}, CATALOGUE)  # regulasi, replikasi, kemanfaatan add 9: mandatory first, in order
    assert (step.kunci, step.tambah) == ("regulasi", 9)
    assert best_raise({key: 3 for key in WEIGHTS}, CATALOGUE) is None


def test_scores_and_the_estimate():
    records = [("a.yaml", record(regulasi=3, video=3)), ("b.yaml", record("uji_coba", sdm=1)),
               ("c.yaml", record("inisiatif", regulasi=3))]
    result = scores(records, CATALOGUE)
    assert [(s.path, s.skor, s.wajib_kurang) for s in result.innovations] == [
        ("a.yaml", 21, ("sdm", "kecepatan", "kemanfaatan")),
        ("b.yaml", 2, ("regulasi", "kecepatan", "kemanfaatan", "video"))]
    assert result.plans == 1
    assert result.perkiraan == round(100 * 11.5 / 111, 2) == 10.36
    assert result.predikat == "Kurang Inovatif"
    empty = scores([], CATALOGUE)
    assert (empty.perkiraan, empty.predikat) == (0.0, "Tidak Dapat Dinilai")


def run(*args):
    return CliRunner().invoke(app, ["iid", *args], env={"OOI_LANG": None, "OOI_ROOT": None})


@pytest.fixture
def root(tmp_path):
    claimed = sample("penerapan")
    claimed["iid"] = {"regulasi": {"level": 1, "bukti": [0]}, "video": {"level": 2, "bukti": [0]}}
    return make_root(tmp_path, {"data/inovasi/dispendukcapil/penak-pkk.yaml": claimed,
                                "data/inovasi/dispendukcapil/rencana.yaml": sample("inisiatif")})


def test_ooi_iid_json_has_exactly_the_pinned_keys(root):
    outcome = run("--root", str(root), "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    assert json.loads(outcome.stdout) == {
        "siklus": 2023, "maksimum": 111,
        "innovations": [{"path": "data/inovasi/dispendukcapil/penak-pkk.yaml",
                         "nama": "PENAK PKK (Pelayanan Akta Kelahiran Kolektif melalui TP PKK)",
                         "opd": "dispendukcapil", "tahapan": "penerapan", "skor": 3,
                         "wajib_kurang": ["sdm", "kecepatan", "kemanfaatan", "video"]}],
        "perkiraan": {"skor": 2.7, "predikat": "Kurang Inovatif"}}  # video's claim is an error (I002): 0, not 8


def test_ooi_iid_table_and_markdown_say_it_is_an_estimate(root):
    table = run("--root", str(root), "--siklus", "2024").stdout
    assert "Indeks Inovasi Daerah (IID) · siklus 2024 · skor maksimum 111 per inovasi" in table
    assert "3/111" in table and "video 0→3 (+12)" in table  # its claim in error counts as none
    assert "Perkiraan daerah: 2,70% → Kurang Inovatif" in table
    assert "tanpa aspek SPD" in table and "1 rencana (inisiatif) tidak diberi skor." in table
    markdown = run("--root", str(root), "--format", "markdown", "--lang", "en").stdout
    assert "| 1 | PENAK PKK (Pelayanan Akta Kelahiran Kolektif melalui TP PKK) " in markdown
    assert "**Regional estimate: 2.70% → Kurang Inovatif" in markdown and "region-level (SPD)" in markdown


def test_ooi_iid_for_one_agency_and_bad_input(root):
    assert json.loads(run("dispendukcapil", "--root", str(root), "-f", "json").stdout)["innovations"]
    outcome = run("dinkes", "--root", str(root))
    assert outcome.exit_code == 2 and "OPD `dinkes` tidak terdaftar; daftar kode ada di data/opd/" in outcome.output
    assert json.loads(run("Dispendukcapil", "--root", str(root), "-f", "json").stdout)["innovations"]
    assert "OPD `dispendukcapi` tidak terdaftar (maksudnya `dispendukcapil`?)" in run("dispendukcapi", "--root", str(root)).output
    outcome = run("--root", str(root), "--siklus", "2019")
    assert outcome.exit_code == 2
    assert "--siklus 2019: belum ada katalog IID untuk tahun itu; tersedia: 2023, 2024, 2025" in outcome.output
    assert run("--root", str(root), "--format", "xml").exit_code == 2


def test_a_claim_that_is_an_error_scores_nothing_and_the_others_still_do(tmp_path):
    claimed = sample("penerapan")
    # regulasi 3 asks for a Perda; the record's legal basis is an SK (level 1): I004, an error, scores nothing.
    claimed["iid"] = {"regulasi": {"level": 3, "bukti": [0]}, "sdm": {"level": 1, "bukti": [0]}}
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/penak-pkk.yaml": claimed})
    found = json.loads(run("--root", str(root), "-f", "json").stdout)
    assert found["innovations"][0]["skor"] == 2  # sdm 1 × 2; not 9 more for the unsupported regulasi 3
    assert found["perkiraan"]["skor"] == round(100 * 2 / 111, 2)


def test_a_record_of_no_registered_agency_is_listed_but_left_out_of_the_estimate(tmp_path):
    claimed = sample("penerapan")
    claimed["iid"] = {"regulasi": {"level": 1, "bukti": [0]}}
    stray = dict(claimed, opd="tanpa-opd")
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/penak-pkk.yaml": claimed,
                                "data/inovasi/tanpa-opd/penak-pkk.yaml": stray})
    found = json.loads(run("--root", str(root), "-f", "json").stdout)
    assert [(i["path"], i["skor"]) for i in found["innovations"]] == [
        ("data/inovasi/dispendukcapil/penak-pkk.yaml", 3), ("data/inovasi/tanpa-opd/penak-pkk.yaml", 3)]
    assert found["perkiraan"]["skor"] == round(100 * 3 / 111, 2)  # the mean of the registered one alone
    table = run("--root", str(root)).stdout
    assert "3/111*" in table and "1 inovasi bertanda * tidak masuk perkiraan" in table
    assert "rata-rata skor 1 inovasi" in table


def test_with_no_claims_it_says_so_once_and_suggests_what_the_record_supports(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/penak-pkk.yaml": sample("penerapan")})
    table = run("--root", str(root), "--siklus", "2024").stdout
    assert table.count("Belum ada inovasi yang mengklaim indikator IID") == 1
    # Its legal basis is an SK of the agency's head (regulasi level 1), cited by evidence 0 of kind `regulasi`.
    result = scores([("a.yaml", _unclaimed())], iid_catalogue.catalogue(2024))
    saran = {s.kunci: (s.level, s.bukti) for s in result.innovations[0].saran}
    assert saran["regulasi"] == (1, (0,)) and "video" not in saran  # no video or link among its evidence
    assert (result.innovations[0].skor, result.perkiraan, result.claimed) == (0, 0.0, False)  # never counted
    assert "regulasi 1" in table and "bila dikonfirmasi" in table and "0/111" in table


def _unclaimed():
    validated, problems = validate_innovation(sample("penerapan"))
    assert validated is not None, problems
    return validated
