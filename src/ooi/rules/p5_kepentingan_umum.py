"""P5 kepentingan umum: people outside the agency benefit, and how many is stated.

Yang diperiksa:
    `prinsip.kepentingan_umum.uraian` adalah pernyataan sungguhan (bukan isian pengganti,
    minimal {uraian_prinsip.minimal} kata, bukan salinan uraian prinsip lain). `penerima_manfaat.jumlah` lebih dari 0
    di setiap tahapan (rencana menulis perkiraannya). Inovasi `pelayanan_publik` tidak boleh
    hanya melayani `aparatur`: layanan publik melayani warga, pelaku usaha, desa/kelurahan, atau
    lembaga di luar pemerintah daerah (inovasi untuk internal berbentuk `tata_kelola`).
What it checks:
    `prinsip.kepentingan_umum.uraian` is a real statement (not a placeholder, at least {uraian_prinsip.minimal} words,
    not a copy of another principle's statement). `penerima_manfaat.jumlah` (how many benefit)
    is above 0 at every stage (a plan writes its estimate). A `pelayanan_publik` innovation must
    not serve `aparatur` (civil servants) alone: a public service serves residents, businesses,
    villages or institutions outside the local government (an internal innovation is
    `tata_kelola`).
Mengapa:
    PP 38/2017 Pasal 3 huruf e: inovasi daerah dilaksanakan berdasarkan prinsip "berorientasi
    kepada kepentingan umum". Pasal 6 juga mensyaratkan inovasi bermanfaat bagi daerah dan/atau
    masyarakat, dan Indeks Inovasi Daerah menilai kemanfaatan dari jumlah penerima manfaat.
Why:
    PP 38/2017 Article 3 letter e: regional innovation follows the principle of "berorientasi
    kepada kepentingan umum" (oriented to the public interest). Article 6 also requires that an
    innovation benefit the region and/or the community, and the regional innovation index scores
    benefit by the number of beneficiaries.
Contoh lolos / Passing example:
    bentuk: pelayanan_publik
    penerima_manfaat:
      kelompok: [masyarakat, desa_kelurahan]
      uraian: Orang tua bayi dan anak di 24 desa/kelurahan Kota Batu
      jumlah: 3150
Contoh gagal / Failing example:
    bentuk: pelayanan_publik
    penerima_manfaat:
      kelompok: [aparatur]  # layanan publik hanya untuk pegawai / a public service for staff only
      uraian: Pegawai Dispendukcapil
      jumlah: 0  # berapa yang mendapat manfaat? / how many benefit?
"""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.parts import independent
from ooi.rules.text import statement

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
