"""Valid files cost a parse and a validation: no event scan, no node tree for positions."""

from __future__ import annotations

from datetime import date

import yaml
from conftest import SETTINGS, make_root, sample

from ooi.engine.checker import check
from ooi.input import positions
from ooi.input.config import load_settings


def test_positions_are_composed_only_for_files_with_findings(tmp_path, monkeypatch):
    broken = sample("penerapan")
    del broken["tujuan"]
    root = make_root(tmp_path, {
        "data/inovasi/dispendukcapil/a.yaml": sample("penerapan"),
        "data/inovasi/dispendukcapil/b.yaml": {**sample("uji_coba"), "nama": "Inovasi B"},
        "data/inovasi/dispendukcapil/rusak.yaml": broken,
    }, settings=SETTINGS + "kemiripan_maks: 1.0\n")  # b.yaml is a.yaml's text renamed: not R015's test
    composed = []
    real = yaml.compose
    monkeypatch.setattr(positions.yaml, "compose", lambda text, **kw: composed.append(text) or real(text, **kw))
    result = check(root, load_settings(root), today=date(2026, 11, 28))
    assert [f.path for f in result.findings] == ["data/inovasi/dispendukcapil/rusak.yaml"]
    assert len(composed) == 1


def test_plain_records_skip_the_event_scan(tmp_path, monkeypatch):
    scanned = []
    real = yaml.parse
    monkeypatch.setattr(yaml, "parse", lambda raw, **kw: scanned.append(raw) or real(raw, **kw))
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/a.yaml": sample("penerapan")})
    assert check(root, load_settings(root), today=date(2026, 11, 28)).findings == []
    assert scanned == []
