"""The `ooi` command line: parse options, call the core, pick a reporter, exit. No YAML, no rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from ooi.errors import OoiError
from ooi.i18n import tr


class _Group(TyperGroup):
    """Turns a user error (OoiError) into one line on stderr and its exit code, for every command."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OoiError as error:
            typer.echo(f"ooi: {error}", err=True)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    cls=_Group,
    name="ooi",
    help="Pelacak kepatuhan Gerakan Satu Instansi Satu Inovasi (One Agency One Innovation).",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's help formatter alone costs ~100 ms of every `ooi --help`
)

RootOption = Annotated[
    Optional[str],
    typer.Option("--root", help="Akar data (folder berisi ooi.yaml); bawaan: dicari ke atas, atau OOI_ROOT."),
]
LangOption = Annotated[
    Optional[str], typer.Option("--lang", help="Bahasa pesan: id atau en (bawaan: OOI_LANG, lalu ooi.yaml).")
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", metavar="N", help=(
    "Jumlah proses; 0 (bawaan) = otomatis: satu proses untuk repositori kecil, satu per inti CPU untuk yang besar."))]


def _version(value: bool) -> None:
    if value:
        from ooi import __version__

        typer.echo(f"ooi {__version__}")
        raise typer.Exit()


@app.callback()
def _app(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi lalu keluar.")
    ] = False,
) -> None:
    """Pelacak kepatuhan Gerakan Satu Instansi Satu Inovasi (One Agency One Innovation).

    Bahasa pesan: --lang en atau OOI_LANG=en untuk bahasa Inggris.
    """


def open_root(root: str | None, lang: str | None):
    """Find the data root, read its settings and choose the language of messages."""
    from ooi import i18n
    from ooi.config import find_root, load_settings

    i18n.use(lang, i18n.from_env())
    path = find_root(root)
    settings = load_settings(path)
    i18n.use(lang, i18n.from_env(), settings.bahasa)
    return path, settings


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Berkas atau folder; bawaan: seluruh akar data.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, github, atau sarif.")] = "text",
    changed_since: Annotated[Optional[str], typer.Option(
        "--changed-since", metavar="REF", help="Hanya berkas yang berubah sejak ref git ini (mis. origin/main).")] = None,
    jobs: JobsOption = 0,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Periksa berkas OPD dan inovasi: YAML, skema, rujukan, dan delapan prinsip."""
    from ooi.checker import check
    from ooi.reporters import VALIDATE_FORMATS, render

    if format not in VALIDATE_FORMATS:
        raise OoiError(tr("--format {f} tidak dikenal; pilih: {c}", "unknown --format {f}; choose: {c}",
                          f=format, c=", ".join(VALIDATE_FORMATS)))
    data_root, settings = open_root(root, lang)
    if changed_since is not None:
        from ooi.changes import check_since

        result = check_since(data_root, settings, changed_since, within=paths or None, jobs=jobs or None, records=False)
    else:  # records=False: reports need only the findings, so records go once judged (memory at scale)
        result = check(data_root, settings, targets=paths or None, jobs=jobs or None, records=False)
    sys.stdout.write(render(format, result, **({"hints": True} if format == "text" else {})))
    raise typer.Exit(1 if result.errors else 0)


def main() -> None:
    """Console entry point; anything but an OoiError is a bug and keeps its traceback."""
    app()


# Each command family lives in its own module and adds itself to `app`.
from ooi.commands import authoring, catalogue, coverage  # noqa: E402,F401
