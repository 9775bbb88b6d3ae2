"""The questions `ooi new` asks in a terminal: agency, name and stage, re-asked until the answer is usable."""

from typing import TYPE_CHECKING

from rich.console import Console
from rich.prompt import Prompt

from ooi.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ooi.model.records import Agency


class Asker:
    def __init__(self, console: Console | None = None):
        self.console = console or Console(highlight=False)

    def agency(self, agencies: "Mapping[str, Agency]") -> str:
        """The code of an agency of the registry: typed as its number, code, abbreviation or name; a typo is offered
        the nearest agency, taken with `ya`."""
        from ooi.model.names import find_agency

        codes = sorted(agencies)
        self.console.print(tr("OPD yang terdaftar:", "Registered agencies:"))
        for line in listing([(agencies[kode].singkatan, agencies[kode].nama) for kode in codes], self.console.width):
            self.console.print(line, markup=False)
        offered = None
        while True:
            typed = self._ask(tr("OPD (nomor, kode, singkatan, atau nama)",
                                 "Agency (number, code, abbreviation or name)"))
            if offered and typed.strip().casefold() in ("y", "ya", "yes", "iya"):
                return offered
            if typed.isdigit() and 1 <= int(typed) <= len(codes):
                return codes[int(typed) - 1]
            found, offered = find_agency(typed, agencies)
            if found:
                return found
            if offered:
                agency = agencies[offered]
                self.console.print(tr("`{t}` tidak ada di daftar; maksudnya {n}. {s} ({a})? ketik ya, atau ketik lagi",
                                      "`{t}` is not in the list; did you mean {n}. {s} ({a})? type yes, or type again",
                                      t=typed, n=codes.index(offered) + 1, s=agency.singkatan, a=agency.nama),
                                   markup=False, style="yellow")
            else:
                self.console.print(tr("`{t}` tidak ada di daftar; ketik nomornya, kodenya, singkatannya, atau namanya",
                                      "`{t}` is not in the list; type its number, code, abbreviation or name", t=typed),
                                   markup=False, style="red")

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

    def confirm(self, question: str) -> bool:
        """Yes unless the answer says no (Enter alone is yes)."""
        return self._ask(question + tr(" [Y/t]", " [Y/n]"), default="").casefold() not in ("t", "tidak", "n", "no")

    def _ask(self, question: str, default: str | None = None) -> str:
        from ooi.cli.isi import Interrupted

        try:
            if default is None:
                return Prompt.ask(question, console=self.console).strip()
            return Prompt.ask(question, console=self.console, default=default, show_default=bool(default)).strip()
        except (EOFError, KeyboardInterrupt):
            raise Interrupted(tr("dibatalkan; tidak ada berkas yang dibuat",
                                 "cancelled; no file was written")) from None


def listing(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Numbered `abbreviation: name` entries, in two columns when the screen is wide enough (80 over SSH)."""
    entries = [f"{number:>2}. {short}: {name}" for number, (short, name) in enumerate(rows, 1)]
    columns = 2 if width >= 70 and len(entries) > 12 else 1
    cell = width // columns - 2  # two spaces between the columns
    entries = [entry if len(entry) <= cell else entry[:cell - 1] + "…" for entry in entries]
    height = -(-len(entries) // columns)
    return ["  ".join(entries[row + height * column].ljust(cell) for column in range(columns)
                      if row + height * column < len(entries)).rstrip() for row in range(height)]
