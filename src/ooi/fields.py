"""What each record key means and what to write in it (id/en): for hints, templates and schemas."""

from __future__ import annotations

from typing import NamedTuple

from ooi.i18n import current


class FieldDoc(NamedTuple):
    id: str
    en: str
    example: str = ""

    def text(self) -> str:
        return self.en if current() == "en" else self.id


def _docs(**rows: tuple) -> dict[str, FieldDoc]:
    return {key.replace("__", "."): FieldDoc(*row) for key, row in rows.items()}


AGENCY = _docs(
    kode=("kode OPD, sama dengan nama berkas", "agency code, equal to the file name", "dinkes"),
    nama=("nama resmi OPD", "official name of the agency", "Dinas Kesehatan"),
    singkatan=("singkatan yang lazim", "usual abbreviation", "Dinkes"),
    jenis=("jenis perangkat daerah", "kind of agency", "dinas"),
    induk=("kode kecamatan induk (wajib untuk kelurahan)", "code of the parent kecamatan (required for a kelurahan)",
           "kec-batu"),
    urusan=("daftar kode urusan (Permendagri 90/2019)", "list of sector codes (Permendagri 90/2019)", '["1.02"]'),
    aktif_sejak=("tanggal OPD mulai ada", "date the agency began", "2017-01-01"),
    aktif_sampai=("tanggal OPD dilebur atau berganti nama", "date the agency was merged or renamed", "2024-12-31"),
    pemilik=("tim pengelola berkas OPD ini di repositori", "code-host teams that own this agency's files",
             '["@pemkot-batu/dinkes"]'),
    sumber=("sumber data entri ini", "where this entry's facts come from", "Perda 8/2020"),
)

INNOVATION = _docs(
    nama=("nama inovasi", "name of the innovation", "PENAK PKK"),
    opd=("kode OPD pelaksana, sama dengan nama foldernya", "agency code, equal to its folder name", "dispendukcapil"),
    tahapan=("tahapan inovasi: inisiatif, uji_coba, atau penerapan", "stage: inisiatif, uji_coba or penerapan",
             "uji_coba"),
    bentuk=("bentuk inovasi", "form of the innovation", "pelayanan_publik"),
    jenis=("jenis inovasi", "type of the innovation", "digital"),
    inisiator=("pengusul inovasi", "who initiated it", "opd"),
    urusan=("urusan utama dan irisannya", "main sector and related sectors", '{utama: "1.02"}'),
    urusan__utama=("kode urusan utama, dalam tanda kutip", "main sector code, in quotes", '"1.02"'),
    urusan__irisan=("kode urusan terkait", "related sector codes", '["2.16"]'),
    tanggal_lapor=("tanggal catatan ini pertama kali dilaporkan", "date this record was first filed", "2023-03-01"),
    latar_belakang=("masalah yang diselesaikan dan mengapa penting (minimal 15 kata)",
                    "the problem and why it matters (15 words or more)", "Antrean pendaftaran ..."),
    tujuan=("tujuan inovasi", "objective", "Mempercepat ..."),
    manfaat=("manfaat yang diharapkan", "expected benefit", "Warga tidak perlu ..."),
    rancang_bangun=("rancangan dan pokok perubahan dibanding cara kerja sekarang (minimal 15 kata)",
                    "design and main changes against today's way of working (15 words or more)", "Pendaftaran ..."),
    keluaran=("keluaran terukur: indikator, target, satuan", "measurable output: indicator, target, unit",
              "{indikator: ..., target: 100, satuan: persen}"),
    keluaran__indikator=("indikator keluaran", "output indicator", "Waktu layanan"),
    keluaran__target=("target angka indikator", "numeric target of the indicator", "100"),
    keluaran__satuan=("satuan indikator", "unit of the indicator", "persen"),
    penerima_manfaat=("siapa yang mendapat manfaat", "who benefits", "{kelompok: [masyarakat], uraian: ..., jumlah: 500}"),
    penerima_manfaat__kelompok=("kelompok penerima manfaat", "beneficiary groups", "[masyarakat]"),
    penerima_manfaat__uraian=("uraian penerima manfaat", "description of the beneficiaries", "Pasien puskesmas"),
    penerima_manfaat__jumlah=("jumlah penerima manfaat", "number of beneficiaries", "500"),
    penanggung_jawab=("penanggung jawab: nama, jabatan, NIP", "person in charge: name, position, NIP",
                      '{nama: ..., jabatan: ..., nip: "197805122005011003"}'),
    penanggung_jawab__nama=("nama penanggung jawab", "name of the person in charge", "Siti Aminah"),
    penanggung_jawab__jabatan=("jabatan penanggung jawab", "position of the person in charge", "Kepala Bidang"),
    penanggung_jawab__nip=("NIP 18 angka dalam tanda kutip", "18-digit NIP, in quotes", '"197805122005011003"'),
    anggaran=("sumber dan jumlah anggaran", "budget source and amount", "{sumber: apbd, jumlah: 25000000}"),
    anggaran__sumber=("sumber anggaran", "budget source", "apbd"),
    anggaran__jumlah=("jumlah anggaran dalam rupiah, tanpa titik", "amount in rupiah, without dots", "25000000"),
    prinsip=("delapan prinsip inovasi daerah (PP 38/2017 Pasal 3)", "the eight principles (PP 38/2017 art. 3)", ""),
    tahun_rencana=("tahun rencana inovasi", "the year the plan is for", "2023"),
    jadwal=("jadwal kegiatan: kegiatan, mulai, selesai", "schedule: activity, start, end",
            "[{kegiatan: Uji coba, mulai: 2023-05-01, selesai: 2023-07-31}]"),
    waktu=("tanggal uji coba dan penerapan", "dates of the pilot and of entry into force", "{uji_coba: 2023-05-02}"),
    waktu__uji_coba=("tanggal uji coba dimulai", "date the pilot started", "2023-05-02"),
    waktu__penerapan=("tanggal inovasi mulai diterapkan", "date the innovation came into force", "2023-09-01"),
    hasil=("capaian inovasi, dengan angka", "what it achieved, with numbers", "Waktu layanan turun dari 3 hari ..."),
    bukti=("bukti dukung: jenis, judul, tautan atau berkas, tanggal",
           "evidence: kind, title, link or file, date",
           "[{jenis: regulasi, judul: SK Kepala Dinas ..., tautan: https://..., tanggal: 2023-04-01}]"),
    penghargaan=("penghargaan yang diterima", "awards received", "[{nama: KIPP Top 99, tahun: 2021}]"),
    replikasi=("daerah atau OPD yang meniru inovasi ini", "who replicated it", "[{oleh: Kota Malang, tahun: 2022}]"),
    catatan=("catatan bebas", "free notes", ""),
)

# Each principle's statement key, shared by P1…P8.
INNOVATION["prinsip.*.uraian"] = FieldDoc(
    "uraian bagaimana inovasi memenuhi prinsip ini (minimal 6 kata, berbeda untuk tiap prinsip)",
    "how the innovation meets this principle (6 words or more, different for each principle)", "...")


def lookup(docs: dict[str, FieldDoc], dotted: str) -> FieldDoc | None:
    """The doc of `a.b[0].c` (indices dropped), falling back to the shared principle keys."""
    key = _strip_indices(dotted)
    if key in docs:
        return docs[key]
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "prinsip":
        return docs.get(f"prinsip.*.{parts[2]}")
    return None


def _strip_indices(dotted: str) -> str:
    while "[" in dotted:
        start = dotted.index("[")
        dotted = dotted[:start] + dotted[dotted.index("]", start) + 1:]
    return dotted
