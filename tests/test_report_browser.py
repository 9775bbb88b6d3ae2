"""The report as a person sees it, in headless Chromium with the network cut off: DOM, screenshot, A4 PDF.

The leaders' part is held to what a mayor may see (no path, command, rule code, YAML key or
English status word), prints on at most three A4 pages for the shipped 35 agencies, and reads
on a 390 px phone (measured in the page: its width, its smallest text, chart text inside charts).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import Dom, dump_dom, figures_of, measure, png_colours, print_pdf, screenshot
from parts import need

from ooi.coverage.rows import columns
from ooi.model.records import Agency, Innovation
from ooi.model.settings import SettingsFile
from test_report import HOSTILE, LAUNCH, SHIPPED, hostile_root, make_report
from test_status_cli import WHEN, run

pytestmark = pytest.mark.lambat  # a real Chromium: left out by `-m "not lambat"`


pytestmark = pytest.mark.lambat
NOVEMBER = ["--tahun", "2023", "--per", "2023-11-30"]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("browser")
    root = hostile_root(base / "root")
    make_report(root, base / "laporan.html", *WHEN, "--lengkap")
    return root, base / "laporan.html"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> dict[str, Path]:
    """The shipped data's report of 30 November 2023, for leaders and with the appendix."""
    base = tmp_path_factory.mktemp("shipped")
    make_report(SHIPPED, base / "laporan.html", *NOVEMBER)
    make_report(SHIPPED, base / "lengkap.html", *NOVEMBER, "--lengkap")
    return {"leaders": base / "laporan.html", "lengkap": base / "lengkap.html"}


# What a leader must never read: a path, a command, a rule code, a YAML key, an English status word.
NOT_FOR_LEADERS = {
    "path": re.compile(r"data/|\.ya?ml\b"),
    "command": re.compile(r"\booi\s+\w|--\w"),
    "rule code": re.compile(r"\b(?:[SRIC]\d{3}|P[1-8])\b"),
    "YAML key": re.compile(r"\b[a-z]+_[a-z_]+\b|(?<![A-Za-z] )\b(?:%s):" % "|".join(sorted(  # `Tahun target:` is a label
        {part for model in (Innovation, Agency, SettingsFile) for name in columns(model) for part in name.split(".")}, key=len, reverse=True))),
    "English status word": re.compile(r"(?i)\b(?:achieved|planned|reported|missing)\b"),
}


def test_leaders_part_has_nothing_a_leader_should_not_see(shipped, tmp_path):
    seen = " ".join(Dom(dump_dom(shipped["leaders"])).shown)
    assert "Kecamatan Bumiaji" in seen and "34,3%" in seen and "30 November 2023" in seen  # it is the report
    for what, pattern in NOT_FOR_LEADERS.items():
        assert not pattern.findall(seen), (what, pattern.findall(seen))
    appendix = " ".join(Dom(dump_dom(shipped["lengkap"])).shown)
    assert "data/inovasi/" in appendix and "ooi new --opd" in appendix  # the secretariat's appendix has them


def pages_of(pdf: Path, out: Path) -> list[float]:
    """How far down each printed page its ink reaches (0–1), from the page rendered by poppler's pdftoppm."""
    import shutil
    import subprocess

    tool = need(shutil.which("pdftoppm"), "pdftoppm is missing: install the Debian package poppler-utils")
    subprocess.run([tool, "-gray", "-r", "20", str(pdf), str(out / "seite")], check=True, capture_output=True)
    reach = []
    for image in sorted(out.glob("seite-*.pgm")):
        data = image.read_bytes()
        _, size, _, pixels = data.split(b"\n", 3)
        width, height = map(int, size.split())
        rows = [pixels[row * width:(row + 1) * width] for row in range(height)]
        inked = [index for index, row in enumerate(rows) if min(row) < 200]
        reach.append((max(inked) + 1) / height if inked else 0.0)
    return reach


def test_leaders_report_prints_on_at_most_three_a4_pages_none_mostly_blank(shipped, tmp_path):
    pdf = tmp_path / "laporan.pdf"
    data = print_pdf(shipped["leaders"], pdf)
    boxes = {tuple(round(float(n)) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)}
    assert boxes == {(0, 0, 595, 842)}, boxes  # A4 in points
    reach = pages_of(pdf, tmp_path)
    assert 1 <= len(reach) <= 3, reach
    assert all(r > 0.5 for r in reach), reach  # every page, the last included, filled past its middle


@pytest.mark.parametrize("which", ["leaders", "lengkap"])
def test_a_phone_390_px_wide_needs_no_sideways_scroll_and_reads_every_text(shipped, tmp_path, which):
    seen = measure(shipped[which], 390, tmp_path)
    assert (seen["viewport"], seen["width"]) == (390, 390)
    assert seen["tables"] == [] and seen["small"] == [] and seen["smallest"] >= 11, seen
    assert seen["outside"] == [], seen


@pytest.mark.parametrize("width", [1280, 800])
def test_every_chart_label_lies_inside_its_chart(shipped, tmp_path, width):
    seen = measure(shipped["lengkap"], width, tmp_path)
    assert seen["outside"] == [] and seen["width"] == width, seen


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


def test_appendix_starts_on_its_own_page(page, tmp_path):
    _, html = page
    pdf = print_pdf(html, tmp_path / "laporan.pdf")
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    boxes = {tuple(round(float(n)) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", pdf)}
    assert pages >= 2  # the leaders' part, then the appendix from a new page
    assert boxes == {(0, 0, 595, 842)}, boxes  # A4 in points


def test_shipped_launch_report_opens_in_chromium(tmp_path):
    html = tmp_path / "laporan.html"
    make_report(SHIPPED, html, *LAUNCH)
    seen = Dom(dump_dom(html))
    assert seen.figures["summary.agencies_with_innovation"] == ["11"]
    assert seen.figures["summary.innovations"] == ["19"] and len(seen.agencies) == 35
