"""`ooi iid`: each innovation's IID maturity score against a cycle's catalogue, and the region's rough estimate."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ooi.cli.app import JobsOption, LangOption, RootOption, app, format_option, open_root
from ooi.i18n import tr
from ooi.model.errors import OoiError

IID_FORMATS = ("table", "json", "markdown")


def catalogue_for(siklus: int | None, settings):
    """The catalogue asked for (it must exist), else the one for the target year or the nearest before it."""
    from ooi.model.iid import catalogue, nearest, years

    if siklus is not None and siklus not in years():
        raise OoiError(tr("--siklus {y}: belum ada katalog IID untuk tahun itu; tersedia: {a} "
                          "(tambahkan src/ooi/data/iid/{y}.yaml)",
                          "--siklus {y}: no IID catalogue for that year; available: {a} "
                          "(add src/ooi/data/iid/{y}.yaml)", y=siklus, a=", ".join(map(str, years()))))
    return catalogue(siklus if siklus is not None else nearest(settings.tahun_target))


def innovations(result, kode: str | None) -> list:
    """(path, record) of every innovation that passed the schema, of one agency when `kode` is given."""
    return [(f.path, f.record) for f in result.files
            if f.kind == "inovasi" and f.record is not None and (kode is None or f.folder == kode)]


def agency_of(typed: str, result) -> str:
    """The agency code meant by a code or abbreviation (any case); a usage error with a suggestion otherwise."""
    from ooi.model.names import find_agency, meant

    found, close = find_agency(typed, result.agencies, {f.folder for f in result.files if f.kind == "inovasi"})
    if found is not None:
        return found
    hint = (f" ({meant(close)})" if close else tr("; daftar kode ada di data/opd/ dan di `ooi status`",
                                                  "; the codes are in data/opd/ and `ooi status`"))
    raise OoiError(tr("OPD `{k}` tidak terdaftar{h}", "agency `{k}` is not registered{h}", k=typed, h=hint))


SiklusOption = Annotated[Optional[int], typer.Option(
    "--siklus", min=2000, max=9999, help="Tahun siklus IID (katalog src/ooi/data/iid/<tahun>.yaml; bawaan: "
    "tahun_target di ooi.yaml, atau katalog terdekat sebelumnya).")]


@app.command()
def iid(
    kode: Annotated[Optional[str], typer.Argument(help="Kode OPD (bawaan: semua OPD).")] = None,
    siklus: SiklusOption = None,
    format: Annotated[str, format_option(IID_FORMATS, "table, json, atau markdown.")] = "table",
    jobs: JobsOption = 0,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Skor kematangan Indeks Inovasi Daerah (IID) per inovasi, indikator wajib yang kurang, dan perkiraan daerah."""
    from ooi.cli.coverage import _screen
    from ooi.coverage.iid import scores
    from ooi.engine.checker import check
    from ooi.report import render

    data_root, settings = open_root(root, lang)
    chosen = catalogue_for(siklus, settings)
    result = check(data_root, settings, jobs=jobs or None)
    if kode is not None:
        kode = agency_of(kode, result)
    scored = scores(innovations(result, kode), chosen)
    sys.stdout.write(render(f"iid_{format}", scored, **(_screen() if format == "table" else {})))
