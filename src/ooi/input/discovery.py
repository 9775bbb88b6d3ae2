"""Find the record files under a data root; a file ooi would skip is reported, never lost."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ooi.i18n import tr
from ooi.input.loading import Issue
from ooi.input.paths import inside, trusted
from ooi.input.reading import reason
from ooi.model.errors import OoiError

DATA = "data"  # every record lives under it
AGENCIES = f"{DATA}/opd"
INNOVATIONS = f"{DATA}/inovasi"
SUFFIX = ".yaml"


def stem_of(rel: str) -> str:
    """`data/inovasi/dinkes/sigap-bumil.yaml` → `sigap-bumil`."""
    return rel.rsplit("/", 1)[-1].removesuffix(SUFFIX)


def folder_of(rel: str) -> str:
    """The agency folder of an innovation path (`data/inovasi/<folder>/x.yaml`), else ``."""
    parts = rel.split("/")
    return parts[2] if rel.startswith(INNOVATIONS + "/") and len(parts) > 3 else ""


class Entry:
    """One record file: `kind` is `opd` (an agency) or `inovasi` (an innovation or plan).

    `path` is the file's path as the file system gave it (a Path made for each of 100,000 entries was a third
    of discovery). A tree's entries hold it as one shared head (the root's part) and `rel`: 100,000 paths of
    their own were ~13 MB, held by the parent and every worker while a run is handed out.
    """

    __slots__ = ("_head", "_path", "rel", "kind")

    def __init__(self, path: str, rel: str, kind: str, head: str | None = None) -> None:
        """`head`, when given, is what comes before `rel` in the path (`path` is then not kept)."""
        self._head: str | None = head
        self._path = "" if head is not None else path
        self.rel, self.kind = rel, kind

    @property
    def path(self) -> str:
        return self._path if self._head is None else self._head + self.rel

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and (self.path, self.rel, self.kind) == (other.path, other.rel, other.kind)

    def __hash__(self) -> int:
        return hash((self.path, self.rel, self.kind))

    def __repr__(self) -> str:
        return f"Entry(path={self.path!r}, rel={self.rel!r}, kind={self.kind!r})"

    @property
    def folder(self) -> str:
        return folder_of(self.rel)

    @property
    def stem(self) -> str:
        return stem_of(self.rel)


@dataclass
class Tree:
    """Every record file of a data root, and what lies where it should not."""

    entries: list[Entry]
    misplaced: list[tuple[str, Issue]]
    # Names that are not UTF-8, as `shown` writes them: refused above, and no other rule judges the escaped text.
    undecodable: set[str] = field(default_factory=set)


def discover(root: Path, within: list[str] | None = None) -> Tree:
    """Every record file, or (with `within`, paths from `relative`) only the folders those paths need."""
    real_root = os.path.realpath(root)
    tree = Tree([], [])
    # The root's part of every path scandir gives, held once; where paths are not written `head + rel` (another
    # separator), each entry keeps its own.
    joined = os.fspath(root / AGENCIES)
    shared = joined[:-len(AGENCIES)] if os.sep == "/" and joined.endswith(AGENCIES) else None
    if not (root / AGENCIES).is_dir():
        raise OoiError(tr("folder {f} tidak ada di {r}", "folder {f} is missing in {r}", f=AGENCIES, r=root))
    for item in _children(root, AGENCIES, real_root, tree) if _needed(within, AGENCIES) else ():
        _add_file(item, AGENCIES, "opd", tree, shared)
    for item in _children(root, INNOVATIONS, real_root, tree) if _needed(within, INNOVATIONS) else ():
        folder = _is_dir(item)
        if folder and not _needed(within, f"{INNOVATIONS}/{item.name}"):
            continue  # a folder no path asks for: a one-file run need not list 10,000 folders
        if folder:
            for child in _children(root, f"{INNOVATIONS}/{item.name}", real_root, tree):
                _add_file(child, f"{INNOVATIONS}/{item.name}", "inovasi", tree, shared)
        else:
            tree.misplaced.append((f"{INNOVATIONS}/{item.name}", _misplaced(tr(
                "berkas inovasi harus berada di folder OPD-nya", "an innovation file belongs in its agency's folder"),
                tr("pindahkan ke data/inovasi/<kode-opd>/", "move it to data/inovasi/<agency-code>/"))))
    tree.entries.sort(key=lambda entry: entry.rel)
    tree.misplaced.sort(key=lambda pair: pair[0])
    return tree


def _children(root: Path, folder: str, real_root: str, tree: Tree):
    """The visible entries of a folder; symbolic links leading outside the root are refused unread."""
    if not trusted(os.path.realpath(root / folder), real_root):  # `data/inovasi` itself a link to elsewhere
        tree.misplaced.append((folder, _outside()))
        return
    try:
        items = sorted(os.scandir(root / folder), key=lambda item: item.name)
    except FileNotFoundError:
        return
    except OSError as error:
        tree.misplaced.append((folder, Issue("Y001", 1, 1, tr(
            "folder tidak dapat dibaca: {e}", "cannot read the folder: {e}", e=reason(error)))))
        return
    for item in items:
        if item.name.startswith("."):
            if item.name.endswith((SUFFIX, ".yml")) or _is_dir(item):  # a record hidden from `ls`, not from us
                tree.misplaced.append((f"{folder}/{shown(item.name)}", _misplaced(
                    tr("berkas atau folder tersembunyi (namanya diawali titik) tidak dibaca",
                       "a hidden file or folder (its name starts with a dot) is not read"),
                    tr("ganti namanya tanpa titik di depan, atau hapus", "rename it without the leading dot, "
                                                                           "or remove it"))))
            continue  # .gitkeep, editor swap files, ooi's own temporary files
        if shown(item.name) != item.name:  # not UTF-8: no tool along the way can be trusted to show or match it
            tree.undecodable.add(f"{folder}/{shown(item.name)}")
            tree.misplaced.append((f"{folder}/{shown(item.name)}", _misplaced(
                tr("nama berkas atau folder bukan UTF-8; tidak dibaca",
                   "the file or folder name is not UTF-8; not read"),
                tr("ganti namanya dengan huruf kecil, angka, dan tanda hubung",
                   "rename it with lowercase letters, digits and hyphens"))))
            continue
        if item.is_symlink() and not trusted(os.path.realpath(item.path), real_root):
            tree.misplaced.append((f"{folder}/{item.name}", _outside()))
            continue
        yield item


def _add_file(item: os.DirEntry, folder: str, kind: str, tree: Tree, head: str | None) -> None:
    rel = f"{folder}/{item.name}"
    folder_here = _is_dir(item)
    if item.name.endswith(SUFFIX) and not folder_here:  # a broken link, a FIFO: read, and reported as unreadable
        # interned: the one string git's filed dates, a run's results and a history's memo hold for the path
        tree.entries.append(Entry(item.path, sys.intern(rel), kind, head))
    elif folder_here:
        tree.misplaced.append((rel, _misplaced(
            tr("subfolder tidak dibaca di sini", "subfolders are not read here"),
            tr("pindahkan berkasnya langsung ke {f}/", "move its files directly into {f}/", f=folder))))
    else:
        name = item.name.rsplit(".", 1)[0] if "." in item.name else item.name
        tree.misplaced.append((rel, _misplaced(
            tr("berkas tidak dibaca karena ekstensinya bukan .yaml", "not read: its extension is not .yaml"),
            tr("ganti namanya menjadi {n}.yaml", "rename it to {n}.yaml", n=name))))


def _outside() -> Issue:
    return Issue("Y012", 1, 1, tr("tautan simbolik menuju ke luar repositori atau ke dalam .git; tidak dibaca",
                                  "symbolic link leads outside the repository or into .git; not read"),
                 tr("ganti tautan dengan berkas yang sebenarnya", "replace the link with the real file"))


def _is_dir(item: os.DirEntry) -> bool:
    """A folder, or a link to one; a link that loops is not (it is then read, and reported as unreadable)."""
    try:
        return item.is_dir()
    except OSError:
        return False


def shown(name: str) -> str:
    """A name as text that can be printed and put in JSON: bytes that are not UTF-8 written as `\\xe9`."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _misplaced(message: str, hint: str) -> Issue:
    return Issue("Y013", 1, 1, message, hint)


def _needed(within: list[str] | None, folder: str) -> bool:
    """Does a path of `within` lie in `folder`, or `folder` in it?"""
    return within is None or any(not want or want == folder or want.startswith(folder + "/")
                                 or folder.startswith(want + "/") for want in within)


def select(tree: Tree, root: Path, targets: list[Path]) -> Tree:
    """Keep only what lies at or under the given paths (files or folders inside the root)."""
    wanted = relative(root, targets)

    def chosen(rel: str) -> bool:
        return any(not want or rel == want or rel.startswith(want + "/") for want in wanted)

    return Tree([e for e in tree.entries if chosen(e.rel)], [(r, i) for r, i in tree.misplaced if chosen(r)])


def relative(root: Path, targets: list[Path]) -> list[str]:
    """The targets as paths relative to the root (`""` for the root); each must exist inside it."""
    real_root = os.path.realpath(root)
    wanted = []
    for target in targets:
        if not target.exists() and not target.is_symlink():
            raise OoiError(tr("{p} tidak ada", "{p} does not exist", p=target))
        absolute = os.path.abspath(target)
        if not inside(absolute, os.path.abspath(root)) and not inside(os.path.realpath(target), real_root):
            raise OoiError(tr("{p} berada di luar akar data {r}", "{p} is outside the data root {r}", p=target, r=root))
        rel = shown(Path(os.path.relpath(absolute, os.path.abspath(root))).as_posix())
        wanted.append("" if rel == "." else rel)
    return wanted
