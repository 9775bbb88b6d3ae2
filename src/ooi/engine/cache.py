"""Judgements kept between runs (like ruff's cache): a file's findings and cross-file facts, keyed by its content.

A judgement is trusted only when the key stored with it is the key of the file now: its path,
its git blob id (from the index, or its bytes hashed), the run's salt (settings, registry,
CODEOWNERS: the memo's), what the code and facts are (`_code`), the IID export and the filed
date (R014); not the language: findings hold catalogue messages, rendered when written. A
judgement made for another as-of date serves only when no date the record mentions lies
between (`memo.still`, as a history's memo does). Packs that are damaged, foreign or
half-written are ignored (`cachefiles.load` checks their checksum).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import ooi
from ooi.engine.cache_entries import (
    FORMAT,
    Texts,
    Unkept,
    decode,
    encode,
    entries,
    key_part,
    plain_str,
    signature_of,
    summary_of,
)
from ooi.engine.memo import Judgement, Key, cites_file, pivots, still
from ooi.engine.parts import Part
from ooi.engine.result import FileResult
from ooi.input import cachefiles
from ooi.input.discovery import Entry
from ooi.input.git import Settled, blob_id, index_blobs, settled_blobs
from ooi.model.findings import Problem, Severity
from ooi.model.summary import Summary
from ooi.rules.similarity import Signature
_LAST = "last-run"  # the salt of the last run: is this one warm?
_OUTCOMES = 4  # R015 outcomes kept: the whole run's, and a few runs over some files (each compared other inputs)


@dataclass(frozen=True)
class Cache:
    """Where the packs are, what every key of this run adds, and the blob ids known from git's index."""

    folder: Path
    salt: str  # the code, facts and options a judgement depends on (the memo's salt is added per key)
    root: Path | None = None  # the data root whose git index gives blob ids (None: none are known)
    settled: Settled | None = None  # what this run's `git status` vouched for: blob ids without the index
    shared: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)  # see `Texts`

    @classmethod
    def of(cls, root: Path, iid_export: bool = False, git: bool = True) -> Cache:
        """The cache of data root `root` (for any language: findings hold catalogue messages, rendered when written);
        `git`: blob ids from git's index."""
        salt = hashlib.blake2b(f"{FORMAT}\0{_code()}\0{iid_export}".encode(), digest_size=16)
        return cls(cachefiles.folder_of(root), salt.hexdigest(), root if git else None)

    @cached_property
    def blobs(self) -> dict[str, str]:
        """Path → git blob id of every data file whose bytes are the index's (asked once, when first needed)."""
        return index_blobs(self.root) if self.root is not None else {}

    def let_go(self) -> None:
        """Forget `blobs` (asked again when needed): a whole run needs them only while it judges (100,000 paths
        and ids: ~23 MB while R015 compares and its index is made)."""
        self.__dict__.pop("blobs", None)

    def blobs_under(self, folders: list[str]) -> dict[str, str]:
        """`blobs`, of the files under `folders` only: a run over a few files does not list 100,000."""
        if "blobs" in self.__dict__ or self.root is None:
            return self.blobs
        if self.settled is not None:
            return settled_blobs(self.root, folders, self.settled)
        return index_blobs(self.root, folders)

    def blob_of(self, rel: str, reader: Callable[[], bytes]) -> tuple[str, bytes | None]:
        """The git blob id of a file: known from the index, else computed from its bytes (`reader()`, returned too)."""
        known = self.blobs.get(rel)
        if known is not None:
            return known, None
        raw = reader()
        return blob_id(raw), raw

    def once(self, name: str, inputs: str, compute: Callable[[], list[tuple[str, Problem]]],
             ) -> list[tuple[str, Problem]]:
        """What a comparison across files (`name`: R015) found for the same `inputs` (a digest of everything it
        compares) in an earlier run, or `compute()`.

        So one changed record compares again; the last `_OUTCOMES` are kept, so a run over a few files does not
        push out the whole run's.
        """
        digest = hashlib.blake2b(f"{self.salt}\0{name}\0{inputs}".encode(), digest_size=16)
        key, pack = digest.hexdigest(), cachefiles.pack_name(f"across\0{name}")
        kept: list[Any] = []
        try:
            version, kept = json.loads(cachefiles.load(self.folder, pack) or b"[1, []]")
            if version != FORMAT or type(kept) is not list:
                kept = []
            for outcome in kept:
                if outcome[0] == key:
                    texts = Texts(self.shared, outcome[2])
                    return [(plain_str(path), Problem(tuple(map(key_part, keys)), texts.read(message),
                                                      texts.read(hint), plain_str(code),
                                                      Severity(severity) if severity is not None else None,
                                                      plain_str(related)))
                            for path, keys, message, hint, code, severity, related in outcome[1]]
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            kept = []
        found = compute()
        texts = Texts(self.shared, [])
        try:
            outcome = [key, [[path, texts.plain(list(p.keys)), texts.plain(p.message), texts.plain(p.hint),
                              texts.plain(p.code), p.severity.value if p.severity is not None else None,
                              texts.plain(p.related)] for path, p in found], texts.table]
        except Unkept:
            return found
        body = [FORMAT, [outcome, *kept[:_OUTCOMES - 1]]]  # the newest first; a damaged one was dropped above
        cachefiles.save(self.folder, pack, json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii"))
        return found

    def pack(self, unit: str, summaries: bool = False) -> Pack:
        """The judgements kept for one unit of work, by its name (`unit_name`); `summaries`: a hit gives the
        record's summary too (`Pack.summary`, what `ooi status` keeps of it)."""
        return Pack(self, cachefiles.pack_name(unit), summaries)

    def warm(self, salt: bytes | None, total: int, known: int) -> bool:
        """Will most of a run's `total` files be found? When the last run had the same salt and the blob ids of most
        files are `known` without reading them (from git's index, or a past tree's): their judgements are then read
        in one process faster than workers send them back."""
        last = cachefiles.load(self.folder, _LAST)
        return last == self._last(salt) and known > total // 2

    def ran(self, salt: bytes | None) -> None:
        """Note the salt of the run that just wrote its judgements (for `warm`)."""
        if cachefiles.load(self.folder, _LAST) != self._last(salt):
            cachefiles.save(self.folder, _LAST, self._last(salt))

    def _last(self, salt: bytes | None) -> bytes:
        return f"{salt.hex() if salt else ''}\0{self.salt}".encode("ascii")

    @staticmethod
    def unit_name(unit: Part | tuple[Entry | None, list[Entry]]) -> str:
        """An agency's folder; for a part of a huge folder, its first file too."""
        return unit.entries[0].rel if isinstance(unit, Part) else unit[1][0].folder


class Pack:
    """One unit's judgements as read, and as they will be written back: what `_judge` asks like a memo."""

    def __init__(self, cache: Cache, name: str, summaries: bool = False) -> None:
        self.cache, self.name, self.summaries = cache, name, summaries
        self.summary: dict[str, Summary | None] = {}  # path → the summary a hit holds (asked with `summaries`)
        self.kept, table = entries(cachefiles.load(cache.folder, name))
        self.texts = Texts(cache.shared, table)  # its messages' texts, numbered (appended to)
        self.fresh: dict[str, list[Any]] = {}
        self.changed = False

    def get(self, key: Key | None, today: date) -> Judgement | None:
        entry = self.kept.get(key[0]) if key is not None else None
        try:
            if key is None or entry is None or entry[0] != self._key(key):
                return None
            judged = decode(entry, key[0], self.texts)
            if self.summaries:
                self.summary[key[0]] = summary_of(entry[7]) if entry[7] is not None else None
        except (Unkept, TypeError, ValueError, KeyError, IndexError, AttributeError):  # a foreign shape: judged anew
            return None
        if not still(judged, today):
            return None
        self.fresh[key[0]] = entry
        return judged

    def put(self, key: Key | None, today: date, result: FileResult, data: object) -> None:
        self.changed = True
        if key is None or result.kind != "inovasi" or cites_file(data):
            return
        try:
            self.fresh[key[0]] = encode(self._key(key), today, pivots(data), result, self.texts)
        except Unkept:
            pass

    def signature(self, rel: str, blob: str) -> tuple[Signature | None] | None:
        """The signature judged for `rel` of blob id `blob` by this code (R015's only inputs: not settings or dates)."""
        entry = self.kept.get(rel)
        try:
            if entry is None or entry[0][:2] != [rel, blob] or entry[0][3] != self.cache.salt:
                return None
            return (signature_of(entry[5]) if entry[5] is not None else None,)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            return None

    def save(self) -> None:
        """Write the pack when a file was judged anew or one it held is gone (its stale judgements go with it)."""
        if self.changed or self.fresh.keys() != self.kept.keys():
            body = json.dumps([FORMAT, list(self.fresh.values()), self.texts.table], ensure_ascii=True,
                              separators=(",", ":"))
            cachefiles.save(self.cache.folder, self.name, body.encode("ascii"))

    def _key(self, key: Key) -> list[Any]:
        rel, blob, salt, filed = key
        if filed and not isinstance(filed, date):
            raise Unkept
        return [rel, blob, salt.hex() if salt else "", self.cache.salt, filed.isoformat() if filed else None]


@cache
def _code() -> str:
    """What ooi's judging is made of: its version, every module and fact file it ships, Python's and its parsers'.

    The files' bytes, not the version alone: a change to a rule between releases judges again.
    """
    digest = hashlib.blake2b(f"{ooi.__version__}\0{sys.version}".encode(), digest_size=16)
    for module in ("pydantic_core", "yaml"):
        loaded = sys.modules.get(module)
        digest.update(f"{module}={getattr(loaded, '__version__', '')}\0".encode())
    package = Path(ooi.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(package).as_posix()}\0".encode("utf-8", "surrogatepass"))
            digest.update(path.read_bytes())
    return digest.hexdigest()
