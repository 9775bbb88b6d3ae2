"""The validate result as the JSON object SPEC §7 pins: ok, files, errors, warnings, findings."""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C encoder of one string, as json.dumps uses it


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
    return dumps(found) + "\n"


def dumps(value, pad: str = "") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, written directly.

    With an indent, json.dumps leaves its C encoder for a generator per value in Python: half
    the time of a whole run's output at 15,000 findings. Every string still goes through the C
    encoder; what is not plain text, a whole number, true, false, null, a list or a mapping with
    text keys is left to json.dumps.
    """
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    inner = pad + "  "
    if type(value) is list and value:
        return "[\n" + ",\n".join(inner + dumps(item, inner) for item in value) + "\n" + pad + "]"
    if type(value) is dict and value and all(type(key) is str for key in value):
        return ("{\n" + ",\n".join(f"{inner}{encode_basestring(key)}: {dumps(item, inner)}" for key, item in value.items())
                + "\n" + pad + "}")
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
