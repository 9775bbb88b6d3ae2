"""Filed dates as R014 reads them: git's first commit of each record, imports and new files accounted for."""

from __future__ import annotations

from datetime import date

from ooi.engine import clock


class Filed:
    """path → the date the record was filed, or None when git's date is not to be judged by.

    `first` maps a path to the Unix time of the first commit holding it (`Repo.filed`). A
    record first committed on or before `since` (`git_sejak`) is an import: None. A path
    git has never held is new in the work tree, filed `today`, when `new` says such files
    are part of the run (the work tree as it is); at a past commit every file has a date.
    """

    def __init__(self, first: dict[str, int], zone: str, since: date | None, today: date, new: bool = True):
        self.first, self.zone, self.since, self.today, self.new = first, zone, since, today, new

    def get(self, path: str) -> date | None:
        seconds = self.first.get(path)
        if seconds is None and not self.new:
            return None
        day = self.today if seconds is None else clock.day_of(seconds, self.zone)
        return None if self.since is not None and day <= self.since else day

    def __repr__(self) -> str:  # part of no memo key: each path's own date is
        return f"Filed({len(self.first)} paths, since={self.since}, today={self.today})"
