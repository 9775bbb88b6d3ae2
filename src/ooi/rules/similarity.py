"""R015 inovasi mirip: two innovations whose texts are nearly the same, in one agency or across agencies."""

from __future__ import annotations

import string
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ooi.i18n import tr
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.text_safety import fold, folded

CODE = "R015"
RECORDS = ()  # nothing to judge in one record: the engine hands every record's signature to `check_all`
FIELDS = ("nama", "latar_belakang", "rancang_bangun", "tujuan", "manfaat")
SAMPLE = 4  # keep one shingle in four (by hash): a fair sample of the text, a quarter of the work
BOTTOM = 8  # the lowest values of a sample that go into the index
POSTING_LIMIT = 32  # a value in more records than this is a common phrase; copies share rarer ones too
_SPACE = str.maketrans({c: " " for c in string.punctuation + "–—“”‘’…«»"})


VALUE = "i"  # a value packed as a 4-byte int: the top half of a shingle's hash (`value`)
WIDTH = array(VALUE).itemsize


class Signature(bytes):
    """A sample of a record's three-word shingles, as ints the same in every process (crc32 of each word).

    One bytes object (~0.25 KB): its name's hash in 8 bytes, then its values in order as 4-byte ints. Every
    record of a run keeps one until R015 has compared them all, and a history one per file across its points:
    an object holding the packed values and an int took ~60 B more, 8-byte values ~0.2 KB more, and a
    frozenset of ints ~4 KB (100,000 records: ~400 MB).
    Iterating gives the values in order; `&` and `|` give sets, for the few pairs measured.
    """

    __slots__ = ()

    def __new__(cls, values=(), name: int = 0) -> Signature:
        return cls.of(array(VALUE, sorted(values)).tobytes(), name)  # sorted once, in the worker that signs

    @classmethod
    def of(cls, packed: bytes, name: int) -> Signature:
        """The signature of values already packed in order, and its name's hash."""
        return bytes.__new__(cls, name.to_bytes(_NAME, "little", signed=True) + packed)

    @property
    def name(self) -> int:
        """The hash of its name alone, whole."""
        return int.from_bytes(self[:_NAME], "little", signed=True)

    @property
    def packed(self) -> bytes:
        """Its values, packed."""
        return self[_NAME:]

    def values(self) -> array:
        found = array(VALUE)
        found.frombytes(memoryview(self)[_NAME:])
        return found

    @property
    def lowest(self) -> array:
        """Its BOTTOM lowest values, what the index holds: the first ones, kept in order."""
        found = array(VALUE)
        found.frombytes(memoryview(self)[_NAME:_NAME + BOTTOM * WIDTH])
        return found

    def bottom(self) -> Signature:
        """The signature of its lowest values alone (`lowest`, its name's hash): what R015's index keeps of it."""
        return _whole(self[:_NAME + BOTTOM * WIDTH])

    def __iter__(self):
        return iter(self.values())

    def __len__(self) -> int:
        return (bytes.__len__(self) - _NAME) // WIDTH

    def __and__(self, other: Signature) -> set[int]:
        return set(self.values()).intersection(other.values())

    def __or__(self, other: Signature) -> set[int]:
        return set(self.values()).union(other.values())

    def __reduce__(self):
        return _whole, (bytes(self),)


_NAME = 8  # the bytes of a signature's name hash


def _whole(kept: bytes) -> Signature:
    return bytes.__new__(Signature, kept)


class _Words(dict):
    """word → crc32, each distinct word hashed once per process (a str's own hash is salted per process)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        return value


_WORDS = _Words()


def signature(record: Innovation) -> Signature:
    # Folded as a reader sees the text (as R007 folds names): a Cyrillic `а` for every `a`, or a zero-width
    # space after each word, makes no other text.
    words = folded(" ".join(getattr(record, key) or "" for key in FIELDS)).translate(_SPACE).split()
    if len(_WORDS) > 1 << 20:  # a hostile corpus of made-up words must not grow it without end
        _WORDS.clear()
    ids = list(map(_WORDS.__getitem__, words))
    # An int tuple's hash is not salted per process (unlike a str's), so workers agree.
    sampled = {value(h) for h in map(hash, zip(ids, ids[1:], ids[2:])) if not h % SAMPLE}
    # The name always counts, whole: the same texts under another name are alike, yet not the same file.
    name = hash(tuple(map(_WORDS.__getitem__, fold(record.nama).split())))
    sampled.add(value(name))
    return Signature(sampled, name)


def value(hashed: int) -> int:
    """What a signature keeps of a hash: its top 32 bits, in the hashes' order (so the same lowest values), in half
    the bytes of a 64-bit hash; that two of a pair's ~50 values agree there by chance is under 1 in a million."""
    return hashed >> _SHIFT


_SHIFT = sys.hash_info.width - 32  # 32 where a hash has 64 bits; a 32-bit Python's hashes are kept whole


def check(record, context: Context) -> Iterator[Problem]:
    return iter(())


def check_all(records: Iterable[tuple[str, object]], context: Context) -> Iterator[tuple[str, Problem]]:
    """Near-duplicate pairs through an inverted index of each record's lowest shingle values: linear, not pairwise.

    Two samples that are 80% the same share most of their lowest values too, so indexing
    only the BOTTOM lowest finds the candidates; each candidate is then measured in full.
    """
    items = _Pairs()
    for path, signed in records:
        if isinstance(signed, Signature) and signed:
            items.paths.append(path)
            items.signed.append(signed)
    yield from _pairs(items, context.settings.kemiripan_maks)


class _Pairs(Sequence[tuple[str, Signature]]):
    """(path, signature) pairs kept as two lists: 16 bytes a record, not a tuple of 64 each (100,000: ~5 MiB less
    while R015 compares); a pair is made when asked."""

    __slots__ = ("paths", "signed")

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.signed: list[Signature] = []

    def __len__(self) -> int:
        return len(self.paths)

    def __iter__(self) -> Iterator[tuple[str, Signature]]:
        return zip(self.paths, self.signed)

    def __getitem__(self, at):  # type: ignore[override]  # an index only: R015 asks for one candidate at a time
        return self.paths[at], self.signed[at]


def _pairs(items: Sequence[tuple[str, Signature]], threshold: float) -> Iterator[tuple[str, Problem]]:
    # value → the records that have it: one record's number alone (most values: a list each was ~90 bytes, 70 MB
    # of the peak at 100,000 records), a list once a second one has it.
    index: dict[int, int | list[int]] = {}
    for number, (path, sig) in enumerate(items):
        lowest = sig.lowest
        shared: Counter[int] = Counter()  # how many of its lowest values each earlier record has
        for value in lowest:
            posting = index.get(value)
            if posting is None:
                index[value] = number
            elif type(posting) is int:
                shared[posting] += 1
                index[value] = [posting, number]
            else:
                shared.update(posting)
                if len(posting) < POSTING_LIMIT:  # later records still meet the first ones: bounded work each
                    posting.append(number)
        for other, count in shared.items():
            # At 80% alike, about 6 of the 8 lowest values of one are in the other; fewer than half: not alike.
            if count * 2 < len(lowest):
                continue
            theirs = items[other][1]
            if theirs.name == sig.name and _folder(items[other][0]) == _folder(path):
                continue  # one name twice in one agency: R007 says so already, as an error
            similar = len(sig & theirs) / len(sig | theirs)
            if similar >= threshold:
                yield path, near_copy(items[other][0], similar)
                yield items[other][0], near_copy(path, similar)


def _folder(path: str) -> str:
    return path.rsplit("/", 1)[0]


def near_copy(other: str, similar: float) -> Problem:
    """R015's finding on a record whose texts are `similar` (0–1) to `other`'s (a whole run, the PR check)."""
    percent = f"{similar * 100:.0f}%"
    return Problem(("nama",), tr("isi inovasi ini {p} sama dengan {o}", "this innovation's texts are {p} the same "
                                 "as {o}", p=percent, o=other),
                   tr("bila inovasinya sama, laporkan sekali saja oleh OPD pemiliknya; bila berbeda, uraikan "
                      "perbedaannya di `latar_belakang` dan `rancang_bangun`", "if it is the same innovation, file it "
                      "once, by the agency that owns it; if not, describe what differs in `latar_belakang` and "
                      "`rancang_bangun`"), CODE, Severity.WARNING, related=other)
