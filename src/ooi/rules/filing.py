"""R014 tanggal lapor jujur: `tanggal_lapor` is not written earlier than git says the record was filed.

Yang diperiksa:
    Bila akar data berada dalam repositori git, berkas dilaporkan oleh commit pertama yang
    memuatnya pada garis first-parent HEAD (berkas yang dihapus lalu ditambahkan lagi adalah
    laporan baru; penggantian nama yang dipasangkan git mempertahankan tanggalnya). Tanggal
    diajukan adalah tanggal author paling awal dari commit yang membawanya (pada merge: commit di
    sisi yang digabungkan) bila paling lama `tinjauan_maks_hari` (bawaan 30) sebelum commit itu,
    selain itu tanggal commit itu; berkas yang belum di-commit, dan berkas baru sebuah pull
    request (`--changed-since`), dinilai terhadap hari ini. `tanggal_lapor` tidak boleh lebih dari
    `toleransi_lapor_hari` (`ooi.yaml`, bawaan 7) hari sebelum tanggal diajukan. Berkas yang
    di-commit sampai `git_sejak` (tanpa itu: di commit impor pertama) adalah impor dan tidak
    diperiksa. Di luar git, atau bila riwayat git diabaikan, aturan ini tidak berlaku.
What it checks:
    When the data root is in a git repository, a record is filed by the first commit holding it
    on HEAD's first-parent line (a path removed and added again is a new filing; a rename git
    pairs keeps its date). Its submitted date is the earliest author date of the commits that
    brought it in (for a merge, those on the merged side) when that lies within
    `tinjauan_maks_hari` (default 30) days before that commit, else that commit's date; a file
    not yet committed, and a new file of a pull request (`--changed-since`), are judged against
    today. `tanggal_lapor` (reporting date) must not lie more than `toleransi_lapor_hari`
    (`ooi.yaml`, default 7) days before the submitted date. Files committed by `git_sejak`
    (without it: in the first, import commit) are imports and are not judged. Outside git, or
    when git's history is ignored, the rule does not apply.
Mengapa:
    Status cakupan dihitung per tanggal: berkas yang tanggal lapornya dimundurkan akan terhitung
    "sudah melapor" pada bulan ketika OPD itu sebenarnya belum melapor. Riwayat git mencatat
    kapan berkas benar-benar masuk, sehingga angka per tanggal dapat dipercaya dan diulang.
Why:
    Coverage is counted as of a date: a record whose reporting date is backdated would count as
    "reported" in a month when its agency had not yet reported. Git's history records when the
    file really arrived, so the figures as of a date can be trusted and replayed.
Contoh lolos / Passing example:
    # berkas di-commit pertama kali 2023-08-14
    tanggal_lapor: 2023-08-10
Contoh gagal / Failing example:
    # berkas di-commit pertama kali 2023-08-14
    tanggal_lapor: 2023-02-01
"""

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
