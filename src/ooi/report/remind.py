"""`ooi remind`: a message per agency that has not met the target, to its contact: text, markdown or JSON."""

from __future__ import annotations

import json

from ooi.coverage.next_steps import next_steps
from ooi.coverage.tally import ACHIEVED, MISSING, PLANNED, REPORTED, Coverage, label
from ooi.i18n import tr
from ooi.report.contact import addressee
from ooi.text_safety import markdown, visible


def _situation(entry, coverage: Coverage) -> str:
    t, (first, _) = coverage.tahun, coverage.window
    if entry.status == PLANNED:
        return tr("Rencana inovasi untuk {t} sudah diajukan; target tercapai saat uji cobanya dimulai pada {t}.",
                  "An innovation plan for {t} has been filed; the target is met once its pilot starts in {t}.", t=t)
    if entry.status == REPORTED:
        return tr("Sudah melapor {n} inovasi pada {a}–{b}, tetapi belum ada inovasi yang diuji coba atau diterapkan "
                  "pada {t}.",
                  "{n} innovation(s) of {a}–{b} are reported, but none was piloted or put in force in {t}.",
                  n=len(entry.innovations), a=first, b=t - 1, t=t)
    return tr("Belum ada inovasi atau rencana inovasi yang tercatat untuk {t} maupun untuk {a}–{b}.",
              "No innovation or innovation plan is recorded for {t} nor for {a}–{b}.", t=t, a=first, b=t - 1)


def reminders(coverage: Coverage, opd: list[str] | None = None, tenggat=None) -> list[dict]:
    """`[{kode, kepada, judul, isi}]` for each agency (of `opd`, when given) that has not achieved the target."""
    out = []
    for entry in coverage.agencies:
        if entry.status == ACHIEVED or (opd and entry.kode not in opd):
            continue
        t = coverage.tahun
        lines = [tr("Yth. {k},", "Dear {k},", k=addressee(entry.agency)), "",
                 tr("Per {d}, status {n} untuk target Satu Instansi Satu Inovasi {t}: {s}.",
                    "As of {d}, the status of {n} for the One Agency One Innovation target {t}: {s}.",
                    d=coverage.per, n=entry.nama, t=t, s=label(entry.status)),
                 _situation(entry, coverage)]
        if entry.errors:
            lines.append(tr("{e} error di berkasnya membuat berkas itu tidak terhitung.",
                            "{e} error(s) in its files keep those files from counting.", e=entry.errors))
        lines += ["", tr("Yang masih perlu dilakukan:", "What is left to do:")]
        lines += [f"{number}. {step}" for number, step in enumerate(next_steps(entry, coverage), 1)]
        if tenggat is not None:
            lines += ["", tr("Tenggat: {d}.", "Deadline: {d}.", d=tenggat)]
        if entry.status in (MISSING, REPORTED):
            lines += ["", tr("Untuk memulai:", "To start:"), f"    ooi new --opd {entry.kode} --tahapan inisiatif"]
        lines += ["", tr("Terima kasih.", "Thank you."),
                  tr("Sekretariat Gerakan Satu Instansi Satu Inovasi, {p}",
                     "One Agency One Innovation secretariat, {p}",
                     p=coverage.pemda)]
        title = tr("Pengingat Satu Instansi Satu Inovasi {t}: {n} ({s})",
                   "One Agency One Innovation {t} reminder: {n} ({s})", t=t, n=entry.nama, s=label(entry.status))
        # Names and contacts come from records: control characters are shown, never obeyed (text_safety).
        out.append({"kode": entry.kode, "kepada": visible(addressee(entry.agency)), "judul": visible(title),
                    "isi": "\n".join(visible(line) for line in lines),
                    "kontak": entry.agency.kontak})
    return out


def render(coverage: Coverage, format: str = "text", opd: list[str] | None = None, tenggat=None, **_) -> str:
    messages = reminders(coverage, opd, tenggat)
    if format == "json":
        return json.dumps([{key: m[key] for key in ("kode", "kepada", "judul", "isi")} for m in messages],
                          ensure_ascii=False, indent=2) + "\n"
    if not messages:
        return tr("Semua OPD yang diminta sudah mencapai target {t}.\n",
                  "Every agency asked for has met the {t} target.\n", t=coverage.tahun)
    blocks = []
    for m in messages:
        kontak = m["kontak"]
        to = m["kepada"] + (f" <{kontak.email}>" if kontak and kontak.email else "") + (
            tr(", telp. {t}", ", phone {t}", t=kontak.telepon) if kontak and kontak.telepon else "")
        if format == "markdown":
            # Record text (names, file names) is escaped line by line; the indented command stays a code block.
            body = "\n".join(line if line.startswith("    ") else markdown(line) for line in m["isi"].split("\n"))
            body = body.replace("\n    ooi new", "\n\n    ooi new")
            blocks.append(f"## {markdown(m['judul'])}\n\n*{tr('Kepada', 'To')}: {markdown(to)}*\n\n{body}\n")
        else:
            blocks.append(f"{tr('Kepada', 'To')}: {to}\n{tr('Perihal', 'Subject')}: {m['judul']}\n\n{m['isi']}\n")
    separator = "\n---\n\n" if format == "markdown" else "\n" + "-" * 72 + "\n\n"
    return separator.join(blocks)
