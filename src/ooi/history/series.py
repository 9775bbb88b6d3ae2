"""A series of coverage points at the end of each month or week, and every agency's status change between them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ooi.coverage.tally import STATUSES, Coverage, as_of, moves_figures
from ooi.engine.memo import Memo
from ooi.engine.source import Source
from ooi.i18n import tr
from ooi.model.errors import OoiError

EVERY = ("bulan", "minggu")
MAX_POINTS = 1000  # ten years of weeks fits; a slip of the year (--dari 0023) does not run for hours


@dataclass(frozen=True)
class Change:
    kode: str
    nama: str
    per: date  # the later point
    dari: str
    ke: str


@dataclass(frozen=True, slots=True)
class Point:
    """One point of a series: the figures `ooi status --per` that day sums up (status_json.summary), not its files.

    A series of 24 months at 100,000 records would otherwise hold 24 tallies of every file.
    """

    pemda: str
    per: date
    sumber: str
    total: int
    counts: tuple[int, ...]  # agencies of each status, in STATUSES order
    achievement: float
    compliance: float
    agencies_with_innovation: int
    innovations: int
    later: int

    @classmethod
    def of(cls, coverage: Coverage) -> Point:
        return cls(coverage.pemda, coverage.per, coverage.sumber, coverage.total,
                   tuple(coverage.count(status) for status in STATUSES), coverage.achievement, coverage.compliance,
                   coverage.agencies_with_innovation, coverage.innovations, coverage.later)

    def count(self, status: str) -> int:
        return self.counts[STATUSES.index(status)]


@dataclass(frozen=True)
class Series:
    tahun: int
    sumber: str
    points: tuple[Point, ...]
    changes: tuple[Change, ...]


def period_ends(first: date, last: date, every: str) -> list[date]:
    """The last day of each month (or each week, ending Sunday) from `first` to `last`, and `last` itself."""
    if every not in EVERY:
        raise OoiError(tr("`--setiap` harus `bulan` atau `minggu`", "`--setiap` must be `bulan` (month) or `minggu` (week)"))
    if last < first:
        raise OoiError(tr("`--sampai` {b} lebih awal dari `--dari` {a}", "`--sampai` {b} is earlier than `--dari` {a}",
                          a=first, b=last))
    ends, day = [], first
    while day < last and len(ends) <= MAX_POINTS:
        if every == "bulan":
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        else:
            day = day + timedelta(days=6 - day.weekday())
        if day < last:
            ends.append(day)
        day += timedelta(days=1)
    ends.append(last)
    if len(ends) > MAX_POINTS:
        raise OoiError(tr("terlalu banyak titik ({n}); persempit --dari/--sampai",
                          "too many points ({n}); narrow --dari/--sampai", n=len(ends)))
    return ends


def series(source: Source, tahun: int, days: list[date], jobs: int | None = None, progress=None) -> Series:
    """Coverage at each day, each exactly what `ooi status --per` that day gives, and the changes between.

    Each point is tallied and let go: the series keeps its figures, and the agencies' statuses of
    the point before, to name who changed. Its files are judged once for all points (a memo), and for the
    figures only: a warning that cannot move them is not kept for 100,000 files. `progress(done, total)` hears
    after each point.
    """
    with source.remembering(Memo(read=moves_figures)):
        return _series(source, tahun, days, jobs, progress)


def _series(source: Source, tahun: int, days: list[date], jobs: int | None, progress) -> Series:
    points: list[Point] = []
    changes = []
    earlier: dict[str, str] | None = None
    for day in days:
        found = as_of(source, tahun, day, jobs)
        points.append(Point.of(found))
        for entry in found.agencies if earlier is not None else ():
            was = earlier.get(entry.kode)
            if was is not None and was != entry.status:
                changes.append(Change(entry.kode, entry.nama, found.per, was, entry.status))
        earlier = {entry.kode: entry.status for entry in found.agencies}
        del found  # let go before the next point is judged, not while it is
        if progress is not None:
            progress(len(points), len(days))
    return Series(tahun, source.sumber, tuple(points), tuple(changes))
