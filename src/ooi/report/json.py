"""The validate result as the JSON object SPEC §7 pins: ok, files, errors, warnings, findings."""

from __future__ import annotations

import json
from collections.abc import Iterator


def render(result, distrusted=None, **_) -> str:
    """`distrusted`: the commits whose dates git's history could not be trusted for (None: git was not read)."""
    return "".join(pieces(result, distrusted))


def pieces(result, distrusted=None, **_) -> Iterator[str]:
    """`render`'s text (json.dumps with an indent of 2) a thousand findings at a time.

    100,000 records' findings are 150 MB of JSON: written as they are made, never held whole, nor
    json's own list of every piece of it.
    """
    found = {
        "ok": result.errors == 0,
        "files": len(result.files),
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [],
    }
    if distrusted is not None:
        from ooi.report.distrust import entries

        found["tanggal_tidak_dipercaya"] = entries(distrusted)
    # The first `"findings": []` is the key's: a quote inside a string is escaped (`\"`).
    head, tail = json.dumps(found, ensure_ascii=False, indent=2).split('"findings": []', 1)
    findings = result.findings
    if not findings:
        yield f'{head}"findings": []{tail}\n'
        return
    yield f'{head}"findings": ['
    for start in range(0, len(findings), _BATCH):  # each `[\n  {…},\n  {…}\n]` put two places in, brackets off
        listed = _ENCODER.encode([finding.as_dict() for finding in findings[start:start + _BATCH]])
        yield ("," if start else "") + listed[1:-2].replace("\n", "\n  ")
    yield f"\n  ]{tail}\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)  # json.dumps's, made once
_BATCH = 1000  # findings encoded at once: json's own list of pieces stays small
