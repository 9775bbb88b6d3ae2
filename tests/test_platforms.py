"""Code paths of platforms without POSIX signals (Windows): run on Linux with those names taken away."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import make_root, sample

# Windows' `signal` has no SIGHUP and no pthread_sigmask, and `os` no O_NONBLOCK, O_NOCTTY or O_CLOEXEC:
# they are removed before ooi is imported, as they would be missing there.
WITHOUT_POSIX = """
import os, signal
for name in ("SIGHUP", "pthread_sigmask", "SIG_BLOCK", "SIG_SETMASK"):
    delattr(signal, name)
for name in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC"):
    delattr(os, name)
"""


def run(code: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT_POSIX + textwrap.dedent(code)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_isi_saves_where_there_is_no_sighup_and_no_signal_mask(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/a.yaml": {**sample("penerapan"), "bentuk": ""}})
    done = run("""
        from pathlib import Path
        from ooi.cli.isi import _hang_up_as_interrupt
        from ooi.input.editor import Editor
        _hang_up_as_interrupt()
        editor = Editor.open(Path("data/inovasi/dispendukcapil/a.yaml"))
        editor.save(editor.change(("bentuk",), "pelayanan_publik"))
        print(Path("data/inovasi/dispendukcapil/a.yaml").read_text().count("bentuk: pelayanan_publik"))
    """, root)
    assert (done.returncode, done.stdout, done.stderr) == (0, "1\n", "")


def test_parallel_checking_spawns_where_there_is_no_signal_mask(tmp_path):
    files = {f"data/inovasi/dispendukcapil/a{i}.yaml": {**sample("penerapan"), "nama": f"Inovasi {i}"}
             for i in range(6)}
    root = make_root(tmp_path, {**files, "data/inovasi/dispendukcapil/rusak.yaml": "nama: [x\n"})
    done = run("""
        import os
        os.environ["OOI_START_METHOD"] = "spawn"
        from pathlib import Path
        from datetime import date
        from ooi.engine.checker import check
        from ooi.input.config import load_settings
        root = Path(".")
        one = check(root, load_settings(root), today=date(2026, 11, 28), jobs=1)
        two = check(root, load_settings(root), today=date(2026, 11, 28), jobs=2)
        print([(f.path, f.code) for f in two.findings] == [(f.path, f.code) for f in one.findings], len(one.findings))
    """, root)
    assert (done.returncode, done.stdout, done.stderr) == (0, "True 1\n", "")


def test_an_evidence_path_written_with_backslashes_is_judged_alike_everywhere(tmp_path):
    """`bukti\\dinsos\\sk.pdf` names a file on Windows and a strange name elsewhere: the same finding on each."""
    from datetime import date

    from ooi.engine.checker import check
    from ooi.input.config import load_settings

    record = sample("penerapan")
    record["bukti"][0] = {**record["bukti"][0], "berkas": "bukti\\dispendukcapil\\sk.pdf"}
    record["bukti"][0].pop("tautan", None)
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/a.yaml": record, "bukti/dispendukcapil/sk.pdf": b"%PDF"})
    found = [(f.code, f.field, f.message, f.hint) for f in check(root, load_settings(root),
                                                                 today=date(2026, 11, 28)).findings]
    assert found == [("R008", "bukti[0].berkas", "jalur berkas bukti `bukti\\dispendukcapil\\sk.pdf` memakai `\\`; "
                      "pemisah folder di repositori adalah `/` (di Linux dan macOS `\\` bagian dari nama)",
                      "tulis `berkas: bukti/dispendukcapil/sk.pdf`")]
