"""pydantic v2 records: Agency, Innovation (one model per stage) and their parts."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, Union, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from ooi.model.dates import is_date_form, parse_date
from ooi.model.names import SLUG, control_character

Tahapan = Literal["inisiatif", "uji_coba", "penerapan"]
JenisOpd = Literal["sekretariat", "inspektorat", "badan", "dinas", "satuan", "kecamatan", "kelurahan"]
TAHAPAN: tuple[str, ...] = get_args(Tahapan)
JENIS_OPD: tuple[str, ...] = get_args(JenisOpd)

_NIP = re.compile(r"[0-9]{18}")


def _parse_date(value: object) -> object:
    """Dates stay text in the loader (so `2023-02-30` cannot crash it); parse them here."""
    day = parse_date(value)
    if day is not None:
        return day
    if not is_date_form(value):
        raise PydanticCustomError("tanggal", "bukan tanggal YYYY-MM-DD", {"value": value})
    raise PydanticCustomError("tanggal", "tanggal tidak ada di kalender", {"value": value})


def _check_nip(value: str) -> str:
    """NIP: birth date YYYYMMDD, appointment YYYYMM, sex 1/2, 3-digit sequence (REFERENCE §9)."""
    if not _NIP.fullmatch(value):
        raise PydanticCustomError("nip", "NIP harus 18 angka", {"reason": "digits"})
    try:
        date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise PydanticCustomError("nip", "tanggal lahir tidak sah", {"reason": "birth"}) from None
    if not 1 <= int(value[12:14]) <= 12 or int(value[8:12]) < int(value[0:4]):
        raise PydanticCustomError("nip", "TMT pengangkatan tidak sah", {"reason": "appointment"})
    if value[14] not in "12":
        raise PydanticCustomError("nip", "digit jenis kelamin harus 1 atau 2", {"reason": "sex"})
    return value


def _check_path(value: str) -> str:
    """A path-like value never holds a control character (a NUL makes every file-system call fail)."""
    bad = control_character(value)
    if bad is not None:
        raise PydanticCustomError("jalur", "jalur memuat karakter kendali", {"char": bad})
    return value


Tanggal = Annotated[date, BeforeValidator(_parse_date)]
Slug = Annotated[str, Field(pattern=f"^{SLUG}$")]
KodeUrusan = Annotated[str, Field(pattern=r"^[0-9]\.[0-9]{2}$")]  # [0-9]: \d also takes Arabic-Indic digits
Teks = Annotated[str, Field(min_length=1)]
# A CODEOWNERS owner: `@org/team`, `@user` or an e-mail. Anything else (`#x@y.z` starts a comment,
# `*@evil.com`) would leave the folder without its owner, so the registry refuses it.
HANDLE = (r"^(?:@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:/[A-Za-z0-9][A-Za-z0-9._-]*)?"
          r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)$")
Pemilik = Annotated[str, Field(pattern=HANDLE)]
NIP = Annotated[str, AfterValidator(_check_nip)]
Jumlah = Annotated[int, Field(ge=0)]
Tahun = Annotated[int, Field(ge=1900, le=2100)]  # a year someone means, not 0 or twenty digits
Berkas = Annotated[str, Field(min_length=1), AfterValidator(_check_path)]
Angka = Annotated[float, Field(allow_inf_nan=False)]


class Record(BaseModel):
    """Strict: YAML types are taken as written, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- agency ---------------------------------------------------------------------

# An office contact: an address with a domain, and a phone written with digits, spaces,
# brackets, dots or hyphens (`(0341) 512345`, `+62 341 512345`). Whether the phone is a
# mobile, i.e. a person's own number, is rule R020's to say, with a reason.
# A plain address only: no `mailto:`, no `?cc=…&body=…` riding into the `mailto:` links of reports and letters.
EMAIL_PATTERN = r"^[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
TELEPON_PATTERN = r"^(?:\+62|\(0|0)[0-9 ().\-]{5,24}$"


class Kontak(Record):
    """Who at the agency answers for its innovations: an office contact, never a private one."""

    nama: Teks | None = None
    jabatan: Teks | None = None
    email: Annotated[str, Field(pattern=EMAIL_PATTERN)] | None = None
    telepon: Annotated[str, Field(pattern=TELEPON_PATTERN)] | None = None



class Agency(Record):
    kode: Slug
    nama: Teks
    singkatan: Teks
    jenis: JenisOpd
    induk: Slug | None = Field(default=None, validate_default=True)
    urusan: list[KodeUrusan] = Field(min_length=1)
    aktif_sejak: Tanggal | None = None
    aktif_sampai: Tanggal | None = None
    pemilik: list[Pemilik] = []
    sumber: Teks | None = None
    kuota: Annotated[int, Field(ge=1, le=100)] | None = None  # innovations it needs in T (ooi.yaml `kuota` if absent)
    kontak: Kontak | None = None

    @field_validator("induk")
    @classmethod
    def _kelurahan_has_induk(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("jenis") == "kelurahan":
            raise PydanticCustomError("missing", "kelurahan wajib punya induk")
        return value

    def active_on(self, day: date) -> bool:
        return (self.aktif_sejak is None or self.aktif_sejak <= day) and (
            self.aktif_sampai is None or day <= self.aktif_sampai
        )


# --- parts of an innovation ---------------------------------------------------------


class Urusan(Record):
    utama: KodeUrusan
    irisan: list[KodeUrusan] = []


class Keluaran(Record):
    indikator: Teks
    target: Angka
    satuan: Teks


class PenerimaManfaat(Record):
    kelompok: list[Literal["masyarakat", "pelaku_usaha", "desa_kelurahan", "lembaga", "aparatur"]] = Field(
        min_length=1
    )
    uraian: Teks
    jumlah: Jumlah


class PenanggungJawab(Record):
    nama: Teks
    jabatan: Teks
    nip: NIP


class Anggaran(Record):
    sumber: Literal["apbd", "apbdes", "apbn", "csr", "tanpa_anggaran", "lainnya"]
    jumlah: Jumlah = 0


class Kegiatan(Record):
    kegiatan: Teks
    mulai: Tanggal
    selesai: Tanggal


class Waktu(Record):
    uji_coba: Tanggal | None = None
    penerapan: Tanggal | None = None


class WaktuUjiCoba(Waktu):
    uji_coba: Tanggal


class WaktuPenerapan(Waktu):
    penerapan: Tanggal


class Bukti(Record):
    jenis: Literal["regulasi", "sk_tim", "dpa", "sop", "laporan_monev", "skm", "foto", "video", "tautan", "lainnya"]
    judul: Teks
    tautan: Teks | None = None
    berkas: Berkas | None = None
    tanggal: Tanggal | None = None


class KlaimIID(Record):
    """One IID indicator claimed: the parameter level and the `bukti` entries (by index) that show it."""

    level: Literal[1, 2, 3]
    bukti: list[Annotated[int, Field(ge=0)]] = []


class Penghargaan(Record):
    nama: Teks
    tahun: Tahun
    pemberi: Teks | None = None


class Replikasi(Record):
    oleh: Teks
    tahun: Tahun
    uraian: Teks | None = None


# --- the eight principles (SPEC §3.3) -----------------------------------------------


class Prinsip(Record):
    uraian: str


class Ukuran(Record):
    indikator: Teks
    satuan: Teks
    sebelum: Angka
    sesudah: Angka
    arah: Literal["turun", "naik"]


class Efisiensi(Prinsip):
    ukuran: list[Ukuran] = []


class Efektivitas(Prinsip):
    target: Angka | None = None
    realisasi: Angka | None = None


class SKM(Record):
    nilai: Angka
    tahun: Tahun


class Pengaduan(Record):
    masuk: Jumlah
    selesai: Jumlah


class KualitasPelayanan(Prinsip):
    skm: SKM | None = None
    pengaduan: Pengaduan | None = None


class PihakTerkait(Record):
    nama: Teks
    peran: Teks
    hubungan: Literal["tidak_ada", "keluarga", "kepemilikan", "jabatan", "lainnya"]
    mitigasi: str | None = None


class TanpaKonflikKepentingan(Prinsip):
    pernyataan: bool | None = None
    pihak_terkait: list[PihakTerkait] = []


class KepentinganUmum(Prinsip):
    pass


class Publikasi(Record):
    tautan: Teks | None = None
    media: Teks | None = None
    tanggal: Tanggal | None = None


class Keterbukaan(Prinsip):
    publikasi: list[Publikasi] = []


class DasarHukum(Record):
    jenis: Literal["sk_kepala_opd", "sk_wali_kota", "perwali", "perda", "lainnya"]
    nomor: Teks | None = None
    tanggal: Tanggal | None = None
    tentang: Teks | None = None


class Kepatutan(Prinsip):
    dasar_hukum: list[DasarHukum] = []


class Monev(Record):
    jenis: Literal["internal", "skm", "eksternal"]
    tanggal: Tanggal
    ringkasan: Teks


class Akuntabilitas(Prinsip):
    monev: Monev | None = None


class Prinsipil(Record):
    """The eight principles of PP 38/2017 Pasal 3, all required at every stage."""

    efisiensi: Efisiensi
    efektivitas: Efektivitas
    kualitas_pelayanan: KualitasPelayanan
    tanpa_konflik_kepentingan: TanpaKonflikKepentingan
    kepentingan_umum: KepentinganUmum
    keterbukaan: Keterbukaan
    kepatutan: Kepatutan
    akuntabilitas: Akuntabilitas


# --- the innovation, one model per stage ------------------------------------------


class Innovation(Record):
    """What every stage requires; the stage models add what their stage needs."""

    nama: Teks
    opd: Slug
    tahapan: Tahapan
    bentuk: Literal["tata_kelola", "pelayanan_publik", "lainnya"]
    jenis: Literal["digital", "non_digital"]
    inisiator: Literal["kepala_daerah", "anggota_dprd", "opd", "asn", "masyarakat"]
    urusan: Urusan
    tanggal_lapor: Tanggal
    latar_belakang: Teks
    tujuan: Teks
    manfaat: Teks
    rancang_bangun: Teks
    keluaran: Keluaran
    penerima_manfaat: PenerimaManfaat
    penanggung_jawab: PenanggungJawab
    anggaran: Anggaran
    prinsip: Prinsipil
    # A plan's fields stay when the same file moves on to a pilot and to use.
    tahun_rencana: Tahun | None = None
    jadwal: list[Kegiatan] | None = None
    waktu: Waktu | None = None
    hasil: Teks | None = None
    bukti: list[Bukti] = []
    penghargaan: list[Penghargaan] = []
    replikasi: list[Replikasi] = []
    catatan: str | None = None
    # The national index (SPEC §14): indicator key → level claimed, and the portal's profile-only fields.
    iid: dict[str, KlaimIID] | None = None
    nama_inisiator: Teks | None = None
    tematik: list[Teks] = []
    profil_bisnis: Teks | None = None

    @property
    def started(self) -> date | None:
        """The date the innovation counts from: its pilot, else its entry into force."""
        if self.waktu is None:
            return None
        return self.waktu.uji_coba or self.waktu.penerapan


class Inisiatif(Innovation):
    """A plan (kerangka acuan kerja): nothing has been tried yet."""

    tahapan: Literal["inisiatif"]
    tahun_rencana: Tahun
    jadwal: list[Kegiatan] = Field(min_length=1)
    waktu: None = None


class UjiCoba(Innovation):
    tahapan: Literal["uji_coba"]
    waktu: WaktuUjiCoba
    bukti: list[Bukti] = Field(min_length=1)


class Penerapan(Innovation):
    tahapan: Literal["penerapan"]
    waktu: WaktuPenerapan
    hasil: Teks
    bukti: list[Bukti] = Field(min_length=1)


AnyInnovation = Annotated[Union[Inisiatif, UjiCoba, Penerapan], Field(discriminator="tahapan")]
INNOVATION = TypeAdapter(AnyInnovation)
STAGE_MODELS = {"inisiatif": Inisiatif, "uji_coba": UjiCoba, "penerapan": Penerapan}
