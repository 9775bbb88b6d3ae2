"""An agency's contact as one line of text (report cards, `ooi show`, `ooi remind`)."""

from __future__ import annotations


def contact_text(kontak) -> str:
    """`nama (jabatan) · email · telepon`, leaving out what is not recorded; "" without a contact."""
    if kontak is None:
        return ""
    who = " ".join(part for part in (kontak.nama, f"({kontak.jabatan})" if kontak.jabatan else None) if part)
    return " · ".join(part for part in (who, kontak.email, kontak.telepon) if part)


def addressee(agency) -> list[str]:
    """Whom a letter is addressed to, by office: the contact's `jabatan`, then its agency unless the title names
    it (`Kepala Bagian Organisasi`, `Sekretariat Daerah`); without one the head of the agency (`Camat Batu`)."""
    jabatan = agency.kontak.jabatan if agency.kontak else None
    if not jabatan:
        return [head_of(agency)]
    return [jabatan] if agency.nama in jabatan else [jabatan, agency.nama]


# The title of an agency's head follows its kind: Sekretaris Daerah, Inspektur, Camat, Lurah, Kepala Dinas.
_HEADS = {"sekretariat": ("Sekretariat", "Sekretaris"), "inspektorat": ("Inspektorat", "Inspektur"),
          "kecamatan": ("Kecamatan", "Camat"), "kelurahan": ("Kelurahan", "Lurah")}


def head_of(agency) -> str:
    office, head = _HEADS.get(agency.jenis, ("", ""))
    if office and agency.nama.startswith(office):
        return head + agency.nama[len(office):]
    return f"Kepala {agency.nama}"
