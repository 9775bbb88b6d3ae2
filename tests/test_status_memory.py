"""What `ooi status` holds at national scale: a worker's summaries and places arrive shared, not as fresh copies."""

import pickle
from datetime import date

import pytest

from ooi.coverage.tally import _stand
from ooi.engine.result import NO_FINDINGS, FileResult
from ooi.model.summary import Dates, Summary, summarize
from ooi.pools import forget


def _summary(nama: str) -> Summary:
    # Each value made anew, as unpickling a worker's message makes it: equal, but not the same object.
    return Summary(nama, "".join(["uji", "_coba"]), date(2026, 3, 4), None,
                   Dates(date(2026, 1, 2), date(2026, 3, 4)), "".join(["digi", "tal"]), "".join(["tata", "kelola"]),
                   "".join(["kese", "hatan"]))


def test_summaries_from_separate_messages_share_their_repeated_values():
    first, second = (pickle.loads(pickle.dumps(_summary(nama))) for nama in ("Aplikasi A", "Aplikasi B"))
    assert first == _summary("Aplikasi A") and second == _summary("Aplikasi B")  # nothing changed but identity
    for index in (1, 2, 4, 5, 6, 7):
        assert first[index] is second[index], Summary._fields[index]
    assert first.waktu.uji_coba is second.waktu.uji_coba
    assert first.nama == "Aplikasi A" and second.nama == "Aplikasi B"
    forget()


def test_summarize_shares_them_within_one_process_too():
    class Record:  # the few fields summarize reads, made anew for each record as YAML loading does
        def __init__(self, nama):
            self.nama, self.tahapan, self.tanggal_lapor, self.tahun_rencana = nama, "".join(["uji", "_coba"]), \
                date(2026, 3, 4), None
            self.waktu = Dates(date(2026, 1, 2), None)
            self.bentuk, self.jenis = "".join(["digi", "tal"]), "".join(["tata", "kelola"])
            self.urusan = type("Urusan", (), {"utama": "".join(["kese", "hatan"])})()

    first, second = summarize(Record("Satu")), summarize(Record("Dua"))
    assert (first.nama, second.nama) == ("Satu", "Dua")
    assert first.tahapan is second.tahapan and first.urusan is second.urusan and first.waktu is second.waktu
    assert first.waktu == (date(2026, 1, 2), None)
    forget()


def test_a_file_result_arrives_whole_with_its_places_shared():
    made = [FileResult(f"data/inovasi/dinkes/{n}.yaml", "inovasi", None, [], None, {"nama": (3, 7)})
            for n in ("a", "b")]
    first, second = (pickle.loads(pickle.dumps(result)) for result in made)
    assert (first.path, first.kind, first.record, first.findings, first.signature, first.places) == \
        ("data/inovasi/dinkes/a.yaml", "inovasi", None, [], None, {"nama": (3, 7)})
    assert second.path == "data/inovasi/dinkes/b.yaml"
    assert first.places is second.places
    assert pickle.loads(pickle.dumps(FileResult("data/x.yaml", "lain"))).places is None
    forget()


# What a history's memo holds at national scale (issue 29): one summary per innovation, keys sharing the run's values.

def test_the_memo_and_the_run_hold_one_summary_and_keys_share_the_run_s_blob_ids_salts_and_dates():
    from ooi.engine.memo import Memo, Recalled, days
    from ooi.model.records import Innovation

    record = Innovation.model_construct(opd="".join(["din", "kes"]), nama="Sigap Bumil", tahapan="inisiatif",
                                        tanggal_lapor=date(2023, 3, 10), tahun_rencana=2023, waktu=None,
                                        bentuk="pelayanan_publik", jenis="digital",
                                        urusan=type("Urusan", (), {"utama": "1.02"})())
    result = FileResult("data/inovasi/dinkes/sigap.yaml", "inovasi", record)
    worker = Memo()
    worker.keep_fresh()
    key = ("data/inovasi/dinkes/sigap.yaml", "".join(["ab"] * 20), b"salt", date(2023, 3, 10))
    worker.put(key, date(2023, 3, 31), result, {"tanggal_lapor": "2023-03-10", "tahun_rencana": 2023})
    summary = Summary("Sigap Bumil", "inisiatif", date(2023, 3, 10), 2023, None, "pelayanan_publik", "digital", "1.02")
    assert result.record == Recalled("dinkes", "Sigap Bumil", summary)  # the run keeps what the memo keeps
    (sent_key, judged), = worker.fresh_judgements()
    assert judged.record is result.record and days(judged.pivots) == (date(2023, 1, 1), date(2023, 3, 10))
    assert type(judged.pivots) is bytes and len(judged.pivots) == 8  # two days, as two 4-byte ordinals
    from ooi.model.summary import shared

    # In the parent: the key arrives with its own copies; it keeps the run's blob id and the pool's salt and date.
    arrived = pickle.loads(pickle.dumps([(sent_key, judged)]))
    blobs = {key[0]: "".join(["ab"] * 20)}
    parent, earlier = Memo(), (b"".join([b"sa", b"lt"]), date(2023, 3, 10))
    earlier = tuple(map(shared, earlier))  # equal values already held, as an earlier file of the run left them
    parent.receive(arrived, lambda rel, data: None, blobs)
    (path, kept), = parent._kept.items()  # by path; the rest of the key in the judgement's slots
    assert (path, kept.blob, kept.salt, kept.filed) == key and kept.blob is blobs[key[0]]
    assert kept.salt is earlier[0] and kept.filed is earlier[1]
    assert parent.get(key, date(2023, 4, 30)).record.summary == summary
    forget()


def test_the_memo_keeps_one_judgement_a_file_and_judges_a_changed_key_again():
    from ooi.engine.memo import Memo

    memo, path, day = Memo(), "data/inovasi/dinkes/sigap.yaml", date(2023, 3, 31)
    before = (path, "a" * 40, b"salt", date(2023, 3, 10))
    memo.put(before, day, FileResult(path, "inovasi"), {})
    assert (len(memo), memo.get(before, day).blob) == (1, "a" * 40)
    for changed in ((path, "b" * 40, b"salt", date(2023, 3, 10)), (path, "a" * 40, b"other", date(2023, 3, 10)),
                    (path, "a" * 40, b"salt", date(2023, 3, 11))):  # its content, the run's salt, its filed date
        assert memo.get(changed, day) is None
    after = (path, "b" * 40, b"salt", date(2023, 3, 10))
    memo.put(after, day, FileResult(path, "inovasi"), {})  # the content changed: the earlier judgement goes
    assert (len(memo), memo.get(before, day), memo.get(after, day).blob) == (1, None, "b" * 40)
    assert (memo.hits, memo.misses) == (2, 4)


def test_a_tree_s_entries_share_the_root_s_part_of_their_paths(tmp_path, monkeypatch):
    import os

    from ooi.input.discovery import Entry, discover

    for rel in ("data/opd/dinkes.yaml", "data/inovasi/dinkes/sigap.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("nama: x\n", encoding="utf-8")
    innovation, agency = discover(tmp_path).entries  # by path
    assert (agency.path, agency.rel, agency.kind) == (f"{tmp_path}/data/opd/dinkes.yaml", "data/opd/dinkes.yaml", "opd")
    assert innovation.path == f"{tmp_path}/data/inovasi/dinkes/sigap.yaml" and innovation.folder == "dinkes"
    assert agency._head is innovation._head == f"{tmp_path}/"  # one string for the whole tree
    arrived = pickle.loads(pickle.dumps([agency, innovation]))  # as a worker gets them
    assert arrived == [agency, innovation] and arrived[0]._head is arrived[1]._head and arrived[1].path == \
        innovation.path
    assert Entry(f"{tmp_path}/data/opd/dinkes.yaml", "data/opd/dinkes.yaml", "opd") == agency  # a path of its own
    monkeypatch.chdir(tmp_path)
    from pathlib import Path

    assert [entry.path for entry in discover(Path(".")).entries] == [  # as scandir names them from "."
        os.path.join("data/inovasi/dinkes", "sigap.yaml"), os.path.join("data/opd", "dinkes.yaml")]


def test_files_without_findings_arrive_sharing_one_list_that_nothing_can_change():
    arrived = [pickle.loads(pickle.dumps(FileResult(f"data/inovasi/dinkes/{name}.yaml", "inovasi"))) for name in "ab"]
    assert arrived[0].findings is arrived[1].findings is NO_FINDINGS
    assert arrived[0] == FileResult("data/inovasi/dinkes/a.yaml", "inovasi")  # equal to an empty list of its own
    for change in (lambda found: found.append(1), lambda found: found.extend([1]), lambda found: found.__iadd__([1]),
                   lambda found: found.insert(0, 1), lambda found: found.sort()):
        with pytest.raises(TypeError):
            change(NO_FINDINGS)
    assert NO_FINDINGS == [] and sorted(NO_FINDINGS + ["a"]) == ["a"]  # read, or made into a new list
    with_one = pickle.loads(pickle.dumps(FileResult("data/opd/dinkes.yaml", "opd", None, ["temuan"])))
    assert with_one.findings == ["temuan"] and with_one.findings is not NO_FINDINGS


def test_a_point_s_standings_share_their_years():
    first, second = (_stand(FileResult(f"data/inovasi/dinkes/{name}.yaml", "inovasi", _summary(name)), 2026,
                            date(2026, 12, 31), 2) for name in ("A", "B"))
    assert first.years == (2026,) and first.years is second.years
    forget()
