"""Shared test helpers: valid sample records per stage and small data roots made on the fly."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from ooi import i18n

SAMPLES = Path(__file__).parent / "samples"


def shared(rel: str) -> Path | None:
    """A file of `shared/` (SPEC, schemas, corpora), which lives beside the repository: `../shared` from its root.

    A worktree nested deeper finds it further up, so every ancestor of the repository is tried.
    """
    for folder in Path(__file__).resolve().parents[1].parents:
        if (folder / "shared" / rel).exists():
            return folder / "shared" / rel
    return None


SARIF_SCHEMA = "sarif/sarif-schema-2.1.0.json"


def assert_valid_sarif(text: str) -> None:
    """The text is a SARIF 2.1.0 log valid against the OASIS schema (Draft 4); a missing schema fails loudly."""
    import json

    validator = _sarif_validator()
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def _sarif_validator(cache={}):
    if not cache:
        import json

        import jsonschema

        path = shared(SARIF_SCHEMA)
        if path is None:
            pytest.fail(f"shared/{SARIF_SCHEMA} not found beside the repository: every SARIF the tests produce is "
                        "validated against it (CI puts shared/ beside the clone)")
        cache["validator"] = jsonschema.Draft4Validator(json.loads(path.read_text(encoding="utf-8")))
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
# test root takes only a word-for-word copy as a near-duplicate (R015; tests/test_similarity.py uses 0.8).
# They are also dated 2023 and committed (when a test makes a repository) today: imports, not backdated
# filings (R014; tests/test_asof.py judges git's dates with SETTINGS alone).
TEST_DEFAULTS = "kemiripan_maks: 1.0\ngit_sejak: 2999-12-31\n"


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


@pytest.fixture
def git_identity(monkeypatch):
    """git commits in tests use a fixed identity and ignore the machine's git configuration."""
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Operator OPD")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "operator@example.org")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
