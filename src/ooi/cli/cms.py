"""`ooi cms`: the browser form (Decap CMS admin page) through which an officer files a pull request."""

from pathlib import Path
from typing import Annotated

import typer

from ooi.cli.app import LangOption, RootOption, app, open_root
from ooi.cli.authoring import CheckOption, ForceOption, clean_registry, generate
from ooi.cli.language import english, helps
from ooi.i18n import tr
from ooi.model.errors import OoiError


@app.command()
@english("Write the browser form (Decap CMS): index.html and config.yml in admin/, from the fields and the registry.")
def cms(
    output: Annotated[str, typer.Option("--output", metavar="FOLDER", help=helps(
        "Folder halaman admin, relatif terhadap akar data (bawaan: admin).",
        "Folder of the admin page, relative to the data root (default: admin)."))] = "admin",
    lokal: Annotated[bool, typer.Option("--lokal", help=helps(
        "Tambahkan `local_backend: true`: untuk mencoba di satu komputer dengan `npx decap-server`.",
        "Add `local_backend: true`: to try it on one machine with `npx decap-server`."))] = False,
    check: CheckOption = False,
    force: ForceOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Tulis formulir peramban (Decap CMS): index.html dan config.yml di admin/, dari tabel isian dan registri OPD."""
    from ooi.workflow.cms_admin import MARKER, render

    data_root, settings = open_root(root, lang)
    if not settings.github_repo:
        raise OoiError(tr("`github_repo` belum diatur di ooi.yaml; tambahkan mis. `github_repo: pemkot-batu/inovasi` "
                          "(repositori GitHub tujuan pull request formulir), lalu jalankan lagi",
                          "`github_repo` is not set in ooi.yaml; add e.g. `github_repo: pemkot-batu/inovasi` "
                          "(the GitHub repository the form files pull requests to), then run again"))
    folder = _inside(data_root, output)
    registry = clean_registry(data_root, settings)
    files = render(settings, registry.agencies, lokal)
    generate(data_root, {f"{folder}/{name}": text for name, text in files.items()}, MARKER, check, force, "ooi cms")


def _inside(data_root: Path, output: str) -> str:
    """The output folder as a path relative to the data root; a folder outside it is refused."""
    path = Path(output)
    resolved = (path if path.is_absolute() else data_root / path).resolve()
    try:
        relative = resolved.relative_to(data_root.resolve())
    except ValueError:
        raise OoiError(tr("--output {p} berada di luar akar data; ooi hanya menulis di dalam repositori",
                          "--output {p} lies outside the data root; ooi writes inside the repository only",
                          p=output)) from None
    if not relative.parts:
        raise OoiError(tr("--output harus sebuah folder di dalam akar data, mis. admin",
                          "--output must be a folder inside the data root, e.g. admin"))
    return relative.as_posix()
