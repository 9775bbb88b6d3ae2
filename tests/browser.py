"""Headless Chromium for the report tests: dump the DOM, screenshot, print to PDF, with the network cut off.

Chromium's own flags, no driver: `--dump-dom`, `--screenshot`, `--print-to-pdf`. The network is
cut by sending every host to a resolver that finds nothing and every request to a dead proxy,
so a page that needed the network would show it. When Chromium is missing the tests skip with
the reason, or fail under `OOI_REQUIRE_REAL_PARTS=1` (tests/parts.py; `.ci/run` installs the Debian package `chromium`).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from parts import need

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         "--hide-scrollbars", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000"]


def chromium() -> str:
    """The Chromium to test with; missing: a visible skip, or a failure where real parts are required."""
    found = os.environ.get("OOI_CHROMIUM") or next(
        (path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))), None)
    return need(found, "Chromium not found: the HTML report is not tested in a browser. "
                       "Install the Debian package `chromium` (.ci/run does) or set OOI_CHROMIUM.")


def run(url: str, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="ooi-chromium-") as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args, url],
                              capture_output=True, timeout=timeout)


def dump_dom(page: Path) -> str:
    done = run(page.as_uri(), "--dump-dom")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout.decode("utf-8")


def screenshot(page: Path, target: Path, size: str = "1100,1600") -> bytes:
    done = run(page.as_uri(), f"--screenshot={target}", f"--window-size={size}")
    assert done.returncode == 0 and target.exists(), done.stderr.decode(errors="replace")[-2000:]
    return target.read_bytes()


def print_pdf(page: Path, target: Path) -> bytes:
    done = run(page.as_uri(), f"--print-to-pdf={target}", "--no-pdf-header-footer")
    assert done.returncode == 0 and target.exists(), done.stderr.decode(errors="replace")[-2000:]
    return target.read_bytes()


def png_colours(data: bytes) -> int:
    """How many distinct byte values the decoded image rows hold (a blank page has two or three)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, []
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    return len(set(zlib.decompress(b"".join(chunks))))


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Dom(HTMLParser):
    """What a reader sees in a page: figures by `data-figure`, agency rows, scripts, handlers, external loads."""

    def __init__(self, html: str):
        super().__init__()
        self.figures: dict[str, list[str]] = {}
        self.agencies: dict[str, str] = {}
        self.scripts = 0
        self.handlers: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []
        self._figure: list[str | None] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script"
        self.handlers += [f"{tag} {key}" for key in attrs if key.startswith("on")]
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            if value and not value.startswith(("#", "mailto:", "data:")):
                self.external.append(value)
        if tag == "tr" and "data-kode" in attrs:
            self.agencies[attrs["data-kode"]] = attrs.get("data-status")
        if tag not in VOID:
            self._figure.append(attrs.get("data-figure"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._figure.pop()

    def handle_endtag(self, tag):
        if self._figure:
            self._figure.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self._figure and self._figure[-1]:
            self.figures.setdefault(self._figure[-1], []).append(data.strip())


def figures_of(status: dict) -> dict[str, str]:
    """The figures the report must show, as `ooi status --format json` gives them."""
    summary = status["summary"]
    wanted = {"tahun": str(status["tahun"]), "per": status["per"], "total": str(status["total"])}
    for key in ("achieved", "planned", "reported", "missing", "agencies_with_innovation", "innovations"):
        wanted[f"summary.{key}"] = str(summary[key])
    for key in ("achievement", "compliance"):
        wanted[f"summary.{key}"] = f"{summary[key]:.1f}"
    wanted["missing.count"] = str(summary["missing"])
    return wanted
