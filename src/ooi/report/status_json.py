"""Coverage as the JSON object SPEC §5 pins (tahun, per, total, summary, agencies); keys only ever added."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ooi.coverage.tally import STATUSES, Coverage

if TYPE_CHECKING:
    from ooi.history.series import Point


def _agency(entry) -> dict:
    row = {
        "kode": entry.kode,
        "nama": entry.nama,
        "status": entry.status,
        "innovations": list(entry.innovations),
        "plans": list(entry.plans),
        "errors": entry.errors,
        "warnings": entry.warnings,
        "jenis": entry.agency.jenis,
        "induk": entry.agency.induk,
    }
    if entry.kuota > 1:  # only then: with a quota of one the output stays what it always was
        row.update(kuota=entry.kuota, innovations_in_target=entry.in_target)
    return row


def summary(coverage: Coverage | Point) -> dict:
    """The headline figures, as `status` and every point of `history` print them."""
    figures = {status: coverage.count(status) for status in STATUSES}
    figures.update(agencies_with_innovation=coverage.agencies_with_innovation, innovations=coverage.innovations,
                   achievement=round(coverage.achievement, 1), compliance=round(coverage.compliance, 1),
                   filed_after_per=coverage.later)
    return figures


def data(coverage: Coverage, sumber: str = "tanggal_lapor", previous: Coverage | None = None,
         against: str | None = None) -> dict:
    """`sumber` says where the records came from (git or tanggal_lapor); `previous` is the --compare side."""
    result = _data(coverage, summary(coverage))
    result["sumber"] = sumber
    if previous is not None:
        before = {entry.kode: entry.status for entry in previous.agencies}
        result["compare"] = {"per": previous.per.isoformat(), "against": against, "summary": summary(previous)}
        for entry in result["agencies"]:
            entry["previous_status"] = before.get(entry["kode"])
    return result


def _data(coverage: Coverage, summary: dict) -> dict:
    return {
        "tahun": coverage.tahun,
        "per": coverage.per.isoformat(),
        "total": coverage.total,
        "summary": summary,
        "agencies": [_agency(entry) for entry in coverage.agencies],
        "pemda": coverage.pemda,
        "jendela_tahun": coverage.jendela,
        "inactive": [entry.kode for entry in coverage.inactive],
        "other": [{"path": f.path, "errors": f.errors, "warnings": f.warnings} for f in coverage.other],
    }


def render(coverage: Coverage, sumber: str = "tanggal_lapor", previous: Coverage | None = None,
           against: str | None = None, distrusted=None, settings: list | None = None, **_) -> str:
    found = data(coverage, sumber, previous, against)
    if settings is not None and "compare" in found:  # the watched settings the work tree changes against the ref
        found["compare"]["pengaturan_berubah"] = [{"kunci": key, "dari": old, "ke": new} for key, old, new in settings]
    if distrusted is not None:  # git was read: the commits whose dates it did not trust
        from ooi.report.distrust import entries

        found["tanggal_tidak_dipercaya"] = entries(distrusted)
    return json.dumps(found, ensure_ascii=False, indent=2) + "\n"
