"""Context: what a rule may know besides its record (registry, sector codes, today, the file)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from ooi.input.discovery import folder_of, stem_of
from ooi.model.records import Agency
from ooi.model.settings import Settings


class FiledDates(Protocol):
    """path → the date git says the file was filed (None: not to be judged by git's date)."""

    def get(self, path: str) -> date | None: ...


@dataclass(frozen=True)
class Context:
    root: Path
    settings: Settings
    today: date
    # kode → Agency, the valid registry entries: the run's registry, read-only (the engine adds the agency of the
    # unit being judged by making a new one, never by changing this one)
    agencies: Mapping[str, Agency] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)  # sector code → name
    path: str = ""  # the file being checked, relative to the root
    text: str = ""  # its text, for the few checks that scan it whole (a NIK)
    codeowners: str | None = None  # .github/CODEOWNERS, when it exists and the run covers it (R011)
    iid_export: bool = False  # records are about to be exported for the IID portal: its requirements bind all
    filed: FiledDates | None = None  # None outside git (R014)

    @property
    def stem(self) -> str:
        return stem_of(self.path)

    @property
    def folder(self) -> str:
        return folder_of(self.path)
