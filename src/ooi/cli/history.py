"""`ooi history`: coverage at the end of each month or week, and which agencies moved between the points."""

import sys
from datetime import date
from typing import Annotated, Optional

import typer

from ooi.cli.app import JobsOption, LangOption, QuietOption, RootOption, app, format_option
from ooi.cli.coverage import NoGitOption, TahunOption, source_of
from ooi.cli.language import english, helps
from ooi.report.width import screen

HISTORY_FORMATS = ("table", "json", "csv", "markdown")


@app.command()
@english("Coverage history: the summary at each month or week end, and the agencies whose status changed.")
def history(
    tahun: TahunOption = None,
    dari: Annotated[Optional[str], typer.Option(
        "--dari", metavar="D1", help=helps("Titik pertama, YYYY-MM-DD (bawaan: 1 Januari tahun target).",
                                           "The first point, YYYY-MM-DD (default: 1 January of the target year)."))
    ] = None,
    sampai: Annotated[Optional[str], typer.Option(
        "--sampai", metavar="D2", help=helps(
        "Titik terakhir, YYYY-MM-DD (bawaan: 31 Desember tahun target, atau hari ini bila lebih awal).",
        "The last point, YYYY-MM-DD (default: 31 December of the target year, or today if earlier)."))] = None,
    setiap: Annotated[str, typer.Option("--setiap", metavar="bulan|minggu", help=helps(
        "Jarak titik: `bulan` atau `minggu`.", "The step between points: `bulan` (month) or `minggu` (week)."))
    ] = "bulan",
    format: Annotated[str, format_option(HISTORY_FORMATS, "table, json, csv, atau markdown.")] = "table",
    no_git: NoGitOption = False,
    jobs: JobsOption = 0,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Riwayat cakupan: ringkasan per akhir bulan/minggu, dan OPD yang statusnya berubah."""
    from ooi.engine import clock
    from ooi.history.series import period_ends, series
    from ooi.report import progress, render

    with progress.display(quiet=quiet, machine=format != "table") as shown:
        with source_of(root, lang, no_git) as source:
            zone = source.settings.zona_waktu
            year = tahun or source.settings.tahun_target
            first = clock.as_of(dari, zone, "--dari") if dari is not None else date(year, 1, 1)
            # Past the target year every point would repeat its end: stop there, or today if that comes first.
            last = clock.as_of(sampai, zone, "--sampai") if sampai is not None else min(
                date(year, 12, 31), clock.today(zone))
            shown.stage(progress.COUNTING, unit=progress.POINTS)
            found = series(source, year, period_ends(first, last, setiap), jobs or None, progress=shown.count)
            distrusted = source.distrusted()
        shown.stage(progress.WRITING)
        text = render(f"history_{format}", found, distrusted=distrusted, **(screen() if format == "table" else {}))
    if format == "table" and distrusted:
        from ooi.report.distrust import lines

        text += lines(distrusted)
    sys.stdout.write(text)
