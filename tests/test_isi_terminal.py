"""`ooi isi` and `ooi new` end to end in a pseudo-terminal of 80×24, as a person at an SSH session uses them."""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES, make_root

from ooi.input.loading import load

pexpect = pytest.importorskip("pexpect")
if not hasattr(pexpect, "spawn"):  # Windows: no pseudo-terminals (the workflow's Windows job runs the rest)
    pytest.skip("pexpect.spawn needs a POSIX pseudo-terminal", allow_module_level=True)

DINSOS = {"kode": "dinsos", "nama": "Dinas Sosial", "singkatan": "Dinsos", "jenis": "dinas", "urusan": ["1.06"]}
PATH = "data/inovasi/dispendukcapil/penak.yaml"
ORIGINAL = (SAMPLES / "uji_coba.yaml").read_text(encoding="utf-8")
# Five values a person left blank or wrong (and one key deleted), each with a comment that must survive.
BLANKED = (ORIGINAL
           .replace("bentuk: pelayanan_publik\n", 'bentuk: ""  # pilih satu\n')
           .replace("manfaat: Orang tua tidak perlu datang ke kantor; kader PKK mengumpulkan berkas secara kolektif.\n",
                    "")
           .replace("  target: 98\n  satuan: persen\n", '  target: ""   # angka saja\n  satuan: persen\n')
           .replace('  nip: "197805122005011003"\n', '  nip: ""  # dari SK\n')
           .replace("  uji_coba: 2023-03-06\n", "  uji_coba: 2023-03-6\n"))
MANFAAT = "Orang tua tidak perlu datang ke kantor; kader PKK mengumpulkan berkas secara kolektif."
WRITTEN = f"manfaat: >-\n  {MANFAAT}\n"  # a long answer is folded under its key
# field: (a wrong answer, what ooi isi says to it, the right answer)
ANSWERS = {
    "bentuk": ("layanan kilat", "✗ `bentuk`: `layanan_kilat` bukan pilihan yang sah", "2"),
    "manfaat": ("", None, MANFAAT),
    "keluaran.target": ("sembilan puluh delapan", "✗ `keluaran.target` harus berupa angka", "98"),
    "penanggung_jawab.nip": ("1978", "✗ NIP `1978` tidak sah: NIP harus 18 angka", "19780512 200501 1 003"),
    "waktu.uji_coba": ("6 Maret", "✗ `waktu.uji_coba`: `6 Maret` bukan tanggal yang sah", "2023-03-06"),
}
HEADER = re.compile(r"── \d+ dari ±\d+ · (\S+) ─")


@pytest.fixture
def root(tmp_path):
    return make_root(tmp_path, {PATH: BLANKED}, agencies=None)


def spawn(root: Path, *args: str):
    env = {key: value for key, value in os.environ.items() if not key.startswith("OOI_")}
    # Ctrl-C reaches ooi even when the test run itself was started with SIGINT ignored (a background job).
    child = pexpect.spawn(sys.executable, ["-m", "ooi", *args], cwd=str(root), env={**env, "TERM": "xterm"},
                          dimensions=(24, 80), encoding="utf-8", timeout=30,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    return child


def finish(child) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_each_wrong_answer_is_explained_and_asked_again_and_only_the_answers_change(root):
    child = spawn(root, "isi", PATH)
    asked = []
    while child.expect([HEADER, "── selesai"]) == 0:
        field = child.match.group(1)
        asked.append(field)
        wrong, said, right = ANSWERS[field]
        if said:  # one wrong answer first: explained, and the same question again
            child.expect(r"(> |: )$")
            child.sendline(wrong)
            child.expect_exact(said)
            child.expect_exact("Coba lagi, atau Enter saja untuk melewati.")
        child.expect(r"(> |: )$")
        child.sendline(right)
        if field == "manfaat":
            child.expect_exact("  ")  # the next line of a long text
            child.sendline("")
        child.expect_exact("✓ tersimpan:")
    child.expect_exact("Bersih: lolos semua pemeriksaan (5 jawaban tersimpan).")
    assert finish(child) == 0
    # A missing key is found at its mapping (here the top of the file), so it comes first.
    assert asked == ["manfaat", "bentuk", "keluaran.target", "penanggung_jawab.nip", "waktu.uji_coba"]
    # Comments, order, quoting and every untouched byte are as the person left them.
    assert (root / PATH).read_text(encoding="utf-8") == (
        ORIGINAL.replace(f"manfaat: {MANFAAT}\n", WRITTEN)
        .replace("bentuk: pelayanan_publik\n", "bentuk: pelayanan_publik  # pilih satu\n")
        .replace("  target: 98\n  satuan: persen\n", "  target: 98   # angka saja\n  satuan: persen\n")
        .replace('  nip: "197805122005011003"\n', '  nip: "197805122005011003"  # dari SK\n'))


def test_an_interrupt_half_way_keeps_the_answers_given_and_the_file_whole(root):
    child = spawn(root, "isi", PATH)
    child.expect_exact("· manfaat ─")
    child.expect(r"> $")
    child.sendline(MANFAAT)
    child.sendline("")
    child.expect_exact("✓ tersimpan: Orang tua tidak perlu")
    child.expect_exact("· bentuk ─")
    child.expect(r": $")
    child.sendintr()
    child.expect_exact("ooi: dihentikan; 1 jawaban sudah tersimpan di data/inovasi/dispendukcapil/penak.yaml "
                       "(lanjutkan: ooi isi data/inovasi/dispendukcapil/penak.yaml)")
    assert finish(child) == 130
    tujuan = "tujuan: Meningkatkan cakupan kepemilikan akta kelahiran anak usia 0-18 tahun.\n"
    assert (root / PATH).read_text(encoding="utf-8") == BLANKED.replace(tujuan, tujuan + WRITTEN)
    assert sorted(path.name for path in (root / PATH).parent.iterdir()) == ["penak.yaml"]  # no temporary file


def test_a_closed_input_stops_like_an_interrupt(root):
    child = spawn(root, "isi", PATH)
    child.expect(r"> $")
    child.sendeof()
    child.expect_exact("ooi: dihentikan; 0 jawaban sudah tersimpan")
    assert finish(child) == 130
    assert (root / PATH).read_text(encoding="utf-8") == BLANKED


def test_a_closed_terminal_keeps_the_answers_given(root):
    child = spawn(root, "isi", PATH)
    child.expect_exact("· manfaat ─")
    child.expect(r"> $")
    child.sendline(MANFAAT)
    child.sendline("")
    child.expect_exact("✓ tersimpan: Orang tua tidak perlu")
    child.expect(r": $")
    child.kill(signal.SIGHUP)
    assert finish(child) == 130
    tujuan = "tujuan: Meningkatkan cakupan kepemilikan akta kelahiran anak usia 0-18 tahun.\n"
    assert (root / PATH).read_text(encoding="utf-8") == BLANKED.replace(tujuan, tujuan + WRITTEN)


def test_a_read_only_file_is_refused_before_any_question(root):
    os.chmod(root / PATH, 0o444)
    child = spawn(root, "isi", PATH)
    child.expect_exact("ooi: data/inovasi/dispendukcapil/penak.yaml hanya-baca; ooi isi tidak dapat menyimpan "
                       "jawaban (periksa izin berkas)")
    assert finish(child) == 2
    assert "dari ±" not in child.before


def test_a_file_that_is_not_yaml_is_refused_with_its_finding(root):
    (root / PATH).write_text("nama: [PENAK\nopd: dispendukcapil\n", encoding="utf-8")
    child = spawn(root, "isi", PATH)
    child.expect(r"data/inovasi/dispendukcapil/penak\.yaml:\d+:\d+: error Y\d{3} ")
    child.expect_exact("ooi: data/inovasi/dispendukcapil/penak.yaml bukan YAML yang dapat diisi; perbaiki dulu "
                       "temuan di atas (ooi validate data/inovasi/dispendukcapil/penak.yaml)")
    assert finish(child) == 2
    assert (root / PATH).read_text(encoding="utf-8") == "nama: [PENAK\nopd: dispendukcapil\n"


def test_new_takes_a_typo_of_the_agency_name_and_continues_into_isi(tmp_path):
    root = make_root(tmp_path, agencies=[DINSOS, *_more_agencies()])
    child = spawn(root, "new", "--tahapan", "uji_coba")
    child.expect_exact("OPD yang terdaftar:")
    child.expect_exact("Dinsos: Dinas Sosial")
    child.expect(r"\(nomor, kode, singkatan, atau nama\): $")
    child.sendline("Dinas Sosal")
    child.expect_exact("`Dinas Sosal` tidak ada di daftar; maksudnya 2. Dinsos (Dinas Sosial)?")
    child.sendline("ya")
    child.expect_exact("Nama inovasi")
    child.sendline("Rehabilitasi Sosial Lansia Berbasis Keluarga (RESIK LANSIA)")
    child.expect_exact("Dibuat: data/inovasi/dinsos/resik-lansia.yaml")
    child.expect_exact("Isi sekarang lewat tanya-jawab (ooi isi)? [Y/t]")
    child.sendline("")
    child.expect_exact("· bentuk ─")
    child.expect(r": $")
    child.sendline("2")
    child.expect_exact("✓ tersimpan: pelayanan_publik")
    child.expect(r": $")
    child.sendintr()
    child.expect_exact("ooi: dihentikan; 1 jawaban sudah tersimpan di data/inovasi/dinsos/resik-lansia.yaml")
    assert finish(child) == 130
    data = load(root / "data/inovasi/dinsos/resik-lansia.yaml").data
    assert (data["opd"], data["bentuk"], data["jenis"]) == ("dinsos", "pelayanan_publik", "")


def _more_agencies() -> list[dict]:
    return [{"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]},
            {"kode": "dispendukcapil", "nama": "Dinas Kependudukan dan Pencatatan Sipil",
             "singkatan": "Dispendukcapil", "jenis": "dinas", "urusan": ["2.12"]}]
