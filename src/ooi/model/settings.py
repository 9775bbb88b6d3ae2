"""Settings: what `ooi.yaml` says about this deployment (SPEC §6), once read and checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ooi.model.findings import Severity

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
    pengecualian: tuple = ()
    sekretariat: str | None = None  # the code-host team that owns the registry and settings (CODEOWNERS)
    # Part two (SPEC §10–14), all optional.
    zona_waktu: str = "Asia/Jakarta"  # today's date is taken in this IANA zone
    git_sejak: date | None = None  # git's commit dates are trusted from this date; earlier records are imports
    toleransi_lapor_hari: int = 7  # R014: how far `tanggal_lapor` may lie before the filed date
    kemiripan_maks: float = 0.8  # R015: the similarity from which two innovations are near-duplicates
    pengecualian_maks_hari: int = 365  # a waiver may end at most this many days after today
    tenggat: date | None = None  # the deadline `ooi remind` names
    kuota: int = 1  # innovations counting in the target year that an agency needs to achieve it
