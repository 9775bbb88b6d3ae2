"""R014 tanggal lapor jujur: `tanggal_lapor` is not written earlier than git says the record was filed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ooi.i18n import tr
from ooi.model.findings import Problem
from ooi.model.records import Innovation
from ooi.rules.context import Context

CODE = "R014"
RECORDS = (Innovation,)


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    filed = context.filed.get(context.path) if context.filed is not None else None
    if filed is None:
        return
    written, allowed = record.tanggal_lapor, context.settings.toleransi_lapor_hari
    if not isinstance(written, date):  # a draft whose date the schema already reported
        return
    if written < filed - timedelta(days=allowed):
        yield Problem(("tanggal_lapor",), tr(
            "`tanggal_lapor` {t} lebih dari {n} hari sebelum berkas dilaporkan ({f}, menurut git)",
            "`tanggal_lapor` {t} is more than {n} days before the file was filed ({f}, by git)",
            t=record.tanggal_lapor, n=allowed, f=filed),
            tr("tulis `tanggal_lapor: {f}`", "write `tanggal_lapor: {f}`", f=filed))
