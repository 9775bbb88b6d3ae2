"""Submitted dates as R014 reads them: git's filing of each record, review time, imports and new files accounted for."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ooi.engine import clock
from ooi.input import git
from ooi.model.findings import Finding
from ooi.model.settings import Settings

if TYPE_CHECKING:
    from ooi.engine.result import FileResult

ABBREV = 10  # hex digits of a commit named in a finding (as in `tanggal_tidak_dipercaya`)


class Filed:
    """path → the date R014 judges `tanggal_lapor` against (SPEC §10), or None when none is to be judged.

    `first` maps a path to the commit of the line that filed it (`Repo.filed`); its date is the
    date that commit is taken to have. A record filed on or before `since` (`git_sejak`), or,
    without it, by the repository's import commit, is an import: None. Otherwise the date is
    when it was submitted: the earliest author date of the commits that brought it in, when
    that lies within `window` (`tinjauan_maks_hari`) days before the filing, else the filing's.
    A path git has never held is new in the work tree, filed `today`, when `new` says such
    files are part of the run (the work tree as it is); at a past commit every file has a date.
    `pending` gives the dates of the change under review (`validate --changed-since`).
    """

    def __init__(self, repo: git.Repo, first: dict[str, str], zone: str, since: date | None, today: date,
                 window: int, new: bool = True, pending: dict[str, date] | None = None):
        self.repo, self.first, self.zone, self.since, self.today = repo, first, zone, since, today
        self.window, self.new, self.pending = window, new, pending or {}

    def get(self, path: str) -> date | None:
        if path in self.pending:
            return self.pending[path]
        commit = self.first.get(path)
        if commit is None:  # not committed yet: part of the import when there is none yet, else filed today
            if not self.new or (self.today <= self.since if self.since is not None else self.repo.imported is None):
                return None
            return self.today
        if self.filing(path) is None:  # an import (or a commit off the line: none is filed so)
            return None
        used = clock.day_of(self.repo.line[commit].used, self.zone)
        return within(clock.day_of(git.submitted(self.repo, commit, path), self.zone), used, self.window)

    def filing(self, path: str) -> str | None:
        """The commit that filed `path`, when R014 judges it by git (not an import, not the change under review)."""
        commit = self.first.get(path)
        point = self.repo.line.get(commit) if commit is not None and path not in self.pending else None
        if point is None:
            return None
        if clock.day_of(point.used, self.zone) <= self.since if self.since is not None else \
                commit == self.repo.imported:
            return None
        return commit

    def __repr__(self) -> str:  # part of no memo key: each path's own date is
        return f"Filed({len(self.first)} paths, since={self.since}, today={self.today})"


def within(authored: date, filed: date, window: int) -> date:
    """The submitted date: `authored` when it lies within `window` days before `filed`, else `filed` itself."""
    return authored if filed - timedelta(days=window) <= authored <= filed else filed


def bulk_imports(results: list[FileResult], filed: Filed | None, settings: Settings) -> list[Finding]:
    """R016 findings (for ooi.yaml) for each commit after the import that adds many records failing R014 together.

    Those records' R014 findings stay, with a hint that points to R016 instead of proposing a date.
    """
    from dataclasses import replace

    from ooi.engine.result import stamp
    from ooi.model.settings import SETTINGS_FILE
    from ooi.rules import imports

    if filed is None:
        return []
    added: dict[str, int] = {}
    failing: dict[str, list[FileResult]] = {}
    for result in results:
        commit = filed.filing(result.path) if result.kind == "inovasi" else None
        if commit is not None:
            added[commit] = added.get(commit, 0) + 1
            if any(finding.code == "R014" for finding in result.findings):
                failing.setdefault(commit, []).append(result)
    found: list[Finding] = []
    for commit, bulk in sorted(failing.items(), key=lambda pair: filed.repo.line[pair[0]].used):
        if not imports.is_bulk(len(bulk), added[commit]):
            continue
        short = commit[:ABBREV]
        for result in bulk:
            result.findings = [replace(f, hint=imports.r014_hint(short)) if f.code == "R014" else f
                               for f in result.findings]
        day = clock.day_of(filed.repo.line[commit].used, filed.zone)
        found.append(stamp(SETTINGS_FILE, imports.problem(short, day, len(bulk), added[commit]), (1, 1), settings))
    return found
