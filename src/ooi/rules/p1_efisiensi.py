"""P1 efisiensi: the innovation states, and from its pilot on measures, what it saves.

Yang diperiksa:
    `prinsip.efisiensi.uraian` adalah pernyataan sungguhan: bukan isian pengganti (kosong, `-`,
    `ada`, `sudah`, `lorem…`), minimal {uraian_prinsip.minimal} kata, dan bukan salinan uraian prinsip lain (di bawah
    {uraian_prinsip.saran} kata diberi peringatan). Mulai tahapan `uji_coba`, `ukuran` memuat minimal satu ukuran
    dengan nilai `sebelum` dan `sesudah` (waktu, biaya, langkah, atau petugas). Ukuran yang
    memburuk menurut `arah`-nya adalah error; ukuran yang tidak berubah diberi peringatan.
    Rencana (`inisiatif`) belum wajib mengukur, tetapi target yang ditulisnya pun tidak boleh
    memburuk.
What it checks:
    `prinsip.efisiensi.uraian` is a real statement: not a placeholder (empty, `-`, `ada`,
    `sudah`, `lorem…`), at least {uraian_prinsip.minimal} words, and not a copy of another principle's statement
    (under {uraian_prinsip.saran} words is a warning). From the `uji_coba` stage on, `ukuran` holds at least one
    measure with a `sebelum` (before) and `sesudah` (after) value (time, cost, steps or
    staff). A measure that got worse in its declared `arah` (direction) is an error; one that
    did not change is a warning. A plan (`inisiatif`) need not measure yet, but a target it
    writes must not be worse either.
Mengapa:
    PP 38/2017 Pasal 3 huruf a: inovasi daerah dilaksanakan berdasarkan prinsip "peningkatan
    efisiensi". Peningkatan hanya dapat dinilai dengan membandingkan keadaan sebelum dan
    sesudah inovasi; klaim hemat tanpa angka tidak dapat diperiksa tim penilai.
Why:
    PP 38/2017 Article 3 letter a: regional innovation follows the principle of "peningkatan
    efisiensi" (increased efficiency). An increase can only be judged by comparing before and
    after; a claim of savings without numbers cannot be checked by the assessors.
Contoh lolos / Passing example:
    tahapan: uji_coba
    prinsip:
      efisiensi:
        uraian: Warga tidak perlu datang ke kantor sehingga waktu dan biaya perjalanan berkurang.
        ukuran:
          - {indikator: waktu pengurusan akta, satuan: hari, sebelum: 7, sesudah: 3, arah: turun}
Contoh gagal / Failing example:
    tahapan: uji_coba
    prinsip:
      efisiensi:
        uraian: Warga tidak perlu datang ke kantor sehingga waktu dan biaya perjalanan berkurang.
        # waktu naik dari 3 menjadi 7 hari, padahal arahnya turun / the time rose although its direction is down
        ukuran:
          - {indikator: waktu pengurusan akta, satuan: hari, sebelum: 3, sesudah: 7, arah: turun}
"""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.text import number, reached, statement

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
