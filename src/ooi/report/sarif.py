"""The validate result as SARIF 2.1.0, one rule per code, for code-scanning tools."""

from __future__ import annotations

import json

from ooi import __version__
from ooi.rules.catalogue import default_severity, known_codes, title

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(result, **_) -> str:
    codes = known_codes()
    index = {code: i for i, code in enumerate(codes)}
    rules = [{
        "id": code,
        "name": code,
        "shortDescription": {"text": title(code)},
        "defaultConfiguration": {"level": default_severity(code).value},
    } for code in codes]
    results = [{
        "ruleId": f.code,
        "ruleIndex": index.get(f.code, 0),
        "level": f.severity.value,
        "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": f.path, "uriBaseId": "SRCROOT"},
            "region": {"startLine": f.line, "startColumn": f.column},
        }}],
        **({"suppressions": [{"kind": "external", "justification": f.waived_by}]} if f.waived_by else {}),
    } for f in result.findings]
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "ooi", "version": __version__, "rules": rules}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
