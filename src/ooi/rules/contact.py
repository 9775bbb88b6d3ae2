"""R020: a registry contact is an office's, never a person's own mobile number (the registry is public)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem
from ooi.model.records import Agency
from ooi.rules.context import Context

CODE = "R020"
RECORDS = (Agency,)

# Indonesian mobile numbers begin 08… at home and +628… abroad (Permenkominfo numbering
# plan: mobile prefixes 08xx); a land line begins 0 + area code (0341 for Kota Batu).
_MOBILE = re.compile(r"(?:0|62)8[0-9]{7,12}")


def check(record: Agency, context: Context) -> Iterator[Problem]:
    phone = record.kontak.telepon if record.kontak else None
    if phone and _MOBILE.fullmatch(re.sub(r"[^0-9]", "", phone)):
        yield Problem(("kontak", "telepon"),
                      tr("`kontak.telepon` {t} adalah nomor ponsel: "
                         "data pribadi tidak boleh ada di daftar OPD yang publik",
                         "`kontak.telepon` {t} is a mobile number: personal data has no place in the public registry",
                         t=phone),
                      tr("tulis telepon kantor, mis. `(0341) 512345`, atau hapus `telepon` dan pakai `email` kantor",
                         "write the office phone, e.g. `(0341) 512345`, or drop `telepon` and use the office `email`"))
