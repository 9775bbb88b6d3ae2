"""Y015: names that break a checkout on Windows or macOS (case twins, device names, forbidden characters, length)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ooi.i18n import tr

CODE = "Y015"
LONGEST = 200  # Windows' MAX_PATH is 260 for the whole path: a clone's own folder needs the rest
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                      *(f"lpt{n}" for n in range(1, 10))})
_FORBIDDEN = re.compile(r'[<>:"|?*\\\x00-\x1f\x7f]')
# Paths joined by NUL, the one character no file name holds (a name may hold a line break).
_USUAL = re.compile(r"(?:^|(?<=\x00))[^\x00]*/(?!(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|\x00))"
                    r"[a-z0-9][a-z0-9_-]*(?:\.yaml)?\x00")  # a lowercase slug, not a device name
_LONG = re.compile(r"(?:^|(?<=\x00))[^\x00]{%d,}(?=\x00)" % (LONGEST + 1))


def problems(paths: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """(path, message, hint) for every path (relative, `/`-separated) whose own name breaks a checkout elsewhere.

    A path's folders are judged as paths of their own when they are given; two names of one
    folder that differ only in case are each reported, naming the other.
    """
    paths = set(paths)
    text = "\x00".join(paths) + "\x00"
    # Nearly every name is a lowercase slug on a short path: one pass over all of them leaves the others
    # (100,000 paths: ~0.05 s, where a loop over each name took ~0.6 s). A pair differing only in case
    # holds a name that is not lowercase, so it is among them too.
    odd = set(_USUAL.sub("", text).split("\x00")[:-1]) | set(_LONG.findall(text))
    folded = defaultdict(set)
    for path in odd:
        parent, _, name = path.rpartition("/")
        lowered = f"{parent}/{name.lower()}" if parent else name.lower()
        folded[lowered] |= {path} | ({lowered} if lowered in paths else set())
    twins = {path: group for group in folded.values() if len(group) > 1 for path in group}
    for path in sorted(odd | set(twins)):
        parent, _, name = path.rpartition("/")
        found = _problem(path, name, sorted(other.rpartition("/")[2] for other in twins.get(path, ()) if other != path))
        if found:
            message, better = found
            taken = {other.rpartition("/")[2].lower() for other in paths if other.rpartition("/")[0] == parent}
            yield path, message, tr("ganti namanya, mis. `{n}`", "rename it, e.g. `{n}`", n=_free(better, taken))


def _problem(path: str, name: str, twins: list[str]) -> tuple[str, str] | None:
    """What is wrong with `name` (the first of its faults), and a name without that fault."""
    stem, dot, extension = name.partition(".")
    if twins:
        return tr("`{n}` hanya beda huruf besar/kecil dengan `{o}` di folder yang sama; di Windows dan macOS "
                  "keduanya satu berkas", "`{n}` differs from `{o}` in the same folder only in case; on Windows "
                  "and macOS they are one file", n=name, o=twins[0]), name.lower()
    if _FORBIDDEN.search(name):
        return tr("nama `{n}` memuat karakter yang tidak boleh ada di nama berkas Windows (`<>:\"|?*\\` atau "
                  "karakter kendali)", "the name `{n}` holds a character Windows forbids in file names "
                  "(`<>:\"|?*\\` or a control character)", n=name), _without_forbidden(name)
    if name != name.rstrip(". "):
        return tr("nama `{n}` berakhiran titik atau spasi; Windows membuangnya dan tidak dapat membuat berkas ini",
                  "the name `{n}` ends in a dot or a space; Windows drops it and cannot make this file",
                  n=name), name.rstrip(". ") or "berkas"
    if stem.rstrip(" ").casefold() in RESERVED:
        return tr("`{s}` adalah nama perangkat di Windows (dengan ekstensi apa pun); berkas `{n}` tidak dapat "
                  "dibuat di sana", "`{s}` is a device name on Windows (with any extension); the file `{n}` "
                  "cannot be made there", s=stem, n=name), f"{stem.rstrip(' ')}-1{dot}{extension}"
    if len(path) > LONGEST:
        keep = max(8, len(stem) - (len(path) - LONGEST) - 2)  # room for `-2` should the shorter name be taken
        return tr("jalur ini panjangnya {k} karakter, lebih dari {m}; checkout di Windows dapat gagal",
                  "this path is {k} characters long, more than {m}; a checkout on Windows may fail",
                  k=len(path), m=LONGEST), stem[:keep].rstrip("-") + dot + extension
    return None


def _without_forbidden(name: str) -> str:
    """`a:b.yaml` → `a-b.yaml`; invisible characters (bidi, zero-width) go too: a safe name is one that is seen."""
    shown = "".join(c for c in _FORBIDDEN.sub("-", name) if unicodedata.category(c) not in ("Cf", "Cc"))
    return re.sub(r"-+(?=\.|$)", "", re.sub(r"-{2,}", "-", shown)) or "berkas"


def _free(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3` … when a name of the folder already has it (case ignored)."""
    if name.lower() not in taken:
        return name
    stem, dot, extension = name.partition(".")
    number = 2
    while f"{stem}-{number}{dot}{extension}".lower() in taken:
        number += 1
    return f"{stem}-{number}{dot}{extension}"
