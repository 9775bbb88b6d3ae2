"""What `ooi status` holds at national scale: a worker's summaries and places arrive shared, not as fresh copies."""

import pickle
from datetime import date

from ooi.engine.result import FileResult
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
