"""A file of sections read a 4 KiB block at a time, each block trusted only once its digest is the one written."""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from collections.abc import Callable
from typing import BinaryIO

BLOCK = 4096  # a check of one file reads a few dozen of them, of an index of 19 MB
MANY = 4096  # items of a section asked for one by one, beyond which it is read whole (a check of many records)


class Damaged(Exception):
    """A block is not what was written: the file is not the truth."""


class Blocks:
    """A file's body, read a block at a time, each trusted once its digest is the table's (else `Damaged`)."""

    def __init__(self, fetch: Callable[[int, int], bytes], size: int, digests: bytes) -> None:
        self.fetch, self.size, self.digests = fetch, size, digests
        self.checked: dict[int, bytes] = {}

    def get(self, start: int, end: int) -> bytes:
        if not 0 <= start <= end <= self.size:
            raise Damaged
        if start == end:
            return b""
        first = start // BLOCK
        held = b"".join(self._block(number) for number in range(first, (end - 1) // BLOCK + 1))
        return held[start - first * BLOCK:end - first * BLOCK]

    def text(self, start: int, end: int) -> str:
        try:
            return self.get(start, end).decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            raise Damaged from None

    def _block(self, number: int) -> bytes:
        found = self.checked.get(number)
        if found is None:
            found = self.fetch(number * BLOCK, min(BLOCK, self.size - number * BLOCK))
            if _digest(found) != self.digests[number * 8:number * 8 + 8]:
                raise Damaged
            self.checked[number] = found
        return found


class Column:
    """A section of ints of one kind (array's), each read when asked for (or, once many were, the whole section)."""

    def __init__(self, blocks: Blocks, start: int, count: int, kind: str) -> None:
        self.blocks, self.start, self.count, self.kind = blocks, start, count, kind
        self.width = array(kind).itemsize
        self.asked, self.whole = 0, array(kind)

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, at: int) -> int:
        if self.whole:
            return self.whole[at]
        if not 0 <= at < self.count:
            raise IndexError(at)
        self.asked += 1
        if self.asked > MANY:
            self.whole = self.part(0, self.count)
        return self.part(at, at + 1)[0]

    def part(self, start: int, end: int) -> array[int]:
        found = array(self.kind)
        found.frombytes(self.blocks.get(self.start + start * self.width, self.start + end * self.width))
        return found


class Texts:
    """A section of texts, in order: each read from its section where the ends column says it lies."""

    def __init__(self, blocks: Blocks, start: int, size: int, ends: Column) -> None:
        self.blocks, self.start, self.size, self.ends = blocks, start, size, ends
        self.known: dict[int, str] = {}  # a check asks for the same few again and again (each bisect too)
        self.whole: list[str] = []

    def __len__(self) -> int:
        return len(self.ends) - 1

    def __getitem__(self, at: int) -> str:
        if self.whole:
            return self.whole[at]
        found = self.known.get(at)
        if found is not None:
            return found
        if not 0 <= at < len(self):
            raise IndexError(at)
        if len(self.known) >= MANY:
            self.whole = self._all()
            return self.whole[at]
        begin, end = self.ends.part(at, at + 2)
        if not 0 <= begin <= end <= self.size:
            raise Damaged
        found = self.known[at] = self.blocks.text(self.start + begin, self.start + end)
        return found

    def _all(self) -> list[str]:
        ends = self.ends.part(0, len(self.ends))
        if ends[0] != 0 or ends[-1] != self.size or any(begin > end for begin, end in zip(ends, ends[1:])):
            raise Damaged
        text = self.blocks.get(self.start, self.start + self.size)
        try:
            return [text[begin:end].decode("utf-8", "surrogatepass") for begin, end in zip(ends, ends[1:])]
        except UnicodeDecodeError:
            raise Damaged from None


def framed(head: list[object], body: list[bytes]) -> list[bytes]:
    """A file of `body` (its pieces, in order), as pieces written one after another (no copy of the whole): its head
    (a JSON line, the block size added), the digest of the head and of the blocks' digests, those digests, then the
    body."""
    digests, carried = [], b""
    for piece in body:
        view, at = memoryview(piece), 0
        if carried:  # a block begun in the pieces before
            at = BLOCK - len(carried)
            carried += view[:at]
            if len(carried) < BLOCK:
                continue
            digests.append(_digest(carried))
        whole = at + (len(view) - at) // BLOCK * BLOCK
        digests += [_digest(view[start:start + BLOCK]) for start in range(at, whole, BLOCK)]
        carried = bytes(view[whole:])
    if carried:
        digests.append(_digest(carried))
    table = b"".join(digests)
    line = json.dumps([*head, BLOCK]).encode("ascii")
    return [line, b"\n", _digest(line + table, 16), table, *body]


def opened(source: bytes | BinaryIO, sized: Callable[[list[object]], int | None]) -> tuple[list[object], Blocks] | None:
    """The head `framed` wrote and the body's blocks, when `sized(head)` (the body's size the head promises; None:
    not a head wanted) and the digest of the head and table agree; None otherwise. Only those are read here; a bad
    head raises ValueError or TypeError."""
    fetch = _fetcher(source)
    line = fetch(0, 4096).partition(b"\n")[0]
    *head, block = json.loads(line)
    size = sized(head) if block == BLOCK else None
    if size is None:
        return None
    at = len(line) + 1
    table = fetch(at, 16 + 8 * -(-size // BLOCK))
    if table[:16] != _digest(line + table[16:], 16) or _size(source) != at + len(table) + size:
        return None
    start = at + len(table)
    return head, Blocks(lambda offset, length: fetch(start + offset, length), size, table[16:])


def _digest(raw: bytes | memoryview, size: int = 8) -> bytes:
    return hashlib.blake2b(raw, digest_size=size).digest()


def _fetcher(source: bytes | BinaryIO) -> Callable[[int, int], bytes]:
    """(offset, length) → those bytes of a file held in memory or open."""
    if isinstance(source, bytes):
        return lambda offset, length: source[offset:offset + length]

    def fetched(offset: int, length: int) -> bytes:
        source.seek(offset)
        return source.read(length)
    return fetched


def _size(source: bytes | BinaryIO) -> int:
    return len(source) if isinstance(source, bytes) else os.fstat(source.fileno()).st_size
