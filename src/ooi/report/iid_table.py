"""IID scores as a table for people: each innovation's score, mandatory gaps, the best raise; then the estimate."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ooi.coverage.iid_scores import Scores
from ooi.i18n import tr
from ooi.report.iid_words import estimate, nothing_claimed, notes, raise_text, suggestion_text
from ooi.report.status_show import STAGES
from ooi.report.status_table import console, text
from ooi.text_safety import visible


def render(scores: Scores, width: int | None = None, color: bool = False, **_) -> str:
    out = console(width, color)
    title = tr("Indeks Inovasi Daerah (IID) · siklus {y} · skor maksimum {m} per inovasi",
               "Regional Innovation Index (IID) · cycle {y} · maximum score {m} per innovation",
               y=scores.siklus, m=scores.maksimum)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, collapse_padding=True)
    table.add_column("No", justify="right")
    table.add_column(tr("Inovasi", "Innovation"), overflow="fold")
    table.add_column("OPD", no_wrap=True)
    table.add_column(tr("Tahapan", "Stage"), no_wrap=True)
    table.add_column(tr("Skor", "Score"), justify="right", no_wrap=True)
    table.add_column(tr("Wajib belum diklaim", "Mandatory not claimed"), overflow="fold")
    if scores.claimed:
        table.add_column(tr("Naik terbesar", "Largest raise"), no_wrap=True)
    else:
        table.add_column(tr("Saran klaim (belum dihitung)", "Suggested claims (not counted)"), overflow="fold")
    for number, scored in enumerate(scores.innovations, 1):
        missing = Text(", ".join(scored.wajib_kurang) or "—", style="yellow" if scored.wajib_kurang else "dim")
        table.add_row(str(number), Text(visible(scored.nama)), Text(visible(scored.opd)),
                      tr(*STAGES[scored.tahapan]),
                      f"{scored.skor}/{scores.maksimum}" + ("" if scored.dihitung else "*"), missing,
                      raise_text(scored) if scores.claimed else suggestion_text(scored, scores))
    parts = [Text(title, style="bold"), Text("")]
    if scores.innovations and not scores.claimed:
        parts += [Text(nothing_claimed(), style="yellow"), Text("")]
    parts.append(table if scores.innovations else Text(tr("Belum ada inovasi uji coba atau penerapan.",
                                                          "No innovation at pilot or in use yet."), style="dim"))
    parts += [Text(estimate(scores), style="bold"), *(Text(line, style="dim") for line in notes(scores))]
    out.print(Group(*parts))
    return text(out)
