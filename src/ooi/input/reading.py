"""The one safe reader: a regular file inside the data root, at most 1 MiB, opened without waiting on anything."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ooi.i18n import tr
from ooi.input.paths import resolves_inside

MAX_BYTES = 1 << 20
# O_NONBLOCK: opening a FIFO does not wait for a writer (it is then refused as not a regular file).
# O_BINARY (Windows only): without it os.read turns CRLF into LF and stops at Ctrl-Z; the POSIX flags
# Windows lacks are left out there (getattr), the checks after fstat do their work alone.
_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
    | getattr(os, "O_CLOEXEC", 0)


class Refused(Exception):
    """Why a file was not read: a Y code and a message in the current language."""

    def __init__(self, code: str, message: str, hint: str = ""):
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


def read(path: str | os.PathLike, root: str | os.PathLike | None = None, limit: int = MAX_BYTES) -> bytes:
    """The bytes of `path`; raises Refused when it is not a regular file inside `root` of at most `limit` bytes."""
    if root is not None and not resolves_inside(path, root):
        raise Refused("Y012", tr("tautan simbolik menuju ke luar repositori atau ke dalam .git; tidak dibaca",
                                 "symbolic link leads outside the repository or into .git; not read"),
                      tr("ganti tautan dengan berkas yang sebenarnya", "replace the link with the real file"))
    handle, size = _open(path, limit)
    try:
        raw = _read_up_to(handle, limit + 1, size + 1)
    except OSError as error:
        raise _unreadable(error) from None
    finally:
        os.close(handle)
    if len(raw) > limit:  # grew between fstat and read
        raise _too_large(limit)
    return raw


def opened(path: str | os.PathLike, limit: int = MAX_BYTES) -> BinaryIO:
    """`path` open to be read in parts (unbuffered: each read asks for what it needs), when it is a regular file of at
    most `limit` bytes; raises Refused otherwise, as `read` does."""
    return os.fdopen(_open(path, limit)[0], "rb", buffering=0)


def _open(path: str | os.PathLike, limit: int) -> tuple[int, int]:
    """A descriptor of `path` and its size, when it is a regular file of at most `limit` bytes (else Refused)."""
    try:
        handle = os.open(path, _FLAGS)
    except OSError as error:
        raise _unreadable(error) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("Y001", tr("bukan berkas biasa ({k}); tidak dibaca", "not a regular file ({k}); not read",
                                     k=_kind(info.st_mode)),
                          tr("ganti dengan berkas teks YAML biasa", "replace it with a plain YAML text file"))
        if info.st_size > limit:
            raise _too_large(limit)
    except OSError as error:
        os.close(handle)
        raise _unreadable(error) from None
    except Refused:
        os.close(handle)
        raise
    return handle, info.st_size


def _read_up_to(handle: int, most: int, expected: int) -> bytes:
    """At most `most` bytes, asked for in reads of the size the file says it has (and one byte more, to see its end).

    A buffered read of `most` (1 MiB) allocated and freed that much memory for every 4 KiB record: half the read.
    """
    parts, size, ask = [], 0, min(expected, most)
    while size < most:
        chunk = os.read(handle, ask)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        ask = min(most - size, 1 << 16)
    return b"".join(parts)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return tr("folder", "a folder")
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    return tr("perangkat", "a device")


def _too_large(limit: int) -> Refused:
    return Refused("Y007", tr("berkas lebih dari {n} MiB", "file is larger than {n} MiB", n=limit >> 20),
                   tr("pecah isinya atau hapus bagian yang tidak perlu", "split it or remove what is not needed"))


# strerror is English whatever the language of the run: the usual causes in both languages.
_REASONS = {
    errno.ENOENT: ("berkas tidak ada (atau tautan ke berkas yang tidak ada)", "no such file (or a broken link)"),
    errno.EACCES: ("tidak ada izin membaca", "permission denied"),
    errno.EPERM: ("tidak ada izin membaca", "permission denied"),
    errno.ELOOP: ("tautan simbolik berputar tanpa ujung", "symbolic links go round in a loop"),
    errno.EISDIR: ("ini folder, bukan berkas", "it is a folder, not a file"),
    errno.ENOTDIR: ("salah satu bagian jalurnya bukan folder", "a part of its path is not a folder"),
    errno.ENAMETOOLONG: ("nama atau jalurnya terlalu panjang", "its name or path is too long"),
}


def reason(error: OSError) -> str:
    """Why an OSError happened, in the current language."""
    known = _REASONS.get(error.errno)
    if known:
        return tr(*known)
    return tr("galat sistem {c}", "system error {c}", c=errno.errorcode.get(error.errno, error.errno))


def _unreadable(error: OSError) -> Refused:
    return Refused("Y001", tr("berkas tidak dapat dibaca: {e}", "cannot read the file: {e}", e=reason(error)),
                   tr("periksa berkas dan tautannya", "check the file and its links"))


def is_regular(path: Path) -> bool:
    """Whether `path` (links followed) is a regular file, without opening it and without raising."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
