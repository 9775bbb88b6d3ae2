"""The judgement cache (SPEC §17): a warm run prints what a run without it prints, whatever was done to the cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import AGENCY, SETTINGS, make_root, sample
from gitrepo import Repo
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock
from ooi.input import cachefiles
from ooi.input.git import index_blobs

DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}
ORIGINAL = "data/inovasi/dispendukcapil/penak-pkk.yaml"
TWICE = "data/inovasi/dispendukcapil/penak-pkk-lagi.yaml"  # the same name in the same agency: R007
COPY = "data/inovasi/dinkes/penak-sehat.yaml"  # another agency's near-copy: R015
LATER = "data/inovasi/dinkes/lapor-nanti.yaml"  # filed with a date after the first day the tests run on
BROKEN = "data/inovasi/dinkes/rusak.yaml"
DAY = date(2023, 12, 1)
DIFFERENT = {  # texts of another innovation: not near any other record
    "tujuan": "Menurunkan angka kematian ibu melalui pemeriksaan rutin.",
    "manfaat": "Ibu hamil berisiko tinggi terpantau sejak trimester pertama oleh bidan desa.",
    "latar_belakang": "Ibu hamil di desa terpencil jarang memeriksakan kandungan karena jarak puskesmas jauh, biaya "
                      "transportasi mahal, dan jadwal bidan tidak menentu setiap bulan.",
    "rancang_bangun": "Bidan desa mendatangi rumah ibu hamil sesuai jadwal yang dikirim lewat pesan singkat, mencatat "
                      "hasil pemeriksaan di aplikasi, dan merujuk yang berisiko."}


def corpus(tmp_path: Path) -> Path:
    copied = sample("uji_coba")
    copied.update(opd="dinkes", nama="Penak Sehat")
    later = sample("penerapan")
    later.update(opd="dinkes", nama="Sigap Bumil", tanggal_lapor="2023-12-20", **DIFFERENT)
    files = {ORIGINAL: sample("uji_coba"), TWICE: sample("uji_coba"), COPY: copied, LATER: later,
             BROKEN: "nama: [tidak ditutup\n"}
    return make_root(tmp_path / "akar", files, settings=SETTINGS, agencies=[AGENCY, DINKES])


def validate(root: Path, *args: str, day: date = DAY, fmt: str = "json") -> tuple[int, str]:
    with clock.frozen(day):
        done = CliRunner().invoke(app, ["validate", "--root", str(root), "--format", fmt, *args])
    return done.exit_code, done.stdout


def packs(folder: Path) -> list[Path]:
    return sorted(path for path in cachefiles.inner(folder).glob("*.json"))


@pytest.fixture
def root(tmp_path):
    return corpus(tmp_path)


def test_a_warm_run_prints_the_bytes_of_a_run_without_the_cache(root):
    cold = validate(root, "--no-cache")
    assert not (root / cachefiles.FOLDER).exists()  # --no-cache writes nothing either
    codes = sorted((f["path"], f["code"]) for f in json.loads(cold[1])["findings"] if f["code"] in ("R007", "R015"))
    assert codes == [(COPY, "R015"), (COPY, "R015"), (TWICE, "R007"), (TWICE, "R015"), (ORIGINAL, "R007"),
                     (ORIGINAL, "R015")]
    assert validate(root) == cold  # the run that writes the cache
    written = packs(root / cachefiles.FOLDER)
    assert len(written) == 3  # one per agency folder, and R015's comparison
    assert validate(root) == cold  # the run that reads it
    assert validate(root, fmt="text") == validate(root, "--no-cache", fmt="text")
    assert (root / cachefiles.FOLDER / ".gitignore").read_text() == "# written by ooi: its judgement cache\n*\n"
    # beside the markers only the packs' folder, which the `*` ignores whole: git never lists the packs
    assert sorted(path.name for path in (root / cachefiles.FOLDER).iterdir()) == [".gitignore", "CACHEDIR.TAG", "packs"]


def test_packs_written_beside_the_markers_before_are_removed_and_nothing_else(root):
    folder = root / cachefiles.FOLDER
    validate(root)
    for pack in packs(folder):  # the layout before the packs' folder
        pack.rename(folder / pack.name)
    shutil.rmtree(cachefiles.inner(folder))
    (folder / "last-run").write_text("lama")
    (folder / "catatan.txt").write_text("bukan milik ooi")
    validate(root)
    assert sorted(path.name for path in folder.iterdir()) == [".gitignore", "CACHEDIR.TAG", "catatan.txt", "packs"]
    assert len(packs(folder)) == 3


def test_a_warm_run_reads_no_record_again(root, monkeypatch):
    cold = validate(root)
    from ooi.engine import checker
    from ooi.rules import similarity

    real = checker._judge_document

    def judged(entry, *args):
        assert entry.kind == "opd", f"{entry.rel} judged again"  # agencies are judged every run (the registry)
        return real(entry, *args)

    monkeypatch.setattr(checker, "_judge_document", judged)
    monkeypatch.setattr(similarity, "_pairs", lambda items, _: iter(()) if not items else pytest.fail("compared again"))
    assert validate(root) == cold


def test_damaged_swapped_or_foreign_packs_are_never_trusted(root):
    cold = validate(root, "--no-cache")
    validate(root)
    folder = root / cachefiles.FOLDER
    across = cachefiles.inner(folder) / cachefiles.pack_name("across\0R015")
    # the two agencies' folders, dinkes's (with findings of its own files) first
    first, second = sorted((path for path in packs(folder) if path != across),
                           key=lambda path: LATER.encode() not in path.read_bytes())
    keep = {path: path.read_bytes() for path in (first, second, across)}
    damages = [
        lambda: first.write_bytes(keep[first][: len(keep[first]) // 2]),  # truncated
        lambda: second.write_bytes(keep[second].replace(b"R007", b"R008")),  # scrambled: its checksum fails
        lambda: (first.write_bytes(keep[second]), second.write_bytes(keep[first])),  # swapped whole
        lambda: across.write_bytes(keep[first]),  # a folder's pack where R015's outcome was
        lambda: across.write_bytes(b"0" * 32 + b"\n" + b"[1]"),  # foreign
        lambda: first.write_bytes(_rechecked(keep[first])),  # a body that checks out, judged for other bytes
        lambda: first.write_bytes(b""),
    ]
    for damage in damages:
        damage()
        assert validate(root) == cold
        assert validate(root) == cold  # and what was written again is right too


def _rechecked(pack: bytes) -> bytes:
    """A pack whose entries say other findings for other bytes of their files, its checksum made to match."""
    import hashlib

    entries = json.loads(pack.partition(b"\n")[2])
    for entry in entries[1]:
        entry[0][1] = "0" * 40  # the blob id of the bytes it was judged on
        entry[3] = []  # and it found nothing
    body = json.dumps(entries).encode()
    return hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b"\n" + body


def test_a_changed_file_or_setting_is_judged_again(root):
    validate(root)
    (root / COPY).write_text((root / COPY).read_text().replace("Penak Sehat", "Penak Sehat Bersama"))
    assert validate(root) == validate(root, "--no-cache")
    (root / "ooi.yaml").write_text(SETTINGS + "aturan:\n  R007: warning\n")
    code, out = validate(root)
    assert (code, out) == validate(root, "--no-cache")
    assert {f["severity"] for f in json.loads(out)["findings"] if f["code"] == "R007"} == {"warning"}


def test_judgements_kept_in_one_language_are_written_in_another(root, monkeypatch):
    validate(root)  # in Indonesian
    english = validate(root, "--lang", "en", "--no-cache", fmt="text")
    assert "same innovation name as" in english[1]
    from ooi.engine import checker

    real = checker._judge_document
    monkeypatch.setattr(checker, "_judge_document", lambda entry, *args: real(entry, *args) if entry.kind == "opd"
                        else pytest.fail(f"{entry.rel} judged again"))
    assert validate(root, "--lang", "en", fmt="text") == english


def test_a_judgement_serves_another_day_only_when_no_date_of_the_record_lies_between(root):
    validate(root)
    before = validate(root, "--no-cache", day=date(2023, 12, 19))
    assert validate(root, day=date(2023, 12, 19)) == before
    after = validate(root, "--no-cache", day=date(2024, 1, 5))
    assert after != before  # LATER's tanggal_lapor is no longer in the future
    assert validate(root, day=date(2024, 1, 5)) == after


def test_ooi_cache_dir_moves_the_cache_out_of_the_data(root, tmp_path, monkeypatch):
    monkeypatch.setenv(cachefiles.ENVIRONMENT, str(tmp_path / "tempat"))
    cold = validate(root, "--no-cache")
    assert validate(root) == cold
    assert not (root / cachefiles.FOLDER).exists() and len(packs(tmp_path / "tempat")) == 3
    assert validate(root) == cold


def test_an_unwritable_cache_leaves_the_run_as_it_is(root):
    (root / cachefiles.FOLDER).write_text("bukan folder")  # something else of that name: left alone
    assert validate(root) == validate(root, "--no-cache")
    assert (root / cachefiles.FOLDER).read_text() == "bukan folder"


def test_runs_at_once_leave_a_cache_that_gives_the_same_bytes(root):
    cold = validate(root, "--no-cache")
    command = [sys.executable, "-m", "ooi", "validate", "--root", str(root), "--format", "json"]
    # The subprocesses run on today's date: compared with one another and with a cached run of today's.
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE) for _ in range(3)]
    outputs = {run.communicate()[0] for run in runs}
    today = subprocess.run([*command, "--no-cache"], capture_output=True).stdout
    assert outputs == {today}
    assert validate(root) == cold
    assert not list(cachefiles.inner(root / cachefiles.FOLDER).glob(".tmp-*"))


def test_blob_ids_come_from_the_index_only_for_files_as_git_holds_them(tmp_path):
    repo = Repo.made(tmp_path / "repo", **{ORIGINAL: sample("uji_coba"), COPY: sample("penerapan")})
    blobs = index_blobs(repo.root)
    assert blobs[ORIGINAL] == repo.git("hash-object", ORIGINAL).strip()
    assert sorted(blobs) == [COPY, ORIGINAL, "data/opd/dispendukcapil.yaml"]
    (repo.root / COPY).write_text("nama: diubah\n")
    repo.git("update-index", "--assume-unchanged", ORIGINAL)
    assert sorted(index_blobs(repo.root)) == ["data/opd/dispendukcapil.yaml"]  # changed, or not looked at by git
    repo.git("update-index", "--no-assume-unchanged", ORIGINAL)
    repo.git("config", "core.autocrlf", "true")
    assert index_blobs(repo.root) == {}  # git converts bytes: a blob is not the file
    assert index_blobs(tmp_path) == {}  # outside git


def test_a_warm_run_in_git_judges_a_changed_file_again(tmp_path):
    repo = Repo.made(tmp_path / "repo", **{ORIGINAL: sample("uji_coba"), TWICE: sample("uji_coba")})
    cold = validate(repo.root, "--no-cache")
    assert validate(repo.root) == cold
    changed = sample("uji_coba")
    changed["nama"] = "Penak PKK Lain"
    repo.write(TWICE, changed)  # not committed: its blob is not the index's, so its bytes are hashed
    fresh = validate(repo.root, "--no-cache")
    assert fresh != cold and validate(repo.root) == fresh


def test_a_warm_run_reads_its_judgements_in_one_process(tmp_path, monkeypatch):
    """Workers would cost more than the judgements they send back: the last run's salt and git's index say so."""
    from ooi.engine import parallel

    repo = Repo.made(tmp_path / "repo", **{ORIGINAL: sample("uji_coba"), TWICE: sample("uji_coba")})
    used = []
    real = parallel.run
    monkeypatch.setattr(parallel, "workers", lambda jobs, files: jobs or 2)  # as on a large root
    monkeypatch.setattr(parallel, "run", lambda *args, **kw: used.append(args[3]) or real(*args, **kw))
    cold = validate(repo.root)
    assert validate(repo.root) == cold
    assert validate(repo.root, "--jobs", "2") == cold  # asked for: as asked
    (repo.root / "ooi.yaml").write_text(SETTINGS + "aturan:\n  R007: warning\n")
    validate(repo.root)  # another salt: judged anew, spread
    assert used == [2, 1, 2, 2]


def test_a_huge_folder_judged_in_parts_keeps_a_pack_per_part(root, monkeypatch):
    """Folders past PART files are judged in parts (R007 then compares names): each part has its own pack."""
    from ooi.engine import parts

    monkeypatch.setattr(parts, "PART", 2)  # dinkes's three files: two parts
    cold = validate(root, "--no-cache")
    assert validate(root) == cold
    assert len(packs(root / cachefiles.FOLDER)) == 4  # dispendukcapil, dinkes's two parts, R015's comparison
    assert validate(root) == cold
    (root / TWICE).write_text((root / TWICE).read_text() + "# diubah\n")  # R007's pair: one judged anew
    assert validate(root) == validate(root, "--no-cache")


def test_a_signature_is_taken_from_a_pack_only_for_the_bytes_it_was_judged_on(root):
    from ooi.engine.cache import Cache
    from ooi.input.git import blob_id

    validate(root)
    cache = Cache.of(root, git=False)
    pack = cache.pack("dinkes")  # an agency folder's unit is named by its folder
    held = pack.signature(COPY, blob_id((root / COPY).read_bytes()))
    assert held is not None and held[0] is not None and len(held[0]) > 8
    assert pack.signature(BROKEN, blob_id((root / BROKEN).read_bytes())) == (None,)  # judged: it has none
    assert pack.signature(COPY, "0" * 40) is None  # other bytes: not held
    assert Cache.of(root, iid_export=True, git=False).pack("dinkes").signature(
        COPY, blob_id((root / COPY).read_bytes())) is None  # another salt of the code and options


def test_judgements_read_back_share_their_key_paths_and_places():
    from ooi.engine.cache_entries import Texts, decode, encode
    from ooi.engine.result import FileResult
    from ooi.model.findings import Finding, Severity

    texts = Texts({}, [])
    made = []
    for name in "xy":
        rel = f"data/inovasi/a/{name}.yaml"
        finding = Finding(rel, 7, 5, "P1", Severity.WARNING, "prinsip.efisiensi.uraian", "pendek", "uraikan",
                          keys=("prinsip", "efisiensi", "uraian"))
        made.append(encode([rel], DAY, b"", FileResult(rel, "inovasi", None, [finding], places={"nama": (2, 1)}),
                           texts))
    read = [decode(json.loads(json.dumps(entry)), entry[0][0], texts) for entry in made]  # as a pack gives them
    (first,), (second,) = (judged.findings for judged in read)
    assert (first.path, first.line, first.keys, second.path) == (
        "data/inovasi/a/x.yaml", 7, ("prinsip", "efisiensi", "uraian"), "data/inovasi/a/y.yaml")
    assert first.keys is second.keys  # 300,000 findings of a warm run name a few hundred key paths: each held once
    assert [judged.places for judged in read] == [{"nama": (2, 1)}] * 2 and read[0].places is read[1].places
