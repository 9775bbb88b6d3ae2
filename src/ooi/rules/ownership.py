"""R011: `.github/CODEOWNERS` says who owns which files; it must match `pemilik` in the registry.

The checker supplies the file's text in `Context.codeowners` (None when the file is absent
or the run does not cover it); the rule compares it with what `ooi codeowners` would write.
PASS: every line is the one `ooi codeowners` writes, in its order.
FAIL: `data/opd/dinkes.yaml` gained a team but CODEOWNERS was not regenerated, or a line such as
`data/ @someone` was appended (the last matching line wins on GitHub, so it takes every folder).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ooi.i18n import tr
from ooi.input import codeowners
from ooi.model.findings import Problem
from ooi.model.records import Agency
from ooi.rules.context import Context
from ooi.text_safety import visible

CODE = "R011"
RECORDS = ()  # nothing to judge in one record: the rule compares the registry with one file


def check(record, context: Context) -> Iterator[Problem]:
    return iter(())


def check_all(records: Iterable[tuple[str, object]], context: Context) -> Iterator[tuple[str, Problem]]:
    if context.codeowners is None:
        return
    agencies = {record.kode: record for _, record in records if isinstance(record, Agency)}
    if not context.settings.sekretariat:
        yield codeowners.PATH, Problem((), tr(
            "CODEOWNERS tanpa pemilik bawaan: `sekretariat` belum diatur di ooi.yaml",
            "CODEOWNERS without a default owner: `sekretariat` is not set in ooi.yaml"), _SET, CODE)
        return
    stale = codeowners.differences(context.codeowners, agencies, context.settings.sekretariat)
    if stale:
        shown = ", ".join(stale[:5]) + (" …" if len(stale) > 5 else "")
        yield codeowners.PATH, Problem((), tr(
            "CODEOWNERS berbeda dari yang ditulis `ooi codeowners` ({n} pola berbeda: {p})",
            "CODEOWNERS differs from what `ooi codeowners` writes ({n} pattern(s) differ: {p})", n=len(stale),
            p=visible(shown)),
            tr("jalankan `ooi codeowners` dan sertakan .github/CODEOWNERS dalam pull request yang sama",
               "run `ooi codeowners` and include .github/CODEOWNERS in the same pull request"), CODE)


# A catalogue message, rendered in the language a reporter writes in: made once.
_SET = tr('tambahkan `sekretariat: "@organisasi/tim"` di ooi.yaml, lalu jalankan `ooi codeowners`',
          'add `sekretariat: "@org/team"` to ooi.yaml, then run `ooi codeowners`')
