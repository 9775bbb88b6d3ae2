"""`ooi rules`, `ooi explain` and `ooi principles`: the rule catalogue and the principle matrix."""

import sys
from typing import Annotated, Optional

import typer

from ooi.cli.app import LangOption, QuietOption, RootOption, app, format_option, open_root
from ooi.cli.coverage import NoCacheOption
from ooi.cli.language import english, helps
from ooi.i18n import tr
from ooi.report.width import screen
from ooi.model.errors import OoiError

RULES_FORMATS = ("text", "json", "markdown")
EXPLAIN_FORMATS = ("text", "json")
PRINCIPLES_FORMATS = ("table", "json", "markdown")


def _language(lang: str | None) -> None:
    """The catalogue needs no data root; the language comes from --lang, then OOI_LANG."""
    from ooi import i18n

    i18n.use(lang, i18n.from_env())


@app.command("rules")
@english("All finding codes (Y file, S schema, R references, P1–P8 principles) with their default severity.")
def rules_(
    format: Annotated[str, format_option(RULES_FORMATS, "text, json, atau markdown (tabel README).",
                                                         "text, json or markdown (the README table).")] = "text",
    lang: LangOption = None,
) -> None:
    """Daftar semua kode temuan (Y berkas, S skema, R rujukan, P1–P8 prinsip) dengan tingkat bawaannya."""
    from ooi.report import render
    from ooi.rules.catalogue import entries

    _language(lang)
    sys.stdout.write(render(f"rules_{format}", entries()))


@app.command()
@english("One code in full: what it checks, why, a passing and a failing example.")
def explain(
    code: Annotated[str, typer.Argument(metavar="KODE", help=helps("Kode temuan, mis. P4 atau S002.",
                                                                      "A finding code, e.g. P4 or S002."))],
    format: Annotated[str, format_option(EXPLAIN_FORMATS, "text atau json.")] = "text",
    lang: LangOption = None,
) -> None:
    """Satu kode selengkapnya: yang diperiksa, alasannya, contoh yang lolos dan yang gagal."""
    from ooi.rules.catalogue import entry, known_codes, more, suggest

    _language(lang)
    wanted = code.strip().upper()
    if wanted not in known_codes():
        close = suggest(code)
        raise OoiError(tr("kode `{c}` tidak dikenal{s}; daftar kode: ooi rules",
                          "unknown code `{c}`{s}; all codes: ooi rules", c=code,
                          s=tr(" (maksudnya `{k}`?)", " (did you mean `{k}`?)", k=close) if close else ""))
    if format == "json":
        import json

        from ooi.report.rules_json import as_dict

        sys.stdout.write(json.dumps(as_dict(entry(wanted)), ensure_ascii=False, indent=2) + "\n")
        return
    from ooi.engine.waivers import waivable
    from ooi.report import render

    sys.stdout.write(render("explain_text", entry(wanted), more=more(wanted), waivable=wanted in waivable()))


@app.command()
@english("The matrix of innovations × the eight principles (P1–P8): pass, warning, error or waived.")
def principles(
    kode: Annotated[Optional[str], typer.Argument(metavar="KODE", help=helps("Kode OPD, mis. dinkes; bawaan: seluruh kota.",
                                                                    "Agency code, e.g. dinkes; default: the whole city."))] = None,
    format: Annotated[str, format_option(PRINCIPLES_FORMATS, "table, json, atau markdown.")] = "table",
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Matriks inovasi × delapan prinsip (P1–P8): lolos, peringatan, error, atau dikecualikan."""
    from ooi.coverage.matrix import build
    from ooi.model.summary import summarize
    from ooi.engine.checker import check
    from ooi.report import progress, render

    with progress.display(quiet=quiet, machine=format != "table") as shown:
        data_root, settings = open_root(root, lang)
        shown.stage(progress.CHECKING, unit=progress.FILES)
        # records=summarize: the matrix needs each record's name and stage only, kept in the worker that judged it
        # the judgement cache: an unchanged file's findings and summary are read, not judged again
        from ooi.engine.cache import Cache

        cache = None if no_cache else Cache.of(data_root)
        result = check(data_root, settings, records=summarize, progress=shown.count, cache=cache)
    if kode is not None:
        kode = _agency(kode, result)
    options = screen() if format == "table" else {}
    sys.stdout.write(render(f"principles_{format}", build(result, kode), **options))


def _agency(kode: str, result) -> str:
    """The agency asked for, by code or abbreviation; an unknown one is a usage error with a suggestion."""
    from ooi.model.names import find_agency, meant

    found, close = find_agency(kode, result.agencies, also=(file.folder for file in result.files if file.folder))
    if found:
        return found
    raise OoiError(tr("OPD `{k}` tidak terdaftar{h}", "agency `{k}` is not registered{h}", k=kode,
                      h=f" ({meant(close)})" if close
                      else tr("; daftar kode ada di data/opd/", "; the codes are in data/opd/")))


