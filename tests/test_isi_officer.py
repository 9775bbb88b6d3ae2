"""`ooi isi` as a Dinas Sosial officer uses it (`ooi new`, then the form in an 80×24 pseudo-terminal)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from types import SimpleNamespace

import pytest
from conftest import SETTINGS, TEST_DEFAULTS, make_root

from ooi.input.loading import load

pexpect = pytest.importorskip("pexpect")
if not hasattr(pexpect, "spawn"):  # Windows: no pseudo-terminals; the form is tried there by hand (README)
    pytest.skip("pexpect.spawn needs a POSIX pseudo-terminal", allow_module_level=True)

DINSOS = {"kode": "dinsos", "nama": "Dinas Sosial", "singkatan": "Dinsos", "jenis": "dinas", "urusan": ["1.06"]}
PATH = "data/inovasi/dinsos/resik-lansia.yaml"
HEADER = re.compile(r"── (\d+) dari ±(\d+) · (\S+) ─")
PROMPT = r"(> |: )$"
# What an officer answers, as typed (a list: one answer per time the question is asked; "" is Enter alone).
OFFICER = {
    "bentuk": ["pelayanan publik"], "jenis": ["2"], "inisiator": ["opd"], "urusan.utama": ["1"],
    "latar_belakang": ["Banyak lansia terlantar di Kota Batu tinggal sendiri tanpa keluarga yang merawat; laporan "
                       "warga tentang mereka baru ditangani rata-rata dua minggu kemudian karena harus menunggu "
                       "jadwal kunjungan petugas dinas dari kantor."],
    "tujuan": ["Mempercepat pendampingan lansia terlantar sejak laporan warga diterima."],
    "manfaat": ["Lansia terlantar mendapat kunjungan, makanan, dan layanan kebersihan rumah dalam tiga hari."],
    "rancang_bangun": ["Laporan warga diterima pendamping sosial di setiap kelurahan melalui telepon atau datang "
                       "langsung; pendamping mengunjungi lansia dalam tiga hari, mencatat kebutuhannya, dan "
                       "mengajukan bantuan kebersihan rumah serta permakanan kepada dinas."],
    "keluaran.indikator": ["Lansia terlantar yang didampingi"], "keluaran.target": ["120 orang"],
    "keluaran.satuan": ["orang"], "penerima_manfaat.kelompok": ["1"],
    "penerima_manfaat.uraian": ["Lansia terlantar di 24 desa dan kelurahan"], "penerima_manfaat.jumlah": ["120"],
    "penanggung_jawab.nama": ["Dra. Sri Wahyuni, M.Si."],
    "penanggung_jawab.jabatan": ["Kepala Bidang Rehabilitasi Sosial"],
    "penanggung_jawab.nip": ["19700312 199503 2 004"], "anggaran.sumber": ["APBD"],
    "anggaran.jumlah": ["Rp 15.000.000"], "waktu.uji_coba": ["3 Juli 2023"], "bukti[0].jenis": ["SK Kepala Dinas"],
    "bukti[0].judul": ["SK Kepala Dinas Sosial tentang Uji Coba Resik Lansia"],
    # A link typed without https://: refused with the exact fix shown, which Enter takes.
    "bukti[0].tautan": ["dinsos.batukota.go.id/dokumen/sk-resik-lansia.pdf", ""],
    "bukti[0].tanggal": ["2023-06-20"],
    "prinsip.efisiensi.uraian": ["Waktu tanggap laporan lansia terlantar turun dari empat belas hari menjadi tiga "
                                 "hari karena pendamping kelurahan langsung berkunjung."],
    "prinsip.efisiensi.ukuran[0].indikator": ["Waktu tanggap laporan lansia terlantar"],
    "prinsip.efisiensi.ukuran[0].satuan": ["hari"], "prinsip.efisiensi.ukuran[0].sebelum": ["14"],
    "prinsip.efisiensi.ukuran[0].sesudah": ["3"], "prinsip.efisiensi.ukuran[0].arah": ["turun"],
    # Seven words: saved with a warning, and kept as it is (Enter alone).
    "prinsip.efektivitas.uraian": ["Target pendampingan 96 dari 120 lansia tercapai", ""],
    "prinsip.kualitas_pelayanan.uraian": ["Lansia tidak perlu datang ke kantor; pendamping yang dikenal warga datang "
                                          "ke rumah dan membantu kebersihan serta makanan."],
    "prinsip.tanpa_konflik_kepentingan.uraian": ["Bantuan diberikan menurut hasil asesmen pendamping kepada semua "
                                                 "lansia terlantar tanpa pungutan dan tanpa usaha milik pegawai."],
    "prinsip.tanpa_konflik_kepentingan.pernyataan": ["ya"],
    "prinsip.kepentingan_umum.uraian": ["Layanan terbuka bagi setiap lansia terlantar yang dilaporkan warga di "
                                        "seluruh desa dan kelurahan Kota Batu."],
    "prinsip.keterbukaan.uraian": ["Alur pelaporan dan jumlah lansia yang didampingi diumumkan lewat radio dan papan "
                                   "informasi kelurahan setiap bulan."],
    "prinsip.keterbukaan.publikasi[0].tautan": ["Radio Kota Batu FM"],  # a named medium, not a link
    "prinsip.keterbukaan.publikasi[0].tanggal": ["2023-07-10"],
    "prinsip.kepatutan.uraian": ["Uji coba ditetapkan dengan SK Kepala Dinas Sosial dan dijalankan pendamping sosial "
                                 "resmi sesuai standar pelayanan minimal."],
    "prinsip.akuntabilitas.uraian": ["Pendamping melaporkan kunjungan setiap minggu kepada kepala bidang, dan hasilnya "
                                     "dievaluasi dalam rapat bulanan dinas."],
}


def spawn(root, *args):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("OOI_", "COLUMNS", "LINES"))}
    return pexpect.spawn(sys.executable, ["-m", "ooi", *args], cwd=str(root), env={**env, "TERM": "xterm"},
                         dimensions=(24, 80), encoding="utf-8", timeout=30,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def walk(root, answers: dict) -> tuple[list[tuple[int, int, str]], str, int]:
    """One round of `ooi isi`: (number, total, field) of each question, everything shown, the exit code."""
    child = spawn(root, "isi", PATH)
    shown, asked, times, field = [], [], {}, None
    while (found := child.expect([HEADER, "── selesai", PROMPT])) != 1:
        shown.append(child.before + child.after)
        if found == 0:
            field = child.match.group(3)
            asked.append((int(child.match.group(1)), int(child.match.group(2)), field))
            continue
        long = "Boleh beberapa baris" in child.before
        tried = times[field] = times.get(field, 0) + 1
        typed = (answers.get(field) or [""])[tried - 1] if tried <= len(answers.get(field) or [""]) else ""
        child.sendline(typed)
        if long and typed:
            child.sendline("")
    child.expect(pexpect.EOF)
    shown.append(child.before)
    child.close()
    return asked, "".join(shown).replace("\r\n", "\n"), child.exitstatus


@pytest.fixture
def root(tmp_path):
    # The repository of the browser form (SPEC §16): the ending offers it beside the pull request.
    base = make_root(tmp_path, agencies=[DINSOS], settings=SETTINGS + TEST_DEFAULTS + "github_repo: pemkot-batu/inovasi\n")
    made = subprocess.run([sys.executable, "-m", "ooi", "new", "--opd", "dinsos", "--nama", "Resik Lansia",
                           "--tahapan", "uji_coba"], cwd=base, capture_output=True, text=True, timeout=60,
                          env={k: v for k, v in os.environ.items() if not k.startswith("OOI_")})
    assert made.returncode == 0, made.stderr
    return base


def test_the_dinsos_officer_files_a_clean_record_in_two_rounds_without_editing_it(root):
    # Round one: the officer leaves the NIP for later (Enter alone); everything else is answered.
    first = {**OFFICER, "penanggung_jawab.nip": [""]}
    asked, shown, code = walk(root, first)
    assert code == 1
    # A steady count: each question one more than the last, out of the same total.
    assert [number for number, _, _ in asked] == list(range(1, len(asked) + 1)) == list(range(1, 41))
    assert {total for _, total, _ in asked} == {40}
    # Whole examples, wrapped, never cut with `...`.
    assert ("Contoh: Antrean pendaftaran akta kelahiran di kantor dinas memakan waktu 3 hari\n  karena orang tua"
            in shown)
    assert "Contoh: Pendaftaran ...\n" not in shown and "Contoh: Mempercepat penerbitan akta kelahiran anak" in shown
    # Enter takes the exact fix the finding shows.
    assert ("  Coba lagi, atau Enter saja untuk memakai\n  `https://dinsos.batukota.go.id/dokumen/sk-resik-lansia.pdf`; "
            "ketik - untuk\n  melewati.\n> \n  memakai `https://dinsos.batukota.go.id/dokumen/sk-resik-lansia.pdf`\n"
            "  ✓ tersimpan: https://dinsos.batukota.go.id/dokumen/sk-resik-lansia.pdf\n") in shown
    # A named medium where the record allows one beside a link.
    assert "Tautan https publikasi; atau nama media, bila tidak ada tautan (mis. Radio Kota\n  Batu)\n" in shown
    assert "  ✓ tersimpan: Radio Kota Batu FM (sebagai\n  `prinsip.keterbukaan.publikasi[0].media`)\n" in shown
    # One word for an answer kept, another for a question skipped.
    assert ("  Perbaiki jawaban, atau Enter saja untuk mempertahankannya.\nBoleh beberapa baris; akhiri dengan baris "
            "kosong.\n> \n  dipertahankan: Target pendampingan 96 dari 120 lansia tercapai\n") in shown
    assert "· penanggung_jawab.nip ─" in shown and "> \n  dilewati\n" in shown
    assert shown.count("\n  dilewati\n") == 1 and shown.count("dipertahankan") == 1
    # What is left, wrapped to the screen, and what to do next.
    assert ("39 jawaban tersimpan, 1 dilewati. Masih ada 1 error dan 1 peringatan:\n"
            "  baris 37: error S001 `penanggung_jawab.nip` masih kosong\n"
            "      saran: tulis `nip: \"197805122005011003\"` di bawah `penanggung_jawab:`\n"
            "        (NIP 18 angka dalam tanda kutip)\n"
            "  baris 60: peringatan P2 uraian P2 (efektivitas) baru 7 kata; uraikan lebih\n"
            "      lengkap (saran: 10 kata atau lebih)\n") in shown
    assert ("Langkah berikutnya: lanjutkan mengisi (yang dilewati ditanyakan lagi):\n"
            "  ooi isi data/inovasi/dinsos/resik-lansia.yaml\natau ubah berkasnya sendiri, lalu periksa:\n"
            "  ooi validate data/inovasi/dinsos/resik-lansia.yaml\n") in shown
    assert max(len(line) for line in shown.splitlines() if not line.startswith("> ")) <= 79
    # Round two: only what is left is asked (the kept warning too, bettered now); clean, and how to send it.
    better = "Sebanyak 96 dari target 120 lansia terlantar sudah didampingi selama tiga bulan pertama uji coba."
    asked, shown, code = walk(root, {**OFFICER, "prinsip.efektivitas.uraian": [better]})
    assert code == 0 and [field for _, _, field in asked] == ["penanggung_jawab.nip", "prinsip.efektivitas.uraian"]
    assert [(number, total) for number, total, _ in asked] == [(1, 2), (2, 2)]
    assert "Bersih: lolos semua pemeriksaan (2 jawaban tersimpan).\n" in shown
    assert ("Langkah berikutnya: kirim berkasnya lewat pull request:\n  git add data/inovasi/dinsos/resik-lansia.yaml\n"
            '  git commit -m "Inovasi resik-lansia"\n  git push, lalu buka pull request ke cabang main; CI memeriksanya '
            "dan\n    sekretariat meninjaunya.\nTanpa git: isi formulir di peramban,\n"
            "    https://pemkot-batu.github.io/inovasi/admin/ (halaman yang diterbitkan\n"
            "    sekretariat); hasilnya juga menjadi pull request.\n") in shown
    data = load(root / PATH).data
    assert data["bukti"][0]["tautan"] == "https://dinsos.batukota.go.id/dokumen/sk-resik-lansia.pdf"
    assert data["prinsip"]["keterbukaan"]["publikasi"] == [{"media": "Radio Kota Batu FM", "tanggal": "2023-07-10"}]
    assert (data["penanggung_jawab"]["nip"], data["anggaran"]["jumlah"]) == ("197003121995032004", 15000000)
    done = subprocess.run([sys.executable, "-m", "ooi", "validate", PATH], cwd=root, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "0 error, 0 peringatan" in done.stdout, done.stdout


def test_a_wrong_value_is_shown_through_the_terminal_guard(root):
    text = (root / PATH).read_text(encoding="utf-8")
    (root / PATH).write_text(text.replace('bentuk: ""', 'bentuk: "\\e[2Jlayanan\\u202ekilat"'), encoding="utf-8")
    child = spawn(root, "isi", PATH)
    child.expect_exact("· bentuk ─")
    child.expect_exact("Sekarang: \\x1b[2Jlayanan\\u202ekilat")
    child.expect(PROMPT)
    assert "\x1b[2J" not in child.before and "\u202e" not in child.before
    child.sendintr()
    child.expect(pexpect.EOF)


def test_a_flow_mapping_and_a_tab_after_the_colon_are_filled_like_any_other(root):
    """The README's own style `penanggung_jawab: {nama: …, jabatan: ""}`, and a tab typed after `nama:`."""
    text = (root / PATH).read_text(encoding="utf-8")
    text = re.sub(r"penanggung_jawab:.*\n(  .*\n){3}", 'penanggung_jawab: {nama: "", jabatan: "", nip: ""}\n', text)
    text = text.replace('nama: "Resik Lansia"', 'nama:\t"Resik Lansia"')
    (root / PATH).write_text(text, encoding="utf-8")
    long_name = "Dra. Sri Wahyuni, M.Si., Kepala Bidang Rehabilitasi Sosial: " * 2
    asked, shown, _ = walk(root, {"penanggung_jawab.nama": [long_name.strip()],
                                  "penanggung_jawab.jabatan": ["Kepala Bidang"]})
    assert [field for _, _, field in asked][14:17] == ["penanggung_jawab.nama", "penanggung_jawab.jabatan",
                                                        "penanggung_jawab.nip"]
    written = (root / PATH).read_text(encoding="utf-8")
    assert f'penanggung_jawab: {{nama: "{long_name.strip()}", jabatan: Kepala Bidang, nip: ""}}\n' in written
    assert 'nama:\t"Resik Lansia"' in written


def test_without_a_form_the_ending_names_the_pull_request_alone():
    from ooi.cli.isi_ending import _next_steps
    from ooi.model.settings import Settings

    assert _next_steps(SimpleNamespace(rel=PATH, settings=Settings(cabang="utama")), errors=False) == [
        "Langkah berikutnya: kirim berkasnya lewat pull request:", f"  git add {PATH}",
        '  git commit -m "Inovasi resik-lansia"',
        "  git push, lalu buka pull request ke cabang utama; CI memeriksanya dan sekretariat meninjaunya."]


def test_evidence_named_by_its_path_is_written_as_berkas_and_a_backslash_fixed_by_enter(root):
    (root / "bukti/dinsos").mkdir(parents=True)
    (root / "bukti/dinsos/sk-resik-lansia.pdf").write_bytes(b"%PDF-1.4\n")
    asked, shown, _ = walk(root, {"bukti[0].tautan": ["bukti\\dinsos\\sk-resik-lansia.pdf", ""]})
    assert ("Tautan https ke bukti; atau jalur berkas bukti di repositori, pengganti tautan\n"
            "  (mis. bukti/dinkes/sk-inovasi.pdf)\n") in shown
    assert ("  ✗ jalur berkas bukti `bukti\\dinsos\\sk-resik-lansia.pdf` memakai `\\`; pemisah\n"
            "    folder di repositori adalah `/` (di Linux dan macOS `\\` bagian dari nama)\n"
            "  Coba lagi, atau Enter saja untuk memakai `bukti/dinsos/sk-resik-lansia.pdf`;\n"
            "  ketik - untuk melewati.\n> \n  memakai `bukti/dinsos/sk-resik-lansia.pdf`\n"
            "  ✓ tersimpan: bukti/dinsos/sk-resik-lansia.pdf (sebagai `bukti[0].berkas`)\n") in shown
    assert load(root / PATH).data["bukti"][0] == {"jenis": "", "judul": "", "berkas": "bukti/dinsos/sk-resik-lansia.pdf",
                                                  "tanggal": ""}
