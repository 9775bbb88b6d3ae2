"""Records as they stood: the Result of a data root as of a date, from git when the root is in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ooi import heap
from ooi.engine import checker, clock
from ooi.engine.cache import Cache
from ooi.engine.filing import ABBREV, Filed, within
from ooi.engine.memo import Memo
from ooi.engine.result import FileResult, Result
from ooi.input import git
from ooi.input.config import load_settings
from ooi.input.loading import Issue
from ooi.input.snapshot import Snapshot
from ooi.model.codes import severity
from ooi.model.errors import OoiError
from ooi.model.findings import Finding
from ooi.model.records import Innovation
from ooi.model.settings import SETTINGS_FILE, Settings
from ooi.model.summary import Summary

GIT, DECLARED = "git", "tanggal_lapor"  # the two values of "sumber"
# The settings a pull request's job summary names when it changes them (SPEC §10): each could move a figure.
WATCHED = ("toleransi_lapor_hari", "tinjauan_maks_hari", "kemiripan_maks", "git_sejak", "kuota", "aturan",
           "pengecualian", "zona_waktu")


def changed_settings(before: Settings, after: Settings) -> list[tuple[str, str, str]]:
    """(key, value before, value after) of each watched setting that differs; lists and maps are named, not shown."""
    def shown(value: object) -> str:
        if isinstance(value, (dict, tuple, list)):
            from ooi.i18n import tr

            return tr("{n} entri", "{n} entries", n=len(value))
        return "-" if value is None else str(value)

    return [(key, shown(getattr(before, key)), shown(getattr(after, key))) for key in WATCHED
            if getattr(before, key) != getattr(after, key)]


@dataclass(frozen=True)
class Distrusted:
    """A commit of the line whose own date is not used (SPEC §10): abbreviated id, its date, the date used."""

    commit: str
    tanggal: date
    dipakai: date


@dataclass
class Source:
    """Where the records of each as-of date come from, for one command: git's first-parent line, or the files.

    `note` is the one line to say on stderr when git was wanted but its history is not there
    (a shallow clone, no git installed); a root outside git is the usual case and says nothing.
    """

    root: Path
    settings: Settings
    today: date
    repo: git.Repo | None = None
    note: str = ""
    memo: Memo | None = None
    compared: Settings | None = None  # the settings of the last ref judged (`status --compare REF`)
    cache: Cache | None = None  # judgements kept between runs (used by the runs that keep summaries or nothing)
    _snapshots: dict[int, Snapshot] = field(default_factory=dict)
    _unchanged: bool | None = None  # the work tree is HEAD's tree exactly (asked of git once)
    _trees: dict[str, dict[str, str]] = field(default_factory=dict)  # HEAD → its files' blob ids (no links)

    @property
    def sumber(self) -> str:
        return GIT if self.repo is not None else DECLARED

    def result(self, day: date, jobs: int | None = None, records: bool | Callable[[Innovation], Summary] = True,
               ref: str | None = None, progress: Callable[[int, int], None] | None = None) -> Result:
        """Every file judged as of `day`: the tree of the last commit by the end of `day` (or of `ref`)."""
        repo, zone = self.repo and git.read_history(self.repo), self.settings.zona_waktu
        if repo is None:
            if ref is not None:
                raise _needs_git(self.root)
            return checker.check(self.root, self.settings, today=day, jobs=jobs, records=records, memo=self.memo,
                         progress=progress, cache=self.cache)
        since = self.settings.git_sejak
        if ref is not None:
            commit = git.commit_of(self.root, ref)
            seen = git.at(repo, commit)
            where, new = commit, False
        else:
            seen, new = repo, max(day, since or day) >= self.today
            if new:
                where = None
            elif since is None and self._before_import(day):  # the import commit's tree, by tanggal_lapor
                where = repo.imported
            else:  # before git_sejak: the tree as of git_sejak, by tanggal_lapor
                where = repo.commit_at(clock.end_of(max(day, since or day), zone))
        filed = Filed(seen, seen.filed, zone, since, self.today, self.settings.tinjauan_maks_hari, new=new)
        if new:  # the work tree as it is: uncommitted and untracked files count from today
            return checker.check(self.root, self.settings, today=day, jobs=jobs, records=records, filed=filed,
                         memo=self.memo, progress=progress, cache=self.cache)
        odd = []
        if where is not None and where == seen.head and seen is repo and self._clean():
            # The work tree holds HEAD's files and nothing else: judged where they are, not written out again.
            # Its blob ids serve a memo only (a run without one reads them from git's index, the same in a clean
            # work tree): 100,000 entries of HEAD's tree are ~57 MiB not held for a single `status --per`.
            folder, settings = self.root, self.settings
            blobs = self._head_blobs(where) if self.memo is not None else {}
        else:
            snapshot = self._snapshot(seen)
            folder = snapshot.move_to(where)
            # A past ooi.yaml's problems are findings of its point, not a refusal to replay the history.
            settings, odd = load_settings(folder, strict=False), snapshot.odd
            blobs = snapshot.files  # path → blob id already (no links: each was laid out as the file it names)
            if ref is not None:
                self.compared = settings
        # The files' blob ids are known: with a memo, unchanged ones need not even be read.
        result = checker.check(folder, settings, today=day, jobs=jobs, records=records, filed=filed,
                               memo=self.memo, progress=progress, blobs=blobs, cache=self.cache)
        if odd:  # entries of the commit's tree that could not be laid out: findings of this point
            result.files = sorted(result.files + [FileResult(rel, "lain", None, [_finding(rel, issue, settings)])
                                                  for rel, issue in odd], key=lambda r: r.path)
        # A whole run's registry holds every agency it judged: nothing of it is read from the folder that moves on.
        return replace(result, root=self.root)

    def filed(self, paths: list[str] | None = None, base: str | None = None,
              untracked: frozenset[str] = frozenset()) -> Filed | None:
        """The filed dates of the work tree as it is (for `ooi validate`); None outside git.

        `paths` (relative to the root; folders too): only theirs are needed, and when the
        history was left unread (`open_source(history=False)`) only theirs are looked up.
        `base`: the ref a pull request is checked against (`validate --changed-since`); `untracked`: the
        work tree's untracked files as that check listed them (`Changes.untracked`), under review too.
        """
        if self.repo is None:
            return None
        # The change under review: its new files are judged against today (SPEC §10); git is asked first, and
        # answers while the filed dates are read.
        review = git.under_review(self.repo, base, paths, untracked) if base is not None else None
        if paths is None:
            git.read_history(self.repo)
        first = self.repo.filed if self.repo.walked or paths is None else git.filed_of(self.repo, paths)
        pending = None
        if review is not None:
            pending = {path: within(clock.day_of(authored, self.settings.zona_waktu), self.today,
                                    self.settings.tinjauan_maks_hari) if authored is not None else self.today
                       for path, authored in review().items()}
        return Filed(self.repo, first, self.settings.zona_waktu, self.settings.git_sejak, self.today,
                     self.settings.tinjauan_maks_hari, pending=pending)

    def distrusted(self) -> tuple[Distrusted, ...] | None:
        """The commits read so far whose dates are not trusted, oldest first (None: git is not read)."""
        if self.repo is None:
            return None
        zone = self.settings.zona_waktu
        return tuple(Distrusted(commit.id[:ABBREV], clock.day_of(commit.own, zone), clock.day_of(commit.used, zone))
                     for commit in self.repo.distrusted)

    def sumber_at(self, day: date) -> str:
        """Where the records as of `day` come from: git, or (before git_sejak or the import) their tanggal_lapor."""
        if self.repo is None:
            return DECLARED
        since = self.settings.git_sejak
        if since is not None:
            return DECLARED if day < since else GIT
        return DECLARED if self._before_import(day) else GIT

    def _before_import(self, day: date) -> bool:
        assert self.repo is not None, "asked of a root in git"
        repo = git.read_history(self.repo)
        if repo.imported is None:
            return False
        return day < clock.day_of(repo.line[repo.imported].used, self.settings.zona_waktu)

    @contextmanager
    def remembering(self, memo: Memo) -> Iterator[None]:
        """Judge through `memo` in the block (the points of a series), then let it go, and HEAD's blob ids kept for
        it, before anything else is judged."""
        earlier, self.memo = self.memo, memo
        try:
            yield
        finally:
            self.memo = earlier
            self._trees.clear()

    def _clean(self) -> bool:
        if self._unchanged is None:
            self._unchanged = git.clean(self.root)
        return self._unchanged

    def _head_blobs(self, head: str) -> dict[str, str]:
        """HEAD's files' blob ids, kept for every point of a history (one dict, not a tree and a copy each point)."""
        if head not in self._trees:
            assert self.repo is not None, "HEAD's files are asked of a root in git"
            self._trees[head] = self.repo.blobs(head)
        return self._trees[head]

    def _snapshot(self, seen: git.Repo) -> Snapshot:
        key = id(seen) if seen is not self.repo else 0
        if key not in self._snapshots:
            self._snapshots[key] = Snapshot(seen, (self.root / SETTINGS_FILE).read_bytes())
        return self._snapshots[key]

    def close(self) -> None:
        for snapshot in self._snapshots.values():
            snapshot.close()
        self._snapshots.clear()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_source(root: Path, settings: Settings, use_git: bool = True, memo: bool = False,
                history: bool = True, cache: Cache | None = None) -> Source:
    """The source of a command's records: git when `use_git` and the root is in a work tree with history.

    `history=False`: git's history is read only as far as `Source.filed` is asked for (a few files).
    `cache`: the judgements kept between runs, in whose folder git's history is kept by commit too (`filed_cache`),
    so a run reads only what is new.
    """
    if history:  # a run over every record: git's answers and the blobs laid out are big, and freed
        heap.settle()
    today = clock.today(settings.zona_waktu)
    ceiling, reads = clock.end_of(today, settings.zona_waktu), history and cache is None
    repo, note = git.open_repo(root, reads, ceiling) if use_git else (None, "")
    if repo is not None and history and cache is not None:
        from ooi.input import filed_cache

        filed_cache.read(repo, cache.folder)
    if repo is not None and repo.walked and settings.git_sejak is not None:
        note = _unused(repo, settings) or note
    return Source(root, settings, today, repo, note, Memo() if memo else None, cache=cache)


def _unused(repo: git.Repo, settings: Settings) -> str:
    """One line when commits holding records lie before git_sejak: how many of them ooi does not use."""
    if repo.imported is None or settings.git_sejak is None:
        return ""
    order = [commit for _, commit in repo.commits]
    before = repo.commit_at(clock.end_of(settings.git_sejak, settings.zona_waktu) - 86400)  # the day before
    count = order.index(before) - order.index(repo.imported) + 1 if before in order else 0
    if count <= 0:
        return ""
    from ooi.i18n import tr

    return tr("{n} commit sebelum git_sejak {d} tidak dipakai: sampai tanggal itu catatan dinilai menurut "
              "tanggal_lapor pada pohon per git_sejak",
              "{n} commit(s) before git_sejak {d} not used: until that date records are judged by tanggal_lapor "
              "in the tree as of git_sejak", n=count, d=settings.git_sejak)


def _finding(rel: str, issue: Issue, settings: Settings) -> Finding:
    return Finding(rel, issue.line, issue.column, issue.code, severity(issue.code, settings.aturan), issue.field,
                   issue.message, issue.hint)


def _needs_git(root: Path) -> OoiError:
    from ooi.i18n import tr

    return OoiError(tr("{d} tidak dibaca dari git; membandingkan dengan ref git perlu riwayat git",
                       "{d} is not read from git; comparing with a git ref needs git history", d=root))
