"""`ooi iid`: each innovation's IID maturity score against a cycle's catalogue, and the region's rough estimate."""

import sys
from typing import Annotated, Optional

import typer

from ooi.cli.app import (
    DelimiterOption,
    JobsOption,
    LangOption,
    QuietOption,
    RootOption,
    app,
    format_option,
    open_root,
)
from ooi.cli.language import english, helps
from ooi.i18n import tr
from ooi.model.errors import OoiError

IID_FORMATS = ("table", "json", "markdown")


def catalogue_for(siklus: int | None, settings):
    """The catalogue asked for (it must exist), else the one for the target year or the nearest before it."""
    from ooi.model.iid_catalogue import catalogue, nearest, years

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


def write_export(result, records: list, chosen, output: str, delimiter: str = ",") -> int:
    """The IID export of `records` to `output` (.xlsx: two sheets; .csv: profiles there, indicators beside it).

    First the IID's own requirements of the exported files as findings on stderr; returns the exit
    code: 1 when one blocks a clean submission (an error, or a design text the portal refuses), else 0.
    `ooi export --format iid-xlsx|iid-csv` is meant to call this once it exists on main.
    """
    from pathlib import Path

    from ooi.coverage.iid_rows import rows
    from ooi.model.sectors import sectors
    from ooi.report import render

    target = Path(output)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise OoiError(tr("--export: beri nama berkas berakhiran .xlsx atau .csv, mis. iid-2024.xlsx",
                          "--export: give a file name ending in .xlsx or .csv, e.g. iid-2024.xlsx"))
    blocking = _report_requirements(result, {path for path, _ in records})
    export = rows(records, chosen, sectors())
    if target.suffix.lower() == ".xlsx":
        _write(target, render("iid_xlsx", export))
    else:
        _write(target, render("iid_csv", export, part="profil", delimiter=delimiter))
        _write(target.with_name(f"{target.stem}-indikator.csv"),
               render("iid_csv", export, part="indikator", delimiter=delimiter))
    return 1 if blocking else 0


def _report_requirements(result, paths: set[str]) -> int:
    """Print the I findings and the errors of the exported files on stderr; how many block a clean submission."""
    from ooi.report.text import finding_lines

    shown = [f for f in result.findings if f.path in paths and (f.code.startswith("I") or f.is_error)]
    blocking = sum(f.is_error or (f.code == "I006" and not f.waived_by) for f in shown)
    for line in finding_lines(shown):  # validate's own reporter: record text reaches stderr only escaped
        typer.echo(line, err=True)
    typer.echo(tr("Persyaratan IID: {n} temuan, {b} menghalangi pengiriman yang bersih (error, dan I006: portal "
                  "menolak rancang bangun yang terlalu pendek)",
                  "IID requirements: {n} finding(s), {b} blocking a clean submission (errors, and I006: the portal "
                  "refuses a design text that is too short)", n=len(shown), b=blocking), err=True)
    return blocking


def _write(path, content: str | bytes) -> None:
    """Write where the user asked, whole or not at all; a path they cannot write is one line, not a traceback."""
    from ooi.input.writing import write_output

    write_output(path, content.encode("utf-8") if isinstance(content, str) else content)
    typer.echo(tr("ditulis: {p}", "written: {p}", p=path), err=True)


SiklusOption = Annotated[Optional[int], typer.Option(
    "--siklus", min=2000, max=9999, help=helps(
        "Tahun siklus IID (katalog src/ooi/data/iid/<tahun>.yaml; bawaan: tahun_target di ooi.yaml, atau katalog "
        "terdekat sebelumnya).", "IID cycle year (catalogue src/ooi/data/iid/<year>.yaml; default: tahun_target in "
        "ooi.yaml, or the nearest catalogue before it)."))]


@app.command()
@english("IID (Indeks Inovasi Daerah) maturity score per innovation, missing mandatory indicators, and the region's "
         "estimate.")
def iid(
    kode: Annotated[Optional[str], typer.Argument(metavar="KODE", help=helps(
        "Kode OPD (bawaan: semua OPD).", "Agency code (default: every agency)."))] = None,
    siklus: SiklusOption = None,
    format: Annotated[str, format_option(IID_FORMATS, "table, json, atau markdown.")] = "table",
    export: Annotated[Optional[str], typer.Option(
        "--export", metavar="FILE", help=helps(
            "Tulis ekspor untuk portal IID: FILE.xlsx (lembar Profil dan Indikator) atau FILE.csv (profil; indikator "
            "di FILE-indikator.csv). Persyaratan IID dicetak ke stderr; kode keluar 1 bila ada yang menghalangi.",
            "Write the export for the IID portal: FILE.xlsx (sheets Profil and Indikator) or FILE.csv (profiles; "
            "indicators in FILE-indikator.csv). The IID requirements go to stderr; exit code 1 when one blocks."))] = None,
    delimiter: DelimiterOption = ",",
    jobs: JobsOption = 0,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Skor kematangan Indeks Inovasi Daerah (IID) per inovasi, indikator wajib yang kurang, dan perkiraan daerah."""
    from ooi.report.width import screen
    from ooi.coverage.iid_scores import judged, scores
    from ooi.engine.checker import check
    from ooi.report import progress, render

    # the display ends before anything is printed: the export's findings go to stderr too
    with progress.display(quiet=quiet, machine=export is None and format != "table") as shown:
        data_root, settings = open_root(root, lang)
        chosen = catalogue_for(siklus, settings)
        shown.stage(progress.CHECKING, unit=progress.FILES)
        result = check(data_root, settings, jobs=jobs or None, iid_export=export is not None, progress=shown.count)
    if kode is not None:
        kode = agency_of(kode, result)
    if export is not None:
        raise typer.Exit(write_export(result, innovations(result, kode), chosen, export, delimiter))
    scored = scores(innovations(result, kode), chosen, judged(result))
    sys.stdout.write(render(f"iid_{format}", scored, **(screen() if format == "table" else {})))
