"""What the report shows beyond `ooi status`: innovations by stage, form, type and sector, and the list. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ooi.coverage.matrix import UNJUDGED, cell
from ooi.coverage.tally import BROKEN, LATER, REGISTRY, Coverage, FileStanding
from ooi.model.codes import PRINCIPLE_CODES
from ooi.model.summary import Summary


@dataclass(frozen=True, slots=True)
class Listed:
    """One innovation or plan file as of D: whose, what, how it counts, and its principle cells.

    Slotted, and its `cells` shared with every file whose cells are the same (read, never changed): a report
    lists every file of 100,000, where an instance dict and a dict of cells each were ~0.4 KB a file.
    """

    path: str
    opd: str
    nama: str
    tahapan: str
    bentuk: str
    jenis: str
    urusan: str
    standing: str
    counted: bool  # one of the innovations of the headline figure (window T−jendela … T)
    cells: dict[str, str]
    errors: int
    warnings: int


@dataclass(frozen=True)
class Overview:
    listed: tuple[Listed, ...]
    by: dict[str, Counter[str]]  # "tahapan", "bentuk", "jenis", "urusan" → counts over the counted innovations
    plans: int  # plans for year T (not among the innovations)
    principles: dict[str, Counter[str]]  # P1…P8 → counts of pass, warning, error, waived, unjudged over every file


def _listed(filed: FileStanding, kode: str, counted: bool, shared: dict[tuple[str, ...], dict[str, str]]) -> Listed:
    record = filed.record
    if filed.standing == BROKEN or not isinstance(record, Summary):
        name = filed.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        return Listed(filed.path, kode, name, "", "", "", "", filed.standing, False,
                      _cells((UNJUDGED,) * len(PRINCIPLE_CODES), shared), filed.errors, filed.warnings)
    return Listed(filed.path, kode, record.nama, record.tahapan, record.bentuk, record.jenis, record.urusan,
                  filed.standing, counted, _cells(tuple(cell(filed.findings, code) for code in PRINCIPLE_CODES),
                                                  shared), filed.errors, filed.warnings)


def _cells(marks: tuple[str, ...], shared: dict[tuple[str, ...], dict[str, str]]) -> dict[str, str]:
    """Each principle's cell, one dict for every file with the same cells (a few hundred kinds among 100,000)."""
    found = shared.get(marks)
    if found is None:
        found = shared[marks] = dict(zip(PRINCIPLE_CODES, marks))
    return found


def overview(coverage: Coverage) -> Overview:
    """Every innovation file of the active agencies as of D, and the breakdowns of those that count."""
    listed: list[Listed] = []
    shared: dict[tuple[str, ...], dict[str, str]] = {}
    for entry in coverage.agencies:
        paths = set(entry.innovations)
        listed += [_listed(f, entry.kode, f.path in paths, shared) for f in entry.files
                   if f.standing not in (REGISTRY, LATER)]
    counted = [item for item in listed if item.counted]
    by = {key: Counter(getattr(item, key) for item in counted) for key in ("tahapan", "bentuk", "jenis", "urusan")}
    principles = {code: Counter(item.cells[code] for item in listed) for code in PRINCIPLE_CODES}
    plans = sum(len(entry.plans) for entry in coverage.agencies)
    return Overview(tuple(listed), by, plans, principles)
