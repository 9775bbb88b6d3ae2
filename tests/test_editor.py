"""The round-trip editor: one value changes, every other byte stays; what it cannot safely change it refuses."""

from __future__ import annotations

import os

import pytest

from ooi.input.editor import Editor
from ooi.input.values import Block
from ooi.model.errors import OoiError

TEXT = """\
# yaml-language-server: $schema=../../../schema/inovasi.schema.json
# Catatan tim: jangan hapus baris ini.
nama: "Sigap"   # nama inovasi
bentuk: ""  # pilihan: tata_kelola, pelayanan_publik
urusan: {utama: "1.02", irisan: ["2.16",   "2.12"]}
latar_belakang: >-  # masalah
  Teks lama yang
  dilipat.

keluaran:
    indikator: ""
    target: ""   # angka
kelompok: []  # pilih
catatan:
"""


@pytest.fixture
def editor(tmp_path):
    path = tmp_path / "sigap.yaml"
    path.write_text(TEXT, encoding="utf-8")
    return Editor.open(path, "sigap.yaml")


@pytest.mark.parametrize("keys, value, old, new", [
    (("bentuk",), "pelayanan_publik", 'bentuk: ""  #', "bentuk: pelayanan_publik  #"),
    (("keluaran", "target"), 200, 'target: ""   # angka', "target: 200   # angka"),
    (("keluaran", "indikator"), "1.10", 'indikator: ""', 'indikator: "1.10"'),  # read back as text, not 1.1
    (("keluaran", "indikator"), "no", 'indikator: ""', 'indikator: "no"'),  # not the YAML 1.1 boolean
    (("keluaran", "indikator"), "Waktu: 3 hari", 'indikator: ""', 'indikator: "Waktu: 3 hari"'),
    (("urusan", "utama"), "1.06", 'utama: "1.02"', 'utama: "1.06"'),
    (("kelompok",), ["masyarakat", "lembaga"], "kelompok: []", "kelompok: [masyarakat, lembaga]"),
    (("catatan",), "Uji coba selesai", "catatan:\n", "catatan: Uji coba selesai\n"),
    (("latar_belakang",), "Baru", "latar_belakang: >-  # masalah\n  Teks lama yang\n  dilipat.",
     "latar_belakang: Baru"),
])
def test_one_value_changes_and_every_other_byte_stays(editor, keys, value, old, new):
    assert TEXT.count(old) == 1
    assert editor.change(keys, value) == TEXT.replace(old, new)


def test_a_long_text_is_folded_under_its_key_and_keeps_the_comment(editor):
    text = "kata " * 30
    changed = editor.change(("bentuk",), text.strip())
    assert changed == TEXT.replace('bentuk: ""  # pilihan: tata_kelola, pelayanan_publik\n',
                                   "bentuk: >-  # pilihan: tata_kelola, pelayanan_publik\n"
                                   "  " + "kata " * 18 + "kata\n" + "  " + "kata " * 10 + "kata\n")


def test_paragraphs_stay_paragraphs(editor):
    """A line break in the value is one blank line of the folded text, as a person writes one by hand."""
    from ooi.input.loading import parse

    changed = editor.change(("catatan",), "Satu.\nDua.")
    assert changed.endswith("catatan: >-\n  Satu.\n\n  Dua.\n")
    assert parse(changed.encode()).data["catatan"] == "Satu.\nDua."
    changed = editor.change(("catatan",), "Satu.\n\nDua.")  # read back exactly, two breaks and all
    assert parse(changed.encode()).data["catatan"] == "Satu.\n\nDua."


def test_a_missing_key_goes_where_the_models_order_puts_it(editor):
    changed = editor.change(("keluaran", "satuan"), "orang", order=("indikator", "target", "satuan"))
    assert changed == TEXT.replace('    target: ""   # angka\n', '    target: ""   # angka\n    satuan: orang\n')
    order = ("nama", "bentuk", "urusan", "latar_belakang", "tujuan", "keluaran", "kelompok", "catatan")
    changed = editor.change(("tujuan",), "Naik", order=order)  # before the sibling that follows it
    assert changed == TEXT.replace("\nkeluaran:\n", "\ntujuan: Naik\nkeluaran:\n")
    changed = editor.change(("hasil",), "Naik", order=("nama", "hasil"))  # after the one that precedes it
    assert changed == TEXT.replace('"Sigap"   # nama inovasi\n', '"Sigap"   # nama inovasi\nhasil: Naik\n')
    assert editor.change(("hasil",), "Naik").endswith("catatan:\nhasil: Naik\n")  # else last


def test_a_block_fills_an_empty_list(editor):
    changed = editor.change(("kelompok",), Block(('  - jenis: ""', '    judul: ""')))
    assert changed == TEXT.replace("kelompok: []  # pilih\n", 'kelompok:  # pilih\n  - jenis: ""\n    judul: ""\n')


def test_save_writes_through_a_rename_and_keeps_the_mode(editor):
    os.chmod(editor.path, 0o640)
    editor.save(editor.change(("bentuk",), "tata_kelola"))
    assert editor.path.read_text(encoding="utf-8") == TEXT.replace('bentuk: ""', "bentuk: tata_kelola")
    assert os.stat(editor.path).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in editor.path.parent.iterdir()) == ["sigap.yaml"]  # no temporary file left


def test_save_refuses_when_the_file_changed_meanwhile(editor):
    editor.path.write_text(TEXT + "# disunting di editor lain\n", encoding="utf-8")
    with pytest.raises(OoiError) as raised:
        editor.save(editor.change(("bentuk",), "tata_kelola"))
    assert str(raised.value) == ("sigap.yaml diubah di luar ooi isi; jawaban terakhir tidak disimpan "
                                 "(jalankan lagi ooi isi)")
    assert editor.path.read_text(encoding="utf-8").endswith("# disunting di editor lain\n")


def test_crlf_and_a_byte_order_mark_are_kept(tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbfnama: x\r\nbentuk: \"\"  # c\r\n")
    editor = Editor.open(path)
    editor.save(editor.change(("bentuk",), "lainnya"))
    editor.save(editor.change(("jenis",), "digital"))
    assert path.read_bytes() == b"\xef\xbb\xbfnama: x\r\nbentuk: lainnya  # c\r\njenis: digital\r\n"


def test_a_read_only_file_is_refused(tmp_path):
    path = tmp_path / "baca.yaml"
    path.write_text("nama: x\n", encoding="utf-8")
    os.chmod(path, 0o444)
    with pytest.raises(OoiError) as raised:
        Editor.open(path, "baca.yaml")
    assert str(raised.value) == ("baca.yaml hanya-baca; ooi isi tidak dapat menyimpan jawaban "
                                 "(periksa izin berkas)")


@pytest.mark.parametrize("text", ["nama: [tidak ditutup\n", "- daftar\n- bukan pemetaan\n", "a: &x 1\nb: *x\n",
                                  "a: !!python/object:os.system x\n"])
def test_what_is_not_a_yaml_mapping_is_refused(tmp_path, text):
    path = tmp_path / "rusak.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OoiError) as raised:
        Editor.open(path, "rusak.yaml")
    assert str(raised.value) == ("rusak.yaml bukan YAML yang dapat diisi; perbaiki dulu temuan di atas "
                                 "(ooi validate rusak.yaml)")
