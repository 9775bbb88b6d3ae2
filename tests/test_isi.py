"""`ooi isi`'s walk without a terminal: findings become questions, answers are read, judged and saved."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import make_root

from ooi.engine.registry import Registry
from ooi.input.config import load_settings
from ooi.input.loading import load
from ooi.workflow import answers
from ooi.workflow.isi_walk import Walk, typed_hint
from ooi.workflow.template import render

DINSOS = {"kode": "dinsos", "nama": "Dinas Sosial", "singkatan": "Dinsos", "jenis": "dinas", "urusan": ["1.06"]}
PATH = "data/inovasi/dinsos/resik-lansia.yaml"
# What a Dinas Sosial officer answers for a new pilot, question by question.
PILOT = dict([
    ("bentuk", "2"), ("jenis", "non digital"), ("inisiator", "3"), ("urusan.utama", "1"),
    ("latar_belakang", "Banyak lansia di Kota Batu hidup sendiri tanpa pendampingan karena anaknya bekerja di luar "
                       "kota;\npada 2022 tercatat 212 lansia terlantar, dan panti sosial provinsi hanya dapat "
                       "menampung sebagian kecil dari mereka."),
    ("tujuan", "Lansia terlantar dirawat keluarga pendamping di lingkungannya sendiri."),
    ("manfaat", "Lansia tetap tinggal di lingkungan yang dikenalnya dan mendapat perawatan setiap hari."),
    ("rancang_bangun", "Kelurahan mendata lansia terlantar, Dinas Sosial memilih keluarga pendamping dari tetangga "
                       "atau kerabat, keluarga itu dilatih merawat lansia, dan pekerja sosial berkunjung dua kali "
                       "sebulan untuk memantau."),
    ("keluaran.indikator", "Lansia terlantar yang didampingi"), ("keluaran.target", "40"),
    ("keluaran.satuan", "orang"), ("penerima_manfaat.kelompok", "1"),
    ("penerima_manfaat.uraian", "Lansia terlantar dan keluarga pendampingnya"), ("penerima_manfaat.jumlah", "40"),
    ("penanggung_jawab.nama", "Sri Wahyuni"), ("penanggung_jawab.jabatan", "Kepala Bidang Rehabilitasi Sosial"),
    ("penanggung_jawab.nip", "19750812 200003 2 004"), ("anggaran.sumber", "apbd"),
    ("anggaran.jumlah", "Rp 120.000.000"), ("waktu.uji_coba", "2023-07-03"), ("bukti[0].jenis", "1"),
    ("bukti[0].judul", "SK Kepala Dinas Sosial tentang Keluarga Pendamping Lansia"),
    ("bukti[0].tautan", "https://dinsos.batukota.go.id/sk-keluarga-pendamping"), ("bukti[0].tanggal", "2023-06-26"),
    ("prinsip.efisiensi.ukuran[0].indikator", "Lansia yang dirawat setiap hari"),
    ("prinsip.efisiensi.ukuran[0].satuan", "orang"), ("prinsip.efisiensi.ukuran[0].sebelum", "12"),
    ("prinsip.efisiensi.ukuran[0].sesudah", "40"), ("prinsip.efisiensi.ukuran[0].arah", "naik"),
    ("prinsip.tanpa_konflik_kepentingan.pernyataan", "ya"),
    ("prinsip.keterbukaan.publikasi[0].tautan", "https://batukota.go.id/berita/resik-lansia"),
    ("prinsip.keterbukaan.publikasi[0].tanggal", "2023-07-10"),
    ("prinsip.efisiensi.uraian", "Lansia dirawat di rumah keluarga pendamping tanpa menunggu tempat di panti."),
    ("prinsip.efektivitas.uraian", "Empat puluh lansia sudah didampingi selama uji coba, sesuai target."),
    ("prinsip.kualitas_pelayanan.uraian",
     "Pekerja sosial memeriksa kondisi setiap lansia dua kali sebulan dan mencatat keluhannya."),
    ("prinsip.tanpa_konflik_kepentingan.uraian",
     "Keluarga pendamping dipilih tim kelurahan dan pekerja sosial, bukan oleh pejabat dinas."),
    ("prinsip.kepentingan_umum.uraian",
     "Yang diuntungkan adalah lansia terlantar dan keluarganya di Kota Batu, bukan pegawai."),
    ("prinsip.keterbukaan.uraian",
     "Daftar keluarga pendamping ditempel di papan pengumuman kelurahan dan diumumkan di laman kota."),
    ("prinsip.kepatutan.uraian", "Keluarga pendamping ditetapkan dengan SK Kepala Dinas Sosial yang berwenang."),
    ("prinsip.akuntabilitas.uraian", "Pekerja sosial melapor kepada Kepala Bidang setiap bulan untuk dievaluasi."),
])


@pytest.fixture
def pilot(tmp_path):
    root = make_root(tmp_path, {PATH: ""}, agencies=[DINSOS])
    agency = Registry(root)["dinsos"]
    name = "Rehabilitasi Sosial Lansia Berbasis Keluarga (RESIK LANSIA)"
    (root / PATH).write_text(render(agency, name, "uji_coba", date(2023, 7, 1)), encoding="utf-8")
    return Walk.open(root, load_settings(root), root / PATH)


def test_a_new_pilot_is_made_clean_by_answers_alone(pilot):
    asked = []
    while (question := pilot.next()) is not None:
        assert question.field in PILOT and question.field not in asked, (asked, question)
        asked.append(question.field)
        verdict = pilot.answer(question, PILOT[question.field])
        assert verdict.saved and verdict.fits, (question.field, verdict)
    assert asked[:4] == ["bentuk", "jenis", "inisiator", "urusan.utama"]  # in the order of the file
    assert (sorted(asked), pilot.answered, pilot.findings()) == (sorted(PILOT), len(PILOT), [])
    data = load(pilot.root / PATH).data
    assert (data["penanggung_jawab"]["nip"], data["anggaran"]["jumlah"], data["penerima_manfaat"]["kelompok"]) == (
        "197508122000032004", 120000000, ["masyarakat"])
    assert data["latar_belakang"] == ("Banyak lansia di Kota Batu hidup sendiri tanpa pendampingan karena anaknya "
                                      "bekerja di luar kota; pada 2022 tercatat 212 lansia terlantar, dan panti "
                                      "sosial provinsi hanya dapat menampung sebagian kecil dari mereka.")


def test_a_wrong_answer_is_not_saved_and_says_what_to_type(pilot):
    question = pilot.next()
    assert (question.field, question.kind, question.choices[1]) == (
        "bentuk", "choice", ("pelayanan_publik", "pelayanan publik kepada warga"))
    verdict = pilot.answer(question, "zzz")
    assert (verdict.saved, verdict.message, verdict.hint) == (
        False, "`bentuk`: `zzz` bukan pilihan yang sah", "pilih salah satu: tata_kelola, pelayanan_publik, "
        "lainnya")
    assert load(pilot.root / PATH).data["bentuk"] == ""


def test_a_skipped_question_is_not_asked_again(pilot):
    first = pilot.next()
    pilot.skip(first)
    assert pilot.next().field == "jenis"
    assert (pilot.answered, len(pilot.skipped)) == (0, 1)


def test_a_principle_value_says_which_principle_it_belongs_to(pilot):
    while (question := pilot.next()).field != "prinsip.efisiensi.ukuran[0].indikator":
        pilot.answer(question, PILOT[question.field])
    assert (question.context, question.label, question.example) == (
        "P1 peningkatan efisiensi: hemat waktu, biaya, langkah, atau tenaga › ukuran efisiensi sebelum dan sesudah "
        "inovasi", "apa yang diukur", "Waktu penerbitan akta")


@pytest.mark.parametrize("kind, typed, value", [
    ("int", "200", 200), ("int", "25.000.000", 25000000), ("int", "Rp 25.000.000,-", 25000000),
    ("int", "200 orang 300", "200 orang 300"),  # two numbers: not guessed, the rules explain it
    ("number", "83,2", 83.2), ("number", "1.500", 1500), ("number", "97.5", 97.5), ("int", "2,5", "2,5"),
    ("bool", "Ya", True), ("bool", "tidak", False), ("bool", "mungkin", "mungkin"),
    ("nip", "19750812 200003 2 004", "197508122000032004"), ("nip", "1975-08-12", "19750812"),
    ("text", "  dua   spasi ", "dua spasi"),
    ("long", "baris satu\nbaris dua\n\nparagraf dua", "baris satu baris dua\nparagraf dua"),
    ("list", "2.16, 2.12", ["2.16", "2.12"]),
])
def test_answers_are_read_as_the_kind_of_value_asked(kind, typed, value):
    assert answers.convert(kind, typed) == value


CHOICES = (("masyarakat", "warga masyarakat"), ("pelaku_usaha", "pelaku usaha"), ("lembaga", "lembaga"))


@pytest.mark.parametrize("typed, value", [
    ("2", "pelaku_usaha"), ("Pelaku Usaha", "pelaku_usaha"), ("pelaku-usaha", "pelaku_usaha"),
    ("warga masyarakat", "masyarakat"), ("4", "4"), ("SK", "sk"),
])
def test_a_choice_is_typed_as_its_number_value_or_label(typed, value):
    assert answers.convert("choice", typed, CHOICES) == value


def test_several_choices_at_once():
    assert answers.convert("choices", "1, 3", CHOICES) == ["masyarakat", "lembaga"]
    assert answers.convert("choices", "1 3", CHOICES) == ["masyarakat", "lembaga"]


@pytest.mark.parametrize("hint, typed", [
    ("tulis `target: 100` (target angka indikator)", "ketik `100` (target angka indikator)"),
    ('tulis `utama: "1.02"` di bawah `urusan:` (kode urusan)', "ketik `1.02` (kode urusan)"),
    ("maksudnya `skm`?", "maksudnya `skm`?"),
])
def test_hints_say_what_to_type_not_what_to_write_in_yaml(hint, typed):
    assert typed_hint(hint) == typed


@pytest.mark.parametrize("kind, typed, field, value", [
    ("date", "3 Juli 2023", "waktu.uji_coba", "2023-07-03"),
    ("date", "03/07/2023", "waktu.uji_coba", "2023-07-03"),
    ("int", "200 orang", "penerima_manfaat.jumlah", 200),
    ("choice", "SK Kepala Dinas", "bukti[0].jenis", "regulasi"),
])
def test_what_the_hints_would_offer_is_taken_as_the_answer(kind, typed, field, value):
    choices = (("regulasi", ""), ("sk_tim", ""), ("skm", "")) if kind == "choice" else ()
    assert answers.convert(kind, typed, choices, field) == value


def test_a_missing_part_is_added_when_the_person_says_yes_and_its_values_are_asked_next(pilot):
    text = (pilot.root / PATH).read_text(encoding="utf-8")
    start, end = text.index("waktu:"), text.index("bukti:")
    (pilot.root / PATH).write_text(text[:start] + text[end:], encoding="utf-8")
    walk = Walk.open(pilot.root, pilot.settings, pilot.root / PATH)
    while (question := walk.next()).field != "waktu":
        walk.skip(question)
    assert (question.kind, question.why) == ("add", "kunci `waktu` belum ada (wajib pada tahapan uji_coba)")
    assert walk.answer(question, "ya").saved
    assert walk.editor.text[start:].startswith(
        'waktu:\n  uji_coba: ""  # tanggal uji coba dimulai; mis. 2023-05-02\nbukti:')
    while not (question := walk.next()).field.startswith("waktu"):
        walk.skip(question)
    assert question.field == "waktu.uji_coba"


def test_a_finding_that_stands_after_its_answer_is_not_asked_again(pilot, monkeypatch):
    # As when a check across files (a name used twice in the folder) still finds the value wrong.
    question = pilot.next()
    stale = pilot.findings()
    assert pilot.answer(question, "2").fits
    monkeypatch.setattr(pilot, "findings", lambda: stale)
    assert pilot.next().field == "jenis"
