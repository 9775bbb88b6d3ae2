"""FileResult and Result: what a check of a data root found, file by file. Never prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ooi.input.discovery import folder_of
from ooi.model.codes import severity
from ooi.model.findings import Finding, Problem, Severity, field_name
from ooi.model.settings import Settings


def stamp(path: str, problem: Problem, place: tuple[int, int], settings: Settings) -> Finding:
    """A rule's problem placed in its file, with its code's severity as configured."""
    return Finding(path, place[0], place[1], problem.code, severity(problem.code, settings.aturan, problem.severity),
                   field_name(problem.keys), problem.message, problem.hint)


@dataclass
class FileResult:
    """One file: its kind (`opd`, `inovasi`, or `lain` for a misplaced file), record and findings.

    `record` is set whenever the file passed the schema, even if rules found errors in it;
    whether it counts is for the caller to decide from `errors`.
    """

    path: str
    kind: str
    record: object = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING and not f.waived_by for f in self.findings)

    @property
    def folder(self) -> str:
        return folder_of(self.path) if self.kind == "inovasi" else ""


@dataclass
class Result:
    root: Path
    settings: Settings
    files: list[FileResult]
    registry: Mapping = field(default_factory=dict)  # kode → Agency: the one registry the rules judged by

    @property
    def findings(self) -> list[Finding]:
        return sorted(f for result in self.files for f in result.findings)

    @property
    def errors(self) -> int:
        return sum(result.errors for result in self.files)

    @property
    def warnings(self) -> int:
        return sum(result.warnings for result in self.files)

    @property
    def agencies(self) -> dict:
        """kode → Agency for every valid registry entry; a file claiming another file's `kode` replaces nothing."""
        return dict(self.registry.items())
