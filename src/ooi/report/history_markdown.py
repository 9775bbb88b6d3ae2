"""History as GitHub-flavoured Markdown: the points as a table, then the changes, for an issue or a report."""

from __future__ import annotations

from ooi.coverage.tally import ACHIEVED, MISSING, PLANNED, REPORTED, label
from ooi.history.series import Series
from ooi.i18n import tr
from ooi.report.status_markdown import MARKS
from ooi.report.figures import percent
from ooi.text_safety import code, markdown

ORDER = (ACHIEVED, PLANNED, REPORTED, MISSING)


def render(found: Series, **_) -> str:
    last = found.points[-1]
    lines = [
        "### " + tr("Riwayat cakupan {t} · {p} · sumber: {s}", "Coverage history {t} · {p} · source: {s}",
                    t=found.tahun, p=markdown(last.pemda), s=found.sumber),
        "",
        "| " + tr("Per", "As of") + " | " + " | ".join(f"{MARKS[s]} {label(s)}" for s in ORDER) + " | "
        + tr("Kepatuhan", "Compliance") + " |",
        "|---|" + "---:|" * (len(ORDER) + 1),
    ]
    for point in found.points:
        lines.append(f"| {point.per} | " + " | ".join(str(point.count(s)) for s in ORDER)
                     + f" | {percent(point.compliance)} |")
    lines.append("")
    if found.changes:
        lines.append("**" + tr("Perubahan status", "Status changes") + ":**")
        lines.append("")
        lines += [f"- {change.per} {markdown(change.nama)} ({code(change.kode)}): {MARKS[change.dari]} {label(change.dari)}"
                  f" → {MARKS[change.ke]} {label(change.ke)}" for change in found.changes]
    else:
        lines.append(tr("Tidak ada OPD yang statusnya berubah.", "No agency changed status."))
    return "\n".join(lines) + "\n"
