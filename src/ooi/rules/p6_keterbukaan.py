"""P6 keterbukaan: the innovation is made public where residents can find it, and says when.

Yang diperiksa:
    `prinsip.keterbukaan.uraian` adalah pernyataan sungguhan (bukan isian pengganti, minimal {uraian_prinsip.minimal}
    kata, bukan salinan uraian prinsip lain). Mulai tahapan `uji_coba`, `publikasi` memuat
    minimal satu entri dengan tautan `https` publik yang sah atau nama media yang jelas, beserta
    `tanggal` yang sudah lewat. Rencana (`inisiatif`) menyebut bagaimana inovasi akan diumumkan
    (tautan atau media; tanggal boleh menyusul). Di tahapan mana pun, setiap `tautan` harus
    alamat `https` publik (bukan `http`, alamat IP, `localhost`, atau domain contoh), dan
    `media` tidak boleh terlalu umum (`media sosial`, `website`): sebut akun, laman, koran,
    radio, atau papan pengumumannya. Daftar media umum dan host bukan publik ada di
    `data/prinsip.yaml`. Tautan hanya diperiksa bentuknya, tidak dibuka.
What it checks:
    `prinsip.keterbukaan.uraian` is a real statement (not a placeholder, at least {uraian_prinsip.minimal} words, not a
    copy of another principle's statement). From stage `uji_coba` on, `publikasi` holds at least
    one entry with a valid public `https` link or a clearly named medium, with a `tanggal` that
    has passed. A plan (`inisiatif`) names how the innovation will be made public (a link or a
    medium; the date may follow). At any stage every `tautan` must be a public `https` address
    (not `http`, an IP address, `localhost` or an example domain), and a `media` must not be
    generic (`media sosial`, `website`): name the account, page, newspaper, radio or notice
    board. The generic media and non-public hosts live in `data/prinsip.yaml`. Links are
    checked for form, never fetched.
Mengapa:
    PP 38/2017 Pasal 3 huruf f: inovasi daerah "dilakukan secara terbuka". Warga hanya dapat
    memakai dan mengawasi inovasi yang diumumkan di tempat yang dapat mereka temukan; Indeks
    Inovasi Daerah juga menilai sosialisasi dan kemudahan informasi layanan.
Why:
    PP 38/2017 Article 3 letter f: regional innovation is "dilakukan secara terbuka" (carried out
    openly). Residents can only use and oversee an innovation announced where they can find it;
    the regional innovation index also scores outreach and ease of service information.
Contoh lolos / Passing example:
    tahapan: uji_coba
    prinsip:
      keterbukaan:
        uraian: Persyaratan dan alur layanan diumumkan di laman dan media sosial dinas.
        publikasi:
          - {tautan: "https://dispendukcapil.batukota.go.id/penak-pkk", tanggal: 2020-03-02}
          - {media: Radio Kota Batu FM, tanggal: 2020-03-05}
Contoh gagal / Failing example:
    tahapan: uji_coba
    prinsip:
      keterbukaan:
        uraian: Persyaratan dan alur layanan diumumkan di laman dan media sosial dinas.
        # http, alamat IP lokal, tanpa tanggal / http, a local IP address, no date
        publikasi:
          - {tautan: "http://192.168.1.10/penak"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.facts import facts
from ooi.model.findings import Problem
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.links import LINK_HINT, link_problem
from ooi.schema.hints import link_meant
from ooi.rules.text import normal_words, placeholder, reached, statement

CODE = "P6"
RECORDS = (Innovation,)
GUIDE = ("uraikan di mana dan bagaimana warga dapat mengetahui inovasi ini: laman, akun, media, papan pengumuman",
         "say where and how residents can learn of the innovation: web page, account, media, notice board")
_KEYS = ("prinsip", "keterbukaan", "publikasi")


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from statement(record, CODE, GUIDE)
    named, dated = [], []
    for index, entry in enumerate(record.prinsip.keterbukaan.publikasi):
        good = False
        if entry.tautan is not None:
            reason = link_problem(entry.tautan)
            if reason:
                meant = link_meant(entry.tautan)
                meant = meant if meant and not link_problem(meant) else None  # only an answer that passes
                yield Problem((*_KEYS, index, "tautan"), reason, tr("tulis `tautan: {m}`", "write `tautan: {m}`",
                                                                    m=meant) if meant else tr(*LINK_HINT))
            good = not reason
        if entry.media is not None:
            if _generic(entry.media):
                yield Problem((*_KEYS, index, "media"),
                              tr("media `{m}` terlalu umum untuk ditelusuri", "the medium `{m}` is too vague to find",
                                 m=" ".join(entry.media.split())[:40]),
                              tr("sebut nama medianya, mis. `Instagram @dispendukcapil.batu`, `Radio Kota Batu FM`, "
                                 "atau `papan pengumuman Kelurahan Sisir`",
                                 "name the medium, e.g. `Instagram @dispendukcapil.batu`, `Radio Kota Batu FM` or "
                                 "`papan pengumuman Kelurahan Sisir`"))
            else:
                good = True
        if entry.tautan is None and entry.media is None:
            yield Problem((*_KEYS, index), tr("publikasi tidak menyebut tautan maupun media",
                                              "the publication names neither a link nor a medium"),
                          tr("tambahkan `tautan: https://…` atau `media: …`",
                             "add `tautan: https://…` or `media: …`"))
        if good:
            named.append(index)
            if entry.tanggal is not None and entry.tanggal <= context.today:
                dated.append(index)
    if not reached(record, "uji_coba"):
        if not named:
            yield Problem(_KEYS, tr("rencana belum menyebut bagaimana inovasi akan diumumkan",
                                    "the plan does not say how the innovation will be made public"),
                          tr("tambahkan `publikasi: [{media: Laman dan Instagram @dinas}]`",
                             "add `publikasi: [{media: Laman dan Instagram @dinas}]`"))
    elif not dated:
        keys = (*_KEYS, named[0], "tanggal") if named else _KEYS
        yield Problem(keys, tr("belum ada publikasi bertanggal dengan tautan https atau nama media (wajib mulai "
                               "tahapan uji_coba)", "no dated publication with an https link or a named medium "
                               "(required from stage uji_coba on)"),
                      tr("tulis kapan dan di mana diumumkan, mis. `- {tautan: \"https://…\", tanggal: 2023-03-01}`",
                         "write when and where it was announced, e.g. "
                         "`- {tautan: \"https://…\", tanggal: 2023-03-01}`"))


def _generic(medium: str) -> bool:
    return placeholder(medium) or normal_words(medium) in {normal_words(m) for m in facts()["media_umum"]}
