"""`ooi validate --changed-since REF` in a real temporary git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import AGENCY, SETTINGS, dump, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock
from ooi.input import git as git_access
from ooi.input.git import _name_status

DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}
OLD_BROKEN = "data/inovasi/dinkes/lama-rusak.yaml"


# Every commit is made on the day the samples were reported, and checked two days later: within the review window.
WHEN, TODAY = "2023-04-03T12:00:00+07:00", date(2023, 4, 5)


def git(root, *args):
    env = {**os.environ, "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def innovation(opd: str, nama: str, **changes) -> str:
    record = sample("uji_coba")
    record.update(opd=opd, nama=nama, **changes)
    return dump(record)


@pytest.fixture
def repo(tmp_path, git_identity):
    """main: two agencies, one good innovation each, and an old broken file nobody touches; then a branch."""
    root = make_root(tmp_path, settings=SETTINGS + "kemiripan_maks: 0.95\n", agencies=[AGENCY, DINKES], files={
        "data/inovasi/dispendukcapil/akta-kilat.yaml": innovation("dispendukcapil", "Akta Kilat"),
        "data/inovasi/dinkes/sigap-bumil.yaml": innovation("dinkes", "Sigap Bumil"),
        OLD_BROKEN: "nama: [rusak\n",
    })
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "awal")
    git(root, "checkout", "-q", "-b", "usulan")
    return root


def validate(root, *args):
    with clock.frozen(TODAY):
        outcome = CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json", *args],
                                     env={"OOI_LANG": None, "OOI_ROOT": None})
    report = json.loads(outcome.stdout) if outcome.exit_code in (0, 1) else None
    return outcome, report


def paths(report) -> set[str]:
    return {finding["path"] for finding in report["findings"]}


def commit(root, message="usulan"):
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def test_a_changed_broken_file_is_reported_and_an_old_one_is_not(repo):
    (repo / "data/inovasi/dispendukcapil/akta-kilat.yaml").write_text(
        innovation("dispendukcapil", "Akta Kilat", tahapan="tahap_baru"), encoding="utf-8")
    commit(repo)
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 1, outcome.output
    assert paths(report) == {"data/inovasi/dispendukcapil/akta-kilat.yaml"}
    assert report["files"] == 1
    full, whole = validate(repo)
    assert OLD_BROKEN in paths(whole)  # the full run still sees it


def test_added_uncommitted_and_untracked_files_count(repo):
    (repo / "data/inovasi/dispendukcapil/baru.yaml").write_text("nama: Baru\n", encoding="utf-8")  # untracked
    (repo / "data/inovasi/dinkes/sigap-bumil.yaml").write_text(
        innovation("dinkes", "Sigap Bumil", jenis="analog"), encoding="utf-8")  # modified, not committed
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 1
    assert paths(report) == {"data/inovasi/dispendukcapil/baru.yaml", "data/inovasi/dinkes/sigap-bumil.yaml"}


def test_renamed_file_is_checked_under_its_new_name(repo):
    git(repo, "mv", "data/inovasi/dinkes/sigap-bumil.yaml", "data/inovasi/dinkes/Sigap_Bumil.yaml")
    commit(repo)
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 1
    assert {(f["path"], f["code"]) for f in report["findings"]} == {("data/inovasi/dinkes/Sigap_Bumil.yaml", "R003")}


def test_a_deleted_innovation_is_nothing_to_check(repo):
    git(repo, "rm", "-q", "data/inovasi/dinkes/sigap-bumil.yaml")
    commit(repo)
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 0, outcome.output
    assert report["files"] == 0 and report["findings"] == []


def test_cross_file_check_of_a_changed_file(repo):
    # The new file repeats a name already filed by its agency: R007 on the changed file.
    (repo / "data/inovasi/dinkes/sigap-bumil-2.yaml").write_text(innovation("dinkes", "Sigap Bumil"), encoding="utf-8")
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 1
    assert {(f["path"], f["code"]) for f in report["findings"]} == {("data/inovasi/dinkes/sigap-bumil-2.yaml", "R007")}


def test_a_deleted_agency_brings_its_innovations_back_into_view(repo):
    git(repo, "rm", "-q", "data/opd/dispendukcapil.yaml")
    commit(repo)
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 1
    assert {(f["path"], f["code"]) for f in report["findings"]} == {
        ("data/inovasi/dispendukcapil/akta-kilat.yaml", "R001")}


def test_changed_settings_check_everything(repo):
    settings = (repo / "ooi.yaml").read_text(encoding="utf-8")
    (repo / "ooi.yaml").write_text(settings + "aturan:\n  R007: warning\n", encoding="utf-8")
    outcome, report = validate(repo, "--changed-since", "main")
    assert OLD_BROKEN in paths(report)


def test_paths_narrow_the_changed_files(repo):
    (repo / "data/inovasi/dispendukcapil/baru.yaml").write_text("nama: Baru\n", encoding="utf-8")
    (repo / "data/inovasi/dinkes/baru.yaml").write_text("nama: Baru\n", encoding="utf-8")
    outcome, report = validate(repo, "--changed-since", "main", str(repo / "data/inovasi/dinkes"))
    assert paths(report) == {"data/inovasi/dinkes/baru.yaml"}


def test_nothing_changed_is_a_clean_run(repo):
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 0 and report == {"ok": True, "files": 0, "errors": 0, "warnings": 0, "findings": [],
                                                 "tanggal_tidak_dipercaya": []}


@pytest.mark.parametrize("ref", ["tidak-ada", "--output=/tmp/x", "main..", ""])
def test_unknown_ref_exits_2(repo, ref):
    outcome, _ = validate(repo, "--changed-since", ref)
    assert outcome.exit_code == 2 and "ooi:" in outcome.stderr, outcome.output


def test_not_a_git_repository_exits_2(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # do not find a repository further up
    root = make_root(tmp_path)
    outcome, _ = validate(root, "--changed-since", "main")
    assert outcome.exit_code == 2 and "bukan repositori git" in outcome.stderr


def test_missing_git_exits_2(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    outcome, _ = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 2 and "git tidak ditemukan" in outcome.stderr


def test_name_status_reads_renames_and_copies():
    output = "M\0a.yaml\0R087\0lama.yaml\0baru.yaml\0C100\0x.yaml\0y.yaml\0D\0hapus.yaml\0"
    assert _name_status(output) == {"a.yaml", "lama.yaml", "baru.yaml", "x.yaml", "y.yaml", "hapus.yaml"}


def test_a_changed_kecamatan_brings_its_kelurahan_into_view(repo):
    kecamatan = {"kode": "kec-batu", "nama": "Kecamatan Batu", "singkatan": "Kec. Batu", "jenis": "kecamatan",
                 "urusan": ["6.01"]}
    kelurahan = {"kode": "kel-sisir", "nama": "Kelurahan Sisir", "singkatan": "Kel. Sisir", "jenis": "kelurahan",
                 "induk": "kec-batu", "urusan": ["6.01"]}
    (repo / "data/opd/kec-batu.yaml").write_text(dump(kecamatan), encoding="utf-8")
    (repo / "data/opd/kel-sisir.yaml").write_text(dump(kelurahan), encoding="utf-8")
    commit(repo, "kecamatan")
    git(repo, "branch", "-f", "main", "HEAD")
    (repo / "data/opd/kec-batu.yaml").write_text(dump({**kecamatan, "jenis": "badan"}), encoding="utf-8")
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 1
    assert {(f["path"], f["code"]) for f in report["findings"]} == {("data/opd/kel-sisir.yaml", "R001")}
    assert report["files"] == 2  # the kecamatan itself, clean, and its kelurahan


def test_a_removed_evidence_file_brings_the_record_citing_it_into_view(repo):
    record = sample("uji_coba")
    record.update(opd="dinkes", nama="Sigap Bumil")
    record["bukti"] = [{"jenis": "sk_tim", "judul": "SK Tim Sigap Bumil", "berkas": "bukti/dinkes/sk-tim.pdf"}]
    (repo / "bukti/dinkes").mkdir(parents=True)
    (repo / "bukti/dinkes/sk-tim.pdf").write_bytes(b"%PDF-1.4\n")
    (repo / "data/inovasi/dinkes/sigap-bumil.yaml").write_text(dump(record), encoding="utf-8")
    commit(repo, "bukti")
    git(repo, "branch", "-f", "main", "HEAD")
    git(repo, "rm", "-q", "bukti/dinkes/sk-tim.pdf")
    outcome, report = validate(repo, "--changed-since", "main")
    assert {(f["path"], f["code"]) for f in report["findings"]} == {("data/inovasi/dinkes/sigap-bumil.yaml", "R008")}


def test_changed_agencies_find_their_kelurahan_in_one_pass_over_the_registry(tmp_path, monkeypatch):
    """Each agency file is read once whatever the number of changed agencies, and parsed only if it names an induk."""
    import sys
    from pathlib import Path

    from ooi.input.git import Changes
    from ooi.workflow import changes

    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    import corpus

    root = corpus.write(tmp_path / "akar", 480)  # 48 agencies in 2 regions, each with 2 kecamatan and 3 kelurahan
    (root / "data/opd/d001-kel-quoted.yaml").write_text('"ind\\u0075k": d001-kec-utara\nkode: x\n', encoding="utf-8")
    reads, parses = [], []
    monkeypatch.setattr(changes, "read", lambda path, root, real=changes.read: reads.append(path.name) or real(path, root))
    monkeypatch.setattr(changes, "parse", lambda raw, real=changes.parse: parses.append(raw) or real(raw))
    changed = [f"data/opd/d00{region}-{unit}.yaml" for region in (1, 2) for unit in ("kec-utara", "kec-selatan", "dinkes")]
    found = changes.targets(root, Changes(frozenset(changed), frozenset()))
    assert [path.relative_to(root).as_posix() for path in found if path.parent.name == "opd"] == [
        "data/opd/d001-dinkes.yaml", "data/opd/d001-kec-selatan.yaml", "data/opd/d001-kec-utara.yaml",
        "data/opd/d001-kel-quoted.yaml", "data/opd/d001-kel-sidomulyo.yaml", "data/opd/d001-kel-sumberejo.yaml",
        "data/opd/d001-kel-tegalrejo.yaml", "data/opd/d002-dinkes.yaml", "data/opd/d002-kec-selatan.yaml",
        "data/opd/d002-kec-utara.yaml", "data/opd/d002-kel-sidomulyo.yaml", "data/opd/d002-kel-sumberejo.yaml",
        "data/opd/d002-kel-tegalrejo.yaml"]
    assert len(reads) == 49 and len(set(reads)) == 49  # every agency file once (the old code: once per changed agency)
    assert len(parses) == 7  # the six kelurahan and the file whose key is spelled with an escape


def logging_git(tmp_path, monkeypatch, then: str = "") -> Path:
    """git through a shim on PATH that writes each call's arguments to a log (and does `then` first)."""
    real, log = shutil.which("git"), tmp_path / "git.log"
    shim = tmp_path / "shim" / "git"
    shim.parent.mkdir(parents=True)
    shim.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{log}"\n{then}\nexec "{real}" "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{shim.parent}{os.pathsep}{os.environ['PATH']}")
    return log


def test_the_work_tree_is_walked_for_untracked_files_once(repo, tmp_path, monkeypatch):
    # An untracked record filed long before today: R014 dates it today (SPEC §10), from the one walk's list.
    (repo / "data/inovasi/dinkes/baru.yaml").write_text(
        innovation("dinkes", "Kanal Baru", tanggal_lapor="2023-01-02"), encoding="utf-8")
    log = logging_git(tmp_path, monkeypatch)
    outcome, report = validate(repo, "--changed-since", "main", "--no-cache")
    walks = [line for line in log.read_text(encoding="utf-8").splitlines() if "--others" in line]
    assert walks == ["-C {} ls-files -z --others --exclude-standard -- .".format(repo)]
    assert [(f["path"], f["code"], f["line"], f["column"], f["message"]) for f in report["findings"]] == [
        ("data/inovasi/dinkes/baru.yaml", "R014", 11, 1,
         "`tanggal_lapor` 2023-01-02 lebih dari 7 hari sebelum berkas dilaporkan (2023-04-05, menurut git)")]


def test_a_git_that_hangs_or_fails_beside_the_others_is_one_readable_error(repo, tmp_path, monkeypatch):
    # The diffs and the untracked walk run at once (without the cache: no copy of git's index to ask git status
    # through): the one that hangs is stopped, the one that fails is named.
    monkeypatch.setattr(git_access, "TIMEOUT", 1)
    logging_git(tmp_path, monkeypatch, then='case "$*" in *--others*) exec sleep 30;; esac')
    outcome, _ = validate(repo, "--changed-since", "main", "--no-cache")
    assert outcome.exit_code == 2 and "git tidak menjawab dalam 1 detik" in outcome.stderr
    logging_git(tmp_path / "x", monkeypatch, then='case "$*" in *--others*) echo "fatal: rusak" >&2; exit 128;; esac')
    outcome, _ = validate(repo, "--changed-since", "main", "--no-cache")
    assert outcome.exit_code == 2
    assert "git gagal: git ls-files -z --others --exclude-standard -- . (fatal: rusak)" in outcome.stderr


def test_a_git_status_that_hangs_is_an_error_and_one_that_refuses_the_copy_leaves_the_two_walks(repo, tmp_path,
                                                                                             monkeypatch):
    (repo / "data/inovasi/dinkes/sigap-bumil.yaml").write_text(innovation("dinkes", "Sigap Bumil", manfaat="x"),
                                                               encoding="utf-8")
    _, walked = validate(repo, "--changed-since", "main", "--no-cache")
    monkeypatch.setattr(git_access, "TIMEOUT", 1)
    logging_git(tmp_path, monkeypatch, then='case "$*" in *" status "*) exec sleep 30;; esac')
    outcome, _ = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 2 and "git tidak menjawab dalam 1 detik" in outcome.stderr
    log = logging_git(tmp_path / "x", monkeypatch, then='case "$*" in *" status "*) exit 128;; esac')
    outcome, report = validate(repo, "--changed-since", "main")
    assert outcome.exit_code == 1 and report == walked and [(f["path"], f["code"]) for f in report["findings"]][:1] == [
        ("data/inovasi/dinkes/sigap-bumil.yaml", "S010")]
    walks = [line for line in log.read_text(encoding="utf-8").splitlines() if "--others" in line or " status " in line]
    assert ["status" if " status " in line else "others" for line in walks] == ["status", "others"]


def test_changed_says_whether_git_looks_at_every_file_of_the_folder_asked_about(repo):
    assert git_access.changed(repo, "main").unwatched is None  # not asked
    assert git_access.changed(repo, "main", "data/inovasi").unwatched is False
    git(repo, "update-index", "--skip-worktree", "data/inovasi/dinkes/sigap-bumil.yaml")
    assert git_access.changed(repo, "main", "data/inovasi").unwatched is True
    assert git_access.changed(repo, "main", "data/opd").unwatched is False
