"""P7 kepatutan: an innovation in force rests on a dated, numbered legal act, and its budget adds up."""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.independent import independent
from ooi.rules.wording import placeholder, reached, statement

CODE = "P7"
RECORDS = (Innovation,)
GUIDE = ("uraikan mengapa inovasi ini patut: ditetapkan pejabat berwenang, sesuai aturan, tidak membebani warga",
         "say why the innovation is proper: enacted by the competent official, within the rules, no burden on "
         "residents")
_KEYS = ("prinsip", "kepatutan", "dasar_hukum")
_ACT = ('`dasar_hukum: [{jenis: sk_kepala_opd, nomor: "…", tanggal: 2023-01-16}]`',)


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from independent(statement(record, CODE, GUIDE), _budget(record), _legal_basis(record, context))


def _budget(record: Innovation) -> Iterator[Problem]:
    budget = record.anggaran
    if budget.sumber != "tanpa_anggaran" and budget.jumlah <= 0:
        yield Problem(("anggaran", "jumlah"), tr("anggaran bersumber {s} tetapi jumlahnya 0",
                                                 "the budget comes from {s} but its amount is 0", s=budget.sumber),
                      tr("tulis jumlah rupiah dari dokumen anggaran (mis. DPA), atau `sumber: tanpa_anggaran` bila "
                         "tidak memakai biaya", "write the amount in rupiah from the budget document (e.g. the DPA), "
                         "or `sumber: tanpa_anggaran` if it costs nothing"))
    elif budget.sumber == "tanpa_anggaran" and budget.jumlah > 0:
        yield Problem(("anggaran", "jumlah"), tr("`sumber: tanpa_anggaran` tetapi jumlahnya {j}",
                                                 "`sumber: tanpa_anggaran` but the amount is {j}", j=budget.jumlah),
                      tr("hapus `jumlah`, atau tulis sumber anggarannya (apbd, apbdes, apbn, csr, lainnya)",
                         "remove `jumlah`, or write where the money comes from (apbd, apbdes, apbn, csr, lainnya)"))


def _legal_basis(record: Innovation, context: Context) -> Iterator[Problem]:
    if not reached(record, "penerapan"):
        return
    acts = record.prinsip.kepatutan.dasar_hukum
    complete = [(i, act) for i, act in enumerate(acts) if not placeholder(act.nomor) and act.tanggal is not None]
    in_force = [(i, act) for i, act in complete if act.tanggal <= context.today]
    if not complete:
        yield Problem(_KEYS, tr("belum ada dasar hukum dengan nomor dan tanggal (wajib pada tahapan penerapan)",
                                "no legal basis with a number and a date (required at stage penerapan)"),
                      tr("tambahkan {a}", "add {a}", a=_ACT[0]))
    elif not in_force:
        yield Problem(_KEYS, tr("dasar hukum belum berlaku: semua bertanggal setelah hari ini ({t})",
                                "the legal basis is not in force: every act is dated after today ({t})",
                                t=context.today),
                      tr("inovasi diterapkan setelah ditetapkan: tulis produk hukum yang sudah ditandatangani",
                         "an innovation is in force once enacted: write an act that has been signed"))
    whole = {index for index, _ in complete}
    for index, act in enumerate(acts):
        missing = [key for key, value in (("nomor", act.nomor), ("tanggal", act.tanggal))
                   if value is None or (key == "nomor" and placeholder(value))]
        if whole and index not in whole:
            yield Problem((*_KEYS, index, missing[0]), tr("dasar hukum ke-{n} belum lengkap: {k} belum ada",
                                                          "legal act {n} is incomplete: no {k}", n=index + 1,
                                                          k=", ".join(missing)),
                          tr("lengkapi dari salinan produk hukumnya", "complete it from a copy of the act"),
                          severity=Severity.WARNING)
    started = record.waktu.penerapan if record.waktu else None
    if in_force and started is not None:
        index, oldest = min(in_force, key=lambda pair: pair[1].tanggal)
        if oldest.tanggal > started:
            yield Problem((*_KEYS, index, "tanggal"),
                          tr("dasar hukum ditetapkan {d}, setelah inovasi diterapkan ({p})",
                             "the legal basis is dated {d}, after the innovation came into force ({p})",
                             d=oldest.tanggal, p=started),
                          tr("tulis produk hukum yang menetapkan penerapan, atau perbaiki `waktu.penerapan`",
                             "write the act that put it into force, or correct `waktu.penerapan`"),
                          severity=Severity.WARNING)
