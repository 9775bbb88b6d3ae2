"""History as the JSON object SPEC §11 pins: tahun, sumber, points (per, total, summary), changes."""

from __future__ import annotations

import json

from ooi.history.series import Series
from ooi.report.status_json import summary


def data(found: Series) -> dict:
    return {
        "tahun": found.tahun,
        "sumber": found.sumber,
        "points": [{"per": point.per.isoformat(), "sumber": point.sumber, "total": point.total,
                    "summary": summary(point)} for point in found.points],
        "changes": [{"kode": change.kode, "nama": change.nama, "per": change.per.isoformat(), "dari": change.dari,
                     "ke": change.ke} for change in found.changes],
    }


def render(found: Series, distrusted=None, **_) -> str:
    shown = data(found)
    if distrusted is not None:  # git was read: the commits whose dates it did not trust
        from ooi.report.distrust import entries

        shown["tanggal_tidak_dipercaya"] = entries(distrusted)
    return json.dumps(shown, ensure_ascii=False, indent=2) + "\n"
