"""The cache's index of every record's R015 facts (SPEC §17): a pull request's check finds what a whole run finds."""

from __future__ import annotations

import hashlib
import json
import random
from array import array
from pathlib import Path

import pytest
from conftest import AGENCY, SETTINGS, make_root, sample
from gitrepo import Repo
from test_cache import DIFFERENT
from test_changed_near_copy import COPY, DINKES, NEAR, ORIGINAL, validate

from ooi.engine import checked_blocks, signatures
from ooi.engine.signatures import Index, pairs
from ooi.input import cachefiles
from ooi.input.git import blob_id, tree_files
from ooi.rules import similarity
from ooi.rules.similarity import Signature

OTHER = "data/inovasi/dinkes/sigap-bumil.yaml"


def _corpus(seed: int, count: int) -> list[tuple[str, Signature]]:
    """Records over a few hundred values (so values are shared by more records than a posting keeps), some of
    them near-copies of others, some with one name in one folder."""
    chance = random.Random(seed)
    found = []
    for number in range(count):
        if found and chance.random() < 0.3:  # a near-copy of an earlier record, some values changed
            _, earlier = chance.choice(found)
            values = [value if chance.random() < 0.85 else chance.randrange(10_000) for value in earlier]
            name = earlier.name if chance.random() < 0.5 else chance.randrange(5)
        else:
            values = chance.sample(range(300), chance.randrange(3, 20))
            name = chance.randrange(5)
        found.append((f"data/inovasi/f{chance.randrange(4)}/r{number:03}.yaml", Signature(set(values) | {name}, name)))
    return sorted(found, key=lambda pair: pair[0])


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("many", [checked_blocks.MANY, 8])  # 8: its sections are soon read whole, as for many records
def test_the_index_finds_for_a_few_records_what_the_whole_comparison_finds(seed, many, monkeypatch):
    monkeypatch.setattr(checked_blocks, "MANY", many)
    everything = _corpus(seed, 400)
    chance = random.Random(seed)
    mine = dict(chance.sample(everything, 60))
    changed = {rel: Signature(set(chance.sample(range(300), 8)) | {9}, 9) for rel in list(mine)[:2]}
    mine.update(changed)  # two of them changed since the index was made
    now = sorted([(rel, mine.get(rel, signed)) for rel, signed in everything], key=lambda pair: pair[0])
    whole = sorted((path, problem.message.en) for path, problem in similarity._pairs(now, 0.6) if path in mine)
    index = Index.made([(rel, "ab" * 20, signed) for rel, signed in everything], [])
    gone = {index.number(rel) for rel in mine}
    kept = dict(everything)
    found = pairs(index, gone, dict(mine), list(mine.items()), 0.6, lambda rels: {rel: kept[rel] for rel in rels})
    assert found is not None
    assert sorted((path, problem.message.en) for path, problem in found) == whole
    assert len(whole) >= 10, whole  # the corpus has near-copies to find
    assert (bool(index.rels.whole), bool(index.names.whole)) == (many == 8, many == 8)


def test_an_index_is_read_back_for_its_key_and_each_block_only_as_written():
    everything = _corpus(1, 400)
    records = [(rel, f"{number:040x}", signed) for number, (rel, signed) in enumerate(everything)]
    body = b"".join(signatures.body(records, ["data/inovasi/f1/gone.yaml"], "key", "a" * 40))
    read = Index.read(body, "key")
    assert read is not None and (list(read.rels), read.missing, read.tree) == (
        [rel for rel, _ in everything], ["data/inovasi/f1/gone.yaml"], "a" * 40)
    assert read.blob(7) == f"{7:040x}" and read.sizes[3] == len(everything[3][1].lowest)
    assert read.names[3] == everything[3][1].name and read.number(everything[3][0]) == 3
    assert all(3 in read.holding(value) for value in everything[3][1].lowest)
    assert Index.read(body, "another key") is None
    assert Index.read(body[:-3], "key") is None  # truncated
    assert Index.read(body.replace(b'"key"', b'"key", 1', 1), "key") is None  # another shape
    assert Index.read(body.replace(b"a" * 40, b"b" * 40, 1), "key") is None  # the head is not as written
    table = body.index(b"\n") + 1 + 16
    assert Index.read(body[:table] + bytes([body[table] ^ 1]) + body[table + 1:], "key") is None  # nor the table
    assert Index.read(b"", "key") is None
    # A block not as written is found when read, not before: the blocks a check needs are the ones checked.
    first = everything[0][0].encode("ascii")
    damaged = Index.read(body.replace(first, first.upper(), 1), "key")
    assert damaged is not None and damaged.blob(len(everything) - 1) == f"{len(everything) - 1:040x}"
    with pytest.raises(checked_blocks.Damaged):
        damaged.rels[0]


@pytest.fixture
def repo(tmp_path):
    """main holds dispendukcapil's innovation and another of dinkes; the branch `usulan` adds dinkes's near-copy."""
    other = sample("penerapan")
    other.update(opd="dinkes", nama="Sigap Bumil", **DIFFERENT)
    make_root(tmp_path / "repo", {ORIGINAL: sample("uji_coba"), OTHER: other}, settings=SETTINGS,
              agencies=[AGENCY, DINKES])
    repo = Repo(tmp_path / "repo")
    repo.git("init", "-q", "-b", "main")
    repo.commit("2023-04-03", "awal")
    return repo


def _propose(repo: Repo) -> None:
    repo.branch("usulan")
    copied = sample("uji_coba")
    copied.update(opd="dinkes", nama="Penak Sehat")
    repo.write(COPY, copied)
    repo.commit("2023-04-03", "usulan dinkes")


def _index(repo: Repo) -> Path:
    return cachefiles.inner(repo.root / cachefiles.FOLDER) / signatures._INDEX


def _no_whole_listing(monkeypatch) -> None:
    monkeypatch.setattr(signatures, "elsewhere", lambda *args: pytest.fail("every record's signature was listed"))


def test_mains_whole_run_leaves_the_index_a_pull_request_reads(repo, monkeypatch):
    code, found = validate(repo)  # main's run (CI on every push)
    assert (code, [finding for finding in found if finding[1] == "R015"]) == (0, [])
    assert _index(repo).is_file()
    _propose(repo)
    cold = validate(repo, "--changed-since", "main", "--no-cache")
    assert cold == (0, NEAR)
    original = (repo.root / ORIGINAL).read_bytes()
    (repo.root / ORIGINAL).write_bytes(original + b"# diubah\n")  # touched, not committed
    touched = validate(repo, "--changed-since", "main", "--no-cache")
    assert touched == (0, [*NEAR, (ORIGINAL, "R015", f"isi inovasi ini 80% sama dengan {COPY}")])
    (repo.root / ORIGINAL).write_bytes(original)
    _no_whole_listing(monkeypatch)
    read, parsed = [], []
    real, parse = signatures._signed, signatures._signed_bytes
    monkeypatch.setattr(signatures, "_signed", lambda entry: read.append(entry.rel) or real(entry))
    monkeypatch.setattr(signatures, "_signed_bytes", lambda raw: parsed.append(1) or parse(raw))
    assert validate(repo, "--changed-since", "main") == cold
    # the changed folder's records were judged; ORIGINAL's whole signature from its pack, its bytes the tree's
    assert (read, parsed) == ([], [])
    (cachefiles.inner(repo.root / cachefiles.FOLDER) / cachefiles.pack_name("dispendukcapil")).unlink()
    assert validate(repo, "--changed-since", "main") == cold
    assert (read, parsed) == ([], [1])  # no pack: made from its file
    (repo.root / ORIGINAL).write_bytes(original + b"# diubah\n")
    assert validate(repo, "--changed-since", "main") == touched


def test_an_index_of_another_tree_or_damaged_is_not_trusted(repo, monkeypatch):
    validate(repo)
    kept = _index(repo).read_bytes()
    _propose(repo)
    (repo.root / ORIGINAL).write_text((repo.root / ORIGINAL).read_text().replace("Penak PKK", "Penak Lain"))
    repo.commit("2023-04-04", "main berubah")  # on the branch: the merge base's tree is still main's
    cold = validate(repo, "--changed-since", "main", "--no-cache")
    damages = [kept[:len(kept) // 2], kept.replace(b"dispendukcapil", b"dispendukcapiL"), b""]
    for damage in damages:
        _index(repo).write_bytes(damage)
        assert validate(repo, "--changed-since", "main") == cold
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "usulan", "-m", "gabung")  # main's tree moved: the index is of another
    repo.branch("lagi")
    copied = sample("uji_coba")
    copied.update(opd="dinkes", nama="Penak Sehat Lagi")
    repo.write("data/inovasi/dinkes/penak-sehat-lagi.yaml", copied)
    cold = validate(repo, "--changed-since", "main", "--no-cache")
    assert [finding[:2] for finding in cold[1] if finding[1] == "R015"] == [
        ("data/inovasi/dinkes/penak-sehat-lagi.yaml", "R015")] * 2
    listed = []
    real = signatures.elsewhere
    monkeypatch.setattr(signatures, "elsewhere", lambda *args: listed.append(1) or real(*args))
    assert validate(repo, "--changed-since", "main") == cold
    assert validate(repo, "--changed-since", "main") == cold
    assert listed == []  # the index of the older merge base serves, the files changed since read from the work tree
    _index(repo).write_bytes(b"")
    assert validate(repo, "--changed-since", "main") == cold
    assert validate(repo, "--changed-since", "main") == cold
    assert listed == [1]  # listed once, for the tree of the new merge base; then its index


def test_a_file_git_is_told_not_to_look_at_turns_the_index_off(repo, monkeypatch):
    validate(repo)
    _propose(repo)
    repo.git("update-index", "--assume-unchanged", ORIGINAL)
    (repo.root / ORIGINAL).write_text((repo.root / ORIGINAL).read_text().replace("Penak PKK", "Penak Lain"))
    listed = []
    real = signatures.elsewhere
    monkeypatch.setattr(signatures, "elsewhere", lambda *args: listed.append(1) or real(*args))
    assert validate(repo, "--changed-since", "main") == validate(repo, "--changed-since", "main", "--no-cache")
    assert listed == [1, 1]


def test_an_index_of_an_earlier_main_serves_with_what_changed_since_read_from_the_files(repo, monkeypatch):
    validate(repo)  # main's whole run: the index of this tree
    changed = sample("uji_coba")
    changed.update(nama="Penak PKK Baru", tujuan="Tujuan lain sama sekali untuk warga kelurahan.")
    repo.write(ORIGINAL, changed)
    repo.commit("2023-04-04", "main berubah")  # no whole run since: the index is of the tree before
    _propose(repo)
    cold = validate(repo, "--changed-since", "main", "--no-cache")
    read = []
    real = signatures._signed
    monkeypatch.setattr(signatures, "_signed", lambda entry: read.append(entry.rel) or real(entry))
    _no_whole_listing(monkeypatch)
    assert validate(repo, "--changed-since", "main") == cold
    assert read == [ORIGINAL]  # changed on main since the index: from its file


def _resigned(kept: bytes, holder: int | None = None) -> bytes:
    """The index `kept` with every digest made again, its holders all `holder` when given: whole by its digests,
    yet naming records it does not hold (what a faulty writer of the same key would leave)."""
    head, _, rest = kept.partition(b"\n")
    key, tree, count, lengths, block = json.loads(head)
    body = rest[16 + 8 * -(-sum(lengths) // block):]
    if holder is not None:
        start = sum(lengths[:6])
        body = body[:start] + array("i", [holder] * (lengths[6] // 4)).tobytes() + body[start + lengths[6]:]
    return b"".join(checked_blocks.framed([key, tree, count, lengths], [body]))


def test_an_index_naming_records_it_does_not_hold_is_not_trusted(repo, monkeypatch):
    validate(repo)
    kept = _index(repo).read_bytes()
    _propose(repo)
    cold = validate(repo, "--changed-since", "main", "--no-cache")
    listed = []
    real = signatures.elsewhere
    monkeypatch.setattr(signatures, "elsewhere", lambda *args: listed.append(1) or real(*args))
    _index(repo).write_bytes(_resigned(kept))
    assert validate(repo, "--changed-since", "main") == cold
    assert listed == []  # signed again as it was: served
    _index(repo).write_bytes(_resigned(kept, 7))  # the index holds 2 records
    assert validate(repo, "--changed-since", "main") == cold
    assert listed == [1]  # compared with every record instead


def test_postings_are_the_lowest_values_in_order_with_their_records_in_any_number_of_passes(monkeypatch):
    lowest = [Signature([5, -2**31, 9]), Signature([]), Signature([5, 2**31 - 1]), Signature([-1, 5])]
    for size in (1, 2, 3, 200_000):  # passes over ranges of values: 7, 4, 3 and one
        monkeypatch.setattr(signatures, "_SORTED", size)
        values, holders = signatures.postings(lowest)
        assert (values.tolist(), holders.tolist()) == ([-2**31, -1, 5, 5, 5, 9, 2**31 - 1], [0, 3, 0, 2, 3, 0, 2])
    assert signatures.postings([]) == (array("i"), array("i"))
    everything = [signed for _, signed in _corpus(3, 400)]  # values shared by many records
    expected = sorted((value, number) for number, signed in enumerate(everything) for value in signed.lowest)
    monkeypatch.setattr(signatures, "_SORTED", 500)  # 6 passes, between bounds from a sample
    values, holders = signatures.postings(everything)
    assert list(zip(values, holders)) == expected and len(expected) == 2_998


def test_an_index_is_made_from_the_lowest_values_alone():
    everything = _corpus(2, 50)
    records = [(rel, f"{number:040x}", signed) for number, (rel, signed) in enumerate(everything)]
    bottoms = [(rel, blob, signed.bottom()) for rel, blob, signed in records]
    assert b"".join(signatures.body(bottoms, [], "key", "a" * 40)) == b"".join(signatures.body(records, [], "key",
                                                                                                 "a" * 40))
    signed = Signature([9, 1, 8, 2, 7, 3, 6, 4, 5, 0], 11)
    assert (list(signed.bottom()), signed.bottom().name, list(signed.lowest)) == ([0, 1, 2, 3, 4, 5, 6, 7], 11,
                                                                                 [0, 1, 2, 3, 4, 5, 6, 7])


def test_a_trees_files_are_listed_one_at_a_time_as_git_holds_them(repo):
    repo.write("data/inovasi/dinkes/a b\tc.yaml", "nama: x\n")
    repo.commit("2023-04-04", "nama aneh")
    listed = tree_files(repo.root, repo.head() + "^{tree}")
    assert not isinstance(listed, list)
    found = [item for item in listed if item[2].startswith("data/inovasi/dinkes/")]
    assert found == [("100644", blob_id(b"nama: x\n"), "data/inovasi/dinkes/a b\tc.yaml"),
                     ("100644", repo.git("rev-parse", f"HEAD:{OTHER}").strip(), OTHER)]


@pytest.mark.parametrize("cuts", [[], [1], [4096], [4095, 4097], [5, 6, 7, 8195], [12388]])
def test_a_body_framed_in_pieces_is_the_body_framed_whole(cuts, tmp_path):
    whole = bytes(random.Random(5).randrange(256) for _ in range(3 * 4096 + 100))
    pieces = [whole[start:end] for start, end in zip([0, *cuts], [*cuts, len(whole)])]
    line = json.dumps(["k", 4096]).encode("ascii")
    table = b"".join(hashlib.blake2b(whole[at:at + 4096], digest_size=8).digest() for at in range(0, len(whole), 4096))
    expected = line + b"\n" + hashlib.blake2b(line + table, digest_size=16).digest() + table + whole
    assert checked_blocks.BLOCK == 4096 and b"".join(checked_blocks.framed(["k"], pieces)) == expected
    cachefiles.save(tmp_path, "pack", pieces)  # written piece by piece, its checksum of the whole
    assert cachefiles.load(tmp_path, "pack") == whole
