"""P4 tanpa konflik kepentingan: a declaration of no conflict, and a mitigation for every close tie."""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.facts import facts
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.wording import placeholder, statement

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
