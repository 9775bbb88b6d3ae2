"""P8 akuntabilitas: a named person answers for the innovation, its results are reported and evaluated."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from ooi.i18n import tr
from ooi.model.facts import facts
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.independent import independent
from ooi.rules.wording import placeholder, reached, statement

CODE = "P8"
RECORDS = (Innovation,)
GUIDE = ("uraikan kepada siapa hasil dilaporkan, seberapa sering, dan bagaimana dievaluasi",
         "say to whom the results are reported, how often, and how they are evaluated")
_KEYS = ("prinsip", "akuntabilitas")
_DIGIT = re.compile(r"[0-9]")  # ASCII digits: `\d` also takes Arabic-Indic ones


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from independent(statement(record, CODE, GUIDE), _person(record, context), _evaluated(record),
                           _self_interest(record))


def _evaluated(record: Innovation) -> Iterator[Problem]:
    monev = record.prinsip.akuntabilitas.monev
    if reached(record, "penerapan"):
        if monev is None:
            yield Problem((*_KEYS, "monev"), tr("monitoring dan evaluasi belum ada (wajib pada tahapan penerapan)",
                                                "no monitoring and evaluation (required at stage penerapan)"),
                          tr("tambahkan `monev: {jenis: internal, tanggal: 2023-01-10, ringkasan: …}` (jenis: "
                             "internal, skm, atau eksternal)", "add `monev: {jenis: internal, tanggal: 2023-01-10, "
                             "ringkasan: …}` (jenis: internal, skm or eksternal)"))
        if record.hasil is not None and not placeholder(record.hasil) and not _DIGIT.search(record.hasil):
            yield Problem(("hasil",), tr("hasil belum memuat angka capaian", "the results hold no figures"),
                          tr("tulis capaian terukur, mis. \"waktu layanan turun dari 7 menjadi 3 hari\"",
                             "write a measured result, e.g. \"the service time fell from 7 to 3 days\""),
                          severity=Severity.WARNING)
    if monev is not None:
        if placeholder(monev.ringkasan):
            yield Problem((*_KEYS, "monev", "ringkasan"), tr("ringkasan monev masih berupa isian pengganti",
                                                            "the monev summary is a placeholder"),
                          tr("tulis temuan dan tindak lanjut evaluasi dalam satu atau dua kalimat",
                             "write what the evaluation found and what follows, in a sentence or two"))
        if record.started is not None and monev.tanggal < record.started:
            yield Problem((*_KEYS, "monev", "tanggal"),
                          tr("monev bertanggal {t}, sebelum inovasi dimulai ({s})",
                             "the monev is dated {t}, before the innovation began ({s})", t=monev.tanggal,
                             s=record.started),
                          tr("tulis monev yang menilai inovasi setelah berjalan", "write a monev of the innovation "
                             "after it began"), severity=Severity.WARNING)


def _person(record: Innovation, context: Context) -> Iterator[Problem]:
    person = record.penanggung_jawab
    for key in ("nama", "jabatan"):
        if placeholder(getattr(person, key)):
            yield Problem(("penanggung_jawab", key), tr("`penanggung_jawab.{k}` masih berupa isian pengganti",
                                                        "`penanggung_jawab.{k}` is a placeholder", k=key),
                          tr("tulis nama lengkap dan jabatan pejabat yang bertanggung jawab, sesuai SK",
                             "write the full name and office of the official in charge, as in the decree"))
    nip = person.nip
    born = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    year, month = int(nip[8:12]), int(nip[12:14])
    age = year - born.year - (month < born.month)
    if age < facts()["usia_pengangkatan_minimal"] or (year, month) > (context.today.year, context.today.month):
        yield Problem(("penanggung_jawab", "nip"),
                      tr("NIP {n} tidak masuk akal: TMT pengangkatan {y}-{m:02d} (usia {a} tahun)",
                         "NIP {n} does not make sense: appointed {y}-{m:02d} (aged {a})",
                         n=nip, y=year, m=month, a=age),
                      tr("salin NIP 18 angka dari SK pengangkatan: lahir (8 angka), TMT (6 angka), jenis kelamin, "
                         "nomor urut", "copy the 18-digit NIP from the appointment decree: birth (8 digits), "
                         "appointment (6 digits), sex, sequence"))


def _self_interest(record: Innovation) -> Iterator[Problem]:
    parties = record.prinsip.tanpa_konflik_kepentingan.pihak_terkait
    if not parties:  # most records: no name to compare
        return
    person = _name_key(record.penanggung_jawab.nama)
    for index, party in enumerate(parties):
        if person and _name_key(party.nama) == person:
            yield Problem(("prinsip", "tanpa_konflik_kepentingan", "pihak_terkait", index, "nama"),
                          tr("penanggung jawab {n} juga tercatat sebagai pihak terkait",
                             "the person in charge, {n}, is also listed as a related party",
                             n=record.penanggung_jawab.nama),
                          tr("tunjuk penanggung jawab lain yang tidak berkepentingan atas inovasi ini",
                             "appoint another person in charge with no interest in this innovation"))


def _name_key(name: str) -> str:
    """A name without academic titles: `dr. Retno Kusumawati, M.Kes.` → `retno kusumawati`."""
    titles = _titles()
    words = [w.strip(".") for w in name.split(",")[0].casefold().split()]
    return " ".join(w for w in words if w and w not in titles)


@cache
def _titles() -> frozenset[str]:
    return frozenset(facts()["gelar_depan"])
