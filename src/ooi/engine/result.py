"""FileResult and Result: what a check of a data root found, file by file. Never prints."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NoReturn

from ooi.engine.parallel import Packed
from ooi.engine.registry import Registry
from ooi.i18n import tr
from ooi.input.discovery import folder_of
from ooi.model.codes import severity
from ooi.model.findings import CAP, Finding, Problem, Severity, field_name
from ooi.model.records import Agency, Innovation
from ooi.model.settings import Settings
from ooi.model.summary import Summary
from ooi.pools import Pool
from ooi.rules.similarity import Signature


def stamp(path: str, problem: Problem, place: tuple[int, int], settings: Settings) -> Finding:
    """A rule's problem placed in its file, with its code's severity as configured (the engine gave it its code)."""
    code = problem.code
    assert code is not None, "a problem is stamped once it has its rule's code"
    keys, field = _named(problem.keys)
    return Finding(path, place[0], place[1], code, severity(code, settings.aturan, problem.severity),
                   field, problem.message, problem.hint, keys=keys, related=problem.related)


# Key paths met before and their field names: 100,000 findings name a few hundred fields, each kept once.
# Bounded, as keys come from files. A path with True in it is not kept: it equals the path with 1 in its place.
_NAMED: Pool[tuple[str | int, ...], tuple[tuple[str | int, ...], str]] = Pool()


def _named(keys: tuple[str | int, ...]) -> tuple[tuple[str | int, ...], str]:
    """`keys` and its field name, both shared with every finding of the same key path."""
    named = _NAMED.get(keys)
    if named is None or bool in map(type, keys):
        named = keys, field_name(keys)
        if bool not in map(type, keys):
            _NAMED.keep(keys, named)
    return named


def shared_keys(keys: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """`keys`, or an equal key path met before: a warm run's 300,000 findings read from the cache name a few hundred
    (each its own tuple and texts: ~60 MiB at 100,000 records)."""
    return _named(keys)[0]


# The places of the keys checks across files point at (`FileResult.places`), one dict for all files with the same:
# `nama` lies on the same line of most records (100,000 dicts of two places were 30 MB). Read, never changed.
_PLACES: Pool[tuple[tuple[str, tuple[int, int]], ...], dict[str, tuple[int, int]]] = Pool()


def shared_places(places: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """`places`, or an equal dict made before."""
    return _PLACES.one(tuple(places.items()), places)


def capped(findings: list[Finding]) -> list[Finding]:
    """Past CAP findings of one code, one finding at the first of the rest says how many more there are.

    A hostile file with 10,000 unknown keys must not flood every report (and every terminal) of the city.
    """
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    if all(count <= CAP for count in counts.values()):
        return findings
    kept: list[Finding] = []
    seen: dict[str, int] = {}
    for finding in findings:
        seen[finding.code] = seen.get(finding.code, 0) + 1
        if seen[finding.code] <= CAP:
            kept.append(finding)
        elif seen[finding.code] == CAP + 1:
            rest = counts[finding.code] - CAP
            kept.append(replace(finding, field="", keys=(), message=tr(
                "dan {n} temuan {c} lagi di berkas ini", "and {n} more {c} findings in this file", n=rest,
                c=finding.code), hint=tr("perbaiki temuan di atas lalu jalankan lagi",
                                         "fix the findings above, then run again"), waived_by=""))
    return kept


@dataclass(frozen=True, slots=True)
class Named:
    """A record as R007 (one innovation filed twice in a folder) reads it: its agency and its name."""

    opd: str
    nama: str


# What a run keeps of a file's record: the agency, the innovation whole or its summary (as the run asked), or
# nothing (broken, or let go); Packed only on its way from a worker, made a record again as it arrives; Named
# only from the judgement cache (the record not read again), for R007, let go with the rest.
Kept = Agency | Innovation | Summary | Packed | Named | None


class _NoFindings(list):  # type: ignore[type-arg]  # of Finding, and never holds one
    """The findings of a file that has none: one list for all of them (a history's point at 100,000 files held
    ~5 MiB of empty lists). It cannot be changed, so no file's findings become another's: make a new list."""

    __slots__ = ()

    def _refused(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("NO_FINDINGS is shared by every file without findings: give the file a new list")

    append = extend = insert = remove = pop = clear = sort = reverse = _refused
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refused

    def __reduce__(self) -> str:
        return "NO_FINDINGS"  # unpickled as this one list, not a new one for each file


NO_FINDINGS: list[Finding] = _NoFindings()


@dataclass(slots=True)
class FileResult:
    """One file: its kind (`opd`, `inovasi`, or `lain` for a misplaced file), record and findings.

    `record` is set whenever the file passed the schema, even if rules found errors in it;
    whether it counts is for the caller to decide from `errors`. Slotted: a run holds one
    for every file until the end (100,000 files: ~10 MB less than with an instance dict).
    """

    path: str
    kind: str
    record: Kept = None
    findings: list[Finding] = field(default_factory=list)
    signature: Signature | None = None  # what R015 compares, taken while the whole record is at hand
    # Where the keys that cross-file checks point at are (key → line, column), kept from the one parse.
    places: dict[str, tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING and not f.waived_by for f in self.findings)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # A worker shares equal places dicts, but each agency's results arrive in the parent as fresh copies:
        # shared again there (about 2 MiB less at the peak of `status` at 100,000 records).
        return _arrived, (self.path, self.kind, self.record, self.findings, self.signature, self.places)

    @property
    def folder(self) -> str:
        return folder_of(self.path) if self.kind == "inovasi" else ""


def _arrived(path: str, kind: str, record: Kept, findings: list[Finding], signature: Signature | None,
             places: dict[str, tuple[int, int]] | None) -> FileResult:
    """A FileResult as it is unpickled from a worker, its places shared with equal ones already here."""
    return FileResult(path, kind, record, findings or NO_FINDINGS, signature,
                      None if places is None else shared_places(places))


@dataclass
class Result:
    root: Path
    settings: Settings
    files: list[FileResult]
    # kode → Agency for every valid registry entry (a file claiming another file's `kode` replaces nothing): the one
    # registry the rules judged by. Of a whole run it holds every agency; of a run over some files it reads the
    # others from the root when asked, as the rules did.
    agencies: Registry = field(default_factory=lambda: Registry.of({}))

    @property
    def findings(self) -> list[Finding]:
        return sorted(f for result in self.files for f in result.findings)

    @property
    def errors(self) -> int:
        return sum(result.errors for result in self.files)

    @property
    def warnings(self) -> int:
        return sum(result.warnings for result in self.files)
