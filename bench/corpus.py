"""A deterministic corpus for the benchmark: N valid innovation records across N/10 agencies.

Standard library only, seeded, so the same N and seed always write the same bytes:
    python bench/corpus.py OUT --records 10000 [--seed 1] [--realistic] [--one-folder]
The records follow SPEC §3 and look like hand-written ones (60–80 lines, block and flow
styles, comments). The clean corpus passes every check, so it times the path of valid files;
`--realistic` varies every free text (no two records alike) and gives them what real records
carry: most files a few warnings (statements shorter than the advice), ~1 % an error.
`--one-folder` files every record in the first agency's folder (the registry as large as
ever): one huge folder should cost per record what many small ones do.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

PER_AGENCY = 10
# git_sejak: bench/run.py commits the corpus on that day, so its records are imports (R014).
SETTINGS = ("# Data sintetis untuk bench/run.py.\npemda: Pemerintah Daerah Uji\ntahun_target: 2023\njendela_tahun: 2\n"
            "bahasa: id\ngit_sejak: 2023-12-31\n")
# (short code, name, jenis, sector codes): the units most regions have (REFERENCE §7).
UNITS = (
    ("dinkes", "Dinas Kesehatan", "dinas", ("1.02",)),
    ("disdik", "Dinas Pendidikan", "dinas", ("1.01",)),
    ("dinsos", "Dinas Sosial", "dinas", ("1.06",)),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "dinas", ("1.03",)),
    ("disperkim", "Dinas Perumahan dan Kawasan Permukiman", "dinas", ("1.04", "2.10")),
    ("disnaker", "Dinas Tenaga Kerja", "dinas", ("2.07",)),
    ("dlh", "Dinas Lingkungan Hidup", "dinas", ("2.11",)),
    ("dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "dinas", ("2.12",)),
    ("dishub", "Dinas Perhubungan", "dinas", ("2.15",)),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "dinas", ("2.16", "2.20")),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dinas", ("2.18",)),
    ("disparta", "Dinas Pariwisata", "dinas", ("3.26", "2.22")),
    ("dpkp", "Dinas Pertanian dan Ketahanan Pangan", "dinas", ("3.27", "2.09")),
    ("bapenda", "Badan Pendapatan Daerah", "badan", ("5.02",)),
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "badan", ("5.03", "5.04")),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "badan", ("1.05",)),
    ("satpolpp", "Satuan Polisi Pamong Praja", "satuan", ("1.05",)),
    ("inspektorat", "Inspektorat", "inspektorat", ("6.01",)),
    ("setda", "Sekretariat Daerah", "sekretariat", ("4.01",)),
    ("kec-utara", "Kecamatan Utara", "kecamatan", ("7.01",)),
    ("kel-sumberejo", "Kelurahan Sumberejo", "kelurahan", ("7.01",)),
    ("kel-sidomulyo", "Kelurahan Sidomulyo", "kelurahan", ("7.01",)),
    ("kec-selatan", "Kecamatan Selatan", "kecamatan", ("7.01",)),
    ("kel-tegalrejo", "Kelurahan Tegalrejo", "kelurahan", ("7.01",)),
)
SUBJECTS = ("antrean layanan", "pengaduan warga", "data penerima bantuan", "perizinan usaha", "jadwal imunisasi",
            "retribusi pasar", "arsip kependudukan", "laporan bencana", "izin keramaian", "data pertanian",
            "layanan lansia", "pembayaran pajak", "pelatihan kerja", "pengangkutan sampah", "surat keterangan")
VERBS = ("Sistem Daring", "Layanan Jemput Bola", "Aplikasi Terpadu", "Pojok Konsultasi", "Gerai Keliling",
         "Dasbor Bersama", "Pos Pelayanan", "Kanal Aduan", "Kartu Digital", "Sekolah Lapang")
PLACES = ("kantor dinas", "kelurahan", "desa", "puskesmas", "kecamatan", "pasar", "sekolah", "balai warga")
PEOPLE = ("warga", "pelaku usaha kecil", "petani", "ibu hamil", "lansia", "pelajar", "pencari kerja", "nelayan")
FIRST = ("Agus", "Sri", "Budi", "Dewi", "Hadi", "Rina", "Eko", "Wulan", "Joko", "Lestari", "Bambang", "Ratna")
LAST = ("Santoso", "Wahyuni", "Prasetyo", "Handayani", "Nugroho", "Kurniawati", "Saputra", "Rahayu", "Hidayat")
STAGES = ("inisiatif", "uji_coba", "penerapan", "penerapan")
# Words for each record's own observations, so that no two records read alike (as real ones do not, and
# as R015, the near-duplicate check, expects: a template copied with a new name is a duplicate).
VOCABULARY = tuple("""warga petugas loket berkas antrean jadwal laporan data aplikasi formulir kelurahan desa pasar
    sekolah puskesmas kantor camat lurah kader relawan posyandu koperasi petani nelayan pedagang pelajar lansia
    difabel pagi siang sore malam hujan musim panen pekan bulan tahun rapat musyawarah survei keluhan saran
    pesan telepon surat stempel tanda tangan verifikasi validasi arsip gudang kendaraan motor jalan jembatan
    sungai sawah kebun hutan wisata hotel terminal stasiun masjid gereja balai lapangan pertemuan sosialisasi
    pelatihan bimbingan pendampingan kunjungan pemeriksaan pencatatan pengiriman penjemputan pembayaran""".split())


def _observed(rng: random.Random, words: int) -> str:
    """A sentence of the record's own: `words` words drawn from VOCABULARY."""
    return "Catatan lapangan: " + " ".join(rng.choice(VOCABULARY) for _ in range(words)) + "."


def agencies(count: int) -> list[dict]:
    """`count` agencies, region by region (`d001-dinkes`, …), each kelurahan under its region's kecamatan."""
    result = []
    for index in range(count):
        region, (unit, name, jenis, urusan) = divmod(index, len(UNITS))[0] + 1, UNITS[index % len(UNITS)]
        agency = {"kode": f"d{region:03d}-{unit}", "nama": f"{name} Daerah {region}", "jenis": jenis, "urusan": urusan}
        if jenis == "kelurahan":
            parent = "kec-utara" if unit in ("kel-sumberejo", "kel-sidomulyo") else "kec-selatan"
            agency["induk"] = f"d{region:03d}-{parent}"
        result.append(agency)
    # A kelurahan cut off from its kecamatan (a small N) hangs under the first kecamatan, or becomes a unit.
    kodes = {a["kode"] for a in result}
    for agency in result:
        if agency.get("induk") and agency["induk"] not in kodes:
            del agency["induk"]
            agency["jenis"] = "satuan"
    return result


def agency_text(agency: dict) -> str:
    lines = ["# yaml-language-server: $schema=../../schema/opd.schema.json",
             f"kode: {agency['kode']}", f"nama: {agency['nama']}",
             f"singkatan: {agency['kode'].split('-', 1)[1].upper()}", f"jenis: {agency['jenis']}"]
    if agency.get("induk"):
        lines.append(f"induk: {agency['induk']}")
    lines.append("urusan: [" + ", ".join(f'"{code}"' for code in agency["urusan"]) + "]")
    lines += ["pemilik:", f'  - "@pemda-uji/{agency["kode"]}"', 'sumber: "data sintetis bench/corpus.py"']
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    """A YAML scalar: plain where plain is safe, else JSON's double quotes (valid YAML)."""
    return json.dumps(text, ensure_ascii=False) if any(c in text for c in ":#{}[],&*!|>'\"%@`") else text


def _day(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randrange(days))


def _nip(rng: random.Random) -> str:
    born = _day(rng, date(1966, 1, 1), 365 * 28)
    return f"{born:%Y%m%d}{born.year + rng.randint(22, 30)}{rng.randint(1, 12):02d}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"


def _wrap(text: str, indent: str = "  ", width: int = 92) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, indent + line])


def innovation_text(rng: random.Random, agency: dict, number: int) -> tuple[str, str]:
    """One record of `agency` as (slug, YAML text); `number` keeps names unique within the agency."""
    subject, verb, place, people = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(PLACES), rng.choice(PEOPLE)
    nama = f"{verb} {subject.title()} {number}"
    slug = "-".join(nama.lower().split())
    stage = rng.choice(STAGES)
    bentuk = rng.choice(("pelayanan_publik", "pelayanan_publik", "tata_kelola"))
    utama = agency["urusan"][0]
    reported = _day(rng, date(2022, 1, 1), 360)
    pilot = reported - timedelta(days=rng.randint(200, 500))
    enacted = pilot + timedelta(days=rng.randint(60, 150))
    before, after = rng.randint(5, 14), rng.randint(1, 4)
    target = rng.randint(60, 95)
    count = rng.randint(50, 5000)
    host = f"https://{agency['kode']}.pemda-uji.go.id"
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    out = ["# yaml-language-server: $schema=../../../schema/inovasi.schema.json", f"nama: {_q(nama)}",
           f"opd: {agency['kode']}", f"tahapan: {stage}", f"bentuk: {bentuk}",
           f"jenis: {rng.choice(('digital', 'non_digital'))}", f"inisiator: {rng.choice(('opd', 'asn', 'kepala_daerah'))}",
           "urusan:", f'  utama: "{utama}"']
    if len(agency["urusan"]) > 1:
        out.append(f'  irisan: ["{agency["urusan"][1]}"]')
    out.append(f"tanggal_lapor: {reported}")
    if stage == "inisiatif":
        out += ["tahun_rencana: 2023", "jadwal:",
                f"  - {{kegiatan: Penyusunan SOP dan sosialisasi di {place}, mulai: 2023-02-01, selesai: 2023-04-28}}",
                f"  - {{kegiatan: Uji coba terbatas bagi {people}, mulai: 2023-05-02, selesai: 2023-09-29}}",
                "  - {kegiatan: Evaluasi dan penyusunan laporan, mulai: 2023-10-02, selesai: 2023-11-30}"]
    out += ["latar_belakang: >-", _wrap(
        f"Selama ini {people} harus datang sendiri ke {place} untuk urusan {subject}, antre berjam-jam, dan "
        f"sering kembali lagi karena berkas kurang lengkap; pada tahun lalu rata-rata penyelesaian memakan "
        f"waktu {before} hari dan keluhan tentang {subject} menjadi yang terbanyak di kanal pengaduan daerah. "
        + _observed(rng, 40)),
        f"tujuan: Mempercepat layanan {subject} bagi {people} dan mengurangi kunjungan berulang ke {place}.",
        f"manfaat: {_q(f'{people.capitalize()} cukup mengurus {subject} satu kali dan mengetahui statusnya setiap saat.')}",
        "rancang_bangun: >-", _wrap(
        f"Petugas menerima permohonan {subject} melalui formulir sederhana di {place} maupun secara daring, "
        f"memeriksa kelengkapan dengan daftar periksa baku, lalu memproses berkas dalam satu alur tanpa "
        f"meminta {people} kembali; sebelumnya setiap tahap ditangani loket yang berbeda. " + _observed(rng, 40)),
        "keluaran:", f"  indikator: Permohonan {subject} selesai tepat waktu", f"  target: {target}", "  satuan: persen",
        "penerima_manfaat:", f"  kelompok: [{rng.choice(('masyarakat', 'pelaku_usaha', 'desa_kelurahan'))}]",
        f"  uraian: {people.capitalize()} di seluruh wilayah {agency['nama']}", f"  jumlah: {count}",
        "penanggung_jawab:", f"  nama: {person}", f"  jabatan: Kepala Bidang Layanan {agency['nama']}",
        f'  nip: "{_nip(rng)}"', "anggaran:"]
    if rng.random() < 0.25:
        out.append("  sumber: tanpa_anggaran")
    else:
        out += [f"  sumber: {rng.choice(('apbd', 'apbd', 'apbn', 'csr'))}", f"  jumlah: {rng.randint(5, 400) * 1_000_000}"]
    if stage != "inisiatif":
        out += ["waktu:", f"  uji_coba: {pilot}"] + ([f"  penerapan: {enacted}"] if stage == "penerapan" else [])
        if stage == "penerapan":
            out.append(f"hasil: Rata-rata penyelesaian {subject} turun dari {before} hari menjadi {after} hari.")
        out += ["bukti:", "  - jenis: regulasi", f"    judul: Keputusan Kepala {agency['nama']} tentang {nama}",
                f"    tautan: {host}/{slug}", f"    tanggal: {pilot - timedelta(days=14)}",
                "  - jenis: foto", f"    judul: Dokumentasi pelaksanaan di {place}", f"    tautan: {host}/galeri/{number}"]
    out += ["prinsip:", "  efisiensi:", f"    uraian: {_q(f'Satu alur layanan memangkas waktu dan biaya {people} untuk urusan {subject}.')}"]
    if stage != "inisiatif":
        out += ["    ukuran:", f"      - {{indikator: waktu penyelesaian, satuan: hari, sebelum: {before}, sesudah: {after}, arah: turun}}",
                f"      - {{indikator: kunjungan ke {place}, satuan: kali, sebelum: 3, sesudah: 1, arah: turun}}"]
    out += ["  efektivitas:", f"    uraian: Permohonan {subject} diselesaikan tepat waktu sesuai target keluaran yang ditetapkan setiap tahun."]
    if stage == "penerapan":
        out += [f"    target: {target}", f"    realisasi: {min(100, target + rng.randint(0, 5))}"]
    out += ["  kualitas_pelayanan:", f"    uraian: {people.capitalize()} mendapat kepastian waktu, informasi status permohonan, dan layanan yang ramah."]
    if stage != "inisiatif":
        out.append(f"    skm: {{nilai: {rng.randint(780, 950) / 10}, tahun: {enacted.year}}}")
        complaints = rng.randint(30, 90)
        out.append(f"    pengaduan: {{masuk: {complaints}, selesai: {complaints - rng.randint(0, 3)}}}")
    out += ["  tanpa_konflik_kepentingan:", "    uraian: Tidak ada pihak yang memungut biaya atau mendapat keuntungan pribadi.",
            "    pernyataan: true", "  kepentingan_umum:",
            f"    uraian: Layanan terbuka bagi semua {people} tanpa biaya dan tanpa syarat tambahan.",
            "  keterbukaan:", f"    uraian: Alur, syarat, dan capaian layanan diumumkan di laman resmi {agency['nama']}.",
            "    publikasi:"]
    if stage == "inisiatif":
        out.append(f"      - {{media: Laman dan media sosial {agency['nama']}}}")
    else:
        out.append(f'      - {{tautan: "{host}/berita/{slug}", tanggal: {pilot + timedelta(days=3)}}}')
    out += ["  kepatutan:", f"    uraian: Pelaksanaan mengikuti standar pelayanan dan ketentuan {subject} yang berlaku."]
    if stage != "inisiatif":
        out += ["    dasar_hukum:", f'      - {{jenis: sk_kepala_opd, nomor: "{rng.randint(100, 999)}/{number}/{pilot.year}", tanggal: {pilot - timedelta(days=14)}}}']
    out += ["  akuntabilitas:", f"    uraian: Capaian dilaporkan setiap bulan kepada pimpinan dan dievaluasi bersama {people}."]
    if stage == "penerapan":
        out.append(f"    monev: {{jenis: internal, tanggal: {reported - timedelta(days=30)}, ringkasan: Evaluasi capaian layanan {subject}.}}")
    return slug, "\n".join(out) + "\n"


# Words for the realistic corpus: drawn at random, so statements differ from record to record.
WORDS = ("layanan", "warga", "cepat", "mudah", "terbuka", "jelas", "murah", "tepat", "adil", "aman", "ramah",
         "petugas", "berkas", "antrean", "biaya", "waktu", "jadwal", "laporan", "data", "informasi", "pengaduan",
         "kualitas", "capaian", "target", "anggaran", "kantor", "desa", "kelurahan", "sekolah", "pasar", "bulan",
         "tahun", "minggu", "setiap", "bersama", "langsung", "daring", "terpadu", "baru", "lengkap", "resmi",
         "pimpinan", "masyarakat", "keluarga", "pelajar", "petani", "nelayan", "pelaku", "usaha", "kecil",
         "memantau", "mencatat", "melayani", "mengumumkan", "memeriksa", "menilai", "menyusun", "memperbaiki")
_STATEMENT = re.compile(r"^    uraian: .*$", re.M)
_BACKGROUND = re.compile(r"^(latar_belakang: >-\n(?:  .*\n)+)", re.M)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def vary(rng: random.Random, text: str) -> str:
    """A record as people write them: texts of their own, three statements short of the advice, ~1 % too short."""
    statements = _STATEMENT.findall(text)
    short = set(rng.sample(range(len(statements)), 3))
    broken = rng.randrange(len(statements)) if rng.random() < 0.01 else -1
    parts, last = [], 0
    for index, match in enumerate(_STATEMENT.finditer(text)):
        # Ten words or more is clean, six to nine a warning (advice 10), three an error (minimum 6).
        count = 3 if index == broken else rng.randint(6, 9) if index in short else rng.randint(11, 18)
        parts += [text[last:match.start()], f"    uraian: {_words(rng, count).capitalize()}."]
        last = match.end()
    text = "".join(parts) + text[last:]
    extra = _wrap(f"Catatan lapangan: {_words(rng, rng.randint(8, 20))}.")
    return _BACKGROUND.sub(lambda m: m.group(1) + extra + "\n", text, count=1)


def write(root: Path, records: int, seed: int = 1, realistic: bool = False, one_folder: bool = False) -> Path:
    """Write a fresh data root of `records` innovations under `root` (replaced if it exists); see the module's doc."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    (root / "data/opd").mkdir(parents=True)
    (root / "ooi.yaml").write_text(SETTINGS, encoding="utf-8")
    units = agencies(max(1, records // PER_AGENCY))
    for agency in units:
        (root / "data/opd" / f"{agency['kode']}.yaml").write_text(agency_text(agency), encoding="utf-8")
    folders = {}
    for index in range(records):
        agency = units[0 if one_folder else index % len(units)]
        folder = folders.get(agency["kode"])
        if folder is None:
            folder = folders[agency["kode"]] = root / "data/inovasi" / agency["kode"]
            folder.mkdir(parents=True)
        slug, text = innovation_text(rng, agency, index + 1 if one_folder else index // len(units) + 1)
        if realistic:
            text = vary(rng, text)
        (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--realistic", action="store_true", help="varied texts, a few warnings, ~1 %% errors")
    parser.add_argument("--one-folder", action="store_true", help="every record in the first agency's folder")
    args = parser.parse_args()
    write(args.out, args.records, args.seed, args.realistic, args.one_folder)
    where = "one folder" if args.one_folder else "their agencies' folders"
    print(f"{args.records} records in {where}, {max(1, args.records // PER_AGENCY)} agencies, written to {args.out}")


if __name__ == "__main__":
    main()
