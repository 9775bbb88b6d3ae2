"""Git's history kept by commit (SPEC §17): a HEAD moved forward reads only its new commits, a rewritten one all,
and every run says what a run without the cache says. Each case is a scripted repository with fixed dates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import make_root
from gitrepo import PLAN, TODAY, Repo, other_plan, plan

from ooi.engine import clock
from ooi.input import cachefiles, filed_cache, git

SECOND = "data/inovasi/dispendukcapil/kedua.yaml"
THIRD = "data/inovasi/dispendukcapil/ketiga.yaml"


@pytest.fixture
def repo(tmp_path, git_identity, monkeypatch):
    """Settings and the registry committed on 2023-01-02 (the import); a plan filed on 2023-03-10; a cache folder."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv(cachefiles.ENVIRONMENT, str(tmp_path / "cache"))
    made = Repo.made(tmp_path / "repo")
    made.write(PLAN, plan())
    made.commit("2023-03-10")
    return made


@pytest.fixture
def walks(monkeypatch):
    """The number of commits each whole-line `git log` (the walk, with what each commit changed) listed."""
    listed: list[int] = []
    real = git.run

    def run(root, *args, **options):
        out = real(root, *args, **options)
        whole = "--literal-pathspecs" not in args and "-1" not in args  # not limited to some files or one commit
        if "log" in args and "--first-parent" in args and "--name-status" in args and whole:
            listed.append(out.count("\x01"))
        return out

    monkeypatch.setattr(git, "run", run)
    return listed


@pytest.fixture
def sides(monkeypatch):
    """The merges whose merged side git was asked about (R014's review time: one `git log` per merge)."""
    asked: list[str] = []
    real = git.side

    def side(repo, merge):
        if merge not in repo.sides:
            asked.append(merge)
        return real(repo, merge)

    monkeypatch.setattr(git, "side", side)
    return asked


def kept(repo: Repo, day: date = TODAY) -> tuple[str, tuple]:
    """How the cache served HEAD's history (see `filed_cache.read`), and the history as it was served."""
    found, _ = git.open_repo(repo.root, history=False, ceiling=clock.end_of(day, "Asia/Jakarta"))
    return filed_cache.read(found, folder(repo)), shape(found)


def cold(repo: Repo, day: date = TODAY) -> tuple:
    found, _ = git.open_repo(repo.root, ceiling=clock.end_of(day, "Asia/Jakarta"))
    return shape(found)


def shape(found: git.Repo) -> tuple:
    return found.commits, list(found.line.values()), found.filed, found.imported


def folder(repo: Repo) -> Path:
    return repo.root.parent / "cache"


def pack(repo: Repo, prefix: str = "") -> Path:
    top = Path(repo.git("rev-parse", "--show-toplevel").strip())
    return cachefiles.inner(folder(repo)) / cachefiles.pack_name(f"filed\0{top}\0{prefix}")


def entry(repo: Repo) -> tuple[list[str], str]:
    """The kept entry's lines (its key, then a line per commit) and the paths each commit filed."""
    lines, _, groups = pack(repo).read_bytes().partition(b"\n")[2].decode().partition("\0")
    return lines.split("\n"), groups


def keep(repo: Repo, lines: list[str], groups: str) -> None:
    """An entry written as ooi writes them (checksummed), whatever it says."""
    cachefiles.save(folder(repo), pack(repo).name, ("\n".join(lines) + "\0" + groups).encode())


def test_a_second_run_reads_no_history_and_says_the_same(repo, walks):
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-01"))
    repo.commit("2023-05-01")  # R014: reported 61 days before it was filed
    repo.write(THIRD, other_plan("ketiga", tanggal_lapor="2023-11-30"))
    repo.commit("2023-12-05")  # after TODAY: distrusted, it takes the date of the end of today
    assert kept(repo) == ("walked", cold(repo)) and walks == [4, 4]
    assert kept(repo) == ("kept", cold(repo)) and walks == [4, 4, 4]  # the cold one read again, the kept one not
    # Which dates are trusted is decided at each run: on 2023-12-06 the last commit's own date holds.
    later = date(2023, 12, 6)
    assert kept(repo, later) == ("kept", cold(repo, later))
    assert [c.trusted for c in cold(repo)[1]] == [True, True, True, False]
    assert [c.trusted for c in cold(repo, later)[1]] == [True, True, True, True]
    first, warm = repo.validate(), repo.validate()
    assert first == warm == repo.validate("--no-cache")
    assert [f["code"] for f in warm["findings"]] == ["R014"] and warm["tanggal_tidak_dipercaya"] == [
        {"commit": repo.head()[:10], "tanggal": "2023-12-05", "dipakai": "2023-12-01"}]


def test_a_direct_commit_reads_only_itself(repo, walks):
    kept(repo)
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-01"))
    repo.commit("2023-05-01")
    assert kept(repo) == ("extended", cold(repo))
    assert walks == [2, 1, 3]  # walked (2 commits), then only the new one; the cold run reads all 3
    assert kept(repo) == ("kept", cold(repo))
    assert repo.validate() == repo.validate("--no-cache")


def test_a_reviewed_pull_request_merged_reads_only_the_merge(repo, walks, sides):
    """GitHub's merge commit: on the first-parent line only the merge is new, the branch's commits are its side."""
    kept(repo)
    repo.branch("usulan")
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-04-28"))
    repo.commit("2023-04-28")
    repo.write(THIRD, other_plan("ketiga", tanggal_lapor="2023-04-29"))
    repo.commit("2023-04-29")
    merge = repo.merge("usulan", "2023-05-12")  # a 14-day review: the submitted date is the branch's
    assert kept(repo) == ("extended", cold(repo))
    assert walks == [2, 1, 3]
    assert cold(repo)[2][SECOND] == cold(repo)[2][THIRD] == merge
    assert sides == [merge]  # its side asked once, and kept
    assert repo.validate()["findings"] == [] and repo.validate() == repo.validate("--no-cache")
    assert sides == [merge, merge]  # --no-cache asks again; the warm runs did not
    found, _ = git.open_repo(repo.root, history=False)
    assert filed_cache.read(found, folder(repo)) == "kept"
    assert found.sides == {merge: {SECOND: 1682658000, THIRD: 1682744400}}  # 28 and 29 April, noon in Jakarta


def test_the_pull_request_check_leaves_the_kept_history_alone(repo, walks):
    """`--changed-since` looks up only the changed files' history (cheaper than loading every path's at 100,000)."""
    repo.validate()
    kept_before = pack(repo).read_bytes()
    repo.branch("usulan")
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-01"))
    repo.commit("2023-05-01")
    checked = repo.validate("--changed-since", "main")
    assert walks == [2] and pack(repo).read_bytes() == kept_before
    assert checked == repo.validate("--changed-since", "main", "--no-cache")
    # Under review since 2023-05-01, more than 30 days: judged against today.
    assert [(f["path"], f["code"]) for f in checked["findings"]] == [(SECOND, "R014")]


def test_a_data_root_inside_a_larger_repository(tmp_path, git_identity, monkeypatch, walks):
    """ooi.yaml in a folder of the repository: the kept history is of that folder's files, named from it."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv(cachefiles.ENVIRONMENT, str(tmp_path / "atas" / "cache"))
    repo = Repo(make_root(tmp_path / "atas" / "pemda"))
    repo.git("init", "-q", "-b", "main", str(tmp_path / "atas"))
    (tmp_path / "atas" / "README.md").write_text("bukan data\n", encoding="utf-8")
    repo.commit("2023-01-02")
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    assert kept(repo) == ("walked", cold(repo)) and pack(repo, "pemda").is_file()
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-01"))
    repo.commit("2023-05-01")
    assert kept(repo) == ("extended", cold(repo))
    assert set(cold(repo)[2]) == {"ooi.yaml", "data/opd/dispendukcapil.yaml", PLAN, SECOND}
    assert walks == [2, 2, 1, 3, 3]  # walked, cold, only the new commit, cold twice
    assert [(f["path"], f["code"]) for f in repo.validate()["findings"]] == [(SECOND, "R014")]
    assert repo.validate() == repo.validate("--no-cache")


def test_a_rewritten_history_is_read_again(repo, walks):
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-01"))
    repo.commit("2023-05-01")
    kept(repo)
    repo.git("commit", "-q", "--amend", "-m", "diubah", when="2023-05-02")  # the same files, another commit
    assert kept(repo) == ("walked", cold(repo))
    repo.git("reset", "-q", "--hard", "HEAD~1")  # back before the kept commit
    assert kept(repo) == ("walked", cold(repo))
    repo.branch("lain", "main~1")
    repo.write(THIRD, other_plan("ketiga", tanggal_lapor="2023-06-01"))
    repo.commit("2023-06-01")
    repo.checkout("main")
    assert kept(repo)[0] == "kept"
    repo.git("reset", "-q", "--hard", "lain")  # main put on another branch, which never held the kept commit
    assert kept(repo) == ("walked", cold(repo))
    assert walks == [3, 3, 3, 2, 2, 2, 2]
    assert repo.validate() == repo.validate("--no-cache")


def test_a_kept_commit_git_no_longer_has_reads_everything_again(repo, walks):
    repo.branch("sementara")
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-05-01"))
    repo.commit("2023-05-01")
    kept(repo)
    repo.checkout("main")
    repo.git("branch", "-q", "-D", "sementara")
    repo.git("reflog", "expire", "--expire=now", "--all")
    repo.git("gc", "-q", "--prune=now")
    gone = entry(repo)[0][-1].split()[0]
    assert repo.git("cat-file", "-t", gone, check=False) == ""
    assert kept(repo) == ("walked", cold(repo))


def test_an_ancestor_reached_through_a_merges_other_side_reads_everything_again(repo, walks):
    """main fast-forwarded to a branch that merged main into itself: the kept tip is HEAD's ancestor, yet not
    on its first-parent line, whose commits are the branch's: extending from it would date files wrongly."""
    repo.branch("usulan", "main~1")
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-12"))
    repo.commit("2023-03-12")
    repo.checkout("main")
    kept(repo)
    tip = repo.head()
    repo.checkout("usulan")
    repo.git("merge", "-q", "--no-ff", "-m", "main masuk", "main", when="2023-03-14")
    repo.fast_forward("usulan")
    repo.git("merge-base", "--is-ancestor", tip, "HEAD")  # (fails when it is not)
    assert kept(repo) == ("walked", cold(repo))
    assert walks == [2, 2, 3, 3]  # the 2 commits after the kept tip, refused (not its children), then all 3
    assert cold(repo)[2][PLAN] == repo.head()  # the plan came onto this line with the merge


@pytest.mark.parametrize("damage", ["truncated", "scrambled", "empty", "another key", "another shape",
                                    "a place off the line"])
def test_a_damaged_or_foreign_entry_is_never_trusted(repo, walks, damage):
    kept(repo)
    raw = pack(repo).read_bytes()
    lines, groups = entry(repo)
    if damage == "truncated":
        pack(repo).write_bytes(raw[:len(raw) // 2])
    elif damage == "scrambled":
        pack(repo).write_bytes(raw.replace(b"0", b"1", 3))
    elif damage == "empty":
        pack(repo).write_bytes(b"")
    elif damage == "another key":  # checksummed as ooi writes them, but not what this run asks for
        keep(repo, [lines[0].replace('"', '"0', 3), *lines[1:]], groups)
    elif damage == "another shape":
        keep(repo, [lines[0], *(line.rpartition(" ")[0] for line in lines[1:])], groups)
    else:
        keep(repo, lines, groups.replace("1\0", "-1\0"))
    assert kept(repo) == ("walked", cold(repo))
    assert kept(repo) == ("kept", cold(repo))  # written whole again


def test_no_cache_neither_uses_nor_writes_it(repo):
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-01"))
    repo.commit("2023-05-01")
    assert [f["code"] for f in repo.validate("--no-cache")["findings"]] == ["R014"] and not folder(repo).exists()
    kept(repo)
    # The entry, rewritten to say the file came with the import: trusted, it would hide the R014.
    lines, groups = entry(repo)
    assert groups == f"f0\0data/opd/dispendukcapil.yaml\0ooi.yaml\0\0f1\0{PLAN}\0\0f2\0{SECOND}"
    keep(repo, lines, f"f0\0data/opd/dispendukcapil.yaml\0ooi.yaml\0{SECOND}\0\0f1\0{PLAN}")
    assert repo.validate("--no-cache")["findings"][0]["code"] == "R014"
    assert repo.validate()["findings"] == []
