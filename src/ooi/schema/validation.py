"""Loaded data → a record, or S problems: pydantic's errors translated, with suggestions."""

from __future__ import annotations

import re
import types
import typing
from functools import cache

from pydantic import BaseModel, TypeAdapter, ValidationError

from ooi.i18n import tr
from ooi.input.loading import Surprise
from ooi.model import fields
from ooi.model.findings import CAP, Problem, excerpt, field_name
from ooi.model.names import did_you_mean, meant
from ooi.model.records import EMAIL_PATTERN, INNOVATION, NIP, TAHAPAN, TELEPON_PATTERN, Agency, Innovation
from ooi.schema import hints

EMPTY = ("`{f}` masih kosong", "`{f}` is empty")  # a blank left to fill in: the text report groups these

_TYPE_NAMES = {
    "string_type": ("teks", "text"),
    "int_type": ("bilangan bulat", "a whole number"),
    "int_from_float": ("bilangan bulat", "a whole number"),
    "float_type": ("angka", "a number"),
    "bool_type": ("true atau false", "true or false"),
    "list_type": ("daftar (baris diawali `- `)", "a list (lines starting with `- `)"),
    "dict_type": ("pemetaan `kunci: nilai`", "a mapping of `key: value`"),
    "model_type": ("pemetaan `kunci: nilai`", "a mapping of `key: value`"),
    "date_type": ("tanggal YYYY-MM-DD", "a date YYYY-MM-DD"),
}


def validate_agency(data: dict) -> tuple[Agency | None, list[Problem]]:
    try:
        return Agency.model_validate(data), []
    except ValidationError as error:
        return None, _all(error.errors(), Agency, fields.AGENCY, None)


def validate_innovation(data: dict) -> tuple[Innovation | None, list[Problem]]:
    try:
        return INNOVATION.validate_python(data), []
    except ValidationError as error:
        errors = error.errors()
    stage = data.get("tahapan")
    if errors[0]["type"].startswith("union_tag"):
        # No stage model applies; still check everything the stages share.
        problems = [_stage_problem(stage)]
        try:
            Innovation.model_validate({**data, "tahapan": TAHAPAN[0]})
        except ValidationError as shared:
            problems += _all([e for e in shared.errors() if e["loc"][:1] != ("tahapan",)], Innovation,
                             fields.INNOVATION, None)
        return None, problems
    return None, _all([{**e, "loc": e["loc"][1:]} for e in errors], Innovation, fields.INNOVATION, stage)


def _all(errors: list[dict], model: type[BaseModel], docs: dict, stage: str | None) -> list[Problem]:
    """Every error translated; past CAP of one kind without a did-you-mean (they are summed up, not shown).

    10,000 unknown keys cost 10,000 fuzzy comparisons otherwise: seconds for nothing anyone reads.
    """
    seen: dict[str, int] = {}
    problems = []
    for error in errors:
        seen[error["type"]] = seen.get(error["type"], 0) + 1
        problems.append(_translate(error, model, docs, stage, suggest=seen[error["type"]] <= CAP))
    return problems


def _stage_problem(stage: object) -> Problem:
    if stage is None:
        return Problem(("tahapan",), tr("kunci `tahapan` belum ada", "key `tahapan` is missing"),
                       tr("tambahkan `tahapan: inisiatif`, `uji_coba`, atau `penerapan`",
                          "add `tahapan: inisiatif`, `uji_coba` or `penerapan`"), "S001")
    return _choice(("tahapan",), stage, TAHAPAN)


def _translate(error: dict, model: type[BaseModel], docs: dict, stage: str | None, suggest: bool = True) -> Problem:
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    if kind == "invalid_key":  # pydantic's loc holds 1 for `true:` and 'None' for `~:`: the key itself is `input`
        return _key((*loc[:-1], value), value)
    name = field_name(loc)
    doc = fields.lookup(docs, loc)
    key = str(loc[-1]) if loc else ""
    if kind == "missing" or value == "":
        return _missing(loc, name, doc, model, stage, empty=kind != "missing")
    if kind == "extra_forbidden":
        return _unknown(loc, name, model, suggest)
    if kind == "none_required":  # filled in where the stage forbids it (a plan has no `waktu` yet)
        return Problem(loc, tr("`{f}` tidak boleh diisi pada tahapan {s}", "`{f}` must not be filled in at stage {s}",
                               f=name, s=stage), tr("hapus `{k}`; rencana memakai `jadwal`",
                                                    "remove `{k}`; a plan uses `jadwal`", k=key), "S002")
    if kind == "literal_error":
        return _choice(loc, value, re.findall(r"'([^']*)'", error["ctx"]["expected"]), suggest)
    if kind == "tanggal":
        day = hints.date_meant(value)
        return Problem(loc, tr("`{f}`: `{v}` bukan tanggal yang sah", "`{f}`: `{v}` is not a valid date",
                               f=name, v=excerpt(value)),
                       tr("tulis `{k}: {d}` (tahun-bulan-tanggal)", "write `{k}: {d}` (year-month-day)", k=key, d=day)
                       if day else tr("tulis tanggal YYYY-MM-DD yang ada di kalender, mis. 2023-02-28",
                                      "write a calendar date as YYYY-MM-DD, e.g. 2023-02-28"), "S006")
    if kind == "nip":
        digits = hints.nip_meant(value)
        return Problem(loc, tr("NIP `{v}` tidak sah: {m}", "NIP `{v}` is invalid: {m}", v=excerpt(value),
                               m=tr(*_NIP_REASONS.get(error.get("ctx", {}).get("reason"), (error["msg"],) * 2))),
                       tr('tulis `nip: "{d}"` (18 angka tanpa spasi atau titik)',
                          'write `nip: "{d}"` (18 digits without spaces or dots)', d=digits)
                       if digits and _valid_nip(digits) else
                       tr("salin NIP 18 angka dari SK pengangkatan, dalam tanda kutip",
                          "copy the 18-digit NIP from the appointment decree, in quotes"), "S005")
    if kind == "too_short":
        return Problem(loc, tr("`{f}` minimal berisi {n} butir{s}", "`{f}` needs at least {n} item(s){s}",
                               f=name, n=error["ctx"]["min_length"], s=_at(stage) if _by_stage(model, loc) else ""),
                       _write(doc, key), "S009")
    if isinstance(value, Surprise):
        return _surprise(loc, value)
    if kind == "string_type" and isinstance(value, (bool, int, float)):
        return Problem(loc, tr("`{f}` harus teks, tetapi YAML membacanya sebagai {w}",
                               "`{f}` must be text, but YAML reads it as {w}", f=name,
                               w=tr("boolean (yes/no/on/off/true/false tanpa kutip)",
                                    "a boolean (unquoted yes/no/on/off/true/false)") if isinstance(value, bool)
                               else tr("angka {v}", "the number {v}", v=excerpt(value))),
                       tr('beri tanda kutip: `{k}: "{e}"`', 'put it in quotes: `{k}: "{e}"`', k=key,
                          e=_as_written(value, loc)), "S008")
    if kind in _TYPE_NAMES:
        wanted = tr(*_TYPE_NAMES[kind])
        return Problem(loc, tr("`{f}` harus berupa {w}", "`{f}` must be {w}", f=name, w=wanted),
                       _answer(kind, value, key) or _write(doc, key), "S003")
    return Problem(loc, tr("`{f}`: {m}", "`{f}`: {m}", f=name, m=_form_message(kind, error)), _write(doc, key), "S007")


def _answer(kind: str, value: object, key: str) -> str:
    """The value meant, when a text holds it: `200 orang` → `200`, `ya` → `true`."""
    if kind in ("int_type", "float_type"):
        number = hints.number_meant(value, whole=kind == "int_type")
        if number is not None:
            return tr("tulis `{k}: {n}` (angka saja, tanpa satuan dan tanpa titik ribuan)",
                      "write `{k}: {n}` (the number alone, without unit or thousands separators)", k=key, n=number)
    if kind == "bool_type" and isinstance(value, str) and hints.normal(value) in _YES:
        return tr("tulis `{k}: true`", "write `{k}: true`", k=key)
    return ""


_NIP_REASONS = {  # why a NIP is not one (model/records.py `_check_nip`), in both languages
    "digits": ("NIP harus 18 angka", "a NIP has 18 digits"),
    "birth": ("tanggal lahir tidak sah", "the birth date is not valid"),
    "appointment": ("TMT pengangkatan tidak sah", "the appointment date is not valid"),
    "sex": ("digit jenis kelamin harus 1 atau 2", "the sex digit must be 1 or 2"),
}
_YES = {"ya", "iya", "benar", "betul", "setuju", "ada", "sudah", "yes", "y"}


@cache
def _nip_adapter() -> TypeAdapter:
    return TypeAdapter(NIP)


def _valid_nip(digits: str) -> bool:
    try:
        _nip_adapter().validate_python(digits)
    except ValidationError:
        return False
    return True


def _surprise(loc: tuple, value: Surprise) -> Problem:
    """An int YAML 1.1 reads other than it looks, or one too long to be meant: quoted as written, never converted."""
    text = excerpt(value.text)
    if value.value is None:
        message = tr("`{t}` dibaca YAML sebagai angka yang terlalu panjang", "YAML reads `{t}` as a number too long "
                     "to be meant", t=text)
    else:
        message = tr("`{t}` dibaca YAML sebagai angka {n}", "YAML reads `{t}` as the number {n}", t=text,
                     n=value.value)
    return Problem(loc, message, tr('beri tanda kutip bila itu teks ("{t}"), atau tulis angkanya tanpa nol di depan',
                                    'quote it if it is text ("{t}"), or write the number without leading zeros',
                                    t=text), "S008")


def _key(loc: tuple, key: object) -> Problem:
    """A key YAML reads as something other than text (`5:`, `yes:`, `~:`)."""
    written = (key.text if isinstance(key, Surprise) else "null" if key is None
               else ("true" if key else "false") if isinstance(key, bool) else _as_written(key, ()))
    return Problem(loc, tr("kunci `{k}` dibaca YAML sebagai {w}, bukan teks", "YAML reads the key `{k}` as {w}, "
                           "not as text", k=excerpt(written), w=_kind_of(key)),
                   tr("tulis kunci sebagai teks, mis. `nama:`", "write keys as text, e.g. `nama:`"), "S008")


def _kind_of(value: object) -> str:
    if value is None:
        return tr("nilai kosong (null)", "an empty value (null)")
    if isinstance(value, bool):
        return tr("boolean (yes/no/on/off/true/false tanpa kutip)", "a boolean (unquoted yes/no/on/off/true/false)")
    return tr("angka", "a number")


def _as_written(value: object, loc: tuple) -> str:
    """Best guess of what the user typed; sector codes always have two decimals (`1.10`, read as 1.1)."""
    if isinstance(value, bool):
        return "..."  # yes, no, on, off, true or false: which one was typed is lost
    if isinstance(value, float) and "urusan" in loc:
        return f"{value:.2f}"
    return excerpt(value)


def _form_message(kind: str, error: dict) -> str:
    if kind == "string_pattern_mismatch":
        if error["ctx"]["pattern"] == EMAIL_PATTERN:
            return tr("alamat surel berbentuk nama@domain.go.id", "an e-mail address looks like name@domain.go.id")
        if error["ctx"]["pattern"] == TELEPON_PATTERN:
            return tr('nomor telepon kantor berbentuk "(0341) 512345" atau "+62 341 512345"',
                      'an office phone number looks like "(0341) 512345" or "+62 341 512345"')
        if "@" in error["ctx"]["pattern"]:
            return tr("bukan handle tim (@organisasi/tim), pengguna (@nama), atau e-mail",
                      "not a team (@org/team), user (@name) or e-mail handle")
        if "\\." in error["ctx"]["pattern"]:
            return tr('kode urusan berbentuk "1.02"', 'a sector code looks like "1.02"')
        return tr("hanya huruf kecil, angka, dan tanda hubung", "only lowercase letters, digits and hyphens")
    if kind == "greater_than_equal":
        least = error["ctx"]["ge"]
        return (tr("tidak boleh negatif", "must not be negative") if least == 0
                else tr("minimal {n}", "at least {n}", n=least))
    if kind == "less_than_equal":
        return tr("maksimal {n}", "at most {n}", n=error["ctx"]["le"])
    if kind == "finite_number":
        return tr("harus angka terhingga, bukan .inf atau .nan", "must be a finite number, not .inf or .nan")
    if kind == "jalur":
        return tr("jalur berkas memuat karakter kendali {c}", "the file path holds the control character {c}",
                  c=error["ctx"]["char"])
    return tr("nilai tidak sah", "the value is not valid")  # never pydantic's English inside Indonesian output


def _missing(loc, name, doc, model, stage, empty: bool) -> Problem:
    shared = _model_at(model, loc[:-1])
    by_stage = stage and not empty and (shared is None or str(loc[-1]) not in shared.model_fields
                                        or not shared.model_fields[str(loc[-1])].is_required())
    message = (tr(*EMPTY, f=name) if empty
               else tr("kunci `{f}` belum ada", "key `{f}` is missing", f=name))
    if by_stage:
        message = tr("{m}{s}", "{m}{s}", m=message, s=_at(stage))
    return Problem(loc, message, _write(doc, str(loc[-1]), loc[:-1]), "S001")


def _unknown(loc, name, model, suggest: bool = True) -> Problem:
    parent = _model_at(model, loc[:-1])
    choices = list(parent.model_fields) if parent else []
    close = did_you_mean(loc[-1], choices) if suggest else None
    hint = (meant(close) if close
            else tr("kunci yang dikenal: {c}", "known keys: {c}", c=", ".join(choices)))
    return Problem(loc, tr("kunci `{f}` tidak dikenal", "unknown key `{f}`", f=name), hint, "S002")


def _choice(loc: tuple, value: object, choices, suggest: bool = True) -> Problem:
    choices = list(choices)
    # A 1 MiB value is no choice misspelt: no suggestion is looked for (it would only cost time).
    wild = not suggest or len(excerpt(value, 101)) > 100
    choice, sure = (None, False) if wild else hints.choice_meant(_dotted(loc), value, choices)
    if choice and sure:
        write = (tr("ganti dengan `{c}`", "write `{c}` instead", c=choice) if isinstance(loc[-1], int)
                 else tr("tulis `{k}: {c}`", "write `{k}: {c}`", k=loc[-1], c=choice))
        hint = (tr("{w} (huruf kecil, dengan garis bawah)", "{w} (lowercase, with underscores)", w=write)
                if hints.normal(str(value)) == hints.normal(choice)
                else tr("`{v}` termasuk `{c}`: {w}", "`{v}` counts as `{c}`: {w}", v=excerpt(value), c=choice, w=write))
    else:
        hint = meant(choice) if choice else tr("pilih salah satu: {c}", "choose one of: {c}", c=", ".join(choices))
    return Problem(loc, tr("`{f}`: `{v}` bukan pilihan yang sah", "`{f}`: `{v}` is not one of the choices",
                           f=field_name(loc), v=excerpt(value)), hint, "S004")


def _by_stage(model: type[BaseModel], loc: tuple) -> bool:
    """Whether a list must be longer only at some stages (`bukti`), not at all of them (`kelompok`)."""
    shared = _model_at(model, loc[:-1])
    field = shared.model_fields.get(str(loc[-1])) if shared else None
    return field is None or not any(getattr(rule, "min_length", 0) for rule in field.metadata)


def _dotted(loc: tuple) -> str:
    """`("bukti", 0, "jenis")` → `bukti.jenis`: the name the synonym table knows a field by."""
    return ".".join(str(key) for key in loc if not isinstance(key, int))


def _at(stage: str | None) -> str:
    return tr(" (wajib pada tahapan {s})", " (required at stage {s})", s=stage) if stage else ""


def _write(doc: fields.FieldDoc | None, key: str, parent: tuple = ()) -> str:
    if doc is None:
        return ""
    where = tr(" di bawah `{p}:`", " under `{p}:`", p=parent[-1]) if parent and isinstance(parent[-1], str) else ""
    if doc.example:
        return tr("tulis `{k}: {e}`{w} ({d})", "write `{k}: {e}`{w} ({d})", k=key, e=doc.example, w=where, d=doc.text())
    return tr("isi `{k}`{w}: {d}", "fill in `{k}`{w}: {d}", k=key, w=where, d=doc.text())


def _model_at(model: type[BaseModel] | None, loc: tuple) -> type[BaseModel] | None:
    """The model class found at a path inside `model`, following lists and optionals."""
    for key in loc:
        if model is None:
            return None
        if isinstance(key, int):
            continue
        field = model.model_fields.get(key)
        model = _model_in(field.annotation) if field else None
    return model


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
