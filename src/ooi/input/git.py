"""All of ooi's git access: refs, changed files, the first-parent history, trees and blobs as of a date."""

from __future__ import annotations

import bisect
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ooi.i18n import tr
from ooi.model.errors import OoiError

TIMEOUT = 120


def run(root: Path, *args: str, failure: str = "", text: bool = True):
    """`git -C root args…`; a missing git, a hang or a failure is one readable OoiError (exit 2)."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=TIMEOUT)
    except FileNotFoundError:
        raise OoiError(tr("git tidak ditemukan; pasang git", "git not found; install git")) from None
    except subprocess.TimeoutExpired:
        raise OoiError(tr("git tidak menjawab dalam {n} detik", "git did not answer within {n} seconds",
                          n=TIMEOUT)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        message = failure or tr("git gagal: git {a}", "git failed: git {a}", a=" ".join(args))
        raise OoiError(message + (f" ({detail[-1].strip()})" if detail else ""))
    return done.stdout.decode("utf-8", errors="surrogateescape") if text else done.stdout


def commit_of(root: Path, ref: str) -> str:
    """The commit a user's ref names, checked as a ref (never read as an option): exit 2 naming it otherwise."""
    unknown = tr("ref git `{r}` tidak dikenal (di CI: checkout dengan fetch-depth: 0)",
                 "unknown git ref `{r}` (in CI: check out with fetch-depth: 0)", r=ref)
    if not ref or ref.startswith("-") or any(c in ref for c in "\0\n\r"):
        raise OoiError(unknown)
    return run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}",
               failure=unknown).strip()


@dataclass(frozen=True)
class Entry:
    """One file of a tree: git mode (100644, 100755, 120000 a symbolic link) and blob id."""

    mode: str
    blob: str


@dataclass
class Repo:
    """The git work tree holding a data root: `prefix` is the data root's path inside it (`` at the top)."""

    top: Path
    prefix: str
    commits: list[tuple[int, str]] = field(default_factory=list)  # (committer time, id), first-parent order
    filed: dict[str, int] = field(default_factory=dict)  # path → time of the first commit holding it
    walked: bool = False  # whether `commits` and `filed` hold the whole history (see `open_repo`)
    born: bool = True  # whether HEAD names a commit (not in a repository created a moment ago)

    @property
    def head(self) -> str | None:
        """The commit HEAD names (None before the first commit)."""
        return self.commits[-1][1] if self.commits else None

    def commit_at(self, seconds: int) -> str | None:
        """The last commit of HEAD's first-parent line dated on or before `seconds` (None: none so early)."""
        # By the latest date so far: a commit after one dated past `seconds` is not "before" it (clock skew).
        latest, stamps = 0, []
        for when, _ in self.commits:
            latest = max(latest, when)
            stamps.append(latest)
        index = bisect.bisect_right(stamps, seconds)
        return self.commits[index - 1][1] if index else None

    def tree(self, commit: str) -> tuple[dict[str, Entry], set[str]]:
        """path (relative to the data root) → Entry, for every file under the data root in `commit`;
        and the paths the tree names more than once (git stores such a tree; `fsck` only warns)."""
        out = run(self.top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", self.prefix or ".")
        files, twice = {}, set()
        for line in out.split("\0"):
            meta, tab, path = line.partition("\t")
            fields = meta.split(" ")
            if not tab or len(fields) != 3 or fields[1] != "blob":
                continue  # a submodule (commit) names no file of ours
            rel = path[len(self.prefix) + 1:] if self.prefix else path
            if rel in files:
                twice.add(rel)
            files[rel] = Entry(fields[0], fields[2])
        return files, twice

    def read_many(self, blobs: list[str]) -> dict[str, bytes]:
        """Many blobs through one `git cat-file --batch` run, written and read at once (no round trip per file)."""
        if not blobs:
            return {}
        try:
            done = subprocess.run(["git", "-C", str(self.top), "cat-file", "--batch"], capture_output=True,
                                  input="".join(f"{blob}\n" for blob in blobs).encode("ascii"), timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise OoiError(tr("git tidak menjawab dalam {n} detik", "git did not answer within {n} seconds",
                              n=TIMEOUT)) from None
        out, found, at = done.stdout, {}, 0
        for blob in blobs:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            if len(header) != 3:
                raise OoiError(tr("git tidak dapat membaca objek {b}", "git cannot read object {b}", b=blob))
            size = int(header[2])
            found[blob] = out[end + 1:end + 1 + size]
            at = end + 2 + size
        return found


def open_repo(root: Path, history: bool = True) -> tuple[Repo | None, str]:
    """The repository of `root` with its history read, or None and why not (`` when it is simply not in git).

    `history=False` leaves the history unread: a run over a few files asks `filed_of` for theirs.

    A missing git and a shallow clone are not errors: the caller falls back to `tanggal_lapor`
    and says so in one line, since the history it would judge by is not there.
    """
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "--is-inside-work-tree", "--show-toplevel",
                               "--is-shallow-repository"], capture_output=True, timeout=TIMEOUT)
    except FileNotFoundError:
        return None, tr("git tidak ditemukan: riwayat tidak dibaca, tanggal memakai tanggal_lapor",
                        "git not found: history not read, dates taken from tanggal_lapor")
    except subprocess.TimeoutExpired:
        return None, tr("git tidak menjawab: riwayat tidak dibaca, tanggal memakai tanggal_lapor",
                        "git did not answer: history not read, dates taken from tanggal_lapor")
    lines = done.stdout.decode("utf-8", errors="surrogateescape").splitlines()
    if done.returncode != 0 or len(lines) != 3 or lines[0] != "true":
        return None, ""  # not in a git work tree: the usual case of a copied data folder
    if lines[2] == "true":
        return None, tr("riwayat git tidak lengkap (clone dangkal); tanggal memakai tanggal_lapor "
                        "(di CI: checkout dengan fetch-depth: 0)",
                        "git history is incomplete (shallow clone); dates taken from tanggal_lapor "
                        "(in CI: check out with fetch-depth: 0)")
    top = Path(lines[1])
    prefix = Path(os.path.relpath(os.path.realpath(root), os.path.realpath(top))).as_posix()
    repo = Repo(top, "" if prefix == "." else prefix)
    repo.born = subprocess.run(["git", "-C", str(top), "rev-parse", "--verify", "--quiet", "HEAD^{commit}"],
                               capture_output=True, timeout=TIMEOUT).returncode == 0
    return (read_history(repo) if history else repo), ""


def read_history(repo: Repo) -> Repo:
    """`repo` with HEAD's first-parent history read (once: `open_repo(history=False)` left it for later)."""
    if not repo.walked:
        if repo.born:
            _walk(repo, "HEAD")
        repo.walked = True
    return repo


def at(repo: Repo, commit: str) -> Repo:
    """The same repository seen from another commit (a ref to compare with): its own first-parent history."""
    other = Repo(repo.top, repo.prefix, walked=True)
    _walk(other, commit)
    return other


def _walk(repo: Repo, head: str, paths: list[str] | None = None, added: dict[str, str] | None = None) -> None:
    """One `git log` over HEAD's first-parent line, oldest first: commit dates, and each file's first commit.

    A rename carries the old path's filed date to the new one, so moving a record to another
    name (or agency folder) does not make it look newly filed. `paths` (pathspecs, relative
    to the top) limits the log to commits touching them; `added` then hears the commit that
    first added each path it dates, since a rename from outside `paths` shows there as an add.
    """
    args = ["log", "--first-parent", "--diff-merges=first-parent", "--reverse", "-z", "--format=%x01%H %ct %P",
            "--name-status", "-M", "--no-color", "--no-ext-diff"]
    args += [f"--relative={repo.prefix}/"] if repo.prefix else []
    out = run(repo.top, *(["--literal-pathspecs"] if paths else []), *args, head, "--", *(paths or ()))
    for chunk in out.split("\x01")[1:]:
        header, _, changes = chunk.partition("\0")
        commit, seconds, *parents = header.split()
        when = int(seconds)
        repo.commits.append((when, commit))
        fields = changes.lstrip("\n").split("\0")
        index = 0
        while index < len(fields) and fields[index]:
            status = fields[index]
            if status[:1] == "R":
                old, new = fields[index + 1], fields[index + 2]
                repo.filed.setdefault(new, repo.filed.get(old, when))
                index += 3
                continue
            if status[:1] in ("A", "M", "T", "C"):
                path = fields[index + (2 if status[:1] == "C" else 1)]
                if added is not None and status[:1] == "A" and path not in repo.filed and parents:
                    added[path] = commit  # (a first commit renames nothing)
                repo.filed.setdefault(path, when)  # a file deleted and added again keeps its first date
            index += 3 if status[:1] == "C" else 2


def clean(root: Path) -> bool:
    """Every file under `root` is as HEAD has it: none changed, staged, untracked or even ignored."""
    try:
        return run(root, "status", "--porcelain", "-z", "--ignored", "--untracked-files=all", "--", ".") == ""
    except OoiError:
        return False


def filed_of(repo: Repo, paths: list[str], head: str = "HEAD", depth: int = 0) -> dict[str, int]:
    """`Repo.filed` for the files at `paths` (relative to the data root; a folder: every file in it), exactly.

    A log limited to those paths, not the whole history (100,000 files: ~0.45 s a run for
    one changed file). Git pairs a rename only when it sees both sides, so each first add is
    looked at again in its commit's whole diff: a rename there carries the old path's date.
    """
    if not paths or not repo.born:
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
    return {path: when for path, when in limited.filed.items()}


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


def untracked(root: Path) -> set[str]:
    """Files under the data root that git does not track (and does not ignore), relative to it."""
    out = run(root, "ls-files", "-z", "--others", "--exclude-standard", "--", ".", failure="")
    return {path for path in out.split("\0") if path}


@dataclass(frozen=True)
class Changes:
    """Paths relative to the data root: what exists after the change, and what the change removed."""

    present: frozenset[str]
    deleted: frozenset[str]


def changed(root: Path, ref: str) -> Changes:
    """Committed (`REF...HEAD`), uncommitted and untracked changes under the data root."""
    run(root, "rev-parse", "--is-inside-work-tree", failure=tr(
        "{d} bukan repositori git; --changed-since perlu riwayat git", "{d} is not a git repository; "
        "--changed-since needs git history", d=root))
    base = commit_of(root, ref)
    touched: set[str] = set()
    # --relative: paths relative to the data root, and only those inside it (the root may be a subfolder).
    diff = ("diff", "--name-status", "-z", "--find-renames", "--relative", "--no-color", "--no-ext-diff")
    for args in ((*diff, f"{base}...HEAD", "--"), (*diff, "HEAD", "--")):
        touched |= _name_status(run(root, *args, failure=tr(
            "git tidak dapat membandingkan dengan `{r}`", "git cannot compare with `{r}`", r=ref)))
    untracked = run(root, "ls-files", "-z", "--others", "--exclude-standard", "--", ".", failure="")
    touched |= {path for path in untracked.split("\0") if path}
    # Whatever happened in between, what matters is whether the file is there now.
    present = {path for path in touched if os.path.lexists(root / path)}
    return Changes(frozenset(present), frozenset(touched - present))


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
