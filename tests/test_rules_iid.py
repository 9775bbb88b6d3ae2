"""I rules: `iid:` claims name real indicators, cite existing and fitting evidence, and fit the record's facts."""

import pytest
from conftest import sample
from rulecase import assert_findings, findings_of

I_CODES = ("I001", "I002", "I003", "I004", "I005", "I006")
LINK = "https://dispendukcapil.batukota.go.id/bukti"
EVIDENCE = [
    {"jenis": "regulasi", "judul": "SK Kepala Dispendukcapil tentang PENAK PKK", "tautan": LINK},
    {"jenis": "sk_tim", "judul": "SK Tim Pelaksana PENAK PKK", "tautan": LINK},
    {"jenis": "laporan_monev", "judul": "Laporan Evaluasi PENAK PKK 2022", "tautan": LINK},
    {"jenis": "video", "judul": "Video PENAK PKK", "tautan": LINK},
]
COMPLETE = {"regulasi": {"level": 1, "bukti": [0]}, "sdm": {"level": 2, "bukti": [1]},
            "kecepatan": {"level": 2, "bukti": [2]}, "kemanfaatan": {"level": 3, "bukti": [2]},
            "video": {"level": 2, "bukti": [3]}}
LONG = " ".join(["Kader PKK menerima berkas akta kelahiran dari warga lalu menyerahkannya ke dinas."] * 25)


def claiming(stage: str = "penerapan", long: bool = True, **claims) -> dict:
    record = sample(stage)
    record["bukti"] = [dict(item) for item in EVIDENCE]
    record["iid"] = claims
    if long:
        record["rancang_bangun"] = LONG
    return record


@pytest.mark.parametrize("stage", ["uji_coba", "penerapan"])
def test_a_record_without_an_iid_block_has_no_i_finding(stage):
    assert_findings(sample(stage), [], codes=I_CODES)


def test_a_complete_claim_passes():
    assert_findings(claiming(**COMPLETE), [], codes=I_CODES)


def test_i001_unknown_indicator_with_a_suggestion():
    found = assert_findings(claiming(**COMPLETE, regulasii={"level": 1, "bukti": [0]}), [("I001", "iid.regulasii")],
                            codes=I_CODES)
    assert found[0].message == "indikator IID `regulasii` tidak dikenal"
    assert found[0].hint == "maksudnya `regulasi`?"
    far = assert_findings(claiming(**COMPLETE, xyz={"level": 1}), [("I001", "iid.xyz")], codes=I_CODES)
    assert far[0].hint.startswith("kunci indikator IID 2023: regulasi, sdm, anggaran, alat_kerja,")


def test_i002_level_without_evidence():
    found = assert_findings(claiming(**{**COMPLETE, "sdm": {"level": 2}}), [("I002", "iid.sdm.bukti")], codes=I_CODES)
    assert found[0].message == "level 2 `sdm` diklaim tanpa bukti"
    assert found[0].hint == ("rujuk bukti dengan nomor indeksnya, mis. `bukti: [0]` (0 = bukti pertama); "
                             "jenis yang cocok: sk_tim, regulasi")


def test_i002_evidence_of_a_kind_that_does_not_fit():
    found = assert_findings(claiming(**{**COMPLETE, "video": {"level": 2, "bukti": [0, 1]}}),
                            [("I002", "iid.video.bukti")], codes=I_CODES)
    assert found[0].message == "bukti `video` berjenis regulasi, sk_tim, tidak cocok untuk indikator ini"
    # one fitting item among others is enough
    assert_findings(claiming(**{**COMPLETE, "video": {"level": 2, "bukti": [0, 3]}}), [], codes=I_CODES)


def test_i003_an_index_that_does_not_exist():
    record = claiming(**{**COMPLETE, "regulasi": {"level": 1, "bukti": [0, 4]}})
    found = assert_findings(record, [("I003", "iid.regulasi.bukti[1]")], codes=I_CODES)
    assert found[0].message == "bukti nomor 4 tidak ada: rekaman ini punya 4 bukti (0–3)"
    # only missing indexes: no I002 on top of I003
    assert_findings(claiming(**{**COMPLETE, "regulasi": {"level": 1, "bukti": [9]}}),
                    [("I003", "iid.regulasi.bukti[0]")], codes=I_CODES)


def test_i003_is_placed_on_the_index():
    record = claiming(**{**COMPLETE, "regulasi": {"level": 1, "bukti": [7]}})
    found = [f for f in findings_of(record) if f.code == "I003"]
    assert (found[0].line, found[0].column) == (len(_head(record, "regulasi")) + 4, 7)  # `    - 7`


def _head(record, key):
    """The dumped lines up to the claim `key` (block style, as conftest.dump writes it)."""
    from conftest import dump

    lines = dump(record).splitlines()
    return lines[:lines.index(f"  {key}:")]


@pytest.mark.parametrize(("jenis", "level", "expected"), [
    ("sk_kepala_opd", 1, []), ("sk_kepala_opd", 2, [("I004", "iid.regulasi.level")]),
    ("sk_wali_kota", 1, []), ("sk_wali_kota", 2, [("I004", "iid.regulasi.level")]),
    ("perwali", 2, []), ("perwali", 3, [("I004", "iid.regulasi.level")]),
    ("perda", 3, []), ("lainnya", 3, []),  # an act the catalogue does not grade: nothing to judge
])
def test_i004_regulasi_level_fits_the_legal_basis(jenis, level, expected):
    record = claiming(**{**COMPLETE, "regulasi": {"level": level, "bukti": [0]}})
    record["prinsip"]["kepatutan"]["dasar_hukum"][0]["jenis"] = jenis
    assert_findings(record, expected, codes=I_CODES)


def test_i004_message_names_the_fact_and_the_level_it_supports():
    record = claiming(**{**COMPLETE, "regulasi": {"level": 3, "bukti": [0]}})
    found = assert_findings(record, [("I004", "iid.regulasi.level")], codes=I_CODES)
    assert found[0].message == ("level 3 `regulasi` tidak sesuai: `prinsip.kepatutan.dasar_hukum.jenis: "
                                "sk_kepala_opd` mendukung paling tinggi level 1")
    assert found[0].hint == ("level 3 berarti: Peraturan daerah (Perda); turunkan ke `level: 1` atau lengkapi "
                             "rekamannya")


def test_i004_a_fact_not_filled_in():
    record = claiming(**{**COMPLETE, "regulasi": {"level": 1, "bukti": [0]}})
    record["prinsip"]["kepatutan"]["dasar_hukum"] = []
    found = assert_findings(record, [("I004", "iid.regulasi.level")], codes=I_CODES)
    assert found[0].message == ("level 1 `regulasi` tidak dapat dicocokkan: `prinsip.kepatutan.dasar_hukum.jenis` "
                                "belum diisi")


@pytest.mark.parametrize(("jenis", "level", "expected"), [
    ("internal", 1, []), ("internal", 2, [("I004", "iid.monev.level")]), ("skm", 2, []),
    ("skm", 3, [("I004", "iid.monev.level")]), ("eksternal", 3, []),
])
def test_i004_monev_level_fits_the_kind_of_evaluation(jenis, level, expected):
    record = claiming(**COMPLETE, monev={"level": level, "bukti": [2]})
    record["prinsip"]["akuntabilitas"]["monev"]["jenis"] = jenis
    assert_findings(record, expected, codes=I_CODES)


@pytest.mark.parametrize(("masuk", "selesai", "level", "expected"), [
    (40, 20, 1, []), (40, 20, 2, [("I004", "iid.pengaduan.level")]),  # 50 %
    (100, 51, 2, []), (100, 51, 3, [("I004", "iid.pengaduan.level")]),
    (100, 91, 3, []), (0, 0, 1, []), (0, 0, 2, [("I004", "iid.pengaduan.level")]),  # none at all is level 1
])
def test_i004_pengaduan_level_fits_the_share_resolved(masuk, selesai, level, expected):
    record = claiming(**COMPLETE, pengaduan={"level": level, "bukti": [2]})
    record["prinsip"]["kualitas_pelayanan"]["pengaduan"] = {"masuk": masuk, "selesai": selesai}
    assert_findings(record, expected, codes=I_CODES)


def test_i005_mandatory_indicators_missing_at_penerapan_only():
    found = assert_findings(claiming(regulasi={"level": 1, "bukti": [0]}), [("I005", "iid", "warning")],
                            codes=I_CODES)
    assert found[0].message == ("indikator IID wajib belum diklaim: sdm, kecepatan, kemanfaatan, video "
                                "(portal memberinya nilai 0)")
    assert found[0].hint.startswith("tambahkan mis. `iid: {sdm: {level: 1, bukti: [0]}}`")
    assert_findings(claiming("uji_coba", regulasi={"level": 1, "bukti": [0]}), [], codes=I_CODES)


def test_i006_short_design_only_with_an_iid_block():
    found = assert_findings(claiming(long=False, **COMPLETE), [("I006", "rancang_bangun", "warning")],
                            codes=I_CODES)
    assert found[0].message == "`rancang_bangun` 34 kata; portal IID meminta minimal 300 kata"
    assert_findings(claiming(**COMPLETE), [], codes=I_CODES)
    without = sample("penerapan")
    assert_findings(without, [], codes=I_CODES)


def test_the_portal_requirements_bind_every_record_when_exporting(tmp_path):
    from conftest import make_root

    from ooi.engine.checker import check
    from ooi.input.config import load_settings

    rel = "data/inovasi/dispendukcapil/penak.yaml"
    root = make_root(tmp_path, {rel: sample("penerapan")})
    found = check(root, load_settings(root), iid_export=True).findings
    assert sorted((f.code, f.field, f.severity.value) for f in found if f.code[0] == "I") == [
        ("I005", "iid", "warning"), ("I006", "rancang_bangun", "warning")]
    assert not [f for f in check(root, load_settings(root)).findings if f.code[0] == "I"]


def test_english_messages():
    from ooi import i18n

    i18n.use("en")
    found = assert_findings(claiming(**{**COMPLETE, "sdm": {"level": 2}}), [("I002", "iid.sdm.bukti")], codes=I_CODES)
    assert found[0].message == "level 2 of `sdm` is claimed without evidence"
