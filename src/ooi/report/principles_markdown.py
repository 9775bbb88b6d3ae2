"""The principle matrix as GitHub-flavoured Markdown, for a pull-request comment or a job summary."""

from __future__ import annotations

from ooi.coverage.matrix import ERROR, PASS, UNJUDGED, WAIVED, WARNING
from ooi.i18n import tr
from ooi.report.principles_table import heading, legend_labels, stage_label
from ooi.text_safety import code, markdown

MARKS = {PASS: "✅", WARNING: "⚠️", ERROR: "❌", WAIVED: "⏸️", UNJUDGED: "➖"}


def render(matrix, **_) -> str:
    lines = [f"### {markdown(heading(matrix))}", ""]
    if not matrix.rows:
        return "\n".join(lines + [tr("Belum ada inovasi.", "No innovations yet."), ""])
    lines += ["| " + " | ".join([tr("Inovasi", "Innovation"), "OPD", tr("Tahapan", "Stage"), *matrix.codes]) + " |",
              "|---|---|---|" + ":-:|" * len(matrix.codes)]
    for row in matrix.rows:
        marks = [MARKS[row.cells[code]] for code in matrix.codes]
        lines.append(f"| {markdown(row.nama)} | {code(row.opd)} | {stage_label(row.tahapan)} | "
                     + " | ".join(marks) + " |")
    lines.append(f"| **{tr('Lolos', 'Passing')}** | | | " + " | ".join(
        f"{matrix.totals(code)[PASS]}/{len(matrix.rows)}" for code in matrix.codes) + " |")
    lines += ["", " · ".join(f"{MARKS[state]} {text}" for state, text in legend_labels().items()), ""]
    return "\n".join(lines)
