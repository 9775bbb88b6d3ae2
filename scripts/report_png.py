"""Render the shipped data's report to docs/laporan.png for the README, in headless Chromium.

    .venv/bin/python scripts/report_png.py            # refresh docs/laporan.png
    .venv/bin/python scripts/report_png.py --check    # exit 1 if Chromium is missing

The page is the shipped data's `ooi report` at a fixed date, so the picture changes only when
the data or the report does. Chromium is the Debian package `chromium` (or OOI_CHROMIUM).
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
WHEN = ("--tahun", "2023", "--per", "2023-12-31")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TOP / "docs" / "laporan.png")
    parser.add_argument("--size", default="1000,1400", help="window width,height in CSS pixels")
    parser.add_argument("--scale", default="0.6", help="device scale factor (the PNG is size × scale)")
    parser.add_argument("--check", action="store_true", help="only say whether Chromium is there")
    args = parser.parse_args()
    browser = os.environ.get("OOI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("Chromium not found: apt-get install chromium, or set OOI_CHROMIUM")
    if args.check:
        return
    with tempfile.TemporaryDirectory(prefix="ooi-png-") as work:
        page = Path(work) / "laporan.html"
        subprocess.run([sys.executable, "-m", "ooi", "report", "--root", str(TOP), *WHEN, "--output", str(page)],
                       check=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([browser, *FLAGS, f"--user-data-dir={work}/profile", f"--window-size={args.size}",
                        f"--force-device-scale-factor={args.scale}", f"--screenshot={args.out}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(f"written: {args.out.relative_to(TOP)} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
