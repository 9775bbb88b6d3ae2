"""The Typer app and the options its commands share; command modules register on it and it imports none of them."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from ooi.i18n import tr
from ooi.model.errors import OoiError


class _Group(TyperGroup):
    """Turns a user error (OoiError) into one line on stderr and its exit code, for every command."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OoiError as error:
            from ooi.text_safety import visible

            # One line, escaped: an error may quote ooi.yaml or a file name, and GitHub's runner reads
            # `::add-mask::`/`::stop-commands::` on stderr too, so no quoted newline may start a command.
            typer.echo(f"ooi: {visible(error)}", err=True)
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


def format_option(choices: tuple[str, ...], help: str):
    """The `--format/-f` option of a command that renders in one of `choices`, checked before the command runs."""

    def choose(value: str) -> str:
        if value in choices:
            return value
        raise OoiError(tr("--format {f} tidak dikenal; pilih: {c}", "unknown --format {f}; choose: {c}",
                          f=value, c=", ".join(choices)))

    return typer.Option("--format", "-f", parser=choose, metavar="|".join(choices), help=help)


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
    from ooi.input.config import find_root, load_settings

    i18n.use(lang, i18n.from_env())
    path = find_root(root)
    settings = load_settings(path)
    i18n.use(lang, i18n.from_env(), settings.bahasa)
    return path, settings
