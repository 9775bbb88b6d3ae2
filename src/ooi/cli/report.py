"""`ooi report`, `ooi export` and `ooi remind`: what `ooi status` knows, for people who never open a terminal."""

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated, NamedTuple, Optional

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
from ooi.cli.coverage import NoCacheOption, PerOption, TahunOption, source_of
from ooi.cli.language import english, helps
from ooi.i18n import tr
from ooi.model.errors import OoiError

if TYPE_CHECKING:  # only named: `ooi --help` imports no model
    from pathlib import Path

    from ooi.coverage.tally import Coverage
    from ooi.model.settings import Settings


class Export(NamedTuple):
    """An export format: the reporter that renders it and the file name it gets by default."""

    reporter: str
    suffix: str
    flat: bool = True  # needs every field of every record (coverage.rows.summarize_flat)


# Format → renderer: a new export is one line here and one reporter module. The IID formats
# (issue 17) are the portal's own files, written by `ooi iid --export`'s code from full records.
IID = "iid"
EXPORTS = {
    "xlsx": Export("xlsx", ".xlsx"),
    "csv": Export("export_csv", ".csv"),
    "json": Export("export_json", ".json"),
    "iid-xlsx": Export(IID, ".xlsx", flat=False),
    "iid-csv": Export(IID, ".csv", flat=False),
}
REMIND_FORMATS = ("text", "markdown", "json", "html")
LETTER_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json", "html": ".html"}

TREND_POINTS = 24  # months of the report's trend: two years, enough to see a movement without costing a history

OutputOption = Annotated[Optional[str], typer.Option(
    "--output", "-o", metavar="FILE",
    help=helps("Berkas tujuan (boleh di luar repositori); `-` = keluaran standar.",
               "Where to write (outside the repository too); `-` = standard output."))]


def _checked(root, lang, tahun, per, jobs, flat: bool, quiet: bool = True, machine: bool = False,
             trend: bool = False, cache: bool = False):
    """Coverage as `ooi status` computes it, keeping what the report (or every field, for exports) needs.

    With `trend`, also the target achievement at the end of each month from 1 January of the
    target year to D (the last TREND_POINTS months), each point what `ooi history` gives, and the
    changes between the last two of them, judged before D's findings (the series' memo is let go first). The
    progress display (stderr, in a terminal, for work of more than a second) as `ooi status` has it. `cache`: the
    judgement cache serves the run of D (a command that offers --no-cache; not `flat`, which keeps every field).
    """
    from ooi.coverage.rows import summarize_flat
    from ooi.coverage.tally import summarize, tally
    from ooi.engine import clock
    from ooi.report import progress

    points, changes, distrusted = [], [], None
    with progress.display(quiet=quiet, machine=machine) as shown:
        with source_of(root, lang, cache=cache) as source:
            day = clock.as_of(per, source.settings.zona_waktu)
            year = tahun or source.settings.tahun_target
            if trend and day >= date(year, 1, 1):  # first: its memo goes before the day's findings are judged
                from ooi.history.series import period_ends, series

                ends = period_ends(date(year, 1, 1), day, "bulan")[-TREND_POINTS:]
                shown.stage(progress.COUNTING, unit=progress.POINTS)
                found = series(source, year, ends, jobs or None, progress=shown.count)
                points = [(point.per, point.achievement) for point in found.points]
                changes = [change for change in found.changes if len(points) > 1 and change.per == points[-1][0]]
            shown.stage(progress.CHECKING, unit=progress.FILES)  # the records as they stood on D, as status reads them
            result = source.result(day, jobs or None, records=summarize_flat if flat else summarize,
                                   progress=shown.count)
            distrusted = source.distrusted()
        shown.stage(progress.COUNTING)
        coverage = tally(result, year, day)
    if len(points) < 2:
        points, changes = [], []
    return Checked(source.root, source.settings, coverage, points, changes, distrusted)


class Checked(NamedTuple):
    """What the outputs for people are made from: the coverage at D, and what history and git say beside it."""

    root: "Path"
    settings: "Settings"
    coverage: "Coverage"
    trend: list  # (month end, achievement %) of the target year up to D: empty without two points
    changes: list  # the agencies whose status changed between the trend's last two points
    distrusted: tuple | None  # the commits whose dates git's history could not be trusted for (None: no git)


def _write(output: str, content) -> None:
    """Write text, bytes or pieces of text where the user asked; a path they cannot write is one line."""
    pieces = [content] if isinstance(content, (str, bytes)) else content
    if output == "-":
        for piece in pieces:
            sys.stdout.buffer.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        sys.stdout.flush()
        return
    try:
        with open(output, "wb") as stream:
            for piece in pieces:
                stream.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
    except OSError as error:
        raise OoiError(tr("tidak dapat menulis {p}: {e}", "cannot write {p}: {e}", p=output,
                          e=error.strerror or error)) from None
    typer.echo(tr("ditulis: {p}", "written: {p}", p=output), err=True)


@app.command()
@english("A self-contained HTML report (no network, prints on A4) with the same figures as `ooi status`.")
def report(
    tahun: TahunOption = None,
    per: PerOption = None,
    output: OutputOption = None,
    lengkap: Annotated[bool, typer.Option("--lengkap", help=helps(
        "Tambahkan lampiran untuk sekretariat: rincian inovasi, matriks prinsip, daftar inovasi dengan berkasnya "
        "dan langkah berikutnya, tanggal dan commit.",
        "Add the secretariat's appendix: innovations by stage, form, type and sector, the principle matrix, every "
        "innovation with its file and next steps, the date and commit."))] = False,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = 0,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Laporan HTML mandiri (tanpa jaringan, siap cetak A4) dengan angka yang sama dengan `ooi status`."""
    from zoneinfo import ZoneInfo

    from ooi.engine import clock

    from ooi.coverage.overview import overview
    from ooi.input.revision import describe
    from ooi.report import render

    checked = _checked(root, lang, tahun, per, jobs, flat=False, quiet=quiet, trend=True, cache=not no_cache)
    coverage = checked.coverage
    made = clock.now().astimezone(ZoneInfo(checked.settings.zona_waktu))  # when it was made, in the city's own zone
    page = render("html", coverage, overview=overview(coverage), commit=describe(checked.root), made=made,
                  series=checked.trend, changes=checked.changes, lengkap=lengkap, distrusted=checked.distrusted)
    _write(output or f"laporan-{coverage.tahun}-{coverage.per.isoformat()}.html", page)


@app.command()
@english("One row per innovation or plan file, every field of it, for spreadsheets (xlsx, csv, json).")
def export(
    format: Annotated[str, format_option(
        tuple(EXPORTS),
        "xlsx (bawaan), csv, json; iid-xlsx atau iid-csv untuk portal IID (seperti `ooi iid --export`).",
        "xlsx (default), csv, json; iid-xlsx or iid-csv for the IID portal (as `ooi iid --export`).")] = "xlsx",
    tahun: TahunOption = None,
    per: PerOption = None,
    output: OutputOption = None,
    delimiter: DelimiterOption = ",",
    jobs: JobsOption = 0,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Satu baris per berkas inovasi atau rencana, setiap kolomnya, untuk spreadsheet (xlsx, csv, json)."""
    from ooi.report import render

    chosen = EXPORTS[format]
    if output == "-" and (chosen.suffix == ".xlsx" or chosen.reporter == IID):
        raise OoiError(tr("{f} tidak dapat ditulis ke keluaran standar; beri --output BERKAS{s}",
                          "{f} cannot go to standard output; give --output FILE{s}", f=format, s=chosen.suffix))
    if chosen.reporter == IID:
        raise typer.Exit(_iid(root, lang, tahun, jobs, output, chosen.suffix, delimiter))
    coverage = _checked(root, lang, tahun, per, jobs, flat=chosen.flat, quiet=quiet, machine=output == "-").coverage
    content = render(chosen.reporter, coverage, delimiter=delimiter)
    _write(output or f"ekspor-{coverage.tahun}-{coverage.per.isoformat()}{chosen.suffix}", content)


def _iid(root, lang, tahun, jobs, output: str | None, suffix: str, delimiter: str) -> int:
    """The IID portal's export of every innovation, for the cycle of `--tahun` (or the nearest catalogue before it)."""
    from ooi.cli.iid import innovations, write_export
    from ooi.engine.checker import check
    from ooi.model.iid_catalogue import catalogue, nearest

    data_root, settings = open_root(root, lang)
    year = tahun or settings.tahun_target
    result = check(data_root, settings, jobs=jobs or None, iid_export=True)
    return write_export(result, innovations(result, None), catalogue(nearest(year)), output or f"iid-{year}{suffix}",
                        delimiter)


def _names(root, coverage) -> dict[str, str]:
    """The `nama` written in each innovation file the schema refused, so a letter names the innovation to fix."""
    from ooi.coverage.tally import ACHIEVED, LATER, REGISTRY
    from ooi.input.loading import load

    names = {}
    for entry in coverage.agencies:
        for filed in entry.files:
            if entry.status != ACHIEVED and filed.record is None and filed.standing not in (LATER, REGISTRY):
                data = load(root / filed.path, root).data
                if isinstance(data, dict) and isinstance(data.get("nama"), str) and data["nama"].strip():
                    names[filed.path] = data["nama"].strip()
    return names


@app.command()
@english("A letter for each agency short of the target, addressed to its head, ready to send or print.")
def remind(
    opd: Annotated[Optional[list[str]], typer.Option(
        "--opd", metavar="KODE",
        help=helps("Hanya OPD ini (boleh diulang); bawaan: semua yang belum mencapai target.",
                   "Only this agency (may be repeated); default: every agency short of the target."))] = None,
    tahun: TahunOption = None,
    per: PerOption = None,
    format: Annotated[str, format_option(REMIND_FORMATS, "text, markdown, json, atau html (untuk dicetak).",
                                         "text, markdown, json, or html (for printing).")] = "text",
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="DIR", help=helps(
            "Tulis satu berkas per OPD ke folder ini (<kode>.txt, .md, .json atau .html).",
            "Write one file per agency into this folder (<kode>.txt, .md, .json or .html)."))] = None,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = 0,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Surat pengingat untuk setiap OPD yang belum mencapai target, siap dikirim ke pimpinannya."""
    from pathlib import Path

    from ooi.cli.coverage import _unknown
    from ooi.input.writing import write_output
    from ooi.report import render
    from ooi.report.remind import one, reminders

    data_root, settings, coverage, *_ = _checked(root, lang, tahun, per, jobs, flat=False, cache=not no_cache)
    for kode in opd or ():
        if coverage.find(kode) is None:
            raise OoiError(_unknown(kode, coverage))
    options = dict(tenggat=settings.tenggat, secretariat=settings.kontak_sekretariat, names=_names(data_root, coverage))
    if output is None:
        sys.stdout.write(render("remind", coverage, format=format, opd=opd or None, **options))
        return
    folder = Path(output)
    if not folder.is_dir():
        raise OoiError(tr("--output {p}: bukan folder yang ada; buat dulu foldernya",
                          "--output {p}: not an existing folder; create it first", p=output))
    for letter in reminders(coverage, opd or None, **options):
        write_output(folder / f"{letter['kode']}{LETTER_SUFFIX[format]}", one(letter, format).encode("utf-8"))
    typer.echo(tr("ditulis: {p}", "written: {p}", p=output), err=True)
