"""Replaying the past (SPEC §10): every tree git can store is judged from its object store, without a crash,
and nothing of a past commit is written anywhere but a private folder of ooi's own."""

from __future__ import annotations

import os
import tempfile
from datetime import date

import pytest
from gitrepo import PLAN, TODAY, Repo, plan, statuses

from ooi.engine import source as asof
from ooi.input.config import load_settings

FOLDER = "data/inovasi/dispendukcapil"


@pytest.fixture
def repo(tmp_path, git_identity, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return Repo.made(tmp_path / "repo")


@pytest.fixture
def private(tmp_path, monkeypatch):
    """Where ooi's temporary folders go in this test: every write of a replay must land under it."""
    folder = tmp_path / "ooi-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def odd(repo: Repo, day: date) -> list[tuple[str, str, str]]:
    """(path, code, message) of the findings on files that are not records, at the point `day`."""
    with asof.open_source(repo.root, load_settings(repo.root)) as source:
        result = source.result(day)
    return [(f.path, f.code, f.message) for r in result.files if r.kind == "lain" for f in r.findings]


def files_under(folder) -> list[str]:
    return sorted(os.path.relpath(os.path.join(top, name), folder) for top, dirs, names in os.walk(folder)
                  for name in names + dirs)


def test_a_link_beside_a_folder_of_the_same_name_writes_nothing_through_the_link(repo, tmp_path, private):
    victim = tmp_path / "korban"
    victim.mkdir()
    yaml = repo.blob(b"nama: tertulis lewat tautan\n")
    link = repo.blob(str(victim).encode())
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    inner = repo.tree([("100644", b"pwned.yaml", yaml)])
    repo.commit_tree(repo.grafted("", [("120000", b"zz", link), ("40000", b"zz", inner)]), "2023-04-10")
    before = repo.git("status", "--porcelain", "--ignored")
    for args in (("status", "--per", "2023-04-30"), ("history",), ("status", "--compare", "main~1"),
                 ("report", "--per", "2023-04-30", "--output", str(tmp_path / "laporan.html"))):
        outcome = repo.ooi(*args, today=TODAY)
        assert outcome.exit_code == 0, (args, outcome.output)
    assert files_under(victim) == []
    # nothing but ooi's own judgement cache (`status`: .ooi-cache/, ignored by git through its own .gitignore)
    assert repo.git("status", "--porcelain", "--ignored") == before + "!! .ooi-cache/\n"
    assert files_under(private) == []  # every snapshot folder removed at the end of its run
    assert odd(repo, date(2023, 4, 30)) == [
        ("zz", "Y013", "pohon commit ini memuat berkas dan folder dengan nama yang sama; berkasnya tidak dibaca")]
    assert statuses(repo.status("--per", "2023-04-30", today=TODAY)) == {"dispendukcapil": "planned"}


def test_a_link_inside_the_tree_is_read_as_the_file_it_names_and_one_outside_is_y012(repo, tmp_path):
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    links = [("120000", b"salinan.yaml", repo.blob(b"penak-pkk.yaml")),
             ("120000", b"luar.yaml", repo.blob(str(tmp_path / "korban.yaml").encode())),
             ("120000", b"naik.yaml", repo.blob(b"../../../../ooi.yaml"))]
    repo.commit_tree(repo.grafted(FOLDER, links), "2023-04-10")
    message = "tautan simbolik di commit ini tidak menuju berkas di dalam akar data; tidak dibaca"
    assert odd(repo, date(2023, 4, 30)) == [(f"{FOLDER}/luar.yaml", "Y012", message),
                                             (f"{FOLDER}/naik.yaml", "Y012", message)]
    with asof.open_source(repo.root, load_settings(repo.root)) as source:
        result = source.result(date(2023, 4, 30))
    copy = next(r for r in result.files if r.path == f"{FOLDER}/salinan.yaml")
    # The copy is a record: the same innovation twice (R007), filed by the link's commit a month late (R014).
    assert (copy.kind, [f.code for f in copy.findings]) == ("inovasi", ["R007", "R014"])


def test_a_folder_that_later_becomes_a_file_is_judged_at_each_point(repo):
    repo.write(f"{PLAN}/catatan.yaml", plan())
    repo.commit("2023-03-10")
    repo.git("rm", "-r", "-q", PLAN)
    repo.write(PLAN, plan(tanggal_lapor="2023-05-10"))
    repo.commit("2023-05-10")
    repo.git("rm", "-q", PLAN)
    repo.write(f"{PLAN}/catatan.yaml", plan())
    repo.commit("2023-07-10")
    found = repo.history("--sampai", "2023-08-31", today=TODAY)
    assert [point["summary"]["planned"] for point in found["points"]] == [0, 0, 0, 0, 1, 1, 0, 0]
    assert odd(repo, date(2023, 3, 31)) == [(PLAN, "Y013", "subfolder tidak dibaca di sini")]
    assert odd(repo, date(2023, 5, 31)) == []
    assert odd(repo, date(2023, 7, 31)) == [(PLAN, "Y013", "subfolder tidak dibaca di sini")]


def test_a_300_byte_name_is_a_finding_of_its_point(repo):
    long = b"a" * 295 + b".yaml"
    repo.commit_tree(repo.grafted(FOLDER, [("100644", long, repo.blob(b"nama: x\n"))]), "2023-04-10")
    outcome = repo.ooi("status", "--per", "2023-04-30", today=TODAY)
    assert outcome.exit_code == 0, outcome.output
    assert odd(repo, date(2023, 4, 30)) == [(f"{FOLDER}/{long.decode()}", "Y013",
                                             "nama atau jalurnya terlalu panjang; tidak dibaca")]


def test_a_name_that_is_not_utf8_is_a_finding_of_its_point(repo):
    repo.commit_tree(repo.grafted(FOLDER, [("100644", b"caf\xe9.yaml", repo.blob(b"nama: x\n"))]), "2023-04-10")
    assert odd(repo, date(2023, 4, 30)) == [(f"{FOLDER}/caf\\xe9.yaml", "Y013",
                                             "nama berkas atau folder bukan UTF-8; tidak dibaca")]
    assert repo.history("--sampai", "2023-04-30", today=TODAY)["points"][-1]["summary"]["missing"] == 1


def test_a_name_held_twice_in_one_tree_is_a_finding_and_neither_copy_counts(repo):
    first, second = repo.blob(b"nama: satu\n"), repo.blob(b"nama: dua\n")
    repo.commit_tree(repo.grafted(FOLDER, [("100644", b"ganda.yaml", first), ("100644", b"ganda.yaml", second)]),
                     "2023-04-10")
    assert odd(repo, date(2023, 4, 30)) == [(f"{FOLDER}/ganda.yaml", "Y013",
                                             "pohon commit ini memuat nama ini lebih dari sekali; tidak dibaca")]


@pytest.mark.parametrize("name", [b"..", b".git", b"."])
def test_a_name_git_would_never_check_out_is_a_finding(repo, name):
    inner = repo.tree([("100644", b"config", repo.blob(b"nama: x\n"))])
    repo.commit_tree(repo.grafted(FOLDER, [("40000", name, inner)]), "2023-04-10")
    found = odd(repo, date(2023, 4, 30))
    assert [(code, message) for _, code, message in found] == [(
        "Y013", "nama di pohon commit ini tidak dapat dipakai (., .., .git atau kosong); tidak dibaca")]


def test_a_past_ooi_yaml_that_is_broken_is_a_finding_of_its_point_not_a_refusal(repo):
    repo.write("ooi.yaml", "pemda: [\n")
    repo.commit("2023-03-10")
    repo.write("ooi.yaml", (repo.root / "ooi.yaml").read_text().replace("pemda: [\n", "pemda: Kota Uji\n"))
    from conftest import SETTINGS

    repo.write("ooi.yaml", SETTINGS)
    repo.commit("2023-05-10")
    found = repo.history("--sampai", "2023-05-31", today=TODAY)
    assert len(found["points"]) == 5
    assert [code for _, code, _ in odd(repo, date(2023, 3, 31))] == ["Y003"]


def test_a_blob_over_1_mib_in_an_old_commit_is_y007_without_being_read(repo, monkeypatch):
    from ooi.input import git as gitmod

    big = repo.blob(b"nama: x\n" + b"#" * (1 << 20))
    repo.commit_tree(repo.grafted(FOLDER, [("100644", b"besar.yaml", big)]), "2023-04-10")
    asked = []
    real = gitmod.Repo.read_many
    monkeypatch.setattr(gitmod.Repo, "read_many", lambda self, blobs: asked.extend(blobs) or real(self, blobs))
    assert odd(repo, date(2023, 4, 30)) == [(f"{FOLDER}/besar.yaml", "Y007", "berkas lebih dari 1 MiB")]
    assert big not in asked


def test_a_folder_named_ooi_yaml_in_an_old_commit_leaves_the_settings_of_today(repo):
    inner = repo.tree([("100644", b"x.yaml", repo.blob(b"pemda: [\n"))])
    entries = [entry for entry in repo.tree_of("HEAD") if entry[1] != b"ooi.yaml"] + [("40000", b"ooi.yaml", inner)]
    repo.commit_tree(repo.tree(entries), "2023-04-10")
    message = "di commit ini ooi.yaml adalah folder; isinya tidak dibaca"
    assert odd(repo, date(2023, 4, 30)) == [("ooi.yaml/x.yaml", "Y013", message)]
    assert repo.history("--sampai", "2023-05-31")["points"][-1]["summary"]["missing"] == 1


def test_a_commit_is_laid_out_a_bounded_batch_of_blobs_at_a_time(repo, monkeypatch, private):
    """A first point of 100,000 records read every blob at once (~400 MiB, twice over while sliced)."""
    from ooi.input import git as gitmod
    from ooi.input import snapshot as snap

    for number in range(6):
        repo.write(f"{FOLDER}/inovasi-{number}.yaml", f"nama: Inovasi {number}\n# {'x' * 300}\n")
    repo.commit("2023-03-10")
    monkeypatch.setattr(snap, "BATCH_BYTES", 700)  # two of these records a batch
    reads: list[dict[str, bytes]] = []
    real = gitmod.Repo.read_many
    monkeypatch.setattr(gitmod.Repo, "read_many", lambda self, blobs: reads.append(real(self, blobs)) or reads[-1])
    opened, _ = gitmod.open_repo(repo.root)
    assert opened is not None
    with snap.Snapshot(opened, b"") as laid:
        folder = laid.move_to(repo.head())
        tree = repo.git("ls-tree", "-r", "--name-only", "HEAD").split()
        assert {rel: (folder / rel).read_bytes() for rel in tree} == {
            rel: repo.git("cat-file", "blob", f"HEAD:{rel}").encode() for rel in tree}
    records = [read for read in reads if any(b"# xxx" in bytes(content) for content in read.values())]
    assert [sorted(len(content) for content in read.values()) for read in records] == [[319, 319]] * 3
    assert all(sum(map(len, read.values())) <= 700 or len(read) == 1 for read in reads)
    # each a view of git's one answer, not a copy
    assert all(len({id(content.obj) for content in read.values()}) == 1 for read in reads if read)


def test_a_past_point_knows_its_blob_ids_from_its_tree_and_never_lists_git_index(repo, monkeypatch):
    """The work tree's index describes today's files, not a past commit's: listing it cost ~25 MiB at 100,000."""
    from ooi.engine import cache, parallel

    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    repo.write(PLAN, plan(nama="Sistem Antrean Daring Baru"))
    repo.commit("2023-05-10")
    listed = []
    monkeypatch.setattr(cache, "index_blobs", lambda root, *folders: listed.append(root) or {})
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 1)  # a pool to spare, were the cache not found warm
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    cold, warm = repo.status("--per", "2023-03-31"), repo.status("--per", "2023-03-31")
    assert cold == warm
    assert cold["summary"]["planned"] == 1
    assert listed == []


def test_a_trees_blob_ids_are_those_of_its_regular_files_alone(repo):
    """What a history keeps of HEAD's tree: `tree`'s entries less links and submodules, without their sizes."""
    from ooi.input import git as gitmod

    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    link, module = repo.blob(b"rencana.yaml"), repo.head()
    head = repo.commit_tree(repo.grafted(FOLDER, [("120000", b"tautan.yaml", link), ("160000", b"modul", module)]),
                            "2023-04-10")
    opened, _ = gitmod.open_repo(repo.root)
    assert opened is not None
    listed, _ = opened.tree(head)
    found = opened.blobs(head)
    assert found == {rel: entry.blob for rel, entry in listed.items() if entry.mode != "120000"}
    assert found[PLAN] == repo.git("rev-parse", f"{head}:{PLAN}").strip()
    assert f"{FOLDER}/tautan.yaml" in listed
    assert f"{FOLDER}/tautan.yaml" not in found and f"{FOLDER}/modul" not in found


def test_a_path_is_one_string_in_the_filed_dates_the_trees_blob_ids_and_a_history_memos_keys(repo):
    """Each held its own copy of 100,000 paths (~12 MiB each at national scale), and so did each point's files
    and a snapshot's listing of a past commit."""
    from ooi.history.series import series
    from ooi.input.discovery import discover

    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    kept = []
    with asof.open_source(repo.root, load_settings(repo.root)) as source:
        series(source, 2023, [date(2023, 3, 31)], progress=lambda done, total: kept.extend(source.memo._kept))
        assert source.repo is not None
        filed, trees = source.repo.filed, source.repo.blobs(repo.head())
        listed = source.repo.tree(repo.head())[0]
    found = [entry.rel for entry in discover(repo.root).entries]
    held = [next(path for path in paths if path == PLAN)
            for paths in (filed, trees, kept, found, listed)]
    assert held == [PLAN] * 5
    assert held[0] is held[1] is held[2] is held[3] is held[4]
