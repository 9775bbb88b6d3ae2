"""I rules: an innovation's `iid:` claims hold up against the IID catalogue and the record's own evidence.

The codes are documented in `data/kode.yaml` (one module, six codes, like the R rules); the
catalogue is the one of the target year (`tahun_target`), or the nearest year before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem
from ooi.model.iid_catalogue import Catalogue, Fit, Indicator, catalogue, nearest
from ooi.model.names import did_you_mean, meant
from ooi.model.records import Innovation, KlaimIID
from ooi.rules.context import Context
from ooi.rules.wording import words

CODES = ("I001", "I002", "I003", "I004", "I005", "I006")
RECORDS = (Innovation,)


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    chosen = catalogue(nearest(context.settings.tahun_target))
    for key, claim in (record.iid or {}).items():
        item = chosen.get(key)
        if item is None:
            yield _unknown(key, chosen)
            continue
        yield from _evidence(record, key, claim, item)
        yield from _fits(record, key, claim, item)
    if record.iid is None and not context.iid_export:
        return  # the portal's own requirements bind a record that joins the IID, or one being exported
    if record.tahapan == "penerapan":
        missing = [item.kunci for item in chosen.indicators if item.wajib and item.kunci not in (record.iid or {})]
        if missing:
            yield Problem(("iid",), tr("indikator IID wajib belum diklaim: {k} (portal memberinya nilai 0)",
                                       "mandatory IID indicator(s) not claimed: {k} (the portal scores them 0)",
                                       k=", ".join(missing)),
                          tr("tambahkan mis. `iid: {{{k}: {{level: 1, bukti: [0]}}}}` dengan bukti yang cocok; "
                             "indikatornya: `ooi explain I001`", "add e.g. `iid: {{{k}: {{level: 1, bukti: [0]}}}}` "
                             "with fitting evidence; the indicators: `ooi explain I001`", k=missing[0]), "I005")
    count, least = words(record.rancang_bangun), chosen.min_words
    if count < least:
        yield Problem(("rancang_bangun",), tr("`rancang_bangun` {c} kata; portal IID meminta minimal {m} kata",
                                              "`rancang_bangun` has {c} words; the IID portal asks for at least {m}",
                                              c=count, m=least),
                      tr("uraikan rancang bangun dan pokok perubahannya: cara kerja langkah demi langkah, apa yang "
                         "berubah dibanding cara lama, siapa yang terlibat, dan sarana yang dipakai",
                         "describe the design and main changes: how it works step by step, what changes against the "
                         "old way, who takes part, and the means it uses"), "I006")


def _unknown(key: str, chosen: Catalogue) -> Problem:
    close = did_you_mean(key, chosen.keys)
    hint = (meant(close) if close
            else tr("kunci indikator IID {y}: {k}", "the IID {y} indicator keys: {k}", y=chosen.siklus,
                    k=", ".join(chosen.keys)))
    return Problem(("iid", key), tr("indikator IID `{k}` tidak dikenal", "unknown IID indicator `{k}`", k=key),
                   hint, "I001")


def _evidence(record: Innovation, key: str, claim: KlaimIID, item: Indicator) -> Iterator[Problem]:
    fitting = tr("jenis yang cocok: {j}", "fitting kinds: {j}", j=", ".join(item.bukti_jenis))
    if not claim.bukti:
        yield Problem(("iid", key, "bukti"), tr("level {l} `{k}` diklaim tanpa bukti", "level {l} of `{k}` is "
                                                "claimed without evidence", l=claim.level, k=key),
                      tr("rujuk bukti dengan nomor indeksnya, mis. `bukti: [0]` (0 = bukti pertama); {f}",
                         "refer to the evidence by its index, e.g. `bukti: [0]` (0 = the first); {f}", f=fitting),
                      "I002")
        return
    cited = []
    for position, index in enumerate(claim.bukti):
        if index >= len(record.bukti):
            yield Problem(("iid", key, "bukti", position),
                          tr("bukti nomor {i} tidak ada: rekaman ini punya {n} bukti (0–{m})",
                             "evidence {i} does not exist: this record has {n} (0–{m})", i=index,
                             n=len(record.bukti), m=max(len(record.bukti) - 1, 0)),
                          tr("nomor dihitung dari 0 menurut urutan daftar `bukti`",
                             "indexes count from 0 in the order of the `bukti` list"), "I003")
        else:
            cited.append(record.bukti[index])
    if cited and not any(evidence.jenis in item.bukti_jenis for evidence in cited):
        yield Problem(("iid", key, "bukti"),
                      tr("bukti `{k}` berjenis {a}, tidak cocok untuk indikator ini", "the evidence of `{k}` is of "
                         "kind {a}, which does not fit this indicator", k=key,
                         a=", ".join(sorted({evidence.jenis for evidence in cited}))),
                      tr("{f} (portal meminta: {b})", "{f} (the portal asks for: {b})", f=fitting, b=item.bukti),
                      "I002")


def _fits(record: Innovation, key: str, claim: KlaimIID, item: Indicator) -> Iterator[Problem]:
    """A level above what the record's own facts support, where the catalogue ties the level to a fact."""
    if item.fit is None:
        return
    supported, fact = _supported(record, item.fit)
    if supported is None:
        if fact is None:  # only values the catalogue does not grade (e.g. `lainnya`): nothing to judge
            return
        yield Problem(("iid", key, "level"), tr("level {l} `{k}` tidak dapat dicocokkan: `{f}` belum diisi",
                                                "level {l} of `{k}` cannot be matched: `{f}` is not filled in",
                                                l=claim.level, k=key, f=fact),
                      tr("isi `{f}` agar levelnya dapat diperiksa", "fill in `{f}` so the level can be checked",
                         f=fact), "I004")
    elif claim.level > supported:
        yield Problem(("iid", key, "level"),
                      tr("level {l} `{k}` tidak sesuai: {f} mendukung paling tinggi level {s}",
                         "level {l} of `{k}` does not fit: {f} supports at most level {s}",
                         l=claim.level, k=key, f=fact, s=supported),
                      tr("level {l} berarti: {t}; turunkan ke `level: {s}` atau lengkapi rekamannya",
                         "level {l} means: {t}; lower it to `level: {s}` or complete the record",
                         l=claim.level, t=item.tingkat[claim.level], s=supported), "I004")


def _supported(record: Innovation, fit: Fit) -> tuple[int | None, str | None]:
    """(the highest level the record's facts support, how the facts read); (None, path) when absent."""
    if fit.fact:
        values = [value for value in _values(record, fit.fact) if value is not None]
        grades = dict(fit.values)
        graded = [(grades[str(value)], str(value)) for value in values if str(value) in grades]
        if graded:
            level, value = max(graded)
            return level, f"`{fit.fact.replace('[]', '')}: {value}`"
        return None, (fit.fact.replace("[]", "") if not values else None)
    top, bottom = (_values(record, path) for path in fit.ratio)
    if not top or not bottom or top[0] is None or bottom[0] is None:
        return None, fit.ratio[1].rsplit(".", 1)[0]
    percent = 100.0 * top[0] / bottom[0] if bottom[0] else 0.0
    level = max((level for level, floor in fit.floors if percent >= floor), default=min(dict(fit.floors)))
    return level, tr("penyelesaian {p}%", "resolution of {p}%", p=round(percent, 1))


def _values(record, path: str) -> list:
    """The values at a dotted path; `name[]` walks every item of a list."""
    found = [record]
    for part in path.split("."):
        every = part.endswith("[]")
        name = part[:-2] if every else part
        step = []
        for item in found:
            value = getattr(item, name, None)
            if value is None:
                continue
            step += list(value) if every else [value]
        found = step
    return found


supported = _supported  # the same reading gives `ooi iid` its suggestions when a record claims nothing yet
