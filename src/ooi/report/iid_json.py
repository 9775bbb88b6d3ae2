"""IID scores as the JSON SPEC §14 pins: siklus, maksimum, innovations[…], perkiraan{skor, predikat}."""

from __future__ import annotations

import json

from ooi.coverage.iid_scores import Scores


def data(scores: Scores) -> dict:
    return {"siklus": scores.siklus, "maksimum": scores.maksimum,
            "innovations": [{"path": s.path, "nama": s.nama, "opd": s.opd, "tahapan": s.tahapan, "skor": s.skor,
                             "wajib_kurang": list(s.wajib_kurang)} for s in scores.innovations],
            "perkiraan": {"skor": scores.perkiraan, "predikat": scores.predikat}}


def render(scores: Scores, **_) -> str:
    return json.dumps(data(scores), ensure_ascii=False, indent=2) + "\n"
