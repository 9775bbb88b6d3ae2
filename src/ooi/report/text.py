"""Findings as compiler-style lines, each followed by its hint when a person is reading."""

from __future__ import annotations

from ooi.i18n import tr


def render(result, hints: bool = True) -> str:
    lines = []
    for finding in result.findings:
        waived = tr(" [dikecualikan: {w}]", " [waived: {w}]", w=finding.waived_by) if finding.waived_by else ""
        lines.append(f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value} "
                     f"{finding.code} {finding.message}{waived}")
        if hints and finding.hint:
            lines.append(f"    {tr('saran', 'hint')}: {finding.hint}")
    lines.append(tr("{f} berkas diperiksa: {e} error, {w} peringatan",
                    "{f} file(s) checked: {e} error(s), {w} warning(s)",
                    f=len(result.files), e=result.errors, w=result.warnings))
    return "\n".join(lines) + "\n"
