"""P4 tanpa konflik kepentingan: a declaration of no conflict, and a mitigation for every close tie.

Yang diperiksa:
    `prinsip.tanpa_konflik_kepentingan.uraian` adalah pernyataan sungguhan (bukan isian
    pengganti, minimal {uraian_prinsip.minimal} kata, bukan salinan uraian prinsip lain). `pernyataan: true` wajib di
    setiap tahapan: tidak ada atau `false` adalah error. Setiap `pihak_terkait` yang
    `hubungan`-nya dengan penanggung jawab `keluarga` atau `kepemilikan` wajib punya `mitigasi`
    (error); hubungan `jabatan` atau `lainnya` tanpa mitigasi diberi peringatan. Daftar hubungan
    ada di `data/prinsip.yaml`. (Penanggung jawab yang juga tercatat sebagai pihak terkait
    diperiksa P8.)
What it checks:
    `prinsip.tanpa_konflik_kepentingan.uraian` is a real statement (not a placeholder, at least {uraian_prinsip.minimal}
    words, not a copy of another principle's statement). `pernyataan: true` (the declaration) is
    required at every stage: missing or `false` is an error. Every `pihak_terkait` (related
    party) whose `hubungan` (tie) to the person in charge is `keluarga` (family) or
    `kepemilikan` (ownership) needs a `mitigasi` (error); a `jabatan` (office) or `lainnya`
    (other) tie without one is a warning. The ties live in `data/prinsip.yaml`. (A person in
    charge who is also a related party is P8's check.)
Mengapa:
    PP 38/2017 Pasal 3 huruf d: inovasi daerah dilaksanakan berdasarkan prinsip "tidak ada
    konflik kepentingan". Konflik kepentingan tidak selalu dapat dihindari (mis. kerabat pejabat
    menjadi penyedia), tetapi harus dinyatakan dan dikendalikan; tanpa pernyataan dan mitigasi,
    penilai tidak dapat menyimpulkan prinsip ini terpenuhi.
Why:
    PP 38/2017 Article 3 letter d: regional innovation follows the principle of "tidak ada konflik
    kepentingan" (no conflict of interest). A conflict cannot always be avoided (e.g. an official's
    relative is a supplier), but it must be declared and controlled; without a declaration and a
    mitigation the assessors cannot conclude the principle is met.
Contoh lolos / Passing example:
    prinsip:
      tanpa_konflik_kepentingan:
        uraian: Kader PKK tidak memungut biaya dan tidak memiliki kepentingan pribadi.
        pernyataan: true
        pihak_terkait:
          - nama: CV Sumber Makmur
            peran: penyedia cetak formulir
            hubungan: keluarga
            mitigasi: Penanggung jawab tidak ikut memilih penyedia; pengadaan lewat e-katalog.
Contoh gagal / Failing example:
    prinsip:
      tanpa_konflik_kepentingan:
        uraian: Kader PKK tidak memungut biaya dan tidak memiliki kepentingan pribadi.
        # `pernyataan: true` belum ada / no `pernyataan: true`
"""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.facts import facts
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.text import placeholder, statement

CODE = "P4"
RECORDS = (Innovation,)
GUIDE = ("uraikan siapa yang diuntungkan inovasi dan mengapa tidak ada kepentingan pribadi pelaksananya",
         "say who gains from the innovation and why those who run it have no private interest in it")
_KEYS = ("prinsip", "tanpa_konflik_kepentingan")


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from statement(record, CODE, GUIDE)
    principle = record.prinsip.tanpa_konflik_kepentingan
    if principle.pernyataan is None:
        yield Problem((*_KEYS, "pernyataan"), tr("pernyataan bebas konflik kepentingan belum ada",
                                                 "no declaration of freedom from conflicts of interest"),
                      tr("tambahkan `pernyataan: true` bila tidak ada konflik kepentingan; pihak yang terkait "
                         "dengan penanggung jawab dicatat di `pihak_terkait` beserta `mitigasi`-nya",
                         "add `pernyataan: true` if there is no conflict of interest; parties tied to the "
                         "person in charge go in `pihak_terkait` with their `mitigasi`"))
    elif principle.pernyataan is False:
        yield Problem((*_KEYS, "pernyataan"), tr("pernyataan bebas konflik kepentingan bernilai false",
                                                 "the declaration of freedom from conflicts of interest is false"),
                      tr("catat konfliknya di `pihak_terkait` dengan `mitigasi`, lalu nyatakan `pernyataan: true` "
                         "setelah konflik itu dikendalikan",
                         "record the conflict in `pihak_terkait` with a `mitigasi`, then declare "
                         "`pernyataan: true` once it is under control"))
    ties = facts()["hubungan"]
    for index, party in enumerate(principle.pihak_terkait):
        if not placeholder(party.mitigasi) or party.hubungan not in (*ties["wajib_mitigasi"], *ties["saran_mitigasi"]):
            continue
        required = party.hubungan in ties["wajib_mitigasi"]
        yield Problem((*_KEYS, "pihak_terkait", index, "mitigasi"),
                      tr("pihak terkait {n} (hubungan {h}) belum punya mitigasi",
                         "related party {n} (tie: {h}) has no mitigation", n=party.nama, h=party.hubungan),
                      tr("tulis cara konflik itu dikendalikan, mis. `mitigasi: tidak ikut menilai atau memilih "
                         "penyedia; pengadaan lewat e-katalog`",
                         "write how the conflict is controlled, e.g. `mitigasi: takes no part in choosing the "
                         "supplier; procurement through e-katalog`"),
                      severity=None if required else Severity.WARNING)
