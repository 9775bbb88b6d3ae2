"""`ooi remind`: a letter per agency that has not met the target, ready to send: text, markdown, JSON or HTML.

The letter speaks to the head of an office in plain Indonesian (SPEC §12): what its status
is, what is missing, what to fix in which innovation's report, by when, and whom to ask.
Paths, commands and YAML keys go only in the technical note under `Catatan teknis`.
"""

from __future__ import annotations

import json
import re

from markupsafe import escape

from ooi.coverage.next_steps import next_steps, would_count
from ooi.coverage.tally import ACHIEVED, FAULTY, LATER, MISSING, PLANNED, REGISTRY, REPORTED, Coverage, label
from ooi.i18n import current, tr
from ooi.model.fields import INNOVATION, lookup
from ooi.report.contact import addressee
from ooi.report.figures import day
from ooi.text_safety import code, markdown, visible

NOTE = "Catatan teknis"  # the line under which the operator's note begins, in every language (SPEC §12)
_QUOTED = re.compile(r"`([^`]*)`")
_MISSING = re.compile(r"^(?:kunci|key) «[^»]*» (?:belum ada|is missing)")


def _movement(t: int) -> str:
    return tr("Gerakan Satu Instansi Satu Inovasi tahun {t}", "One Agency One Innovation movement {t}", t=t)


def _situation(entry, coverage: Coverage) -> str:
    t, (first, _) = coverage.tahun, coverage.window
    if entry.status == PLANNED:
        return tr("Rencana inovasi untuk tahun {t} sudah diajukan; target tercapai setelah uji cobanya dimulai pada "
                  "tahun {t}.",
                  "An innovation plan for {t} has been filed; the target is met once its pilot starts in {t}.", t=t)
    if entry.status == REPORTED:
        return tr("Sudah ada {n} inovasi yang dilaporkan untuk tahun {a}–{b}, tetapi belum ada inovasi yang diuji "
                  "coba atau diterapkan pada tahun {t}.",
                  "{n} innovation(s) of {a}–{b} are reported, but none was piloted or put in force in {t}.",
                  n=len(entry.innovations), a=first, b=t - 1, t=t)
    if any(f.errors for f in entry.files if f.standing not in (LATER, REGISTRY)):
        return tr("Laporan inovasi yang sudah dikirim belum dapat dihitung karena masih ada isian yang perlu "
                  "diperbaiki.", "The innovation report sent cannot be counted yet: some of its entries need "
                  "correcting.")
    return tr("Belum ada inovasi maupun rencana inovasi yang tercatat untuk tahun {t}.",
              "No innovation or innovation plan is recorded for {t}.", t=t)


def _label(doc) -> str:
    """A key's meaning as a head of office reads it: choices in words too (`uji_coba` → uji coba)."""
    return doc.text().replace("_", " ")


def _worded(text: str) -> str:
    """A finding's text in words: a quoted key becomes what it means (`waktu.uji_coba` → tanggal uji coba)."""
    def word(match: re.Match) -> str:
        doc = lookup(INNOVATION, match.group(1))
        return f"«{_label(doc)}»" if doc else match.group(1).replace("_", " ")
    return _QUOTED.sub(word, text)


def _fixes(filed) -> list[str]:
    """What to fix in one report, in words: the part of the form and what is wrong with it."""
    out = []
    for finding in (f for f in filed.findings if f.is_error):
        if finding.code.startswith("Y"):  # how the file is written, not what it says: the operator's to mend
            out.append("- " + tr("penulisan berkasnya rusak di baris {n} sehingga isinya tidak terbaca; rinciannya "
                                 "untuk operator ada di catatan teknis di bawah",
                                 "the file is damaged at line {n}, so its content cannot be read; the details for "
                                 "the operator are in the technical note below", n=finding.line))
            continue
        doc = lookup(INNOVATION, finding.field) if finding.field else None
        message = finding.message.removeprefix(f"`{finding.field}`: ") if finding.field else finding.message
        # The hint shows what to type in the file: that is for the operator's note; the head reads what is wrong.
        what = _MISSING.sub(tr("belum diisi", "not filled in"), _worded(message)) if doc else _worded(message)
        out.append(f"- {_label(doc)}: {what}" if doc else f"- {what}")
    return out


def _name(filed, names: dict[str, str]) -> str:
    nama = getattr(filed.record, "nama", None) or names.get(filed.path)
    return f"«{nama}»" if nama else tr("yang isinya belum dapat dibaca", "whose content cannot be read yet")


def _todo(entry, coverage: Coverage, names: dict[str, str]) -> list[str]:
    """What the agency is asked to do, in words, numbered; a record with errors is fixed, never filed anew."""
    t, steps = coverage.tahun, []
    faulty = [f for f in entry.files if f.standing not in (LATER, REGISTRY) and f.errors]
    for filed in faulty:
        steps.append(tr("Memperbaiki laporan inovasi {n} (laporan yang sama, tidak perlu membuat yang baru):",
                        "Correct the report of the innovation {n} (the same report, no new one is needed):",
                        n=_name(filed, names)))
        steps += [f"   {line}" for line in _fixes(filed)]
    fixing = any(would_count(f, t, coverage.per) for f in faulty if f.standing == FAULTY)
    if entry.status == PLANNED:
        steps.append(tr("Memulai uji coba inovasi yang direncanakan pada tahun {t}, lalu memperbarui laporannya "
                        "dengan tanggal uji coba dan buktinya.",
                        "Start the planned innovation's pilot in {t}, then update its report with the pilot date and "
                        "its evidence.", t=t))
    elif entry.status in (MISSING, REPORTED) and not fixing:
        new = tr("mengajukan rencana inovasi untuk tahun {t}, atau melaporkan inovasi yang sudah diuji coba atau "
                 "diterapkan pada tahun {t}.",
                 "file an innovation plan for {t}, or report an innovation piloted or put in force in {t}.", t=t)
        # A report being corrected may be the one that counts: a new one is asked for only if it is not.
        steps.append(tr("Bila inovasi di atas tidak diuji coba atau diterapkan pada tahun {t}: {n}",
                        "If the innovation above was not piloted or put in force in {t}: {n}", t=t, n=new)
                     if faulty else new[0].upper() + new[1:])
    number, out = 0, []
    for step in steps:
        if step.startswith("   "):
            out.append(step)
        else:
            number += 1
            out.append(f"{number}. {step}")
    return out


def _technical(entry, coverage: Coverage) -> list[str]:
    """For the agency's operator: the steps with their commands, and each error with its file, line and code."""
    lines = [f"- {step}" for step in next_steps(entry, coverage)]
    for filed in entry.files:
        if filed.standing != LATER:
            lines += [f"- {f.path}:{f.line}:{f.column}: {f.code} {f.message}" + (f" ({f.hint})" if f.hint else "")
                      for f in filed.findings if f.is_error]
    return lines


def _helper(secretariat) -> str:
    if secretariat and (secretariat.nama or secretariat.jabatan):
        who = ", ".join(part for part in (secretariat.nama, secretariat.jabatan) if part)
        ways = [tr("surel {e}", "email {e}", e=secretariat.email) if secretariat.email else "",
                tr("telepon {t}", "phone {t}", t=secretariat.telepon) if secretariat.telepon else ""]
        ways = " " + tr("melalui {w}", "by {w}", w=tr(" atau ", " or ").join(w for w in ways if w)) if any(ways) else ""
        return tr("Bila ada pertanyaan, silakan menghubungi {c}{w}.", "For any question, please contact {c}{w}.",
                  c=who, w=ways)
    return tr("Bila ada pertanyaan, silakan menghubungi Sekretariat Gerakan Satu Instansi Satu Inovasi.",
              "For any question, please contact the One Agency One Innovation secretariat.")


def reminders(coverage: Coverage, opd: list[str] | None = None, tenggat=None, secretariat=None,
              names: dict[str, str] | None = None) -> list[dict]:
    """`{kode, kepada, email, telepon, judul, isi, catatan}` for each agency (of `opd`, when given) short of the
    target; `isi` is the letter without the technical note, `catatan` that note's lines. `names`: the `nama`
    of records the schema refused (path → name), read by the command, so the letter can still name them."""
    out = []
    t = coverage.tahun
    for entry in coverage.agencies:
        if entry.status == ACHIEVED or (opd and entry.kode not in opd):
            continue
        to = addressee(entry.agency)
        title = tr("Pengingat {m}", "Reminder: {m}", m=_movement(t))
        lines = [coverage.pemda, day(coverage.per), "", tr("Yth. {k}", "To: {k}", k=to[0]), *to[1:],
                 *([] if current() == "en" else ["di tempat"]), "",  # the Indonesian form; English has none
                 tr("Perihal: {j}", "Subject: {j}", j=title), "",
                 tr("Dengan hormat,", "Dear Sir or Madam,"), "",
                 tr("Berdasarkan data per {d}, status {n} dalam {m} adalah: {s}. {w}",
                    "According to the data as of {d}, the status of {n} in the {m} is: {s}. {w}",
                    d=day(coverage.per), n=entry.nama, m=_movement(t), s=label(entry.status).lower(),
                    w=_situation(entry, coverage)), "",
                 tr("Kami mohon Bapak/Ibu berkenan:", "We kindly ask you to:"), *_todo(entry, coverage, names or {}), ""]
        if tenggat is not None:
            lines += [tr("Mohon tindak lanjut paling lambat {d}.", "Please act by {d}.", d=day(tenggat)), ""]
        lines += [_helper(secretariat), "",
                  tr("Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.",
                     "Thank you for your attention and cooperation."), "",
                  tr("Hormat kami,", "Yours faithfully,"),
                  tr("Sekretariat Gerakan Satu Instansi Satu Inovasi", "One Agency One Innovation secretariat"),
                  coverage.pemda]
        kontak = entry.agency.kontak
        # Names and contacts come from records: control characters are shown, never obeyed (text_safety).
        out.append({"kode": entry.kode, "kepada": visible(", ".join(to)), "email": kontak.email if kontak else None,
                    "telepon": kontak.telepon if kontak else None, "judul": visible(title),
                    "isi": "\n".join(visible(line) for line in lines),
                    "catatan": [visible(line) for line in _technical(entry, coverage)]})
    return out


def _text(m: dict) -> str:
    note = "\n".join(m["catatan"])
    return f"{m['isi']}\n\n{'-' * 40}\n{NOTE}\n{tr('(untuk operator OPD)', '(for the agency operator)')}\n{note}\n"


def _markdown(m: dict) -> str:
    body = "  \n".join(markdown(line) for line in m["isi"].split("\n"))  # two spaces: a line break, not a paragraph
    note = "\n".join(f"- {_code_spans(line[2:])}" for line in m["catatan"])
    return f"## {markdown(m['judul'])}\n\n{body}\n\n---\n\n**{NOTE}** {markdown(tr('(untuk operator OPD)', '(for the agency operator)'))}\n\n{note}\n"


def _code_spans(line: str) -> str:
    """A note line with its commands as code spans and every other text escaped."""
    parts = _QUOTED.split(line)
    return "".join(code(part) if index % 2 else markdown(part) for index, part in enumerate(parts))


def _html(m: dict) -> str:
    body = "<br>\n".join(str(escape(line)) for line in m["isi"].split("\n"))
    note = "".join(f"<li>{escape(line[2:])}</li>" for line in m["catatan"])
    return (f'<article class="surat" data-kode="{escape(m["kode"])}"><p>{body}</p>\n<hr><h2>{NOTE}</h2>'
            f'<p class="catatan">{escape(tr("(untuk operator OPD)", "(for the agency operator)"))}</p>'
            f'<ul class="catatan">{note}</ul></article>\n')


HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ margin: 0 auto; max-width: 720px; padding: 16px; font: 12pt/1.5 "Noto Serif", Georgia, serif; color: #111;
       overflow-wrap: break-word; }}
article.surat + article.surat {{ break-before: page; border-top: 1px solid #999; margin-top: 32px; padding-top: 16px; }}
h2 {{ font-size: 10pt; margin: 8px 0 0; }} hr {{ margin-top: 24px; }}
.catatan {{ font: 10pt/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }}
@page {{ size: A4; margin: 20mm 20mm; }}
@media print {{ body {{ max-width: none; padding: 0; }} article.surat + article.surat {{ border: 0; margin: 0; padding: 0; }} }}
</style></head><body>
{letters}</body></html>
"""


def one(m: dict, format: str) -> str:
    """One letter, whole, in `format` (text, markdown, json, html)."""
    if format == "json":
        return json.dumps(_entry(m), ensure_ascii=False, indent=2) + "\n"
    return _page([m]) if format == "html" else (_markdown if format == "markdown" else _text)(m)


def _entry(m: dict) -> dict:
    return {"kode": m["kode"], "kepada": m["kepada"], "email": m["email"], "judul": m["judul"],
            "isi": _text(m)}


def _page(messages: list[dict]) -> str:
    return HTML_PAGE.format(lang=current(), title=escape(tr("Surat pengingat", "Reminder letters")),
                            letters="".join(_html(m) for m in messages))


def render(coverage: Coverage, format: str = "text", opd: list[str] | None = None, tenggat=None, secretariat=None,
           names: dict[str, str] | None = None, **_) -> str:
    messages = reminders(coverage, opd, tenggat, secretariat, names)
    if format == "json":
        return json.dumps([_entry(m) for m in messages], ensure_ascii=False, indent=2) + "\n"
    if not messages:
        return tr("Semua OPD yang diminta sudah mencapai target {t}.\n",
                  "Every agency asked for has met the {t} target.\n", t=coverage.tahun)
    if format == "html":
        return _page(messages)
    if format == "markdown":
        return "\n---\n\n".join(_markdown(m) for m in messages)
    return ("\n" + "=" * 72 + "\n\n").join(_text(m) for m in messages)
