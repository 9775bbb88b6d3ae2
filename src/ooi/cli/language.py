"""The language of the command line itself: help, usage and usage errors, Indonesian unless `--lang en`/OOI_LANG=en.

Help texts are written in Indonesian where the option or command is defined, with the
English beside them (`helps(id, en)`, `@english(en)` for a command's docstring). The
language is read from the arguments and the environment before anything is parsed, so
`--help` and a usage error speak it even though `--lang` has not been parsed yet.
Typer's and click's own words (Usage, Options, Error, …) are translated here.
"""

import inspect
import re
from collections.abc import Callable, Sequence

from typer import Abort, Context, TyperException, echo  # noqa: F401  (Abort: caught in cli.app)
from typer.core import TyperGroup

from ooi import i18n
from ooi.i18n import Message, tr

HELPS: dict[str, Message] = {}  # a help text as Typer is given it (whitespace normalised) → its catalogue message


def _key(text: str) -> str:
    return " ".join(text.split())


def helps(id_text: str, en_text: str) -> str:
    """A help text in both languages; Typer keeps plain text, so its message is found again by that text (`localize`)."""
    HELPS[_key(id_text)] = tr(id_text, en_text)
    return id_text


def english(en_text: str) -> Callable:
    """The English of a command's help, whose Indonesian is its docstring."""

    def register(function: Callable) -> Callable:
        HELPS[_key(function.__doc__ or "")] = tr(inspect.cleandoc(function.__doc__ or ""), en_text)  # as Typer has it
        return function

    return register


def choose(args: Sequence[str]) -> str:
    """The language asked for on the command line (`--lang en`, `--lang=en`), else OOI_LANG, else Indonesian.

    (ooi.yaml's `bahasa` is read once the data root is known, for the messages of a run.)
    """
    asked = None
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            asked = args[index + 1]
        elif arg.startswith("--lang="):
            asked = arg.split("=", 1)[1]
    return i18n.use(asked, i18n.from_env())


def localize(command: TyperGroup) -> None:
    """Put the current language into a built command tree: its helps, metavars and the formatter's words."""
    for cmd in (command, *getattr(command, "commands", {}).values()):
        cmd.context_class = _Context
        cmd.options_metavar = tr("[OPSI]", "[OPTIONS]")
        if hasattr(cmd, "commands"):
            cmd.subcommand_metavar = tr("PERINTAH [ARGUMEN]...", "COMMAND [ARGS]...")
        cmd.help = _said(cmd.help)
        cmd.short_help = _said(cmd.short_help)
        for param in cmd.params:
            param.help = _said(getattr(param, "help", None))
            param.metavar = _said(param.metavar)


def _said(text: str | None) -> str | None:
    """A help text in the current language (Typer's own text when it has no message: a value, a plain word)."""
    message = HELPS.get(_key(text)) if text else None
    return text if message is None else str(message)


# click's and Typer's own words, as they write them → Indonesian.
_WORDS = {"Options": "Opsi", "Arguments": "Argumen", "Commands": "Perintah",
          "Show this message and exit.": "Tampilkan bantuan ini lalu keluar."}
_MESSAGES = [  # usage errors: (English pattern, Indonesian)
    (r"No such option: (.*?)(?: \(Possible options: (.*)\))?", lambda m: f"opsi {m[1]} tidak dikenal"
     + (f" (maksudnya: {m[2]}?)" if m[2] else "")),
    (r"No such command '(.*)'\. Did you mean (.*)\?", r"perintah '\1' tidak ada; maksudnya \2?"),
    (r"No such command '(.*)'\.", r"perintah '\1' tidak ada"),
    (r"Missing argument '(.*)'\.", r"argumen \1 belum diberikan"),
    (r"Missing option '(.*)'\.", r"opsi \1 wajib diberikan"),
    (r"Option '(.*)' requires an argument\.", r"opsi \1 memerlukan nilai"),
    (r"Got unexpected extra arguments? \((.*)\)", r"argumen berlebih: \1"),
    (r"Invalid value for (.*?): (.*)", lambda m: f"nilai tidak sah untuk {m[1]}: {_value_message(m[2])}"),
]
_VALUES = [
    (r"Input should be a valid integer.*", "harus bilangan bulat"),
    (r"Input should be a valid number.*", "harus angka"),
    (r"Input should be greater than or equal to (\S+)", r"paling kecil \1"),
    (r"Input should be less than or equal to (\S+)", r"paling besar \1"),
    (r"Input should be greater than (\S+)", r"harus lebih dari \1"),
    (r"Input should be less than (\S+)", r"harus kurang dari \1"),
]


def _value_message(text: str) -> str:
    for pattern, replacement in _VALUES:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, replacement, text)
    return text


def translate(message: str) -> str:
    """A usage error of click/Typer in the current language (unknown ones stay as they are)."""
    if i18n.current() == "en":
        return message
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message) if isinstance(replacement, str) \
                else replacement(re.fullmatch(pattern, message))
    return message


def show_usage_error(error: TyperException) -> None:
    """What click prints for a usage error, in the current language: usage, where to get help, the error."""
    if getattr(error, "ctx", None) is not None:
        hint = ""
        if error.ctx.command.get_help_option(error.ctx) is not None:
            hint = tr("Bantuan: {c} {o}\n", "Try '{c} {o}' for help.\n", c=error.ctx.command_path,
                      o=error.ctx.help_option_names[0])
        echo(f"{error.ctx.get_usage()}\n{hint}", err=True)
    echo(tr("Galat: {m}", "Error: {m}", m=translate(error.format_message())), err=True)


class _Formatter(Context.formatter_class):  # click's documented hook: the class a context writes help with
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else tr("Cara pakai: ", "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(_word(heading))

    def write_dl(self, rows, *args, **kwargs) -> None:
        # Typer adds the Python type to an argument (`<list[Path]>`): programmer's words, not the reader's.
        super().write_dl([(re.sub(r" <[^>]*>$", "", term), _word(text)) for term, text in rows], *args, **kwargs)


def _word(text: str) -> str:
    if i18n.current() == "en":
        return text
    text = _WORDS.get(text, text)
    text = re.sub(r"\[default: (.*?)(;|\])", r"[bawaan: \1\2", text)
    return re.sub(r"([\[;] ?)required\]", r"\1wajib]", text)


class _Context(Context):
    formatter_class = _Formatter
