"""The validate result as SARIF 2.1.0 for code-scanning tools: one rule per code, with its documentation."""

from __future__ import annotations

import json
from urllib.parse import quote

from ooi import __version__
from ooi.i18n import tr
from ooi.rules.catalogue import entry, known_codes

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE = "SRCROOT"  # paths are relative to the repository root (git's top level, else the data root)


def render(result, prefix: str = "", **_) -> str:
    """`prefix`: the data root's place in its repository (`sub/`), so locations land on the repository's files."""
    codes = known_codes()
    index = {code: i for i, code in enumerate(codes)}
    results = [{
        "ruleId": f.code,
        "ruleIndex": index.get(f.code, 0),
        "level": f.severity.value,
        "message": {"text": f"{f.message}" + (f" ({f.hint})" if f.hint else "")},
        "locations": [{"physicalLocation": {
            # A URI: every character outside the unreserved set and `/` percent-encoded (`%20`, `%5C`, `%C3%A9`).
            "artifactLocation": {"uri": quote(prefix + f.path, safe="/"), "uriBaseId": BASE},
            "region": {"startLine": f.line, "startColumn": f.column},
        }}],
        **({"suppressions": [{"kind": "external", "justification": f.waived_by}]} if f.waived_by else {}),
    } for f in result.findings]
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "ooi", "version": __version__, "rules": [_rule(code) for code in codes]}},
            "originalUriBaseIds": {BASE: {"description": {"text": tr(
                "akar repositori (tingkat teratas git, atau akar data di luar git)",
                "the repository root (git's top level, or the data root outside git)")}}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(code: str) -> dict:
    """A rule's SARIF descriptor: its title, what it checks, and a help text with why and both examples."""
    doc = entry(code)
    heading = (tr("Mengapa", "Why"), tr("Contoh lolos", "Passing example"), tr("Contoh gagal", "Failing example"))
    text = f"{doc.what}\n\n{heading[0]}: {doc.why}\n\n{heading[1]}:\n{doc.passing}\n\n{heading[2]}:\n{doc.failing}"
    markdown = (f"{doc.what}\n\n**{heading[0]}.** {doc.why}\n\n**{heading[1]}**\n\n```yaml\n{doc.passing}\n```\n\n"
                f"**{heading[2]}**\n\n```yaml\n{doc.failing}\n```\n\n"
                + tr("Lebih lanjut: `ooi explain {c}`", "More: `ooi explain {c}`", c=code))
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": str(doc.title)},
        "fullDescription": {"text": str(doc.what)},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": doc.severity.value},
    }
