"""Git's first-parent history kept by commit between runs: a moved-forward HEAD reads only the commits since.

What is kept is what git says, not a date ooi derived: each commit of the line as written
(id, committer and author date, merge or not), the commit that filed each path, the import
commit. Which dates are trusted (today is their ceiling), `zona_waktu`, `git_sejak` and
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
from functools import cache
from pathlib import Path

import ooi
from ooi.input import cachefiles, git
from ooi.model.errors import OoiError

FORMAT = 1


def read(repo: git.Repo, folder: Path, walk: bool = True) -> str:
    """`repo` with HEAD's history read, through the entry kept in `folder`, and that entry brought up to HEAD.

    `walk=False`: only when the entry serves (a run over a few files looks theirs up otherwise).
    Says how: "kept" (HEAD's entry), "extended" (the commits after it read), "walked" (the
    whole line read), or "" (nothing read: `walk` was False and no entry served).
    """
    if repo.walked or not repo.born:  # nothing to keep: read already, or no commit yet
        if walk:
            git.read_history(repo)
        return ""
    key, name = _key(repo), cachefiles.pack_name(f"filed\0{repo.top}\0{repo.prefix}")
    head = git.run(repo.top, "rev-parse", "--verify", "HEAD^{commit}").strip()
    how = _kept(repo, folder, name, key, head)
    if not how:
        if not walk:
            return ""
        git.read_history(repo)
        how = "walked"
    if how != "kept":
        body = [FORMAT, key, head, git.written(repo), *_numbered(repo)]
        cachefiles.save(folder, name, json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogatepass"))
    return how


def _kept(repo: git.Repo, folder: Path, name: str, key: str, head: str) -> str:
    """Fill `repo` from the entry when it serves HEAD: "kept" or "extended"; else "" and `repo` untouched."""
    try:
        raw = cachefiles.load(folder, name)
        version, kept, commit, line, numbered, imported = json.loads(raw.decode("utf-8", "surrogatepass"))
        if version != FORMAT or kept != key or not line or line[-1][0] != commit:
            return ""
        line = [(str(id_), int(own), int(authored), bool(merge)) for id_, own, authored, merge in line]
        if min(numbered.values(), default=0) < 0 or (imported is not None and imported < 0):
            return ""
        filed = {str(path): line[index][0] for path, index in numbered.items()}
        imported = line[imported][0] if imported is not None else None
    except (AttributeError, TypeError, ValueError, IndexError, UnicodeError, RecursionError):
        return ""  # none kept, damaged, or of another shape
    if commit == head:
        git.restore(repo, line, filed, imported)
        return "kept"
    try:  # exits 1 when not an ancestor, 128 when the commit is gone: either way the line is read again
        git.run(repo.top, "merge-base", "--is-ancestor", commit, head)
    except git.GitUnavailable:
        raise
    except OoiError:
        return ""
    return "extended" if git.extend(repo, line, filed, imported) else ""


def _numbered(repo: git.Repo) -> tuple[dict[str, int], int | None]:
    """The walk's filed paths and import commit, each commit named by its place on the line (half the bytes)."""
    place = {commit: index for index, commit in enumerate(repo.line)}
    return {path: place[commit] for path, commit in repo.filed.items()}, \
        place[repo.imported] if repo.imported is not None else None


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
