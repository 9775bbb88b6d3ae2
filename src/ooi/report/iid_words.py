"""What the IID table and Markdown say alike: the raise to aim for, the estimate's caveat, the sources."""

from __future__ import annotations

from ooi.coverage.iid_scores import Scored, Scores
from ooi.i18n import tr
from ooi.report.figures import number as written


def number(value: float) -> str:
    """`35,14` in Indonesian, `35.14` in English."""
    return written(value, 2)


def nothing_claimed() -> str:
    """The one line said when no record claims an indicator yet."""
    return tr("Belum ada inovasi yang mengklaim indikator IID (blok iid di rekamannya), jadi setiap skor 0. Kolom saran: level "
              "yang sudah didukung rekamannya sendiri, untuk dikonfirmasi; saran tidak dihitung.",
              "No innovation claims an IID indicator yet (an iid block in its record), so every score is 0. The suggestion "
              "column: levels the record itself already supports, to confirm; suggestions are not counted.")


def suggestion_text(scored: Scored, scores: Scores) -> str:
    """`regulasi 2, sdm 1 (+8 bila dikonfirmasi)`, or a dash."""
    if not scored.saran:
        return "—"
    gain = sum(scores.catalogue.get(s.kunci).bobot * s.level for s in scored.saran)
    return ", ".join(f"{s.kunci} {s.level}" for s in scored.saran) + tr(" (+{n} bila dikonfirmasi)",
                                                                         " (+{n} once confirmed)", n=gain)

def raise_text(scored: Scored) -> str:
    if scored.naik is None:
        return tr("sudah maksimum", "already at the maximum")
    step = scored.naik
    return f"{step.kunci} {step.dari}→3 (+{step.tambah})"


def estimate(scores: Scores) -> str:
    return tr("Perkiraan daerah: {p}% → {k} (rata-rata skor {n} inovasi sebagai persen maksimum)",
              "Regional estimate: {p}% → {k} (mean score of {n} innovation(s) as a percentage of the maximum)",
              p=number(scores.perkiraan), k=scores.predikat, n=scores.counted)


def notes(scores: Scores) -> list[str]:
    """The caveats every IID output carries: an estimate without SPD, no two-year window, sources and confidence."""
    catalogue = scores.catalogue
    lines = [tr("Ini perkiraan tanpa aspek SPD (tingkat daerah) dan tanpa skor jumlah inovasi; nilai resmi "
                "hanya dari portal IID Kemendagri.",
                "This is an estimate without the region-level (SPD) aspect and the score for the number of "
                "innovations; the official value comes only from the ministry's IID portal."),
             tr("Portal hanya menilai inovasi yang diterapkan dalam dua tahun terakhir; skor di sini tidak "
                "menerapkan jendela itu.",
                "The portal assesses only innovations put into use in the last two years; the scores here do not "
                "apply that window.")]
    left = len(scores.innovations) - scores.counted
    if left:
        lines.append(tr("{n} inovasi bertanda * tidak masuk perkiraan: ada error di luar blok `iid:`, atau foldernya "
                        "bukan OPD yang terdaftar.",
                        "{n} innovation(s) marked * are left out of the estimate: errors outside the `iid:` block, or "
                        "a folder of no registered agency.", n=left))
    if scores.plans:
        lines.append(tr("{n} rencana (inisiatif) tidak diberi skor.", "{n} plan(s) (inisiatif) earn no score.",
                        n=scores.plans))
    lines.append(tr("Katalog IID {y}: keyakinan indikator {k}, predikat {p}. Sumber: {s}",
                    "IID catalogue {y}: confidence in the indicators {k}, in the predikat {p}. Source: {s}",
                    y=catalogue.siklus, k=_confidence(catalogue.keyakinan), p=_confidence(catalogue.bands_keyakinan),
                    s=" ".join(catalogue.sumber.split())))
    return lines


def _confidence(word: str) -> str:
    english = {"tinggi": "high", "sedang": "medium", "rendah": "low"}.get(word)
    return tr(word, english) if english else word
