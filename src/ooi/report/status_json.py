"""Coverage as the JSON object SPEC §5 pins (tahun, per, total, summary, agencies); keys only ever added."""

from __future__ import annotations

import json

from ooi.coverage.tally import STATUSES, Coverage


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


def data(coverage: Coverage) -> dict:
    summary = {status: coverage.count(status) for status in STATUSES}
    summary.update(agencies_with_innovation=coverage.agencies_with_innovation, innovations=coverage.innovations,
                   achievement=round(coverage.achievement, 1), compliance=round(coverage.compliance, 1),
                   filed_after_per=coverage.later)
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


def render(coverage: Coverage, **_) -> str:
    return json.dumps(data(coverage), ensure_ascii=False, indent=2) + "\n"
