"""Settings: what `ooi.yaml` says about this deployment (SPEC §6), once read and checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from ooi.model.dates import parse_date
from ooi.model.findings import Severity
from ooi.model.records import Kontak

SETTINGS_FILE = "ooi.yaml"


@dataclass(frozen=True)
class Settings:
    pemda: str = "Pemerintah Daerah"
    tahun_target: int = 2023
    jendela_tahun: int = 2
    bahasa: str = "id"
    aturan: dict[str, Severity] = field(default_factory=dict)
    # Y and S codes `aturan` tried to make warnings: not applied, and reported as R012 on ooi.yaml.
    aturan_ditolak: tuple[str, ...] = ()
    pengecualian: tuple[object, ...] = ()  # each waiver as written; the engine judges them (R012)
    sekretariat: str | None = None  # the code-host team that owns the registry and settings (CODEOWNERS)
    # Part two (SPEC §10–14), all optional.
    zona_waktu: str = "Asia/Jakarta"  # today's date is taken in this IANA zone
    git_sejak: date | None = None  # git's commit dates are trusted from this date; earlier records are imports
    toleransi_lapor_hari: int = 7  # R014: how far `tanggal_lapor` may lie before the filed date
    kemiripan_maks: float = 0.8  # R015: the similarity from which two innovations are near-duplicates
    pengecualian_maks_hari: int = 365  # a waiver may end at most this many days after today
    tenggat: date | None = None  # the deadline `ooi remind` names
    kontak_sekretariat: Kontak | None = None  # whom a reminder's reader asks: the movement's secretariat
    kuota: int = 1  # innovations counting in the target year that an agency needs to achieve it
    tinjauan_maks_hari: int = 30  # R014: how long a pull request may wait for review and keep its submitted date
    # Part three (SPEC §16), optional: where the browser form (`ooi cms`) files its pull requests.
    github_repo: str | None = None  # owner/name on GitHub
    cabang: str = "main"  # the branch records are merged into
    oauth_url: str | None = None  # the OAuth client through which the form logs in to GitHub (Decap's `base_url`)
    # What was wrong in ooi.yaml (Y/S issues, placed): `ooi validate` reports them; other commands refuse to run.
    problems: tuple[Any, ...] = ()  # input.loading.Issue values (a layer above: not named here)


def _date(value: object) -> object:
    day = parse_date(value)
    if day is None:
        raise PydanticCustomError("setting", "not a date")
    return day


def _zone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:  # a name, never a path: `../../etc/passwd` would be read as a zone file
        if "/" not in value or value.startswith(("/", ".")) or ".." in value:
            raise ValueError(value)
        ZoneInfo(value)
    except (ValueError, ZoneInfoNotFoundError):
        raise PydanticCustomError("setting", "not a time zone") from None
    return value


def _ratio(value: float) -> float:
    if not 0.5 <= value <= 0.95:  # above, R015 would see only word-for-word copies; below, everything alike
        raise PydanticCustomError("setting", "not in [0.5, 0.95]")
    return float(value)


_Whole = Annotated[int, Field(strict=True)]
# GitHub's own rules for an owner (39 letters, digits, inner hyphens) and a repository name.
GITHUB_REPO = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?/[A-Za-z0-9._-]{1,100}$"
# A branch name: segments of letters, digits, `_`, `.` and `-` joined by `/`, none starting with `-` or `.`.
BRANCH = r"^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$"


class SettingsFile(BaseModel):
    """What `ooi.yaml` may hold, typed and bounded like every record; absent keys keep Settings' defaults."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    pemda: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    tahun_target: Annotated[_Whole, Field(ge=1900, le=2100)] | None = None
    jendela_tahun: Annotated[_Whole, Field(ge=0, le=20)] | None = None
    bahasa: Literal["id", "en"] | None = None
    aturan: dict[str, object] | None = None  # codes and levels are checked one by one, each finding on its own line
    pengecualian: object = None  # each waiver is judged by the engine (R012), where it points
    sekretariat: Annotated[str, Field(min_length=1)] | None = None
    zona_waktu: Annotated[str, AfterValidator(_zone)] | None = None
    git_sejak: Annotated[object, AfterValidator(_date)] = None
    toleransi_lapor_hari: Annotated[_Whole, Field(ge=0, le=31)] | None = None  # bounded: no switching R014 off
    kemiripan_maks: Annotated[float, Field(allow_inf_nan=False), AfterValidator(_ratio)] | None = None
    pengecualian_maks_hari: Annotated[_Whole, Field(ge=1, le=3660)] | None = None
    tenggat: Annotated[object, AfterValidator(_date)] = None
    kontak_sekretariat: Kontak | None = None
    kuota: Annotated[_Whole, Field(ge=1, le=100)] | None = None
    github_repo: Annotated[str, Field(pattern=GITHUB_REPO)] | None = None
    cabang: Annotated[str, Field(pattern=BRANCH, max_length=200)] | None = None
    oauth_url: Annotated[str, Field(pattern=r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[^\s?#]*)?$")] | None = None
    tinjauan_maks_hari: Annotated[_Whole, Field(ge=0, le=90)] | None = None


# What each key must be, said once: every problem with a key (type, range, form) gets this one message.
MUST = {
    "pemda": ("teks, nama pemerintah daerah", "text, the name of the local government"),
    "tahun_target": ("tahun 1900–2100", "a year 1900–2100"),
    "jendela_tahun": ("bilangan bulat 0–20", "a whole number 0–20"),
    "bahasa": ("id atau en", "id or en"),
    "aturan": ("berupa pemetaan KODE: error|warning", "map CODE: error|warning"),
    "sekretariat": ('handle tim dalam tanda kutip, mis. "@pemkot-batu/sekretariat"',
                    'a team handle in quotes, e.g. "@pemkot-batu/sekretariat"'),
    "zona_waktu": ("nama zona waktu IANA, mis. Asia/Jakarta", "an IANA time zone name, e.g. Asia/Jakarta"),
    "git_sejak": ("tanggal YYYY-MM-DD", "a date YYYY-MM-DD"),
    "tenggat": ("tanggal YYYY-MM-DD", "a date YYYY-MM-DD"),
    "kontak_sekretariat": ("pemetaan {nama, jabatan, email, telepon} kontak kantor",
                           "a map {nama, jabatan, email, telepon} of office contacts"),
    "toleransi_lapor_hari": ("bilangan bulat 0–31", "a whole number 0–31"),
    "pengecualian_maks_hari": ("bilangan bulat 1–3660", "a whole number 1–3660"),
    "kuota": ("bilangan bulat 1–100", "a whole number 1–100"),
    "tinjauan_maks_hari": ("bilangan bulat 0–90", "a whole number 0–90"),
    "kemiripan_maks": ("angka 0.5 sampai 0.95, mis. 0.8", "a number from 0.5 to 0.95, e.g. 0.8"),
    "github_repo": ("repositori GitHub pemilik/nama, mis. pemkot-batu/inovasi",
                    "a GitHub repository owner/name, e.g. pemkot-batu/inovasi"),
    "cabang": ("nama cabang git, mis. main", "a git branch name, e.g. main"),
    "oauth_url": ("alamat https klien OAuth formulir, mis. https://oauth.batukota.go.id",
                  "the https address of the form's OAuth client, e.g. https://oauth.batukota.go.id"),
}
