"""P3 kualitas pelayanan: the service got better, shown by a satisfaction survey or complaint handling."""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.facts import facts, skm_band
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.independent import independent
from ooi.rules.wording import number, reached, statement

CODE = "P3"
RECORDS = (Innovation,)
GUIDE = ("uraikan apa yang lebih baik bagi penerima layanan: lebih cepat, lebih mudah, lebih pasti, lebih ramah",
         "say what is better for those served: faster, easier, more certain, friendlier")
_KEYS = ("prinsip", "kualitas_pelayanan")


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    principle = record.prinsip.kualitas_pelayanan
    yield from independent(statement(record, CODE, GUIDE),
                           _survey(record, context) if principle.skm is not None else (),
                           _complaints(principle.pengaduan) if principle.pengaduan is not None else (),
                           _shown(record))


def _shown(record: Innovation) -> Iterator[Problem]:
    principle = record.prinsip.kualitas_pelayanan
    if (record.bentuk == "pelayanan_publik" and reached(record, "penerapan")
            and principle.skm is None and principle.pengaduan is None):
        yield Problem(_KEYS, tr("layanan publik yang sudah diterapkan belum menunjukkan hasil SKM maupun "
                                "penanganan pengaduan",
                                "a public service in force shows neither an SKM result nor complaint handling"),
                      tr("tambahkan `skm: {nilai: 82.5, tahun: 2022}` dan/atau `pengaduan: {masuk: 40, selesai: 38}`",
                         "add `skm: {nilai: 82.5, tahun: 2022}` and/or `pengaduan: {masuk: 40, selesai: 38}`"))


def _survey(record: Innovation, context: Context) -> Iterator[Problem]:
    survey, table = record.prinsip.kualitas_pelayanan.skm, facts()["skm"]
    band = skm_band(survey.nilai)
    if band is None:
        yield Problem((*_KEYS, "skm", "nilai"),
                      tr("nilai SKM {v} di luar skala {a}–{b}", "the SKM value {v} is outside the {a}–{b} scale",
                         v=number(survey.nilai), a=table["minimal"], b=table["maksimal"]),
                      tr("tulis nilai indeks SKM (skala {a}–{b}, Permenpan RB 14/2017), bukan nilai interval "
                         "1–4 atau persen", "write the SKM index (scale {a}–{b}, Permenpan RB 14/2017), not the "
                         "1–4 interval value or a percentage", a=table["minimal"], b=table["maksimal"]))
    elif band in table["mutu_peringatan"]:
        yield Problem((*_KEYS, "skm", "nilai"),
                      tr("nilai SKM {v} bermutu {m}", "the SKM value {v} is in band {m}", v=number(survey.nilai),
                         m=band),
                      tr("uraikan rencana perbaikan layanan di `uraian` dan ulangi survei setelah perbaikan",
                         "state the plan to improve the service in `uraian` and survey again after it"),
                      severity=Severity.WARNING)
    if survey.tahun > context.today.year:
        yield Problem((*_KEYS, "skm", "tahun"), tr("tahun SKM {t} belum terjadi", "the SKM year {t} has not come yet",
                                                   t=survey.tahun),
                      tr("tulis tahun survei yang sudah dilaksanakan", "write the year of a survey already held"))
    elif record.started is not None and survey.tahun < record.started.year:
        yield Problem((*_KEYS, "skm", "tahun"),
                      tr("SKM tahun {t} lebih tua dari mulainya inovasi ({d})",
                         "the SKM of {t} is older than the innovation ({d})", t=survey.tahun, d=record.started),
                      tr("pakai SKM yang diambil setelah inovasi berjalan, agar mengukur layanan yang baru",
                         "use an SKM taken after the innovation began, so it measures the new service"),
                      severity=Severity.WARNING)


def _complaints(complaints) -> Iterator[Problem]:
    keys = (*_KEYS, "pengaduan", "selesai")
    if complaints.selesai > complaints.masuk:
        yield Problem(keys, tr("pengaduan selesai ({s}) lebih banyak dari yang masuk ({m})",
                               "more complaints resolved ({s}) than received ({m})", s=complaints.selesai,
                               m=complaints.masuk),
                      tr("periksa kedua angka untuk periode yang sama", "check both figures cover the same period"))
    elif complaints.masuk and complaints.selesai / complaints.masuk < facts()["pengaduan_selesai_minimal"]:
        yield Problem(keys, tr("baru {s} dari {m} pengaduan yang selesai", "only {s} of {m} complaints are resolved",
                               s=complaints.selesai, m=complaints.masuk),
                      tr("tindak lanjuti pengaduan yang tersisa lalu perbarui angkanya",
                         "follow up the remaining complaints, then update the figures"), severity=Severity.WARNING)
