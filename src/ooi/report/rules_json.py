"""The rule catalogue as JSON, in the current language: one object per code."""

from __future__ import annotations

import json


def as_dict(entry) -> dict:
    return {
        "code": entry.code,
        "family": str(entry.family),
        "severity": entry.severity.value,
        "title": str(entry.title),
        "what": str(entry.what),
        "why": str(entry.why),
        "passing": str(entry.passing),
        "failing": str(entry.failing),
        "source": entry.source,
    }


def render(entries, **_) -> str:
    return json.dumps([as_dict(entry) for entry in entries], ensure_ascii=False, indent=2) + "\n"
