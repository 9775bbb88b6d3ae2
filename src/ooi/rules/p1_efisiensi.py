"""P1 efisiensi: the innovation states, and from its pilot on measures, what it saves."""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.wording import number, reached, statement

CODE = "P1"
RECORDS = (Innovation,)
GUIDE = ("uraikan apa yang dihemat dibanding cara lama: waktu, biaya, langkah, atau petugas",
         "say what it saves against the old way: time, cost, steps or staff")
_KEYS = ("prinsip", "efisiensi", "ukuran")


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from statement(record, CODE, GUIDE)
    measures = record.prinsip.efisiensi.ukuran
    if not measures and reached(record, "uji_coba"):
        yield Problem(_KEYS, tr("efisiensi belum diukur: `ukuran` belum ada (wajib mulai tahapan uji_coba)",
                                "efficiency is not measured: no `ukuran` (required from stage uji_coba on)"),
                      tr("tambahkan `ukuran: [{indikator: waktu layanan, satuan: hari, sebelum: 7, sesudah: 3, "
                         "arah: turun}]`",
                         "add `ukuran: [{indikator: waktu layanan, satuan: hari, sebelum: 7, sesudah: 3, "
                         "arah: turun}]`"))
    for index, measure in enumerate(measures):
        before, after = number(measure.sebelum), number(measure.sesudah)
        better = measure.sesudah < measure.sebelum if measure.arah == "turun" else measure.sesudah > measure.sebelum
        if measure.sesudah == measure.sebelum:
            yield Problem((*_KEYS, index), tr("ukuran `{i}` tidak berubah ({a} {s})",
                                              "measure `{i}` did not change ({a} {s})",
                                              i=measure.indikator, a=before, s=measure.satuan),
                          tr("tulis ukuran yang memang membaik, atau jelaskan di uraian mengapa tetap",
                             "give a measure that did improve, or say in the statement why it stayed the same"),
                          severity=Severity.WARNING)
        elif not better:
            yield Problem((*_KEYS, index),
                          tr("ukuran `{i}` memburuk: {a} → {b} {s}, padahal `arah: {d}`",
                             "measure `{i}` got worse: {a} → {b} {s}, although `arah: {d}`",
                             i=measure.indikator, a=before, b=after, s=measure.satuan, d=measure.arah),
                          tr("periksa `sebelum`, `sesudah`, dan `arah` (turun: makin kecil makin baik, "
                             "naik: makin besar makin baik)",
                             "check `sebelum`, `sesudah` and `arah` (turun: smaller is better, "
                             "naik: larger is better)"))
