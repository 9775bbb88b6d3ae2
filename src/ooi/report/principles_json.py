"""The principle matrix as JSON: the principles, one object per innovation, and the totals per principle."""

from __future__ import annotations

import json

from ooi.coverage.matrix import STATES


def render(matrix, **_) -> str:
    from ooi.model.facts import principle

    return json.dumps({
        "kode": matrix.kode,
        "principles": [{"code": code, "key": principle(code).key, "title": principle(code).legal,
                        "source": principle(code).source} for code in matrix.codes],
        "innovations": [{"path": row.path, "opd": row.opd, "nama": row.nama, "tahapan": row.tahapan or None,
                         "cells": row.cells} for row in matrix.rows],
        "summary": {code: {state: matrix.totals(code)[state] for state in STATES} for code in matrix.codes},
    }, ensure_ascii=False, indent=2) + "\n"
