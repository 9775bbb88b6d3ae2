"""R011: `.github/CODEOWNERS` says who owns which files; it must match `pemilik` in the registry.

The checker supplies the file's text in `Context.codeowners` (None when the file is absent
or the run does not cover it); the rule compares it with what `ooi codeowners` would write.
PASS: every `/data/inovasi/<kode>/` line names the teams of that agency's `pemilik`.
FAIL: `data/opd/dinkes.yaml` gained a team but CODEOWNERS was not regenerated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ooi.i18n import tr
from ooi.input import codeowners
from ooi.model.findings import Problem
from ooi.model.records import Agency
from ooi.rules.context import Context

CODE = "R011"
RECORDS = ()  # nothing to judge in one record: the rule compares the registry with one file


def check(record, context: Context) -> Iterator[Problem]:
    return iter(())


def check_all(records: Iterable[tuple[str, object]], context: Context) -> Iterator[tuple[str, Problem]]:
    if context.codeowners is None:
        return
    agencies = {record.kode: record for _, record in records if isinstance(record, Agency)}
    stale = codeowners.differences(context.codeowners, agencies, context.settings.sekretariat)
    if stale:
        shown = ", ".join(stale[:5]) + (" …" if len(stale) > 5 else "")
        yield codeowners.PATH, Problem((), tr(
            "CODEOWNERS tidak sesuai `pemilik` di data/opd ({n} pola berbeda: {p})",
            "CODEOWNERS does not match `pemilik` in data/opd ({n} pattern(s) differ: {p})", n=len(stale), p=shown),
            tr("jalankan `ooi codeowners` dan sertakan .github/CODEOWNERS dalam pull request yang sama",
               "run `ooi codeowners` and include .github/CODEOWNERS in the same pull request"), CODE)
