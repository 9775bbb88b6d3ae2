"""Lines and columns as an editor shows them, duplicate keys as YAML reads them, and a hostile file's cost and size."""

from __future__ import annotations

import gc
import time
from datetime import date

import pytest
from conftest import dump, make_root, sample

from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.input.loading import parse
from ooi.input.positions import Lines, Locator

REL = "data/inovasi/dispendukcapil/uji.yaml"


def issues(raw: bytes) -> list[tuple]:
    return [(i.code, i.line, i.column, i.message) for i in parse(raw).issues]


def findings(root) -> list[tuple]:
    return [(f.line, f.column, f.code, f.message) for f in check(root, load_settings(root), today=date(2026, 11, 28))
            .findings if f.path == REL]


def test_lines_end_at_newlines_only_and_columns_count_characters():
    lines = Lines("é: 1\r\nb:\u2028x\rc: 2\n\x85d")
    assert [lines.place(offset) for offset in (0, 1, 6, 9, 13, 16, 17)] == [
        (1, 1), (1, 2), (2, 1), (2, 4), (2, 8), (3, 1), (3, 2)]


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", "\r"])
def test_an_unusual_line_terminator_is_a_finding_and_moves_no_later_finding(odd):
    raw = f'nama: "Uji{odd}coba"\nopd: rusak\n  jenis: [\n'.encode()
    names = {"\u2028": "LINE SEPARATOR (U+2028)", "\u2029": "PARAGRAPH SEPARATOR (U+2029)", "\x85": "NEL (U+0085)",
             "\r": "CR"}
    found = issues(raw)
    assert found[1] == ("Y014", 1, 11, f"tanda akhir baris tak lazim {names[odd]} (1 kali): YAML memutus baris di "
                                       "sini, editor tidak")
    assert found[0][:3] == ("Y003", 3, 8)  # where an editor shows the misplaced `:` (libyaml counts a line more)


def test_a_crlf_file_is_not_unusual():
    assert issues(b"a: 1\r\nb: [\r\n") == [
        ("Y003", 3, 1, "sintaks YAML salah: nilai yang diharapkan tidak ditemukan")]


def test_schema_findings_land_on_the_line_an_editor_shows(tmp_path):
    record = sample("uji_coba")
    text = dump(record).replace(f"nama: {record['nama']}", f'nama: "{record["nama"]}\u2028"', 1)
    text = text.replace("jenis: non_digital", "jenis: non-digitall")
    root = make_root(tmp_path, {REL: text})
    # libyaml counts the U+2028 as a line: without the mapping S004 would land on line 6.
    assert [(line, column, code) for line, column, code, _ in findings(root)] == [(1, 71, "Y014"), (5, 1, "S004")]
    assert text.split("\n")[4] == "jenis: non-digitall"


def test_y002_columns_count_characters_not_bytes():
    assert issues("nama: \"Sigap é\0\"\n".encode())[0][:3] == ("Y002", 1, 15)
    assert issues("nama: éé\xff".encode("latin-1").replace(b"\xe9", "é".encode()))[0][:3] == ("Y002", 1, 9)


@pytest.mark.parametrize(("raw", "message"), [
    (b"a: 1\nyes: 1\ntrue: 2\n", "kunci `true` sama dengan kunci `yes` sebelumnya (YAML membaca keduanya sebagai "
                                 "nilai yang sama)"),
    (b"a: 1\n~: 1\nnull: 2\n", "kunci `null` sama dengan kunci `~` sebelumnya (YAML membaca keduanya sebagai "
                               "nilai yang sama)"),
    (b"a: 1\n0x10: 1\n0x10: 2\n", "kunci `0x10` ditulis lebih dari sekali"),
])
def test_duplicate_keys_are_compared_as_yaml_reads_them(raw, message):
    assert issues(raw) == [("Y004", 3, 1, message)]


def test_brackets_in_a_quoted_text_are_not_nesting():
    assert issues(b'nama: "' + b"[" * 65 + b'"\n') == []
    assert issues(b"nama: '" + b"{" * 40 + b"[" * 40 + b"'\n# " + b"]" * 70 + b"\n") == []


def test_brackets_in_a_comment_do_not_hide_real_nesting():
    raw = b"a: [[[ # ]]]]]]]]\n" + b"[\n" * 70
    assert issues(raw) == [("Y008", 62, 1, "struktur bersarang lebih dari 64 tingkat")]


def test_past_fifty_findings_of_one_code_one_finding_sums_up_the_rest(tmp_path):
    text = dump(sample("uji_coba")) + "".join(f"kunci{i}: 1\n" for i in range(120))
    root = make_root(tmp_path, {REL: text})
    found = findings(root)
    first = len(dump(sample("uji_coba")).split("\n"))
    assert len(found) == 51
    assert found[0] == (first, 1, "S002", "kunci `kunci0` tidak dikenal")
    assert found[49] == (first + 49, 1, "S002", "kunci `kunci49` tidak dikenal")
    assert found[50] == (first + 50, 1, "S002", "dan 70 temuan S002 lagi di berkas ini")


def test_locating_is_linear_in_the_number_of_keys():
    def cost(n: int) -> float:
        text = "".join(f"k{i}: 1\n" for i in range(n))
        gc.disable()  # a collection landing in one run only would be noise, not growth
        try:
            started = time.process_time()
            locator = Locator(text)
            assert [locator.locate((f"k{i}",)) for i in range(n)][-1] == (n, 1)
            return time.process_time() - started
        finally:
            gc.enable()

    cost(100)
    small, large = min(cost(2_000) for _ in range(3)), min(cost(16_000) for _ in range(3))
    assert large < small * 24, (small, large)  # 8x the keys: about 8x the time (quadratic: 64x)


def test_a_file_of_ten_thousand_unknown_keys_is_checked_in_seconds(tmp_path):
    text = dump(sample("uji_coba")) + "".join(f"k{i}: 1\n" for i in range(10_000))
    root = make_root(tmp_path, {REL: text})
    started = time.perf_counter()
    found = findings(root)
    assert time.perf_counter() - started < 5  # 24-53 s before positions were indexed
    assert found[-1][2:] == ("S002", "dan 9950 temuan S002 lagi di berkas ini")


def test_keys_that_are_not_text_are_found_where_written(tmp_path):
    text = dump(sample("uji_coba")) + "On: 1\n~: 2\n12: 3\n"
    root = make_root(tmp_path, {REL: text})
    last = len(dump(sample("uji_coba")).split("\n"))
    assert findings(root) == [
        (last, 1, "S008", "kunci `true` dibaca YAML sebagai boolean (yes/no/on/off/true/false tanpa kutip), bukan teks"),
        (last + 1, 1, "S008", "kunci `null` dibaca YAML sebagai nilai kosong (null), bukan teks"),
        (last + 2, 1, "S008", "kunci `12` dibaca YAML sebagai angka, bukan teks")]
