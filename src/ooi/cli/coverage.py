"""`ooi status` and `ooi show`: coverage of the target across agencies, and one agency in detail."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated, Optional

import typer

from ooi.cli.app import (
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
from ooi.report.width import screen
from ooi.model.errors import OoiError

STATUS_FORMATS = ("table", "json", "csv", "markdown")

TahunOption = Annotated[Optional[int], typer.Option(
    "--tahun", min=1, max=9999, metavar="T", help=helps("Tahun target T (bawaan: tahun_target di ooi.yaml).",
                                                     "Target year T (default: tahun_target in ooi.yaml)."))]
PerOption = Annotated[Optional[str], typer.Option(
    "--per", metavar="D", help=helps(
        "Keadaan per tanggal D, YYYY-MM-DD (bawaan: hari ini); berkas yang dilapor setelahnya diabaikan.",
        "The state as of date D, YYYY-MM-DD (default: today); files filed after it are ignored."))]


def parse_day(text: str | None) -> date:
    """`--per`: a calendar date written YYYY-MM-DD, else today."""
    if text is None:
        return date.today()
    from ooi.model.dates import parse_date

    day = parse_date(text.strip())
    if day is not None:
        return day
    raise OoiError(tr("--per: `{v}` bukan tanggal YYYY-MM-DD yang ada di kalender (mis. 2023-02-05)",
                      "--per: `{v}` is not a calendar date written YYYY-MM-DD (e.g. 2023-02-05)", v=text))


def _coverage(root: str | None, lang: str | None, tahun: int | None, per: str | None, jobs: int = 0, shown=None):
    from ooi.coverage.tally import summarize, tally
    from ooi.engine.checker import check
    from ooi.report import progress

    shown = shown or progress.Display(None)
    day = parse_day(per)
    data_root, settings = open_root(root, lang)
    shown.stage(progress.CHECKING, unit=progress.FILES)
    result = check(data_root, settings, jobs=jobs or None, records=summarize, progress=shown.count)
    shown.stage(progress.COUNTING)
    return tally(result, tahun or settings.tahun_target, day)


@app.command()
@english("Coverage of the target per agency: achieved, planned, reported, missing.")
def status(
    tahun: TahunOption = None,
    per: PerOption = None,
    format: Annotated[str, format_option(STATUS_FORMATS, "table, json, csv, atau markdown.")] = "table",
    fail_under: Annotated[Optional[float], typer.Option(
        "--fail-under", min=0, max=100, metavar="PCT",
        help=helps("Keluar dengan kode 1 bila capaian target (persen OPD yang tercapai) di bawah PCT.",
                   "Exit with code 1 when the target achievement (percent of agencies achieved) is below PCT."))] = None,
    jobs: JobsOption = 0,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Status cakupan target per OPD: tercapai, direncanakan, sudah melapor, belum melapor."""
    from ooi.report import progress, render

    with progress.display(quiet=quiet, machine=format != "table") as shown:
        coverage = _coverage(root, lang, tahun, per, jobs, shown)
        shown.stage(progress.WRITING)
        text = render(f"status_{format}", coverage, **(screen() if format == "table" else {}))
    sys.stdout.write(text)
    if fail_under is not None and coverage.achievement < fail_under:
        from ooi.report.status_table import percent

        typer.echo(tr("ooi: capaian target {a} di bawah --fail-under {p}%",
                      "ooi: target achievement {a} is below --fail-under {p}%",
                      a=percent(coverage.achievement), p=f"{fail_under:g}"), err=True)
        raise typer.Exit(1)


@app.command()
@english("One agency: its files, their stage, their findings, and what is left to do to meet the target.")
def show(
    kode: Annotated[str, typer.Argument(metavar="KODE", help=helps("Kode OPD, mis. dinkes (daftar: data/opd/).",
                                                                     "Agency code, e.g. dinkes (list: data/opd/)."))],
    tahun: TahunOption = None,
    per: PerOption = None,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Satu OPD: berkasnya, tahapannya, temuannya, dan yang masih perlu dilakukan untuk mencapai target."""
    from ooi.report import progress, render

    with progress.display(quiet=quiet) as shown:
        coverage = _coverage(root, lang, tahun, per, shown=shown)
    if coverage.find(kode) is None:
        raise OoiError(_unknown(kode, coverage))
    sys.stdout.write(render("status_show", coverage, kode=kode, **screen()))


def _unknown(kode: str, coverage) -> str:
    """Unknown agency: suggest the nearest code, matching codes and abbreviations alike."""
    from ooi.model.names import find_agency, meant

    found, close = find_agency(kode, {e.kode: e.agency for e in (*coverage.agencies, *coverage.inactive)})
    close = found or close
    hint = (f" ({meant(close)})" if close
            else tr("; daftar kode ada di data/opd/ dan di `ooi status`",
                    "; the codes are in data/opd/ and `ooi status`"))
    return tr("OPD `{k}` tidak terdaftar{h}", "agency `{k}` is not registered{h}", k=kode, h=hint)
