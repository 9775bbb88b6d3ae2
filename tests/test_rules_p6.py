"""P6 keterbukaan: a public https link or a named medium with a date from the pilot on; a plan says how."""

import pytest
from conftest import sample
from rulecase import assert_findings

STAGES = ["inisiatif", "uji_coba", "penerapan"]
KEYS = "prinsip.keterbukaan.publikasi"
PAGE = "https://dispendukcapil.batukota.go.id/penak-pkk"


def published(stage: str, *entries: dict) -> dict:
    record = sample(stage)
    record["prinsip"]["keterbukaan"]["publikasi"] = list(entries)
    return record


@pytest.mark.parametrize("stage", STAGES)
def test_sample_passes_at_every_stage(stage):
    assert_findings(sample(stage), [], codes=("P6",))


@pytest.mark.parametrize("stage", STAGES)
def test_nothing_published_fails_at_every_stage(stage):
    found = assert_findings(published(stage), [("P6", KEYS)])
    assert ("rencana" in found[0].message) == (stage == "inisiatif")


@pytest.mark.parametrize("stage", STAGES)
def test_placeholder_statement_fails_at_every_stage(stage):
    record = sample(stage)
    record["prinsip"]["keterbukaan"]["uraian"] = "Terbuka."
    assert_findings(record, [("P6", "prinsip.keterbukaan.uraian")])


@pytest.mark.parametrize("stage", ["uji_coba", "penerapan"])
def test_from_the_pilot_on_a_date_is_needed(stage):
    assert_findings(published(stage, {"tautan": PAGE}), [("P6", f"{KEYS}[0].tanggal")])
    assert_findings(published(stage, {"media": "Radio Kota Batu FM", "tanggal": "2020-09-01"}), [], codes=("P6",))
    assert_findings(published(stage, {"tautan": PAGE, "tanggal": "2020-09-01"}), [], codes=("P6",))


def test_a_plan_may_name_the_medium_without_a_date():
    assert_findings(published("inisiatif", {"media": "Instagram @dispendukcapil.batu"}), [], codes=("P6",))
    assert_findings(published("inisiatif", {"tautan": PAGE}), [], codes=("P6",))


def test_a_publication_dated_after_today_does_not_count():
    record = published("penerapan", {"tautan": PAGE, "tanggal": "2027-01-01"})
    assert_findings(record, [("P6", f"{KEYS}[0].tanggal"), ("R006", f"{KEYS}[0].tanggal")])


@pytest.mark.parametrize("link", [
    "http://dispendukcapil.batukota.go.id/penak",
    "https://192.168.1.10/penak",
    "https://localhost/penak",
    "https://example.com/penak",
    "https://intranet/penak",
    "https://server.local/penak",
    "https://admin:rahasia@batukota.go.id/",
    "ftp://batukota.go.id/penak",
    "dispendukcapil.batukota.go.id/penak",
    "https://batukota.go.id/ada spasi",
    "https://batukota.go.id:99999/",
])
def test_links_must_be_public_https(link):
    record = published("penerapan", {"tautan": link, "tanggal": "2020-09-01"},
                       {"media": "Radio Kota Batu FM", "tanggal": "2020-09-01"})
    assert_findings(record, [("P6", f"{KEYS}[0].tautan")])


@pytest.mark.parametrize("stage", STAGES)
def test_a_bad_link_fails_at_every_stage(stage):
    record = published(stage, {"tautan": "http://batukota.go.id/penak", "tanggal": "2020-09-01"},
                       {"media": "Radio Kota Batu FM", "tanggal": "2020-09-01"})
    assert_findings(record, [("P6", f"{KEYS}[0].tautan")])


@pytest.mark.parametrize("medium", ["media sosial", "Website", "medsos", "-", "Sosial Media."])
def test_a_medium_must_be_named(medium):
    record = published("penerapan", {"media": medium, "tanggal": "2020-09-01"})
    assert_findings(record, [("P6", f"{KEYS}[0].media"), ("P6", KEYS)])


def test_an_entry_needs_a_link_or_a_medium():
    record = published("inisiatif", {"tanggal": "2023-03-01"}, {"media": "Papan pengumuman Kelurahan Sisir"})
    assert_findings(record, [("P6", f"{KEYS}[0]")])
