"""The principle matrix: innovations × P1…P8, each cell pass, warning, error or waived. Pure; never prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ooi.engine.result import Result
from ooi.input.discovery import stem_of
from ooi.model.codes import PRINCIPLE_CODES
from ooi.model.records import Innovation
from ooi.model.summary import Summary
from ooi.model.findings import Finding, Severity

PASS, WARNING, ERROR, WAIVED, UNJUDGED = "pass", "warning", "error", "waived", "unjudged"
STATES = (PASS, WARNING, ERROR, WAIVED, UNJUDGED)


@dataclass(frozen=True)
class Row:
    """One innovation file: where it is, what it is called, its stage, and its principle cells."""

    path: str
    opd: str
    nama: str
    tahapan: str  # "" when the file could not be read as a record
    cells: dict[str, str]


@dataclass(frozen=True)
class Matrix:
    rows: list[Row]
    kode: str | None = None  # the agency asked for, or None for the whole city
    pemda: str = ""
    codes: tuple[str, ...] = field(default=PRINCIPLE_CODES)

    def totals(self, code: str) -> Counter[str]:
        return Counter(row.cells[code] for row in self.rows)


def cell(findings: Iterable[Finding], code: str) -> str:
    """The worst of the findings of one principle: an error, then a warning; waived ones only if nothing else."""
    mine = [f for f in findings if f.code == code]
    if any(f.severity is Severity.ERROR and not f.waived_by for f in mine):
        return ERROR
    if any(f.severity is Severity.WARNING and not f.waived_by for f in mine):
        return WARNING
    return WAIVED if mine else PASS


def build(result: Result, kode: str | None = None) -> Matrix:
    """The matrix of every innovation file in `result`, or of one agency's folder.

    A file whose schema failed was judged only as far as its rules could go: an error they
    found is shown, every other cell is `unjudged`, not a pass (or a warning) it has not earned.
    """
    rows = []
    for file in result.files:
        if file.kind != "inovasi" or (kode is not None and file.folder != kode):
            continue
        record = file.record
        if not isinstance(record, Summary | Innovation):
            cells = {code: ERROR if cell(file.findings, code) == ERROR else UNJUDGED for code in PRINCIPLE_CODES}
            name, stage = stem_of(file.path), ""
        else:
            cells = {code: cell(file.findings, code) for code in PRINCIPLE_CODES}
            name, stage = record.nama, record.tahapan
        rows.append(Row(file.path, file.folder, name, stage, cells))
    rows.sort(key=lambda row: (row.opd, row.nama.casefold(), row.path))
    return Matrix(rows, kode, result.settings.pemda)
