"""History for people: a small trend report (one line per point, with a bar), then who moved and when."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ooi.coverage.tally import ACHIEVED, MISSING, PLANNED, REPORTED, label
from ooi.history.series import Series
from ooi.i18n import tr
from ooi.report.status_table import STYLES, SYMBOLS, console, percent, text

BAR = 20
# Column heads short enough for 100 columns; the symbols are those of `ooi status`.
_SHORT = {ACHIEVED: lambda: tr("Tercapai", "Achieved"), PLANNED: lambda: tr("Rencana", "Planned"),
          REPORTED: lambda: tr("Melapor", "Reported"), MISSING: lambda: tr("Belum", "Missing")}


def render(found: Series, width: int | None = None, color: bool = False, **_) -> str:
    out = console(width, color)
    last = found.points[-1]
    title = tr("Riwayat cakupan {t} · {p} · {a} s.d. {b} · sumber: {s}",
               "Coverage history {t} · {p} · {a} to {b} · source: {s}", t=found.tahun,
               p=last.pemda, a=found.points[0].per, b=last.per, s=found.sumber)
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column(tr("Per", "As of"), no_wrap=True, min_width=10)  # a date is never cut
    for status in (ACHIEVED, PLANNED, REPORTED, MISSING):
        table.add_column(Text(f"{SYMBOLS[status]} {_SHORT[status]()}", style=STYLES[status]), justify="right",
                         no_wrap=True)
    table.add_column(tr("Capaian", "Achieved %"), justify="right", no_wrap=True)
    bar = min(BAR, out.width - 80)  # what the figures leave of the width, at most BAR
    bar = bar if bar >= 5 else 0
    if bar:
        table.add_column(tr("Kepatuhan", "Compliance"), no_wrap=True)
    table.add_column("" if bar else tr("Kepatuhan", "Compliance"), justify="right", no_wrap=True)
    for point in found.points:
        table.add_row(str(point.per), *(str(point.count(s)) for s in (ACHIEVED, PLANNED, REPORTED, MISSING)),
                      percent(point.achievement), *([_bar(point.compliance, bar)] if bar else []),
                      percent(point.compliance))
    lines: list = [Text(title, style="bold"), Text(""), table, Text("")]
    if found.changes:
        lines.append(Text(tr("Perubahan status ({n})", "Status changes ({n})", n=len(found.changes)), style="bold"))
        for change in found.changes:
            line = Text.assemble(f"{change.per}  {change.kode}: ",
                                 (f"{SYMBOLS[change.dari]} {label(change.dari)}", STYLES[change.dari]), " → ",
                                 (f"{SYMBOLS[change.ke]} {label(change.ke)}", STYLES[change.ke]),
                                 (f"  {change.nama}", "dim"))
            line.no_wrap, line.overflow = True, "ellipsis"  # one line per change, the name cut short if need be
            lines.append(line)
    else:
        lines.append(Text(tr("Tidak ada OPD yang statusnya berubah.", "No agency changed status."), style="dim"))
    out.print(Group(*lines))
    return text(out)


def _bar(value: float, width: int) -> Text:
    filled = round(width * value / 100)
    return Text.assemble(("█" * filled, "bold"), ("░" * (width - filled), "dim"))
