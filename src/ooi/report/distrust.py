"""The commits whose dates ooi does not trust (SPEC §10), each named once: in JSON, and as lines after a text report."""

from __future__ import annotations

from ooi.i18n import tr


def entries(distrusted) -> list[dict]:
    """`tanggal_tidak_dipercaya`: {commit, tanggal (its own date), dipakai (the date used)} per commit."""
    return [{"commit": item.commit, "tanggal": item.tanggal.isoformat(), "dipakai": item.dipakai.isoformat()}
            for item in distrusted]


def lines(distrusted) -> str:
    """One line per commit, for the end of a text report (nothing when every date is trusted)."""
    return "".join(tr("tanggal commit {c} ({t}) tidak dipercaya karena waktu mundur di garis first-parent; "
                      "dipakai {d}\n",
                      "the date of commit {c} ({t}) is not trusted: time runs backwards on the first-parent line; "
                      "{d} is used\n", c=item.commit, t=item.tanggal, d=item.dipakai) for item in distrusted)
