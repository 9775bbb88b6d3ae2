"""R rules: references between files and the consistency of names, codes and dates."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ooi.i18n import tr
from ooi.input.paths import inside, trusted
from ooi.model.findings import Problem
from ooi.model.names import is_slug
from ooi.model.records import Agency, Innovation, Penerapan
from ooi.rules.context import Context
from ooi.rules.links import link_problem
from ooi.rules.independent import independent
from ooi.rules.wording import texts
from ooi.schema.draft import Unjudged
from ooi.schema.hints import link_meant
from ooi.text_safety import differing, fold

CODES = ("R001", "R002", "R003", "R004", "R005", "R006", "R007", "R008", "R009", "R010")
RECORDS = (Agency, Innovation)

_NIK = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")
# Every file is scanned for a NIK: with ASCII digits marked "0" and every other byte " ", a
# 16-digit run between non-digits is a plain substring, found 5x faster than _NIK finds it.
_DIGIT_MARKS = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_NIK_MARK = b" " + b"0" * 16 + b" "


def check(record, context: Context) -> Iterator[Problem]:
    if isinstance(record, Agency):
        yield from _agency(record, context)
    else:
        yield from _innovation(record, context)
    if _NIK_MARK in b" " + context.text.encode("utf-8", "surrogatepass").translate(_DIGIT_MARKS) + b" ":
        yield from _nik(record)


def _agency(agency: Agency, context: Context) -> Iterator[Problem]:
    if agency.kode != context.stem and agency.kode in context.agencies:
        yield Problem(("kode",), tr(
            "`kode` {k} milik data/opd/{k}.yaml; berkas {s}.yaml tidak dihitung sebagai OPD itu",
            "`kode` {k} belongs to data/opd/{k}.yaml; {s}.yaml is not counted as that agency", k=agency.kode,
            s=context.stem), tr("hapus berkas lama ini, atau tulis `kode: {s}` bila ini OPD lain",
                                "delete this stale file, or write `kode: {s}` if it is another agency",
                                s=context.stem), "R002")
    elif agency.kode != context.stem:
        yield Problem(("kode",), tr("`kode` {k} berbeda dengan nama berkas {s}.yaml",
                                    "`kode` {k} differs from the file name {s}.yaml", k=agency.kode, s=context.stem),
                      tr("samakan: `kode: {s}` atau ganti nama berkas", "make them equal: `kode: {s}` or rename the file",
                         s=context.stem), "R002")
    for index, code in enumerate(agency.urusan):
        yield from _sector(("urusan", index), code, context)
    yield from _order(("aktif_sampai",), agency.aktif_sejak, agency.aktif_sampai)


def _innovation(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from independent(_place(record, context), _sectors(record, context), _orders(record),
                           _future(record, context), _evidence_files(record, context), _legal_evidence(record))


def _place(record: Innovation, context: Context) -> Iterator[Problem]:
    if record.opd not in context.agencies:
        yield Problem(("opd",), tr("OPD `{k}` tidak terdaftar di data/opd", "agency `{k}` is not registered in data/opd",
                                   k=record.opd), _choose(_first(context.agencies)), "R001")
    if record.opd != context.folder:
        yield Problem(("opd",), tr("`opd: {k}` berbeda dengan foldernya ({f})", "`opd: {k}` differs from its folder ({f})",
                                   k=record.opd, f=context.folder),
                      tr("pindahkan berkas ke data/inovasi/{k}/ atau perbaiki `opd`",
                         "move the file to data/inovasi/{k}/ or correct `opd`", k=record.opd), "R002")
    if not is_slug(context.stem):
        slug = re.sub(r"[^a-z0-9]+", "-", context.stem.lower()).strip("-") or "nama-inovasi"
        yield Problem((), tr("nama berkas `{s}.yaml` bukan slug", "file name `{s}.yaml` is not a slug", s=context.stem),
                      tr("ganti nama menjadi `{n}.yaml` (huruf kecil, angka, tanda hubung)",
                         "rename it to `{n}.yaml` (lowercase, digits, hyphens)", n=slug), "R003")


def _sectors(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from _sector(("urusan", "utama"), record.urusan.utama, context)
    for index, code in enumerate(record.urusan.irisan):
        yield from _sector(("urusan", "irisan", index), code, context)


def _orders(record: Innovation) -> Iterator[Problem]:
    parts = [_order(("jadwal", index, "selesai"), step.mulai, step.selesai) for index, step in enumerate(record.jadwal or ())]
    if record.waktu is not None:
        parts.insert(0, _order(("waktu", "penerapan"), record.waktu.uji_coba, record.waktu.penerapan))
    yield from independent(*parts)


def _legal_evidence(record: Innovation) -> Iterator[Problem]:
    if isinstance(record, Penerapan) and not any(b.jenis == "regulasi" for b in record.bukti):
        yield Problem(("bukti",), tr("inovasi yang sudah diterapkan belum menyertakan dasar hukumnya sebagai bukti",
                                     "an innovation in force lists no legal basis among its evidence"),
                      tr("tambahkan bukti `jenis: regulasi` (SK atau Perwali yang menetapkan inovasi ini)",
                         "add evidence of `jenis: regulasi` (the decree or regulation that enacts it)"), "R010")


def _sector(keys: tuple, code: str, context: Context) -> Iterator[Problem]:
    if code not in context.sectors:
        yield Problem(keys, tr("kode urusan {c} tidak dikenal", "unknown sector code {c}", c=code),
                      tr("pakai kode dari Permendagri 90/2019, mis. \"1.02\" (Kesehatan); daftar lengkap: `ooi explain R004`",
                         "use a code of Permendagri 90/2019, e.g. \"1.02\" (health); full list: `ooi explain R004`"),
                      "R004")


def _order(keys: tuple, first, last) -> Iterator[Problem]:
    if first is not None and last is not None and last < first:
        yield Problem(keys, tr("`{k}` ({b}) lebih awal dari tanggal sebelumnya ({a})",
                               "`{k}` ({b}) is earlier than the date before it ({a})", k=keys[-1], a=first, b=last),
                      tr("periksa kedua tanggal; yang kedua tidak boleh lebih awal",
                         "check both dates; the second cannot be earlier"), "R005")


def _future(record: Innovation, context: Context) -> Iterator[Problem]:
    dated = [(("tanggal_lapor",), record.tanggal_lapor)]
    if record.waktu is not None:
        dated += [(("waktu", "uji_coba"), record.waktu.uji_coba), (("waktu", "penerapan"), record.waktu.penerapan)]
    dated += [(("bukti", i, "tanggal"), b.tanggal) for i, b in enumerate(record.bukti)]
    prinsip = record.prinsip
    dated += [(("prinsip", "keterbukaan", "publikasi", i, "tanggal"), p.tanggal)
              for i, p in enumerate(prinsip.keterbukaan.publikasi)]
    dated += [(("prinsip", "kepatutan", "dasar_hukum", i, "tanggal"), d.tanggal)
              for i, d in enumerate(prinsip.kepatutan.dasar_hukum)]
    if prinsip.akuntabilitas.monev is not None:
        dated.append((("prinsip", "akuntabilitas", "monev", "tanggal"), prinsip.akuntabilitas.monev.tanggal))
    for keys, day in dated:
        try:
            later = day is not None and day > context.today
        except Unjudged:  # a date of a draft not written yet: the others are still judged
            continue
        if later:
            yield Problem(keys, tr("tanggal {d} belum terjadi (hari ini {t})",
                                   "date {d} has not come yet (today is {t})", d=day, t=context.today),
                          tr("laporkan yang sudah terjadi; rencana ditulis di `jadwal`",
                             "report what has happened; plans go in `jadwal`"), "R006")


def _evidence_files(record: Innovation, context: Context) -> Iterator[Problem]:
    for index, evidence in enumerate(record.bukti):
        yield from independent(_evidence_link(index, evidence, record), _evidence_file(index, evidence, record, context))


def _evidence_link(index: int, evidence, record: Innovation) -> Iterator[Problem]:
    if evidence.tautan is not None and (reason := link_problem(evidence.tautan)):
        # The same rule as a publication's link (P6): a note like "map di meja Pak Budi" is no evidence.
        meant = link_meant(evidence.tautan)
        meant = meant if meant and not link_problem(meant) else None  # only an answer that passes
        yield Problem(("bukti", index, "tautan"), reason,
                      tr("tulis `tautan: {m}`", "write `tautan: {m}`", m=meant) if meant else
                      tr("tulis tautan https ke dokumen yang dapat dibuka penilai, atau ganti dengan `berkas:` "
                         "jalur berkasnya di repositori, mis. `bukti/{o}/sk-inovasi.pdf`",
                         "write an https link to a document the assessors can open, or use `berkas:` with its "
                         "path in the repository, e.g. `bukti/{o}/sk-inovasi.pdf`", o=record.opd), "R008")


def _evidence_file(index: int, evidence, record: Innovation, context: Context) -> Iterator[Problem]:
    if evidence.berkas is None:
        return
    if not isinstance(evidence.berkas, str):
        raise Unjudged  # a hole of a draft (e.g. a path with a control character): file-system calls take no holes
    if "\\" in evidence.berkas:  # a folder on Windows, a character of the name elsewhere: judged alike everywhere
        yield Problem(("bukti", index, "berkas"), tr(
            "jalur berkas bukti `{b}` memakai `\\`; pemisah folder di repositori adalah `/` (di Linux dan macOS "
            "`\\` bagian dari nama)", "the evidence path `{b}` uses `\\`; folders in the repository are separated "
            "by `/` (on Linux and macOS `\\` is part of a name)", b=evidence.berkas),
            tr("tulis `berkas: {f}`", "write `berkas: {f}`", f=evidence.berkas.replace("\\", "/")), "R008")
        return
    root = os.path.realpath(context.root)  # only for files that cite one: it costs two lstat
    target = os.path.realpath(os.path.join(root, evidence.berkas))
    if os.path.isabs(evidence.berkas) or not inside(target, root) or target == root:
        message = tr("berkas bukti `{b}` berada di luar repositori", "evidence file `{b}` is outside the repository",
                     b=evidence.berkas)
    elif not trusted(target, root) or ".git" in evidence.berkas.replace("\\", "/").split("/"):
        message = tr("berkas bukti `{b}` berada di dalam .git, bukan berkas repositori",
                     "evidence file `{b}` lies inside .git, not a file of the repository", b=evidence.berkas)
    elif not _evidence_folder(os.path.relpath(target, root), record.opd):
        # Links followed: a record, ooi.yaml or another agency's evidence is no evidence of this innovation.
        yield Problem(("bukti", index, "berkas"), tr(
            "berkas bukti `{b}` tidak berada di bukti/{o}/ atau bukti/bersama/", "evidence file `{b}` is not under "
            "bukti/{o}/ or bukti/bersama/", b=evidence.berkas, o=record.opd),
            tr("simpan berkasnya di `bukti/{o}/` dan tulis `berkas: bukti/{o}/{n}` (bukti yang dipakai bersama "
               "beberapa OPD: `bukti/bersama/`)", "put the file in `bukti/{o}/` and write its path, e.g. "
               "`bukti/{o}/{n}` (evidence shared by several agencies: `bukti/bersama/`)", o=record.opd,
               n=_evidence_name(evidence.berkas)), "R008")
        return
    elif not os.path.isfile(target):
        message = tr("berkas bukti `{b}` tidak ada", "evidence file `{b}` does not exist", b=evidence.berkas)
    else:
        return
    yield Problem(("bukti", index, "berkas"), message,
                  tr("tulis jalur di dalam repositori, mis. `bukti/{o}/sk-inovasi.pdf`, dan sertakan berkasnya",
                     "write a path inside the repository, e.g. `bukti/{o}/sk-inovasi.pdf`, and add the file",
                     o=record.opd), "R008")


EVIDENCE = "bukti"
SHARED = "bersama"


def _evidence_folder(rel: str, kode: str) -> bool:
    """`rel` (relative to the root, links followed) lies in the agency's own evidence folder or the shared one."""
    parts = rel.replace(os.sep, "/").split("/")
    return len(parts) >= 3 and parts[0] == EVIDENCE and parts[1] in (kode, SHARED)


def _evidence_name(berkas: str) -> str:
    name = berkas.replace("\\", "/").rsplit("/", 1)[-1]
    return name if name and not name.endswith((".yaml", ".yml")) else "sk-inovasi.pdf"


def _nik(record) -> Iterator[Problem]:
    # warnings=False: a draft (schema failed) holds holes where values were unusable; they are no text to scan
    for keys, text in texts(record.model_dump(warnings=False), ()):
        if _NIK.search(text):
            yield Problem(keys, tr("teks memuat 16 angka berurutan yang tampak seperti NIK",
                                   "the text holds 16 digits in a row that look like a NIK"),
                          tr("hapus NIK: data pribadi (UU 27/2022) tidak boleh ada di repositori publik",
                             "remove the NIK: personal data (UU 27/2022) has no place in a public repository"), "R009")


def _parent(agency: Agency, context: Context) -> Iterator[Problem]:
    if agency.induk is None:
        return
    parent = context.agencies.get(agency.induk)
    if parent is None or parent.jenis != "kecamatan":
        yield Problem(("induk",), tr("`induk` {k} bukan kecamatan yang terdaftar",
                                     "`induk` {k} is not a registered kecamatan", k=agency.induk),
                      _choose(_first(context.agencies, lambda a: a.jenis == "kecamatan")), "R001")


def _first(agencies, where=None) -> list[str]:
    """The codes a hint shows (13: twelve and whether there are more), from the registry's index when it has one."""
    if hasattr(agencies, "first"):
        return agencies.first(13, where)
    return sorted(agencies)[:13] if where is None else [kode for kode, a in agencies.items() if where(a)][:13]


def _choose(codes: list[str]) -> str:
    shown = ", ".join(codes[:12]) + (" …" if len(codes) > 12 else "")
    return tr("pilih kode dari data/opd: {c}", "choose a code from data/opd: {c}", c=shown)


def check_all(records: Iterable[tuple[str, object]], context: Context) -> Iterator[tuple[str, Problem]]:
    """Checks across files: a kelurahan's kecamatan exists (R001); no innovation is filed twice (R007)."""
    by_name = defaultdict(list)
    for path, record in records:
        if isinstance(record, Agency):
            yield from ((path, problem) for problem in _parent(record, context))
            continue
        # Compared as a reader sees them: a zero-width space, a Cyrillic `а` or a fullwidth `Ｓ`
        # does not make a second copy of one innovation count again; nor does a space more or less.
        by_name[(record.opd, fold(record.nama).replace(" ", ""))].append((path, record.nama))
    for copies in by_name.values():
        for path, nama in copies if len(copies) > 1 else ():
            others = ", ".join(p for p, _ in copies if p != path)
            unlike = [c for p, other in copies if p != path for c in differing(nama, other) or differing(other, nama)]
            said = tr(" (beda hanya pada karakter yang tampak sama: {c})",
                      " (differing only in characters that look alike: {c})",
                      c=", ".join(dict.fromkeys(unlike))) if unlike else ""
            yield path, Problem(("nama",), tr("nama inovasi sama dengan {o}{d}", "same innovation name as {o}{d}",
                                              o=others, d=said),
                                tr("satu inovasi satu berkas: gabungkan, atau bedakan namanya",
                                   "one innovation, one file: merge them or give them distinct names"), "R007")
