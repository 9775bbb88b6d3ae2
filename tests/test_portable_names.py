"""Y015: a name that breaks a checkout on Windows or macOS is an error, with a safe name in its hint."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import make_root, sample

from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.rules import portable

FOLDER = "data/inovasi/dispendukcapil"


def named(root, targets=None):
    result = check(root, load_settings(root), targets=targets, today=date(2026, 11, 28))
    return [(f.path, f.line, f.column, f.severity.value, f.message, f.hint) for f in result.findings if f.code == "Y015"]


def record(slug: str) -> dict:
    return {**sample("penerapan"), "nama": f"Inovasi {slug}"}


@pytest.mark.parametrize(("name", "message", "safe"), [
    ("aux.yaml", "`aux` adalah nama perangkat di Windows (dengan ekstensi apa pun); berkas `aux.yaml` tidak dapat "
     "dibuat di sana", "aux-1.yaml"),
    ("COM1.yaml", "`COM1` adalah nama perangkat di Windows (dengan ekstensi apa pun); berkas `COM1.yaml` tidak dapat "
     "dibuat di sana", "COM1-1.yaml"),
    ("lpt9.tar.yaml", "`lpt9` adalah nama perangkat di Windows (dengan ekstensi apa pun); berkas `lpt9.tar.yaml` "
     "tidak dapat dibuat di sana", "lpt9-1.tar.yaml"),
    ("nul", "`nul` adalah nama perangkat di Windows (dengan ekstensi apa pun); berkas `nul` tidak dapat dibuat di "
     "sana", "nul-1"),
    ("a:b.yaml", 'nama `a:b.yaml` memuat karakter yang tidak boleh ada di nama berkas Windows (`<>:"|?*\\` atau '
     "karakter kendali)", "a-b.yaml"),
    ('t<a>n"y|a?*.yaml', 'nama `t<a>n"y|a?*.yaml` memuat karakter yang tidak boleh ada di nama berkas Windows '
     '(`<>:"|?*\\` atau karakter kendali)', "t-a-n-y-a.yaml"),
    ("garis\\miring.yaml", 'nama `garis\\miring.yaml` memuat karakter yang tidak boleh ada di nama berkas Windows '
     '(`<>:"|?*\\` atau karakter kendali)', "garis-miring.yaml"),
    ("c\x07x.yaml", 'nama `c\x07x.yaml` memuat karakter yang tidak boleh ada di nama berkas Windows (`<>:"|?*\\` '
     "atau karakter kendali)", "c-x.yaml"),
    ("baris\nbaru\u202e.yaml", 'nama `baris\nbaru\u202e.yaml` memuat karakter yang tidak boleh ada di nama berkas '
     'Windows (`<>:"|?*\\` atau karakter kendali)', "baris-baru.yaml"),
    ("titik.yaml.", "nama `titik.yaml.` berakhiran titik atau spasi; Windows membuangnya dan tidak dapat membuat "
     "berkas ini", "titik.yaml"),
    ("spasi.yaml ", "nama `spasi.yaml ` berakhiran titik atau spasi; Windows membuangnya dan tidak dapat membuat "
     "berkas ini", "spasi.yaml"),
])
def test_each_kind_of_name(tmp_path, name, message, safe):
    root = make_root(tmp_path, {f"{FOLDER}/{name}": record("x")})
    assert named(root) == [(f"{FOLDER}/{name}", 1, 1, "error", message, f"ganti namanya, mis. `{safe}`")]


def test_names_differing_only_in_case_are_both_reported(tmp_path):
    root = make_root(tmp_path, {f"{FOLDER}/sigap.yaml": record("a"), f"{FOLDER}/Sigap.yaml": record("b"),
                                f"{FOLDER}/sigap-2.yaml": record("c")})
    assert named(root) == [
        (f"{FOLDER}/Sigap.yaml", 1, 1, "error", "`Sigap.yaml` hanya beda huruf besar/kecil dengan `sigap.yaml` di "
         "folder yang sama; di Windows dan macOS keduanya satu berkas", "ganti namanya, mis. `sigap-3.yaml`"),
        (f"{FOLDER}/sigap.yaml", 1, 1, "error", "`sigap.yaml` hanya beda huruf besar/kecil dengan `Sigap.yaml` di "
         "folder yang sama; di Windows dan macOS keduanya satu berkas", "ganti namanya, mis. `sigap-3.yaml`")]
    # A run over one of them sees its twin: the folder is listed whole.
    assert [row[0] for row in named(root, [root / FOLDER / "Sigap.yaml"])] == [f"{FOLDER}/Sigap.yaml"]


def test_agency_folders_differing_only_in_case(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/Dispendukcapil/a.yaml": record("a"), f"{FOLDER}/b.yaml": record("b")})
    assert [(path, hint) for path, *_, hint in named(root)] == [
        ("data/inovasi/Dispendukcapil", "ganti namanya, mis. `dispendukcapil-2`"),
        (FOLDER, "ganti namanya, mis. `dispendukcapil-2`")]


def test_a_path_longer_than_200_characters(tmp_path):
    name = "p" * (200 - len(FOLDER) - len("/.yaml") + 1) + ".yaml"
    root = make_root(tmp_path, {f"{FOLDER}/{name}": record("x"), f"{FOLDER}/{name[1:]}": record("y")})
    [(path, _, _, _, message, hint)] = named(root)
    assert (path, message) == (f"{FOLDER}/{name}", "jalur ini panjangnya 201 karakter, lebih dari 200; checkout di "
                                                   "Windows dapat gagal")
    assert hint == f"ganti namanya, mis. `{name[3:]}`" and len(f"{FOLDER}/{name[3:]}") == 198


def test_in_english_and_at_a_chosen_severity(tmp_path):
    from ooi import i18n

    i18n.use("en")
    assert list(portable.problems(["data/opd/con.yaml"])) == [
        ("data/opd/con.yaml", "`con` is a device name on Windows (with any extension); the file `con.yaml` cannot "
         "be made there", "rename it, e.g. `con-1.yaml`")]
    assert list(portable.problems(["data/opd/dinkes.yaml", "data/inovasi/dinkes/console.yaml"])) == []
