"""All of ooi's git access: refs, changed files, the first-parent history, trees and blobs as of a date."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ooi.i18n import tr
from ooi.input import index_copy
from ooi.input.trust import effective
from ooi.model.errors import OoiError

TIMEOUT = 120


class GitUnavailable(OoiError):
    """git could not be run at all: not installed (`timeout` False), or it did not answer in time."""

    def __init__(self, message: str, timeout: bool) -> None:
        super().__init__(message)
        self.timeout = timeout


def run(root: Path, *args: str, failure: str = "", text: bool = True, stdin: bytes | None = None):
    """`git -C root args…` (fed `stdin`); a missing git, a hang or a failure is one readable OoiError (exit 2)."""
    return _ended(_started(root, args, stdin is not None), args, failure, text, stdin)


def run_together(root: Path, *commands: tuple[tuple[str, ...], str]) -> list[str]:
    """The output of each (args, failure) as `run` gives it, the gits running at once: two walks of a large work
    tree (its changed files, its untracked ones) overlap on two cores instead of following each other."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        for args, _ in commands:
            started.append(_started(root, args))
        return [_ended(process, args, failure) for process, (args, failure) in zip(started, commands)]
    finally:
        for process in started:  # one failed: the others are not left running, nor their pipes open
            if process.returncode is None:
                process.kill()
                process.communicate()


def _started(root: Path, args: tuple[str, ...], fed: bool = False, index: str | None = None,
             ) -> subprocess.Popen[bytes]:
    """git running `args` in `root` (`index`: the index file it reads and writes instead of the repository's)."""
    environment = {**os.environ, "GIT_INDEX_FILE": index} if index is not None else None
    try:
        return subprocess.Popen(["git", "-C", str(root), *args], stdin=subprocess.PIPE if fed else None,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    except FileNotFoundError:
        raise GitUnavailable(tr("git tidak ditemukan; pasang git", "git not found; install git"), False) from None


def _ended(process: subprocess.Popen[bytes], args: tuple[str, ...], failure: str, text: bool = True,
           stdin: bytes | None = None):
    try:
        out, err = process.communicate(stdin, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise GitUnavailable(tr("git tidak menjawab dalam {n} detik", "git did not answer within {n} seconds",
                                n=TIMEOUT), True) from None
    if process.returncode != 0:
        detail = err.decode("utf-8", errors="replace").strip().splitlines()
        message = failure or tr("git gagal: git {a}", "git failed: git {a}", a=" ".join(args))
        raise OoiError(message + (f" ({detail[-1].strip()})" if detail else ""))
    return out.decode("utf-8", errors="surrogateescape") if text else out


def commit_of(root: Path, ref: str) -> str:
    """The commit a user's ref names, checked as a ref (never read as an option): exit 2 naming it otherwise."""
    unknown = tr("ref git `{r}` tidak dikenal (di CI: checkout dengan fetch-depth: 0)",
                 "unknown git ref `{r}` (in CI: check out with fetch-depth: 0)", r=ref)
    if not ref or ref.startswith("-") or any(c in ref for c in "\0\n\r"):
        raise OoiError(unknown)
    return run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}",
               failure=unknown).strip()


@dataclass(frozen=True)
class TreeEntry:
    """One file of a tree: git mode (100644, 100755, 120000 a symbolic link), blob id and size in bytes."""

    mode: str
    blob: str
    size: int = 0


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit of the first-parent line: its dates as written (committer, author) and the date it is taken to have."""

    id: str
    own: int
    authored: int
    merge: bool
    used: int  # `own` when trusted; else the next trusted commit's date (SPEC §10, "Trusting the dates")

    @property
    def trusted(self) -> bool:
        return self.used == self.own


FAR = 1 << 62  # no ceiling: every date as written may be trusted


@dataclass
class Repo:
    """The git work tree holding a data root: `prefix` is the data root's path inside it (`` at the top)."""

    top: Path
    prefix: str
    commits: list[tuple[int, str]] = field(default_factory=list)  # (date used, id), first-parent order
    line: dict[str, Commit] = field(default_factory=dict)  # id → the commit, for each commit of the line
    filed: dict[str, str] = field(default_factory=dict)  # path → the commit that filed the record now there
    imported: str | None = None  # the first commit of the line holding anything under data/ (the import)
    walked: bool = False  # whether `commits` and `filed` hold the whole history (see `open_repo`)
    born: bool = True  # whether HEAD names a commit (not in a repository created a moment ago)
    ceiling: int = FAR  # the end of today: no date used lies after it (set before the history is read)
    sides: dict[str, dict[str, int]] = field(default_factory=dict)  # merge → path → earliest author date

    @property
    def head(self) -> str | None:
        """The commit HEAD names (None before the first commit)."""
        return self.commits[-1][1] if self.commits else None

    @property
    def distrusted(self) -> list[Commit]:
        """The commits whose own date is not used, oldest first."""
        return [commit for commit in self.line.values() if not commit.trusted]

    def commit_at(self, seconds: int) -> str | None:
        """The last commit of HEAD's first-parent line taken to be dated on or before `seconds` (None: none so early)."""
        index = bisect.bisect_right(self.commits, (seconds, "\x7f"))
        return self.commits[index - 1][1] if index else None

    def tree(self, commit: str) -> tuple[dict[str, TreeEntry], set[str]]:
        """path (relative to the data root) → TreeEntry, for every file under the data root in `commit`;
        and the paths the tree names more than once (git stores such a tree; `fsck` only warns)."""
        out = run(self.top, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", self.prefix or ".")
        files, twice = {}, set()
        for line in _nul_separated(out):  # a line at a time: 100,000 of them at once were ~15 MB
            meta, tab, path = line.partition("\t")
            fields = meta.split()
            if not tab or len(fields) != 4 or fields[1] != "blob":
                continue  # a submodule (commit) names no file of ours
            # interned: a snapshot keeps its paths across a history's points, as the filed dates and the memo's keys
            # hold them (a copy of each was ~11 MiB at 100,000 files)
            rel = sys.intern(path[len(self.prefix) + 1:] if self.prefix else path)
            if rel in files:
                twice.add(rel)
            files[rel] = TreeEntry(sys.intern(fields[0]), fields[2], int(fields[3]))  # a few modes, each held once
        return files, twice

    def blobs(self, commit: str) -> dict[str, str]:
        """path (relative to the data root) → blob id, of the regular files `tree` gives (no link, no submodule).

        Listed without sizes and kept as two strings each, not a TreeEntry: at 100,000 files ~0.3 s of git's
        time and a listing's worth of short-lived objects less, for what a history keeps of HEAD's tree. Each path
        interned, as the filed dates and discovery hold it: one string for a path, not one each (~12 MiB a copy).
        """
        out = run(self.top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", self.prefix or ".")
        start = len(self.prefix) + 1 if self.prefix else 0
        return {sys.intern(path[start:]): blob for mode, blob, path in _listed_files(out) if mode.startswith("100")}

    def read_many(self, blobs: list[str]) -> dict[str, memoryview]:
        """Many blobs through one `git cat-file --batch` run, written and read at once (no round trip per file).

        Each is a view of git's one answer, not a copy: thousands of copies of a few KB each were left as holes
        in the heap, which grew by what a batch of them held.
        """
        if not blobs:
            return {}
        out = run(self.top, "cat-file", "--batch", text=False,
                  stdin="".join(f"{blob}\n" for blob in blobs).encode("ascii"))
        found, at, view = {}, 0, memoryview(out)
        for blob in blobs:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            if len(header) != 3:
                raise OoiError(tr("git tidak dapat membaca objek {b}", "git cannot read object {b}", b=blob))
            size = int(header[2])
            found[blob] = view[end + 1:end + 1 + size]
            at = end + 2 + size
        return found


def open_repo(root: Path, history: bool = True, ceiling: int = FAR) -> tuple[Repo | None, str]:
    """The repository of `root` with its history read, or None and why not (`` when it is simply not in git).

    `history=False` leaves the history unread: a run over a few files asks `filed_of` for theirs.
    `ceiling` is the end of today: a commit dated after it is not trusted.

    A missing git and a shallow clone are not errors: the caller falls back to `tanggal_lapor`
    and says so in one line, since the history it would judge by is not there.
    """
    try:
        lines = run(root, "rev-parse", "--is-inside-work-tree", "--show-toplevel", "--is-shallow-repository").splitlines()
    except GitUnavailable as why:
        if why.timeout:
            return None, tr("git tidak menjawab: riwayat tidak dibaca, tanggal memakai tanggal_lapor",
                            "git did not answer: history not read, dates taken from tanggal_lapor")
        return None, tr("git tidak ditemukan: riwayat tidak dibaca, tanggal memakai tanggal_lapor",
                        "git not found: history not read, dates taken from tanggal_lapor")
    except OoiError:
        return None, ""  # not in a git work tree: the usual case of a copied data folder
    if len(lines) != 3 or lines[0] != "true":
        return None, ""
    if lines[2] == "true":
        return None, tr("riwayat git tidak lengkap (clone dangkal); tanggal memakai tanggal_lapor "
                        "(di CI: checkout dengan fetch-depth: 0)",
                        "git history is incomplete (shallow clone); dates taken from tanggal_lapor "
                        "(in CI: check out with fetch-depth: 0)")
    top = Path(lines[1])
    prefix = Path(os.path.relpath(os.path.realpath(root), os.path.realpath(top))).as_posix()
    repo = Repo(top, "" if prefix == "." else prefix, ceiling=ceiling)
    try:
        repo.born = bool(run(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"))
    except GitUnavailable:
        raise
    except OoiError:
        repo.born = False
    return (read_history(repo) if history else repo), ""


def read_history(repo: Repo) -> Repo:
    """`repo` with HEAD's first-parent history read (once: `open_repo(history=False)` left it for later)."""
    if not repo.walked:
        if repo.born:
            repo.filed.clear()
            _walk(repo, "HEAD")
        repo.walked = True
    return repo


Written = tuple[str, int, int, bool]  # a commit of the line as git has it: id, committer and author date, merge


def written(repo: Repo) -> list[Written]:
    """The commits of the line as read, oldest first, before any date was distrusted (what `extend` starts from)."""
    return [(commit.id, commit.own, commit.authored, commit.merge) for commit in repo.line.values()]


def restore(repo: Repo, line: list[Written], filed: dict[str, str], imported: str | None) -> None:
    """`repo` with HEAD's history as an earlier walk of the same HEAD read it (`written`, `filed`, `imported`)."""
    _date(repo, line)
    repo.filed, repo.imported, repo.walked = filed, imported, True


def extend(repo: Repo, line: list[Written], filed: dict[str, str], imported: str | None) -> bool:
    """`repo` with HEAD's history read on from an earlier walk that ended at `line[-1]`: only the commits since.

    That walk's `line`, `filed` and `imported` are taken as they were, and each later commit
    of HEAD's first-parent line changes them as a whole walk would (each commit's own diff
    against its first parent). False, and `repo` as it was, when that commit is not on
    HEAD's first-parent line (reachable, yet by a merge's other side: the walk would differ).
    """
    ahead = Repo(repo.top, repo.prefix, filed=dict(filed), imported=imported, ceiling=repo.ceiling)
    if not _walk(ahead, "HEAD", after=line):
        return False
    repo.line, repo.commits, repo.filed, repo.imported = ahead.line, ahead.commits, ahead.filed, ahead.imported
    repo.walked = True
    return True


def at(repo: Repo, commit: str) -> Repo:
    """The same repository seen from another commit (a ref to compare with): its own first-parent history."""
    other = Repo(repo.top, repo.prefix, walked=True, ceiling=repo.ceiling)
    _walk(other, commit)
    return other


_LOG = ("log", "--first-parent", "--reverse", "-z", "--format=%x01%H %ct %at %P", "--no-color", "--no-ext-diff")


def _walk(repo: Repo, head: str, paths: list[str] | None = None, added: dict[str, str] | None = None,
          after: list[Written] | None = None) -> bool:
    """One `git log` over HEAD's first-parent line, oldest first: the commits, and the commit that filed each file.

    A file filed again after it was removed is a new filing; a rename git pairs carries the
    old path's filing to the new one, so moving a record to another name (or agency folder)
    does not make it look newly filed. `paths` (pathspecs, relative to the top) limits the
    log to commits touching them (`repo.line` then comes from `_line`); `added` then hears
    the commit that first added each path it dates, since a rename from outside `paths`
    shows there as an add. `after`: the line as an earlier walk read it, carried on by the
    commits after its last (`extend`); False, with nothing changed, when the first of them
    does not have that commit as its first parent.
    """
    args = [*_LOG, "--diff-merges=first-parent", "--name-status", "-M"]
    args += [f"--relative={repo.prefix}/"] if repo.prefix else []
    since = f"{after[-1][0]}..{head}" if after else head
    out = run(repo.top, *(["--literal-pathspecs"] if paths else []), *args, since, "--", *(paths or ()))
    listed = list(after or ())
    for chunk in out.split("\x01")[1:]:
        header, _, changes = chunk.partition("\0")
        commit, own, authored, *parents = header.split()
        if after and len(listed) == len(after) and parents[:1] != [after[-1][0]]:
            return False  # the earlier tip is not on this line (a merge's other side reaches it)
        listed.append((commit, int(own), int(authored), len(parents) > 1))
        fields = changes.lstrip("\n").split("\0")
        index = 0
        while index < len(fields) and fields[index]:
            status = fields[index][:1]
            if status == "R":
                old, new = fields[index + 1], sys.intern(fields[index + 2])
                repo.filed[new] = repo.filed.pop(old, commit)
            elif status in ("A", "C"):  # a copy is a record of its own
                path = sys.intern(fields[index + (2 if status == "C" else 1)])  # shared with trees and memo keys
                if added is not None and status == "A" and parents:
                    added[path] = commit  # (a first commit renames nothing)
                if repo.imported is None and paths is None and path.startswith("data/"):
                    repo.imported = commit
                repo.filed[path] = commit
            elif status in ("M", "T"):
                repo.filed.setdefault(sys.intern(fields[index + 1]), commit)
            elif status == "D":
                repo.filed.pop(fields[index + 1], None)
            index += 3 if status in ("R", "C") else 2
    if paths is None:
        _date(repo, listed)
    return True


def _date(repo: Repo, listed: list[tuple[str, int, int, bool]]) -> None:
    """`repo.commits` and `repo.line` from the line's commits as written, each with the date it is taken to have."""
    used = effective([own for _, own, _, _ in listed], repo.ceiling)
    repo.line = {commit: Commit(commit, own, authored, merge, when)
                 for (commit, own, authored, merge), when in zip(listed, used)}
    repo.commits = [(when, commit) for (commit, _, _, _), when in zip(listed, used)]


def _line(repo: Repo, head: str) -> None:
    """The dates of every commit of the line, and its import commit, without reading what each changed."""
    listed = []
    for chunk in run(repo.top, *_LOG, head, "--").split("\x01")[1:]:
        commit, own, authored, *parents = chunk.strip("\0\n").split()
        listed.append((commit, int(own), int(authored), len(parents) > 1))
    _date(repo, listed)
    repo.imported = _first_holding(repo, [commit for commit, *_ in listed], "data")


def _first_holding(repo: Repo, commits: list[str], folder: str) -> str | None:
    """The first of `commits` whose tree holds `folder` (of the data root), found by halving: ~17 looks for
    100,000 commits, where a log limited to the folder reads every one (20,000 commits: 1.8 s)."""
    path = f"{repo.prefix}/{folder}" if repo.prefix else folder

    def holds(commit: str) -> bool:
        return bool(run(repo.top, "ls-tree", "--name-only", "--full-tree", commit, "--", path).strip())

    if not commits or not holds(commits[-1]):
        return None
    low, high = 0, len(commits) - 1
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if holds(commits[middle]) else (middle + 1, high)
    return commits[low]


def submitted(repo: Repo, commit: str, path: str) -> int:
    """The earliest author date of the commits that brought `path` in with `commit` (SPEC §10, "Review time").

    A commit made on the line brought it itself; a merge brought the commits of its merged
    side that add or change the file (asked of git once per merge).
    """
    point = repo.line[commit]
    if not point.merge:
        return point.authored
    return side(repo, commit).get(path, point.authored)


def side(repo: Repo, merge: str) -> dict[str, int]:
    """path → the earliest author date of the commits on `merge`'s merged side that add or change it (asked once)."""
    found = repo.sides.get(merge)
    if found is None:
        found = repo.sides[merge] = {}
        args = ["log", "-z", "--format=%x01%at", "--name-only", "--diff-filter=AM", "--no-renames", "--no-color",
                "--no-ext-diff", *([f"--relative={repo.prefix}/"] if repo.prefix else []), f"{merge}^1..{merge}",
                "--"]
        for chunk in run(repo.top, *args).split("\x01")[1:]:
            authored, _, names = chunk.partition("\0")
            for name in names.lstrip("\n").split("\0"):
                if name:
                    found[name] = min(found.get(name, int(authored)), int(authored))
    return found


def clean(root: Path) -> bool:
    """Every file under `root` is as HEAD has it: none changed, staged, untracked or even ignored."""
    try:
        return run(root, "status", "--porcelain", "-z", "--ignored", "--untracked-files=all", "--", ".") == ""
    except OoiError:
        return False


def filed_of(repo: Repo, paths: list[str], head: str = "HEAD", depth: int = 0) -> dict[str, str]:
    """`Repo.filed` for the files at `paths` (relative to the data root; a folder: every file in it), exactly.

    A log limited to those paths, not the whole history (100,000 files: ~0.45 s a run for
    one changed file). Git pairs a rename only when it sees both sides, so each first add is
    looked at again in its commit's whole diff: a rename there carries the old path's date.
    """
    if not repo.born:
        return {}
    if depth == 0 and not repo.line:
        _line(repo, head)
    if not paths:
        return {}
    spec = [f"{repo.prefix}/{path}" if repo.prefix else path for path in paths]
    limited, added = Repo(repo.top, repo.prefix), {}
    _walk(limited, head, spec, added)
    renames: dict[str, list] = {}
    for path, commit in added.items():
        if commit not in renames:  # one look per commit, however many of the paths it added
            renames[commit] = _renames(repo, commit)
        old = next((old for old, new in renames[commit] if new == path), None)
        if old is not None and depth < 50:  # renamed in: the old path's date, as the whole walk carries it
            limited.filed[path] = filed_of(repo, [old], f"{commit}^1", depth + 1).get(old, limited.filed[path])
    return dict(limited.filed)


def _renames(repo: Repo, commit: str) -> list[tuple[str, str]]:
    """(old, new) for each rename in one commit's first-parent diff, as `_walk` sees it."""
    args = ["log", "-1", "--first-parent", "--diff-merges=first-parent", "-z", "--format=", "--name-status", "-M",
            "--diff-filter=R", "--no-color", "--no-ext-diff"]  # the renames only: a first commit adds 100,000 files
    args += [f"--relative={repo.prefix}/"] if repo.prefix else []
    fields = run(repo.top, *args, commit, "--").lstrip("\n").split("\0")
    found, index = [], 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        step = 3 if status[:1] in ("R", "C") else 2
        if status[:1] == "R":
            found.append((fields[index + 1], fields[index + 2]))
        index += step
    return found


def under_review(repo: Repo, base: str, paths: list[str] | None, untracked: frozenset[str],
                 ) -> Callable[[], dict[str, int | None]]:
    """The files under `paths` (relative to the data root; None: all) that the ref `base` does not hold, each with
    the earliest author date of the branch's commits (`base..HEAD`) that add or change it (None: uncommitted);
    given when the returned function is called. Its diff (which reads git's whole index: ~30 ms at 100,000
    records) is started now, so the caller's own gits (the filed dates) run meanwhile.

    `untracked`: the work tree's untracked files, as `changed` listed them (`Changes.untracked`): not walked for
    again (~0.2 s of git's time at 100,000 records)."""
    commit = commit_of(repo.top, base)
    root = repo.top / repo.prefix if repo.prefix else repo.top
    asked = ("--literal-pathspecs", "diff", "--name-only", "-z", "-M", "--diff-filter=A", "--relative", "--no-color",
             "--no-ext-diff", commit, "--", *(paths or ["."]))
    diff = _started(root, asked)

    def found() -> dict[str, int | None]:
        new = _ended(diff, asked, "")
        added: dict[str, int | None] = {path: None for path in new.split("\0") if path}
        added |= {path: None for path in untracked if path not in added and _under(path, paths)}
        if not added or not repo.born:
            return added
        args = ["log", "-z", "--format=%x01%at", "--name-only", "--diff-filter=AM", "--no-renames", "--relative",
                "--no-color", "--no-ext-diff", f"{commit}..HEAD", "--"]
        for chunk in run(root, "--literal-pathspecs", *args, *sorted(added)).split("\x01")[1:]:
            authored, _, names = chunk.partition("\0")
            for name in names.lstrip("\n").split("\0"):
                if name in added:
                    added[name] = min(added[name] or int(authored), int(authored))
        return added

    return found


def _under(path: str, paths: list[str] | None) -> bool:
    return paths is None or any(not place or path == place or path.startswith(place + "/") for place in paths)


@dataclass(frozen=True)
class Settled:
    """What one `git status` vouched for: every file of commit `head` that it did not name (`named`: paths relative
    to the data root, with those git does not look at) holds that commit's bytes in the work tree."""

    head: str
    named: frozenset[str]


@dataclass(frozen=True)
class Changes:
    """Paths relative to the data root: what exists after the change, and what the change removed; `untracked`:
    the work tree's files git neither tracks nor ignores. `unwatched`: whether a file under the folder asked
    about is one git does not look at (None: not asked), whose change would not be among these. `settled`: what
    the `git status` that found them vouched for (None: the two walks found them)."""

    present: frozenset[str]
    deleted: frozenset[str]
    untracked: frozenset[str] = frozenset()
    unwatched: bool | None = None
    settled: Settled | None = field(default=None, compare=False)


def changed(root: Path, ref: str, watched: str | None = None, kept: Path | None = None) -> Changes:
    """Committed (`REF...HEAD`), uncommitted and untracked changes under the data root; and `unwatched` for the
    folder `watched` (asked at the same time). `kept`: the cache folder, where one `git status` finds the
    uncommitted and untracked changes through ooi's copy of the index (`index_copy`), not two walks of the tree."""
    where = run(root, "rev-parse", "--is-inside-work-tree", "--show-prefix", "--git-path", "index", failure=tr(
        "{d} bukan repositori git; --changed-since perlu riwayat git", "{d} is not a git repository; "
        "--changed-since needs git history", d=root)).split("\n")
    base = commit_of(root, ref)
    cannot = tr("git tidak dapat membandingkan dengan `{r}`", "git cannot compare with `{r}`", r=ref)
    copy = index_copy.trusted(root / where[2], kept) if kept is not None and len(where) > 2 else None
    # The flags of the files under `watched`; of every file, when status is to vouch for the others (`Settled`).
    scope = "." if copy is not None else watched
    flagged = [((*_FLAGS_UNDER, "--", scope), "")] if scope is not None else []
    asked = [((*_DIFF, f"{base}...HEAD", "--"), cannot), *flagged]
    status = None
    if copy is not None:
        answers, status = _beside_status(root, asked, *copy)
        if status is None:  # git refused the copy: made again from the repository's next time
            index_copy.drop(copy[0])
    if status is None:  # the work tree walked twice: its changes against HEAD, and its untracked files
        *answers, uncommitted, others = run_together(root, *asked, ((*_DIFF, "HEAD", "--"), cannot), (
            ("ls-files", "-z", "--others", "--exclude-standard", "--", "."), ""))
        touched, untracked, seen = _name_status(uncommitted), list(_nul_separated(others)), None
    else:
        seen = _status_paths(root, where[1], status)
        touched, untracked = seen.touched, seen.untracked
        if seen.folders:  # a folder git does not track at all (a new agency's): its files, listed
            untracked += _nul_separated(run(root, "ls-files", "-z", "--others", "--exclude-standard", "--",
                                            *seen.folders))
    committed, *flags = answers
    unlooked = frozenset(_flagged(flags[0])) if flags else None  # the files git does not look at
    settled = Settled(seen.head, seen.named | unlooked) if seen and seen.head and unlooked is not None else None
    new = frozenset(path for path in untracked if path)
    touched |= _name_status(committed) | new
    # Whatever happened in between, what matters is whether the file is there now.
    present = {path for path in touched if os.path.lexists(root / path)}
    unwatched = None if watched is None or unlooked is None else any(_under(path, [watched]) for path in unlooked)
    return Changes(frozenset(present), frozenset(touched - present), new, unwatched, settled)


def _beside_status(root: Path, asked: list[tuple[tuple[str, ...], str]], copy: Path, fresh: bool,
                   ) -> tuple[list[str], str | None]:
    """`run_together`'s answers to `asked`, and what `git status` says through ooi's copy of the index, run beside
    them (None: git refused the copy). Only a `fresh` copy is written (its untracked cache filled)."""
    status = _started(root, _STATUS if fresh else ("--no-optional-locks", *_STATUS), index=str(copy))
    try:
        answers = run_together(root, *asked)  # read while status walks: the flags listing is ~6 MB at 100,000 files
        try:
            return answers, _ended(status, _STATUS, "")
        except GitUnavailable:
            raise
        except OoiError:
            return answers, None
    finally:
        if status.returncode is None:
            status.kill()
            status.communicate()


_DIFF = ("diff", "--name-status", "-z", "--find-renames", "--relative", "--no-color", "--no-ext-diff")
# git's untracked cache in ooi's copy of the index; no hook runs (post-index-change is about the repository's own)
_STATUS = ("-c", "core.untrackedCache=true", "-c", "core.fsmonitor=false", "-c", "core.splitIndex=false",
           "-c", f"core.hooksPath={os.devnull}", "status", "--porcelain=v2", "--branch", "-z",
           "--untracked-files=normal", "--no-renames")


class _Status(NamedTuple):
    """What `git status --porcelain=v2 --branch -z` said, relative to the data root."""

    touched: set[str]  # changed as `git diff HEAD` has them: not a path whose work tree file is HEAD's again
    untracked: list[str]  # files
    folders: list[str]  # untracked whole
    named: frozenset[str]  # every tracked path it named (changed in the index or the work tree, or unmerged)
    head: str | None  # the commit it compared with (None: none yet)


def _status_paths(root: Path, prefix: str, output: str) -> _Status:
    """`git status --porcelain=v2 --branch -z` output read for the data root (git's `prefix` from the top)."""
    touched: set[str] = set()
    untracked: list[str] = []
    folders: list[str] = []
    named: set[str] = set()
    head = None
    for line in _nul_separated(output):
        kind, _, rest = line.partition(" ")
        if kind == "?":
            if rest.startswith(prefix):
                (folders if rest.endswith("/") else untracked).append(rest[len(prefix):] or ".")
            elif rest.endswith("/") and prefix.startswith(rest):  # the data root inside an untracked folder
                folders.append(".")
            continue
        if kind == "#" and rest.startswith("branch.oid ") and rest != "branch.oid (initial)":
            head = rest.removeprefix("branch.oid ")
            continue
        fields = rest.split(" ", {"1": 7, "u": 9}.get(kind, 0))
        path = fields[-1]
        if kind not in ("1", "u") or not path.startswith(prefix):
            continue
        rel = path[len(prefix):]
        named.add(rel)
        if kind == "1" and fields[0][0] != "." and _as_in_head(root / rel, fields[0][1], fields[5]):
            continue
        touched.add(rel)
    return _Status(touched, untracked, folders, frozenset(named), head)


def _as_in_head(path: Path, worktree: str, head: str) -> bool:
    """Does the work tree hold HEAD's file (`head`: its blob id) again, the index changed only? (`worktree`: git's
    letter for the work tree against the index.)"""
    if worktree == "D":
        return set(head) == {"0"}  # added to the index only, and gone
    if worktree != "M":
        return False
    try:
        return blob_id(path.read_bytes()) == head
    except OSError:
        return False


def _name_status(output: str) -> set[str]:
    """Every path named in `git diff --name-status -z` output: both sides of a rename or copy."""
    fields = output.split("\0")
    paths, index = set(), 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        count = 2 if status[:1] in ("R", "C") else 1
        paths.update(fields[index + 1:index + 1 + count])
        index += 1 + count
    return paths


def blob_id(raw: bytes) -> str:
    """The id git gives a blob of these bytes (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


def index_blobs(root: Path, within: str | list[str] = "data") -> dict[str, str]:
    """Path (relative to the data root) → git blob id, for files under `within` (a folder, or some) whose bytes
    are the index's.

    Known without reading a file: what the index holds, less the files git says differ from it
    (`diff-files`: content or stat changed), those marked assume-unchanged or skip-worktree (git
    would not look), links, submodules and unmerged paths. Outside git: nothing (every file is
    then known by its content). Nor where git converts bytes (CRLF settings, filters,
    .gitattributes): there a blob is not the bytes a file is judged on.
    """
    paths = [within] if isinstance(within, str) else within
    try:  # at once: each reads git's index (14 MB at 100,000 records), diff-files looks at every file's stat
        listed, dirty = run_together(root, (("ls-files", "-z", "-s", "-v", "--", *paths), "-"),
                                     (("diff-files", "-z", "--name-only", "--relative", "--", *paths), "-"))
    except OoiError:
        return {}
    if _converts(root, listed):
        return {}
    skipped = set(dirty.split("\0"))
    found: dict[str, str] = {}
    for line in listed.split("\0"):
        # "H 100644 <blob> 0\tpath" (-v: H cached; a lowercase tag or S: git does not look at the file)
        info, _, path = line.partition("\t")
        fields = info.split(" ")
        if len(fields) == 4 and fields[0] == "H" and fields[1] in ("100644", "100755") and fields[3] == "0" \
                and path not in skipped:
            found[path] = fields[2]
    return found


def settled_blobs(root: Path, folders: list[str], settled: Settled) -> dict[str, str]:
    """`index_blobs` for the files under `folders` that a `git status` vouched for (`Changes.settled`): each holds
    its commit's blob, read from that commit's trees, not from the index (15 MB at 100,000 records) twice more."""
    try:
        listed = run(root, "--literal-pathspecs", "ls-tree", "-r", "-z", settled.head, "--", *folders, failure="-")
    except OoiError:
        return {}
    if _converts(root, listed):
        return {}
    return {path: blob for mode, blob, path in _listed_files(listed)
            if mode in ("100644", "100755") and path not in settled.named}


def _converts(root: Path, listed: str) -> bool:
    """Does git convert bytes between the work tree and its blobs here (CRLF settings, filters, .gitattributes at
    the data root or above it, or in `listed`: the `ls-files -s` or `ls-tree` listing asked about)?"""
    try:  # exits 1 (an OoiError here) when no such setting is made
        converting = run(root, "config", "--get-regexp", r"^(core\.(autocrlf|eol)|filter\..*)$", failure="-")
    except OoiError:
        converting = ""
    return bool(converting.strip()) or _attributes(root) or "/.gitattributes\0" in listed.replace("\t", "/")


def _attributes(root: Path) -> bool:
    """Does a .gitattributes at the data root or above it (up to the work tree's top) say anything?"""
    for folder in (root.resolve(), *root.resolve().parents):
        attributes = folder / ".gitattributes"
        if attributes.is_file() and attributes.stat().st_size:
            return True
        if (folder / ".git").exists():
            return False
    return False


def merge_tree(root: Path, ref: str, folder: str) -> str | None:
    """The tree id of `folder` (under the data root) at the merge base of `ref` and HEAD: what every file a pull
    request did not touch holds (`changed` lists the touched ones); None when git cannot say."""
    try:
        base = run(root, "merge-base", commit_of(root, ref), "HEAD").strip()
        return run(root, "rev-parse", "--verify", "--quiet", f"{base}:./{folder}").strip() or None
    except OoiError:
        return None


def tree_files(root: Path, tree: str) -> Iterator[tuple[str, str, str]]:
    """(mode, blob id, path inside the tree) of every file of the tree `tree`, one at a time as git listed them
    (100,000 held at once, with the listing split, were ~40 MB). git is asked before the first is given."""
    listed = run(root, "ls-tree", "-r", "-z", "--full-tree", tree)
    return _listed_files(listed)


def _listed_files(listed: str) -> Iterator[tuple[str, str, str]]:
    """(mode, blob id, path) of each file of an `ls-tree -z` listing."""
    for line in _nul_separated(listed):
        info, _, path = line.partition("\t")
        fields = info.split(" ")
        if len(fields) == 3:
            yield fields[0], fields[2], path


def _nul_separated(listed: str) -> Iterator[str]:
    """The NUL-separated parts of git's `-z` output, one at a time (not a list of every line of a large tree)."""
    at = 0
    while at < len(listed):
        end = listed.find("\0", at)
        end = len(listed) if end < 0 else end
        yield listed[at:end]
        at = end + 1


def unwatched(root: Path, folder: str) -> bool:
    """Is a file under `folder` marked assume-unchanged or skip-worktree? git does not look at it, so a change
    to it is not in `changed`."""
    try:
        return bool(_flagged(run(root, *_FLAGS_UNDER, "--", folder)))
    except OoiError:
        return True


_FLAGS_UNDER = ("ls-files", "-z", "-v")  # each path with its tag: a lowercase letter or S, git does not look at it


def _flagged(listed: str) -> list[str]:
    """The paths of a `ls-files -z -v` listing that git does not look at."""
    return re.findall(r"\0[a-zS] ([^\0]*)", "\0" + listed)  # a literal first: ~8 times faster than ^|\0


def tree_changes(root: Path, old: str, new: str) -> set[str]:
    """The paths (inside the trees) whose files differ between trees `old` and `new`."""
    listed = run(root, "diff-tree", "-r", "-z", "--name-only", "--no-renames", old, new)
    return {path for path in listed.split("\0") if path}
