"""git's filed dates for a few files (`filed_of`, for --changed-since) are those the whole history gives them."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import SETTINGS, dump, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.input import git as gitmod


def git(root, *args, when: str | None = None):
    env = dict(os.environ)
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+07:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def commit(root, when: str):
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", when, when=when)


def write(root, rel: str, text: str):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def move(root, old: str, new: str):
    (root / new).parent.mkdir(parents=True, exist_ok=True)
    os.rename(root / old, root / new)


def body(name: str) -> str:  # long enough for git to see a moved file as the same file
    return "".join(f"baris {n} dari {name}\n" for n in range(40))


@pytest.fixture
def repo(tmp_path, git_identity, monkeypatch):
    """In a subfolder `akar` of the repository: renames within and across folders, a merge, a file added twice."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    top = tmp_path / "repo"
    root = make_root(top / "akar", settings=SETTINGS)
    git(top, "init", "-q", "-b", "main")
    write(root, "data/inovasi/a/satu.yaml", body("satu"))
    write(root, "data/inovasi/a/dua.yaml", body("dua"))
    write(root, "data/inovasi/a/hapus.yaml", body("hapus"))
    commit(top, "2023-01-02")
    move(root, "data/inovasi/a/satu.yaml", "data/inovasi/b/satu-baru.yaml")  # across folders
    os.remove(root / "data/inovasi/a/hapus.yaml")
    commit(top, "2023-02-03")
    git(top, "checkout", "-q", "-b", "cabang")
    write(root, "data/inovasi/c/cabang.yaml", body("cabang"))
    commit(top, "2023-03-04")
    move(root, "data/inovasi/b/satu-baru.yaml", "data/inovasi/c/satu-lagi.yaml")  # again, on a branch
    commit(top, "2023-03-05")
    git(top, "checkout", "-q", "main")
    write(root, "data/inovasi/a/hapus.yaml", body("hapus lagi") + "lain\n")  # added again: a new filing
    write(root, "data/inovasi/a/dua.yaml", body("dua") + "ubah\n")
    commit(top, "2023-04-06")
    git(top, "merge", "-q", "--no-ff", "-m", "gabung", "cabang", when="2023-05-07")
    return root


def test_a_few_files_get_the_dates_of_the_whole_history(repo):
    whole, _ = gitmod.open_repo(repo)
    part, _ = gitmod.open_repo(repo, history=False)
    assert whole.walked and not part.walked and part.filed == {}
    wanted = ["data/inovasi/c/satu-lagi.yaml", "data/inovasi/a/hapus.yaml", "data/inovasi/a/dua.yaml",
              "data/inovasi/c/cabang.yaml", "data/inovasi/baru/belum.yaml"]
    found = gitmod.filed_of(part, wanted)
    assert found == {path: whole.filed[path] for path in wanted if path in whole.filed}
    first, again, merge = (subprocess.run(["git", "-C", str(repo), "rev-parse", ref], capture_output=True, text=True,
                                          check=True).stdout.strip() for ref in ("main~3", "main~1", "main"))
    assert found == {"data/inovasi/c/satu-lagi.yaml": first, "data/inovasi/a/dua.yaml": first,
                     "data/inovasi/a/hapus.yaml": again, "data/inovasi/c/cabang.yaml": merge}
    assert part.imported == whole.imported == first  # the first commit holding data/: found without the walk
    assert [commit for _, commit in part.commits] == [commit for _, commit in whole.commits]
    assert gitmod.filed_of(part, ["data/inovasi/c"]) == {path: when for path, when in whole.filed.items()
                                                          if path.startswith("data/inovasi/c/")}


def test_changed_since_reads_the_history_of_the_changed_files_only(repo, monkeypatch):
    write(repo, "data/inovasi/dispendukcapil/baru.yaml", dump({**sample("uji_coba"), "nama": "Baru Sekali"}))
    walks = []
    real = gitmod._walk
    monkeypatch.setattr(gitmod, "_walk", lambda repo, head, paths=None, added=None: walks.append(paths)
                        or real(repo, head, paths, added))
    outcome = CliRunner().invoke(app, ["validate", "--root", str(repo), "--changed-since", "HEAD", "--format", "json"],
                                 env={"OOI_LANG": None, "OOI_ROOT": None})
    assert outcome.exit_code in (0, 1), outcome.output
    assert walks == [["akar/data/inovasi/dispendukcapil/baru.yaml"]]  # the old code: one walk of the whole history


def test_git_failing_for_the_change_under_review_is_a_user_error(repo, monkeypatch):
    # asked of git before the filed dates and read after them: what it raises reaches the command as raised there
    write(repo, "data/inovasi/dispendukcapil/baru.yaml", dump({**sample("uji_coba"), "nama": "Baru Sekali"}))

    def fails(*_):
        raise gitmod.OoiError("git gagal: git diff")

    monkeypatch.setattr(gitmod, "under_review", fails)
    outcome = CliRunner().invoke(app, ["validate", "--root", str(repo), "--changed-since", "HEAD"],
                                 env={"OOI_LANG": None, "OOI_ROOT": None})
    assert outcome.exit_code == 2 and "git gagal: git diff" in outcome.output, outcome.output


def test_the_paths_asked_for_are_those_inside_the_root(tmp_path):
    from ooi.workflow.changes import _inside

    root = tmp_path / "akar"
    assert _inside(root, [root / "data/opd/a.yaml", root / "data/inovasi/a", tmp_path / "lain.yaml"]) == [
        "data/opd/a.yaml", "data/inovasi/a"]
    assert _inside(root, [root / "data/opd/a.yaml", root]) is None  # the root itself: every file's date
    assert _inside(root, None) is None
