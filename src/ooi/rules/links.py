"""The public-https rule every link in a record is held to (publications, evidence). Form only: nothing is fetched."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import cache
from urllib.parse import urlsplit

from ooi.i18n import tr
from ooi.model.facts import facts

LINK_HINT = ("tulis alamat lengkap laman publik, mis. `https://dinkes.batukota.go.id/layanan/antrean`",
             "write the full address of a public page, e.g. `https://dinkes.batukota.go.id/layanan/antrean`")


# What a browser would read as an IPv4 address (inet_aton's forms): one to four dot-separated numbers, each
# decimal, octal (`0177`) or hex (`0x7f`), the last filling the bytes left (`127.1`, `2130706433`). An IPv6
# address always holds a colon. Anything else is never an IP address: no parse attempted.
_IPV4ISH = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}\Z")
_DOTS = str.maketrans("\u3002\uff0e\uff61", "...")  # ideographic and fullwidth full stops, which IDNA reads as dots
_SPACE = re.compile(r"\s")  # what str.isspace calls space (the same Unicode test), found without a loop per character
# The usual link: https, an ASCII host with no user, port or brackets, no space anywhere. For such a text urlsplit
# gives the scheme `https` and the host as written, lowercased; matched here, the host is judged without its cost.
_PLAIN = re.compile(r"https://([A-Za-z0-9.-]+)(?:[/?#]\S*)?\Z")


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


def ip_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host name written as an IP address means, in any notation a browser accepts, else None.

    `127.1`, `0177.0.0.1`, `0x7f.0.0.1` and `2130706433` are all 127.0.0.1; `[::1]` is ::1.
    """
    if ":" in host:
        try:
            return ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            return None
    if not _IPV4ISH.match(host):
        return None
    numbers = []
    for part in host.split("."):
        base = 16 if part.startswith("0x") else 8 if len(part) > 1 and part.startswith("0") else 10
        try:
            numbers.append(int(part[2:] if base == 16 else part, base) if part != "0x" else 0)
        except ValueError:
            return None
    *first, last = numbers
    if any(number > 255 for number in first) or last >= 256 ** (4 - len(first)):
        return None
    value = last
    for place, number in enumerate(first):
        value += number << (8 * (3 - place))
    return ipaddress.IPv4Address(value)


def link_problem(link: str) -> str | None:
    """Why a link is not a public https address, or None. Form only: nothing is fetched."""
    plain = _PLAIN.match(link)
    if plain is not None:
        return _host_problem(link, plain.group(1).lower().rstrip("."))
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
    host = parts.hostname if parts.hostname.isascii() else unicodedata.normalize("NFKC", parts.hostname).translate(_DOTS)
    return _host_problem(text, host.lower().rstrip("."))


def _host_problem(text: str, host: str) -> str | None:
    """Why an https link with no user or password, to `host` (lowercased, no final dot), is not public, or None."""
    address = ip_address(host)
    if address is not None:
        meant = f" ({address})" if str(address) != host else ""  # what `0x7f.1` means, said when it differs
        return tr("tautan `{t}` memakai alamat IP{a}, bukan nama domain publik",
                  "the link `{t}` uses an IP address{a}, not a public domain name", t=text[:60], a=meant)
    # A name ending in a number is read by a browser as an IPv4 address, and here it is not one (`1.2.3.4.5`).
    if _private(host) or "." not in host or _IPV4ISH.match(host.rsplit(".", 1)[-1]):
        return tr("tautan `{t}` bukan laman publik", "the link `{t}` is not a public page", t=text[:60])
    return None
