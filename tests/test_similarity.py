"""R015: near-duplicate innovations across or within agencies, found through an index, never pairwise."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from conftest import AGENCY, SETTINGS, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.model.settings import Settings
from ooi.rules import similarity
from ooi.rules.context import Context

DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}
ORIGINAL = "data/inovasi/dispendukcapil/penak-pkk.yaml"
COPY = "data/inovasi/dinkes/penak-sehat.yaml"


def copied(**changes) -> dict:
    record = sample("uji_coba")
    record.update(opd="dinkes", nama="Penak Sehat", **changes)
    return record


USUAL = SETTINGS


def r015(tmp_path, files: dict, settings: str = USUAL) -> list[tuple[str, str, str, str]]:
    root = make_root(tmp_path, files, settings=settings, agencies=[AGENCY, DINKES])
    result = check(root, load_settings(root))
    return [(f.path, f.severity.value, f.field, f.message) for f in result.findings if f.code == "R015"]


def test_a_copy_in_another_agency_is_named_on_both_files(tmp_path):
    assert r015(tmp_path, {ORIGINAL: sample("uji_coba"), COPY: copied()}) == [
        (COPY, "warning", "nama", f"isi inovasi ini 80% sama dengan {ORIGINAL}"),
        (ORIGINAL, "warning", "nama", f"isi inovasi ini 80% sama dengan {COPY}")]


def test_a_copy_within_one_agency_is_a_warning_and_still_counts(tmp_path):
    second = sample("uji_coba")
    second["nama"] = "Penak PKK Kedua"
    root = make_root(tmp_path, {ORIGINAL: sample("uji_coba"),
                                "data/inovasi/dispendukcapil/penak-pkk-2.yaml": second}, settings=USUAL)
    result = check(root, load_settings(root))
    assert [(f.path, f.code) for f in result.findings] == [
        ("data/inovasi/dispendukcapil/penak-pkk-2.yaml", "R015"), (ORIGINAL, "R015")]
    assert result.errors == 0


def test_different_innovations_are_not_near_duplicates(tmp_path):
    other = sample("penerapan")
    other.update(opd="dinkes", nama="Sigap Bumil", tujuan="Menurunkan angka kematian ibu melalui pemeriksaan rutin.",
                 manfaat="Ibu hamil berisiko tinggi terpantau sejak trimester pertama oleh bidan desa.",
                 latar_belakang="Ibu hamil di desa terpencil jarang memeriksakan kandungan karena jarak puskesmas "
                                "jauh, biaya transportasi mahal, dan jadwal bidan tidak menentu setiap bulan.",
                 rancang_bangun="Bidan desa mendatangi rumah ibu hamil sesuai jadwal yang dikirim lewat pesan "
                                "singkat, mencatat hasil pemeriksaan di aplikasi, dan merujuk yang berisiko.")
    assert r015(tmp_path, {ORIGINAL: sample("uji_coba"), "data/inovasi/dinkes/lain.yaml": other}) == []


def test_rewritten_texts_fall_below_the_threshold(tmp_path):
    record = copied(latar_belakang="Ibu hamil di desa terpencil jarang memeriksakan kandungan karena jarak "
                                   "puskesmas jauh, biaya transportasi mahal, dan jadwal bidan tidak menentu setiap "
                                   "bulan sehingga risiko persalinan tidak terpantau sejak awal kehamilan.")
    assert r015(tmp_path, {ORIGINAL: sample("uji_coba"), COPY: record}) == []


def test_the_threshold_comes_from_ooi_yaml(tmp_path):
    assert r015(tmp_path, {ORIGINAL: sample("uji_coba"), COPY: copied()}, USUAL + "kemiripan_maks: 0.9\n") == []


def test_the_shipped_data_has_no_near_duplicates():
    root = Path(__file__).parent.parent
    outcome = CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json", "--no-git"])
    assert [f for f in json.loads(outcome.stdout)["findings"] if f["code"] == "R015"] == []


def test_signatures_agree_across_processes():
    from subprocess import run
    import sys

    record = "from conftest import sample; from ooi.model.records import Innovation; " \
             "from ooi.rules.similarity import signature; " \
             "print(sorted(signature(Innovation.model_validate(sample('uji_coba')))))"
    outputs = {run([sys.executable, "-c", record], capture_output=True, text=True, check=True,
                   cwd=Path(__file__).parent, env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1 and outputs.pop().startswith("[")


def test_a_signature_keeps_the_top_half_of_each_hash_in_four_bytes_in_the_hashes_order():
    from ooi.model.records import Innovation

    hashes = [-2**63, -2**32 - 1, -1, 0, 2**32 - 1, 2**32, 2**63 - 1]  # in order, and so are their top halves
    assert [similarity.value(hashed) for hashed in hashes] == [-2**31, -2, -1, 0, 0, 1, 2**31 - 1]
    signed = similarity.signature(Innovation.model_validate(sample("uji_coba")))
    assert (len(signed), len(signed.packed)) == (23, 4 * 23)
    assert (type(signed).__mro__[1], len(bytes(signed))) == (bytes, 8 + 4 * 23)  # one object: name's hash, values
    assert pickle.loads(pickle.dumps(signed)) == signed and pickle.loads(pickle.dumps(signed)).name == signed.name
    assert list(signed) == sorted(signed) and all(-2**31 <= value < 2**31 for value in signed)


@pytest.mark.parametrize("count", [3, 40])
def test_many_copies_are_found_without_comparing_every_pair(count):
    from ooi.model.records import Innovation

    record = Innovation.model_validate(sample("uji_coba"))
    signatures = [(f"data/inovasi/opd-{n:02d}/x.yaml", similarity.signature(record)) for n in range(count)]
    context = Context(root=Path("."), settings=Settings(), today=None)
    found = {path for path, _ in similarity.check_all(signatures, context)}
    # Every copy is named at least once; beyond POSTING_LIMIT copies of one text the index stops
    # growing for its common values, so the work stays linear.
    assert len(found) == count


def test_one_name_twice_in_one_agency_is_left_to_r007(tmp_path):
    root = make_root(tmp_path, {ORIGINAL: sample("uji_coba"), "data/inovasi/dispendukcapil/salinan.yaml":
                                sample("uji_coba")})
    assert [(f.path, f.code) for f in check(root, load_settings(root)).findings] == [
        (ORIGINAL, "R007"), ("data/inovasi/dispendukcapil/salinan.yaml", "R007")]


def test_a_history_compares_the_same_records_once_and_again_when_one_changes(tmp_path, monkeypatch):
    from datetime import date

    from ooi.engine.source import open_source
    from ooi.model.summary import summarize

    root = make_root(tmp_path, {ORIGINAL: sample("uji_coba"), COPY: copied()}, settings=USUAL,
                     agencies=[AGENCY, DINKES])
    compared = []
    real = similarity.check_all
    monkeypatch.setattr(similarity, "check_all", lambda records, context: compared.extend(
        path for path, signature in records if isinstance(signature, similarity.Signature)) or real(records, context))
    found = []
    with open_source(root, load_settings(root), use_git=False, memo=True) as source:
        for day in (date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31)):
            if day.month == 12:  # the copy is rewritten: compared again, and no longer alike
                (root / COPY).write_text(json.dumps(copied(latar_belakang=" ".join(["kata"] * 30),
                                                           rancang_bangun=" ".join(["lain"] * 30))))
            result = source.result(day, records=summarize)  # as a history keeps them: the memo serves it
            found.append(sorted(f.path for f in result.findings if f.code == "R015"))
            inputs, _ = source.memo._once["R015"]  # what was compared: a digest, not every record's signature
            assert type(inputs) is str and len(inputs) == 32
    assert compared == [COPY, ORIGINAL] * 2 and found == [[COPY, ORIGINAL], [COPY, ORIGINAL], []]
