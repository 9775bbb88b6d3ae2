"""Judgements of files kept across the points of one history run, so an unchanged record is not judged again."""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any, Final, TypeVar, cast

from ooi.engine.parallel import Packed
from ooi.engine.result import FileResult, Kept, Named
from ooi.model.dates import parse_date
from ooi.model.findings import CAP, Finding
from ooi.model.records import Agency, Innovation
from ooi.model.summary import Summary, shared, summarize
from ooi.rules.similarity import Signature

T = TypeVar("T")

_NIP_DIGITS = 18


Key = tuple[str, str, "bytes | None", "date | None"]  # (path, blob id, the run's salt, its filed date)


@dataclass(slots=True)
class Judgement:
    """One file's judgement: the as-of date it was made for, the dates at which it could change, its outcome.

    The memo keeps no loaded data (`data` is None there, but on its way from a worker: the judgement cache's
    entries share this shape). Slotted: a history keeps one for every file. `blob`, `salt`, `filed`: in a
    memo, what the judgement's key holds besides its path (the memo is keyed by path alone: three slots, not a
    tuple of four per file).
    """

    today: date
    pivots: bytes  # packed (`packed_days`; `days` gives the dates)
    findings: tuple[Finding, ...]
    record: Kept
    data: object
    signature: Signature | None
    places: dict[str, tuple[int, int]] | None = None  # where cross-file findings point (FileResult.places)
    blob: str | None = None
    salt: bytes | None = None
    filed: date | None = None


@dataclass(frozen=True, slots=True)
class Recalled(Named):
    """An innovation as the memo keeps it: its agency and name (what R007 compares) and its summary (what a
    point counts), a few hundred bytes where the whole record and its loaded data took ~30 KB."""

    summary: Summary


class Memo:
    """(path, content, as-of inputs) → Judgement. A judgement made for one as-of date serves another when

    no date the record mentions lies between them (a date in the future, a law in force, an SKM
    year, a NIP's appointment month all turn at such a date) and no message names the date.
    Files citing an evidence file are judged each time (their finding depends on other files).
    It keeps each innovation as `Recalled` (its summary by `keep`), an agency's record whole, and no
    loaded data: it serves runs that keep `keep`'s summaries or no records (`serves`).
    `read`: the findings its runs' callers read (None: all); the others go from the memo and from the results
    alike, where their going changes nothing that is read (`_read`). A series reads only its figures.
    """

    def __init__(self, keep: Callable[[Innovation], Summary] = summarize,
                 read: Callable[[Finding], bool] | None = None) -> None:
        self.keep, self.read = keep, read
        self._kept: dict[str, Judgement] = {}  # by path: its latest judgement (no earlier content is asked again)
        self.hits = self.misses = 0
        # In a worker process: what it judged anew (an agency with its data), to send to the parent's memo.
        self._fresh: list[tuple[Key, Judgement, object]] | None = None
        self._once: dict[str, tuple[object, Any]] = {}  # name → (inputs, outcome): the last outcome of a comparison across files

    def serves(self, records: object) -> bool:
        """Can a run that keeps `records` (see `Run.records`) take its records from this memo's judgements?"""
        return records is False or records is self.keep

    def once(self, name: str, inputs: object, compute: Callable[[], T]) -> T:
        """`compute()`, or what it gave last time for the same `inputs` (a digest of what is compared, one a name)."""
        kept = self._once.get(name)
        if kept is None or kept[0] != inputs:
            kept = self._once[name] = (inputs, compute())
        found: T = kept[1]
        return found

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: Key | None, today: date) -> Judgement | None:
        if key is None:
            return None
        judged = self._kept.get(key[0])
        if judged is None or judged.blob != key[1] or judged.salt != key[2] or judged.filed != key[3] \
                or not still(judged, today):
            self.misses += 1
            return None
        self.hits += 1
        return judged

    def put(self, key: Key | None, today: date, result: FileResult, data: object) -> None:
        """Keep the judgement of `result`; an innovation's record becomes what the memo keeps of it (`Recalled`)
        in `result` too, so the run and the memo hold one summary (the run keeps it, or lets it go)."""
        if key is not None and not cites_file(data):
            if self.read is not None:
                result.findings = _read(result.findings, self.read)
            if isinstance(result.record, Innovation):
                result.record = Recalled(shared(result.record.opd), result.record.nama, self.keep(result.record))
            judged = Judgement(today, pivots(data), tuple(result.findings),
                               result.record if isinstance(result.record, (Recalled, Agency)) else None, None,
                               result.signature, result.places)
            if self._fresh is None:
                self._keep(key, judged)
            else:  # a worker's copy: sent to the parent's memo, not kept here too (no later file of this run asks)
                self._fresh.append((key, judged, data))

    def keep_fresh(self) -> None:
        """In a worker (a forked copy of the memo), for one unit: note what is judged anew, to send."""
        if self._fresh is None:
            self._fresh = []

    def fresh_judgements(self) -> list[tuple[Key, Judgement]]:
        """What was judged anew since the last call, ready to cross to the parent: plain data, not records.

        An innovation's `Recalled` is plain already; an agency's record costs ten times its data to
        pickle: it crosses as its data, and the parent makes it again.
        """
        fresh, self._fresh = self._fresh or [], None  # the next unit asks again (a run of one unit stays here)
        sent = []
        for key, judged, data in fresh:
            if isinstance(judged.record, Agency):
                try:
                    judged = replace(judged, record=None, data=Packed.of(data))
                except ValueError:  # a value the loader marks (a surprising int) is not plain data: sent as it is
                    pass
            sent.append((key, judged))
        return sent

    def receive(self, fresh: list[tuple[Key, Judgement]], record_of: Callable[[str, object], Kept],
                blobs: Mapping[str, str] | None = None) -> None:
        """Keep what a worker judged; `record_of(path, data)` makes an agency's record again from its data.

        `blobs`: the run's blob ids, whose strings the keys share (a key arrives with its own copy of each).
        """
        for key, judged in fresh:
            if isinstance(judged.data, Packed):
                judged = replace(judged, data=None, record=record_of(key[0], judged.data.data()))
            self._keep(key, judged, blobs)

    def _keep(self, key: Key, judged: Judgement, blobs: Mapping[str, str] | None = None) -> None:
        """Keep `judged` under its key's path, the rest of its key in its slots, each shared with equal ones held:
        100,000 judgements held their own copies of the same few salts and dates, of the blob ids the run's tree
        holds (`blobs`, ~12 MB) and of the paths git's listings hold (interned there)."""
        path, blob, salt, filed = key
        known = blobs.get(path) if blobs is not None else None
        judged.blob, judged.salt, judged.filed = known if known == blob else blob, shared(salt), shared(filed)
        self._kept[sys.intern(path)] = judged


def _read(findings: list[Finding], read: Callable[[Finding], bool]) -> list[Finding]:
    """The findings `read` reads, and every other whose going could change them: a code past CAP findings in the file
    keeps all (capping keeps the first CAP of a code, whatever their severity), and so does a code that checks
    across files add to (their count is not the file's own)."""
    if all(map(read, findings)):
        return findings
    counts = Counter(finding.code for finding in findings)
    return [finding for finding in findings
            if read(finding) or counts[finding.code] > CAP or finding.code in _joined()]


@cache
def _joined() -> frozenset[str]:
    """The codes whose findings can join a file's own after it is judged: the checks across files, a name's Y015."""
    from ooi import rules
    from ooi.rules import portable

    return frozenset({portable.CODE, *(code for rule in rules.ALL if hasattr(rule, "check_all")
                                       for code in rules.codes_of(rule))})


def cites_file(data: object) -> bool:
    """Does the record name an evidence file (`bukti[].berkas`), whose presence R008 judges each time?"""
    evidence = data.get("bukti") if isinstance(data, dict) else None
    return isinstance(evidence, list) and any(isinstance(item, dict) and "berkas" in item for item in evidence)


def still(judged: Judgement, today: date) -> bool:
    if judged.today == today:
        return True
    low, high = min(judged.today, today).toordinal(), max(judged.today, today).toordinal()
    if any(low < pivot <= high for pivot in memoryview(judged.pivots).cast(_DAY)):
        return False
    shown = judged.today.isoformat()
    return not any(shown in finding.message or shown in finding.hint for finding in judged.findings)


def pivots(data: object) -> bytes:
    """Every date at which a judgement of `data` may turn, packed: its dates, 1 January of its years, a NIP's month.

    A plan's schedule (`jadwal`) is left out: it is what the agency means to do, and no rule
    compares it with today. A rule that compares some other kind of value with today must
    be reflected here, or a history would reuse a judgement past the day it turns.
    """
    found: set[date] = set()
    _walk(data, found, "")
    return packed_days(found)


_DAY: Final = "i"  # a day as its ordinal


def packed_days(found: Iterable[date]) -> bytes:
    """Days as their ordinals in order, packed: a history keeps a file's dates so, ~40 B less than a tuple of them."""
    return array(_DAY, sorted(day.toordinal() for day in found)).tobytes()


def days(packed: bytes) -> tuple[date, ...]:
    """The days `packed_days` packed."""
    return tuple(map(date.fromordinal, memoryview(packed).cast(_DAY)))


def _walk(value: object, found: set[date], key: str) -> None:
    kind = type(value)  # the loader's plain types exactly: cheaper than isinstance over a whole record
    if kind is dict:
        for name, item in cast("dict[object, object]", value).items():
            if name != "jadwal":
                _walk(item, found, name if type(name) is str else "")
    elif kind is list:
        for item in cast("list[object]", value):
            _walk(item, found, key)
    elif kind is str:
        value = cast(str, value)
        size = len(value)
        if size == 10:
            day = parse_date(value)
            if day is not None:
                found.add(day)
        elif size == _NIP_DIGITS and value.isdigit():
            year, month = int(value[8:12]), int(value[12:14])
            if 1 <= month <= 12 and year >= 1:
                found.add(date(year, month, 1))
    elif kind is int and key.startswith("tahun") and 1 <= cast(int, value) <= 9999:
        found.add(date(cast(int, value), 1, 1))
    elif isinstance(value, date):
        found.add(value)
