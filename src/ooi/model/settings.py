"""Settings: what `ooi.yaml` says about this deployment (SPEC §6), once read and checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from ooi.model.findings import Severity

SETTINGS_FILE = "ooi.yaml"


@dataclass(frozen=True)
class Settings:
    pemda: str = "Pemerintah Daerah"
    tahun_target: int = 2023
    jendela_tahun: int = 2
    bahasa: str = "id"
    aturan: dict[str, Severity] = field(default_factory=dict)
    pengecualian: tuple = ()
    sekretariat: str | None = None  # the code-host team that owns the registry and settings (CODEOWNERS)
