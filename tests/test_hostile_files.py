"""Files as an attacker lays them out: links into .git or out of the repository, hidden records, folders
swapped for links before `ooi new`/`codeowners`/`schema` write, two `ooi new` racing, a name that breaks lines."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
import yaml
from conftest import AGENCY, SETTINGS, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine.checker import check
from ooi.input.config import load_settings

REL = "data/inovasi/dispendukcapil/akta.yaml"


def run(root, *args):
    return CliRunner().invoke(app, [*args, "--root", str(root)], env={"OOI_LANG": None})


def findings(root):
    return [(f.path, f.code, f.message) for f in check(root, load_settings(root), today=date(2026, 11, 28)).findings]


@pytest.fixture
def repo(tmp_path):
    root = make_root(tmp_path / "repo", settings=SETTINGS + 'sekretariat: "@pemkot-uji/sekretariat"\n')
    (root / ".git").mkdir()
    (root / ".git/config").write_text("[remote \"origin\"]\n\turl = https://token@example.org/x\n", encoding="utf-8")
    return root


def test_a_record_linked_into_git_is_refused_unread(repo):
    (repo / "data/inovasi/dispendukcapil").mkdir()
    os.symlink("../../../.git/config", repo / "data/inovasi/dispendukcapil/config.yaml")
    os.symlink("../../.git", repo / "data/inovasi/git")
    assert findings(repo) == [
        ("data/inovasi/dispendukcapil/config.yaml", "Y012",
         "tautan simbolik menuju ke luar repositori atau ke dalam .git; tidak dibaca"),
        ("data/inovasi/git", "Y012", "tautan simbolik menuju ke luar repositori atau ke dalam .git; tidak dibaca")]


@pytest.mark.parametrize("berkas", [".git/config", "./.git/config", "bukti/../.git/config", "bukti/config"])
def test_evidence_inside_git_fails_r008(repo, berkas):
    (repo / "bukti").mkdir()
    os.symlink("../.git/config", repo / "bukti/config")  # a link that looks like evidence
    record = sample("uji_coba")
    record["bukti"][0]["berkas"] = berkas
    (repo / "data/inovasi/dispendukcapil").mkdir()
    (repo / REL).write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    assert findings(repo) == [(REL, "R008", f"berkas bukti `{berkas}` berada di dalam .git, bukan berkas repositori")]


@pytest.mark.parametrize("folder", ["data/inovasi", "data/opd", "data/inovasi/dispendukcapil"])
def test_a_data_folder_linked_outside_is_refused_unread(tmp_path, folder):
    outside = tmp_path / "luar"
    (outside / "dispendukcapil").mkdir(parents=True)
    for name in ("rahasia.yaml", "dispendukcapil/rahasia.yaml"):
        (outside / name).write_text("kata_sandi: hunter2\n", encoding="utf-8")
    root = make_root(tmp_path / "repo")
    if (root / folder).exists():
        (root / folder / "dispendukcapil.yaml").unlink(missing_ok=True)
        (root / folder).rmdir()
    os.symlink(outside, root / folder)
    outcome = run(root, "validate")
    assert "kata_sandi" not in outcome.stdout and outcome.exit_code == 1, outcome.output
    assert outcome.stdout.splitlines()[0] == (
        f"{folder}:1:1: error Y012 tautan simbolik menuju ke luar repositori atau ke dalam .git; tidak dibaca")


def test_a_settings_file_linked_outside_is_refused_without_its_content(tmp_path):
    secret = tmp_path / "rahasia.yaml"
    secret.write_text("kata_sandi_database: hunter2\n", encoding="utf-8")
    root = make_root(tmp_path / "repo")
    (root / "ooi.yaml").unlink()
    os.symlink(secret, root / "ooi.yaml")
    for args in (("validate",), ("status",), ("validate", "--format", "github")):
        outcome = run(root, *args)
        assert outcome.exit_code == 2 and outcome.stdout == "", outcome.output
        assert outcome.stderr == "ooi: ooi.yaml adalah tautan simbolik ke luar repositori; tidak dibaca\n"


def test_hidden_records_are_reported_not_skipped(tmp_path):
    root = make_root(tmp_path, {".".join(["data/inovasi/dispendukcapil/", "x.yaml"]): sample("uji_coba"),
                                "data/opd/.lama.yaml": "kode: lama\n", "data/inovasi/.arsip/a.yaml": "nama: a\n",
                                "data/inovasi/dispendukcapil/.gitkeep": "", "data/inovasi/dispendukcapil/a.yaml": sample(
                                    "uji_coba")})
    hidden = "berkas atau folder tersembunyi (namanya diawali titik) tidak dibaca"
    assert findings(root) == [("data/inovasi/.arsip", "Y013", hidden),
                              ("data/inovasi/dispendukcapil/.x.yaml", "Y013", hidden),
                              ("data/opd/.lama.yaml", "Y013", hidden)]


# --- writing ----------------------------------------------------------------------------


@pytest.mark.parametrize(("folder", "args", "shown"), [
    ("data/inovasi/dispendukcapil", ("new", "--opd", "dispendukcapil", "--nama", "Akta Kilat", "--tahapan",
                                     "inisiatif"), "data/inovasi/dispendukcapil/akta-kilat.yaml"),
    ("data/inovasi", ("new", "--opd", "dispendukcapil", "--nama", "Akta Kilat", "--tahapan", "inisiatif"),
     "data/inovasi/dispendukcapil/akta-kilat.yaml"),
    (".github", ("codeowners",), ".github/CODEOWNERS"),
    ("schema", ("schema",), "schema/opd.schema.json"),
])
def test_no_write_through_a_folder_linked_outside(repo, tmp_path, folder, args, shown):
    outside = tmp_path / "luar"
    outside.mkdir()
    target = repo / folder
    if target.exists():
        target.rmdir()
    os.symlink(outside, target)
    outcome = run(repo, *args)
    assert outcome.exit_code == 2, outcome.output
    assert outcome.stderr.splitlines()[-1] == (
        f"ooi: {shown}: foldernya adalah tautan simbolik ke luar repositori; ooi tidak menulis ke sana")
    assert list(outside.rglob("*")) == []


def test_a_folder_linked_inside_the_repository_is_written(repo):
    (repo / "arsip").mkdir()
    os.symlink(repo / "arsip", repo / "schema")
    assert run(repo, "schema").exit_code == 0
    assert sorted(p.name for p in (repo / "arsip").iterdir()) == ["inovasi.schema.json", "opd.schema.json"]


# Each racer waits, once it has passed every check and is about to write, until the other is there
# too: the window where both used to see "no file yet" and both said Dibuat, made certain.
RACER = """
import os, sys, tempfile, time
barrier, real = os.environ["OOI_TEST_BARRIER"], tempfile.mkstemp
def mkstemp(*args, **kwargs):
    open(os.path.join(barrier, str(os.getpid())), "w").close()
    deadline = time.monotonic() + 30
    while len(os.listdir(barrier)) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    return real(*args, **kwargs)
tempfile.mkstemp = mkstemp
sys.argv = ["ooi", *sys.argv[1:]]
from ooi.cli import main
main()
"""


@pytest.mark.parametrize("synchronised", [True, False])
def test_two_concurrent_new_for_one_slug_one_wins(repo, tmp_path, synchronised):
    """Real processes started together: exactly one says Dibuat, the other that the file exists."""
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    env = {**os.environ, "OOI_LANG": "id", "OOI_ROOT": str(repo), "OOI_TEST_BARRIER": str(barrier)}
    start = [sys.executable, "-c", RACER] if synchronised else [sys.executable, "-m", "ooi"]
    command = [*start, "new", "--opd", "dispendukcapil", "--nama", "Akta Kilat", "--tahapan", "inisiatif"]
    racers = [subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = sorted((racer.wait(timeout=60), *racer.communicate()) for racer in racers)
    path = "data/inovasi/dispendukcapil/akta-kilat.yaml"
    assert [code for code, _, _ in outcomes] == [0, 2], outcomes
    assert outcomes[0][1].splitlines()[0] == f"Dibuat: {path}"
    assert outcomes[1][2] == (f"ooi: {path} sudah ada; ooi tidak menimpa berkas (pilih nama atau --slug lain, "
                              "atau pakai --force)\n")
    assert yaml.safe_load((repo / path).read_text(encoding="utf-8"))["nama"] == "Akta Kilat"
    assert [p.name for p in (repo / "data/inovasi/dispendukcapil").iterdir()] == ["akta-kilat.yaml"]  # no temp left


@pytest.mark.parametrize("breaker", ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"])
def test_a_multi_line_agency_name_adds_no_key_to_the_template(tmp_path, breaker):
    nama = f"Dinas Kependudukan{breaker}opd: palsu{breaker}tahapan: penerapan{breaker}#"
    root = make_root(tmp_path, agencies=[dict(AGENCY, nama=nama)])
    outcome = run(root, "new", "--opd", "dispendukcapil", "--nama", "Akta Kilat", "--tahapan", "inisiatif")
    assert outcome.exit_code == 0, outcome.output
    text = (root / "data/inovasi/dispendukcapil/akta-kilat.yaml").read_text(encoding="utf-8")
    # PyYAML already folds U+0085 to a space when it reads the registry file; the others stay, escaped.
    escaped = " " if breaker == "\x85" else breaker.encode("unicode_escape").decode("ascii")
    assert text.splitlines()[1] == (f"# Inovasi Akta Kilat (Dinas Kependudukan{escaped}opd: palsu{escaped}"
                                    f"tahapan: penerapan{escaped}#).")
    data = yaml.safe_load(text)
    assert (data["opd"], data["tahapan"]) == ("dispendukcapil", "inisiatif")


def test_changed_since_never_reads_a_link_out_of_the_repository(repo, git_identity):
    """Deleting evidence makes --changed-since look for records citing it; a link to /dev/zero is not one."""
    (repo / "bukti").mkdir()
    (repo / "bukti/sk.pdf").write_bytes(b"%PDF-1.4\n")
    (repo / ".git/config").unlink()
    (repo / ".git").rmdir()
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "awal")):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    (repo / "bukti/sk.pdf").unlink()
    (repo / "data/inovasi/dispendukcapil").mkdir()
    os.symlink("/dev/zero", repo / "data/inovasi/dispendukcapil/nol.yaml")
    os.symlink("/dev/zero", repo / "data/opd/nol.yaml")
    done = subprocess.run([sys.executable, "-m", "ooi", "validate", "--changed-since", "HEAD"], cwd=repo,
                          env={**os.environ, "OOI_LANG": "id"}, capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == [
        "data/inovasi/dispendukcapil/nol.yaml:1:1: error Y012 tautan simbolik menuju ke luar repositori atau ke "
        "dalam .git; tidak dibaca", "    saran: ganti tautan dengan berkas yang sebenarnya",
        "data/opd/nol.yaml:1:1: error Y012 tautan simbolik menuju ke luar repositori atau ke dalam .git; tidak dibaca",
        "    saran: ganti tautan dengan berkas yang sebenarnya", "2 berkas diperiksa: 2 error, 0 peringatan"], done.stderr
