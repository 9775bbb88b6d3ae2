"""`--changed-since` through ooi's copy of git's index (`input.index_copy`), in real temporary git repositories.

One `git status` on the copy must find exactly what the two walks of the work tree find (`git diff HEAD`
and the untracked files), never write the repository's own index, and a damaged copy is never trusted.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ooi.input import cachefiles, index_copy
from ooi.input.git import Changes, blob_id, changed, index_blobs, settled_blobs

WHEN = "2023-04-03T12:00:00+07:00"


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def write(root: Path, rel: str, text: str = "nama: x\n") -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def top(tmp_path, git_identity):
    """A repository whose data root is its folder `pemkot/` (beside another folder), one commit on main, a branch."""
    top = tmp_path / "repo"
    for rel in ("pemkot/ooi.yaml", "pemkot/data/opd/dinkes.yaml", "pemkot/data/inovasi/dinkes/a.yaml",
                "pemkot/data/inovasi/dinkes/b.yaml", "pemkot/data/inovasi/dinkes/c.yaml",
                "pemkot/data/inovasi/dinkes/d.yaml", "pemkot/data/inovasi/dinkes/e.yaml", "lain/catatan.txt"):
        write(top, rel)
    write(top, "pemkot/.gitignore", "*.bak\n")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "awal")
    git(top, "checkout", "-q", "-b", "usulan")
    return top


def every_kind_of_change(top: Path) -> None:
    """Each way a file can differ from HEAD, or not: in the work tree, the index, or both."""
    inovasi = top / "pemkot/data/inovasi/dinkes"
    write(top, "pemkot/data/inovasi/dinkes/a.yaml", "nama: diubah\n")  # changed, not staged
    write(top, "pemkot/data/inovasi/dinkes/b.yaml", "nama: disiapkan\n")  # changed and staged
    git(top, "add", "pemkot/data/inovasi/dinkes/b.yaml")
    write(top, "pemkot/data/inovasi/dinkes/c.yaml", "nama: sebentar\n")  # staged, then put back as HEAD has it
    git(top, "add", "pemkot/data/inovasi/dinkes/c.yaml")
    write(top, "pemkot/data/inovasi/dinkes/c.yaml")
    write(top, "pemkot/data/inovasi/dinkes/f.yaml")  # added to the index, then removed from the work tree
    git(top, "add", "pemkot/data/inovasi/dinkes/f.yaml")
    (inovasi / "f.yaml").unlink()
    (inovasi / "d.yaml").unlink()  # removed
    git(top, "mv", "pemkot/data/inovasi/dinkes/e.yaml", "pemkot/data/inovasi/dinkes/e2.yaml")  # renamed
    write(top, "pemkot/data/inovasi/dinkes/baru.yaml")  # untracked, in a tracked folder
    write(top, "pemkot/data/inovasi/dishub/satu.yaml")  # a new agency's folder, untracked whole
    write(top, "pemkot/data/inovasi/dishub/dua.yaml")
    write(top, "pemkot/data/inovasi/dinkes/lama.bak")  # ignored
    write(top, "lain/catatan.txt", "di luar akar data\n")  # outside the data root
    write(top, "lain/baru.txt")


EXPECTED = Changes(
    frozenset({"data/inovasi/dinkes/a.yaml", "data/inovasi/dinkes/b.yaml", "data/inovasi/dinkes/e2.yaml",
               "data/inovasi/dinkes/baru.yaml", "data/inovasi/dishub/satu.yaml", "data/inovasi/dishub/dua.yaml"}),
    frozenset({"data/inovasi/dinkes/d.yaml", "data/inovasi/dinkes/e.yaml"}),
    frozenset({"data/inovasi/dinkes/baru.yaml", "data/inovasi/dishub/satu.yaml", "data/inovasi/dishub/dua.yaml"}),
    False)


def copies(folder: Path) -> list[Path]:
    return sorted(path for path in cachefiles.inner(folder).glob("git-index-*") if path.suffix != ".sound")


def test_status_through_the_copy_finds_what_the_two_walks_find(top, tmp_path):
    every_kind_of_change(top)
    root, kept = top / "pemkot", tmp_path / "cache"
    walked = changed(root, "main", "data/inovasi")
    assert walked == EXPECTED
    assert changed(root, "main", "data/inovasi", kept) == EXPECTED  # the copy made, git's untracked cache filled
    assert len(copies(kept)) == 1
    assert changed(root, "main", "data/inovasi", kept) == EXPECTED  # read from that cache
    git(top, "commit", "-q", "-m", "usulan")  # committed: the index changed (copied anew), HEAD moved
    assert changed(root, "main", None, kept) == changed(root, "main")


def test_the_repository_index_is_never_written_and_the_copy_once(top, tmp_path):
    every_kind_of_change(top)
    root, kept, index = top / "pemkot", tmp_path / "cache", top / ".git/index"
    before = index.read_bytes(), os.stat(index).st_mtime_ns
    changed(root, "main", None, kept)
    (copy,) = copies(kept)
    assert b"UNTR" in copy.read_bytes()  # git's untracked cache, in ooi's copy
    settled = os.stat(copy)
    write(top, "pemkot/data/inovasi/dinkes/lagi.yaml")  # a folder git's untracked cache reads again
    for _ in range(2):
        assert changed(root, "main", None, kept).untracked == EXPECTED.untracked | {"data/inovasi/dinkes/lagi.yaml"}
    assert (os.stat(copy).st_ino, os.stat(copy).st_mtime_ns) == (settled.st_ino, settled.st_mtime_ns)
    assert (index.read_bytes(), os.stat(index).st_mtime_ns) == before


def test_a_changed_index_is_copied_anew_and_the_old_copy_removed(top, tmp_path):
    root, kept = top / "pemkot", tmp_path / "cache"
    changed(root, "main", None, kept)
    (first,) = copies(kept)
    write(top, "pemkot/data/inovasi/dinkes/baru.yaml")
    git(top, "add", "-A")  # the repository's index changed: tracked now, not untracked
    found = changed(root, "main", None, kept)
    assert found.present == {"data/inovasi/dinkes/baru.yaml"} and found.untracked == frozenset()
    (second,) = copies(kept)
    assert second != first and not first.exists()


@pytest.mark.parametrize("damage", ["truncated", "scrambled", "swapped", "emptied"])
def test_a_damaged_copy_is_not_trusted(top, tmp_path, damage):
    every_kind_of_change(top)
    root, kept = top / "pemkot", tmp_path / "cache"
    changed(root, "main", None, kept)
    (copy,) = copies(kept)
    raw = copy.read_bytes()
    if damage == "truncated":
        copy.write_bytes(raw[: len(raw) // 2])
    elif damage == "scrambled":  # a path's letter in the entries: git itself would not notice
        at = raw.index(b"dinkes/a.yaml")
        copy.write_bytes(raw[:at] + b"dinkes/x.yaml" + raw[at + 13:])
    elif damage == "swapped":  # another repository's index, whole and sound in itself
        other = tmp_path / "lain"
        write(other, "pemkot/data/inovasi/dinkes/z.yaml")
        git(other, "init", "-q")
        git(other, "add", "-A")
        copy.write_bytes((other / ".git/index").read_bytes())
    else:
        copy.write_bytes(b"")
    assert changed(root, "main", "data/inovasi", kept) == EXPECTED
    assert changed(root, "main", "data/inovasi", kept) == EXPECTED  # and made again, sound


def test_without_a_checksum_to_name_it_the_index_is_not_copied(top, tmp_path):
    # index.skipHash (git 2.40) closes the index with zeros: nothing says when it changed
    index = top / ".git/index"
    raw = index.read_bytes()
    index.write_bytes(raw[:-20] + bytes(20))
    assert index_copy.trusted(index, tmp_path / "cache") is None


def test_a_data_root_git_does_not_track_yet_is_untracked_whole(tmp_path, git_identity):
    top = tmp_path / "repo"
    write(top, "README.md")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "awal")
    write(top, "kota/pemkot/ooi.yaml")  # the data root and the folder above it are new: git names `kota/` alone
    write(top, "kota/pemkot/data/inovasi/dinkes/a.yaml")
    write(top, "kota/lain.txt")
    root, kept = top / "kota/pemkot", tmp_path / "cache"
    expected = frozenset({"ooi.yaml", "data/inovasi/dinkes/a.yaml"})
    assert changed(root, "main") == Changes(expected, frozenset(), expected, None)
    assert changed(root, "main", None, kept) == changed(root, "main")


def test_a_merge_in_conflict_is_seen_as_the_two_walks_see_it(top, tmp_path):
    write(top, "pemkot/data/inovasi/dinkes/a.yaml", "nama: usulan\n")
    git(top, "commit", "-q", "-am", "usulan")
    git(top, "checkout", "-q", "main")
    write(top, "pemkot/data/inovasi/dinkes/a.yaml", "nama: utama\n")
    git(top, "commit", "-q", "-am", "utama")
    git(top, "checkout", "-q", "usulan")
    merged = subprocess.run(["git", "-C", str(top), "merge", "-q", "main"], capture_output=True)
    assert merged.returncode == 1  # in conflict: a.yaml unmerged, with markers in the work tree
    root, kept = top / "pemkot", tmp_path / "cache"
    walked = changed(root, "HEAD")  # against HEAD: only the conflict itself says a.yaml changed
    assert walked.present == {"data/inovasi/dinkes/a.yaml"}
    assert changed(root, "HEAD", None, kept) == walked


def blob(text: str) -> str:
    return blob_id(text.encode("utf-8"))


def test_status_vouches_for_the_blob_ids_of_the_files_it_did_not_name(top, tmp_path):
    write(top, "pemkot/data/inovasi/dinkes/tetap.yaml", "nama: tetap\n")
    write(top, "pemkot/data/opd/dishub.yaml", "nama: dishub\n")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "dua lagi")
    every_kind_of_change(top)
    root, kept = top / "pemkot", tmp_path / "cache"
    settled = changed(root, "main", "data/inovasi", kept).settled
    assert settled is not None and settled.head == subprocess.run(
        ["git", "-C", str(top), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    # every file status named (changed, staged, put back, renamed, added) is left to be read
    assert settled.named == {f"data/inovasi/dinkes/{name}.yaml" for name in "abcdef"} | {"data/inovasi/dinkes/e2.yaml"}
    folders = ["data/opd", "data/inovasi/dinkes"]
    expected = {"data/opd/dinkes.yaml": blob("nama: x\n"), "data/opd/dishub.yaml": blob("nama: dishub\n"),
                "data/inovasi/dinkes/tetap.yaml": blob("nama: tetap\n")}
    assert settled_blobs(root, folders, settled) == expected
    assert settled_blobs(root, folders, settled).items() <= index_blobs(root, folders).items()
    assert changed(root, "main", "data/inovasi").settled is None  # the two walks vouch for nothing


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
def test_a_file_git_does_not_look_at_is_read_not_vouched_for(top, tmp_path, flag):
    root, kept = top / "pemkot", tmp_path / "cache"
    git(top, "update-index", flag, "pemkot/data/opd/dinkes.yaml")
    write(top, "pemkot/data/opd/dinkes.yaml", "nama: diam-diam\n")  # status does not see it
    found = changed(root, "main", "data/inovasi", kept)
    assert found.present == frozenset() and found.unwatched is False  # the flag is in data/opd, not data/inovasi
    assert settled_blobs(root, ["data/opd"], found.settled) == {}
    git(top, "update-index", flag, "pemkot/data/inovasi/dinkes/a.yaml")
    assert changed(root, "main", "data/inovasi", kept).unwatched is True


def test_where_git_converts_bytes_nothing_is_vouched_for(top, tmp_path):
    root, kept = top / "pemkot", tmp_path / "cache"
    settled = changed(root, "main", None, kept).settled
    assert settled_blobs(root, ["data/opd"], settled) == {"data/opd/dinkes.yaml": blob("nama: x\n")}
    git(top, "config", "core.autocrlf", "true")
    assert settled_blobs(root, ["data/opd"], settled) == {}
