"""The browser form end to end: Decap CMS over a temporary git repository, filled in headless Chromium, then validated.

Decap CMS, its `decap-server` proxy and the `playwright-core` driver come pinned from the npm registry
into tests/cms/ (`npm ci` there; .ci/run does it). The page loads Decap from that local copy, checked by
the browser against the hash `ooi cms` pins, and every other request is refused: nothing comes from the network.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from parts import need
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock
from ooi.workflow.cms_admin import DECAP_URL
from ooi.workflow.template import SCHEMA_COMMENT

ROOT = Path(__file__).resolve().parents[1]
PARTS = ROOT / "tests" / "cms"
FILED = "2025-11-03T09:00:00+07:00"  # when the officer saves: Decap's commit, dated like every test commit
TODAY = date(2025, 11, 10)
SCREENSHOT = ROOT / "docs" / "formulir-cms.png"  # rewritten with OOI_UPDATE_GOLDEN=1, as the golden files
PDF = b"%PDF-1.4\n% SK Tim Sapa Lansia Terpadu\n%%EOF\n"

# What an officer of Dinas Sosial types and picks for a new pilot: [action, field, value]; `add` opens a list item.
STEPS = [
    ["text", "nama", "Sapa Lansia Terpadu (SALSA)"],
    ["choose", "opd", "dinsos"],
    ["choose", "tahapan", "uji_coba"],
    ["choose", "bentuk", "pelayanan_publik"],
    ["choose", "jenis", "non_digital"],
    ["choose", "inisiator", "opd —"],
    ["choose", "urusan.utama", "1.06"],
    ["choose", "urusan.irisan", ["1.02"]],
    ["date", "tanggal_lapor", "2025-11-03"],
    ["text", "latar_belakang", "Banyak warga lanjut usia di Kota Batu tinggal sendiri dan tidak terdata, sehingga "
                               "bantuan sosial dan layanan kesehatan sering tidak sampai kepada mereka tepat waktu."],
    ["text", "tujuan", "Mendata dan mengunjungi setiap lansia yang tinggal sendiri setiap bulan."],
    ["text", "manfaat", "Lansia terlantar cepat mendapat bantuan sosial dan rujukan layanan kesehatan."],
    ["text", "rancang_bangun", "Pendamping sosial kelurahan mendata lansia dari rumah ke rumah, mencatat kebutuhan "
                               "mereka pada kartu kunjungan, lalu Dinas Sosial menyalurkan bantuan dan merujuk ke "
                               "puskesmas dalam tujuh hari, bukan menunggu laporan warga seperti sekarang."],
    ["text", "keluaran.indikator", "Lansia tinggal sendiri yang dikunjungi"],
    ["text", "keluaran.target", "300"],
    ["text", "keluaran.satuan", "orang"],
    ["choose", "penerima_manfaat.kelompok", ["masyarakat —"]],
    ["text", "penerima_manfaat.uraian", "Warga lanjut usia yang tinggal sendiri di 24 desa dan kelurahan"],
    ["text", "penerima_manfaat.jumlah", "300"],
    ["text", "penanggung_jawab.nama", "Rina Kartikasari"],
    ["text", "penanggung_jawab.jabatan", "Kepala Bidang Rehabilitasi Sosial"],
    ["text", "penanggung_jawab.nip", "198203142006042007"],
    ["choose", "anggaran.sumber", "apbd —"],
    ["text", "anggaran.jumlah", "45000000"],
    ["text", "prinsip.efisiensi.uraian", "Pendataan di rumah lansia memangkas waktu tunggu bantuan dari sebulan "
                                         "menjadi seminggu."],
    ["add", "ukuran"],
    ["text", "prinsip.efisiensi.ukuran.indikator", "Waktu sampai bantuan diterima"],
    ["text", "prinsip.efisiensi.ukuran.satuan", "hari"],
    ["text", "prinsip.efisiensi.ukuran.sebelum", "30"],
    ["text", "prinsip.efisiensi.ukuran.sesudah", "7"],
    ["choose", "prinsip.efisiensi.ukuran.arah", "turun"],
    ["text", "prinsip.efektivitas.uraian", "Jumlah lansia yang dikunjungi tiap bulan diukur terhadap target tiga ratus "
                                           "orang."],
    ["text", "prinsip.efektivitas.target", "300"],
    ["text", "prinsip.efektivitas.realisasi", "120"],
    ["text", "prinsip.kualitas_pelayanan.uraian", "Lansia dilayani di rumah oleh pendamping yang sama setiap bulan "
                                                  "sehingga layanan lebih ramah."],
    ["text", "prinsip.kualitas_pelayanan.skm.nilai", "82.5"],
    ["text", "prinsip.kualitas_pelayanan.skm.tahun", "2025"],
    ["text", "prinsip.kualitas_pelayanan.pengaduan.masuk", "12"],
    ["text", "prinsip.kualitas_pelayanan.pengaduan.selesai", "11"],
    ["text", "prinsip.tanpa_konflik_kepentingan.uraian", "Pendamping tidak menerima imbalan dan tidak memilih "
                                                         "penerima bantuan sendiri."],
    ["check", "prinsip.tanpa_konflik_kepentingan.pernyataan", None],
    ["add", "pihak terkait"],
    ["text", "prinsip.tanpa_konflik_kepentingan.pihak_terkait.nama", "Karang Werdha Kota Batu"],
    ["text", "prinsip.tanpa_konflik_kepentingan.pihak_terkait.peran", "mitra pendataan lansia"],
    ["choose", "prinsip.tanpa_konflik_kepentingan.pihak_terkait.hubungan", "tidak_ada"],
    ["text", "prinsip.tanpa_konflik_kepentingan.pihak_terkait.mitigasi", "Data dicek ulang oleh pekerja sosial dinas."],
    ["text", "prinsip.kepentingan_umum.uraian", "Manfaatnya untuk lansia yang tinggal sendiri, bukan untuk pegawai "
                                                "dinas."],
    ["text", "prinsip.keterbukaan.uraian", "Jadwal kunjungan dan jumlah lansia yang dilayani diumumkan di laman "
                                           "resmi kota."],
    ["add", "publikasi"],
    ["text", "prinsip.keterbukaan.publikasi.tautan", "https://batukota.go.id/berita/salsa-lansia"],
    ["text", "prinsip.keterbukaan.publikasi.media", "Laman resmi Pemerintah Kota Batu"],
    ["date", "prinsip.keterbukaan.publikasi.tanggal", "2025-10-20"],
    ["text", "prinsip.kepatutan.uraian", "Uji coba ditetapkan dengan keputusan kepala dinas dan mengikuti standar "
                                         "pelayanan sosial."],
    ["add", "dasar hukum"],
    ["choose", "prinsip.kepatutan.dasar_hukum.jenis", "sk_kepala_opd"],
    ["text", "prinsip.kepatutan.dasar_hukum.nomor", "188.45/77/KEP/422.105/2025"],
    ["date", "prinsip.kepatutan.dasar_hukum.tanggal", "2025-09-25"],
    ["text", "prinsip.kepatutan.dasar_hukum.tentang", "Uji Coba Sapa Lansia Terpadu"],
    ["text", "prinsip.akuntabilitas.uraian", "Setiap kunjungan dicatat dan dilaporkan kepada kepala dinas setiap "
                                             "bulan untuk diperiksa."],
    ["choose", "prinsip.akuntabilitas.monev.jenis", "internal"],
    ["date", "prinsip.akuntabilitas.monev.tanggal", "2025-10-31"],
    ["text", "prinsip.akuntabilitas.monev.ringkasan", "Seratus dua puluh lansia dikunjungi pada bulan pertama."],
    ["date", "waktu.uji_coba", "2025-10-01"],
    ["add", "bukti"],
    ["choose", "bukti.jenis", "sk_tim"],
    ["text", "bukti.judul", "SK Tim Sapa Lansia Terpadu"],
    ["text", "bukti.tautan", "https://batukota.go.id/dokumen/sk-tim-salsa"],
    ["upload", "bukti.berkas", "sk-tim-salsa.pdf"],
    ["date", "bukti.tanggal", "2025-09-25"],
    ["text", "catatan", "Uji coba di Kecamatan Bumiaji lebih dulu."],
    ["text", "nama_inisiator", "Dinas Sosial Kota Batu"],
]


# A plan with only what a plan needs: the optional blocks (SKM, complaints, monitoring, evidence) stay empty.
PLAN = [
    ["text", "nama", "Kartu Lansia Mandiri"],
    ["choose", "opd", "dinsos"],
    ["choose", "tahapan", "inisiatif"],
    ["choose", "bentuk", "pelayanan_publik"],
    ["choose", "jenis", "digital —"],
    ["choose", "inisiator", "opd —"],
    ["choose", "urusan.utama", "1.06"],
    ["date", "tanggal_lapor", "2025-11-03"],
    ["text", "latar_belakang", "Data lansia penerima bantuan tersebar di tiga buku register sehingga petugas "
                               "kelurahan sulit memastikan siapa yang sudah dikunjungi dan dibantu bulan ini, dan "
                               "sebagian lansia terlewat."],
    ["text", "tujuan", "Menyatukan data kunjungan lansia dalam satu kartu digital."],
    ["text", "manfaat", "Petugas tahu lansia mana yang belum dikunjungi bulan ini."],
    ["text", "rancang_bangun", "Setiap lansia mendapat kartu berkode yang dipindai petugas saat kunjungan, lalu "
                               "data masuk ke satu daftar bersama yang dibaca dinas dan kelurahan setiap minggu untuk "
                               "menyusun jadwal."],
    ["text", "keluaran.indikator", "Lansia yang memiliki kartu"],
    ["text", "keluaran.target", "500"],
    ["text", "keluaran.satuan", "orang"],
    ["choose", "penerima_manfaat.kelompok", ["masyarakat —"]],
    ["text", "penerima_manfaat.uraian", "Lansia penerima bantuan sosial di Kota Batu"],
    ["text", "penerima_manfaat.jumlah", "500"],
    ["text", "penanggung_jawab.nama", "Rina Kartikasari"],
    ["text", "penanggung_jawab.jabatan", "Kepala Bidang Rehabilitasi Sosial"],
    ["text", "penanggung_jawab.nip", "198203142006042007"],
    ["choose", "anggaran.sumber", "tanpa_anggaran"],
    ["text", "anggaran.jumlah", "0"],
    ["text", "prinsip.efisiensi.uraian", "Satu kartu menggantikan tiga buku register yang diisi berulang oleh "
                                         "petugas."],
    ["text", "prinsip.efektivitas.uraian", "Keberhasilan diukur dari jumlah lansia yang memiliki kartu dibanding "
                                           "target."],
    ["text", "prinsip.kualitas_pelayanan.uraian", "Lansia tidak perlu lagi ditanya data yang sama pada setiap "
                                                  "kunjungan petugas."],
    ["text", "prinsip.tanpa_konflik_kepentingan.uraian", "Kartu dibuat sendiri oleh dinas tanpa penyedia dari luar "
                                                         "pemerintah."],
    ["check", "prinsip.tanpa_konflik_kepentingan.pernyataan", None],
    ["text", "prinsip.kepentingan_umum.uraian", "Yang terbantu adalah lansia dan keluarganya di kota ini, bukan "
                                                "kepentingan pegawai."],
    ["text", "prinsip.keterbukaan.uraian", "Rencana dan hasil uji coba akan diumumkan lewat radio dan laman kota."],
    ["add", "publikasi"],
    ["text", "prinsip.keterbukaan.publikasi.media", "Radio Kota Batu"],
    ["text", "prinsip.kepatutan.uraian", "Rencana ini mengikuti standar pelayanan minimal bidang sosial yang "
                                         "berlaku."],
    ["text", "prinsip.akuntabilitas.uraian", "Daftar kartu diperiksa kepala bidang setiap bulan dan dilaporkan "
                                             "kepada kepala dinas."],
    ["text", "tahun_rencana", "2026"],
    ["add", "jadwal"],
    ["text", "jadwal.kegiatan", "Pencetakan kartu dan pelatihan petugas"],
    ["date", "jadwal.mulai", "2026-02-02"],
    ["date", "jadwal.selesai", "2026-03-31"],
]


def _parts() -> tuple[str, str]:
    node = need(shutil.which("node"), "node not found: the browser form is not tested. Install the Debian package "
                                      "`nodejs` and run `npm ci` in tests/cms (.ci/run does)")
    for package in ("decap-cms", "decap-server", "playwright-core"):
        need(str(PARTS) if (PARTS / "node_modules" / package / "package.json").exists() else None,
             f"tests/cms/node_modules/{package} missing: run `npm ci` in tests/cms (.ci/run does)")
    found = os.environ.get("OOI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return node, need(found, "Chromium not found: install the Debian package `chromium` (.ci/run does)")


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _git(root: Path, *args: str) -> str:
    day = "2025-10-01T08:00:00+07:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


def _ooi(root: Path, *args: str):
    with clock.frozen(TODAY):
        return CliRunner().invoke(app, [*args, "--root", str(root)], env={"OOI_LANG": None, "OOI_ROOT": None})


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _wait(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read()
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail("decap-server did not listen within 30 s")


@pytest.mark.lambat
@pytest.mark.parametrize(("steps", "slug"), [(STEPS, "sapa-lansia-terpadu-salsa"), (PLAN, "kartu-lansia-mandiri")],
                         ids=["uji_coba", "inisiatif"])
def test_an_officer_files_through_the_form_and_ooi_finds_no_error(tmp_path, git_identity, monkeypatch, steps, slug):
    node, chromium = _parts()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = tmp_path / "repo"
    repo.mkdir()
    # The sample's settings without its git_sejak (its own import day, after this test's days): the repository's
    # first commit is its import, as in any fresh repository of the sample.
    settings = (ROOT / "ooi.yaml").read_text(encoding="utf-8")
    (repo / "ooi.yaml").write_text(re.sub(r"(?m)^git_sejak:.*\n", "", settings), encoding="utf-8")
    shutil.copytree(ROOT / "data", repo / "data")
    outcome = _ooi(repo, "cms", "--lokal")
    assert outcome.exit_code == 0, outcome.output
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "data and the admin page")

    # The test copy of the page: Decap from the local npm package (the same file, so the browser's
    # integrity check of the pinned hash still runs), and the proxy on a free loopback port.
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(PARTS / "node_modules" / "decap-cms" / "dist" / "decap-cms.js", site / "decap-cms.js")
    index = (repo / "admin" / "index.html").read_text(encoding="utf-8")
    assert DECAP_URL in index
    (site / "index.html").write_text(index.replace(DECAP_URL, "decap-cms.js"), encoding="utf-8")
    port = _port()
    config = (repo / "admin" / "config.yml").read_text(encoding="utf-8")
    assert "\nlocal_backend: true\n" in config
    (site / "config.yml").write_text(config.replace(
        "\nlocal_backend: true\n", f"\nlocal_backend:\n  url: http://127.0.0.1:{port}/api/v1\n"), encoding="utf-8")

    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
           "LOG_LEVEL": "warn", "GIT_AUTHOR_DATE": FILED, "GIT_COMMITTER_DATE": FILED}
    proxy = subprocess.Popen([node, str(PARTS / "node_modules" / "decap-server" / "dist" / "index.js")], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    server, web = _serve(site)
    try:
        _wait(port, proxy)
        (tmp_path / "sk-tim-salsa.pdf").write_bytes(PDF)  # the scanned decree on the officer's computer
        typed = [[*step[:2], str(tmp_path / step[2])] if step[0] == "upload" else step for step in steps]
        plan = tmp_path / "plan.json"
        plan.write_text(json.dumps({"url": f"http://127.0.0.1:{web}/index.html", "chromium": chromium,
                                    "screenshot": str(tmp_path / "form.png"), "steps": typed}), encoding="utf-8")
        done = subprocess.run([node, str(PARTS / "fill.mjs"), str(plan)], cwd=PARTS, capture_output=True, text=True,
                              timeout=300)
    finally:
        server.shutdown()
        proxy.terminate()
        proxy.wait(timeout=10)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"saved": True, "filled": [step[1] for step in steps if step[0] != "add"], "errors": [],
                      "problems": []}
    shot = (tmp_path / "form.png").read_bytes()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and shot[16:24] == struct.pack(">II", 1200, 1500)
    if steps is STEPS and os.environ.get("OOI_UPDATE_GOLDEN") == "1":  # the README shows the pilot's form
        SCREENSHOT.write_bytes(shot)

    # The editorial workflow: the entry is a branch (the pull request's) holding the record and, for the
    # pilot, the evidence uploaded into the agency's own folder (SPEC §15).
    record = f"data/inovasi/dinsos/{slug}.yaml"
    uploads = ["bukti/dinsos/sk-tim-salsa.pdf"] if steps is STEPS else []
    assert _git(repo, "diff", "--name-only", "main", f"cms/inovasi/dinsos/{slug}").split() == [*uploads, record]
    _git(repo, "checkout", "-q", f"cms/inovasi/dinsos/{slug}")
    text = (repo / record).read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT + "\nnama: ")  # like every record `ooi new` writes
    if uploads:
        assert (repo / uploads[0]).read_bytes() == PDF
        assert f"    berkas: {uploads[0]}\n" in text
    outcome = _ooi(repo, "validate", "--format", "json", str(repo / record))
    result = json.loads(outcome.stdout)
    assert (outcome.exit_code, result["errors"], result["warnings"]) == (0, 0, 0), result["findings"]
