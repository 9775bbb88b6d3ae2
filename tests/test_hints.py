"""Hints that give the answer: each rule with its inputs, and the hint `ooi validate` prints for it."""

from __future__ import annotations

import pytest
from conftest import make_root, sample

from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.model.facts import synonyms
from ooi.model.records import Bukti, DasarHukum
from ooi.schema.hints import choice_meant, date_meant, nip_meant, number_meant

REL = "data/inovasi/dispendukcapil/x.yaml"
EVIDENCE = Bukti.model_fields["jenis"].annotation.__args__
ACTS = DasarHukum.model_fields["jenis"].annotation.__args__


@pytest.mark.parametrize(("written", "meant"), [
    ("3 Juli 2023", "2023-07-03"), ("03/07/2023", "2023-07-03"), ("3-7-2023", "2023-07-03"),
    ("3.7.2023", "2023-07-03"), ("2023/7/3", "2023-07-03"), ("2023-7-3", "2023-07-03"),
    ("3 Jul 2023", "2023-07-03"), ("Senin, 3 Juli 2023", "2023-07-03"), ("tanggal 17 Agustus 2023", "2023-08-17"),
    ("1 Pebruari 2024", "2024-02-01"), ("31 Desember 2022", "2022-12-31"),
    ("31/02/2023", None), ("3 Jali 2023", None), ("07/03", None), ("kemarin", None), (20230703, None),
])
def test_dates_written_the_indonesian_way(written, meant):
    assert date_meant(written) == meant


@pytest.mark.parametrize(("written", "meant"), [
    ("19750812 200003 2 004", "197508122000032004"), ("19750812.200003.2.004", "197508122000032004"),
    ("NIP. 19750812 200003 2 004", "197508122000032004"), ("19750812-200003-2-004", "197508122000032004"),
    ("197508122000032004", None), ("19750812 200003 2 04", None), ("Siti", None), (None, None),
])
def test_a_nip_as_printed_on_the_decree(written, meant):
    assert nip_meant(written) == meant


@pytest.mark.parametrize(("written", "whole", "meant"), [
    ("200 orang", True, 200), ("25.000.000", True, 25_000_000), ("Rp 25.000.000,-", True, 25_000_000),
    ("Rp25 juta", True, 25_000_000), ("1,5 juta", True, 1_500_000), ("± 300 warga", True, 300),
    ("83,5", False, 83.5), ("83.5", False, 83.5), ("83,5", True, None), ("200-300 orang", True, None),
    ("banyak", True, None), ("1.2.3", True, None), (200, True, None),
])
def test_numbers_with_units_or_thousands_separators(written, whole, meant):
    assert number_meant(written, whole=whole) == meant


@pytest.mark.parametrize(("written", "meant"), [
    ("SK", ("regulasi", True)), ("SK Kepala Dinas", ("regulasi", True)), ("Keputusan", ("regulasi", True)),
    ("Perwali", ("regulasi", True)), ("Perda", ("regulasi", True)), ("Surat Tugas", ("sk_tim", True)),
    ("SK Tim Pelaksana Inovasi", ("sk_tim", True)), ("Keputusan Kepala Dinas Sosial No. 5", ("regulasi", True)),
    ("Survei Kepuasan Masyarakat", ("skm", True)), ("Laporan Monev", ("laporan_monev", True)),
    ("link", ("tautan", True)), ("regulsi", ("regulasi", False)), ("lapoan_monev", ("laporan_monev", False)),
    ("skn", (None, False)), ("IKM", ("skm", True)), ("brosur", (None, False)),
])
def test_evidence_kinds_by_meaning_not_by_spelling(written, meant):
    assert choice_meant("bukti.jenis", written, EVIDENCE) == meant


def test_a_word_of_the_table_is_never_turned_into_a_lookalike():
    # `SK` is two letters from `skm` (a satisfaction survey): it must never be suggested.
    assert choice_meant("bukti.jenis", "SK", EVIDENCE)[0] != "skm"
    assert choice_meant("prinsip.kepatutan.dasar_hukum.jenis", "SK", ACTS) == (None, False)
    assert choice_meant("prinsip.kepatutan.dasar_hukum.jenis", "SK Kepala Dinas", ACTS) == ("sk_kepala_opd", True)
    assert choice_meant("prinsip.kepatutan.dasar_hukum.jenis", "Peraturan Wali Kota No 36", ACTS) == ("perwali", True)
    assert choice_meant("bentuk", "Pelayanan Publik", ("tata_kelola", "pelayanan_publik", "lainnya")) == \
        ("pelayanan_publik", True)
    assert choice_meant("tahapan", "uji coba", ("inisiatif", "uji_coba", "penerapan")) == ("uji_coba", True)


def test_the_synonym_table_names_only_real_choices_and_no_word_twice_in_a_field():
    known = {"bukti.jenis": EVIDENCE, "prinsip.kepatutan.dasar_hukum.jenis": ACTS}
    for field, table in synonyms().items():
        for choice in table:
            assert choice in known.get(field, (choice,)), (field, choice)
        words = [w.casefold() for c in table.values() for w in c.get("sama", ())]
        assert len(words) == len(set(words)), (field, sorted(w for w in words if words.count(w) > 1))


def hints_for(tmp_path, change) -> list[tuple[str, str, str]]:
    data = sample("uji_coba")
    change(data)
    root = make_root(tmp_path, {REL: data})
    return [(f.code, f.field, f.hint) for f in check(root, load_settings(root)).findings if f.code[0] == "S"]


def test_validate_prints_the_answer(tmp_path):
    def change(data):
        data["waktu"]["uji_coba"] = "3 Juli 2023"
        data["penanggung_jawab"]["nip"] = "19750812 200003 2 004"
        data["penerima_manfaat"]["jumlah"] = "200 orang"
        data["anggaran"]["jumlah"] = "25.000.000"
        data["bukti"][0]["jenis"] = "SK Kepala Dinas"
        data["penerima_manfaat"]["kelompok"] = ["warga"]
        data["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"] = "ya"
        data["bentuk"] = "pelayanan_pubik"
        data["jenis"] = "SK"

    assert hints_for(tmp_path, change) == [
        ("S004", "bentuk", "maksudnya `pelayanan_publik`?"),
        ("S004", "jenis", "pilih salah satu: digital, non_digital"),
        ("S004", "penerima_manfaat.kelompok[0]", "`warga` termasuk `masyarakat`: ganti dengan `masyarakat`"),
        ("S003", "penerima_manfaat.jumlah", "tulis `jumlah: 200` (angka saja, tanpa satuan dan tanpa titik ribuan)"),
        ("S005", "penanggung_jawab.nip", 'tulis `nip: "197508122000032004"` (18 angka tanpa spasi atau titik)'),
        ("S003", "anggaran.jumlah",
         "tulis `jumlah: 25000000` (angka saja, tanpa satuan dan tanpa titik ribuan)"),
        ("S006", "waktu.uji_coba", "tulis `uji_coba: 2023-07-03` (tahun-bulan-tanggal)"),
        ("S004", "bukti[0].jenis", "`SK Kepala Dinas` termasuk `regulasi`: tulis `jenis: regulasi`"),
        ("S003", "prinsip.tanpa_konflik_kepentingan.pernyataan", "tulis `pernyataan: true`"),
    ]


@pytest.mark.parametrize(("link", "message"), [
    ("lihat map di meja Pak Budi", "`lihat map di meja Pak Budi` bukan tautan yang sah"),
    ("http://dinsos.batukota.go.id/sk.pdf", "tautan `http://dinsos.batukota.go.id/sk.pdf` memakai http, bukan https"),
    ("https://192.168.1.10/sk.pdf", "tautan `https://192.168.1.10/sk.pdf` memakai alamat IP, bukan nama domain publik"),
    ("https://dinsos.batukota.go.id/sk.pdf", None),
])
def test_an_evidence_link_is_held_to_the_public_https_rule(tmp_path, link, message):
    data = sample("uji_coba")
    data["bukti"][0].pop("berkas", None)
    data["bukti"][0]["tautan"] = link
    root = make_root(tmp_path, {REL: data})
    found = [(f.code, f.field, f.message) for f in check(root, load_settings(root)).findings]
    assert found == ([("R008", "bukti[0].tautan", message)] if message else [])


@pytest.mark.parametrize(("written", "meant"), [
    ("dinsos.batukota.go.id/sk-bansos", "https://dinsos.batukota.go.id/sk-bansos"),
    ("http://dinsos.batukota.go.id/sk", "https://dinsos.batukota.go.id/sk"),
    ("lihat map di meja Pak Budi", None), ("localhost/x", None), ("https://dinsos.batukota.go.id", None),
])
def test_a_link_written_without_https(written, meant):
    from ooi.schema.hints import link_meant

    assert link_meant(written) == meant


def test_a_link_hint_gives_the_address_only_when_it_would_pass(tmp_path):
    def hint_for(link):
        data = sample("uji_coba")
        data["prinsip"]["keterbukaan"]["publikasi"][0]["tautan"] = link
        root = make_root(tmp_path / str(abs(hash(link))), {REL: data})
        return [f.hint for f in check(root, load_settings(root)).findings if f.field.endswith("[0].tautan")][0]

    assert hint_for("http://dinsos.batukota.go.id/x") == "tulis `tautan: https://dinsos.batukota.go.id/x`"
    assert hint_for("http://192.168.1.10/x").startswith("tulis alamat lengkap laman publik")


def test_a_bad_nip_is_explained_in_the_language_asked(tmp_path):
    from ooi import i18n

    data = sample("uji_coba")
    data["penanggung_jawab"]["nip"] = "19750812 200003 2 004"
    root = make_root(tmp_path, {REL: data})
    i18n.use("en")
    [finding] = [f for f in check(root, load_settings(root)).findings if f.code == "S005"]
    assert (finding.message, finding.hint) == ("NIP `19750812 200003 2 004` is invalid: a NIP has 18 digits",
                                               'write `nip: "197508122000032004"` (18 digits without spaces or dots)')
