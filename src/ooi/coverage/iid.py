"""IID maturity (SPEC §14): each innovation's score Σ weight × level claimed, and a rough estimate for the region."""

from __future__ import annotations

from dataclasses import dataclass

from ooi.model.iid import LEVELS, Catalogue
from ooi.model.records import Innovation
from ooi.text_safety import name

SCORED = ("uji_coba", "penerapan")  # plans earn no score


@dataclass(frozen=True)
class Raise:
    """The claim that would add most: indicator `kunci` from level `dari` (0: unclaimed) to the top level."""

    kunci: str
    dari: int
    tambah: int


@dataclass(frozen=True)
class Scored:
    path: str
    nama: str
    opd: str
    tahapan: str
    skor: int
    wajib_kurang: tuple[str, ...]  # mandatory indicators not claimed
    claims: dict[str, int]  # known indicator → level claimed
    naik: Raise | None  # None when every indicator is at the top level


@dataclass(frozen=True)
class Scores:
    siklus: int
    maksimum: int
    innovations: tuple[Scored, ...]
    plans: int  # plans left out: they score nothing
    perkiraan: float  # the mean score as a percentage of the maximum, 2 decimals
    predikat: str
    catalogue: Catalogue


def claims(record: Innovation, catalogue: Catalogue) -> dict[str, int]:
    """The levels claimed for indicators the catalogue knows (an unknown key is a finding, not a score)."""
    known = set(catalogue.keys)
    return {key: claim.level for key, claim in (record.iid or {}).items() if key in known}


def score(record: Innovation, catalogue: Catalogue) -> int:
    """Σ weight × level claimed; a plan scores 0."""
    if record.tahapan not in SCORED:
        return 0
    levels = claims(record, catalogue)
    return sum(item.bobot * levels.get(item.kunci, 0) for item in catalogue.indicators)


def best_raise(levels: dict[str, int], catalogue: Catalogue) -> Raise | None:
    """The indicator whose top level adds most; ties go to a mandatory one, then to the catalogue's order."""
    top = max(LEVELS)
    options = [(item.bobot * (top - levels.get(item.kunci, 0)), item.wajib, -index, item)
               for index, item in enumerate(catalogue.indicators) if levels.get(item.kunci, 0) < top]
    if not options:
        return None
    gain, _, _, item = max(options, key=lambda option: option[:3])
    return Raise(item.kunci, levels.get(item.kunci, 0), gain)


def scores(records: list[tuple[str, Innovation]], catalogue: Catalogue) -> Scores:
    """Score every innovation at `uji_coba` or `penerapan`, whatever its age; the estimate is their mean."""
    scored = []
    for path, record in sorted(records, key=lambda pair: pair[0]):
        if record.tahapan not in SCORED:
            continue
        levels = claims(record, catalogue)
        missing = tuple(item.kunci for item in catalogue.indicators if item.wajib and item.kunci not in levels)
        scored.append(Scored(path, name(record.nama), record.opd, record.tahapan, score(record, catalogue), missing,
                             levels, best_raise(levels, catalogue)))
    mean = sum(s.skor for s in scored) / len(scored) if scored else 0.0
    percent = round(100.0 * mean / catalogue.maksimum, 2) if catalogue.maksimum else 0.0
    return Scores(catalogue.siklus, catalogue.maksimum, tuple(scored), len(records) - len(scored), percent,
                  catalogue.predikat(percent), catalogue)
