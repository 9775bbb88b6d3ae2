"""Coverage as GitHub-flavoured Markdown, for a pull-request comment or a job summary."""

from __future__ import annotations

from ooi.coverage.tally import ACHIEVED, MISSING, PLANNED, REPORTED, Coverage, label
from ooi.i18n import tr
from ooi.report.figures import percent
from ooi.report.status_table import arrow, compared_line
from ooi.text_safety import code, markdown

MARKS = {ACHIEVED: "🟢", PLANNED: "🔵", REPORTED: "🟡", MISSING: "🔴"}


def render(coverage: Coverage, previous: Coverage | None = None, against: str | None = None,
           settings: list | None = None, **_) -> str:
    """`settings`: (key, before, after) of the settings changed against the compared ref (a pull request's base)."""
    total, first, last = coverage.total, *coverage.window
    reported = total - coverage.count(MISSING)
    lines = [
        "### " + tr("Status cakupan {t} · {p} · per {d}", "Coverage {t} · {p} · as of {d}",
                    t=coverage.tahun, p=markdown(coverage.pemda), d=coverage.per),
        "",
        "- **" + tr("Capaian target", "Target achieved") + ":** " + tr(
            "{n} dari {t} OPD ({p})", "{n} of {t} agencies ({p})", n=coverage.count(ACHIEVED), t=total,
            p=percent(coverage.achievement)),
        "- **" + tr("Kepatuhan pelaporan", "Reporting compliance") + ":** " + tr(
            "{n} dari {t} OPD ({p})", "{n} of {t} agencies ({p})", n=reported, t=total, p=percent(coverage.compliance)),
        "- **" + tr("Inovasi {a}–{b}", "Innovations {a}–{b}", a=first, b=last) + ":** " + tr(
            "{n} OPD, {i} inovasi", "{n} agencies, {i} innovations", n=coverage.agencies_with_innovation,
            i=coverage.innovations),
        "- " + " · ".join(f"{MARKS[s]} {label(s)}: {coverage.count(s)}" for s in MARKS),
        "",
    ]
    before = {entry.kode: entry.status for entry in previous.agencies} if previous is not None else None
    if previous is not None:
        lines[2:2] = ["**" + compared_line(coverage, previous, against, show=code) + "**", ""]
    if settings:  # the job summary says so: each of these could move a figure or switch a check
        lines += ["#### " + tr("Pull request ini mengubah pengaturan ooi.yaml", "This pull request changes ooi.yaml "
                                                                              "settings"), ""]
        lines += [f"- `{key}`: {code(old)} → {code(new)}" for key, old, new in settings] + [""]
    lines += [
        "| No | OPD | " + (tr("Sebelumnya", "Before") + " | " if before is not None else "") + "Status | "
        + " | ".join((tr("Inovasi", "Innovations"), tr("Rencana", "Plans"), "Error", tr("Peringatan", "Warnings")))
        + " |",
        "|---:|---|" + ("---|" if before is not None else "") + "---|---:|---:|---:|---:|",
    ]
    for number, entry in enumerate(coverage.agencies, 1):
        name = ("↳ " if entry.depth else "") + f"{markdown(entry.nama)} ({code(entry.kode)})"
        status = f"{MARKS[entry.status]} {label(entry.status)}" + (f" ({entry.quota_text})" if entry.quota_text else "")
        if before is not None:
            was = before.get(entry.kode)
            status = (f"{MARKS[was]} {label(was)} | " if was else "– | ") + f"{arrow(was, entry.status).plain} {status}"
        errors = f"**{entry.errors}**" if entry.errors else "0"
        lines.append(f"| {number} | {name} | {status} | {len(entry.innovations)} | {len(entry.plans)} | {errors} "
                     f"| {entry.warnings} |")
    missing = [code(a.kode) for a in coverage.agencies if a.status == MISSING]
    if missing:
        lines += ["", f"**{tr('Belum melapor', 'Missing')} ({len(missing)}):** " + ", ".join(missing)]
    # A file name is the attacker's text here: escaped, it cannot close the code span or start a heading.
    notes = [tr("{p}: {e} error, {w} peringatan, di luar daftar OPD aktif",
                "{p}: {e} error(s), {w} warning(s), outside the active agencies", p=code(f.path), e=f.errors,
                w=f.warnings)
             for f in coverage.other]
    if coverage.later:
        notes.append(tr("{n} berkas dilapor setelah {d} tidak dihitung", "{n} file(s) filed after {d} not counted",
                        n=coverage.later, d=coverage.per))
    if coverage.inactive:
        notes.append(tr("tidak aktif per {d}: {k}", "not active on {d}: {k}", d=coverage.per,
                        k=", ".join(code(a.kode) for a in coverage.inactive)))
    if notes:
        lines += [""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
