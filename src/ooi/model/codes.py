"""The stable finding codes of the file (Y), schema (S), reference (R) and national-index (I) families.

The principle codes P1…P8 are documented by their own rule modules; `ooi.rules.catalogue`
joins both into one catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ooi.model.findings import Severity

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title_id: str
    title_en: str


def _codes(*rows: tuple[str, Severity, str, str]) -> dict[str, Code]:
    return {row[0]: Code(*row) for row in rows}


CODES = _codes(
    ("Y001", E, "berkas tidak dapat dibaca", "file cannot be read"),
    ("Y002", E, "berkas bukan teks UTF-8", "file is not UTF-8 text"),
    ("Y003", E, "sintaks YAML salah", "YAML syntax error"),
    ("Y004", E, "kunci ganda", "duplicate key"),
    ("Y005", E, "anchor/alias YAML tidak diizinkan", "YAML anchors and aliases are not allowed"),
    ("Y006", E, "tag YAML khusus tidak diizinkan", "custom YAML tags are not allowed"),
    ("Y007", E, "berkas terlalu besar", "file too large"),
    ("Y008", E, "struktur bersarang terlalu dalam", "nesting too deep"),
    ("Y009", E, "berkas kosong", "empty file"),
    ("Y010", E, "isi berkas bukan pemetaan kunci: nilai", "top level is not a mapping"),
    ("Y011", E, "lebih dari satu dokumen dalam satu berkas", "more than one document in the file"),
    ("Y012", E, "tautan simbolik keluar dari repositori", "symbolic link leads outside the repository"),
    ("Y013", E, "berkas di tempat yang salah atau berekstensi salah", "file in the wrong place or with the wrong extension"),
    ("Y014", E, "tanda akhir baris tak lazim", "unusual line terminator"),
    ("Y015", E, "nama yang merusak checkout di Windows atau macOS", "a name that breaks a checkout on Windows or macOS"),
    ("S001", E, "kunci wajib belum ada", "required key missing"),
    ("S002", E, "kunci tidak dikenal", "unknown key"),
    ("S003", E, "jenis nilai salah", "wrong type of value"),
    ("S004", E, "nilai di luar pilihan", "value outside the choices"),
    ("S005", E, "NIP tidak sah", "invalid NIP"),
    ("S006", E, "tanggal tidak sah", "invalid date"),
    ("S007", E, "bentuk nilai tidak sah", "value has an invalid form"),
    ("S008", E, "nilai dibaca YAML berbeda dari maksudnya", "YAML reads the value differently than meant"),
    ("S009", E, "daftar kurang isi", "list has too few items"),
    ("S010", E, "isian teks masih placeholder", "a text is still a placeholder"),
    ("S011", E, "teks melebihi batas panjang", "text longer than its bound"),
    ("R001", E, "OPD tidak terdaftar", "unknown agency"),
    ("R002", E, "nama folder atau berkas tidak sesuai isi", "folder or file name does not match the record"),
    ("R003", E, "nama berkas bukan slug", "file name is not a slug"),
    ("R004", E, "kode urusan tidak dikenal", "unknown sector code"),
    ("R005", E, "urutan tanggal tidak masuk akal", "dates out of order"),
    ("R006", E, "tanggal di masa depan", "date in the future"),
    ("R007", E, "nama inovasi ganda dalam satu OPD", "duplicate innovation name within an agency"),
    ("R008", E, "bukti tidak dapat dibuka (berkas atau tautan)", "evidence cannot be opened (file or link)"),
    ("R009", E, "teks memuat NIK (data pribadi)", "text contains a NIK (personal data)"),
    ("R010", E, "bukti dasar hukum belum ada", "no legal basis among the evidence"),
    ("R011", E, "CODEOWNERS usang atau ditimpa", "CODEOWNERS is stale or overridden"),
    ("R012", E, "pengecualian atau perubahan tingkat tidak sah", "invalid waiver or severity change"),
    ("R013", W, "pengecualian perlu ditinjau", "waiver needs review"),
    # R014–R019 are kept for the issues of SPEC §10–§13 that define them.
    ("R020", E, "kontak OPD memuat nomor ponsel (data pribadi)", "agency contact holds a mobile number (personal data)"),
    ("R021", W, "teks mencampur aksara dalam satu kata atau memuat karakter tak terlihat",
     "text mixes scripts within a word or holds invisible characters"),
    ("I001", E, "indikator IID tidak dikenal", "unknown IID indicator"),
    ("I002", E, "level IID tanpa bukti yang cocok", "IID level without fitting evidence"),
    ("I003", E, "nomor bukti IID tidak ada", "IID evidence index does not exist"),
    ("I004", E, "level IID tidak sesuai isi rekaman", "IID level does not fit the record"),
    ("I005", W, "indikator IID wajib belum diklaim", "mandatory IID indicator not claimed"),
    ("I006", W, "rancang bangun kurang dari syarat kata IID", "design text shorter than the IID asks"),
    ("R014", E, "tanggal lapor lebih awal dari yang dicatat git", "reporting date earlier than git's record"),
    ("R015", W, "inovasi hampir sama dengan inovasi lain", "innovation nearly the same as another"),
    ("R016", E, "impor massal setelah git_sejak", "bulk import after git_sejak"),
)

PRINCIPLE_CODES = tuple(f"P{n}" for n in range(1, 9))


@cache
def known_codes() -> tuple[str, ...]:
    return (*CODES, *PRINCIPLE_CODES)


def default_severity(code: str) -> Severity:
    entry = CODES.get(code)
    return entry.severity if entry else Severity.ERROR


def severity(code: str, aturan: dict[str, Severity], proposed: Severity | None = None) -> Severity:
    """The severity a finding gets: `aturan` in ooi.yaml first, then what its rule proposed, then the code's default."""
    return aturan.get(code) or proposed or default_severity(code)
