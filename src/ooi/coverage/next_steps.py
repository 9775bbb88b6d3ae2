"""What an agency still has to do to reach the target, in the order to do it (`ooi show`, reminders). Pure."""

from __future__ import annotations

from datetime import date

from ooi.coverage.tally import (
    ACHIEVED,
    BROKEN,
    FAULTY,
    LATER,
    PENDING,
    PLANNED,
    AgencyCoverage,
    Coverage,
    FileStanding,
)
from ooi.i18n import tr
from ooi.model.summary import Summary


def would_count(filed: FileStanding, tahun: int, per: date) -> bool:
    """A record held back only by its errors that would meet the target, as of `per`, or be a plan for it once fixed.

    The same test as coverage's: a pilot or entry into force in year T on or before D.
    """
    record = filed.record
    if not isinstance(record, Summary):
        return False
    if record.tahapan == "inisiatif":
        return record.tahun_rencana == tahun
    waktu = record.waktu
    return waktu is not None and any(day is not None and day.year == tahun and day <= per
                                     for day in (waktu.uji_coba, waktu.penerapan))


def next_steps(entry: AgencyCoverage, coverage: Coverage) -> list[str]:
    """What the agency still has to do to reach the target, concretely, in the order to do it."""
    steps: list[str] = []
    t, kode = coverage.tahun, entry.kode
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
    short = entry.kuota - entry.in_target
    if entry.kuota > 1 and short > 0:
        steps.append(tr("kuota {k} inovasi tahun {t}: masih kurang {n}", "quota of {k} innovations in {t}: {n} more "
                        "needed", k=entry.kuota, t=t, n=short))
    if entry.status == ACHIEVED:
        steps.append(tr("target {t} sudah tercapai; jaga agar berkasnya tetap tanpa error",
                        "the {t} target is met; keep its files free of errors", t=t))
    elif entry.status == PLANNED:
        for path in entry.plans:
            steps.append(tr("jalankan rencana di {p}: saat uji coba dimulai pada {t}, ubah `tahapan: uji_coba` dan "
                            "isi `waktu.uji_coba` serta `bukti` di berkas yang sama",
                            "carry out the plan in {p}: when the pilot starts in {t}, set `tahapan: uji_coba` and "
                            "fill in `waktu.uji_coba` and `bukti` in the same file", p=path, t=t))
    elif not any(would_count(f, t, coverage.per) for f in counted if f.standing == FAULTY):
        for filed in (f for f in counted if f.standing == PENDING):
            steps.append(tr("{n} baru terhitung setelah uji cobanya dimulai", "{n} counts once its pilot starts",
                            n=filed.record.nama if isinstance(filed.record, Summary) else filed.path))
        steps.append(tr("ajukan rencana inovasi {t} dengan `ooi new --opd {k} --tahapan inisiatif`",
                        "file an innovation plan for {t} with `ooi new --opd {k} --tahapan inisiatif`", t=t, k=kode))
        steps.append(tr("inovasi yang sudah diuji coba pada {t} dilaporkan dengan "
                        "`ooi new --opd {k} --tahapan uji_coba`",
                        "report an innovation piloted in {t} with `ooi new --opd {k} --tahapan uji_coba`", t=t, k=kode))
    warned = sum(f.warnings for f in counted)
    if warned:
        steps.append(tr("tinjau {n} peringatan di atas", "review the {n} warning(s) above", n=warned))
    return steps
