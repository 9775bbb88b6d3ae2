"""The principle matrix as a table for people: one row per innovation, a coloured symbol per principle."""

from __future__ import annotations

import re
from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ooi.coverage.matrix import ERROR, PASS, UNJUDGED, WAIVED, WARNING
from ooi.i18n import tr
from ooi.text_safety import visible

# A symbol as well as a colour, so the matrix still reads in black and white.
SYMBOLS = {PASS: ("✔", "green"), WARNING: ("▲", "yellow"), ERROR: ("✘", "bold red"), WAIVED: ("◌", "cyan"),
           UNJUDGED: ("–", "dim")}


def legend_labels() -> dict[str, str]:
    return {PASS: tr("lolos", "pass"), WARNING: tr("peringatan", "warning"), ERROR: "error",
            WAIVED: tr("dikecualikan", "waived"), UNJUDGED: tr("tidak dinilai (skema gagal)", "not judged "
                                                                "(schema failed)")}


def stage_label(stage: str) -> str:
    return {"inisiatif": tr("inisiatif", "plan"), "uji_coba": tr("uji coba", "pilot"),
            "penerapan": tr("penerapan", "in force")}.get(stage, "–")


def heading(matrix) -> str:
    where = tr("OPD {k}", "agency {k}", k=matrix.kode) if matrix.kode else matrix.pemda
    return tr("Delapan prinsip inovasi daerah (PP 38/2017 Pasal 3) · {w} · {n} inovasi",
              "The eight principles of regional innovation (PP 38/2017 Art. 3) · {w} · {n} innovation(s)",
              w=where, n=len(matrix.rows))


# On a narrow screen the stage goes first, then the agency; the eight principles always stay, whole.
_DROPPED_FIRST = ("tahapan", "opd")


def _fitting(matrix, console: Console) -> Table:
    """The widest table whose headers all show whole at the console's width."""
    for dropped in range(len(_DROPPED_FIRST) + 1):
        for narrowest in (20, 12):
            table = _table(matrix, set(_DROPPED_FIRST[:dropped]), narrowest)
            if _whole(table, console.width):
                return table
    return table


def _whole(table: Table, width: int) -> bool:
    trial = Console(file=StringIO(), width=width, color_system=None, no_color=True, highlight=False, emoji=False)
    trial.print(table)
    header = next(line for line in trial.file.getvalue().splitlines() if line.strip())
    return all(re.search(rf"(?<!\S){re.escape(str(column.header))}(?!\S)", header) for column in table.columns)


def _table(matrix, dropped: set[str], narrowest: int = 20) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_footer=True, pad_edge=False)
    table.add_column(tr("Inovasi", "Innovation"), footer=tr("Lolos", "Passing"), min_width=narrowest, max_width=48)
    opd = matrix.kode is None and "opd" not in dropped
    if opd:
        table.add_column("OPD", no_wrap=True)
    stage = "tahapan" not in dropped
    if stage:
        table.add_column(tr("Tahapan", "Stage"), no_wrap=True)
    for code in matrix.codes:
        table.add_column(code, justify="center", no_wrap=True, min_width=len(code),
                         footer=str(matrix.totals(code)[PASS]))
    for row in matrix.rows:
        marks = [Text(SYMBOLS[row.cells[code]][0], style=SYMBOLS[row.cells[code]][1]) for code in matrix.codes]
        table.add_row(Text(visible(row.nama)), *([Text(visible(row.opd))] if opd else []),
                      *([stage_label(row.tahapan)] if stage else []), *marks)
    return table


def render(matrix, width: int = 100, color: bool = False, **_) -> str:
    console = Console(file=StringIO(), width=width, color_system="truecolor" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False, soft_wrap=False)
    console.print(Text(visible(heading(matrix))))  # Text: a name is never read as rich markup
    if not matrix.rows:
        console.print(tr("Belum ada inovasi.", "No innovations yet."))
        return console.file.getvalue()
    table = _fitting(matrix, console)
    console.print(table)
    console.print(tr("Lolos: banyaknya inovasi (dari {n}) yang lolos prinsip itu.",
                     "Passing: how many innovations (of {n}) pass that principle.", n=len(matrix.rows)))
    console.print("  ".join(f"{SYMBOLS[state][0]} {text}" for state, text in legend_labels().items()))
    console.print(tr("Rincian temuan: ooi validate BERKAS; arti setiap prinsip: ooi explain P1 … P8",
                     "Findings in full: ooi validate FILE; what each principle means: ooi explain P1 … P8"))
    return console.file.getvalue()
