"""The statement checks every principle shares: placeholders, word counts, and copies between principles."""

import pytest
from conftest import sample
from rulecase import assert_findings

from ooi.rules.wording import normal_words, placeholder, words

KEYS = ["efisiensi", "efektivitas", "kualitas_pelayanan", "tanpa_konflik_kepentingan", "kepentingan_umum",
        "keterbukaan", "kepatutan", "akuntabilitas"]


@pytest.mark.parametrize("text", ["", "   ", "-", "--", "ada", "Ada.", "SUDAH", "sudah ada", "lorem ipsum",
                                  "Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.", "tbd", "n/a",
                                  "...", "—", "isi di sini nanti", None])
def test_placeholders(text):
    assert placeholder(text)


@pytest.mark.parametrize("text", ["Ada tiga petugas baru", "Sudah diterapkan di 24 kelurahan", "Antre"])
def test_real_texts_are_not_placeholders(text):
    assert not placeholder(text)


def test_words_and_their_normal_form():
    assert words("Warga tidak perlu datang ke kantor.") == 6
    assert words("97,6% (2022)") == 3
    assert normal_words("  Warga  TIDAK perlu, datang!") == "warga tidak perlu datang"


@pytest.mark.parametrize(("code", "key"), [(f"P{n + 1}", key) for n, key in enumerate(KEYS)])
@pytest.mark.parametrize(("text", "severity"), [
    ("satu dua tiga empat lima", "error"),  # 5 words: under the minimum of 6
    ("satu dua tiga empat lima enam", "warning"),  # 6: the minimum, but short of the advised 10
    ("satu dua tiga empat lima enam tujuh delapan sembilan", "warning"),
])
def test_word_count_edges_for_every_principle(code, key, text, severity):
    record = sample("penerapan")
    record["prinsip"][key]["uraian"] = text
    assert_findings(record, [(code, f"prinsip.{key}.uraian", severity)], codes=(code,))


@pytest.mark.parametrize(("code", "key"), [(f"P{n + 1}", key) for n, key in enumerate(KEYS)])
def test_ten_words_pass_for_every_principle(code, key):
    record = sample("penerapan")
    record["prinsip"][key]["uraian"] = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh"
    assert_findings(record, [], codes=(code,))


def test_a_copied_statement_names_the_principle_it_copies():
    record = sample("uji_coba")
    record["prinsip"]["kepentingan_umum"]["uraian"] = record["prinsip"]["efektivitas"]["uraian"].upper() + "!"
    found = assert_findings(record, [("P5", "prinsip.kepentingan_umum.uraian")], codes=("P2", "P5"))
    assert found[0].message == "uraian P5 (kepentingan_umum) sama dengan uraian P2 (efektivitas)"


def test_every_copy_points_at_the_first_statement():
    record = sample("penerapan")
    text = record["prinsip"]["efisiensi"]["uraian"]
    for key in ("kepatutan", "akuntabilitas"):
        record["prinsip"][key]["uraian"] = text
    found = assert_findings(record, [("P7", "prinsip.kepatutan.uraian"), ("P8", "prinsip.akuntabilitas.uraian")],
                            codes=("P1",))
    assert all("P1 (efisiensi)" in f.message for f in found)


def test_two_identical_placeholders_are_placeholders_not_copies():
    record = sample("inisiatif")
    record["prinsip"]["efisiensi"]["uraian"] = "-"
    record["prinsip"]["efektivitas"]["uraian"] = "-"
    found = assert_findings(record, [("P1", "prinsip.efisiensi.uraian"), ("P2", "prinsip.efektivitas.uraian")])
    assert all("isian pengganti" in f.message for f in found)


def test_english_messages():
    from ooi import i18n

    i18n.use("en")
    record = sample("uji_coba")
    record["prinsip"]["kepatutan"]["uraian"] = record["prinsip"]["efisiensi"]["uraian"]
    found = assert_findings(record, [("P7", "prinsip.kepatutan.uraian")])
    assert found[0].message == "the statement of P7 (kepatutan) is the same as that of P1 (efisiensi)"
