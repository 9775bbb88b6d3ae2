"""Every innovation's R015 signature outside a run: what a pull-request check compares the changed records with.

Taken from the judgement cache when a pack holds the file's judgement for its bytes and ooi's
code (a signature depends on nothing else: not the settings, the date or the filed date);
else made from the file (read, parsed, validated: no rule runs). A file that cannot be read or
does not pass the schema has no signature, as in a whole run. With the cache's `Index` of the tree a
pull request started from, none of that: only what the pull request touched is read (`near`).
"""

from __future__ import annotations

import json
import os
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO, cast

from ooi.engine.cache import Cache, Pack
from ooi.engine.cache_entries import FORMAT
from ooi.engine.checked_blocks import Blocks, Column, Damaged, Texts, framed, opened
from ooi.engine.parts import Part
from ooi.engine.result import FileResult
from ooi.engine.run import Against
from ooi.input import cachefiles
from ooi.input.discovery import INNOVATIONS, SUFFIX, Entry, folder_of, shown
from ooi.input.git import blob_id, changed, merge_tree, tree_changes, tree_files, unwatched
from ooi.input.loading import parse
from ooi.input.reading import Refused, read
from ooi.model.errors import OoiError
from ooi.model.findings import Problem
from ooi.model.records import Innovation
from ooi.rules import similarity
from ooi.rules.similarity import POSTING_LIMIT, VALUE, WIDTH, Signature, signature
from ooi.schema.validation import validate_innovation

_INDEX = cachefiles.pack_name("r015-index")  # one index: of main's last whole run, or the last check's merge base
_MOVED = 2000  # files changed between the index's tree and a merge base's beyond which listing them all is cheaper


def elsewhere(units: list[Part | tuple[Entry | None, list[Entry]]], cache: Cache | None, skip: set[str],
              ) -> list[tuple[str, Signature]]:
    """(path, signature) of the innovation files of `units` not in `skip` (the files the run judged)."""
    found: list[tuple[str, Signature]] = []
    for unit in units:
        entries = [entry for entry in (unit.entries if isinstance(unit, Part) else unit[1]) if entry.rel not in skip]
        if not entries:
            continue
        kept = cache.pack(cache.unit_name(unit)) if cache is not None else None
        for entry in entries:
            known = _kept(kept, entry) if kept is not None else None
            signed = known[0] if known is not None else _signed(entry)
            if signed is not None:
                found.append((entry.rel, signed))
    return found


def _kept(pack: Pack, entry: Entry) -> tuple[Signature | None] | None:
    """(its signature or None when it has none) as the pack holds it for the file's bytes; None when not held."""
    try:
        blob = pack.cache.blob_of(entry.rel, lambda: read(entry.path))[0]
    except Refused:
        return None
    return pack.signature(entry.rel, blob)


def _signed(entry: Entry) -> Signature | None:
    try:
        return _signed_bytes(read(entry.path))
    except Refused:
        return None


def _signed_bytes(raw: bytes) -> Signature | None:
    data = parse(raw).data
    record = validate_innovation(data)[0] if isinstance(data, dict) else None
    return signature(record) if isinstance(record, Innovation) else None


class Index:
    """Every innovation's R015 facts in one git tree (`tree`): a pull request's check compares its records with them
    without listing, reading or signing 100,000 files, and reads of the index only the few blocks it needs.

    Per record, in path order (as R015 meets them): its path, blob id, name hash and how many lowest values
    it has (what `similarity` indexes), and for each lowest value the records holding it. A record's whole
    signature is made from its file when a pair is measured, and only if the file still holds the tree's
    blob. `missing`: files of the tree whose signature was not known when the index was made (made from the
    file when needed).
    Trusted for its key only (ooi's code and cache salt, this machine's byte order); each block of it only once
    its digest matches (a block that does not raises `Damaged`: the caller falls back to comparing every record).
    """

    def __init__(self, blocks: Blocks, tree: str, count: int, lengths: list[int]) -> None:
        starts = [sum(lengths[:number]) for number in range(len(lengths))]
        self.blocks, self.tree, self.count, self._blobs = blocks, tree, count, starts[2]
        self.rels = Texts(blocks, starts[0], lengths[0], Column(blocks, starts[1], count + 1, "q"))
        self.names, self.sizes = Column(blocks, starts[3], count, "q"), Column(blocks, starts[4], count, "B")
        self.values = Column(blocks, starts[5], lengths[5] // WIDTH, VALUE)
        self.holders = Column(blocks, starts[6], lengths[6] // 4, "i")
        self.missing = blocks.text(starts[7], starts[7] + lengths[7]).split("\0") if lengths[7] else []
        self.numbers: dict[str, int | None] = {}

    @classmethod
    def made(cls, records: list[tuple[str, str, Signature]], missing: list[str]) -> Index:
        """The index of (path, blob id, signature) records and the paths with no signature known (held in memory)."""
        found = cls.read(b"".join(body(records, missing, "", "")), "")
        assert found is not None, "an index just made reads back"
        return found

    @classmethod
    def read(cls, source: bytes | BinaryIO | None, key: str) -> Index | None:
        """The index a body (or an open file) holds, when it was made for `key`; None otherwise. Only its head and
        the table of its blocks' digests are read here."""
        if source is None:
            return None

        def sized(head: list[object]) -> int | None:  # the sections' size, when the head is an index's for `key`
            kept, tree, count, lengths = head
            if (kept != key or type(tree) is not str or type(count) is not int or count < 0
                    or type(lengths) is not list or len(lengths) != 8
                    or any(type(length) is not int or length < 0 for length in lengths)
                    or lengths[1:5] != [8 * (count + 1), 20 * count, 8 * count, count]
                    or lengths[5] % WIDTH or lengths[6] % 4 or lengths[5] // WIDTH != lengths[6] // 4):
                return None
            return sum(lengths)

        try:
            found = opened(source, sized)
            if found is None:
                return None
            (_, tree, count, lengths), blocks = found
            return cls(blocks, cast(str, tree), cast(int, count), cast("list[int]", lengths))
        except (ValueError, TypeError, UnicodeDecodeError, RecursionError, OSError, Damaged):
            return None

    def number(self, rel: str) -> int | None:
        if rel not in self.numbers:
            at = bisect_left(self.rels, rel)
            self.numbers[rel] = at if at < len(self.rels) and self.rels[at] == rel else None
        return self.numbers[rel]

    def holding(self, value: int) -> array[int]:
        """The records whose lowest values hold `value`, in path order."""
        return self.holders.part(bisect_left(self.values, value), bisect_right(self.values, value))

    def blob(self, number: int) -> str:
        return self.blocks.get(self._blobs + 20 * number, self._blobs + 20 * number + 20).hex()


def body(records: list[tuple[str, str, Signature]], missing: list[str], key: str, tree: str) -> list[bytes]:
    """What an index file holds, in pieces: a head (key, tree, record count, section lengths), framed with its
    blocks' digests (`checked_blocks`), then the sections (paths' text, where each path ends, blob
    ids, name hashes, sizes, lowest values in order, the record holding each, the missing paths)."""
    records = sorted(records, key=lambda record: record[0])
    values, holders = postings([signed for _, _, signed in records])
    paths = [rel.encode("utf-8", "surrogatepass") for rel, _, _ in records]
    parts = [b"".join(paths), array("q", accumulate(map(len, paths), initial=0)).tobytes(),
             b"".join(bytes.fromhex(blob) for _, blob, _ in records),
             array("q", [signed.name for _, _, signed in records]).tobytes(),
             bytes(len(signed.lowest) for _, _, signed in records), values.tobytes(), holders.tobytes(),
             "\0".join(sorted(missing)).encode("utf-8", "surrogatepass")]
    del paths, values, holders
    # In pieces, written one after another: the whole is not copied (~19 MB at 100,000 records, twice over).
    return framed([key, tree, len(records), [len(part) for part in parts]], parts)


_SORTED = 100_000  # lowest values sorted in one pass: ~5 MB of ints (100,000 records hold 800,000: 8 passes)


def postings(signed: list[Signature]) -> tuple[array[int], array[int]]:
    """Every record's lowest values in order, and the number of the record holding each (in order of number
    among equal values).

    Sorted as one int each (value and number), at most about `_SORTED` in a pass, each pass over a range of
    values and reading the signatures again: as (value, number) tuples, the 800,000 of 100,000 records took
    ~100 MB, and their values copied out ~25 MB more.
    """
    total, sample = 0, array(VALUE)  # a sample of the values: the passes' bounds, about equally far apart in order
    for number, one in enumerate(signed):
        lowest = one.lowest
        total += len(lowest)
        if number % 16 == 0:
            sample += lowest
    passes, ordered = -(-total // _SORTED), sorted(sample)
    bounds = [None, *(ordered[len(ordered) * at // passes] for at in range(1, passes)), None]
    shift, low = max(len(signed), 1).bit_length(), 1 << (8 * WIDTH - 1)
    mask = (1 << shift) - 1
    values, holders = array(VALUE), array("i")
    for start, end in zip(bounds, bounds[1:]):
        both = sorted(((value + low) << shift) | number for number, one in enumerate(signed) for value in one.lowest
                      if (start is None or value >= start) and (end is None or value < end))
        values.extend((made >> shift) - low for made in both)  # no list of ints made for either
        holders.extend(made & mask for made in both)
    return values, holders


def near(root: Path, cache: Cache, against: Against, mine: list[tuple[str, Signature]], threshold: float,
         wanted: set[str]) -> list[tuple[str, Problem]] | None:
    """R015's findings on the run's records (`mine`) that are `wanted`, as a whole run's comparison of every record
    finds them (`similarity.check_all`), through the index of `against.tree`; None when there is none to trust.

    In a whole run, two records (a before b in path order) are measured when at least half of b's
    lowest values are values of a's that a is among the first POSTING_LIMIT records to hold; so a run's
    record is measured with the records holding its lowest values, counted the same way.
    """
    stream = cachefiles.opened(cache.folder, _INDEX)
    if stream is None:
        return None
    with stream:
        index = Index.read(stream, _key(cache))
        if index is None or (against.unwatched if against.unwatched is not None else unwatched(root, INNOVATIONS)):
            return None
        try:
            return _near(root, cache, index, against, mine, threshold, wanted)
        except (Damaged, IndexError):  # a block not as written, or a record number past the end: not the truth
            return None


def _near(root: Path, cache: Cache, index: Index, against: Against, mine: list[tuple[str, Signature]],
          threshold: float, wanted: set[str]) -> list[tuple[str, Problem]] | None:
    touched = against.touched
    if index.tree != against.tree:  # an index of another tree (main moved on since): what differs is read too
        try:
            moved = tree_changes(root, index.tree, against.tree)
        except OoiError:
            return None
        if len(moved) > _MOVED:
            return None
        touched = touched | {f"{INNOVATIONS}/{path}" for path in moved}
    run = dict(mine)
    gone = {number for rel in run.keys() | touched if (number := index.number(rel)) is not None}
    extra = dict(run)  # the records the index does not hold as they are now: made from their files
    for rel in (set(index.missing) | {rel for rel in touched if _shaped(rel)}) - run.keys():
        signed = _signed(Entry(str(root / rel), rel, "inovasi")) if os.path.lexists(root / rel) else None
        if signed:
            extra[rel] = signed
    asked = [(rel, signed) for rel, signed in mine if rel in wanted]
    return pairs(index, gone, extra, asked, threshold, lambda rels: _wholes(root, index, rels, cache))


def pairs(index: Index, gone: set[int], extra: dict[str, Signature], mine: list[tuple[str, Signature]],
          threshold: float, whole: Callable[[list[str]], dict[str, Signature | None]],
          ) -> list[tuple[str, Problem]] | None:
    """What `similarity.check_all` finds on `mine`'s records among the index's (less those `gone`) and `extra`'s
    (which hold `mine`'s); `whole(rels)`: index records' whole signatures, asked once for all the pairs to measure,
    in path order (None: not to be trusted)."""
    added: dict[int, list[str]] = {}
    for rel, signed in extra.items():
        for value in signed.lowest:
            added.setdefault(value, []).append(rel)

    paths: dict[int, str] = {}  # the index's paths met so far: a common value's thousands of holders, met again
    numbers: dict[str, int] = {}

    def named(number: int) -> str:
        rel = paths[number] = index.rels[number]
        numbers[rel] = number
        return rel

    def holders(value: int, rel: str) -> list[str]:
        """The records that, in a whole run, count `value` for a pair with `rel`: those before it among the first
        POSTING_LIMIT to hold it, and when `rel` is among those first, every later one."""
        held, at = index.holding(value), bisect_left(index.rels, rel)
        cut = bisect_left(held, at)
        more = sorted(added.get(value, ()))
        earlier = [paths[number] if number in paths else named(number)
                   for number in held[:cut][:POSTING_LIMIT + len(gone)] if number not in gone]
        earlier = sorted(earlier + [other for other in more if other < rel])
        place = cut - sum(1 for number in gone if number < at and _holds(held, number)) \
            + sum(1 for other in more if other < rel)
        if place >= POSTING_LIMIT:
            return earlier[:POSTING_LIMIT]
        later = [paths[number] if number in paths else named(number) for number in held[cut:] if number not in gone]
        return earlier + sorted(later + [other for other in more if other > rel])

    # how many lowest values, the name's hash: a record early among a common value's holders meets thousands,
    # and the same again for the next value and record
    known = {rel: (len(signed.lowest), signed.name) for rel, signed in extra.items()}

    def facts(rel: str) -> tuple[int, int]:
        found = known.get(rel)
        if found is None:
            number = numbers[rel] if rel in numbers else index.number(rel)
            assert number is not None, "a holder is the index's or extra's"
            found = known[rel] = index.sizes[number], index.names[number]
        return found

    measured: list[tuple[str, Signature, str]] = []  # (a record, its signature, another it is measured with)
    for rel, signed in sorted(mine):
        counts: Counter[str] = Counter()
        for value in signed.lowest:
            # before it, among the first to hold the value; after it, when it is among those first
            counts.update(holders(value, rel))
        for other, count in counts.items():
            first, later = sorted((other, rel))
            (_, first_name), (size, later_name) = facts(first), facts(later)
            if count * 2 < size or (first_name == later_name and _folder(first) == _folder(later)):
                continue
            measured.append((rel, signed, other))
    theirs: dict[str, Signature | None] = {**whole(sorted({other for _, _, other in measured} - extra.keys())), **extra}
    found: list[tuple[str, Problem]] = []
    for rel, signed, other in measured:
        their = theirs.get(other)  # not there: asked no more once one was None
        if their is None:
            return None  # the file no longer holds the tree's bytes: the index is not the truth
        similar = len(signed & their) / len(signed | their)
        if similar >= threshold:
            found.append((rel, similarity.near_copy(other, similar)))  # its words, as a whole run says it
    return found


def keep(root: Path, cache: Cache, against: Against, signed: list[tuple[str, object]], judged: set[str]) -> None:
    """After a whole comparison: the index of `against.tree` for the next check, from every record's signature
    (`signed`); the files `judged` in this run or touched since the tree may hold other bytes: left missing."""
    if unwatched(root, INNOVATIONS):
        return
    try:
        listing = tree_files(root, against.tree)
    except OoiError:
        return
    # path → (the run's own path, signature): a record's path held once, not again for each of 100,000 (~8 MB)
    known = {pair[0]: pair for pair in signed if isinstance(pair[1], Signature)}
    records: list[tuple[str, str, Signature]] = []
    missing: list[str] = []
    for mode, blob, inner in listing:
        rel = f"{INNOVATIONS}/{inner}"
        if mode not in ("100644", "100755"):
            return  # a link or a submodule: discovery follows what the tree does not list
        if not _shaped(rel):
            continue
        if rel in judged or rel in against.touched:
            missing.append(rel)
        elif rel in known:
            path, value = known[rel]
            records.append((path, blob, cast(Signature, value)))
    del known  # before the index is made (a whole run's peak)
    cachefiles.save(cache.folder, _INDEX, body(records, missing, _key(cache), against.tree), checked=False)


def keep_whole(root: Path, cache: Cache, results: list[FileResult]) -> None:
    """After a whole run in git (main's CI): the index of HEAD's tree, of the signatures of `results`, unless the
    cache holds it already.

    The run is done with the signatures: of each, the index keeps its lowest values alone, and the result lets the
    whole one go as that is taken (~30 MiB less at 100,000 records while the index is made).
    """
    if cache.root is None or cache.root != root:  # git not asked (--no-git), or a past tree laid out elsewhere
        return
    try:
        tree = merge_tree(root, "HEAD", INNOVATIONS)
        if tree is None or _kept_for(cache, tree):
            return
        changes = changed(root, "HEAD", kept=cache.folder)
    except OoiError:
        return
    signed: list[tuple[str, object]] = []
    for result in results:
        if result.signature is not None:
            value, result.signature = result.signature, None
            signed.append((result.path, value.bottom() if isinstance(value, Signature) else value))
    keep(root, cache, Against(tree, changes.present | changes.deleted), signed, set())


def _kept_for(cache: Cache, tree: str) -> bool:
    """Does the index's first line name this tree? (Only to spare making it again: a check trusts what it reads of it
    block by block.)"""
    stream = cachefiles.opened(cache.folder, _INDEX)
    if stream is None:
        return False
    with stream:
        try:
            head = stream.read(4096).split(b"\n")[0]
        except OSError:
            return False
        return head.startswith(json.dumps([_key(cache), tree]).encode("ascii")[:-1])


def _key(cache: Cache) -> str:
    return f"{FORMAT}:{cache.salt}:{sys.byteorder}"


def _shaped(rel: str) -> bool:
    """Is `rel` where discovery finds an innovation file (data/inovasi/<folder>/<name>.yaml, neither hidden)?"""
    parts = rel.split("/")
    return (len(parts) == 4 and rel.startswith(INNOVATIONS + "/") and rel.endswith(SUFFIX)
            and not parts[2].startswith(".") and not parts[3].startswith(".") and shown(parts[2]) == parts[2]
            and shown(parts[3]) == parts[3])


def _holds(held: array[int], number: int) -> bool:
    at = bisect_left(held, number)
    return at < len(held) and held[at] == number


def _folder(rel: str) -> str:
    return rel.rsplit("/", 1)[0]


def _wholes(root: Path, index: Index, rels: list[str], cache: Cache) -> dict[str, Signature | None]:
    """The whole signatures of records of the index (in path order), each when its file holds the tree's bytes
    (else None, and no more asked): as its folder's pack keeps it for those bytes, else made from the file.

    A check of 20 agencies at 100,000 records measures ~18,000 pairs: a pack is read in a sixth of a file's
    parse, once for its folder's records, and let go after them (all of them held: ~900 MiB).
    """
    found: dict[str, Signature | None] = {}
    folder, pack = "", None
    for rel in rels:
        number = index.number(rel)
        try:
            raw = read(str(root / rel))
        except Refused:
            raw = None
        if raw is None or number is None or blob_id(raw) != index.blob(number):
            found[rel] = None
            return found
        if pack is None or folder_of(rel) != folder:  # a folder's unit (a part of a huge one is named otherwise)
            folder = folder_of(rel)
            pack = cache.pack(folder)
        kept = pack.signature(rel, index.blob(number))
        found[rel] = kept[0] if kept is not None and kept[0] is not None else _signed_bytes(raw)
    return found
