"""IID scores as GitHub-flavoured Markdown, for a pull-request comment or a note to the secretariat."""

from __future__ import annotations

from ooi.coverage.iid_scores import Scores
from ooi.i18n import tr
from ooi.report.iid_words import estimate, nothing_claimed, notes, raise_text, suggestion_text
from ooi.text_safety import code, markdown
from ooi.report.status_show import STAGES


def render(scores: Scores, **_) -> str:
    lines = ["### " + tr("Indeks Inovasi Daerah (IID) · siklus {y} · maksimum {m} per inovasi",
                         "Regional Innovation Index (IID) · cycle {y} · maximum {m} per innovation",
                         y=scores.siklus, m=scores.maksimum), ""]
    if scores.innovations:
        if not scores.claimed:
            lines += [markdown(nothing_claimed()), ""]
        last = tr("Naik terbesar", "Largest raise") if scores.claimed else tr("Saran klaim (belum dihitung)",
                                                                             "Suggested claims (not counted)")
        lines += ["| No | " + " | ".join((tr("Inovasi", "Innovation"), "OPD", tr("Tahapan", "Stage"),
                                          tr("Skor", "Score"), tr("Wajib belum diklaim", "Mandatory not claimed"),
                                          last)) + " |",
                  "|---:|---|---|---|---:|---|---|"]
        for number, s in enumerate(scores.innovations, 1):
            mark = "" if s.dihitung else "\\*"
            lines.append(f"| {number} | {markdown(s.nama)} ({code(s.path)}) | {code(s.opd)} | {tr(*STAGES[s.tahapan])}"
                         f" | {s.skor}/{scores.maksimum}{mark} | {', '.join(f'`{k}`' for k in s.wajib_kurang) or '—'}"
                         f" | {raise_text(s) if scores.claimed else suggestion_text(s, scores)} |")
        lines.append("")
    lines += [f"**{estimate(scores)}**", ""] + [f"- {markdown(line)}" for line in notes(scores)]
    return "\n".join(lines) + "\n"
