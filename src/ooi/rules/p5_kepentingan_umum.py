"""P5 kepentingan umum: people outside the agency benefit, and how many is stated."""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.independent import independent
from ooi.rules.wording import statement

CODE = "P5"
RECORDS = (Innovation,)
GUIDE = ("uraikan siapa di luar OPD yang mendapat manfaat dan bahwa layanan terbuka bagi mereka semua",
         "say who outside the agency benefits and that the service is open to all of them")


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from independent(statement(record, CODE, GUIDE), _count(record), _served(record))


def _count(record: Innovation) -> Iterator[Problem]:
    if record.penerima_manfaat.jumlah <= 0:
        yield Problem(("penerima_manfaat", "jumlah"),
                      tr("jumlah penerima manfaat 0", "the number of beneficiaries is 0"),
                      tr("tulis berapa warga, pelaku usaha, atau lembaga yang mendapat (atau, untuk rencana, akan "
                         "mendapat) manfaat, mis. `jumlah: 300`",
                         "write how many residents, businesses or institutions benefit (or, for a plan, will), "
                         "e.g. `jumlah: 300`"))


def _served(record: Innovation) -> Iterator[Problem]:
    if record.bentuk == "pelayanan_publik" and set(record.penerima_manfaat.kelompok) == {"aparatur"}:
        yield Problem(("penerima_manfaat", "kelompok"),
                      tr("inovasi pelayanan publik hanya melayani aparatur", "a public-service innovation serves only "
                         "civil servants"),
                      tr("sebutkan pihak di luar pemerintah yang dilayani, mis. `kelompok: [masyarakat]`, atau ubah "
                         "`bentuk` menjadi `tata_kelola` bila inovasinya untuk internal",
                         "name who outside the government is served, e.g. `kelompok: [masyarakat]`, or change "
                         "`bentuk` to `tata_kelola` if the innovation is internal"))
