"""Coverage (SPEC §5): one status per active agency for target year T as of date D. Never prints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ooi.coverage.copies import distinct
from ooi.engine.result import FileResult, Result
from ooi.i18n import tr
from ooi.input.discovery import stem_of
from ooi.model.findings import Finding, Severity
from ooi.model.records import JENIS_OPD, Agency, Innovation
from ooi.model.summary import Summary, summarize
from ooi.pools import Pool

__all__ = ["Summary", "summarize"]  # named here by callers too (coverage is where they are read)

if TYPE_CHECKING:
    from ooi.engine.source import Source

ACHIEVED, PLANNED, REPORTED, MISSING = "achieved", "planned", "reported", "missing"
STATUSES = (ACHIEVED, PLANNED, REPORTED, MISSING)

# How one file stands as of D, from the strongest to the weakest.
TARGET = "target"  # an innovation that counts in year T
WINDOW = "window"  # an innovation that counts in one of the window years before T
OUTSIDE = "outside"  # an innovation that counts only in years outside the window
PENDING = "pending"  # an innovation whose pilot and entry into force both fall after D
PLAN = "plan"  # a plan for year T
OTHER_PLAN = "other_plan"  # a plan for another year
FAULTY = "errors"  # read and validated, but a rule found errors: it does not count
BROKEN = "broken"  # unreadable or not a valid record: it does not count
LATER = "later"  # filed after D: ignored entirely
REGISTRY = "registry"  # the agency's own entry in data/opd


def label(status: str) -> str:
    """The status as the secretariat says it (SPEC §5)."""
    return {
        ACHIEVED: tr("Tercapai", "Achieved"),
        PLANNED: tr("Direncanakan", "Planned"),
        REPORTED: tr("Sudah melapor", "Reported"),
        MISSING: tr("Belum melapor", "Missing"),
    }[status]


@dataclass(frozen=True, slots=True)
class FileStanding:
    """One file as of D: its record (None when broken), findings, and how it stands (slotted: one per file)."""

    path: str
    record: Agency | Summary | None
    findings: tuple[Finding, ...]
    standing: str
    years: tuple[int, ...] = ()  # the years it counts in (dated on or before D)

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity.value == "warning" and not f.waived_by for f in self.findings)


@dataclass(frozen=True, slots=True)
class AgencyCoverage:
    agency: Agency
    status: str
    files: tuple[FileStanding, ...]  # registry entry first, then its innovation files by path
    innovations: tuple[str, ...]  # innovations counted in the window T−jendela … T
    plans: tuple[str, ...]  # plans for year T
    active: bool = True
    depth: int = 0  # 1 for a kelurahan listed under its kecamatan
    kuota: int = 1  # innovations counting in T it needs (SPEC §14): its own, else ooi.yaml's
    in_target: int = 0  # innovations counting in T

    @property
    def quota_text(self) -> str:
        """`1 dari 2` where the quota is above one (a quota of one says nothing the status does not)."""
        return tr("{n} dari {k}", "{n} of {k}", n=self.in_target, k=self.kuota) if self.kuota > 1 else ""

    @property
    def kode(self) -> str:
        return self.agency.kode

    @property
    def nama(self) -> str:
        return self.agency.nama

    @property
    def errors(self) -> int:
        return sum(f.errors for f in self.files if f.standing != LATER)

    @property
    def warnings(self) -> int:
        return sum(f.warnings for f in self.files if f.standing != LATER)


@dataclass(frozen=True)
class Coverage:
    pemda: str
    tahun: int
    per: date
    jendela: int
    agencies: tuple[AgencyCoverage, ...]  # the active agencies, kelurahan under their kecamatan
    inactive: tuple[AgencyCoverage, ...]  # registered but not active on D: not counted
    other: tuple[FileStanding, ...]  # files with findings that belong to no active agency
    later: int  # files filed after D, ignored
    sumber: str = "tanggal_lapor"  # where the records as of D came from: "git" or "tanggal_lapor" (SPEC §10)

    @property
    def total(self) -> int:
        return len(self.agencies)

    def count(self, status: str) -> int:
        return sum(a.status == status for a in self.agencies)

    @property
    def agencies_with_innovation(self) -> int:
        return sum(bool(a.innovations) for a in self.agencies)

    @property
    def innovations(self) -> int:
        return sum(len(a.innovations) for a in self.agencies)

    @property
    def achievement(self) -> float:
        """Target achievement: agencies achieved / total, in percent."""
        return _percent(self.count(ACHIEVED), self.total)

    @property
    def compliance(self) -> float:
        """Reporting compliance: agencies achieved, planned or reported / total, in percent."""
        return _percent(self.total - self.count(MISSING), self.total)

    @property
    def window(self) -> tuple[int, int]:
        return self.tahun - self.jendela, self.tahun

    def find(self, kode: str) -> AgencyCoverage | None:
        return next((a for a in (*self.agencies, *self.inactive) if a.kode == kode), None)


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def as_of(source: Source, tahun: int, day: date, jobs: int | None = None, ref: str | None = None,
          progress: Callable[[int, int], None] | None = None) -> Coverage:
    """The coverage of year `tahun` as of `day`, from the records as they stood then (`ref`: in that git ref)."""
    found = tally(source.result(day, jobs, records=summarize, ref=ref, progress=progress), tahun, day)
    return replace(found, sumber=source.sumber_at(day) if ref is None else source.sumber)


def tally(result: Result, tahun: int, per: date, jendela: int | None = None) -> Coverage:
    """Give each registered agency its status for year `tahun` as of `per` (SPEC §5), first match wins."""
    jendela = result.settings.jendela_tahun if jendela is None else jendela
    registry = result.agencies
    owned: dict[str, list[FileStanding]] = {kode: [] for kode in registry}
    other: list[FileStanding] = []
    later = 0
    for file in result.files:
        filed = _stand(file, tahun, per, jendela)
        later += filed.standing == LATER
        owner = _owner(file)
        if owner in owned:
            owned[owner].append(filed)
        elif filed.findings and filed.standing != LATER:
            other.append(filed)
    kuota = result.settings.kuota
    assessed = {kode: _assess(registry[kode], files, tahun, per, jendela, kuota) for kode, files in owned.items()}
    active = [a for a in assessed.values() if a.active]
    for entry in (a for a in assessed.values() if not a.active):
        other += [f for f in entry.files if f.findings and f.standing != LATER]
    return Coverage(
        pemda=result.settings.pemda, tahun=tahun, per=per, jendela=jendela,
        agencies=tuple(_grouped(active)),
        inactive=tuple(sorted((a for a in assessed.values() if not a.active), key=lambda a: a.kode)),
        other=tuple(sorted(other, key=lambda f: f.path)), later=later)


def moves_figures(finding: Finding) -> bool:
    """Can `finding` move coverage's figures? An error keeps its file from counting (every error, as a waiver may
    lift any), and R015 pairs copies that count once (copies.distinct); another warning cannot."""
    return finding.severity is Severity.ERROR or finding.code == "R015"


def _owner(file: FileResult) -> str:
    """The agency a file belongs to: its registry entry, or the folder it was filed in."""
    if file.kind == "opd":
        return file.record.kode if isinstance(file.record, Agency) else stem_of(file.path)
    return file.folder if file.kind == "inovasi" else ""


_YEARS: Pool[tuple[int, ...], tuple[int, ...]] = Pool()


def _stand(file: FileResult, tahun: int, per: date, jendela: int) -> FileStanding:
    """How one file stands as of `per`: filed later, broken, faulty, or what it counts for."""
    record, findings = file.record, tuple(file.findings)
    if file.kind == "opd":
        agency = record if isinstance(record, Agency) else None
        return FileStanding(file.path, agency, findings, REGISTRY if agency is not None else BROKEN)
    if isinstance(record, Innovation):  # a caller that kept whole records: coverage reads the summary only
        record = summarize(record)
    if not isinstance(record, Summary):
        return FileStanding(file.path, None, findings, BROKEN)
    if record.tanggal_lapor > per:
        return FileStanding(file.path, record, findings, LATER)
    if file.errors:
        return FileStanding(file.path, record, findings, FAULTY)
    if record.tahapan == "inisiatif":
        return FileStanding(file.path, record, findings, PLAN if record.tahun_rencana == tahun else OTHER_PLAN)
    dates = (record.waktu.uji_coba, record.waktu.penerapan) if record.waktu else ()
    years = tuple(sorted({day.year for day in dates if day is not None and day <= per}))
    years = _YEARS.one(years, years)  # a few pairs of years, one tuple each (100,000 files: ~5 MiB at a point)
    if tahun in years:
        standing = TARGET
    elif any(tahun - jendela <= year < tahun for year in years):
        standing = WINDOW
    else:
        standing = OUTSIDE if years else PENDING
    return FileStanding(file.path, record, findings, standing, years)


def _assess(agency: Agency, files: list[FileStanding], tahun: int, per: date, jendela: int, kuota: int = 1,
            ) -> AgencyCoverage:
    """SPEC §5 with the quota of §14: `kuota` innovations in T achieve it; with plans for T they are planned.

    An innovation in T short of the quota still reports (with a quota of one that case cannot arise).
    """
    need = getattr(agency, "kuota", None) or kuota
    in_target, planned = distinct(files, (TARGET, PLAN))
    if in_target >= need:
        status = ACHIEVED
    elif in_target + planned >= need:
        status = PLANNED
    elif in_target or any(f.standing == WINDOW for f in files):
        status = REPORTED
    else:
        status = MISSING
    innovations = tuple(f.path for f in files if any(tahun - jendela <= y <= tahun for y in f.years))
    plans = tuple(f.path for f in files if f.standing == PLAN)
    files = sorted(files, key=lambda f: (f.standing != REGISTRY, f.path))
    return AgencyCoverage(agency, status, tuple(files), innovations, plans, agency.active_on(per), kuota=need,
                          in_target=in_target)


def _grouped(agencies: list[AgencyCoverage]) -> list[AgencyCoverage]:
    """Registry order by kind of agency (setda first, kecamatan last), each kelurahan under its kecamatan."""
    rank = {jenis: index for index, jenis in enumerate(JENIS_OPD)}
    parents = {a.kode for a in agencies if a.agency.jenis != "kelurahan"}
    children: dict[str, list[AgencyCoverage]] = {}
    top = []
    for entry in agencies:
        parent = entry.agency.induk
        if entry.agency.jenis == "kelurahan" and parent in parents:
            children.setdefault(parent, []).append(entry)
        else:
            top.append(entry)
    ordered = []
    for entry in sorted(top, key=lambda a: (rank.get(a.agency.jenis, len(rank)), a.kode)):
        ordered.append(entry)
        for child in sorted(children.get(entry.kode, ()), key=lambda a: a.kode):
            ordered.append(replace(child, depth=1))
    return ordered
