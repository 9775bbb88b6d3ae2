"""Findings carry catalogue messages: checked in one language, a run is written in another exactly as if run in it."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from ooi import i18n
from ooi.coverage.tally import as_of
from ooi.engine import clock
from ooi.engine.checker import check
from ooi.engine.memo import Memo
from ooi.i18n import tr
from ooi.input.config import load_settings
from ooi.report import render
from test_validate_cli import ROOT

FORMATS = ["text", "json", "github", "sarif"]


@pytest.fixture(autouse=True)
def _language():
    yield
    i18n.use("id")


def _checked(language: str, jobs: int = 1, memo: Memo | None = None):
    i18n.use(language)
    with clock.frozen(date(2026, 3, 2)):
        return check(ROOT, load_settings(ROOT, strict=False), jobs=jobs, records=False, memo=memo)


def _written(result, language: str, fmt: str) -> str:
    i18n.use(language)
    return render(fmt, result, **({"hints": True} if fmt == "text" else {}))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("checked", "written"), [("id", "en"), ("en", "id")])
def test_a_run_checked_in_one_language_is_written_in_another_byte_for_byte(fmt, checked, written):
    alone = _written(_checked(written), written, fmt)
    assert _written(_checked(checked), written, fmt) == alone
    assert _written(_checked(checked, jobs=2), written, fmt) == alone  # what the workers judged, too


def test_a_memo_filled_in_one_language_serves_a_run_in_another():
    memo = Memo()
    _checked("id", memo=memo)
    again = _checked("en", memo=memo)
    assert memo.hits > 0
    assert _written(again, "en", "text") == _written(_checked("en"), "en", "text")


def test_a_message_renders_when_asked_and_crosses_processes_as_its_id_and_values():
    message = tr("`{f}` masih kosong ({n})", "`{f}` is empty ({n})", f="nama", n=tr("baris 3", "line 3"))
    assert (message, f"{message}") == ("`nama` masih kosong (baris 3)", "`nama` masih kosong (baris 3)")
    i18n.use("en")
    assert (str(message), f"<{message}>", message.again() + "!") == (
        "`nama` is empty (line 3)", "<`nama` is empty (line 3)>", "`nama` is empty (line 3)!")
    packed = pickle.dumps(message)
    assert b"`nama` masih kosong (baris 3)" not in packed and b"`{f}` masih kosong ({n})" in packed
    assert pickle.loads(packed) == "`nama` is empty (line 3)"
    with pytest.raises(AttributeError):
        message.id = "x"


@pytest.fixture(scope="module")
def status_root(tmp_path_factory):
    from test_status_cli import golden_root

    return golden_root(tmp_path_factory.mktemp("status"))


@pytest.mark.parametrize(("checked", "written", "golden"), [("id", "en", "expected.en.markdown"),
                                                           ("en", "id", "expected.markdown")])
def test_a_status_tallied_in_one_language_is_written_in_another_as_its_golden_output(status_root, checked, written,
                                                                                     golden):
    from ooi.engine.source import open_source
    from test_status_cli import GOLDEN

    i18n.use(checked)
    settings = load_settings(status_root)
    with open_source(status_root, settings) as source:
        coverage = as_of(source, 2023, date(2023, 6, 30))
    i18n.use(written)
    text = render("status_markdown", coverage, sumber=source.sumber, previous=None, against=None)
    assert text == (GOLDEN / golden).read_text(encoding="utf-8")


def test_a_message_said_again_is_the_same_object_while_what_renders_otherwise_is_not_shared():
    hint = tr("isi `nama`", "fill in `nama`")
    assert hint is tr("isi `nama`", "fill in `nama`")
    label = tr("uraian {p}", "the statement of {p}", p="P1 (efisiensi)")
    said = tr("{c} baru {n} kata", "{c} has only {n} words", c=label, n=6)
    assert said is tr("{c} baru {n} kata", "{c} has only {n} words",
                      c=tr("uraian {p}", "the statement of {p}", p="P1 (efisiensi)"), n=6)
    assert said == "uraian P1 (efisiensi) baru 6 kata" and said.values == {"c": label, "n": 6}
    # True equals 1 and "1" is a text: each keeps its own rendering; a list is never kept
    assert [tr("nilai {v}", "value {v}", v=value) for value in (1, True, "1", 1.0, [1])] == [
        "nilai 1", "nilai True", "nilai 1", "nilai 1.0", "nilai [1]"]
    assert tr("nilai {v}", "value {v}", v=[1]) is not tr("nilai {v}", "value {v}", v=[1])
    # the same names in another order are another message
    assert (tr("{a}-{b}", "{a}-{b}", a=1, b=2), tr("{a}-{b}", "{a}-{b}", b=1, a=2)) == ("1-2", "2-1")
    i18n.use("en")
    assert tr("isi `nama`", "fill in `nama`") == "fill in `nama`" and str(hint) == "fill in `nama`"
    assert pickle.loads(pickle.dumps(said)) is tr("{c} baru {n} kata", "{c} has only {n} words", c=label.again(), n=6)
