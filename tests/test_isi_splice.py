"""`ooi isi`'s splice: an answer of any length, in block or flow context, is written so it reads back as given."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ooi.input.editor import Editor, _compose
from ooi.input.loading import parse

EXAMPLES = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

DOCUMENT = """\
nama: "Sigap"   # nama inovasi
tujuan: ""  # tujuan
keluaran:
  indikator: ""
  target: ""   # angka
penanggung_jawab: {nama: "", jabatan: "", nip: ""}
penerima_manfaat: {kelompok: [masyarakat], uraian: ""}
replikasi: [{oleh: "", tahun: 2022}]
catatan:\tlama
"""
PLACES = [("tujuan",), ("keluaran", "indikator"), ("penanggung_jawab", "nama"), ("penanggung_jawab", "jabatan"),
          ("penerima_manfaat", "uraian"), ("replikasi", 0, "oleh"), ("catatan",)]

# Words of any characters a person may type (quotes, `#`, `: `, brackets, commas, accents), as `ooi isi` reads
# them: single spaces within a paragraph, paragraphs apart by a line break (a blank line in the folded text).
_WORD = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp", "Cf", "Co", "Cn")), min_size=1,
                max_size=20)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=60).map(" ".join)
ANSWERS = st.lists(_PARAGRAPH, min_size=1, max_size=3).map("\n".join)


def _value_at(data, keys):
    for key in keys:
        data = data[key]
    return data


@EXAMPLES
@given(keys=st.sampled_from(PLACES), answer=ANSWERS)
def test_any_answer_in_block_or_flow_context_reads_back_as_given(tmp_path, keys, answer):
    path = tmp_path / "x.yaml"
    path.write_text(DOCUMENT, encoding="utf-8")
    editor = Editor.open(path, "x.yaml")
    changed = editor.change(keys, answer)
    _compose(changed, "x.yaml")  # what `save` checks before it writes
    document = parse(changed.encode())
    assert not document.issues, changed
    assert _value_at(document.data, keys) == answer, changed
    before = parse(DOCUMENT.encode()).data
    assert _set(before, keys, answer) == document.data  # nothing else changed
    editor.save(changed)
    assert path.read_text(encoding="utf-8") == changed


def _set(data, keys, value):
    import copy

    data = copy.deepcopy(data)
    _value_at(data, keys[:-1])[keys[-1]] = value
    return data


def test_a_long_answer_inside_a_flow_mapping_is_one_quoted_scalar(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(DOCUMENT, encoding="utf-8")
    editor = Editor.open(path, "x.yaml")
    name = "Dra. Siti Aminah binti Abdullah, M.Si.: Kepala Bidang Rehabilitasi Sosial dan Perlindungan Jaminan " * 2
    changed = editor.change(("penanggung_jawab", "nama"), name.strip())
    assert changed.splitlines()[5] == f'penanggung_jawab: {{nama: "{name.strip()}", jabatan: "", nip: ""}}'
    assert editor.change(("penanggung_jawab", "jabatan"), "Kepala Bidang").splitlines()[5] == (
        'penanggung_jawab: {nama: "", jabatan: Kepala Bidang, nip: ""}')


def test_a_tab_after_the_colon_is_read_as_validate_reads_it(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(DOCUMENT, encoding="utf-8")
    changed = Editor.open(path, "x.yaml").change(("catatan",), "baru")
    assert changed.endswith("catatan: baru\n")
    assert Editor.open(path, "x.yaml").change(("nama",), "Sigap Bumil").endswith("catatan:\tlama\n")


@pytest.mark.parametrize("answer", ["a, b", "[x]", "{y}", "k: v", "# bukan komentar", "'kutip'", '"dua"', "ok"])
def test_flow_indicators_are_quoted_inside_a_flow_mapping(tmp_path, answer):
    path = tmp_path / "x.yaml"
    path.write_text(DOCUMENT, encoding="utf-8")
    changed = Editor.open(path, "x.yaml").change(("penanggung_jawab", "jabatan"), answer)
    assert parse(changed.encode()).data["penanggung_jawab"]["jabatan"] == answer
