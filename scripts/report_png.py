"""The printed first page of the shipped data's leaders' report, as docs/laporan-halaman-1.png for the README.

    .venv/bin/python scripts/report_png.py            # refresh docs/laporan-halaman-1.png
    .venv/bin/python scripts/report_png.py --check    # exit 1 if Chromium or pdftoppm is missing

The page is the shipped data's `ooi report` at a fixed date, printed to an A4 PDF by headless
Chromium (as a secretariat prints it) and its first page rendered by poppler's `pdftoppm`, so the
picture changes only when the data or the report does. Chromium is the Debian package `chromium`
(or OOI_CHROMIUM), pdftoppm the package `poppler-utils`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
WHEN = ("--tahun", "2023", "--per", "2023-11-30")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TOP / "docs" / "laporan-halaman-1.png")
    parser.add_argument("--dpi", default="60", help="resolution of the page picture (60: 496 × 702 px)")
    parser.add_argument("--check", action="store_true", help="only say whether Chromium and pdftoppm are there")
    args = parser.parse_args()
    browser = os.environ.get("OOI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("Chromium not found: apt-get install chromium, or set OOI_CHROMIUM")
    pages = shutil.which("pdftoppm")
    if pages is None:
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    if args.check:
        return
    with tempfile.TemporaryDirectory(prefix="ooi-png-") as work:
        page = Path(work) / "laporan.html"
        subprocess.run([sys.executable, "-m", "ooi", "report", "--root", str(TOP), *WHEN, "--output", str(page)],
                       check=True)
        pdf = Path(work) / "laporan.pdf"
        subprocess.run([browser, *FLAGS, f"--user-data-dir={work}/profile", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=120)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([pages, "-png", "-r", args.dpi, "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(args.out.with_suffix(""))], check=True, capture_output=True, timeout=120)
    print(f"written: {args.out.relative_to(TOP)} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
