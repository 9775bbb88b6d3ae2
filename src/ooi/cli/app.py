"""The Typer app and the options its commands share; command modules register on it and it imports none of them."""

import sys
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from ooi.cli import language
from ooi.cli.language import helps
from ooi.i18n import tr
from ooi.model.errors import OoiError


class _Group(TyperGroup):
    """Turns a user error (OoiError) into one line on stderr and its exit code, and Ctrl-C into exit 130.

    Help, usage and usage errors speak the language asked for (cli/language.py).
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in args[:args.index("--")] if "--" in args else "--debug" in args
        if debug:  # a switch of the whole program, accepted wherever it is written (`ooi validate --debug`)
            args.remove("--debug")
        language.choose(args)
        language.localize(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:  # click's own handling, but with its words translated
            code = super().main(args, prog_name, complete_var, False, **extra)
        except language.TyperException as error:  # a usage error above all (Typer's base of click's exceptions)
            language.show_usage_error(error)
            sys.exit(error.exit_code)
        except language.Abort:
            typer.echo(tr("Dibatalkan.", "Aborted!"), err=True)
            sys.exit(1)
        except Exception as error:  # noqa: BLE001 - anything else is a fault in ooi (SPEC §7, STYLE habit 9)
            fault(error, debug)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OoiError as error:
            from ooi.text_safety import visible

            # One line, escaped: an error may quote ooi.yaml or a file name, and GitHub's runner reads
            # `::add-mask::`/`::stop-commands::` on stderr too, so no quoted newline may start a command.
            typer.echo(f"ooi: {visible(error)}", err=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:  # SPEC §7: 130 = 128 + SIGINT, as a shell reports it; no traceback
            start = "\r" if sys.stderr.isatty() else ""  # over the terminal's `^C`, not after it
            typer.echo(start + tr("ooi: dihentikan (Ctrl-C)", "ooi: interrupted (Ctrl-C)"), err=True)
            raise typer.Exit(130) from None


FAULT_EXIT = 3


def fault(error: BaseException, debug: bool) -> None:
    """A bug, told apart from bad data (exit 1) and user errors (exit 2): one line, the traceback on request."""
    import os
    import traceback

    if debug or os.environ.get("OOI_DEBUG", "") not in ("", "0"):
        traceback.print_exception(error)
    from ooi.text_safety import visible

    typer.echo(tr("ooi: kesalahan di dalam ooi sendiri (bug), bukan di data Anda: {e}. Laporkan sebagai issue di "
                  "repositori ooi, dengan perintah yang sama dijalankan ulang memakai --debug (atau OOI_DEBUG=1).",
                  "ooi: a fault in ooi itself (a bug), not in your data: {e}. Report it as an issue in ooi's "
                  "repository, with the same command run again with --debug (or OOI_DEBUG=1).",
                  e=visible(f"{type(error).__name__}: {error}")[:200]), err=True)
    sys.exit(FAULT_EXIT)


app = typer.Typer(
    cls=_Group,
    name="ooi",
    help=helps("Pelacak kepatuhan Gerakan Satu Instansi Satu Inovasi (One Agency One Innovation).\n\n"
               "Bahasa pesan: --lang en atau OOI_LANG=en untuk bahasa Inggris.",
               "Compliance tracker of the One Agency One Innovation movement (Satu Instansi Satu Inovasi).\n\n"
               "Language: --lang id or OOI_LANG=id for Indonesian (the default)."),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's help formatter alone costs ~100 ms of every `ooi --help`
)

RootOption = Annotated[
    Optional[str],
    typer.Option("--root", metavar="FOLDER", help=helps(
        "Akar data (folder berisi ooi.yaml); bawaan: dicari ke atas, atau OOI_ROOT.",
        "Data root (the folder holding ooi.yaml); default: searched upwards, or OOI_ROOT.")),
]
LangOption = Annotated[
    Optional[str], typer.Option("--lang", metavar="id|en", help=helps(
        "Bahasa pesan: id atau en (bawaan: OOI_LANG, lalu ooi.yaml).",
        "Language of messages: id or en (default: OOI_LANG, then ooi.yaml)."))
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", metavar="N", help=helps(
    "Jumlah proses; 0 (bawaan) = otomatis: satu proses untuk repositori kecil, satu per inti CPU untuk yang besar.",
    "Number of processes; 0 (the default) = automatic: one for a small repository, one per CPU core for a large one."
))]

QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help=helps(
    "Tanpa tampilan kemajuan di stderr (tampilan itu hanya muncul di terminal, bila pekerjaan lebih dari sedetik).",
    "No progress display on stderr (it appears only in a terminal, for work of more than about a second)."))]


def _delimiter(value: str) -> str:
    if value in (",", ";"):
        return value
    raise OoiError(tr("--delimiter harus `,` atau `;`", "--delimiter must be `,` or `;`"))


DelimiterOption = Annotated[str, typer.Option("--delimiter", parser=_delimiter, metavar=",|;", help=helps(
    "Pemisah CSV: `,` (bawaan) atau `;` (pemisah daftar Excel berbahasa Indonesia).",
    "CSV separator: `,` (default) or `;` (the list separator of Excel set to Indonesian)."))]


def format_option(choices: tuple[str, ...], help: str, en: str | None = None):
    """The `--format/-f` option of a command that renders in one of `choices`, checked before the command runs.

    `help` is its Indonesian; the English says the same choices unless `en` says more.
    """

    def choose(value: str) -> str:
        if value in choices:
            return value
        raise OoiError(tr("--format {f} tidak dikenal; pilih: {c}", "unknown --format {f}; choose: {c}",
                          f=value, c=", ".join(choices)))

    english = en or ", ".join(choices[:-1]) + " or " + choices[-1] + "."
    return typer.Option("--format", "-f", parser=choose, metavar="|".join(choices), help=helps(help, english))


def _version(value: bool) -> None:
    if value:
        from ooi import __version__

        typer.echo(f"ooi {__version__}")
        raise typer.Exit()


@app.callback()
def _app(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                            help=helps("Tampilkan versi lalu keluar.", "Show the version and exit."))
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=helps(
        "Tampilkan traceback bila ooi sendiri gagal (bug); boleh ditulis setelah perintah mana pun. Juga: OOI_DEBUG=1.",
        "Show the traceback when ooi itself fails (a bug); may follow any command. Also: OOI_DEBUG=1."))] = False,
) -> None:
    """The app's own options; its help is the `help` given to the Typer app above."""


def open_root(root: str | None, lang: str | None, strict: bool = True):
    """Find the data root, read its settings and choose the language of messages.

    `strict=False` (validate): problems in ooi.yaml become findings instead of stopping the command.
    """
    from ooi import i18n
    from ooi.engine import clock
    from ooi.input.config import find_root, load_settings

    i18n.use(lang, i18n.from_env())
    path = find_root(root)
    settings = load_settings(path, strict, today=clock.today)
    i18n.use(lang, i18n.from_env(), settings.bahasa)
    return path, settings
