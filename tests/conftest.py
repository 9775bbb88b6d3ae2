"""Shared test helpers: valid sample records per stage and small data roots made on the fly."""

from __future__ import annotations

import copy
import os
import signal
import time
from pathlib import Path

import pytest
import yaml

from ooi import i18n

SAMPLES = Path(__file__).parent / "samples"


DATA = Path(__file__).parent / "data"  # third-party test data kept in the repository (tests/data/README.md)
SARIF_SCHEMA = DATA / "sarif/sarif-schema-2.1.0.json"


def assert_valid_sarif(text: str) -> None:
    """The text is a SARIF 2.1.0 log valid against the OASIS schema (Draft 4)."""
    import json

    validator = _sarif_validator()
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def _sarif_validator(cache={}):
    if not cache:
        import json

        import jsonschema

        cache["validator"] = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return cache["validator"]
AGENCY = {
    "kode": "dispendukcapil",
    "nama": "Dinas Kependudukan dan Pencatatan Sipil",
    "singkatan": "Dispendukcapil",
    "jenis": "dinas",
    "urusan": ["2.12"],
}
SETTINGS = "pemda: Pemerintah Kota Uji\ntahun_target: 2023\njendela_tahun: 2\nbahasa: id\n"


def sample(stage: str) -> dict:
    """A fresh, valid innovation of `dispendukcapil` at stage inisiatif, uji_coba or penerapan."""
    return copy.deepcopy(_samples()[stage])


def _samples(cache={}) -> dict:
    if not cache:
        for stage in ("inisiatif", "uji_coba", "penerapan"):
            cache[stage] = yaml.load((SAMPLES / f"{stage}.yaml").read_text(encoding="utf-8"), Loader=_TextDates)
    return cache


class _TextDates(yaml.SafeLoader):
    """Keep dates as text, as ooi's loader does, so samples round-trip unchanged."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# The samples are one innovation's texts, which tests copy into many files under other names: by default a
# test root takes only a near copy as a near-duplicate (R015's highest bound; tests/test_similarity.py uses 0.8).
# Dated 2023, they are committed (when a test makes a repository) in its first commit: the import, whose
# records R014 does not judge (SPEC §10; tests/test_git_dates.py judges git's dates).
TEST_DEFAULTS = "kemiripan_maks: 0.95\n"


def make_root(base: Path, files: dict[str, object] | None = None, settings: str = SETTINGS + TEST_DEFAULTS,
              agencies: list[dict] | None = None) -> Path:
    """A data root with ooi.yaml, the given agencies (default: dispendukcapil) and files.

    `files` maps a path relative to the root to text, bytes, or a dict dumped as YAML.
    """
    base.mkdir(parents=True, exist_ok=True)
    (base / "ooi.yaml").write_text(settings, encoding="utf-8")
    (base / "data/opd").mkdir(parents=True, exist_ok=True)
    (base / "data/inovasi").mkdir(parents=True, exist_ok=True)
    for agency in agencies if agencies is not None else [AGENCY]:
        (base / "data/opd" / f"{agency['kode']}.yaml").write_text(dump(agency), encoding="utf-8")
    for rel, content in (files or {}).items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            content = dump(content)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
    return base


@pytest.fixture(autouse=True)
def _indonesian(monkeypatch):
    """Every test starts in the default language, whatever the environment says."""
    monkeypatch.delenv("OOI_LANG", raising=False)
    monkeypatch.delenv("OOI_ROOT", raising=False)
    i18n.use("id")
    yield
    i18n.use("id")


@pytest.fixture(autouse=True)
def _every_sarif_is_valid(monkeypatch):
    """Whatever test renders SARIF, the output is checked against the schema on the way out."""
    from ooi.report import sarif

    real = sarif.render

    def render(result, **options):
        text = real(result, **options)
        assert_valid_sarif(text)
        return text

    monkeypatch.setattr(sarif, "render", render)


# Every commit a test makes, unless the test dates it itself: the sample's import day (`git_sejak` in ooi.yaml),
# by a fixed identity, with no git configuration of the machine's. A commit dated "now" is a time bomb.
COMMIT_DATE = "2026-11-28T12:00:00+07:00"
GIT = {"GIT_AUTHOR_NAME": "Operator OPD", "GIT_AUTHOR_EMAIL": "operator@example.org",
       "GIT_COMMITTER_NAME": "Operator OPD", "GIT_COMMITTER_EMAIL": "operator@example.org",
       "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
       "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
# The rest of the environment a test starts from, whatever the shell that started pytest had: no terminal size
# (pytest-xdist exports COLUMNS), no language, zone or encoding of the machine's, no CI or ooi settings.
KNOWN = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", **GIT}
DROPPED = ("COLUMNS", "LINES", "CI", "NO_COLOR", "FORCE_COLOR", "PYTHONIOENCODING")
DROPPED_PREFIXES = ("OOI_", "GITHUB_", "RUNNER_", "GIT_")
SWITCHES = ("OOI_REQUIRE_REAL_PARTS", "OOI_CHROMIUM", "OOI_UPDATE_GOLDEN")
_SAVED = pytest.StashKey[dict]()


def pytest_configure(config):
    """Set the known environment before collection (modules read some of it when imported, before any fixture).

    The test run's own switches stay: `OOI_REQUIRE_REAL_PARTS` and `OOI_CHROMIUM` (tests/parts.py, tests/browser.py)
    and `OOI_UPDATE_GOLDEN` (rewrites the golden files).
    """
    kept = {name: os.environ[name] for name in SWITCHES if name in os.environ}
    config.stash[_SAVED] = dict(os.environ)
    for name in list(os.environ):
        if name in DROPPED or name.startswith(DROPPED_PREFIXES):
            del os.environ[name]
    os.environ.update({**KNOWN, **kept})
    if hasattr(time, "tzset"):
        time.tzset()
    # Started with Ctrl-C ignored (`nohup`, `cmd &`), every child would inherit that and no Ctrl-C test could pass.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_unconfigure(config):
    os.environ.clear()
    os.environ.update(config.stash[_SAVED])
    if hasattr(time, "tzset"):
        time.tzset()


@pytest.fixture
def git_identity():
    """The fixed identity and date every commit of a test carries (set for the whole run: `GIT`)."""
    return GIT
