"""The judgement cache's files: a folder outside the data, packs read whole or not at all, written by rename."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

from ooi.input.reading import Refused, read
from ooi.input.reading import opened as opened_file

FOLDER = ".ooi-cache"
ENVIRONMENT = "OOI_CACHE_DIR"
MAX_PACK = 64 << 20  # a pack holds one agency's files (~1 KB each): anything larger is not one of ours
_DIGEST = 32  # hex characters of the checksum line that opens a pack
# Written beside the packs, as ruff and pytest do: git and backup tools leave the folder alone.
_MARKERS = {".gitignore": b"# written by ooi: its judgement cache\n*\n",
            "CACHEDIR.TAG": b"Signature: 8a477f597d28d172789f06886806bc55\n# written by ooi: its judgement cache\n"}


# What runs write goes one folder down, which the folder's `*` ignores whole: git's untracked cache never reads it
# (10,000 packs beside the markers were read again by the `git status` of every `--changed-since` run).
_INNER = "packs"
_OLD = re.compile(r"[0-9a-f]{24}\.json|last-run")  # what ooi wrote beside the markers before: removed once


def folder_of(root: Path) -> Path:
    """Where the cache lives: OOI_CACHE_DIR when set, else `.ooi-cache/` at the data root."""
    chosen = os.environ.get(ENVIRONMENT)
    return Path(chosen) if chosen else root / FOLDER


def inner(folder: Path) -> Path:
    """The folder the packs of the cache in `folder` live in."""
    return folder / _INNER


def load(folder: Path, name: str) -> bytes | None:
    """The body of pack `name`, when it is there, a regular file and whole (its checksum matches); else None."""
    try:
        raw = read(inner(folder) / name, limit=MAX_PACK)
    except Refused:
        return None
    digest, _, body = raw.partition(b"\n")
    return body if digest == _checksum(body) else None


def opened(folder: Path, name: str) -> BinaryIO | None:
    """Pack `name` open to be read in parts, when it is there and a regular file; else None. Unchecked: for a pack
    saved with `checked=False`, which checks each part as it is read (a large index, of which a run needs little)."""
    try:
        return opened_file(inner(folder) / name, limit=1 << 40)  # not read whole: its size costs nothing
    except Refused:
        return None


def save(folder: Path, name: str, body: bytes | list[bytes], checked: bool = True) -> None:
    """Write pack `name` whole: to a temporary file, then renamed over the old one (a reader sees one or the other).

    `body`: its bytes, or its pieces in order (written one after another: never joined in memory).
    `checked`: opened by the checksum of the whole, which `load` compares (else the body is written alone).
    Best effort: a folder that cannot be made or written leaves the run uncached, never failed.
    """
    try:
        if not inner(folder).is_dir():
            _made(folder)
        handle, temporary = tempfile.mkstemp(dir=inner(folder), prefix=".tmp-")
    except OSError:
        return
    try:
        pieces = [body] if isinstance(body, bytes) else body
        with os.fdopen(handle, "wb") as stream:
            if checked:
                stream.write(_checksum(pieces) + b"\n")
            for piece in pieces:
                stream.write(piece)
        os.replace(temporary, inner(folder) / name)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _made(folder: Path) -> None:
    """The cache's folders: `folder` with its markers, and the inner one. A folder of ooi's from before the inner
    one (its marker says so) has its old packs removed, not left beside the markers for git to read."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        for marker, text in _MARKERS.items():
            (folder / marker).write_bytes(text)
    elif _marked(folder):
        for entry in os.scandir(folder):
            if _OLD.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
    inner(folder).mkdir(exist_ok=True)


def _marked(folder: Path) -> bool:
    try:
        return (folder / ".gitignore").read_bytes() == _MARKERS[".gitignore"]
    except OSError:
        return False


def pack_name(unit: str) -> str:
    """The file name of the pack holding one unit of work (an agency's folder, or a part of it)."""
    return hashlib.blake2b(unit.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest() + ".json"


def _checksum(body: bytes | list[bytes]) -> bytes:
    digest = hashlib.blake2b(digest_size=_DIGEST // 2)
    for piece in [body] if isinstance(body, bytes) else body:
        digest.update(piece)
    return digest.hexdigest().encode("ascii")
