"""What the IID table and Markdown say alike: the raise to aim for, the estimate's caveat, the sources."""

from __future__ import annotations

from ooi.coverage.iid import Scored, Scores
from ooi.i18n import current, tr


def number(value: float) -> str:
    """`35,14` in Indonesian, `35.14` in English."""
    text = f"{value:.2f}"
    return text.replace(".", ",") if current() == "id" else text


def raise_text(scored: Scored) -> str:
    if scored.naik is None:
        return tr("sudah maksimum", "already at the maximum")
    step = scored.naik
    return f"{step.kunci} {step.dari}→3 (+{step.tambah})"


def estimate(scores: Scores) -> str:
    return tr("Perkiraan daerah: {p}% → {k} (rata-rata skor {n} inovasi sebagai persen maksimum)",
              "Regional estimate: {p}% → {k} (mean score of {n} innovation(s) as a percentage of the maximum)",
              p=number(scores.perkiraan), k=scores.predikat, n=len(scores.innovations))


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
    if scores.plans:
        lines.append(tr("{n} rencana (inisiatif) tidak diberi skor.", "{n} plan(s) (inisiatif) earn no score.",
                        n=scores.plans))
    lines.append(tr("Katalog IID {y}: keyakinan indikator {k}, predikat {p}. Sumber: {s}",
                    "IID catalogue {y}: confidence in the indicators {k}, in the predikat {p}. Source: {s}",
                    y=catalogue.siklus, k=_confidence(catalogue.keyakinan), p=_confidence(catalogue.bands_keyakinan),
                    s=" ".join(catalogue.sumber.split())))
    return lines


def _confidence(word: str) -> str:
    if current() == "id":
        return word
    return {"tinggi": "high", "sedang": "medium", "rendah": "low"}.get(word, word)
