"""The IID export as one xlsx (SPEC §14): a profile sheet and an indicator sheet, through ooi's own xlsx writer."""

from __future__ import annotations

import io

from ooi.coverage.iid_rows import IidExport
from ooi.report.xlsx_writer import sheet, write


def render(export: IidExport, **_) -> bytes:
    out = io.BytesIO()
    write(out, [sheet("Profil", export.profile_columns, export.profiles, len(export.profiles)),
                sheet("Indikator", export.indicator_columns, export.indicators, len(export.indicators))])
    return out.getvalue()
