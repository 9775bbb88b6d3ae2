"""What each record key means and what to write in it (id/en): for hints, templates and schemas."""

from __future__ import annotations

import re
from typing import NamedTuple

from ooi.i18n import tr


class FieldDoc(NamedTuple):
    id: str
    en: str
    example: str = ""
    full: str = ""  # a whole example where `example` is its start (`Mempercepat ...`): what `ooi isi` shows

    def text(self, language: str | None = None) -> str:
        """The doc in `language` (default: a message in the language it is shown in), word counts from the one table."""
        from ooi.model.facts import with_word_counts

        if language is None:
            return tr(with_word_counts(self.id), with_word_counts(self.en))
        return with_word_counts(self.en if language == "en" else self.id)


def _docs(**rows: tuple[str, ...]) -> dict[str, FieldDoc]:
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
    kuota=("jumlah inovasi tahun target yang wajib bagi OPD ini (bawaan: kuota di ooi.yaml)",
           "innovations of the target year this agency needs (default: kuota in ooi.yaml)", "2"),
    kontak=("kontak kantor untuk laporan dan pengingat (bukan nomor pribadi)",
            "office contact for reports and reminders (never a private number)",
            '{nama: Sekretariat Dinkes, email: dinkes@batukota.go.id}'),
    kontak__nama=("nama pejabat atau unit yang dihubungi", "name of the official or unit to contact",
                  "Sekretariat Dinas Kesehatan"),
    kontak__jabatan=("jabatan yang dihubungi", "position of the contact", "Sekretaris Dinas"),
    kontak__email=("surel kantor", "office e-mail", "dinkes@batukota.go.id"),
    kontak__telepon=("telepon kantor (bukan ponsel pribadi)", "office phone (never a private mobile)",
                     "(0341) 512345"),
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
    latar_belakang=("masalah yang diselesaikan dan mengapa penting: {latar_belakang.saran} kata atau lebih, "
                    "minimal {latar_belakang.minimal}", "the problem and why it matters: {latar_belakang.saran} "
                    "words or more, at least {latar_belakang.minimal}", "Antrean pendaftaran ...",
                    "Antrean pendaftaran akta kelahiran di kantor dinas memakan waktu 3 hari karena orang tua harus "
                    "datang sendiri membawa berkas; banyak keluarga di desa menundanya, sehingga cakupan akta anak "
                    "tertinggal dari target."),
    tujuan=("tujuan inovasi, minimal {tujuan.minimal} kata", "objective, {tujuan.minimal} words or more",
            "Mempercepat ...", "Mempercepat penerbitan akta kelahiran anak dari 3 hari menjadi 1 hari."),
    manfaat=("manfaat yang diharapkan, minimal {manfaat.minimal} kata",
             "expected benefit, {manfaat.minimal} words or more", "Warga tidak perlu ...",
             "Warga tidak perlu datang ke kantor; berkas dikumpulkan kader PKK di kelurahan."),
    rancang_bangun=("rancangan dan pokok perubahan dibanding cara kerja sekarang: {rancang_bangun.saran} kata atau "
                    "lebih, minimal {rancang_bangun.minimal}", "design and main changes against today's way of "
                    "working: {rancang_bangun.saran} words or more, at least {rancang_bangun.minimal}",
                    "Pendaftaran ...", "Pendaftaran akta dipindah dari loket dinas ke kader PKK di tiap kelurahan: "
                    "kader memeriksa dan memindai berkas, petugas dinas memverifikasi secara daring, lalu akta "
                    "dicetak dan diantar lewat kelurahan tanpa warga datang ke kantor."),
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
    hasil=("capaian inovasi, dengan angka, minimal {hasil.minimal} kata",
           "what it achieved, with numbers, {hasil.minimal} words or more", "Waktu layanan turun dari 3 hari ...",
           "Waktu layanan turun dari 3 hari menjadi 1 hari; 1.240 akta terbit lewat kader PKK selama uji coba."),
    bukti=("bukti dukung: jenis, judul, tautan atau berkas, tanggal",
           "evidence: kind, title, link or file, date",
           "[{jenis: regulasi, judul: SK Kepala Dinas ..., tautan: https://..., tanggal: 2023-04-01}]"),
    penghargaan=("penghargaan yang diterima", "awards received", "[{nama: KIPP Top 99, tahun: 2021}]"),
    replikasi=("daerah atau OPD yang meniru inovasi ini", "who replicated it", "[{oleh: Kota Malang, tahun: 2022}]"),
    catatan=("catatan bebas", "free notes", ""),
    iid=("klaim indikator Indeks Inovasi Daerah: kunci indikator → level (1–3) dan nomor indeks `bukti` "
         "pendukungnya (0 = bukti pertama); daftar kunci: `ooi explain I001`",
         "claims on the regional innovation index (IID): indicator key → level (1–3) and the index of each "
         "supporting `bukti` entry (0 = the first); the keys: `ooi explain I001`",
         "{regulasi: {level: 1, bukti: [0]}}"),
    nama_inisiator=("nama pengusul inovasi, untuk profil IID", "name of the initiator, for the IID profile",
                    "Dinas Kependudukan dan Pencatatan Sipil"),
    tematik=("tema IID inovasi ini, mis. stunting, kemiskinan ekstrem, investasi, digitalisasi layanan, inflasi",
             "IID themes of the innovation, e.g. stunting, kemiskinan ekstrem, investasi, digitalisasi layanan, "
             "inflasi", "[digitalisasi layanan]"),
    profil_bisnis=("tautan https atau jalur berkas profil bisnis inovasi, untuk profil IID",
                   "https link or repository path of the innovation's business profile, for the IID profile",
                   "bukti/dispendukcapil/profil-bisnis.pdf"),
)

# Each principle's statement key, shared by P1…P8.
INNOVATION["prinsip.*.uraian"] = FieldDoc(
    "uraian bagaimana inovasi memenuhi prinsip ini: {uraian_prinsip.saran} kata atau lebih, minimal "
    "{uraian_prinsip.minimal}, berbeda untuk tiap prinsip", "how the innovation meets this principle: "
    "{uraian_prinsip.saran} words or more, at least {uraian_prinsip.minimal}, different for each principle", "...")

# The keys inside lists and principle blocks, for the template of `ooi new` and the JSON Schema.
INNOVATION.update(_docs(
    jadwal__kegiatan=("nama kegiatan", "activity", "Uji coba di Kelurahan Sisir"),
    jadwal__mulai=("tanggal kegiatan dimulai", "start date", "2023-06-05"),
    jadwal__selesai=("tanggal kegiatan selesai", "end date", "2023-08-31"),
    bukti__jenis=("jenis bukti", "kind of evidence", "regulasi"),
    bukti__judul=("judul dokumen bukti", "title of the evidence", "SK Kepala Dinas tentang Penerapan Inovasi"),
    bukti__tautan=("tautan https ke bukti", "https link to the evidence", "https://batukota.go.id/...",
                   "https://dinsos.batukota.go.id/dokumen/sk-inovasi-2023.pdf"),
    bukti__berkas=("jalur berkas bukti di repositori, pengganti tautan", "path of the evidence file in the repository, "
                   "instead of a link", "bukti/dinkes/sk-inovasi.pdf"),
    bukti__tanggal=("tanggal dokumen bukti", "date of the evidence", "2023-04-01"),
    penghargaan__nama=("nama penghargaan", "name of the award", "KIPP Top 45"),
    penghargaan__tahun=("tahun penghargaan", "year of the award", "2022"),
    penghargaan__pemberi=("pemberi penghargaan", "who gave the award", "KemenPAN-RB"),
    replikasi__oleh=("daerah atau OPD yang meniru", "who replicated it", "Kota Malang"),
    replikasi__tahun=("tahun replikasi", "year of the replication", "2022"),
    iid__level=("level parameter yang diklaim: 1, 2, atau 3", "parameter level claimed: 1, 2 or 3", "2"),
    iid__bukti=("nomor indeks `bukti` yang mendukung level ini (0 = bukti pertama)",
                "index of each `bukti` entry supporting the level (0 = the first)", "[0]"),
    replikasi__uraian=("uraian replikasi", "description of the replication", ""),
    prinsip__efisiensi=("P1 peningkatan efisiensi: hemat waktu, biaya, langkah, atau tenaga",
                        "P1 increased efficiency: less time, cost, steps or staff", ""),
    prinsip__efisiensi__ukuran=("ukuran efisiensi sebelum dan sesudah inovasi", "efficiency measures before and after",
                                ""),
    prinsip__efisiensi__ukuran__indikator=("apa yang diukur", "what is measured", "Waktu penerbitan akta"),
    prinsip__efisiensi__ukuran__satuan=("satuan ukuran", "unit", "hari"),
    prinsip__efisiensi__ukuran__sebelum=("nilai sebelum inovasi", "value before the innovation", "3"),
    prinsip__efisiensi__ukuran__sesudah=("nilai sesudah inovasi", "value after the innovation", "1"),
    prinsip__efisiensi__ukuran__arah=("arah yang lebih baik: turun atau naik", "which way is better: turun or naik",
                                      "turun"),
    prinsip__efektivitas=("P2 perbaikan efektivitas: target keluaran tercapai",
                          "P2 improved effectiveness: the output target is met", ""),
    prinsip__efektivitas__target=("target indikator keluaran", "target of the output indicator", "90"),
    prinsip__efektivitas__realisasi=("realisasi indikator keluaran", "achieved value of the output indicator", "93"),
    prinsip__kualitas_pelayanan=("P3 perbaikan kualitas pelayanan", "P3 better service quality", ""),
    prinsip__kualitas_pelayanan__skm=("hasil survei kepuasan masyarakat (SKM)", "public satisfaction survey (SKM)",
                                      "{nilai: 84.3, tahun: 2022}"),
    prinsip__kualitas_pelayanan__skm__nilai=("nilai SKM, 25 sampai 100", "SKM score, 25 to 100", "84.3"),
    prinsip__kualitas_pelayanan__skm__tahun=("tahun survei", "year of the survey", "2022"),
    prinsip__kualitas_pelayanan__pengaduan=("pengaduan: jumlah masuk dan selesai", "complaints received and resolved",
                                            "{masuk: 40, selesai: 38}"),
    prinsip__kualitas_pelayanan__pengaduan__masuk=("jumlah pengaduan masuk", "complaints received", "40"),
    prinsip__kualitas_pelayanan__pengaduan__selesai=("jumlah pengaduan selesai", "complaints resolved", "38"),
    prinsip__tanpa_konflik_kepentingan=("P4 tidak ada konflik kepentingan", "P4 no conflict of interest", ""),
    prinsip__tanpa_konflik_kepentingan__pernyataan=("pernyataan bebas konflik kepentingan: tulis true",
                                                    "declaration of no conflict of interest: write true", "true"),
    prinsip__tanpa_konflik_kepentingan__pihak_terkait=("pihak luar yang terlibat dan hubungannya dengan penanggung "
                                                       "jawab", "outside parties involved and their tie to the person "
                                                       "in charge", ""),
    prinsip__tanpa_konflik_kepentingan__pihak_terkait__nama=("nama pihak terkait", "name of the party", "CV Maju"),
    prinsip__tanpa_konflik_kepentingan__pihak_terkait__peran=("peran pihak terkait", "role of the party",
                                                              "penyedia aplikasi"),
    prinsip__tanpa_konflik_kepentingan__pihak_terkait__hubungan=("hubungan dengan penanggung jawab",
                                                                 "tie to the person in charge", "tidak_ada"),
    prinsip__tanpa_konflik_kepentingan__pihak_terkait__mitigasi=("cara mencegah konflik kepentingan (wajib bila "
                                                                 "keluarga atau kepemilikan)", "how the conflict is "
                                                                 "prevented (required for family or ownership)", ""),
    prinsip__kepentingan_umum=("P5 berorientasi kepada kepentingan umum", "P5 oriented to the public interest", ""),
    prinsip__keterbukaan=("P6 dilakukan secara terbuka", "P6 carried out openly", ""),
    prinsip__keterbukaan__publikasi=("tempat inovasi diumumkan: tautan https atau nama media, dan tanggalnya",
                                     "where it was made public: an https link or a named medium, and when", ""),
    prinsip__keterbukaan__publikasi__tautan=("tautan https publikasi", "https link of the publication",
                                             "https://batukota.go.id/berita/...",
                                             "https://batukota.go.id/berita/2023/05/layanan-akta-lewat-kader-pkk"),
    prinsip__keterbukaan__publikasi__media=("nama media, bila tidak ada tautan", "name of the medium, if no link",
                                            "Radio Kota Batu"),
    prinsip__keterbukaan__publikasi__tanggal=("tanggal publikasi", "date of the publication", "2023-05-10"),
    prinsip__kepatutan=("P7 memenuhi nilai-nilai kepatutan", "P7 meets standards of propriety", ""),
    prinsip__kepatutan__dasar_hukum=("dasar hukum inovasi: jenis, nomor, tanggal", "legal basis: kind, number, date",
                                     ""),
    prinsip__kepatutan__dasar_hukum__jenis=("jenis dasar hukum", "kind of legal basis", "sk_kepala_opd"),
    prinsip__kepatutan__dasar_hukum__nomor=("nomor dokumen, dalam tanda kutip", "document number, in quotes",
                                            '"188.45/123/KEP/422.012/2023"'),
    prinsip__kepatutan__dasar_hukum__tanggal=("tanggal ditetapkan", "date it was enacted", "2023-04-01"),
    prinsip__kepatutan__dasar_hukum__tentang=("judul atau pokok isi", "title or subject", "Penerapan Inovasi ..."),
    prinsip__akuntabilitas=("P8 hasil dapat dipertanggungjawabkan, tidak untuk kepentingan diri sendiri",
                            "P8 accountable results, not for self-interest", ""),
    prinsip__akuntabilitas__monev=("pemantauan dan evaluasi terakhir", "latest monitoring and evaluation", ""),
    prinsip__akuntabilitas__monev__jenis=("jenis monev", "kind of evaluation", "internal"),
    prinsip__akuntabilitas__monev__tanggal=("tanggal monev", "date of the evaluation", "2023-12-15"),
    prinsip__akuntabilitas__monev__ringkasan=("ringkasan hasil monev", "summary of the findings", "Capaian ..."),
))


def lookup(docs: dict[str, FieldDoc], where: tuple[str | int, ...] | str) -> FieldDoc | None:
    """The doc of the key path `("bukti", 0, "judul")` (indices dropped), falling back to the shared principle keys.

    `where` may also be a doc key as the tables above write it (`bukti.judul`).
    """
    key = doc_key(where)
    if key in docs:
        return docs[key]
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "prinsip":
        return docs.get(f"prinsip.*.{parts[2]}")
    return None


_INDEX = re.compile(r"\[[0-9]+\]")


def doc_key(where: tuple[str | int, ...] | str) -> str:
    """`("bukti", 0, "judul")` → `bukti.judul`: the key of the docs and choice tables.

    A text (a doc key, or a rendered field name from a caller that has not taken `Finding.keys` yet) only loses
    its `[n]` indices: nothing in it is looked for that a YAML key holding `[`, `]` or `.` could break.
    """
    if isinstance(where, str):
        return _INDEX.sub("", where)
    return ".".join(str(key) for key in where if isinstance(key, str))


# Plain-language labels of the choices, for `ooi isi`'s numbered lists (keys as in INNOVATION, indices dropped).
_CHOICES = {
    "tahapan": {"inisiatif": ("rencana, belum dicoba", "a plan, not tried yet"),
                "uji_coba": ("sedang atau sudah diuji coba", "being or been piloted"),
                "penerapan": ("sudah diterapkan", "in force")},
    "bentuk": {"tata_kelola": ("tata kelola pemerintahan daerah", "local government administration"),
               "pelayanan_publik": ("pelayanan publik kepada warga", "public service to citizens"),
               "lainnya": ("bentuk lain sesuai urusan pemerintahan", "another form within the agency's sectors")},
    "jenis": {"digital": ("memakai aplikasi atau teknologi informasi", "uses an app or IT"),
              "non_digital": ("tanpa aplikasi", "no app")},
    "inisiator": {"kepala_daerah": ("kepala daerah (wali kota)", "the mayor"),
                  "anggota_dprd": ("anggota DPRD", "a member of the regional parliament"),
                  "opd": ("perangkat daerah (OPD) ini", "this agency"),
                  "asn": ("pegawai (ASN)", "a civil servant"),
                  "masyarakat": ("masyarakat", "the public")},
    "penerima_manfaat.kelompok": {"masyarakat": ("warga masyarakat", "citizens"),
                                  "pelaku_usaha": ("pelaku usaha", "businesses"),
                                  "desa_kelurahan": ("desa atau kelurahan", "villages and wards"),
                                  "lembaga": ("lembaga: sekolah, puskesmas, organisasi", "institutions"),
                                  "aparatur": ("aparatur pemerintah (pegawai)", "government staff")},
    "anggaran.sumber": {"apbd": ("APBD: anggaran pemerintah kota", "the city budget (APBD)"),
                        "apbdes": ("APBDes: anggaran desa", "a village budget (APBDes)"),
                        "apbn": ("APBN: anggaran pemerintah pusat", "the national budget (APBN)"),
                        "csr": ("CSR: dana tanggung jawab sosial perusahaan", "corporate social responsibility funds"),
                        "tanpa_anggaran": ("tanpa anggaran", "no budget"),
                        "lainnya": ("sumber lain", "another source")},
    "bukti.jenis": {"regulasi": ("peraturan atau surat keputusan (SK)", "a regulation or decree (SK)"),
                    "sk_tim": ("SK tim inovasi", "decree appointing the team"),
                    "dpa": ("DPA: dokumen pelaksanaan anggaran", "budget implementation document (DPA)"),
                    "sop": ("SOP: prosedur kerja", "standard operating procedure"),
                    "laporan_monev": ("laporan monitoring dan evaluasi", "monitoring and evaluation report"),
                    "skm": ("hasil survei kepuasan masyarakat (SKM)", "public satisfaction survey (SKM)"),
                    "foto": ("foto kegiatan", "photos"), "video": ("video", "video"),
                    "tautan": ("halaman web", "a web page"), "lainnya": ("bukti lain", "other evidence")},
    "prinsip.efisiensi.ukuran.arah": {"turun": ("makin kecil makin baik, mis. waktu atau biaya",
                                                "smaller is better, e.g. time or cost"),
                                      "naik": ("makin besar makin baik, mis. jumlah yang dilayani",
                                               "larger is better, e.g. people served")},
    "prinsip.tanpa_konflik_kepentingan.pihak_terkait.hubungan": {
        "tidak_ada": ("tidak ada hubungan", "no tie"), "keluarga": ("keluarga", "family"),
        "kepemilikan": ("kepemilikan usaha atau saham", "ownership"), "jabatan": ("hubungan jabatan", "office"),
        "lainnya": ("hubungan lain", "another tie")},
    "prinsip.kepatutan.dasar_hukum.jenis": {"sk_kepala_opd": ("SK kepala OPD (kepala dinas atau badan)",
                                                              "decree of the head of the agency"),
                                            "sk_wali_kota": ("SK wali kota", "mayor's decree"),
                                            "perwali": ("peraturan wali kota (Perwali)", "mayoral regulation"),
                                            "perda": ("peraturan daerah (Perda)", "regional regulation"),
                                            "lainnya": ("dasar hukum lain", "another legal basis")},
    "prinsip.akuntabilitas.monev.jenis": {"internal": ("internal, oleh OPD sendiri", "internal, by the agency"),
                                          "skm": ("survei kepuasan masyarakat", "public satisfaction survey"),
                                          "eksternal": ("eksternal, oleh pihak luar", "external")},
}


def choice_label(where: tuple[str | int, ...] | str, value: str) -> str:
    """The plain-language label of a choice (`bentuk`, `pelayanan_publik` → `pelayanan publik kepada warga`)."""
    label = _CHOICES.get(doc_key(where), {}).get(value)
    return tr(*label) if label else ""
