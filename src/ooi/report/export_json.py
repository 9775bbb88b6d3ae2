"""`ooi export --format json`: the records as JSON objects under `records`, with the year and date they stand for."""

from __future__ import annotations

import json
from datetime import date

from ooi.coverage.rows import RECORD_COLUMNS, record_rows
from ooi.coverage.tally import Coverage


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def data(coverage: Coverage) -> dict:
    return {"pemda": coverage.pemda, "tahun": coverage.tahun, "per": coverage.per.isoformat(),
            "records": [{key: _plain(row[key]) for key in RECORD_COLUMNS} for row in record_rows(coverage)]}


def render(coverage: Coverage, **_) -> str:
    return json.dumps(data(coverage), ensure_ascii=False, indent=1) + "\n"
