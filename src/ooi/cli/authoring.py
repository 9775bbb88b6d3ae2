"""`ooi new`, `ooi schema` and `ooi codeowners`: what an agency needs to file a pull request."""

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ooi.cli.app import LangOption, RootOption, app, open_root
from ooi.cli.language import english, helps
from ooi.i18n import tr
from ooi.model.errors import OoiError
from ooi.model.names import did_you_mean, find_agency, is_slug, meant

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ooi.model.records import Agency

ForceOption = Annotated[bool, typer.Option("--force", help=helps("Timpa berkas yang sudah ada.",
                                                                         "Overwrite a file that exists."))]
CheckOption = Annotated[bool, typer.Option(
    "--check", help=helps("Jangan menulis; keluar dengan kode 1 bila berkas belum ada atau usang (untuk CI).",
                          "Write nothing; exit with code 1 when a file is missing or stale (for CI)."))]


@app.command()
@english("Make a new innovation file from the template: asks at a terminal, or takes --opd, --nama, --tahapan.")
def new(
    opd: Annotated[Optional[str], typer.Option("--opd", help=helps("Kode OPD pelaksana (lihat data/opd).",
                                                                       "Code of the agency (see data/opd)."))] = None,
    nama: Annotated[Optional[str], typer.Option("--nama", help=helps("Nama inovasi.", "Name of the innovation."))] = None,
    tahapan: Annotated[Optional[str], typer.Option(
        "--tahapan", help=helps("inisiatif (rencana), uji_coba, atau penerapan.",
                                "inisiatif (a plan), uji_coba (a pilot) or penerapan (in force)."))] = None,
    slug: Annotated[Optional[str], typer.Option(
        "--slug", help=helps("Nama berkas tanpa .yaml (bawaan: dari nama inovasi).",
                             "File name without .yaml (default: from the innovation's name)."))] = None,
    force: ForceOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Buat berkas inovasi baru dari templat: bertanya di terminal, atau pakai --opd, --nama, --tahapan."""
    from ooi.engine import clock
    from ooi.input.writing import write_new
    from ooi.model.records import TAHAPAN
    from ooi.workflow.template import render, slugify

    data_root, settings = open_root(root, lang)
    agencies = _registry(data_root, settings)
    kode = _agency_code(opd, agencies) if opd is not None else None  # a wrong flag is reported before asking
    stage = _stage(tahapan, TAHAPAN) if tahapan is not None else None
    missing = [flag for flag, value in (("--opd", opd), ("--nama", nama), ("--tahapan", tahapan)) if value is None]
    if missing and not _interactive():
        raise OoiError(tr("{m} belum diberikan; masukan bukan terminal, jadi ooi tidak bertanya "
                          "(mis. ooi new --opd dinkes --nama \"Nama Inovasi\" --tahapan inisiatif)",
                          "{m} not given; standard input is not a terminal, so ooi does not ask "
                          "(e.g. ooi new --opd dinkes --nama \"Innovation name\" --tahapan inisiatif)",
                          m=", ".join(missing)))
    asker = None
    if missing:
        from ooi.cli.prompts import Asker

        asker = Asker()
        kode = kode or asker.agency(agencies)
        nama = nama if nama is not None else asker.name()
        stage = stage or asker.stage(TAHAPAN)
    agency = agencies[kode]
    nama = " ".join(nama.split())
    if not nama:
        raise OoiError(tr("--nama masih kosong", "--nama is empty"))
    slug = slug if slug is not None else slugify(nama)
    if not is_slug(slug):
        raise OoiError(tr("--slug `{s}` bukan slug: pakai huruf kecil, angka, dan tanda hubung",
                          "--slug `{s}` is not a slug: use lowercase letters, digits and hyphens", s=slug))
    relative = f"data/inovasi/{agency.kode}/{slug}.yaml"
    write_new(data_root / relative, render(agency, nama, stage, clock.today(settings.zona_waktu)), force=force,
              shown=relative, inside=data_root)
    typer.echo(tr("Dibuat: {p}", "Created: {p}", p=relative))
    if _interactive() and sys.stdout.isatty():
        from ooi.cli.prompts import Asker

        if (asker or Asker()).confirm(tr("Isi sekarang lewat tanya-jawab (ooi isi)?", "Fill it in now, question by "
                                         "question (ooi isi)?")):
            from ooi.cli.isi import fill

            raise typer.Exit(fill(data_root, settings, data_root / relative))
    typer.echo(tr('Isi lewat tanya-jawab dengan: ooi isi {p}\natau isi sendiri setiap nilai yang masih kosong (""), '
                  'lalu periksa dengan: ooi validate {p}',
                  'Fill it in question by question with: ooi isi {p}\nor fill in every empty value ("") yourself, '
                  'then check it with: ooi validate {p}', p=relative))


def _interactive() -> bool:
    """Ask only a person at a terminal; a pipe, a CI job or a closed input gets an error instead."""
    return sys.stdin is not None and sys.stdin.isatty()


def _registry(data_root: Path, settings) -> "Mapping[str, Agency]":
    from ooi.engine.checker import check

    agencies = check(data_root, settings, targets=[data_root / "data/opd"]).agencies
    if not agencies:
        raise OoiError(tr("data/opd belum berisi OPD yang sah", "data/opd holds no valid agency yet"))
    return agencies


def _agency_code(text: str, agencies: "Mapping[str, Agency]") -> str:
    """The registry code for what was typed: the code itself, or an agency's abbreviation."""
    found, suggestion = find_agency(text, agencies)
    if found:
        return found
    raise OoiError(tr("OPD `{o}` tidak terdaftar di data/opd{s}", "agency `{o}` is not registered in data/opd{s}",
                      o=text, s=f" ({meant(suggestion)})" if suggestion else tr("; daftar kode: ls data/opd", "; list of codes: ls data/opd")))


def _stage(text: str, stages: tuple[str, ...]) -> str:
    typed = re.sub(r"[\s-]+", "_", text.strip().lower())
    if typed in stages:
        return typed
    close = did_you_mean(typed, stages)
    raise OoiError(tr("--tahapan `{t}` tidak dikenal{s}; pilih: {c}", "unknown --tahapan `{t}`{s}; choose: {c}",
                      t=text, c=", ".join(stages), s=f" ({meant(close)})" if close else ""))


@app.command()
@english("Write the JSON Schema of agency and innovation records to schema/ (for completion in editors).")
def schema(check: CheckOption = False, force: ForceOption = False, root: RootOption = None,
           lang: LangOption = None) -> None:
    """Tulis JSON Schema catatan OPD dan inovasi ke schema/ (untuk pelengkapan otomatis di editor)."""
    from ooi.workflow.schema_export import MARKER, render

    data_root, _ = open_root(root, lang)
    generate(data_root, render(), MARKER, check, force, "ooi schema")


@app.command()
@english("Write .github/CODEOWNERS from each agency's `pemilik` and the `sekretariat` of ooi.yaml.")
def codeowners(check: CheckOption = False, force: ForceOption = False, root: RootOption = None,
               lang: LangOption = None) -> None:
    """Tulis .github/CODEOWNERS dari `pemilik` tiap OPD dan `sekretariat` di ooi.yaml."""
    from ooi.input import codeowners as owners

    data_root, settings = open_root(root, lang)
    registry = clean_registry(data_root, settings)
    if not settings.sekretariat:  # every path needs an owner: the `*` line is the secretariat's
        raise OoiError(tr('`sekretariat` belum diatur di ooi.yaml; tambahkan `sekretariat: "@organisasi/tim"` '
                          "(tim yang memiliki berkas yang tidak dimiliki OPD), lalu jalankan lagi",
                          '`sekretariat` is not set in ooi.yaml; add `sekretariat: "@org/team"` (the team that owns '
                          "what no agency owns), then run again"))
    bad = owners.bad_handles(registry.agencies, settings.sekretariat)
    if bad:
        raise OoiError(tr("pemilik `{h}` di {w} bukan handle tim (@organisasi/tim), pengguna (@nama), atau e-mail",
                          "owner `{h}` in {w} is not a team (@org/team), user (@name) or e-mail handle",
                          h=bad[0][1], w=bad[0][0]))
    text = owners.render(registry.agencies, settings.sekretariat)
    generate(data_root, {owners.PATH: text}, owners.MARKER, check, force, "ooi codeowners")


def clean_registry(data_root: Path, settings):
    """The agency registry checked alone; an agency file with an error stops the command (generated files need it)."""
    from ooi.engine.checker import check as check_files

    registry = check_files(data_root, settings, targets=[data_root / "data/opd"])
    broken = [result.path for result in registry.files if result.errors]
    if broken:
        raise OoiError(tr("perbaiki dulu registri OPD ({p}); lihat ooi validate data/opd",
                          "fix the agency registry first ({p}); see ooi validate data/opd", p=", ".join(broken)))
    return registry


def generate(data_root: Path, files: dict[str, str], marker: str, check: bool, force: bool, command: str) -> None:
    """Write generated files (only those that changed), or with --check report the stale ones and exit 1."""
    from ooi.input.writing import write_file

    stale = [rel for rel, text in files.items() if _read(data_root / rel) != text]
    if check:
        for rel in stale:
            typer.echo(tr("{p} usang atau belum ada; jalankan `{c}`", "{p} is stale or missing; run `{c}`",
                          p=rel, c=command), err=True)
        if not stale:
            typer.echo(tr("mutakhir: {p}", "up to date: {p}", p=", ".join(files)))
        raise typer.Exit(1 if stale else 0)
    for rel in stale:
        write_file(data_root / rel, files[rel], force=force, ours=marker, shown=rel, inside=data_root)
        typer.echo(tr("Ditulis: {p}", "Written: {p}", p=rel))
    if not stale:
        typer.echo(tr("mutakhir: {p}", "up to date: {p}", p=", ".join(files)))


def _read(path: Path) -> str | None:
    from ooi.input.reading import Refused, read

    try:  # the one safe reader: a FIFO named like a generated file is not waited on
        return read(path).decode("utf-8")
    except (Refused, UnicodeDecodeError):
        return None
