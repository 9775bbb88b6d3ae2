"""`ooi report`: figures equal `ooi status --format json`, every agency listed, record text escaped, self-contained."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from browser import Dom, figures_of
from conftest import sample
from test_status_cli import WHEN, golden_root, run

SHIPPED = Path(__file__).parent.parent
LAUNCH = ["--tahun", "2023", "--per", "2023-02-05"]
HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.body.dataset.pwned=1">'


def hostile_root(base: Path) -> Path:
    """The golden root of `ooi status`, plus a record whose name and texts try to inject markup."""
    root = golden_root(base)
    record = sample("uji_coba")
    record["nama"] = HOSTILE
    record["tujuan"] = "</td></tr></table><script>alert(1)</script>"
    record["nama"] = HOSTILE + "\u202e"  # a bidi override would reverse what follows on the page
    (root / "data/inovasi/dispendukcapil/injeksi.yaml").write_text(
        json.dumps(record, ensure_ascii=False), encoding="utf-8")  # JSON is YAML: no quoting to get wrong
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return hostile_root(tmp_path_factory.mktemp("report"))


def make_report(root: Path, target: Path, *args: str) -> str:
    outcome = run("report", "--root", str(root), *args, "--output", str(target))
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stderr == f"ditulis: {target}\n"
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("where", "when"), [("golden", WHEN), ("shipped", LAUNCH), ("shipped", [])])
def test_figures_equal_status_json(root, tmp_path, where, when):
    base = root if where == "golden" else SHIPPED
    page = Dom(make_report(base, tmp_path / "r.html", *when))
    status = json.loads(run("status", "--root", str(base), *when, "--format", "json").stdout)
    for key, value in figures_of(status).items():
        assert page.figures[key] and set(page.figures[key]) == {value}, key
    assert page.agencies == {a["kode"]: a["status"] for a in status["agencies"]}
    assert list(page.agencies) == [a["kode"] for a in status["agencies"]]  # the order of `ooi status`


def test_shipped_launch_report_says_what_the_city_announced(tmp_path):
    page = Dom(make_report(SHIPPED, tmp_path / "r.html", *LAUNCH))
    assert (page.figures["summary.agencies_with_innovation"], page.figures["summary.innovations"]) == (["11"], ["19"])


def test_record_text_is_escaped_never_markup(root, tmp_path):
    html = make_report(root, tmp_path / "r.html", *WHEN, "--lengkap")  # innovations are named in the appendix
    page = Dom(html)
    assert page.scripts == 0 and page.handlers == [] and page.external == []
    assert HOSTILE + "\\u202e" in "".join(page.text)  # shown to the reader as the text it is, bidi shown too
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in html


@pytest.mark.parametrize("lengkap", [(), ("--lengkap",)])
def test_self_contained_no_network_no_script(root, tmp_path, lengkap):
    html = make_report(root, tmp_path / "r.html", *WHEN, *lengkap)
    assert "default-src 'none'" in html  # a browser refuses any script or load even if one slipped in
    assert not re.search(r"(?i)<script|<link|@import|url\(|https?://(?!www\.w3\.org/2000/svg)", html)
    assert "@media print" in html and "size: A4" in html and 'name="viewport"' in html


def test_english_and_default_file_name(root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outcome = run("report", "--root", str(root), *WHEN, "--lang", "en")
    assert outcome.exit_code == 0, outcome.output
    html = (tmp_path / "laporan-2023-2023-06-30.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Agency coverage" in html and "Cakupan OPD" not in html
    assert '<strong data-figure="per">30 June 2023</strong>' in html


def test_missing_agencies_name_their_contact_and_the_appendix_their_next_step(tmp_path):
    root = golden_root(tmp_path / "root")
    registry = root / "data/opd/setda.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "kontak: {nama: Bagian Organisasi, "
                        "email: organisasi@batukota.go.id, telepon: \"(0341) 512345\"}\n", encoding="utf-8")
    html = make_report(root, tmp_path / "r.html", *WHEN)
    line = re.search(r'<ul class="lagging">.*?<li data-kode="setda">(.*?)</li>', html, re.S).group(1)
    assert line == ('<strong>Sekretariat Daerah</strong> · <span class="contact">Bagian Organisasi · <a href="mailto:'
                    'organisasi@batukota.go.id">organisasi@batukota.go.id</a> · (0341) 512345</span>')
    assert 'class="card"' not in html and "ooi new" not in html  # the steps and commands are the appendix's
    html = make_report(root, tmp_path / "r.html", *WHEN, "--lengkap")
    card = re.search(r'<div class="card" data-kode="setda">(.*?)</div>', html, re.S).group(1)
    assert "Bagian Organisasi" in card and "organisasi@batukota.go.id" in card and "(0341) 512345" in card
    assert "<li>ajukan rencana inovasi 2023 dengan <code>ooi new --opd setda --tahapan inisiatif</code></li>" in card


def test_unwritable_output_is_one_line(root, tmp_path):
    outcome = run("report", "--root", str(root), *WHEN, "--output", str(tmp_path / "no" / "such" / "r.html"))
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith(f"ooi: tidak dapat menulis {tmp_path / 'no' / 'such' / 'r.html'}: ")


def test_appendix_names_the_commit_and_marks_uncommitted_data(tmp_path, git_identity):
    import subprocess

    root = golden_root(tmp_path / "root")
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "data")):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True,
                          check=True).stdout.strip()
    assert Dom(make_report(root, tmp_path / "a.html", *WHEN, "--lengkap")).figures["commit"] == [head]
    assert "commit" not in Dom(make_report(root, tmp_path / "a.html", *WHEN)).figures  # not for leaders
    (root / "data/opd/setda.yaml").write_text("kode: setda\n", encoding="utf-8")
    assert Dom(make_report(root, tmp_path / "b.html", *WHEN, "--lengkap")).figures["commit"] == [f"{head} +"]


def _coverage(root: Path):
    from datetime import date

    from ooi.coverage.overview import overview
    from ooi.coverage.tally import summarize, tally
    from ooi.engine.checker import check
    from ooi.input.config import load_settings

    coverage = tally(check(root, load_settings(root), records=summarize), 2023, date(2023, 6, 30))
    return coverage, overview(coverage)


def test_long_lists_are_cut_and_point_to_the_export(root):
    from ooi.report.html import render

    coverage, listed = _coverage(root)
    page = render(coverage, overview=listed, limit=2, lengkap=True)
    rows = re.findall(r'<tr data-path="([^"]+)"', page)
    assert len(rows) == 2 and len(listed.listed) == 7  # active agencies only, filed on or before per
    assert "5 inovasi lagi tidak dicantumkan agar laporan tetap ringan; daftar lengkap: " in page


def test_the_overview_lists_each_file_slotted_and_shares_equal_cells(root):
    coverage, listed = _coverage(root)
    kinds = {tuple(item.cells.values()): item.cells for item in listed.listed}
    assert (len(listed.listed), len(kinds)) == (7, 2)  # 7 files, 2 patterns of the eight principles' cells
    assert all(item.cells is kinds[tuple(item.cells.values())] for item in listed.listed)  # one dict a pattern
    assert not hasattr(listed.listed[0], "__dict__")


def test_trend_section_only_with_a_series(root):
    from ooi.report.html import render

    coverage, listed = _coverage(root)
    assert 'id="tren"' not in render(coverage, overview=listed)
    page = render(coverage, overview=listed, series=[(date(2023, 1, 31), 0.0), (date(2023, 2, 28), 8.3),
                                                     (date(2023, 3, 31), 16.7)])
    trend = re.search(r'<section id="tren">(.*?)</section>', page, re.S).group(1)
    assert trend.count("<line") == 3 + 2 and trend.count("<circle") == 3 and ">Feb</text>" in trend
    assert "Perubahan sejak akhir Februari 2023" in page  # the month before the last point


def test_quota_above_one_is_shown_and_figures_still_equal_status(tmp_path):
    root = golden_root(tmp_path / "root")
    (root / "ooi.yaml").write_text((root / "ooi.yaml").read_text(encoding="utf-8") + "kuota: 2\n", encoding="utf-8")
    html = make_report(root, tmp_path / "r.html", *WHEN)
    page = Dom(html)
    status = json.loads(run("status", "--root", str(root), *WHEN, "--format", "json").stdout)
    for key, value in figures_of(status).items():
        assert set(page.figures[key]) == {value}, key
    row = re.search(r'<tr data-kode="dispendukcapil"[^>]*>(.*?)</tr>', html, re.S).group(1)
    assert '<small class="muted">1 dari 2 inovasi 2023 (kuota)</small>' in row


def test_the_trend_is_history_month_by_month(tmp_path):
    """Each point of the trend is the target achievement `ooi history` gives for that month's end."""
    html = make_report(SHIPPED, tmp_path / "r.html", "--tahun", "2023", "--per", "2023-06-30")
    history = json.loads(run("history", "--root", str(SHIPPED), "--tahun", "2023", "--sampai", "2023-06-30",
                             "--format", "json").stdout)
    trend = re.search(r'<svg class="chart" role="img" aria-label="Capaian target".*?</svg>', html, re.S).group(0)
    labels = re.findall(r'text-anchor="(?:middle|end)">([^<]+)</text>', trend)
    assert labels == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun"]
    assert [p["per"] for p in history["points"]] == ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30",
                                                     "2023-05-31", "2023-06-30"]
    heights = [float(y) for y in re.findall(r'<circle cx="[0-9.]+%" cy="([0-9.]+)"', trend)]
    achieved = [100 * p["summary"]["achieved"] / p["total"] for p in history["points"]]
    assert [round(10 + 136 * (1 - a / 100), 1) for a in achieved] == heights


def test_no_trend_before_the_target_year_begins(tmp_path):
    html = make_report(SHIPPED, tmp_path / "r.html", "--tahun", "2024", "--per", "2023-06-30")
    assert 'aria-label="Capaian target"' not in html
