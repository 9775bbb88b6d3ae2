"""The public-https rule every link in a record is held to (publications, evidence). Form only: nothing is fetched."""

from __future__ import annotations

import ipaddress
import re
from functools import cache
from urllib.parse import urlsplit

from ooi.i18n import tr
from ooi.model.facts import facts

LINK_HINT = ("tulis alamat lengkap laman publik, mis. `https://dinkes.batukota.go.id/layanan/antrean`",
             "write the full address of a public page, e.g. `https://dinkes.batukota.go.id/layanan/antrean`")


# Only ASCII digits and dots can be an IPv4 address; an IPv6 address always holds a colon.
_IPV4ISH = re.compile(r"[0-9.]+\Z")
_SPACE = re.compile(r"\s")  # what str.isspace calls space (the same Unicode test), found without a loop per character


@cache
def _not_public() -> tuple[frozenset, frozenset]:
    """(whole host names, endings from a dot) of the hosts that are not public, from the facts: built once."""
    entries = facts()["host_bukan_publik"]
    whole = frozenset(entry for entry in entries if not entry.startswith("."))
    return whole, frozenset(entry for entry in entries if entry.startswith(".")) | {"." + entry for entry in whole}


def _private(host: str) -> bool:
    """`host` is a listed name, or ends in a listed `.ending` or `.name`: set look-ups at each dot, not a scan."""
    whole, endings = _not_public()
    if host in whole:
        return True
    dot = host.find(".")
    while dot != -1:
        if host[dot:] in endings:
            return True
        dot = host.find(".", dot + 1)
    return False


def link_problem(link: str) -> str | None:
    """Why a link is not a public https address, or None. Form only: nothing is fetched."""
    text = link.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        parts = None
    if parts is None or _SPACE.search(text) or not parts.hostname:
        return tr("`{t}` bukan tautan yang sah", "`{t}` is not a valid link", t=text[:60])
    if parts.scheme.lower() == "http":
        return tr("tautan `{t}` memakai http, bukan https", "the link `{t}` uses http, not https", t=text[:60])
    if parts.scheme.lower() != "https":
        return tr("tautan `{t}` bukan alamat https", "the link `{t}` is not an https address", t=text[:60])
    if parts.username or parts.password:
        return tr("tautan memuat nama pengguna atau sandi", "the link holds a user name or password")
    host = parts.hostname.rstrip(".")
    if ":" in host or _IPV4ISH.match(host):  # anything else is never an IP address: no parse attempted
        try:
            ipaddress.ip_address(host)
            return tr("tautan `{t}` memakai alamat IP, bukan nama domain publik",
                      "the link `{t}` uses an IP address, not a public domain name", t=text[:60])
        except ValueError:
            pass
    if _private(host) or "." not in host:
        return tr("tautan `{t}` bukan laman publik", "the link `{t}` is not a public page", t=text[:60])
    return None
