"""R015 in the pull-request check: a changed record is compared with every record of the repository (SPEC §17)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import AGENCY, SETTINGS, make_root, sample
from gitrepo import Repo
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock, signatures
from ooi.input import cachefiles

DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}
ORIGINAL = "data/inovasi/dispendukcapil/penak-pkk.yaml"
COPY = "data/inovasi/dinkes/penak-sehat.yaml"
TODAY = date(2023, 4, 5)  # two days after the samples' tanggal_lapor, the day of every commit


@pytest.fixture
def repo(tmp_path):
    """main holds dispendukcapil's innovation; the branch `usulan` adds dinkes's near-copy of it."""
    make_root(tmp_path / "repo", {ORIGINAL: sample("uji_coba")}, settings=SETTINGS, agencies=[AGENCY, DINKES])
    repo = Repo(tmp_path / "repo")
    repo.git("init", "-q", "-b", "main")
    repo.commit("2023-04-03", "awal")
    repo.branch("usulan")
    copied = sample("uji_coba")
    copied.update(opd="dinkes", nama="Penak Sehat")
    repo.write(COPY, copied)
    repo.commit("2023-04-03", "usulan dinkes")
    return repo


def validate(repo: Repo, *args: str) -> tuple[int, list[tuple[str, str, str]]]:
    with clock.frozen(TODAY):
        done = CliRunner().invoke(app, ["validate", "--root", str(repo.root), "--format", "json", *args])
    assert done.exit_code in (0, 1), done.output
    return done.exit_code, [(f["path"], f["code"], f["message"]) for f in json.loads(done.stdout)["findings"]]


NEAR = [(COPY, "R015", f"isi inovasi ini 80% sama dengan {ORIGINAL}")]


def test_the_pull_request_check_reports_a_near_copy_of_another_agencys_record(repo):
    assert validate(repo, "--changed-since", "main", "--no-cache") == (0, NEAR)
    assert validate(repo, "--changed-since", "main") == (0, NEAR)  # signatures made, none cached yet
    assert validate(repo, "--changed-since", "main") == (0, NEAR)


def test_the_signatures_of_unchanged_records_come_from_the_cache(repo, monkeypatch):
    whole = validate(repo)  # main's run (CI on every push) leaves every record's judgement in the cache
    assert whole == (0, [*NEAR, (ORIGINAL, "R015", f"isi inovasi ini 80% sama dengan {COPY}")])
    monkeypatch.setattr(signatures, "_signed", lambda entry: pytest.fail(f"{entry.rel} read again"))
    assert validate(repo, "--changed-since", "main") == (0, NEAR)


def test_a_changed_record_of_the_original_is_judged_from_its_bytes_not_from_the_cache(repo):
    validate(repo)
    repo.checkout("main")
    rewritten = sample("uji_coba")
    rewritten.update(latar_belakang="Ibu hamil di desa terpencil jarang memeriksakan kandungan karena jarak puskesmas "
                                    "jauh, biaya transportasi mahal, dan jadwal bidan tidak menentu setiap bulan.",
                     rancang_bangun="Bidan desa mendatangi rumah ibu hamil sesuai jadwal yang dikirim lewat pesan "
                                    "singkat, mencatat hasil pemeriksaan di aplikasi, dan merujuk yang berisiko.",
                     tujuan="Menurunkan angka kematian ibu.", manfaat="Ibu hamil terpantau sejak awal.")
    repo.write(ORIGINAL, rewritten)
    repo.commit("2023-04-03", "penak pkk ditulis ulang")
    repo.checkout("usulan")
    repo.git("merge", "-q", "--no-edit", "main", when="2023-04-03")
    assert validate(repo, "--changed-since", "main") == (0, [])  # no longer alike: the cached signature is not used
    assert validate(repo, "--changed-since", "main", "--no-cache") == (0, [])


def test_a_run_over_given_files_is_compared_with_those_files_only(repo):
    """Outside the pull-request check, a run over some files stays as it was: what it was asked."""
    assert validate(repo, str(repo.root / COPY)) == (0, [])


def test_a_damaged_cache_gives_the_pull_request_check_its_own_answer(repo):
    validate(repo)
    for pack in cachefiles.inner(repo.root / cachefiles.FOLDER).glob("*.json"):
        pack.write_bytes(pack.read_bytes()[:-40])  # every pack cut short: none is trusted
    assert validate(repo, "--changed-since", "main") == (0, NEAR)
