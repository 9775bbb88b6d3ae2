"""One agency in detail (`ooi show`): its records, how each counts, their findings, and what is left to do."""

from __future__ import annotations

from rich.text import Text

from ooi.coverage.tally import (
    ACHIEVED,
    BROKEN,
    FAULTY,
    LATER,
    OTHER_PLAN,
    OUTSIDE,
    PENDING,
    PLAN,
    PLANNED,
    REGISTRY,
    TARGET,
    WINDOW,
    AgencyCoverage,
    Coverage,
    Filed,
)
from ooi.i18n import current, tr
from ooi.report.status_table import console, status_text, text

STAGES = {"inisiatif": ("inisiatif (rencana)", "initiative (plan)"), "uji_coba": ("uji coba", "pilot"),
          "penerapan": ("penerapan", "in force")}


def _years(filed: Filed) -> str:
    return ", ".join(str(year) for year in filed.years)


def standing(filed: Filed, coverage: Coverage) -> tuple[str, str]:
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


def describe(filed: Filed) -> str:
    """Name, stage and dates of a record, as far as it could be read."""
    record = filed.record
    if record is None or not hasattr(record, "tahapan"):
        return ""
    stage = STAGES[record.tahapan][current() == "en"]
    parts = [record.nama, stage, tr("dilapor {d}", "filed {d}", d=record.tanggal_lapor)]
    if record.tahun_rencana and record.tahapan == "inisiatif":
        parts.append(tr("rencana {y}", "planned for {y}", y=record.tahun_rencana))
    if record.waktu and record.waktu.uji_coba:
        parts.append(tr("uji coba {d}", "pilot {d}", d=record.waktu.uji_coba))
    if record.waktu and record.waktu.penerapan:
        parts.append(tr("diterapkan {d}", "in force {d}", d=record.waktu.penerapan))
    return " · ".join(parts)


def _would_count(filed: Filed, tahun: int) -> bool:
    """A record held back only by its errors that would meet the target or be a plan for it once fixed."""
    record = filed.record
    if getattr(record, "tahapan", None) == "inisiatif":
        return record.tahun_rencana == tahun
    waktu = getattr(record, "waktu", None)
    return waktu is not None and any(day is not None and day.year == tahun for day in (waktu.uji_coba, waktu.penerapan))


def todo(entry: AgencyCoverage, coverage: Coverage) -> list[str]:
    """What the agency still has to do to reach the target, concretely, in the order to do it."""
    steps, t, kode = [], coverage.tahun, entry.kode
    if not entry.active:
        return [tr("tidak ada: OPD ini tidak aktif per {d}", "nothing: this agency is not active on {d}",
                   d=coverage.per)]
    counted = [f for f in entry.files if f.standing != LATER]
    for filed in counted:
        if filed.errors:
            why = tr(" agar terhitung", " so that it counts") if filed.standing in (FAULTY, BROKEN) else ""
            steps.append(tr("perbaiki {n} error di {p}{w} (periksa dengan `ooi validate {p}`)",
                            "fix {n} error(s) in {p}{w} (check with `ooi validate {p}`)",
                            n=filed.errors, p=filed.path, w=why))
    if entry.status == ACHIEVED:
        steps.append(tr("target {t} sudah tercapai; jaga agar berkasnya tetap tanpa error",
                        "the {t} target is met; keep its files free of errors", t=t))
    elif entry.status == PLANNED:
        for path in entry.plans:
            steps.append(tr("jalankan rencana di {p}: saat uji coba dimulai pada {t}, ubah `tahapan: uji_coba` dan "
                            "isi `waktu.uji_coba` serta `bukti` di berkas yang sama",
                            "carry out the plan in {p}: when the pilot starts in {t}, set `tahapan: uji_coba` and "
                            "fill in `waktu.uji_coba` and `bukti` in the same file", p=path, t=t))
    elif not any(_would_count(f, t) for f in counted if f.standing == FAULTY):
        for filed in (f for f in counted if f.standing == PENDING):
            steps.append(tr("{n} baru terhitung setelah uji cobanya dimulai", "{n} counts once its pilot starts",
                            n=filed.record.nama))
        steps.append(tr("ajukan rencana inovasi {t} dengan `ooi new --opd {k} --tahapan inisiatif`",
                        "file an innovation plan for {t} with `ooi new --opd {k} --tahapan inisiatif`", t=t, k=kode))
        steps.append(tr("inovasi yang sudah diuji coba pada {t} dilaporkan dengan "
                        "`ooi new --opd {k} --tahapan uji_coba`",
                        "report an innovation piloted in {t} with `ooi new --opd {k} --tahapan uji_coba`", t=t, k=kode))
    warned = sum(f.warnings for f in counted)
    if warned:
        steps.append(tr("tinjau {n} peringatan di atas", "review the {n} warning(s) above", n=warned))
    return steps


def render(coverage: Coverage, kode: str = "", width: int | None = None, color: bool = False, **_) -> str:
    entry = coverage.find(kode)
    agency = entry.agency
    out = console(width, color)
    under = tr(" · induk {k}", " · under {k}", k=agency.induk) if agency.induk else ""
    parts = [Text(f"{agency.nama} ({agency.kode}) · {agency.jenis}{under}", style="bold")]
    if entry.active:
        parts.append(Text.assemble(tr("Status {t} per {d}: ", "Status {t} as of {d}: ", t=coverage.tahun,
                                      d=coverage.per), status_text(entry.status)))
    else:
        parts.append(Text(tr("Tidak aktif per {d}: tidak dihitung", "Not active on {d}: not counted",
                             d=coverage.per), style="bold"))
    first, last = coverage.window
    parts.append(Text(tr("Inovasi terhitung {a}–{b}: {i} · rencana {t}: {r} · {e} error · {w} peringatan",
                         "Innovations counted {a}–{b}: {i} · plans for {t}: {r} · {e} error(s) · {w} warning(s)",
                         a=first, b=last, i=len(entry.innovations), t=coverage.tahun, r=len(entry.plans),
                         e=entry.errors, w=entry.warnings)))
    parts += [Text(""), Text(tr("Berkas", "Files"), style="bold underline")]
    for filed in entry.files:
        parts.append(Text(filed.path, style="bold"))
        if describe(filed):
            parts.append(Text("  " + describe(filed)))
        said, style = standing(filed, coverage)
        parts.append(Text("  " + said, style=style))
        for finding in filed.findings:
            level = "red" if finding.is_error else "yellow"
            parts.append(Text.assemble(f"  {finding.line}:{finding.column}: ",
                                       (f"{finding.severity.value} {finding.code}", level), f" {finding.message}"))
            if finding.hint:
                parts.append(Text(f"      {tr('saran', 'hint')}: {finding.hint}", style="dim"))
    if all(filed.standing == REGISTRY for filed in entry.files):
        parts.append(Text(tr("(belum ada berkas di data/inovasi/{k}/)", "(no files in data/inovasi/{k}/ yet)",
                             k=agency.kode), style="dim"))
    parts += [Text(""), Text(tr("Yang masih perlu dilakukan", "What is left to do"), style="bold underline")]
    parts += [Text(f"{number}. {step}") for number, step in enumerate(todo(entry, coverage), 1)]
    for part in parts:  # long lines stay whole: a terminal wraps them, a file keeps them greppable
        out.print(part, soft_wrap=True)
    return text(out)
