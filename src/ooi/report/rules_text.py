"""The rule catalogue as plain text: one line per code, grouped by family."""

from __future__ import annotations

from ooi.i18n import tr


def render(entries, **_) -> str:
    lines, family = [], None
    for entry in entries:
        if entry.code[0] != family:
            family = entry.code[0]
            lines += ["" if lines else None, f"{str(entry.family).capitalize()} ({family})"]
        source = f"  [{entry.source}]" if entry.source else ""
        lines.append(f"  {entry.code:<5} {entry.severity.value:<8} {entry.title}{source}")
    lines += ["", tr("Rincian satu kode: ooi explain KODE (mis. ooi explain P4)",
                     "One code in full: ooi explain CODE (e.g. ooi explain P4)")]
    return "\n".join(line for line in lines if line is not None) + "\n"
