"""Git's first-parent history kept by commit between runs: a moved-forward HEAD reads only the commits since.

What is kept is what git says, not a date ooi derived: each commit of the line as written
(id, committer and author date, merge or not), the commit that filed each path, the import
commit, and for each merge that filed a path the author dates of its merged side (R014's
review time: a `git log` per merge, 3-7 ms each, were they asked again every run). Which
dates are trusted (today is their ceiling), `zona_waktu`, `git_sejak` and
`tinjauan_maks_hari` are applied to it at every run, so no setting and no day is part of
the key and a changed `ooi.yaml` reads nothing again. The key, stored in the entry and
compared whole: the repository and the data root's place in it, the git settings that
change what `git log` reports (rename limits, the root commit's diff), and the code that
reads the walk (`_code`). The entry's commit is then HEAD (used as it is), or lies on HEAD's
first-parent line (only the commits after it are read: `git.extend`); anything else, a
rewritten history or a commit gone, reads the whole line again. The entry is one pack of
the judgement cache's folder, checked by its checksum and written by rename.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache
from pathlib import Path

import ooi
from ooi.input import cachefiles, git
from ooi.model.errors import OoiError

FORMAT = 1
_ID = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")  # a SHA-1 or SHA-256 commit id


def read(repo: git.Repo, folder: Path) -> str:
    """`repo` with HEAD's history read, through the entry kept in `folder`, and that entry brought up to HEAD.

    Says how: "kept" (HEAD's entry), "extended" (only the commits after the entry's read),
    "walked" (the whole line read), or "" (nothing to keep: no commit yet, or read already).
    """
    if repo.walked or not repo.born:
        git.read_history(repo)
        return ""
    key, name = _key(repo), cachefiles.pack_name(f"filed\0{repo.top}\0{repo.prefix}")
    head = git.run(repo.top, "rev-parse", "--verify", "HEAD^{commit}").strip()
    how = _kept(repo, folder, name, key, head)
    if not how:
        git.read_history(repo)
        how = "walked"
    if how != "kept":
        for merge in _merges(repo):
            git.side(repo, merge)  # a new merge's side: asked now, kept with the rest
        cachefiles.save(folder, name, _written(repo, key))
    return how


def _kept(repo: git.Repo, folder: Path, name: str, key: str, head: str) -> str:
    """Fill `repo` from the entry when it serves HEAD: "kept" or "extended"; else "" and `repo` untouched."""
    try:
        line, filed, imported, sides = _parsed(cachefiles.load(folder, name), key)
    except (AttributeError, TypeError, ValueError, IndexError, UnicodeError, RecursionError):
        return ""  # none kept, damaged, or of another shape
    commit = line[-1][0]
    if commit == head:
        git.restore(repo, line, filed, imported)
        how = "kept"
    else:
        try:  # exits 1 when not an ancestor, 128 when the commit is gone: either way the line is read again
            git.run(repo.top, "merge-base", "--is-ancestor", commit, head)
        except git.GitUnavailable:
            raise
        except OoiError:
            return ""
        if not git.extend(repo, line, filed, imported):
            return ""
        how = "extended"
    repo.sides.update(sides)
    return how


# An entry: a JSON line [format, key, the import commit's place on the line], a line per commit ("id committed
# authored merge"), then after a NUL, groups apart by two NULs (a path is never empty and holds no NUL), each a
# commit's place on the line with a letter: "f" and the paths it filed, or "s" (a merge) and its side's paths,
# each with its author date; NUL-separated. Split, not parsed: 100,000 paths, 25 ms.

def _written(repo: git.Repo, key: str) -> bytes:
    """The entry of HEAD's history as read (see above)."""
    place = {commit: index for index, commit in enumerate(repo.line)}
    groups: dict[int, list[str]] = {}
    for path, commit in repo.filed.items():
        groups.setdefault(place[commit], []).append(path)
    header = json.dumps([FORMAT, key, place[repo.imported] if repo.imported is not None else None])
    commits = "".join(f"\n{id_} {own} {authored} {int(merge)}" for id_, own, authored, merge in git.written(repo))
    filed = [f"f{index}\0" + "\0".join(paths) for index, paths in groups.items()]
    sides = ["\0".join([f"s{place[merge]}", *(f"{path}\0{when}" for path, when in repo.sides[merge].items())])
             for merge in _merges(repo)]
    groups_text = "\0\0".join(filed + sides)
    return f"{header}{commits}\0{groups_text}".encode("utf-8", "surrogatepass")


def _merges(repo: git.Repo) -> list[str]:
    """The merges that filed a path there is now, oldest first: whose sides R014 may ask about."""
    filing = set(repo.filed.values())
    return [commit for commit, point in repo.line.items() if point.merge and commit in filing]


def _parsed(raw: bytes | None, key: str) -> tuple[list[git.Written], dict[str, str], str | None,
                                                  dict[str, dict[str, int]]]:
    """The line, filed paths, import commit and merges' sides an entry holds, when whole and of this `key`
    (else ValueError)."""
    if raw is None:
        raise ValueError("none kept")
    text, _, groups = raw.decode("utf-8", "surrogatepass").partition("\0")
    header, *commits = text.split("\n")
    version, kept, imported = json.loads(header)
    if version != FORMAT or kept != key or not commits:
        raise ValueError("another key")
    line = []
    for commit in commits:
        id_, own, authored, merge = commit.split(" ")
        if not _ID.fullmatch(id_):  # (it is given to git: never anything an option could be read from)
            raise ValueError("not a commit id")
        line.append((id_, int(own), int(authored), merge == "1"))
    filed: dict[str, str] = {}
    sides: dict[str, dict[str, int]] = {}
    for group in groups.split("\0\0") if groups else ():
        tag, *rest = group.split("\0")
        commit = line[_place(tag[1:])][0]
        if tag[:1] == "f":
            filed.update(dict.fromkeys(map(sys.intern, rest), commit))  # shared as git.py shares a walk's
        elif tag[:1] == "s" and len(rest) % 2 == 0:
            sides[commit] = dict(zip(rest[::2], map(int, rest[1::2])))
        else:
            raise ValueError("not a group")
    return line, filed, line[_place(imported)][0] if imported is not None else None, sides


def _place(index: object) -> int:
    if type(index) is str and index.isdecimal():
        index = int(index)
    if type(index) is not int or index < 0:
        raise ValueError("not a place on the line")
    return index


def _key(repo: git.Repo) -> str:
    """What the kept walk depends on besides the commit: where the data root is, git's settings, ooi's reading."""
    try:  # exits 1 when none is set
        settings = git.run(repo.top, "config", "--get-regexp", r"^(diff|log)\.", failure="-")
    except git.GitUnavailable:
        raise
    except OoiError:
        settings = ""
    return hashlib.blake2b(f"{repo.top}\0{repo.prefix}\0{settings}\0{_code()}".encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


@cache
def _code() -> str:
    """ooi's version and the bytes of the modules that read the walk and keep it (a change there reads it again)."""
    digest = hashlib.blake2b(f"{ooi.__version__}\0".encode(), digest_size=16)
    for module in (git, cachefiles):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()
