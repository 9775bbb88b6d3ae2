"""`ooi status` and `ooi show`: coverage of the target across agencies, and one agency in detail."""

import sys
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


NoGitOption = Annotated[bool, typer.Option("--no-git", help=helps(
    "Abaikan riwayat git: berkas dibaca apa adanya dan dihitung menurut tanggal_lapor.",
    "Ignore git's history: files are read as they are and counted by tanggal_lapor."))]


NoCacheOption = Annotated[bool, typer.Option("--no-cache", help=helps(
    "Nilai setiap berkas lagi, tanpa memakai atau menulis cache penilaian (.ooi-cache/ atau OOI_CACHE_DIR).",
    "Judge every file again, neither using nor writing the judgement cache (.ooi-cache/ or OOI_CACHE_DIR)."))]


def source_of(root: str | None, lang: str | None, no_git: bool = False, memo: bool = False, strict: bool = True,
              history: bool = True, cache: bool = False):
    """The data root's source of records as of a date; says on stderr once when git's history is missing.

    `strict=False`: a problem of ooi.yaml is left to `ooi validate` to report as a finding.
    `history=False`: git's history is read later, and only for the files asked (`Source.filed`).
    `cache`: git's history kept by commit, and the judgements of unchanged files, in the cache folder
    (.ooi-cache/ or OOI_CACHE_DIR: SPEC §17).
    """
    from ooi.engine.cache import Cache
    from ooi.engine.source import open_source

    data_root, settings = open_root(root, lang, strict=strict)
    source = open_source(data_root, settings, use_git=not no_git, memo=memo, history=history,
                         cache=Cache.of(data_root, git=not no_git) if cache else None)
    if source.note:
        typer.echo(f"ooi: {source.note}", err=True)
    return source


def _coverage(root: str | None, lang: str | None, tahun: int | None, per: str | None, jobs: int = 0, shown=None,
              no_git: bool = False, cache: bool = False):
    from ooi.coverage.tally import as_of
    from ooi.engine import clock
    from ooi.report import progress

    shown = shown or progress.Display(None)
    with source_of(root, lang, no_git, cache=cache) as source:
        day = clock.as_of(per, source.settings.zona_waktu)
        shown.stage(progress.CHECKING, unit=progress.FILES)
        coverage = as_of(source, tahun or source.settings.tahun_target, day, jobs or None, progress=shown.count)
    return coverage, source.sumber


def _compare(source, tahun: int, day, against: str, jobs: int):
    """The coverage `--compare` names: as of an earlier date, or of a git ref's tree on the same date."""
    from ooi.coverage.tally import as_of
    from ooi.model.dates import parse_date

    earlier = parse_date(against.strip())
    if earlier is not None:
        return as_of(source, tahun, earlier, jobs or None)
    return as_of(source, tahun, day, jobs or None, ref=against)


def _changed_settings(source) -> list | None:
    """The settings the work tree changes against the ref `--compare` named (None: no ref was compared)."""
    if source.compared is None:
        return None
    from ooi.engine.source import changed_settings

    return changed_settings(source.compared, source.settings)


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
    compare: Annotated[Optional[str], typer.Option(
        "--compare", metavar="D|REF", help=helps(
            "Bandingkan dengan status per tanggal D (YYYY-MM-DD) atau pada ref git REF (mis. origin/main).",
            "Compare with the status as of date D (YYYY-MM-DD) or in git ref REF (e.g. origin/main)."))] = None,
    no_git: NoGitOption = False,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = 0,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Status cakupan target per OPD: tercapai, direncanakan, sudah melapor, belum melapor."""
    from ooi.coverage.tally import as_of
    from ooi.engine import clock
    from ooi.report import progress, render

    with progress.display(quiet=quiet, machine=format != "table") as shown:
        with source_of(root, lang, no_git, memo=compare is not None,
                       cache=not no_cache) as source:
            day = clock.as_of(per, source.settings.zona_waktu)
            year = tahun or source.settings.tahun_target
            shown.stage(progress.CHECKING, unit=progress.FILES)
            coverage = as_of(source, year, day, jobs or None, progress=shown.count)
            previous = _compare(source, year, day, compare, jobs) if compare is not None else None
            distrusted = source.distrusted()
            changed = _changed_settings(source)
        shown.stage(progress.WRITING)
        options = {"sumber": coverage.sumber, "previous": previous, "against": compare, "distrusted": distrusted,
                   "settings": changed}
        text = render(f"status_{format}", coverage, **options, **(screen() if format == "table" else {}))
    if format == "table" and distrusted:
        from ooi.report.distrust import lines

        text += lines(distrusted)
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
    no_git: NoGitOption = False,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Satu OPD: berkasnya, tahapannya, temuannya, dan yang masih perlu dilakukan untuk mencapai target."""
    from ooi.report import progress, render

    with progress.display(quiet=quiet) as shown:
        coverage, _ = _coverage(root, lang, tahun, per, shown=shown, no_git=no_git, cache=not no_cache)
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
