"""One agency in detail (`ooi show`): its records, how each counts, their findings, and what is left to do."""

from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ooi.coverage.next_steps import next_steps
from ooi.coverage.tally import (
    BROKEN,
    FAULTY,
    LATER,
    OTHER_PLAN,
    OUTSIDE,
    PENDING,
    PLAN,
    REGISTRY,
    TARGET,
    WINDOW,
    Coverage,
    FileStanding,
)
from ooi.i18n import tr
from ooi.report.contact import contact_text
from ooi.report.status_table import console, status_text, text
from ooi.text_safety import visible

STAGES = {"inisiatif": ("inisiatif (rencana)", "initiative (plan)"), "uji_coba": ("uji coba", "pilot"),
          "penerapan": ("penerapan", "in force")}


def _years(filed: FileStanding) -> str:
    return ", ".join(str(year) for year in filed.years)


def standing(filed: FileStanding, coverage: Coverage) -> tuple[str, str]:
    """Whether and how a file counts, and the style to show it in."""
    first, last = coverage.window
    text = {
        REGISTRY: (tr("entri daftar OPD", "agency registry entry"), "dim"),
        TARGET: (tr("✔ terhitung: inovasi tahun target {t}", "✔ counts: an innovation of the target year {t}",
                    t=coverage.tahun), "green"),
        WINDOW: (tr("● terhitung sebagai inovasi {y} (sudah melapor; belum tahun target {t})",
                    "● counts as an innovation of {y} (reported; not yet the target year {t})",
                    y=_years(filed), t=coverage.tahun), "yellow"),
        OUTSIDE: (tr("○ tahun {y} di luar jendela {a}–{b}: tidak terhitung",
                     "○ year {y} is outside the window {a}–{b}: does not count",
                     y=_years(filed), a=first, b=last), "dim"),
        PENDING: (tr("○ uji coba/penerapan setelah {d}: belum terhitung", "○ pilot/use after {d}: does not count yet",
                     d=coverage.per), "dim"),
        PLAN: (tr("◆ terhitung: rencana untuk {t}", "◆ counts: a plan for {t}", t=coverage.tahun), "cyan"),
        OTHER_PLAN: (tr("○ rencana untuk tahun lain: tidak terhitung untuk {t}",
                        "○ a plan for another year: does not count for {t}", t=coverage.tahun), "dim"),
        FAULTY: (tr("✘ tidak terhitung: {n} error", "✘ does not count: {n} error(s)", n=filed.errors), "bold red"),
        BROKEN: (tr("✘ tidak terbaca sebagai rekaman: {n} error", "✘ not readable as a record: {n} error(s)",
                    n=filed.errors), "bold red"),
        LATER: (tr("○ dilapor setelah {d}: diabaikan", "○ filed after {d}: ignored", d=coverage.per), "dim"),
    }
    return text[filed.standing]


def describe(filed: FileStanding) -> str:
    """Name, stage and dates of a record, as far as it could be read."""
    record = filed.record
    if record is None or not hasattr(record, "tahapan"):
        return ""
    stage = tr(*STAGES[record.tahapan])
    parts = [record.nama, stage, tr("dilapor {d}", "filed {d}", d=record.tanggal_lapor)]
    if record.tahun_rencana and record.tahapan == "inisiatif":
        parts.append(tr("rencana {y}", "planned for {y}", y=record.tahun_rencana))
    if record.waktu and record.waktu.uji_coba:
        parts.append(tr("uji coba {d}", "pilot {d}", d=record.waktu.uji_coba))
    if record.waktu and record.waktu.penerapan:
        parts.append(tr("diterapkan {d}", "in force {d}", d=record.waktu.penerapan))
    return " · ".join(parts)


def _line(content: str, style: str = "") -> Text:
    """One line of the page: names, paths and messages come from files, so they are shown escaped."""
    return Text(visible(content), style=style)


def render(coverage: Coverage, kode: str = "", width: int | None = None, color: bool = False, wrap: bool = False,
           **_) -> str:
    """`wrap`: fit a screen's width, each line's continuation under its own indent (else lines stay whole)."""
    entry = coverage.find(kode)
    agency = entry.agency
    out = console(width, color)
    under = tr(" · induk {k}", " · under {k}", k=agency.induk) if agency.induk else ""
    parts = [_line(f"{agency.nama} ({agency.kode}) · {agency.jenis}{under}", style="bold")]
    if agency.kontak:
        parts.append(_line(tr("Kontak: {c}", "Contact: {c}", c=contact_text(agency.kontak))))
    if entry.active:
        status = Text.assemble(tr("Status {t} per {d}: ", "Status {t} as of {d}: ", t=coverage.tahun,
                                  d=coverage.per), status_text(entry.status))
        if entry.quota_text:
            status.append(tr(" · {q} inovasi tahun {t} (kuota)", " · {q} innovations of {t} (quota)",
                             q=entry.quota_text, t=coverage.tahun))
        parts.append(status)
    else:
        parts.append(_line(tr("Tidak aktif per {d}: tidak dihitung", "Not active on {d}: not counted",
                              d=coverage.per), style="bold"))
    first, last = coverage.window
    parts.append(_line(tr("Inovasi terhitung {a}–{b}: {i} · rencana {t}: {r} · {e} error · {w} peringatan",
                          "Innovations counted {a}–{b}: {i} · plans for {t}: {r} · {e} error(s) · {w} warning(s)",
                          a=first, b=last, i=len(entry.innovations), t=coverage.tahun, r=len(entry.plans),
                          e=entry.errors, w=entry.warnings)))
    parts += [_line(""), _line(tr("Berkas", "Files"), style="bold underline")]
    for filed in entry.files:
        parts.append(_line(filed.path, style="bold"))
        if describe(filed):
            parts.append(_line("  " + describe(filed)))
        said, style = standing(filed, coverage)
        parts.append(_line("  " + said, style=style))
        for finding in filed.findings:
            level = "red" if finding.is_error else "yellow"
            parts.append(Text.assemble(f"  {finding.line}:{finding.column}: ",
                                       (f"{finding.severity.value} {finding.code}", level),
                                       f" {visible(finding.message)}"))
            if finding.hint:
                parts.append(_line(f"      {tr('saran', 'hint')}: {finding.hint}", style="dim"))
    if all(filed.standing == REGISTRY for filed in entry.files):
        parts.append(_line(tr("(belum ada berkas di data/inovasi/{k}/)", "(no files in data/inovasi/{k}/ yet)",
                              k=agency.kode), style="dim"))
    parts += [_line(""), _line(tr("Yang masih perlu dilakukan", "What is left to do"), style="bold underline")]
    parts += [_line(f"{number}. {step}") for number, step in enumerate(next_steps(entry, coverage), 1)]
    for part in parts:  # for a file or a pipe long lines stay whole, so they stay greppable
        if wrap:
            out.print(_hanging(part))
        else:
            out.print(part, soft_wrap=True)
    return text(out)


def _hanging(part: Text):
    """A line whose continuation lines keep its indent; a numbered step's continue under its text."""
    plain = part.plain
    indent = len(plain) - len(plain.lstrip(" "))
    if plain[:1].isdigit() and ". " in plain[:5]:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        cut = plain.index(". ") + 1
        grid.add_row(part[:cut], part[cut + 1:])
        return grid
    return Padding(part[indent:], (0, 0, 0, indent)) if indent else part
