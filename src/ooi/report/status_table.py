"""Coverage as a rich table for people (and projectors): headline figures with bars, coloured statuses."""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ooi.coverage.tally import (
    ACHIEVED,
    MISSING,
    PLANNED,
    REPORTED,
    STATUSES,
    Coverage,
    label,
)
from ooi.i18n import tr
from ooi.report.figures import percent
from ooi.text_safety import visible

# A symbol as well as a colour, so the status still reads in black and white.
STYLES = {ACHIEVED: "bold green", PLANNED: "bold cyan", REPORTED: "bold yellow", MISSING: "bold red"}
SYMBOLS = {ACHIEVED: "✔", PLANNED: "◆", REPORTED: "●", MISSING: "✘"}
BAR = 30


def console(width: int | None = None, color: bool = False) -> Console:
    """A console writing to memory: a fixed width and no colour unless a terminal asked for it."""
    return Console(file=StringIO(), width=width or 100, color_system="truecolor" if color else None,
                   force_terminal=color, no_color=not color, highlight=False, emoji=False, legacy_windows=False,
                   soft_wrap=False)


def status_text(status: str) -> Text:
    return Text(f"{SYMBOLS[status]} {label(status)}", style=STYLES[status])


def bar(value: float, style: str, length: int = BAR) -> Text:
    filled = round(length * value / 100)
    return Text.assemble(("█" * filled, style), ("░" * (length - filled), "dim"))


def headline(coverage: Coverage, width: int = 100) -> Table:
    """The figures the mayor asks for first: the target, reporting compliance, the window.

    The bars give way first on a narrow screen (80 columns keep them whole; 60 halves them).
    """
    total, first, last = coverage.total, *coverage.window
    length = max(8, min(BAR, width - 50))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_column(justify="right")
    grid.add_column(justify="right", style="bold")
    reported = total - coverage.count(MISSING)
    grid.add_row(tr("Capaian target {t}", "Target {t} achieved", t=coverage.tahun),
                 bar(coverage.achievement, "green", length),
                 tr("{n} dari {t} OPD", "{n} of {t} agencies", n=coverage.count(ACHIEVED), t=total),
                 percent(coverage.achievement))
    grid.add_row(tr("Kepatuhan pelaporan", "Reporting compliance"), bar(coverage.compliance, "yellow", length),
                 tr("{n} dari {t} OPD", "{n} of {t} agencies", n=reported, t=total), percent(coverage.compliance))
    grid.add_row(tr("Inovasi {a}–{b}", "Innovations {a}–{b}", a=first, b=last),
                 Text(tr("{n} OPD dengan inovasi", "{n} agencies with innovations",
                         n=coverage.agencies_with_innovation)),
                 tr("{n} inovasi", "{n} innovations", n=coverage.innovations), "")
    return grid


def counts(coverage: Coverage) -> Text:
    parts = []
    for status in STATUSES:
        parts += [status_text(status), Text(f" {coverage.count(status)}   ")]
    return Text.assemble(*parts)


# Columns a narrow screen drops, first to last; OPD, Status and Error always stay (`ooi show` takes the
# abbreviation as well as the code). Headers are never cut: a column is shown whole or not at all.
_DROPPED_FIRST = ("kode", "no", "rencana", "peringatan", "kuota", "inovasi")


def agencies(coverage: Coverage, out: Console, previous: dict[str, str] | None = None) -> Table:
    """One row per agency, by abbreviation (as the city's documents name them); full names when there is room.

    With `previous` (kode → status, from --compare) each row shows the earlier status and an arrow.
    """
    room = out.width - 100 - (6 if previous is not None else 0)  # beyond the compact table: worth a full name?
    for dropped in range(len(_DROPPED_FIRST) + 1):
        table = _agencies(coverage, set(_DROPPED_FIRST[:dropped]), room, previous)
        if Measurement.get(out, out.options.update_width(10_000), table).maximum <= out.width:
            break
    return table


def _agencies(coverage: Coverage, dropped: set[str], room: int, previous: dict[str, str] | None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, collapse_padding=True)
    columns = [("no", "No", {"justify": "right"}), ("opd", "OPD", {"no_wrap": True}),
               ("kode", tr("Kode", "Code"), {"style": "dim", "no_wrap": True})]
    if room >= 20:
        columns.append(("nama", tr("Nama", "Name"), {"overflow": "ellipsis", "no_wrap": True, "max_width": room}))
    if previous is not None:
        columns.append(("dulu", tr("Dulu", "Was"), {"no_wrap": True}))
    columns.append(("status", "Status", {"no_wrap": True}))
    if any(entry.kuota > 1 for entry in coverage.agencies):  # a column only where some quota is above one
        columns.append(("kuota", tr("Kuota", "Quota"), {"justify": "right", "no_wrap": True}))
    columns += [("inovasi", tr("Inovasi", "Innovations"), {"justify": "right"}),
                ("rencana", tr("Rencana", "Plans"), {"justify": "right"}), ("error", "Error", {"justify": "right"}),
                ("peringatan", tr("Peringatan", "Warnings"), {"justify": "right"})]
    columns = [column for column in columns if column[0] not in dropped]
    for _, header, options in columns:
        table.add_column(header, min_width=len(header), **options)
    for number, entry in enumerate(coverage.agencies, 1):
        name = ("└ " if entry.depth else "") + visible(entry.agency.singkatan)
        # Text, never a str: rich would read `[` in a name as markup (and fail on `[/oops]`).
        cells = {"no": str(number), "opd": Text(name, style="bold" if entry.status == MISSING else ""),
                 "kode": Text(visible(entry.kode)), "nama": Text(visible(entry.nama)),
                 "status": status_text(entry.status), "kuota": entry.quota_text or "—",
                 "inovasi": str(len(entry.innovations)), "rencana": str(len(entry.plans)),
                 "error": Text(str(entry.errors), style="bold red" if entry.errors else "dim"),
                 "peringatan": Text(str(entry.warnings), style="yellow" if entry.warnings else "dim")}
        if previous is not None:
            before = previous.get(entry.kode)
            shown = Text(SYMBOLS[before], style=STYLES[before]) if before else Text("–", style="dim")
            cells["dulu"] = Text.assemble(shown, " ", arrow(before, entry.status))
        table.add_row(*(cells[key] for key, _, _ in columns))
    return table


def footer(coverage: Coverage) -> list:
    """The missing agencies by name, and whatever was left out of the count and why."""
    lines = []
    missing = [visible(a.agency.singkatan) for a in coverage.agencies if a.status == MISSING]
    if missing:
        lines.append(Text.assemble((tr("Belum melapor ({n}): ", "Missing ({n}): ", n=len(missing)), "bold red"),
                                   ", ".join(missing)))
    for filed in coverage.other:
        lines.append(Text(tr("Di luar daftar OPD aktif: {p} ({e} error, {w} peringatan)",
                             "Outside the active agencies: {p} ({e} error(s), {w} warning(s))",
                             p=visible(filed.path), e=filed.errors, w=filed.warnings), style="red"))
    if coverage.later:
        lines.append(Text(tr("{n} berkas dilapor setelah {d} dan tidak dihitung.",
                             "{n} file(s) filed after {d} are not counted.", n=coverage.later, d=coverage.per),
                          style="dim"))
    if coverage.inactive:
        lines.append(Text(tr("Tidak aktif per {d}, tidak dihitung: {k}", "Not active on {d}, not counted: {k}",
                             d=coverage.per, k=", ".join(visible(a.kode) for a in coverage.inactive)), style="dim"))
    lines.append(Text(tr("Hanya berkas tanpa error yang dihitung; rincian satu OPD: ooi show KODE",
                         "Only files without errors count; one agency in detail: ooi show KODE"), style="dim"))
    return lines


def render(coverage: Coverage, width: int | None = None, color: bool = False, previous: Coverage | None = None,
           against: str | None = None, **_) -> str:
    out = console(width, color)
    title = tr("Satu Instansi Satu Inovasi {t} · {p} · per {d}", "One Agency One Innovation {t} · {p} · as of {d}",
               t=coverage.tahun, p=visible(coverage.pemda), d=coverage.per)
    before = {entry.kode: entry.status for entry in previous.agencies} if previous is not None else None
    compared = [Text(compared_line(coverage, previous, against), style="bold"), Text("")] if previous else []
    out.print(Group(Text(title, style="bold"), Text(""), headline(coverage, out.width), Text(""), *compared,
                    counts(coverage), agencies(coverage, out, previous=before), *footer(coverage)))
    return text(out)


RANK = {ACHIEVED: 3, PLANNED: 2, REPORTED: 1, MISSING: 0}


def arrow(before: str | None, now: str) -> Text:
    """↑ moved up, ↓ moved down, = stayed, + not registered before."""
    if before is None:
        return Text("+", style="bold")
    step = RANK[now] - RANK[before]
    return Text("↑", style="bold green") if step > 0 else Text("↓", style="bold red") if step < 0 else Text(
        "=", style="dim")


def compared_line(coverage: Coverage, previous: Coverage, against: str | None, show=visible) -> str:
    """One line of what moved: the target and reporting figures then and now (`show` makes the ref safe)."""
    where = show(against) if against and against.strip() != str(previous.per) else str(previous.per)
    return tr("Dibandingkan dengan {w}: tercapai {a} → {b} OPD, kepatuhan pelaporan {c} → {d}",
              "Compared with {w}: achieved {a} → {b} agencies, reporting compliance {c} → {d}", w=where,
              a=previous.count(ACHIEVED), b=coverage.count(ACHIEVED), c=percent(previous.compliance),
              d=percent(coverage.compliance))


def text(out: Console) -> str:
    """What the console wrote, without the padding rich leaves at the end of lines."""
    return "".join(line.rstrip() + "\n" for line in out.file.getvalue().splitlines())
