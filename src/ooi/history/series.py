"""A series of coverage points at the end of each month or week, and every agency's status change between them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ooi.coverage.tally import Coverage, as_of
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


@dataclass(frozen=True)
class Series:
    tahun: int
    sumber: str
    points: tuple[Coverage, ...]
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

    `progress(done, total)` hears after each point (a display of how far the series is).
    """
    points = []
    for day in days:
        points.append(as_of(source, tahun, day, jobs))
        if progress is not None:
            progress(len(points), len(days))
    points = tuple(points)
    changes = []
    for before, after in zip(points, points[1:]):
        earlier = {entry.kode: entry.status for entry in before.agencies}
        for entry in after.agencies:
            was = earlier.get(entry.kode)
            if was is not None and was != entry.status:
                changes.append(Change(entry.kode, entry.nama, after.per, was, entry.status))
    return Series(tahun, source.sumber, points, tuple(changes))
