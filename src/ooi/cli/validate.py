"""`ooi validate`: every check on the data root or the given files, in the chosen format."""

import sys
from importlib import import_module
from itertools import chain
from pathlib import Path
from typing import Annotated, Optional

import typer

from ooi.cli.app import (
    JobsOption,
    LangOption,
    QuietOption,
    RootOption,
    app,
    format_option,
)
from ooi.cli.coverage import source_of
from ooi.cli.language import english, helps

VALIDATE_FORMATS = ("text", "json", "github", "sarif")


@app.command()
@english("Check agency and innovation files: YAML, schema, references and the eight principles.")
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar=helps("BERKAS", "FILE"), help=helps(
        "Berkas atau folder; bawaan: seluruh akar data.", "Files or folders; default: the whole data root."))] = None,
    format: Annotated[str, format_option(VALIDATE_FORMATS, "text, json, github, atau sarif.")] = "text",
    changed_since: Annotated[Optional[str], typer.Option(
        "--changed-since", metavar="REF", help=helps("Hanya berkas yang berubah sejak ref git ini (mis. origin/main).",
                                  "Only the files changed since this git ref (e.g. origin/main)."))] = None,
    no_git: Annotated[bool, typer.Option("--no-git", help=helps(
        "Abaikan riwayat git: tanggal_lapor tidak dibandingkan dengan tanggal commit (R014).",
        "Ignore git's history: tanggal_lapor is not compared with commit dates (R014)."))] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=helps(
        "Nilai setiap berkas lagi, tanpa memakai atau menulis cache penilaian (.ooi-cache/ atau OOI_CACHE_DIR).",
        "Judge every file again, neither using nor writing the judgement cache (.ooi-cache/ or OOI_CACHE_DIR)."),
    )] = False,
    jobs: JobsOption = 0,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Periksa berkas OPD dan inovasi: YAML, skema, rujukan, dan delapan prinsip."""
    from ooi.engine.checker import check
    from ooi.report import progress, render

    with progress.display(quiet=quiet, machine=format != "text") as shown:
        # ooi.yaml's problems are findings here; with --changed-since, git's history is read for the changed files only
        with source_of(root, lang, no_git, strict=False, history=changed_since is None, cache=not no_cache) as source:
            data_root, settings = source.root, source.settings
            shown.stage(progress.CHECKING, unit=progress.FILES)
            # records=False: reports need only the findings, so records go once judged (memory at scale)
            # source.cache: judgements of unchanged files kept from earlier runs (None with --no-cache)
            options = {"jobs": jobs or None, "records": False, "progress": shown.count, "cache": source.cache}
            if changed_since is not None:
                from ooi.workflow.changes import check_since

                # R015 compares the changed records with every record (a near-copy of another agency's)
                result = check_since(data_root, settings, changed_since, within=paths or None, similar_to_all=True,
                                     filed=lambda found, changes: source.filed(found, changed_since, changes.untracked),
                                     **options)
            else:  # filed dates, for R014
                result = check(data_root, settings, targets=paths or None, filed=source.filed(), **options)
            distrusted = source.distrusted()
        shown.stage(progress.WRITING)
        shape = {"hints": True} if format == "text" else {"distrusted": distrusted} if format == "json" else {}
        if format in ("github", "sarif"):  # annotations land on the repository's files, wherever ooi.yaml sits
            from ooi.input.repository import prefix

            shape["prefix"] = prefix(data_root)
        if format in ("text", "json"):  # written a file at a time: 100,000 records' report is never held whole
            written = import_module(f"ooi.report.{format}").pieces(result, **shape)
        else:
            written = iter([render(format, result, **shape)])
    if format == "text" and distrusted:
        from ooi.report.distrust import lines

        written = chain(written, [lines(distrusted)])
    sys.stdout.writelines(written)
    raise typer.Exit(1 if result.errors else 0)
