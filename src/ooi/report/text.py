"""Findings as compiler-style lines, each followed by its hint when a person is reading."""

from __future__ import annotations

from ooi.i18n import tr
from ooi.text_safety import visible


def render(result, hints: bool = True) -> str:
    lines = []
    for finding in result.findings:
        # Record text reaches a terminal (and a CI log) only escaped: one finding is one line.
        waived = tr(" [dikecualikan: {w}]", " [waived: {w}]", w=finding.waived_by) if finding.waived_by else ""
        lines.append(visible(f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value} "
                             f"{finding.code} {finding.message}{waived}"))
        if hints and finding.hint:
            lines.append(f"    {tr('saran', 'hint')}: {visible(finding.hint)}")
    lines.append(tr("{f} berkas diperiksa: {e} error, {w} peringatan",
                    "{f} file(s) checked: {e} error(s), {w} warning(s)",
                    f=len(result.files), e=result.errors, w=result.warnings))
    return "\n".join(lines) + "\n"
