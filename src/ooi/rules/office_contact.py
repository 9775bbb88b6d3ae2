"""R020: a registry contact is an office's, never a person's own mobile number (the registry is public)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem, excerpt
from ooi.model.records import Agency
from ooi.rules.context import Context

CODE = "R020"
RECORDS = (Agency,)
FIELDS = ("nama", "jabatan", "email", "telepon")

# Indonesian mobile numbers begin 08… at home and +628… abroad (Permenkominfo numbering plan: mobile
# prefixes 08xx); a land line begins 0 + area code (0341 for Kota Batu). Written in any common notation:
# `0812-3456-7890`, `0812.3456.7890`, `+62 812 3456 7890`, `62812…`, `+62 (0) 812…`, `+62 0812…`.
_GAP = r"[\s.\-()]*"
_MOBILE = re.compile(rf"(?<![0-9])(?:\+{_GAP}62|62|0){_GAP}(?:0{_GAP})?8(?:{_GAP}[0-9]){{7,12}}(?![0-9])")


def check(record: Agency, context: Context) -> Iterator[Problem]:
    if record.kontak is None:
        return
    for name in FIELDS:
        text = getattr(record.kontak, name)
        found = _MOBILE.search(text) if isinstance(text, str) else None
        if found is None:
            continue
        if name == "telepon":
            yield Problem(("kontak", "telepon"),
                          tr("`kontak.telepon` {t} adalah nomor ponsel: "
                             "data pribadi tidak boleh ada di daftar OPD yang publik",
                             "`kontak.telepon` {t} is a mobile number: personal data has no place in the public "
                             "registry", t=excerpt(text)),
                          tr("tulis telepon kantor, mis. `(0341) 512345`, atau hapus `telepon` dan pakai `email` kantor",
                             "write the office phone, e.g. `(0341) 512345`, or drop `telepon` and use the office "
                             "`email`"))
        else:
            yield Problem(("kontak", name),
                          tr("`kontak.{f}` memuat nomor ponsel {t}: data pribadi tidak boleh ada di daftar OPD yang "
                             "publik", "`kontak.{f}` holds the mobile number {t}: personal data has no place in the "
                             "public registry", f=name, t=found.group()),
                          tr("tulis surel kantor tanpa nomor ponsel, mis. `email: dinkes@batukota.go.id`",
                             "write the office e-mail without a mobile number, e.g. `email: dinkes@batukota.go.id`")
                          if name == "email" else
                          tr("hapus nomor itu dari `{f}`; tulis telepon kantor di `telepon`, mis. `(0341) 512345`",
                             "remove the number from `{f}`; write the office phone in `telepon`, e.g. "
                             "`(0341) 512345`", f=name))
