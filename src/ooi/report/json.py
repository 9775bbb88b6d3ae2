"""The validate result as the JSON object SPEC §7 pins: ok, files, errors, warnings, findings."""

from __future__ import annotations

import json


def render(result, distrusted=None, **_) -> str:
    """`distrusted`: the commits whose dates git's history could not be trusted for (None: git was not read)."""
    found = {
        "ok": result.errors == 0,
        "files": len(result.files),
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [finding.as_dict() for finding in result.findings],
    }
    if distrusted is not None:
        from ooi.report.distrust import entries

        found["tanggal_tidak_dipercaya"] = entries(distrusted)
    return json.dumps(found, ensure_ascii=False, indent=2) + "\n"
