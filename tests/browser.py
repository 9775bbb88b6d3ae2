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
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

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


HIDDEN = {"head", "style", "script", "template"}
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
        self.shown: list[str] = []  # the text a reader sees: none of head, style or script
        self._hidden = 0
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
        self._hidden += tag in HIDDEN

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._figure.pop()

    def handle_endtag(self, tag):
        self._hidden -= tag in HIDDEN
        if self._figure:
            self._figure.pop()

    def handle_data(self, data):
        self.text.append(data)
        if not self._hidden and data.strip():
            self.shown.append(data.strip())
        if self._figure and self._figure[-1]:
            self.figures.setdefault(self._figure[-1], []).append(data.strip())


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def figures_of(status: dict) -> dict[str, str]:
    """The figures the report must show, as `ooi status --format json` gives them, written the Indonesian way
    (`34,3%`, `30 November 2023`; spelled out here, not taken from ooi's own helper)."""
    summary = status["summary"]
    year, month, day = map(int, status["per"].split("-"))
    wanted = {"tahun": str(status["tahun"]), "per": f"{day} {MONTHS[month - 1]} {year}",
              "total": f"{status['total']:,}".replace(",", ".")}
    for key in ("achieved", "planned", "reported", "missing", "agencies_with_innovation", "innovations"):
        wanted[f"summary.{key}"] = f"{summary[key]:,}".replace(",", ".")
    for key in ("achievement", "compliance"):
        wanted[f"summary.{key}"] = f"{summary[key]:.1f}".replace(".", ",") + "%"
    wanted["missing.count"] = str(summary["missing"])
    return wanted


# Measured in the page by a script added to a copy of it (the report itself forbids scripts): the page's
# width, the smallest text a reader sees, chart text outside its chart, tables wider than their place.
MEASURE = """<script>
const seen = [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length
  && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
const size = e => parseFloat(getComputedStyle(e).fontSize) * (e instanceof SVGElement ? e.getScreenCTM().a : 1);
const out = [];
for (const chart of document.querySelectorAll('svg.chart')) {
  const box = chart.getBoundingClientRect();
  for (const t of chart.querySelectorAll('text')) {
    const r = t.getBoundingClientRect();
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
      out.push(t.textContent);
  }
}
const small = seen.filter(e => size(e) < 11).map(e => e.tagName + ' ' + size(e).toFixed(1) + ' ' + e.textContent.trim().slice(0, 30));
const pre = parent.document.body.appendChild(parent.document.createElement('pre'));
pre.id = 'ooi-' + 'measure';  // written in two parts: the page's text holds only the element's own
pre.textContent = JSON.stringify({
  width: document.documentElement.scrollWidth, viewport: window.innerWidth,
  smallest: Math.min(...seen.map(size)), small: small, outside: out,
  tables: [...document.querySelectorAll('table')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 0.5
          || t.getBoundingClientRect().right > window.innerWidth + 0.5).map(t => t.id || t.className)});
</script>"""


def measure(page: Path, width: int, workdir: Path) -> dict:
    """What a reader at `width` px gets: see MEASURE. The copy drops the page's no-script policy only.

    Headless Chromium's window is at least 500 px wide, so the copy is shown in a frame `width` px
    wide (`srcdoc`: same origin, so the script writes its figures into the outer page's DOM).
    """
    import json
    import re

    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    frame = html.replace("</body>", MEASURE + "</body>").replace("&", "&amp;").replace('"', "&quot;")
    copy = workdir / f"ukur-{width}-{page.name}"
    copy.write_text(f'<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0" width="{width}" '
                    f'height="900" srcdoc="{frame}"></iframe></body></html>', encoding="utf-8")
    done = run(copy.as_uri(), "--dump-dom", "--window-size=1280,900")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    found = re.search(r'<pre id="ooi-measure">(.*?)</pre>', done.stdout.decode("utf-8"), re.S)
    assert found, "the measuring script did not run"
    return json.loads(unescape(found.group(1)))
