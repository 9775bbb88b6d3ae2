"""The report as a person sees it, in headless Chromium with the network cut off: DOM, screenshot, A4 PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import Dom, dump_dom, figures_of, png_colours, print_pdf, screenshot
from test_report import HOSTILE, LAUNCH, SHIPPED, hostile_root, make_report
from test_status_cli import WHEN, run

pytestmark = pytest.mark.lambat  # a real Chromium: left out by `-m "not lambat"`


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("browser")
    root = hostile_root(base / "root")
    make_report(root, base / "laporan.html", *WHEN)
    return root, base / "laporan.html"


def test_rendered_dom_shows_the_status_figures_and_no_injected_script(page):
    root, html = page
    dom = dump_dom(html)
    seen = Dom(dom)
    status = json.loads(run("status", "--root", str(root), *WHEN, "--format", "json").stdout)
    for key, value in figures_of(status).items():
        assert set(seen.figures[key]) == {value}, key
    assert seen.agencies == {a["kode"]: a["status"] for a in status["agencies"]}
    assert HOSTILE in "".join(seen.text)  # the hostile name is on the page, as text
    assert seen.scripts == 0 and seen.handlers == []
    assert "<title>" in dom and "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)
    assert "data-pwned" not in dom  # the onerror handler never ran


def test_screenshot_is_not_blank(page, tmp_path):
    _, html = page
    image = screenshot(html, tmp_path / "shot.png")
    assert len(image) > 20_000 and png_colours(image) > 50


def test_prints_on_a4(page, tmp_path):
    _, html = page
    pdf = print_pdf(html, tmp_path / "laporan.pdf")
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    boxes = {tuple(round(float(n)) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", pdf)}
    assert pages >= 2  # one section per page from the agency table on
    assert boxes == {(0, 0, 595, 842)}, boxes  # A4 in points


def test_shipped_launch_report_opens_in_chromium(tmp_path):
    html = tmp_path / "laporan.html"
    make_report(SHIPPED, html, *LAUNCH)
    seen = Dom(dump_dom(html))
    assert seen.figures["summary.agencies_with_innovation"] == ["11"]
    assert seen.figures["summary.innovations"] == ["19"] and len(seen.agencies) == 35
