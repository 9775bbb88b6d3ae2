"""The validate result as the JSON object SPEC §7 pins: ok, files, errors, warnings, findings."""

from __future__ import annotations

import json


def render(result, **_) -> str:
    return json.dumps({
        "ok": result.errors == 0,
        "files": len(result.files),
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [finding.as_dict() for finding in result.findings],
    }, ensure_ascii=False, indent=2) + "\n"
