"""`ooi report`: one self-contained HTML page (CSS and SVG inline, no script) from coverage, escaped by Jinja2.

The leaders' part comes first and is all a mayor reads (no path, command, rule code or YAML
key); `lengkap` adds the secretariat's appendix after it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ooi.coverage.next_steps import next_steps
from ooi.coverage.overview import Overview
from ooi.coverage.tally import ACHIEVED, MISSING, PLANNED, REPORTED, STATUSES, Coverage, label
from ooi.i18n import current, tr
from ooi.model.codes import PRINCIPLE_CODES
from ooi.model.facts import principles
from ooi.model.sectors import sectors
from ooi.report import charts, figures as written
from ooi.report.status_json import data as status_data
from ooi.text_safety import visible
from ooi.report.status_show import STAGES

# Above this many innovations the list is cut and points to `ooi export` (a phone opens a few MB at most).
LIST_LIMIT = 2000

FORMS = {"tata_kelola": ("tata kelola pemerintahan", "governance"),
         "pelayanan_publik": ("pelayanan publik", "public service"), "lainnya": ("lainnya", "other")}
TYPES = {"digital": ("digital", "digital"), "non_digital": ("non-digital", "non-digital")}
CELLS = {"pass": ("✔", "lolos", "pass"), "warning": ("!", "peringatan", "warning"),
         "error": ("✘", "error", "error"), "waived": ("~", "dikecualikan", "waived"),
         "unjudged": ("·", "belum dinilai", "not judged")}


def _environment() -> Environment:
    # Autoescape every template: a record named `<script>` is shown as text, never run.
    # And every text shown with its control and bidi characters visible (`\u202e`), never obeyed.
    env = Environment(loader=PackageLoader("ooi.report", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, finalize=_shown)
    env.globals["tr"] = tr
    env.filters["code"] = _code
    return env


def _shown(value):
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _code(text: str) -> Markup:
    """A step's `command` as <code>, after escaping everything else: markup never comes from the text."""
    return Markup(re.sub(r"`([^`<>]+)`", r"<code>\1</code>", str(escape(visible(text)))))


def _pick(table: dict, key: str) -> str:
    pair = table.get(key)
    return tr(*pair) if pair else key


# From the weakest status to the strongest: a move up the list is progress (↑), down a setback (↓).
RANK = {MISSING: 0, REPORTED: 1, PLANNED: 2, ACHIEVED: 3}


def render(coverage: Coverage, overview: Overview | None = None, commit: str | None = None,
           made: datetime | None = None, series: list[tuple[date, float]] | None = None,
           changes: list | None = None, lengkap: bool = False, limit: int = LIST_LIMIT, distrusted=None,
           **_) -> str:
    """The report; `series` (month end, achievement %) adds the trend when history gives one, and `changes`
    (history's changes between the last two points of it) what moved since the previous month."""
    figures = status_data(coverage)
    summary = figures["summary"]
    names = sectors()
    stage_rows = [(_pick({k: v for k, v in STAGES.items()}, k), n) for k, n in sorted(overview.by["tahapan"].items())]
    breakdowns = [
        (tr("Tahapan", "Stage"), "tahapan", stage_rows),
        (tr("Bentuk", "Form"), "bentuk", [(_pick(FORMS, k), n) for k, n in sorted(overview.by["bentuk"].items())]),
        (tr("Jenis", "Type"), "jenis", [(_pick(TYPES, k), n) for k, n in sorted(overview.by["jenis"].items())]),
        (tr("Urusan utama", "Main sector"), "urusan",
         [(f"{k} {names.get(k, '')}".strip(), n) for k, n in sorted(overview.by["urusan"].items())]),
    ]
    cells = {key: (sign, tr(name_id, name_en)) for key, (sign, name_id, name_en) in CELLS.items()}
    context = dict(
        lang=current(), coverage=coverage, figures=figures, summary=summary, overview=overview,
        commit=commit, made=made, statuses=[(s, label(s)) for s in STATUSES],
        status_chart=charts.stacked([(s, label(s), summary[s]) for s in STATUSES],
                                    tr("Status OPD", "Agency status")),
        breakdowns=[(title, key, rows, charts.bars(rows, title)) for title, key, rows in breakdowns],
        missing=[(entry, next_steps(entry, coverage)) for entry in coverage.agencies if entry.status == MISSING],
        label=label, codes=PRINCIPLE_CODES, principles=principles(), cells=cells,
        listed=overview.listed[:limit], cut=max(len(overview.listed) - limit, 0),
        stage=lambda key: _pick(STAGES, key), form=lambda key: _pick(FORMS, key), kind=lambda key: _pick(TYPES, key),
        trend=charts.trend([(written.month(day, short=True), value) for day, value in series],
                           tr("Capaian target", "Target achievement")) if series else None,
        since=written.month(series[-2][0]) if series else None,
        moved=[(change, "↑" if RANK[change.ke] > RANK[change.dari] else "↓") for change in changes or ()],
        distrusted=distrusted or (),  # the secretariat's appendix names them (SPEC §10); never the leaders' part
        first=coverage.window[0], lengkap=lengkap, number=written.number, percent=written.percent,
        day=written.day,
    )
    return _environment().get_template("report.html.j2").render(**context)
