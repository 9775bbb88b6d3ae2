"""`ooi cms`: the Decap CMS form against its sources (schema, choices, registry), its command, Decap's value shapes."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import AGENCY, SETTINGS, TEST_DEFAULTS, make_root, sample
from parts import need
from typer.testing import CliRunner

from ooi.cli import app
from ooi.model.records import TAHAPAN
from ooi.model.sectors import sectors
from ooi.workflow import cms_admin
from ooi.workflow.schema_export import innovation_schema

TOP = Path(__file__).resolve().parents[1]
WITH_REPO = SETTINGS + TEST_DEFAULTS + "github_repo: pemkot-uji/inovasi\ncabang: utama\n"


def run(root: Path, *args: str):
    return CliRunner().invoke(app, ["cms", *args, "--root", str(root)], env={"OOI_LANG": None, "OOI_ROOT": None})


def shipped_config() -> dict:
    return yaml.safe_load((TOP / "admin" / "config.yml").read_text(encoding="utf-8"))


def form_fields(config: dict) -> dict[str, dict]:
    """Every field of the form by its dotted key (`penanggung_jawab.nip`, list items as `bukti.judul`)."""
    found: dict[str, dict] = {}

    def walk(fields: list[dict], prefix: str) -> None:
        for field in fields:
            dotted = f"{prefix}.{field['name']}" if prefix else field["name"]
            found[dotted] = field
            walk(field.get("fields", []), dotted)

    (collection,) = config["collections"]
    walk(collection["fields"], "")
    return found


def schema_keys(schema: dict) -> dict[str, tuple[dict, bool]]:
    """Every key of the innovation JSON Schema → (its schema, required within its parent), `$ref`s followed."""
    definitions = schema["definitions"]
    found: dict[str, tuple[dict, bool]] = {}

    def resolve(node: dict) -> dict:
        for option in (node, *node.get("allOf", ()), *node.get("anyOf", ())):
            if "$ref" in option:
                return definitions[option["$ref"].rsplit("/", 1)[-1]]
            if option.get("type") == "array" and "$ref" in option.get("items", {}):
                return definitions[option["items"]["$ref"].rsplit("/", 1)[-1]]
        return node

    def walk(node: dict, prefix: str) -> None:
        required = set(node.get("required", ()))
        for name, prop in node.get("properties", {}).items():
            dotted = f"{prefix}.{name}" if prefix else name
            found[dotted] = (prop, name in required)
            child = resolve(prop)
            if child is not prop and dotted != "iid":
                walk(child, dotted)

    walk(schema, "")
    return found


def test_the_shipped_admin_page_is_current():
    outcome = run(TOP, "--check")
    assert (outcome.exit_code, outcome.stdout) == (0, "mutakhir: admin/config.yml, admin/index.html\n")


def test_every_required_key_of_the_innovation_schema_is_a_required_field_of_the_form():
    form = form_fields(shipped_config())
    keys = schema_keys(innovation_schema())
    required = [key for key, (_, needed) in keys.items() if needed and all(
        keys[".".join(key.split(".")[:end])][1] for end in range(1, key.count(".") + 1))]
    assert len(required) == 44
    assert [key for key in required if not form[key]["required"]] == []
    # Keys required inside an optional part: in a list item (which exists only once added) the form requires
    # them; in an optional block Decap would block saving while the block is empty, so the hint says it.
    inside = sorted(key for key, (_, needed) in keys.items() if needed and key not in required and key != "iid")
    blocks = ("prinsip.kualitas_pelayanan.skm.", "prinsip.kualitas_pelayanan.pengaduan.",
              "prinsip.akuntabilitas.monev.")
    assert [key for key in inside if not key.startswith(blocks) and not form[key]["required"]] == []
    assert [form[key]["hint"].rsplit(". ", 1)[-1] for key in inside if key.startswith(blocks)] == [
        "Wajib bila Monev diisi.", "Wajib bila Monev diisi.", "Wajib bila Monev diisi.",
        "Wajib bila Pengaduan diisi.", "Wajib bila Pengaduan diisi.", "Wajib bila SKM diisi.", "Wajib bila SKM diisi."]
    # What the principle rules ask at every stage, though the schema leaves it optional, the form requires too.
    assert sorted(key for key, field in form.items() if field["required"] and not keys[key][1]) == [
        "anggaran.jumlah", "bukti.tanggal", "prinsip.kepatutan.dasar_hukum.nomor",
        "prinsip.kepatutan.dasar_hukum.tanggal", "prinsip.keterbukaan.publikasi",
        "prinsip.tanpa_konflik_kepentingan.pernyataan"]
    # Optional keys are in the form too, all but the IID claims (a map keyed by indicator: `ooi isi` writes it).
    assert sorted(set(keys) - set(form)) == ["iid"]


def test_keys_a_stage_requires_say_so_in_their_hint():
    form = form_fields(shipped_config())
    stages = {rule["if"]["properties"]["tahapan"]["const"]: rule["then"].get("required", [])
              for rule in innovation_schema()["allOf"]}
    assert stages == {"inisiatif": ["tahun_rencana", "jadwal"], "uji_coba": ["waktu", "bukti"],
                      "penerapan": ["waktu", "hasil", "bukti"]}
    for stage, keys in stages.items():
        for key in keys:
            assert not form[key]["required"]
            assert "Wajib pada tahapan" in form[key]["hint"] and stage in form[key]["hint"], (key, form[key]["hint"])
    assert form["waktu"]["hint"].endswith("Wajib pada tahapan uji_coba dan penerapan. Kosongkan pada tahapan "
                                          "inisiatif.")
    assert form["waktu.uji_coba"]["hint"] == ("Tanggal uji coba dimulai. Contoh: 2023-05-02. Wajib pada tahapan "
                                              "uji_coba.")


def test_every_choice_list_equals_the_data():
    form = form_fields(shipped_config())
    values = {key: [option["value"] for option in field["options"]]
              for key, field in form.items() if field["widget"] == "select"}
    for key, (prop, _) in schema_keys(innovation_schema()).items():
        enum = prop.get("enum") or prop.get("items", {}).get("enum")
        if enum:
            assert values.pop(key) == enum, key
    assert values.pop("opd") == [kode for kode, _ in sorted(
        ((path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))["nama"])
         for path in (TOP / "data" / "opd").glob("*.yaml")), key=lambda pair: (pair[1].casefold(), pair[0]))]
    assert values.pop("urusan.utama") == values.pop("urusan.irisan") == list(sectors())
    assert values == {}
    assert form["tahapan"]["options"][1] == {"label": "uji_coba — sedang atau sudah diuji coba", "value": "uji_coba"}
    assert form["urusan.utama"]["options"][5] == {"label": "1.06 Sosial", "value": "1.06"}
    assert form["urusan.irisan"]["multiple"] is True
    assert form["tahapan"]["options"] and [option["value"] for option in form["tahapan"]["options"]] == list(TAHAPAN)


def test_patterns_widgets_and_where_files_land():
    config = shipped_config()
    form = form_fields(config)
    assert config["backend"] == {"name": "github", "repo": "pemkot-batu/inovasi", "branch": "main",
                                 "squash_merges": False}
    assert (config["publish_mode"], "local_backend" in config) == ("editorial_workflow", False)
    (collection,) = config["collections"]
    assert (collection["folder"], collection["path"], collection["extension"]) == (
        "data/inovasi", "{{opd}}/{{slug}}", "yaml")
    assert form["penanggung_jawab.nip"]["pattern"][0] == "^[0-9]{18}$"
    assert form["bukti.tautan"]["pattern"][0].startswith("^https://")
    assert form["prinsip.keterbukaan.publikasi.tautan"]["pattern"] == form["bukti.tautan"]["pattern"]
    dates = [key for key, field in form.items() if field["widget"] == "datetime"]
    assert len(dates) == 9
    assert all(form[key]["date_format"] == "YYYY-MM-DD" and form[key]["time_format"] is False for key in dates)
    berkas = form["bukti.berkas"]
    assert (berkas["widget"], berkas["media_folder"], berkas["public_folder"]) == (
        "file", "/bukti/{{fields.opd}}", "bukti/{{fields.opd}}")
    assert (config["media_folder"], config["public_folder"]) == ("bukti/bersama", "bukti/bersama")
    lists = sorted(key for key, field in form.items() if field["widget"] == "list")
    assert lists == ["bukti", "jadwal", "penghargaan", "prinsip.efisiensi.ukuran", "prinsip.kepatutan.dasar_hukum",
                     "prinsip.keterbukaan.publikasi", "prinsip.tanpa_konflik_kepentingan.pihak_terkait", "replikasi",
                     "tematik"]
    jumlah = form["penerima_manfaat.jumlah"]
    assert (jumlah["widget"], jumlah["value_type"], jumlah["min"], "max" in jumlah) == ("number", "int", 0, False)
    assert (form["prinsip.kualitas_pelayanan.skm.tahun"]["min"], form["prinsip.kualitas_pelayanan.skm.tahun"]["max"]) \
        == (1900, 2100)


def test_the_page_pins_one_decap_version_with_its_hash():
    index = (TOP / "admin" / "index.html").read_text(encoding="utf-8")
    assert index.count("<script") == 1
    assert (f'<script src="https://unpkg.com/decap-cms@{cms_admin.DECAP_VERSION}/dist/decap-cms.js" '
            f'integrity="{cms_admin.DECAP_SRI}" crossorigin="anonymous"></script>') in index
    package = json.loads((TOP / "tests" / "cms" / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["decap-cms"] == cms_admin.DECAP_VERSION


def test_the_pinned_hash_is_that_of_the_npm_package_file():
    dist = TOP / "tests" / "cms" / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
    need(str(dist) if dist.exists() else None, "tests/cms/node_modules/decap-cms missing: run `npm ci` in tests/cms")
    digest = base64.b64encode(hashlib.sha384(dist.read_bytes()).digest()).decode("ascii")
    assert f"sha384-{digest}" == cms_admin.DECAP_SRI


def test_writes_both_files_then_checks_them(tmp_path):
    root = make_root(tmp_path / "repo", settings=WITH_REPO)
    outcome = run(root, "--lokal")
    assert (outcome.exit_code, outcome.stdout) == (0, "Ditulis: admin/config.yml\nDitulis: admin/index.html\n")
    config = yaml.safe_load((root / "admin/config.yml").read_text(encoding="utf-8"))
    assert (config["backend"]["repo"], config["backend"]["branch"], config["local_backend"]) == (
        "pemkot-uji/inovasi", "utama", True)
    assert [option["value"] for option in form_fields(config)["opd"]["options"]] == [AGENCY["kode"]]
    assert run(root, "--lokal", "--check").exit_code == 0
    stale = run(root, "--check")  # without --lokal the config differs
    assert (stale.exit_code, stale.stderr) == (1, "admin/config.yml usang atau belum ada; jalankan `ooi cms`\n")
    (root / "data/opd/dinsos.yaml").write_text(yaml.safe_dump({**AGENCY, "kode": "dinsos", "nama": "Dinas Sosial"}),
                                               encoding="utf-8")
    assert run(root, "--lokal", "--check").exit_code == 1  # the registry changed
    assert run(root, "--lokal").exit_code == 0
    assert run(root, "--lokal", "--check").exit_code == 0


def test_the_login_goes_through_the_oauth_client_of_ooi_yaml(tmp_path):
    root = make_root(tmp_path / "repo", settings=WITH_REPO + "oauth_url: https://oauth.batukota.go.id\n")
    assert run(root).exit_code == 0
    backend = yaml.safe_load((root / "admin/config.yml").read_text(encoding="utf-8"))["backend"]
    assert backend == {"name": "github", "repo": "pemkot-uji/inovasi", "branch": "utama", "squash_merges": False,
                       "base_url": "https://oauth.batukota.go.id"}
    insecure = make_root(tmp_path / "other", settings=WITH_REPO + "oauth_url: http://oauth.batukota.go.id\n")
    outcome = run(insecure)
    assert (outcome.exit_code, "oauth_url" in outcome.stderr) == (2, True)


def test_without_github_repo_exits_2_naming_the_key(tmp_path):
    root = make_root(tmp_path / "repo")
    outcome = run(root)
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("ooi: `github_repo` belum diatur di ooi.yaml")
    assert not (root / "admin").exists()


def test_never_overwrites_a_page_it_did_not_make(tmp_path):
    root = make_root(tmp_path / "repo", settings=WITH_REPO, files={"admin/index.html": "<p>halaman sendiri</p>\n"})
    outcome = run(root)
    assert outcome.exit_code == 2
    assert "admin/index.html sudah ada dan tidak dibuat oleh ooi" in outcome.stderr
    assert (root / "admin/index.html").read_text(encoding="utf-8") == "<p>halaman sendiri</p>\n"
    assert run(root, "--output", "../luar").exit_code == 2
    assert not (tmp_path / "luar").exists()
    assert run(root, "--output", "situs/admin").exit_code == 0
    assert (root / "situs/admin/config.yml").exists()


def test_a_bad_github_repo_is_named_with_its_line(tmp_path):
    root = make_root(tmp_path / "repo", settings=SETTINGS + TEST_DEFAULTS + "github_repo: bukan repo\n")
    outcome = run(root)
    assert outcome.exit_code == 2
    assert "ooi.yaml:" in outcome.stderr and "github_repo" in outcome.stderr


def _as_dates(value):
    """Date-like texts as YAML dates, the way Decap's YAML writer leaves them unquoted (`tanggal: 2023-03-01`)."""
    if isinstance(value, dict):
        return {key: _as_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_dates(item) for item in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        return date.fromisoformat(value)
    return value


# What Decap writes (seen in tests/test_cms_browser.py): the form's key order, dates unquoted, codes and NIP
# quoted, optional keys left out; a list an officer opened and emptied again is `[]`.
@pytest.mark.parametrize("shape", ["unquoted dates", "quoted dates", "empty lists"])
def test_ooi_reads_every_value_shape_decap_writes(tmp_path, shape):
    record = sample("uji_coba")
    if shape == "empty lists":
        record["urusan"]["irisan"] = record["penghargaan"] = record["replikasi"] = record["tematik"] = []
        record["prinsip"]["tanpa_konflik_kepentingan"]["pihak_terkait"] = []
        record["prinsip"]["kepatutan"]["dasar_hukum"] = []
    text = yaml.safe_dump(record if shape == "quoted dates" else _as_dates(record), sort_keys=False,
                          allow_unicode=True)
    assert ("tanggal_lapor: '20" in text) is (shape == "quoted dates")
    root = make_root(tmp_path / "repo", files={"data/inovasi/dispendukcapil/salsa.yaml": text})
    outcome = CliRunner().invoke(app, ["validate", "--format", "json", "--root", str(root)],
                                 env={"OOI_LANG": None, "OOI_ROOT": None})
    assert json.loads(outcome.stdout)["findings"] == []
    assert outcome.exit_code == 0
