"""libyaml's errors in words a person can act on, in the language of the run (libyaml itself speaks English)."""

from __future__ import annotations

import yaml

from ooi.i18n import tr
from ooi.input.positions import Lines
from ooi.model.findings import excerpt

# What libyaml's problem texts mean (the common ones), so an Indonesian run says them in Indonesian.
_PROBLEMS = (
    ("found unexpected end of stream", "berkas berakhir sebelum bagian ini ditutup",
     "the file ends before this is closed"),
    ("cannot start any token", "karakter ini tidak boleh mengawali nilai (tab, `@`, `%` atau `` ` ``)",
     "this character cannot start a value (a tab, `@`, `%` or `` ` ``)"),
    ("mapping values are not allowed", "`: ` di tempat yang tidak boleh", "`: ` where it is not allowed"),
    ("could not find expected ':'", "titik dua setelah kunci tidak ditemukan", "no colon after a key"),
    ("did not find expected key", "kunci yang diharapkan tidak ditemukan (indentasi?)",
     "an expected key is not there (indentation?)"),
    ("did not find expected '-' indicator", "butir daftar `- ` yang diharapkan tidak ditemukan (indentasi?)",
     "an expected list item `- ` is not there (indentation?)"),
    ("did not find expected ',' or ']'", "daftar `[...]` belum ditutup dengan `]`",
     "a list `[...]` is not closed by `]`"),
    ("did not find expected ',' or '}'", "pemetaan `{...}` belum ditutup dengan `}`",
     "a mapping `{...}` is not closed by `}`"),
    ("did not find expected node content", "nilai yang diharapkan tidak ditemukan", "an expected value is not there"),
    ("found unknown escape character", "urutan `\\` tidak dikenal dalam teks bertanda kutip ganda",
     "an unknown `\\` sequence in a double-quoted text"),
    ("found invalid Unicode character escape code", "kode karakter `\\u`/`\\U` tidak sah",
     "an invalid `\\u`/`\\U` character code"),
    ("control characters are not allowed", "karakter kendali tidak boleh ada di berkas YAML",
     "control characters are not allowed in a YAML file"),
    ("found another document", "dokumen kedua (`---`) dalam satu berkas", "a second document (`---`) in one file"),
    ("expected <document start>", "isi tambahan setelah akhir dokumen", "more content after the end of the document"),
    ("exceeded max", "struktur bersarang terlalu dalam", "nesting too deep"),
    ("found undefined tag handle", "tag YAML yang tidak dikenal", "an unknown YAML tag"),
    ("could not determine a constructor for the tag", "tag YAML yang tidak diizinkan",
     "a YAML tag that is not allowed"),
    ("found unhashable key", "kunci harus berupa teks biasa", "keys must be plain text"),
    ("block sequence entries are not allowed", "butir daftar `- ` di tempat yang tidak boleh",
     "a list item `- ` where it is not allowed"),
    ("found a tab character", "tab dipakai untuk indentasi; pakai spasi", "a tab used for indentation; use spaces"),
)


# libyaml's problem texts, with what to write instead.
_SYNTAX_HINTS = (
    ("quoted scalar", "tanda kutip belum ditutup: tutup teks dengan tanda kutip yang sama",
     "a quote is not closed: end the text with the same quote mark"),
    ("cannot start any token",
     "ganti tab dengan spasi, dan beri tanda kutip pada teks yang diawali `@`, `%` atau `` ` ``",
     "replace tabs with spaces, and quote a text starting with `@`, `%` or `` ` ``"),
    ("mapping values are not allowed", "teks yang memuat `: ` harus diberi tanda kutip",
     "quote a text that holds `: `"),
    ("could not find expected ':'", "setiap kunci diikuti titik dua, mis. `nama: ...`",
     "every key is followed by a colon, e.g. `nama: ...`"),
    ("found another document", "hapus `---` kedua; satu berkas berisi satu catatan",
     "remove the second `---`; one file holds one record"),
    ("unhashable key", "kunci harus berupa teks biasa", "keys must be plain text"),
)


def yaml_problem(error: yaml.YAMLError, lines: Lines) -> tuple[str, int, int, str, str]:
    """A libyaml error as (code, line, column, message, hint): where an editor shows it, what it means, what to do."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if "end of stream" in str(getattr(error, "problem", "")) and getattr(error, "context_mark", None):
        mark = error.context_mark  # where the unclosed construct began, not the end of the file
    line, column = lines.mark(mark) if mark else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    code = "Y011" if "another document" in problem else "Y006" if "constructor for the tag" in problem else "Y003"
    hint = next((tr(hint_id, hint_en) for needle, hint_id, hint_en in _SYNTAX_HINTS
                 if needle in problem or needle in context), tr(
        "periksa indentasi (spasi) dan tanda kutip di sekitar baris ini",
        "check the indentation (spaces) and quotes around this line"))
    said = next((tr(said_id, said_en) for needle, said_id, said_en in _PROBLEMS if needle in problem), None)
    if said is None:  # libyaml speaks English only: an Indonesian run is not given its words
        said = excerpt(f"{context} {problem}".strip() if context else problem, 120)
        return code, line, column, tr("sintaks YAML salah di sini", "YAML syntax error: {p}", p=said), hint
    return code, line, column, tr("sintaks YAML salah: {p}", "YAML syntax error: {p}", p=said), hint
