"""A data root as it stood in a commit: blobs from git's object store, written only as plain files of ooi's own.

Whatever a tree holds (a link `zz` beside a folder `zz/`, a folder that later becomes a
file, a 300-byte or non-UTF-8 name, the same name twice), nothing is written through a
link: the snapshot holds no link at all, every folder is entered with O_NOFOLLOW from the
private folder's own descriptor, and an entry that cannot be laid out is a finding of the
point instead (`Snapshot.odd`).
"""

from __future__ import annotations

import errno
import os
import posixpath
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ooi.i18n import tr
from ooi.input.discovery import AGENCIES, INNOVATIONS, shown
from ooi.input.git import TreeEntry, Repo
from ooi.input.loading import Issue
from ooi.input.reading import MAX_BYTES
from ooi.model.settings import SETTINGS_FILE

LINK = "120000"
BATCH_BYTES = 16 << 20  # the blobs read from git at once when laying a commit out (a git run each: ~5 ms)
_HOPS = 8  # a link to a link to …: as far as the kernel's own limit would follow in practice
_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class Snapshot:
    """The files of the data root in one commit, as plain files every reader of ooi already understands.

    Moving to the next commit rewrites only the files whose blob changed, so a series of
    points over a year costs the records that changed, not the whole tree each time.
    """

    def __init__(self, repo: Repo, settings_now: bytes):
        self.repo = repo
        self.root = Path(tempfile.mkdtemp(prefix="ooi-asof-"))  # 0700: no one else can put a link in it
        self.files: dict[str, str] = {}  # path → the blob id laid out there (a link: the id of the file it names)
        self.odd: list[tuple[str, Issue]] = []  # (shown path, why) of the entries of this commit not laid out
        self.commit: str | None = ""
        self._settings_now = settings_now

    def move_to(self, commit: str | None) -> Path:
        """Make the folder hold the data root of `commit` (None: before the first commit, no records)."""
        if commit == self.commit:
            return self.root
        listed, duplicates = self.repo.tree(commit) if commit else ({}, set())
        wanted, odd = _plan(listed, duplicates, self.repo)
        for rel in sorted(self.files.keys() - wanted.keys(), reverse=True):
            self._remove(rel)
        changed = sorted(rel for rel, entry in wanted.items() if self.files.get(rel) != entry.blob)
        self.files = {rel: entry for rel, entry in self.files.items() if rel in wanted}
        for batch in _batches(changed, wanted):  # a first commit of 100,000 records is ~400 MiB of blobs
            contents = self.repo.read_many(sorted({wanted[rel].blob for rel in batch}))
            for rel in batch:
                self.files.pop(rel, None)
                failure = self._write(rel, contents[wanted[rel].blob])
                if failure is None:
                    self.files[rel] = wanted[rel].blob
                else:
                    odd.append((shown(rel), failure))
        for folder in (AGENCIES, INNOVATIONS):
            if self._folder(folder) is not None:  # `data/opd` a file in that commit: discovery says it is missing
                odd.append((folder, _issue("Y013", tr("{p} bukan folder di commit ini", "{p} is not a folder in "
                                                                                          "this commit", p=folder))))
        if SETTINGS_FILE not in self.files:  # no settings yet in that commit: today's, over no records
            self._write(SETTINGS_FILE, self._settings_now)
        self.odd = sorted(odd, key=lambda pair: pair[0])
        self.commit = commit
        return self.root

    def _write(self, rel: str, data: bytes) -> Issue | None:
        """`data` as the regular file `rel`, never through a link; why not, when the file system refuses it."""
        parts = rel.split("/")
        try:
            fd = os.open(self.root, _DIR)
        except OSError as error:
            return _unwritable(error)
        try:
            for name in parts[:-1]:
                inner = _enter(fd, name)
                os.close(fd)
                fd = inner
            _clear(fd, parts[-1], self.root / rel)
            out = os.open(parts[-1], _NEW, 0o600, dir_fd=fd)
            try:
                os.write(out, data)
            finally:
                os.close(out)
        except OSError as error:
            return _unwritable(error)
        finally:
            os.close(fd)
        return None

    def _folder(self, rel: str) -> OSError | None:
        """Make sure the folder `rel` exists (entered without following links); the error when it cannot."""
        fd = os.open(self.root, _DIR)
        try:
            for name in rel.split("/"):
                inner = _enter(fd, name, replace=False)
                os.close(fd)
                fd = inner
        except OSError as error:
            return error
        finally:
            os.close(fd)
        return None

    def _remove(self, rel: str) -> None:
        """Remove a file no longer in the tree, and the folders it leaves empty (a stale folder is a finding)."""
        path = self.root / rel
        try:
            path.unlink()
        except OSError:
            return
        for parent in path.parents:
            if parent == self.root:
                break
            try:
                parent.rmdir()
            except OSError:
                break

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *_) -> None:
        self.close()


def _batches(rels: list[str], entries: dict[str, TreeEntry]) -> Iterator[list[str]]:
    """`rels` in order, in runs whose blobs hold at most BATCH_BYTES together (or one file alone): each run's blobs
    are read, written out and let go before the next is read."""
    batch: list[str] = []
    size = 0
    for rel in rels:
        if batch and size + entries[rel].size > BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(rel)
        size += entries[rel].size
    if batch:
        yield batch


def _enter(fd: int, name: str, replace: bool = True) -> int:
    """The folder `name` inside `fd` (made when missing), entered without following a link.

    A file of an earlier commit where this commit has a folder goes (it is ooi's own copy) when `replace`.
    """
    try:
        os.mkdir(name, 0o700, dir_fd=fd)
    except FileExistsError:
        pass
    try:
        return os.open(name, _DIR, dir_fd=fd)
    except NotADirectoryError:
        if not replace:
            raise
    os.unlink(name, dir_fd=fd)
    os.mkdir(name, 0o700, dir_fd=fd)
    return os.open(name, _DIR, dir_fd=fd)


def _clear(fd: int, name: str, path: Path) -> None:
    """Make room for the file `name`: an earlier copy, or a folder of an earlier commit, goes."""
    try:
        os.unlink(name, dir_fd=fd)
    except FileNotFoundError:
        pass
    except (IsADirectoryError, PermissionError):  # a folder where the file now is (EISDIR, or EPERM on some systems)
        shutil.rmtree(path)  # ooi's own folder, holding no link: nothing outside it is reached


def _plan(listed: dict[str, TreeEntry], duplicates: set[str], repo: Repo) -> tuple[dict[str, TreeEntry], list]:
    """What of a tree is laid out (links replaced by the file they name in the same tree), and what is a finding."""
    odd: list[tuple[str, Issue]] = []
    folders = {posixpath.dirname(rel) for rel in listed}
    folders |= {parent for folder in list(folders) for parent in _parents(folder)}
    links = {rel: entry for rel, entry in listed.items() if entry.mode == LINK and entry.size <= MAX_BYTES}
    read = repo.read_many(sorted({entry.blob for entry in links.values()}))
    targets = {blob: bytes(raw) for blob, raw in read.items()}  # a few names, each its own copy
    wanted = {}
    for rel, entry in listed.items():
        if rel in duplicates:
            odd.append((shown(rel), _issue("Y013", tr(
                "pohon commit ini memuat nama ini lebih dari sekali; tidak dibaca",
                "this commit's tree holds this name more than once; not read"))))
        elif not _safe(rel):
            odd.append((shown(rel), _issue("Y013", tr(
                "nama di pohon commit ini tidak dapat dipakai (., .., .git atau kosong); tidak dibaca",
                "a name in this commit's tree cannot be used (., .., .git or empty); not read"))))
        elif rel.startswith(SETTINGS_FILE + "/"):
            odd.append((shown(rel), _issue("Y013", tr(
                "di commit ini ooi.yaml adalah folder; isinya tidak dibaca",
                "in this commit ooi.yaml is a folder; what it holds is not read"))))
        elif rel in folders:
            odd.append((shown(rel), _issue("Y013", tr(
                "pohon commit ini memuat berkas dan folder dengan nama yang sama; berkasnya tidak dibaca",
                "this commit's tree holds a file and a folder of the same name; the file is not read"))))
        elif entry.size > MAX_BYTES:  # never read into memory: the safe reader's limit, before any byte is read
            odd.append((shown(rel), _issue("Y007", tr("berkas lebih dari {n} MiB", "file is larger than {n} MiB",
                                                      n=MAX_BYTES >> 20), tr(
                "pecah isinya atau hapus bagian yang tidak perlu", "split it or remove what is not needed"))))
        elif entry.mode == LINK:
            target = _resolve(rel, links, targets, listed)
            if target is None:
                odd.append((shown(rel), _issue("Y012", tr(
                    "tautan simbolik di commit ini tidak menuju berkas di dalam akar data; tidak dibaca",
                    "a symbolic link in this commit does not lead to a file inside the data root; not read"),
                    tr("ganti tautan dengan berkas yang sebenarnya", "replace the link with the real file"))))
            else:
                wanted[rel] = target
        else:
            wanted[rel] = entry
    return wanted, odd


def _resolve(rel: str, links: dict[str, TreeEntry], targets: dict[str, bytes], listed: dict[str, TreeEntry]) -> TreeEntry | None:
    """The regular file a link of the tree names inside the data root (following links in it), else None."""
    for _ in range(_HOPS):
        if rel not in links:
            return None
        raw = targets.get(links[rel].blob, b"")
        if not raw or raw.startswith(b"/") or len(raw) > MAX_BYTES:
            return None
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(rel), os.fsdecode(raw)))
        entry = listed.get(rel)
        if rel.startswith("../") or rel == ".." or entry is None or not _safe(rel):
            return None
        if entry.mode != LINK:
            return TreeEntry("100644", entry.blob, entry.size) if entry.size <= MAX_BYTES else None
    return None


def _parents(folder: str):
    while folder:
        yield folder
        folder = posixpath.dirname(folder)


def _safe(rel: str) -> bool:
    parts = rel.split("/")
    return all(part not in ("", ".", "..") and part.lower() != ".git" for part in parts)


def _issue(code: str, message: str, hint: str = "") -> Issue:
    return Issue(code, 1, 1, message, hint or tr("perbaiki riwayatnya, atau abaikan: hanya titik ini yang terkena",
                                                 "fix the history, or leave it: only this point is affected"))


def _unwritable(error: OSError) -> Issue:
    if error.errno == errno.ENAMETOOLONG:
        message = tr("nama atau jalurnya terlalu panjang; tidak dibaca", "its name or path is too long; not read")
    else:
        message = tr("berkas di commit ini tidak dapat disiapkan untuk dibaca ({e}); tidak dibaca",
                     "this commit's file cannot be made ready to read ({e}); not read",
                     e=errno.errorcode.get(error.errno, error.errno))
    return _issue("Y013", message, tr("ganti namanya dengan huruf kecil, angka, dan tanda hubung",
                                      "rename it with lowercase letters, digits and hyphens"))
