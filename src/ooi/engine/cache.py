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

import base64
import hashlib
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, cast

import ooi
from ooi.i18n import Message
from ooi.engine.memo import Judgement, Key, cites_file, pivots, still
from ooi.engine.parts import Part
from ooi.engine.result import FileResult, Named
from ooi.input.discovery import Entry
from ooi.input import cachefiles
from ooi.input.git import blob_id, index_blobs
from ooi.model.findings import Finding, Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.similarity import Signature

FORMAT = 1  # what a pack holds and how: a pack of another format is never read
_LAST = "last-run"  # the salt of the last run: is this one warm?


@dataclass(frozen=True)
class Cache:
    """Where the packs are, what every key of this run adds, and the blob ids known from git's index."""

    folder: Path
    salt: str  # the code, facts, language and options a judgement depends on (the memo's salt is added per key)
    blobs: dict[str, str] = field(default_factory=dict)
    shared: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)  # see `_Texts`

    @classmethod
    def of(cls, root: Path, iid_export: bool = False, git: bool = True) -> Cache:
        """The cache of data root `root` (for any language: findings hold catalogue messages, rendered when written);
        `git`: blob ids from git's index."""
        salt = hashlib.blake2b(f"{FORMAT}\0{_code()}\0{iid_export}".encode(), digest_size=16)
        return cls(cachefiles.folder_of(root), salt.hexdigest(), index_blobs(root) if git else {})

    def blob_of(self, rel: str, reader: Any) -> tuple[str, bytes | None]:
        """The git blob id of a file: known from the index, else computed from its bytes (`reader()`, returned too)."""
        known = self.blobs.get(rel)
        if known is not None:
            return known, None
        raw = reader()
        return blob_id(raw), raw

    def once(self, name: str, inputs: object, compute: Callable[[], list[tuple[str, Problem]]],
             ) -> list[tuple[str, Problem]]:
        """What a comparison across files (`name`: R015) found for the same `inputs` in an earlier run, or `compute()`.

        The outcome is kept with a digest of everything compared, so one changed record compares again.
        """
        digest = hashlib.blake2b(f"{self.salt}\0{name}\0".encode(), digest_size=16)
        _digest(inputs, digest)
        key, pack = digest.hexdigest(), cachefiles.pack_name(f"across\0{name}")
        try:
            version, kept, found, table = json.loads(cachefiles.load(self.folder, pack) or b"[]")
            if version == FORMAT and kept == key:
                texts = _Texts(self.shared, table)
                return [(_str(path), Problem(tuple(map(_key_part, keys)), texts.read(message), texts.read(hint),
                                             _str(code), Severity(severity) if severity is not None else None,
                                             _str(related)))
                        for path, keys, message, hint, code, severity, related in found]
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            pass
        found = compute()
        texts = _Texts(self.shared, [])
        try:
            body = [FORMAT, key, [[path, texts.plain(list(p.keys)), texts.plain(p.message), texts.plain(p.hint),
                                   texts.plain(p.code), p.severity.value if p.severity is not None else None,
                                   texts.plain(p.related)] for path, p in found], texts.table]
        except _Unkept:
            return found
        cachefiles.save(self.folder, pack, json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii"))
        return found

    def pack(self, unit: str) -> Pack:
        """The judgements kept for one unit of work, by its name (`unit_name`)."""
        return Pack(self, cachefiles.pack_name(unit))

    def warm(self, salt: bytes | None, total: int) -> bool:
        """Will most of a run's `total` files be found? When the last run had the same salt and git's index
        vouches for most files (its judgements are then read in one process faster than workers send them back)."""
        last = cachefiles.load(self.folder, _LAST)
        return last == self._last(salt) and len(self.blobs) > total // 2

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

    def __init__(self, cache: Cache, name: str) -> None:
        self.cache, self.name = cache, name
        self.kept, table = _entries(cachefiles.load(cache.folder, name))
        self.texts = _Texts(cache.shared, table)  # its messages' texts, numbered (appended to)
        self.fresh: dict[str, list[Any]] = {}
        self.changed = False

    def get(self, key: Key | None, today: date) -> Judgement | None:
        entry = self.kept.get(key[0]) if key is not None else None
        try:
            if key is None or entry is None or entry[0] != self._key(key):
                return None
            judged = _decode(entry, key[0], self.texts)
        except (_Unkept, TypeError, ValueError, KeyError, IndexError, AttributeError):  # a foreign shape: judged anew
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
            self.fresh[key[0]] = _encode(self._key(key), today, pivots(data), result, self.texts)
        except _Unkept:
            pass

    def signature(self, rel: str, blob: str) -> tuple[Signature | None] | None:
        """The signature judged for `rel` of blob id `blob` by this code (R015's only inputs: not settings or dates)."""
        entry = self.kept.get(rel)
        try:
            if entry is None or entry[0][:2] != [rel, blob] or entry[0][3] != self.cache.salt:
                return None
            return (_signature(entry[5]) if entry[5] is not None else None,)
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
            raise _Unkept
        return [rel, blob, salt.hex() if salt else "", self.cache.salt, filed.isoformat() if filed else None]


class _Unkept(Exception):
    """A value the pack's JSON would not give back exactly: that file is judged again next time."""


def _entries(body: bytes | None) -> tuple[dict[str, list[Any]], list[str]]:
    """path → entry of a pack's body, and its table of texts; nothing when it is not a pack of this format."""
    if body is None:
        return {}, []
    try:
        version, entries, table = json.loads(body)
        if version != FORMAT or type(table) is not list or any(type(text) is not str for text in table):
            return {}, []
        return {entry[0][0]: entry for entry in entries if type(entry) is list}, table
    except (ValueError, TypeError, IndexError, KeyError, RecursionError):
        return {}, []


def _encode(key: list[Any], today: date, turns: tuple[date, ...], result: FileResult, texts: _Texts) -> list[Any]:
    record = result.record
    named = [record.opd, record.nama] if isinstance(record, Innovation) else None
    signature = result.signature
    signed = [base64.b64encode(signature.packed).decode("ascii"), signature.name] if signature is not None else None
    places = {name: list(place) for name, place in result.places.items()} if result.places is not None else None
    return [key, today.isoformat(), [turn.isoformat() for turn in turns],
            [_finding(finding, texts) for finding in result.findings], texts.plain(named), signed, places]


def _finding(finding: Finding, texts: _Texts) -> list[Any]:
    if finding.waived_by:
        raise _Unkept
    plain = texts.plain
    return [finding.line, finding.column, finding.code, finding.severity.value, plain(finding.field),
            plain(finding.message), plain(finding.hint), plain(list(finding.keys)), plain(finding.related)]


class _Texts:
    """A pack's values as JSON gives them back exactly: texts, numbers, None, lists of them, a date as {d: ISO},
    and a catalogue Message as {i, e: its id and English, numbered in the pack's `table`; v: its values}
    (rendered when written, in the language of the output). Read back, texts and messages without values are
    made once per run (`shared`): 60,000 findings repeat a few hundred, as a run that judges them shares its
    code's constants."""

    def __init__(self, shared: dict[object, Any], table: list[str]) -> None:
        self.shared, self.table = shared, table
        self.numbers = {text: number for number, text in enumerate(table)}

    def plain(self, value: object) -> object:
        """`value` as the pack writes it; _Unkept when JSON would not give it back as it is."""
        kind = type(value)
        if kind is list:
            return [self.plain(item) for item in cast("list[object]", value)]
        if kind is str or kind is int or kind is float or kind is bool or value is None:
            return value
        if kind is date:
            return {"d": cast(date, value).isoformat()}
        if kind is Message:
            message = cast(Message, value)
            return {"i": self._number(message.id), "e": self._number(message.en),
                    "v": {name: self.plain(item) for name, item in message.values.items()}}
        raise _Unkept

    def _number(self, text: str) -> int:
        number = self.numbers.get(text)
        if number is None:
            number = self.numbers[text] = len(self.table)
            self.table.append(text)
        return number

    def value(self, value: object) -> object:
        """What `plain` wrote, made again."""
        kind = type(value)
        if kind is str:
            return self.shared.setdefault(value, value)
        if kind is dict:
            return self._message(cast("dict[str, object]", value))
        if kind is list:
            return [item if type(item) not in _MADE else self.value(item) for item in cast("list[object]", value)]
        return value

    def read(self, value: object) -> str:
        """A finding's text as `plain` wrote it: a str, or a Message."""
        if type(value) is str:
            return cast(str, self.shared.setdefault(value, value))
        made = self.value(value)
        if not isinstance(made, str):
            raise TypeError("not a text")
        return made

    def _message(self, made: dict[str, object]) -> object:
        if "d" in made:
            return date.fromisoformat(_str(made["d"]))
        id_number, en_number, values = made["i"], made["e"], made["v"]
        if type(id_number) is not int or type(en_number) is not int or type(values) is not dict:
            raise TypeError("not a message")
        id_text, en_text = self.table[id_number], self.table[en_number]
        if not values:
            found: Message | None = self.shared.get((id_text, en_text))
            if found is None:
                found = self.shared[id_text, en_text] = Message(id_text, en_text)
            return found
        shared = self.shared
        return Message(shared.setdefault(id_text, id_text), shared.setdefault(en_text, en_text),
                       {name: item if type(item) not in _MADE else self.value(item)
                        for name, item in cast("dict[str, object]", values).items()})


_MADE = (dict, list)  # what `_Texts.value` makes again; anything else JSON gives back as it was written


def _decode(entry: list[Any], rel: str, texts: _Texts) -> Judgement:
    _, made, turns, listed, named, signed, places = entry
    findings = []
    for line, column, code, severity, name, message, hint, keys, related in listed:
        if type(line) is not int or type(column) is not int or type(keys) is not list:
            raise TypeError("not a place")
        findings.append(Finding(rel, line, column, texts.read(code), _SEVERITY[severity], texts.read(name),
                                texts.read(message), texts.read(hint), keys=tuple(map(_key_part, keys)),
                                related=_str(related)))
    # The record is its name (what R007 compares); the data is not kept: a hit is never read again.
    return Judgement(
        date.fromisoformat(made), tuple(map(date.fromisoformat, turns)), tuple(findings),
        Named(_str(named[0]), _str(named[1])) if named is not None else None, None,
        _signature(signed) if signed is not None else None,
        {_str(name): (int(place[0]), int(place[1])) for name, place in places.items()} if places is not None else None)


_SEVERITY = {severity.value: severity for severity in Severity}


def _str(value: object) -> str:
    if type(value) is not str:
        raise TypeError("not a text")
    return value


def _key_part(value: object) -> str | int:
    if type(value) is not str and type(value) is not int:
        raise TypeError("not a key")
    return value


def _signature(signed: list[Any]) -> Signature:
    packed = base64.b64decode(_str(signed[0]), validate=True)
    if len(packed) % 8 or type(signed[1]) is not int:
        raise ValueError("not a signature")
    found = Signature.__new__(Signature)
    found.packed, found.name = packed, signed[1]
    return found


def _digest(value: object, digest: Any) -> None:
    """Feed `value` (texts, numbers, signatures, and tuples or lists of them) to `digest`, each part told apart."""
    if isinstance(value, (tuple, list)):
        digest.update(b"(%d" % len(value))
        for item in value:
            _digest(item, digest)
    elif isinstance(value, Signature):
        digest.update(b"s%d:%d\0" % (len(value.packed), value.name) + value.packed)
    elif isinstance(value, (str, int, float)) or value is None:
        text = f"{type(value).__name__}:{value!r}".encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(text) + text)
    else:
        raise TypeError(f"cannot digest {type(value).__name__}")


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
