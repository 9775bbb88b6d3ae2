"""The questions `ooi new` asks in a terminal: agency, name and stage, re-asked until the answer is usable."""

from __future__ import annotations

from rich.columns import Columns
from rich.console import Console
from rich.prompt import Prompt

from ooi.i18n import tr
from ooi.model.errors import OoiError


class Asker:
    def __init__(self, console: Console | None = None):
        self.console = console or Console(highlight=False)

    def agency(self, agencies: dict) -> str:
        """The code of an agency of the registry: typed as its code, its abbreviation or its number."""
        codes = sorted(agencies)
        self.console.print(tr("OPD yang terdaftar:", "Registered agencies:"))
        self.console.print(Columns([f"{i:>2}. {kode}" for i, kode in enumerate(codes, 1)], padding=(0, 3)))
        by_abbreviation = {agencies[kode].singkatan.lower(): kode for kode in codes}
        while True:
            typed = self._ask(tr("Kode OPD (atau nomornya)", "Agency code (or its number)")).lower()
            if typed.isdigit() and 1 <= int(typed) <= len(codes):
                return codes[int(typed) - 1]
            if typed in agencies or typed in by_abbreviation:
                return by_abbreviation.get(typed, typed)
            self.console.print(tr("[red]`{t}` tidak ada di daftar; ketik kode atau nomornya[/]",
                                  "[red]`{t}` is not in the list; type a code or its number[/]", t=typed))

    def name(self) -> str:
        while True:
            typed = " ".join(self._ask(tr("Nama inovasi", "Name of the innovation")).split())
            if any(character.isalnum() for character in typed):
                return typed
            self.console.print(tr("[red]nama inovasi wajib diisi[/]", "[red]the name is required[/]"))

    def stage(self, stages: tuple[str, ...]) -> str:
        labels = {"inisiatif": tr("rencana, belum dicoba", "a plan, not tried yet"),
                  "uji_coba": tr("sedang atau sudah diuji coba", "being or been piloted"),
                  "penerapan": tr("sudah diterapkan", "in force")}
        for number, stage in enumerate(stages, 1):
            self.console.print(f"{number:>2}. {stage} ({labels.get(stage, '')})")
        while True:
            typed = self._ask(tr("Tahapan (nama atau nomor)", "Stage (name or number)"), default=stages[0])
            typed = typed.strip().lower().replace(" ", "_").replace("-", "_")
            if typed.isdigit() and 1 <= int(typed) <= len(stages):
                return stages[int(typed) - 1]
            if typed in stages:
                return typed
            self.console.print(tr("[red]pilih salah satu: {c}[/]", "[red]choose one of: {c}[/]", c=", ".join(stages)))

    def _ask(self, question: str, default: str | None = None) -> str:
        try:
            if default is None:
                return Prompt.ask(question, console=self.console).strip()
            return Prompt.ask(question, console=self.console, default=default).strip()
        except (EOFError, KeyboardInterrupt):
            raise OoiError(tr("dibatalkan; tidak ada berkas yang dibuat", "cancelled; no file was written")) from None
