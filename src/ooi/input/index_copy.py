"""ooi's own copy of a repository's git index, where git keeps its untracked cache: never the repository's index.

git lists a large work tree's untracked files from its untracked cache (a folder read again only when its
mtime moved: at 100,000 records 0.02 s, not 0.15 s), but only from an index holding one, which git writes.
So the cache folder keeps a copy of the repository's index, named for what it was copied from (the
index's path, size and checksum): an index changed since (`git add`, a commit, a refresh) is copied anew.
git writes its untracked cache into a new copy once, and from then on only reads it: git rewrote a copy
it may write on nearly every run (a file put back, a racy entry), and each write changes the copy, to be
checked again (hashing 15 MB: ~20 ms) before it is trusted.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ooi.input import cachefiles
from ooi.input.reading import is_regular

_PREFIX = "git-index-"
_HEAD = 12  # "DIRC", version, number of entries
_TRAILERS = (("sha1", 20), ("sha256", 32))  # git's checksum closing an index, by object format
_CHECKED = ".sound"  # beside a copy: its file's identity when its checksum last held (hashing 15 MB: ~20 ms)


def trusted(index: Path, folder: Path) -> tuple[Path, bool] | None:
    """ooi's copy of the repository's `index` in `folder`, once it is sound, and whether it was made now (git is to
    write its untracked cache into it); None when none can be kept (no index, one whose checksum git does not
    write, a folder that cannot be written) or trusted."""
    made = _copy_for(index, folder)
    if made is None:
        return None
    copy, fresh = made
    try:
        seen = _stat(copy)
        if cachefiles.load(folder, copy.name + _CHECKED) == seen:  # as it was when last found sound
            return copy, fresh
        if not _sound(copy, index):
            drop(copy)
            return None
    except OSError:
        return None
    cachefiles.save(folder, copy.name + _CHECKED, seen)
    return copy, fresh


def _copy_for(index: Path, folder: Path) -> tuple[Path, bool] | None:
    try:
        with open(index, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            stream.seek(max(size - 32, 0))
            closing = stream.read()
    except OSError:
        return None
    if size < _HEAD + 32 or not any(closing[-20:]):  # index.skipHash: all zeros, so no name for what it holds
        return None
    named = f"{index.resolve()}\0{size}\0{closing.hex()}".encode("utf-8", "surrogatepass")
    copy = cachefiles.inner(folder) / (_PREFIX + hashlib.blake2b(named, digest_size=12).hexdigest())
    if is_regular(copy):
        return copy, False
    try:
        raw = index.read_bytes()
    except OSError:
        return None
    for old in copy.parent.glob(_PREFIX + "*"):  # one repository's index at a time
        if old.suffix not in (_CHECKED, ".lock"):  # (a lock: another run's git writing it)
            drop(old)
    cachefiles.save(folder, copy.name, raw, checked=False)
    return (copy, True) if is_regular(copy) else None


def _sound(copy: Path, index: Path) -> bool:
    """Is `copy` whole (git's own checksum closes it) and of as many entries as `index`, the repository's?"""
    raw, head = copy.read_bytes(), _head(index)
    if raw[:_HEAD] != head:
        return False
    body = memoryview(raw)
    return any(len(raw) > _HEAD + width and hashlib.new(name, body[:-width]).digest() == raw[-width:]
               for name, width in _TRAILERS)


def _stat(path: Path) -> bytes:
    """What changes whenever the file is written: git writes a new file and renames it over the copy."""
    found = os.lstat(path)
    return f"{found.st_ino}:{found.st_size}:{found.st_mtime_ns}:{found.st_ctime_ns}".encode("ascii")


def drop(copy: Path) -> None:
    """Remove a copy, and what was checked of it."""
    for path in (copy, copy.with_name(copy.name + _CHECKED)):
        try:
            path.unlink()
        except OSError:
            pass


def _head(index: Path) -> bytes:
    with open(index, "rb") as stream:
        return stream.read(_HEAD)
