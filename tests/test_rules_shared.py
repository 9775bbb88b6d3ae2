"""The shared text and link helpers answer as the scans they replaced did, one look-up at a time."""

from __future__ import annotations

import pytest

from ooi.model.facts import facts
from ooi.rules import links, text

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
    ("https://1.2.3.4/x", False), ("https://[::1]/x", False), ("https://1.2.3.4.5/x", True),
    ("https://123.go.id/x", True), ("https://dinkes.batukota.go.id/x", True), ("https://printer.local/", False)])
def test_only_what_can_be_an_ip_address_is_parsed_as_one(link, public):
    assert (links.link_problem(link) is None) is public


def _opening_scan(normal: str) -> bool:  # the loop over `awalan_pengisi` it replaced
    return any(normal == start or normal.startswith(start + " ") or (start == "lorem" and normal.startswith(start))
               for start in facts()["teks"]["awalan_pengisi"])


@pytest.mark.parametrize("normal", ["lorem", "loremipsum dolor", "ipsum", "ipsumx", "isi di sini ya", "isi di sinilah",
                                    "todo", "todo: nanti", "todos", "tbd", "xxx yyy", "xxxl", "isikan", "warga"])
def test_a_placeholder_opening_is_matched_as_the_loop_matched_it(normal):
    assert (text._opening().match(normal) is not None) is _opening_scan(normal)
