"""P2 efektivitas: the innovation states its effect and, once in force, its target and what it reached."""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem, Severity
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.wording import number, reached, statement

CODE = "P2"
RECORDS = (Innovation,)
GUIDE = ("uraikan sasaran yang tercapai, sebaiknya dengan capaian indikator keluaran terhadap targetnya",
         "say which objective was reached, best with the output indicator's result against its target")
_KEYS = ("prinsip", "efektivitas")


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from statement(record, CODE, GUIDE)
    principle, output = record.prinsip.efektivitas, record.keluaran
    if principle.target is not None and principle.target != output.target:
        yield Problem((*_KEYS, "target"),
                      tr("target efektivitas ({a}) berbeda dengan `keluaran.target` ({b} {s})",
                         "the effectiveness target ({a}) differs from `keluaran.target` ({b} {s})",
                         a=number(principle.target), b=number(output.target), s=output.satuan),
                      tr("efektivitas diukur pada indikator keluaran: samakan keduanya (`target: {b}`)",
                         "effectiveness is measured on the output indicator: make them equal (`target: {b}`)",
                         b=number(output.target)), severity=Severity.WARNING)
    if not reached(record, "penerapan"):
        return
    if principle.target is None:
        yield Problem((*_KEYS, "target"), tr("target efektivitas belum ada (wajib pada tahapan penerapan)",
                                             "no effectiveness target (required at stage penerapan)"),
                      tr("tulis `target: {b}` (target indikator keluaran \"{i}\")",
                         "write `target: {b}` (the target of the output indicator \"{i}\")",
                         b=number(output.target), i=output.indikator))
    if principle.realisasi is None:
        yield Problem((*_KEYS, "realisasi"), tr("realisasi belum ada (wajib pada tahapan penerapan)",
                                                "no `realisasi` (required at stage penerapan)"),
                      tr("tulis capaian terukur indikator \"{i}\" dalam {s}, mis. `realisasi: {b}`",
                         "write the measured result of the indicator \"{i}\" in {s}, e.g. `realisasi: {b}`",
                         i=output.indikator, s=output.satuan, b=number(output.target)))
    elif principle.target is not None and principle.realisasi < principle.target:
        yield Problem((*_KEYS, "realisasi"),
                      tr("realisasi {r} di bawah target {t} {s}", "the realisation {r} is below the target {t} {s}",
                         r=number(principle.realisasi), t=number(principle.target), s=output.satuan),
                      tr("tulis angkanya apa adanya, dan jelaskan penyebab serta langkah perbaikannya di `hasil`",
                         "keep the true figure, and explain the cause and the remedy in `hasil`"),
                      severity=Severity.WARNING)
