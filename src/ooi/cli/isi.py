"""`ooi isi FILE`: the questions of the walk at a terminal, one at a time, each answer saved as it is given."""

import shutil
import sys
import textwrap
from pathlib import Path
from typing import Annotated

import typer

from ooi.cli.app import LangOption, RootOption, app, open_root
from ooi.cli.language import english, helps
from ooi.i18n import tr
from ooi.model.errors import OoiError


class Interrupted(OoiError):
    """Ctrl-C or a closed input: what was answered is already on disk."""

    exit_code = 130


@app.command()
@english("Fill in a record by question and answer: one question for each value that is empty or wrong.")
def isi(
    file: Annotated[Path, typer.Argument(metavar=helps("BERKAS", "FILE"), help=helps(
        "Berkas catatan, mis. data/inovasi/dinkes/x.yaml.", "The record's file, e.g. data/inovasi/dinkes/x.yaml."))],
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Isi berkas catatan lewat tanya-jawab: satu pertanyaan untuk setiap nilai yang kosong atau salah."""
    data_root, settings = open_root(root, lang)
    raise typer.Exit(fill(data_root, settings, file))


def fill(data_root: Path, settings, file: Path) -> int:
    """Ask every question of `file`; the exit code: 0 clean or warnings only, 1 errors remain, 130 interrupted."""
    from ooi.workflow.isi_walk import Walk

    path = _inside(data_root, file)
    try:
        walk = Walk.open(data_root, settings, path)
    except OoiError:
        _show_findings(data_root, settings, path)  # why the file is refused, as `ooi validate` says it
        raise
    screen = Screen()
    screen.say(tr("ooi isi: {p}", "ooi isi: {p}", p=walk.rel))
    screen.say(tr("Satu pertanyaan untuk setiap nilai yang kosong atau salah. Enter saja = lewati (atau pakai "
                  "perbaikan yang ditawarkan); Ctrl-C = berhenti (jawaban yang sudah diberikan tetap tersimpan).",
                  "One question for each value that is empty or wrong. Enter alone = skip (or use the fix "
                  "offered); Ctrl-C = stop (answers already given stay saved)."))
    _hang_up_as_interrupt()
    try:
        while (question := walk.next()) is not None:
            _ask(screen, walk, question)
    except (KeyboardInterrupt, EOFError):
        screen.say("")
        raise Interrupted(tr("dihentikan; {n} jawaban sudah tersimpan di {p} (lanjutkan: ooi isi {p})",
                             "stopped; {n} answer(s) already saved in {p} (resume: ooi isi {p})",
                             n=walk.answered, p=walk.rel)) from None
    from ooi.cli.isi_ending import summary

    return summary(screen, walk)


def _hang_up_as_interrupt() -> None:
    """A closed terminal (SSH dropped) stops the walk as Ctrl-C does: between two saves, never inside one."""
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, stop)


def _ask(screen: "Screen", walk, question) -> None:
    from ooi.workflow.isi_walk import describe

    screen.rule(tr("{i} dari ±{n} · {f}", "{i} of ±{n} · {f}", i=walk.number(question), n=walk.total,
                   f=question.field))
    if question.kind == "add":
        screen.say(question.why)
        screen.say(tr("Tambahkan `{f}` sekarang? ketik ya; Enter saja = lewati",
                      "Add `{f}` now? type yes; Enter alone = skip", f=question.field))
        if walk.answer(question, screen.ask("> ")).saved:
            screen.say(tr("  ✓ ditambahkan; isinya ditanyakan berikut ini", "  ✓ added; its values are asked next"))
        else:
            screen.say(_skipped())
        return
    if question.context:
        screen.say(tr("Bagian: {c}", "Part: {c}", c=question.context))
    screen.say(question.label[:1].upper() + question.label[1:])
    screen.say(tr("Mengapa: {w}", "Why: {w}", w=question.why))
    if question.hint:
        screen.say(tr("Saran: {h}", "Hint: {h}", h=question.hint))
    if question.example and question.example != "...":
        screen.say(tr("Contoh: {e}", "Example: {e}", e=question.example))
    screen.say(tr("Sekarang: {v}", "Now: {v}", v=describe(question.current)))
    for number, (value, label) in enumerate(question.choices, 1):
        screen.say(f"  {number:>2}. {value}" + (f": {label}" if label else ""), indent=6)
    # A value that stands with a warning only is kept by Enter; an empty or wrong one is skipped.
    fix, kept = question.fix, question.current if question.warning and question.current not in (None, "", []) else None
    if fix:
        screen.say(_offer(fix))
    while True:
        typed = _read(screen, question)
        if not typed.strip() and fix:
            typed = fix  # the exact value the hint showed: Enter takes it
            screen.say(tr("  memakai `{v}`", "  using `{v}`", v=fix))
        elif not typed.strip() or (fix and typed.strip() == "-"):
            if kept is not None:  # the answer saved with a warning stays as it is
                walk.keep(question)
                screen.say(tr("  dipertahankan: {v}", "  kept: {v}", v=_short(describe(kept), screen.width - 20)))
            else:
                walk.skip(question)
                screen.say(_skipped())
            return
        verdict = walk.answer(question, typed)
        fix = ""
        if verdict.saved:
            shown = _short(describe(verdict.written), screen.width - 16)
            screen.say(tr("  ✓ tersimpan: {v}", "  ✓ saved: {v}", v=shown)
                       + (tr(" (sebagai `{f}`)", " (as `{f}`)", f=verdict.field) if verdict.field else ""))
        if verdict.fits:
            return
        screen.say(("  ! " if verdict.saved else "  ✗ ") + verdict.message, indent=4)
        if verdict.hint and not verdict.fix:  # a fix is offered in the line below, the value said once
            screen.say(tr("    saran: {h}", "    hint: {h}", h=verdict.hint), indent=6)
        if verdict.saved:
            kept = verdict.written
            screen.say(tr("  Perbaiki jawaban, atau Enter saja untuk mempertahankannya.",
                          "  Give a better answer, or Enter alone to keep it."))
            question = walk.requestion(question)
        elif verdict.fix:
            fix = verdict.fix
            screen.say(_offer(fix, again=True))
        else:
            screen.say(tr("  Coba lagi, atau Enter saja untuk melewati.", "  Try again, or Enter alone to skip."))


def _skipped() -> str:
    """What a question left without an answer is called: one word, never the word for an answer kept."""
    return tr("  dilewati", "  skipped")


def _offer(fix: str, again: bool = False) -> str:
    if again:
        return tr("  Coba lagi, atau Enter saja untuk memakai `{v}`; ketik - untuk melewati.",
                  "  Try again, or Enter alone to use `{v}`; type - to skip.", v=fix)
    return tr("Enter saja = pakai `{v}`; ketik - untuk melewati.", "Enter alone = use `{v}`; type - to skip.", v=fix)


def _short(text: str, width: int) -> str:
    """A long answer is shown back by its start: the whole of it is in the file."""
    return text if len(text) <= width else text[:width - 1].rsplit(" ", 1)[0] + " …"


def _read(screen: "Screen", question) -> str:
    if question.kind == "long":
        screen.say(tr("Boleh beberapa baris; akhiri dengan baris kosong.",
                      "Several lines are fine; end with an empty line."))
        lines = []
        while line := screen.ask("> " if not lines else "  "):
            lines.append(line)
        return "\n".join(lines)
    if question.kind == "choices":
        return screen.ask(tr("Nomor, boleh lebih dari satu (mis. 1, 3): ", "Numbers, one or more (e.g. 1, 3): "))
    if question.kind == "choice":
        return screen.ask(tr("Nomor atau nama pilihan: ", "Number or name of the choice: "))
    if question.kind == "bool":
        return screen.ask(tr("ya atau tidak: ", "yes or no: "))
    return screen.ask("> ")


def _show_findings(data_root: Path, settings, path: Path) -> None:
    from ooi.engine.checker import check
    from ooi.report import render

    result = check(data_root, settings, targets=[path], records=False)
    if result.findings:
        sys.stderr.write(render("text", result, hints=True))


def _inside(data_root: Path, file: Path) -> Path:
    path = file if file.is_absolute() else Path.cwd() / file
    if not path.exists() and not file.is_absolute():
        path = data_root / file  # a path written from the data root, as ooi prints them
    try:
        path.resolve().relative_to(data_root.resolve())
    except ValueError:
        raise OoiError(tr("{p} tidak berada di akar data {r}", "{p} is not inside the data root {r}",
                          p=file, r=data_root)) from None
    if not path.exists():
        raise OoiError(tr("{p} tidak ada", "{p} does not exist", p=file))
    if not path.is_file():  # a folder or a FIFO: it exists, so "does not exist" would be untrue
        raise OoiError(tr("{p} bukan berkas biasa", "{p} is not a regular file", p=file))
    return path


class Screen:
    """Plain lines wrapped to the terminal (80 columns over SSH is the size to fit), and `input()` with readline."""

    def __init__(self):
        self.width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns)) - 1

    def say(self, text: str, indent: int = 2) -> None:
        """`text` wrapped to the screen, never cut; what a record says goes through the terminal guard first."""
        from ooi.text_safety import visible

        shown = visible(text.replace("\n", " "))  # an escape or bidi character is shown, never obeyed
        lines = textwrap.wrap(shown, self.width, subsequent_indent=" " * indent, break_on_hyphens=False) or [""]
        print("\n".join(lines), flush=True)

    def rule(self, title: str) -> None:
        from ooi.text_safety import visible

        print(("── " + visible(title) + " ").ljust(self.width, "─"), flush=True)

    def ask(self, prompt: str) -> str:
        try:
            import readline  # noqa: F401  (arrow keys and editing inside input())
        except ImportError:
            pass
        return input(prompt)
