"""P6 keterbukaan: the innovation is made public where residents can find it, and says when."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ooi.i18n import tr
from ooi.model.facts import facts
from ooi.model.findings import Problem
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.links import LINK_HINT, link_problem
from ooi.schema.hints import link_meant
from ooi.rules.wording import normal_words, placeholder, reached, statement

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
    return placeholder(medium) or normal_words(medium) in _generic_media()


@cache
def _generic_media() -> frozenset[str]:
    return frozenset(normal_words.__wrapped__(medium) for medium in facts()["media_umum"])
