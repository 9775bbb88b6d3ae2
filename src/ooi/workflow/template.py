"""The skeleton of a new innovation record: every key its stage asks for, with what to write there."""

from __future__ import annotations

import json
import re
import types
import typing
import unicodedata
from datetime import date

from pydantic import BaseModel

from ooi.i18n import tr
from ooi.model import fields
from ooi.model.records import STAGE_MODELS, TAHAPAN
from ooi.text_safety import visible

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../schema/inovasi.schema.json"
_LATER = ("uji_coba", "penerapan")

# Facts the schema leaves optional but the principle rules ask for at a stage: the skeleton
# gives them empty values, so that `ooi validate` names each one until it is written.
_NEEDED = {
    "anggaran.jumlah": TAHAPAN,
    "prinsip.efisiensi.ukuran": _LATER,
    "prinsip.efektivitas.target": ("penerapan",),
    "prinsip.efektivitas.realisasi": ("penerapan",),
    "prinsip.kualitas_pelayanan.skm": ("penerapan",),
    "prinsip.tanpa_konflik_kepentingan.pernyataan": TAHAPAN,
    "prinsip.keterbukaan.publikasi": TAHAPAN,
    "prinsip.keterbukaan.publikasi.media": ("inisiatif",),  # a plan says where it will be announced
    "prinsip.keterbukaan.publikasi.tautan": _LATER,
    "prinsip.keterbukaan.publikasi.tanggal": _LATER,
    "prinsip.kepatutan.dasar_hukum": ("penerapan",),
    "prinsip.kepatutan.dasar_hukum.nomor": TAHAPAN,
    "prinsip.kepatutan.dasar_hukum.tanggal": TAHAPAN,
    "prinsip.akuntabilitas.monev": ("penerapan",),
    "bukti.tautan": TAHAPAN,
    "bukti.tanggal": TAHAPAN,
}
# Optional keys shown empty (`key:`), so the writer sees they exist.
_SHOWN = {"waktu.uji_coba", "prinsip.kepatutan.dasar_hukum.tentang", "catatan"}
# Keys of another stage: a plan has no dates or results yet; a new pilot needs no plan.
_HIDDEN = {"inisiatif": {"hasil"}, "uji_coba": {"tahun_rencana", "jadwal", "hasil"},
           "penerapan": {"tahun_rencana", "jadwal"}}


def slugify(name: str, limit: int = 40) -> str:
    """A file name from an innovation's name: lowercase ASCII and hyphens, at most `limit` characters, cut at a word.

    A name with an acronym beside its words in parentheses is named by the acronym:
    `PADI KASIH (Pemutakhiran Data ...)` → `padi-kasih`, `Pendampingan Keluarga Harapan (PKH)` → `pkh`;
    `SIGAP Bumil (Ibu Hamil)` → `sigap-bumil-ibu-hamil` (neither side is an acronym alone).
    """
    found = re.fullmatch(r"\s*([^()]*?)\s*\(([^()]*)\)\s*", name)
    if found:
        outside, inside = found.groups()
        for side in (inside, outside):
            if _acronym(side):
                name = side
                break
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit + 1] else slug[:limit]
    return slug.strip("-")


def _acronym(text: str) -> bool:
    """Written in capitals, a word or two with three letters or more: `PKH`, `PADI KASIH`, `SI-CANTIK`."""
    letters = [character for character in text if character.isalpha()]
    return len(letters) >= 3 and len(text.split()) <= 3 and all(character.isupper() for character in letters)


def needed(dotted: str, stage: str) -> bool:
    """Whether a key the schema leaves optional is still asked for at `stage` (by the principle rules)."""
    return stage in _NEEDED.get(dotted, ())


def skeleton(annotation, dotted: str, indent: int, stage: str, agency) -> list[str]:
    """The lines under a key `dotted` of type `annotation` (a model, or a list of them: one item), `""` to fill."""
    core = core_type(annotation)[0]
    if typing.get_origin(core) is list:
        item = core_type(typing.get_args(core)[0])[0]
        return _item(_mapping(item, dotted, indent + 2, stage, {}, agency), indent)
    return _mapping(core, dotted, indent, stage, {}, agency)


def render(agency, nama: str, tahapan: str, today: date) -> str:
    """The YAML text of a new record of `agency` (an Agency) at stage `tahapan`, filed `today`."""
    given = {"nama": nama, "opd": agency.kode, "tahapan": tahapan, "tanggal_lapor": today}
    lines = [SCHEMA_COMMENT, *_preamble(agency, nama)]
    lines += _mapping(STAGE_MODELS[tahapan], "", 0, tahapan, given, agency)
    return "\n".join(lines) + "\n"


def _preamble(agency, nama: str) -> list[str]:
    # A comment ends at a line break: names are escaped (`visible`), so a multi-line agency `nama`
    # (YAML also breaks lines at U+0085, U+2028, U+2029) cannot add keys to the new record.
    return ["# " + visible(tr("Inovasi {n} ({o}).", "Innovation {n} ({o}).", n=nama, o=agency.nama)),
            "# " + tr('Ganti setiap "" dengan isinya; lalu jalankan `ooi validate` untuk melihat yang belum diisi.',
                      'Replace every "" with its content; then run `ooi validate` to see what is left to fill in.'),
            "# " + tr("Teks panjang boleh ditulis di baris berikutnya setelah `>-`.",
                      "Long texts may go on the following lines after `>-`.")]


def _mapping(model: type[BaseModel], path: str, indent: int, stage: str, given: dict, agency) -> list[str]:
    lines = []
    for name, info in _ordered(model):
        dotted = f"{path}.{name}" if path else name
        core, choices = core_type(info.annotation)
        if core is type(None) or (name in _HIDDEN[stage] and not path):
            continue
        needed = info.is_required() or stage in _NEEDED.get(dotted, ())
        is_list = typing.get_origin(core) is list
        if not needed and not is_list and dotted not in _SHOWN and path:
            continue
        comment = _comment(dotted, choices, needed, agency)
        pad = " " * indent
        if dotted in given:
            lines.append(f"{pad}{name}: {_scalar(given[dotted])}{_comment(dotted, (), True, agency, bare=True)}")
        elif is_list:
            item, item_choices = core_type(typing.get_args(core)[0])
            comment = _comment(dotted, item_choices, needed, agency)
            if needed and _is_model(item):  # one item to fill in; more are written the same way
                lines.append(f"{pad}{name}:{comment}")
                lines += _item(_mapping(item, dotted, indent + 4, stage, given, agency), indent + 2)
            else:
                lines.append(f"{pad}{name}: []{comment}")
        elif _is_model(core) and needed:
            lines.append(f"{pad}{name}:{comment}")
            lines += _mapping(core, dotted, indent + 2, stage, given, agency)
        elif needed:
            lines.append(f'{pad}{name}: ""{comment}')
        else:
            lines.append(f"{pad}{name}:{comment}")
    return lines


def _ordered(model: type[BaseModel]):
    """The model's keys, with the principles after the facts they refer to (as the shipped records are)."""
    items = list(model.model_fields.items())
    if "prinsip" in model.model_fields and "bukti" in model.model_fields:
        keys = [name for name, _ in items]
        items.insert(keys.index("bukti"), items.pop(keys.index("prinsip")))
    return items


def _item(lines: list[str], indent: int) -> list[str]:
    """The child lines of one list item: the first opens with `- `."""
    first, rest = lines[0], lines[1:]
    return [" " * indent + "- " + first.lstrip(), *rest]


def _comment(dotted: str, choices: tuple, needed: bool, agency, bare: bool = False) -> str:
    doc = fields.lookup(fields.INNOVATION, dotted)
    parts = [doc.text()] if doc else []
    if choices:
        parts.append(tr("pilihan: {c}", "choices: {c}", c=", ".join(choices)))
    elif doc and _shows(doc.example) and not bare and doc.example not in doc.text():
        parts.append(tr("mis. {e}", "e.g. {e}", e=doc.example))
    parts += [_extra(dotted, agency)] if _extra(dotted, agency) else []
    if not needed:
        parts.append(tr("boleh dikosongkan", "optional"))
    return f"  # {'; '.join(parts)}" if parts else ""


def _shows(example: str) -> bool:
    """Whether an example reads well after `mis.`: one short value, not a structure with gaps."""
    return bool(example) and not example.startswith(("{", "[")) and "..." not in example


def _extra(dotted: str, agency) -> str:
    if dotted == "urusan.utama" and agency is not None and agency.urusan:
        return tr("urusan OPD ini: {u}", "this agency's sectors: {u}", u=", ".join(agency.urusan))
    if dotted == "anggaran.jumlah":
        return tr("0 bila tanpa_anggaran", "0 for tanpa_anggaran")
    if dotted == "bukti.tautan":
        return tr("atau ganti dengan `berkas:` jalur berkas di repositori", "or use `berkas:` with a path in the repository")
    if dotted == "prinsip.keterbukaan.publikasi.tautan":
        return tr("atau ganti dengan `media:` nama media", "or use `media:` with the name of a medium")
    return ""


def _scalar(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"[a-z0-9_-]+", value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def core_type(annotation) -> tuple[object, tuple]:
    """The type under Optional/Annotated, and its choices when it is a Literal."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = rest[0] if len(rest) == 1 else annotation
            if len(rest) != 1:
                return annotation, ()
        elif origin is typing.Literal:
            return str, tuple(typing.get_args(annotation))
        else:
            return annotation, ()


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
