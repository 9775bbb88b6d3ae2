"""The shared text and link helpers answer as the scans they replaced did, one look-up at a time."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import sample
from ooi.model.facts import facts, principle, principles
from ooi.rules import links, wording
from ooi.schema.validation import validate_innovation

HOSTS = ["localhost", "x.localhost", "example.com", "www.example.com", "notexample.com", "a.example", "example",
         "foo.test", "test", "printer.local", "local", "db.internal", "router.lan", "lan.id", "dinkes.batukota.go.id",
         ".test", "a.b.c.invalid", "invalid.go.id"]


def _scan(host: str) -> bool:  # the scan of each listed host, as it was written before
    return any(host.endswith(entry) if entry.startswith(".") else host == entry or host.endswith("." + entry)
               for entry in facts()["host_bukan_publik"])


@pytest.mark.parametrize("host", HOSTS)
def test_a_host_is_private_exactly_when_the_scan_said_so(host):
    assert links._private(host) is _scan(host)


@pytest.mark.parametrize(("link", "public"), [
    # A name ending in a number is no domain: a browser reads it as an IPv4 address (and `1.2.3.4.5` fails).
    ("https://1.2.3.4/x", False), ("https://[::1]/x", False), ("https://1.2.3.4.5/x", False),
    ("https://123.go.id/x", True), ("https://dinkes.batukota.go.id/x", True), ("https://printer.local/", False)])
def test_only_what_can_be_an_ip_address_is_parsed_as_one(link, public):
    assert (links.link_problem(link) is None) is public


def _opening_scan(normal: str) -> bool:  # the loop over `awalan_pengisi` it replaced
    return any(normal == start or normal.startswith(start + " ") or (start == "lorem" and normal.startswith(start))
               for start in facts()["teks"]["awalan_pengisi"])


@pytest.mark.parametrize("normal", ["lorem", "loremipsum dolor", "ipsum", "ipsumx", "isi di sini ya", "isi di sinilah",
                                    "todo", "todo: nanti", "todos", "tbd", "xxx yyy", "xxxl", "isikan", "warga"])
def test_a_placeholder_opening_is_matched_as_the_loop_matched_it(normal):
    assert (wording._opening().match(normal) is not None) is _opening_scan(normal)


def _placeholder_whole(value: str) -> bool:  # the definition, normalising the whole text (as before the head)
    normal = " ".join(value.split()).casefold().strip(wording._EDGES)
    return normal in facts()["teks"]["pengisi"] or not wording._WORD.search(normal) or wording._opening().match(normal)


LONG_TEXTS = ["lorem ipsum " * 10, "Lorem" + " " * 70 + "ipsum dolor", "ada" + "-" * 80 + "x", "ada" + "_" * 90,
              " " * 70 + "todo nanti " * 5, "— " * 40 + "warga", "todo" + " " * 60 + "x" * 5, "isi di sini" + "." * 60,
              "Warga cukup datang sekali " * 4, "x" * 65 + " lorem", "...TODO " + "tulis " * 20]


@pytest.mark.parametrize("value", LONG_TEXTS)
def test_a_long_text_is_a_placeholder_exactly_when_its_whole_normal_form_is(value):
    assert wording.placeholder(value) is bool(_placeholder_whole(value))


def test_the_head_of_a_long_text_is_longer_than_every_stand_in_and_opening():
    written = [*facts()["teks"]["pengisi"], *facts()["teks"]["awalan_pengisi"]]
    assert max(map(len, written)) < wording._OPENING_MAX < wording._HEAD


@given(st.text(alphabet=st.sampled_from(list("ab é_-.…—\t\n")) | st.characters(), max_size=200))
@settings(max_examples=400, deadline=None)
def test_placeholder_and_word_counts_agree_with_their_definitions(value):
    assert wording.placeholder(value) is bool(_placeholder_whole(value))
    count = len(wording._WORD.findall(value))
    assert [wording.has_words(value, n) for n in (1, 6, 10, 25)] == [count >= n for n in (1, 6, 10, 25)]


def _same_one_by_one(record, code: str):  # the comparison as written before: each earlier principle in turn
    own = wording.normal_words(getattr(record.prinsip, principle(code).key).uraian)
    for other in principles().values():
        if other.code == code:
            return None
        if wording.normal_words(getattr(record.prinsip, other.key).uraian) == own:
            return other


@pytest.mark.parametrize("copies", [{}, {"efektivitas": "efisiensi"}, {"akuntabilitas": "efektivitas",
                                                                     "kepatutan": "efektivitas"},
                                    {"keterbukaan": "kualitas_pelayanan", "efektivitas": "efisiensi"}])
def test_each_statement_is_named_the_same_as_the_first_earlier_one(copies):
    data = sample("penerapan")
    for key, source in copies.items():
        data["prinsip"][key]["uraian"] = data["prinsip"][source]["uraian"] + " ."
    record = validate_innovation(data)[0]
    for code in principles():
        assert wording._Said.of(record).same_before(code) == _same_one_by_one(record, code), code


def test_a_link_has_a_space_exactly_where_str_isspace_finds_one():
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(links._SPACE.match(c)) != c.isspace()] == []


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
@settings(max_examples=500, deadline=None)
def test_a_plain_ascii_name_folds_as_every_name_folds(name):
    from ooi.text_safety import _fold_any, fold

    assert fold(name) == " ".join(_fold_any(name).split())


LINKS = ["https://dinkes.batukota.go.id/layanan", "https://A.Go.Id./x?y#z", "https://1.2.3.4/", "https://0x7f.1/",
         "https://a..b/", "https://.../", "https://localhost", "https://x.local./", "https://a.go.id:443/",
         "https://u@a.go.id/", "https://a.go.id/ x", " https://a.go.id/", "https://a.go.id/\x00", "HTTPS://a.go.id",
         "https://[::1]/", "https://ａ.go.id/", "https://a\u3002go\u3002id/", "https://a.go.id/é", "https://-/"]


def _slow(link: str, monkeypatch) -> object:  # judged through urlsplit, as every link was before
    with monkeypatch.context() as patched:
        patched.setattr(links, "_PLAIN", re.compile(r"(?!)"))
        return links.link_problem(link)


@pytest.mark.parametrize("link", LINKS)
def test_a_plain_link_is_judged_as_urlsplit_judges_it(link, monkeypatch):
    assert links.link_problem(link) == _slow(link, monkeypatch)


@given(st.text(alphabet=st.sampled_from(list("httpsHTPS:/.-?#@[]%x0 \u3002é")), max_size=30).map(lambda t: "https://" + t)
       | st.text(max_size=30))
@settings(max_examples=500, deadline=None)
def test_every_link_is_judged_as_urlsplit_judges_it(link):
    with pytest.MonkeyPatch.context() as patched:
        assert links.link_problem(link) == _slow(link, patched)


@pytest.mark.parametrize("copies", [{}, {"efektivitas": "efisiensi"}, {"kepatutan": "efektivitas",
                                                                     "akuntabilitas": "lorem ipsum"}])
def test_statements_read_in_one_pass_compare_as_read_one_by_one(copies):
    data = sample("penerapan")
    for key, source in copies.items():
        data["prinsip"][key]["uraian"] = data["prinsip"].get(source, {}).get("uraian", source)
    record = validate_innovation(data)[0]
    once = wording._Said(record)
    one_by_one = wording._Said(record)
    one_by_one.before, one_by_one.normals, one_by_one.first, one_by_one.read = None, {}, {}, 0
    assert once.before is not None
    assert once.normals == {this.key: one_by_one.normal(this.key) for this in principles().values()}
    said = [this.code for this in principles().values() if once.normals[this.key] is not None]  # what P1–P8 compare
    assert [once.same_before(code) for code in said] == [one_by_one.same_before(code) for code in said]
